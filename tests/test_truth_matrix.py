"""Nothing generated says what the record does not: every assessment state of both tracks ×
every generated document (the letter to the children, the summary for the tjänsteskrivelse,
page 1, the whole report, the assessment its PDF carries, an export, the council overview).

Each state hides one answer that is still stored (the official changed the answer its
condition reads), and has a planned decision date that differs from the recorded one, so a
document that quotes a hidden answer or prints a plan as a decision is caught.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest

from app.core.children_letter import draft
from app.core.dashboard import collect, overview
from app.core.document.attachment import assessment_json
from app.core.document.build import build_document
from app.core.document.front import front_section
from app.core.document.summary import build_summary
from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment
from app.core.models.lifecycle import CommitteeDecision
from app.report.context import prepare
from app.services.paths import EXAMPLES_DIR
from app.services.shipped import catalog
from app.store.exchange import export_document

HIDDEN = "DOLT-SVAR-SOM-INTE-FAR-SYNAS"
PLANNED = dt.date(2027, 2, 18)  # "18 februari 2027": printed only as a plan
DECIDED_ON = dt.date(2027, 3, 4)  # "4 mars 2027": the recorded decision
TRACKS = {"standard": "skolnedlaggning.yaml", "individual": "individ-placering.yaml"}
#: per track: the heard question, its answer meaning "not heard", the not-heard reason
HEARD = {"standard": ("children_heard", "heard_who_what", "why_not_heard"),
         "individual": ("child_heard", "child_said", "why_not_heard")}
STATES = ("not_heard", "screened_out", "draft", "decided", "followed_up")


def _with(a: Assessment, **answers: Any) -> Assessment:
    return a.model_copy(update={"answers": a.answers | {k: Answer(value=v)
                                                        for k, v in answers.items()}})


def make(track: str, state: str) -> Assessment:
    base, _ = load_assessment(EXAMPLES_DIR / TRACKS[track])
    base = base.model_copy(update={
        "id": f"{track}-{state}", "status": "draft",
        "decision": base.decision.model_copy(update={"decision_date": PLANNED})})
    asked, said, why_not = HEARD[track]
    if state == "not_heard":  # the official changed "heard" to "no": what they said is hidden
        return _with(base, **{asked: "no", said: HIDDEN, why_not: "Ingen tid före beslutet."})
    if state == "screened_out":  # everything after the screening is hidden
        return _with(base, affects_children="none", heard_who_what=HIDDEN,
                     why_not_concerned="Beslutet gäller bara kommunens interna lokaler.")
    a = _with(base, **{why_not: HIDDEN})  # heard: the not-heard reason is hidden
    if state == "draft":
        return a
    recorded = CommitteeDecision(date=DECIDED_ON, outcome="as_proposed",
                                 recorded_by="Nämndsekreterare")
    return a.model_copy(update={"status": "decided" if state == "decided" else "followed_up",
                                "committee_decision": recorded})


def cases() -> Iterator[Any]:
    for track in TRACKS:
        for state in STATES:
            if track == "individual" and state == "screened_out":
                continue  # a decision about one child is never screened out: it concerns them
            yield pytest.param(track, state, id=f"{track}-{state}")


def words(node: object) -> Iterator[str]:
    """Every string in a document-model tree: what any renderer would print."""
    if isinstance(node, str):
        yield node
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for f in dataclasses.fields(node):
            yield from words(getattr(node, f.name))
    elif isinstance(node, tuple | list):
        for item in node:
            yield from words(item)


def heard(state: str) -> bool:
    return state not in ("not_heard", "screened_out")


def decided(state: str) -> bool:
    return state in ("decided", "followed_up")


@pytest.mark.parametrize(("track", "state"), list(cases()))
def test_letter_says_only_what_the_record_supports(track: str, state: str) -> None:
    a = make(track, state)
    letter = draft(prepare(a, lang="sv"), today=dt.date(2027, 3, 10))
    body = letter.body
    assert HIDDEN not in body
    assert ("Tack för att du sa vad du tycker" in body) == heard(state)
    assert ("Det här sa barnen" in body) == heard(state)
    assert ("Det här bestämdes" in body) == decided(state)
    assert ("Beslutet togs den 4 mars 2027." in body) == decided(state)
    assert "Beslutet togs den 18 februari 2027" not in body  # a plan is never a decision
    if not decided(state):
        # the letter is dated after the planned day: the plan is told as one that was
        assert "Det här föreslås" in body
        assert "Det var planerat att bestämmas den 18 februari 2027." in body
        assert "ska bestämmas" not in body
        before = draft(prepare(a, lang="sv"), today=dt.date(2027, 2, 1)).body
        assert "Det ska bestämmas den 18 februari 2027." in before
        assert "planeras" in body or "Det här händer sedan" not in body
    assert a.decision.official in letter.signature and "10 mars 2027" in letter.signature
    # a matter screened out is never called one that concerns children
    if state == "screened_out":
        assert "gäller barn" not in letter.title + letter.greeting
    english = draft(prepare(a, lang="en")).body
    assert HIDDEN not in english
    assert ("The decision was made on 4 March 2027." in english) == decided(state)


@pytest.mark.parametrize(("track", "state"), list(cases()))
def test_summary_and_page_one_say_only_what_the_record_supports(track: str, state: str) -> None:
    a = make(track, state)
    ri = prepare(a, lang="sv")
    summary = build_summary(ri).plain()
    page_one = " ".join(words(front_section(ri)))
    report = " ".join(words(build_document(ri)))
    for text in (summary, page_one, report):
        assert HIDDEN not in text
    # each track in its own words: the child, or children
    said = "Vad barnet har sagt" if track == "individual" else "Vad barn har sagt"
    assert (said in summary) == heard(state)
    assert ("Beslutat" in page_one) == decided(state)
    assert ("2027-03-04" in page_one) == decided(state)
    assert ("Planerat beslutsdatum" in page_one) == (not decided(state))
    if decided(state):
        assert "2027-02-18" not in page_one  # the plan gives way to the recorded decision


@pytest.mark.parametrize(("track", "state"), list(cases()))
def test_the_pdf_attachment_and_exports_carry_only_shown_answers(track: str,
                                                                state: str) -> None:
    a = make(track, state)
    ri = prepare(a, lang="sv")
    attached = json.loads(assessment_json(ri.shown_assessment))
    exported = export_document([a], catalog=catalog())
    assert HIDDEN not in json.dumps(attached, ensure_ascii=False)
    assert HIDDEN not in json.dumps(exported, ensure_ascii=False)
    # What is shown goes out whole: the answer the state's condition reads is kept.
    kept = attached["answers"]
    assert HEARD[track][0] in kept or state == "screened_out"
    assert set(kept) == set(exported["assessments"][0]["answers"])  # type: ignore[index]


@pytest.mark.parametrize(("track", "state"), list(cases()))
def test_council_overview_counts_only_recorded_facts(track: str, state: str) -> None:
    a = make(track, state)
    facts, skipped = collect([a], catalog())
    assert not skipped
    (f,) = facts
    assert f.kind == ("screening" if state == "screened_out" else "assessment")
    directly = dict(a.answers)[HEARD[track][0]].value == "directly"
    assert f.heard_directly == (heard(state) and directly)
    assert f.date == (DECIDED_ON if decided(state) else PLANNED)
    every = overview(facts, today=dt.date(2027, 3, 10), statuses=None)
    heard_sum = sum(g.heard_directly for g in every.groups)
    assert heard_sum == int(heard(state) and directly)
    # By default the council's overview counts decisions taken, nothing before them.
    board = overview(facts, today=dt.date(2027, 3, 10))
    assert board.total == int(decided(state))
