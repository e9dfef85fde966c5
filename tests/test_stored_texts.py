"""Answers that match another stored assessment of a different decision earn nothing and are
named; copies of the same decision are not "another"."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import verdict
from app.core.loading import load_assessment, normalise_answers
from app.core.models.assessment import Assessment, Ownership
from app.core.models.scorecard import Scorecard
from app.core.scoring import decision_text, score
from app.services.paths import ROOT
from app.services.shipped import catalog
from app.services.stored_texts import references
from app.store.tinydb_store import TinyDBAssessmentStore

SOURCE = ROOT / "examples" / "trafik-skolvag.yaml"
FREE = ["knowledge_summary", "alternatives_consequences", "heard_how"]


@pytest.fixture
def store(tmp_path: Path) -> TinyDBAssessmentStore:
    return TinyDBAssessmentStore(tmp_path / "data")


def source() -> Assessment:
    a, _ = load_assessment(SOURCE)
    return a.model_copy(update={"id": None})


def another_decision(base: Assessment, title: str, case: str) -> Assessment:
    """Another school's assessment that reuses the source's answers as they stand."""
    d = base.decision.model_copy(update={"title": title, "case_number": case})
    return base.model_copy(update={"id": None, "decision": d})


def card(a: Assessment, store: TinyDBAssessmentStore, **kw: object) -> Scorecard:
    cat = catalog()
    q = cat.questionnaire(a.questionnaire.id)
    assert q is not None
    values, _ = normalise_answers(a, q)
    d = a.decision
    return score(q, values, cat.library, decision_text(d.title, d.description), d.decision_date,
                 # only what is stored: the shipped example these tests start from would
                 # otherwise be found first
                 cat.law, references(a, store, **kw))  # type: ignore[arg-type]


def copied(c: Scorecard) -> set[str]:
    return {h.source for h in c.hollow if h.reason == "other_assessment"}


def test_a_reused_assessment_of_another_decision_is_named(store: TinyDBAssessmentStore) -> None:
    first = store.create(source(), editor="Karin")
    second = store.create(another_decision(first, "Ny gångväg vid Lillsjö skola",
                                           "TN 2027/041"), editor="Ola")
    found = card(second, store)
    d = first.decision
    assert copied(found) == {f"{d.title} ({d.case_number})"}
    assert "copied_from_other_assessment" in {f.id for f in found.flags}
    assert "samma text som i en annan analys" in verdict.hollow_list(found, catalog()
                                                                     .questionnaire(
        second.questionnaire.id), "sv")  # type: ignore[arg-type]


def test_copies_of_the_same_decision_are_not_another(store: TinyDBAssessmentStore) -> None:
    first = store.create(source(), editor="Karin")
    kopia = store.duplicate(first.id or "", editor="Karin", title="Trafiksäkrare skolväg, v2")
    assert not copied(card(kopia, store))
    draft = store.create(another_decision(first, "Trafiksäker skolväg (nytt utkast)",
                                          first.decision.case_number), editor="Karin")
    assert not copied(card(draft, store))  # the same committee and case number


def test_another_persons_assessment_is_not_named_to_someone_who_may_not_read_it(
        store: TinyDBAssessmentStore) -> None:
    owned = source().model_copy(update={"ownership": Ownership(sub="anna", unit="u1")})
    first = store.create(owned, editor="Anna")
    second = store.create(another_decision(first, "Övergångsställe vid Norrskolan",
                                           "TN 2027/077").model_copy(
        update={"ownership": Ownership(sub="bo", unit="u2")}), editor="Bo")
    found = card(second, store, may_read=lambda aid, holding: holding.owner == "bo")
    q = catalog().questionnaire(second.questionnaire.id)
    assert q is not None
    listed = verdict.hollow_list(found, q, "sv")
    assert "en annan analys i organisationen" in listed
    assert first.decision.title not in listed and first.decision.case_number not in listed
    assert "another assessment in the organisation" in verdict.hollow_list(found, q, "en")
    assert all(first.decision.title not in d for f in found.flags for d in f.details)


def test_an_honest_assessment_of_its_own_finds_nothing(store: TinyDBAssessmentStore) -> None:
    store.create(source(), editor="Karin")
    own, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    mine = store.create(own.model_copy(update={"id": None}), editor="Ola")
    assert not copied(card(mine, store))


def test_a_changed_answer_is_seen_at_its_new_revision(store: TinyDBAssessmentStore) -> None:
    first = store.create(source(), editor="Karin")
    own, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    mine = store.create(own.model_copy(update={"id": None}), editor="Ola")
    assert not copied(card(mine, store))
    pasted = first.answers["knowledge_summary"]
    changed = store.set_answer(mine.id or "", "knowledge_summary", pasted, editor="Ola")
    store.set_answer(mine.id or "", "alternatives_consequences",
                     first.answers["alternatives_consequences"], editor="Ola")
    changed = store.get(mine.id or "")
    assert copied(card(changed, store)) == {
        f"{first.decision.title} ({first.decision.case_number})"}


