"""The structured evidence and the text checks, on the shipped thorough example changed in one
place each: what a reviewer would notice (a finding, an answer that does not count)."""

from __future__ import annotations

from typing import Any

from helpers import approved_review
from scoring_setup import EXAMPLES, file_answers, score_file

from app.core.models.scorecard import Scorecard
from app.core.text import tr
from app.services.shipped import catalog

EXAMPLE = EXAMPLES / "trafik-skolvag.yaml"


def example_values() -> tuple[Any, dict[str, Any]]:
    return file_answers(EXAMPLE)


def scored(change: dict[str, Any], review: Any = None) -> Scorecard:
    return score_file(EXAMPLE, change, review)


def hollow(card: Scorecard) -> set[tuple[str, str]]:
    return {(h.question, h.reason) for h in card.hollow}


def test_the_example_is_thorough_with_no_finding_that_holds_it() -> None:
    card = scored({})  # the checks find nothing; the top waits for a reviewer
    assert card.level is not None and card.level.id == "acceptable"
    assert card.capped_by == ["review_needed"]
    card = scored({}, approved_review())
    assert card.level is not None and card.level.id == "thorough" and not card.capped_by


def test_a_paragraph_pasted_with_a_word_changed_counts_once() -> None:
    _, values = example_values()
    pasted = values["knowledge_summary"].replace("Forskningen", "Studierna")
    card = scored({"alternatives_consequences": pasted})
    assert ("alternatives_consequences", "near_copy") in hollow(card)


def test_reasons_that_only_refer_elsewhere_are_no_reasons() -> None:
    card = scored({"motivation": "Se tjänsteskrivelsen avsnitt 4 och bilaga 2, där bedömningen "
                                 "redovisas i sin helhet."})
    assert ("motivation", "reference") in hollow(card)
    assert "no_conclusion" in card.capped_by


def test_the_law_library_pasted_in_is_not_an_analysis() -> None:
    law = catalog().law
    assert law is not None
    rule = next(r for area in law.areas for r in area.rules if len(tr(r.requires, "sv")) > 120)
    card = scored({"legal_requirements": tr(rule.requires, "sv")})
    assert ("legal_requirements", "law_copy") in hollow(card)


def test_a_group_rated_weakened_is_harm_even_when_all_children_are_not() -> None:
    _, values = example_values()
    impacts = {n: dict(e) for n, e in values["rights_impacts"].items()}
    impacts[28] = {"short": 0, "long": 0, "children": "Eleverna på Ekbackens skola",
                   "groups": {"disability": {"short": -2, "long": -2}}}
    card = scored({"rights_impacts": impacts})
    assert "harm_without_measure" in {f.id for f in card.flags} or "no_measure_reason" in \
        card.missing  # the group's harm asks for a measure that names it, or a reason
    assert any("funktionsnedsättning (art. 28)" in tr(r.text, "sv") for r in card.review)


def test_a_groups_harm_is_met_only_by_a_measure_that_names_the_group() -> None:
    _, values = example_values()
    impacts = {n: dict(e) for n, e in values["rights_impacts"].items()}
    impacts[31] = {**impacts[31], "groups": {"disability": {"short": -2, "long": 0}}}
    screening = {"vulnerable_groups": ["disability"], "rights_impacts": impacts}
    for_all = [{**m, "addresses": ["31"]} for m in values["measures"]]
    # a measure for the right in general does not show that it reaches the group
    card = scored({**screening, "measures": for_all})
    assert "no_measure_reason" in card.missing
    assert card.level is not None and card.level.id != "acceptable"
    # one that names the group does
    for_group = [{**for_all[0], "addresses": ["31", "disability"]}, *for_all[1:]]
    card = scored({**screening, "measures": for_group})
    assert "no_measure_reason" not in card.visible and "no_measure_reason" not in card.missing


def test_a_group_rated_lighter_than_all_children_where_all_lose_is_held_for_a_reviewer() -> None:
    """A group is named because it fares worse: rated "no effect" on a right the decision
    weakens for every child, it holds the top and the reviewer is asked what spares it,
    quoting the group; rated as hard hit as the others (or harder), it is no finding."""
    _, values = example_values()
    impacts = {n: dict(e) for n, e in values["rights_impacts"].items()}
    impacts[31] = {**impacts[31], "groups": {"disability": {"short": 0, "long": 0}}}
    measures = [{**m, "addresses": ["31", "disability"]} for m in values["measures"]]
    card = scored({"rights_impacts": impacts, "measures": measures}, approved_review())
    found = {f.id: f for f in card.flags}
    assert "group_spared_where_all_lose" in found and found["group_spared_where_all_lose"].details \
        == ["art. 31"]
    assert card.level is not None and card.level.id == "acceptable"
    assert any("funktionsnedsättning (art. 31)" in tr(r.text, "sv")
               and "bättre än barnen i allmänhet" in tr(r.text, "sv") for r in card.review)
    for rating in ({"short": -1, "long": 0}, {"short": -2, "long": 0}):
        impacts[31] = {**impacts[31], "groups": {"disability": rating}}
        card = scored({"rights_impacts": impacts, "measures": measures}, approved_review())
        assert "group_spared_where_all_lose" not in {f.id for f in card.flags}, rating
        assert card.level is not None and card.level.id == "thorough", rating


def test_honest_negative_ratings_met_by_measures_raise_no_finding_however_many() -> None:
    """Rating a second or third loss honestly, each met by a measure that counts and with the
    reasons written, adds no finding: a check that counted weakened rights would reward the
    official who rated the second loss 0 instead."""
    _, values = example_values()
    before = {f.id for f in scored({}).flags}
    impacts = {n: dict(e) for n, e in values["rights_impacts"].items()}
    measures = [{**m, "addresses": ["31", "2", "24"]} for m in values["measures"]]
    for lost in ([2], [2, 24]):
        for n in lost:
            impacts[n] = {**impacts[n], "short": -1}
        card = scored({"rights_impacts": impacts, "measures": measures})
        assert {f.id for f in card.flags} == before, lost


def test_the_shipped_example_kept_under_its_title_is_no_analysis_of_ones_own() -> None:
    from app.core.loading import load_assessment
    from app.core.scoring import decision_text, score

    cat = catalog()
    assessment, _ = load_assessment(EXAMPLE)
    _, values = example_values()
    q = cat.questionnaire(assessment.questionnaire.id)
    assert q is not None
    d = assessment.decision

    def card(description: str, changes: dict[str, Any]) -> Scorecard:
        return score(q, {**values, **changes}, cat.library, decision_text(d.title, description),
                     d.decision_date, cat.law, cat.references, review=approved_review())

    # the example's own decision, an answer changed: still the example's case, no copy
    own = {"knowledge_summary": values["knowledge_summary"] + " Skolan har 480 elever."}
    assert "copied_from_other_assessment" not in {f.id for f in card(d.description, own).flags}
    # the same title describing another decision: its texts are the example's words
    changed = card(d.description + " Beslutet gäller i stället Västerby skola.", {})
    copied = {h.question for h in changed.hollow if h.reason == "other_assessment"}
    assert {"alternatives_considered", "group_differences"} <= copied
    assert "copied_from_other_assessment" in {f.id for f in changed.flags}
    assert changed.level is not None and changed.level.id != "thorough"


def test_an_assessment_dated_after_the_decision_is_held() -> None:
    card = scored({"analysis_date": "2027-03-01"})  # the decision is planned for 2027-02-12
    assert "assessment_after_decision" in card.capped_by


def test_heard_directly_with_only_adults_answering_is_held() -> None:
    card = scored({"heard_respondents": ["staff", "guardians"]})
    assert "heard_directly_unsupported" in card.capped_by


def test_a_saving_with_no_harm_is_held_below_the_top_for_a_reviewer() -> None:
    _, values = example_values()
    impacts = {n: {**e, "short": max(e["short"], 0) if isinstance(e["short"], int) else e["short"]}
               for n, e in values["rights_impacts"].items()}
    # a saving asks what the children were asked about: the proposal itself here
    card = scored({"decision_kind": ["saving"], "rights_impacts": impacts,
                   "heard_asked_about": ["whether"]})
    assert card.level is not None and card.level.id == "acceptable"
    assert "taking_without_harm" in card.capped_by


def test_a_cancelled_measure_softens_nothing() -> None:
    _, values = example_values()
    measures = [{**m, "status": "cancelled"} for m in values["measures"]]
    card = scored({"measures": measures})
    assert "negative_without_measures" in {f.id for f in card.flags}


def test_a_measure_that_only_informs_reduces_no_harm() -> None:
    _, values = example_values()
    measures = [{**m, "what": "Information på webben om den avstängda bollplanen"}
                for m in values["measures"]]
    card = scored({"measures": measures})
    # it names art. 31, but informing about a lost play area does not give it back
    assert "no_measure_reason" in card.missing or "harm_without_measure" in {
        f.id for f in card.flags}


def test_the_report_says_whether_a_reviewer_approved() -> None:
    import datetime as dt

    from app.core.document.evidence import review_state

    assessment, _ = example_values()
    assert "ingen granskare har godkänt" in review_state(assessment, "sv")
    sent = assessment.model_copy(update={"review": assessment.review.model_copy(
        update={"reviewer": "Eva Granskare"})})
    assert "inte godkänd än" in review_state(sent, "sv")
    approved = sent.model_copy(update={"review": sent.review.model_copy(update={
        "outcome": "approved", "decided_by": "Eva Granskare",
        "decided_at": dt.datetime(2027, 1, 25, 10, 0)})})
    # the file's own word is not an approval of this installation
    assert "räknas inte" in review_state(approved, "sv")
    assert "does not count" in review_state(approved, "en")
    recorded = approved_review("Eva Granskare").approval
    assert review_state(approved, "sv", recorded) == \
        "Granskning: godkänd av Eva Granskare 2027-01-25."
    assert review_state(approved, "en", recorded) == "Review: approved by Eva Granskare 2027-01-25."


def test_every_report_format_carries_the_evidence_and_the_reviewers_questions() -> None:
    import re
    from io import BytesIO

    import docx

    from app.report import render_as

    assessment, _ = example_values()
    cat = catalog()
    html = render_as(assessment, ".html", lang="sv", catalog=cat).decode("utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    words = docx.Document(BytesIO(render_as(assessment, ".docx", lang="sv", catalog=cat)))
    body = " ".join(p.text for p in words.paragraphs) + " ".join(
        c.text for t in words.tables for r in t.rows for c in r.cells)
    for shown in (text, body):
        assert "Det kontrollerna inte kan bedöma" in shown
        assert "Vilka gav synpunkterna?" in shown  # a structured question, answered
        assert "Ändrades förslaget av det barnen sa?" in shown
        assert "gäller art. 31" in shown  # what a measure addresses, under the measures
