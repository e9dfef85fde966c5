"""Whom a measure reaches, whether it keeps the children in or refers them elsewhere, and steps
that bound the matter before the children were heard or the assessment made: each answered as
a fact, each raising a finding that names the measure or the step and its dates; an honest
answer raises nothing, and a record from before these questions is incomplete, never wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from scoring_setup import EXAMPLES, file_answers, score_answers

from app.core.evaluation import Evaluation
from app.core.loading import load_assessment
from app.report.formats import render_as
from app.services.shipped import catalog

STANDARD = EXAMPLES / "skolnedlaggning.yaml"  # art. 31 weakened, met by measure 4 alone
INDIVIDUAL = EXAMPLES / "individ-placering.yaml"
PLAY = 4  #: the measure that meets the harm to art. 31 in the standard example
NEW_FINDINGS = {"measure_does_not_reach_children", "measure_is_referral",
                "steps_before_hearing", "steps_before_analysis"}


def scored(example: Path = STANDARD, change=None):  # type: ignore[no-untyped-def]
    """The example scored with `change` made to its answers as read (measures as dicts)."""
    assessment, values = file_answers(example)
    if change:
        change(values)
    return score_answers(assessment, values)


def flags(card: Any) -> dict[str, Any]:
    return {f.id: f for f in card.flags}


def play_measure(**facts: str):  # type: ignore[no-untyped-def]
    def change(answers: dict[str, Any]) -> None:
        answers["measures"][PLAY].update(facts)
    return change


def test_the_honest_examples_raise_none_of_the_new_findings() -> None:
    for example in (STANDARD, INDIVIDUAL, EXAMPLES / "trafik-skolvag.yaml"):
        card = scored(example)
        assert not set(flags(card)) & (NEW_FINDINGS | {"measure_facts_unanswered",
                                                       "required_missing"}), example.name
        assert card.level is not None and card.level.id == "acceptable"


def test_a_measure_reaching_only_the_parents_does_not_meet_a_harm_to_play() -> None:
    card = scored(change=play_measure(reaches="parents"))
    found = flags(card)["measure_does_not_reach_children"]
    assert found.severity == "serious" and card.level is not None
    assert card.level.id == "incomplete"
    # the measure, whom it reaches and the harm it leaves
    assert found.details == ["Elever från Lövåker är med och utformar den nya naturlekplatsen: "
                             "når bara föräldrarna – art. 31"]


def test_staff_only_fails_the_same_way() -> None:
    card = scored(change=play_measure(reaches="staff"))
    assert "measure_does_not_reach_children" in flags(card)


def test_through_the_parents_counts_once_it_says_how() -> None:
    card = scored(change=play_measure(
        reaches="through_parents", reaches_how="Föräldrarna följer barnen till lekplatsen"))
    assert not set(flags(card)) & (NEW_FINDINGS | {"measure_facts_unanswered"})
    # without the how it is a gap in completeness, never a contradiction
    card = scored(change=play_measure(reaches="through_parents"))
    assert "measure_facts_unanswered" in flags(card)
    assert "measure_does_not_reach_children" not in flags(card)


def test_a_measure_for_the_parents_still_meets_a_harm_that_is_not_the_childs_own() -> None:
    def change(answers: dict[str, Any]) -> None:
        answers["measures"][PLAY].update(reaches="parents", addresses=["31"])
        answers["measures"].append({**answers["measures"][PLAY],
                                    "what": "Föräldrar i Lövåker får bidrag till resor",
                                    "addresses": ["27"], "reaches": "parents"})
        answers["rights_impacts"][27] = {"short": -1, "long": 0,
                                         "children": "Familjerna i Lövåker får längre resor."}
    card = scored(change=change)
    found = flags(card)["measure_does_not_reach_children"]
    assert found.details == ["Elever från Lövåker är med och utformar den nya naturlekplatsen: "
                             "når bara föräldrarna – art. 31"]
    # art. 27 is weakened and met by the measure for the parents: it is not the children's own
    assert any(r.number == 27 for r in card.weakened)
    assessment, values = file_answers(STANDARD)
    change(values)
    q = catalog().questionnaire("bka-standard")
    assert q is not None
    left = Evaluation(q, values, catalog().library).unaddressed("measures")
    assert [(h.article, h.group) for h in left] == [(31, None)]


def test_a_referral_to_another_bodys_assessment_does_not_count() -> None:
    card = scored(change=play_measure(keeps="referral"))
    found = flags(card)["measure_is_referral"]
    assert found.details == ["Elever från Lövåker är med och utformar den nya naturlekplatsen"]
    assert card.level is not None and card.level.id == "incomplete"
    card = scored(change=play_measure(keeps="keeps"))
    assert "measure_is_referral" not in flags(card)


def steps(kinds: list[str], day: str | None):  # type: ignore[no-untyped-def]
    def change(answers: dict[str, Any]) -> None:
        answers["binding_steps"] = kinds
        if day:
            answers["binding_steps_date"] = day
    return change


def test_a_lease_signed_before_the_children_were_heard_is_named_with_its_dates() -> None:
    # the example heard the children 2026-09-30 and made the assessment 2026-10-20
    card = scored(change=steps(["contract", "sale"], "2026-09-01"))
    found = flags(card)
    assert found["steps_before_hearing"].details == [
        "1.7 ”Ett avtal eller hyresavtal är undertecknat; En byggnad, mark eller lokal är såld "
        "eller uppsagd”", "1.8 ”2026-09-01”", "5.8 ”2026-09-30”"]
    assert "steps_before_analysis" in found
    assert card.level is not None and card.level.id == "incomplete"


def test_a_step_between_the_hearing_and_the_analysis_is_named_once() -> None:
    card = scored(change=steps(["notice"], "2026-10-05"))
    assert "steps_before_hearing" not in flags(card)
    assert "steps_before_analysis" in flags(card)


def test_a_step_after_the_analysis_and_an_honest_no_are_left_alone() -> None:
    for change in (steps(["procurement"], "2026-10-21"), steps(["none"], None)):
        card = scored(change=change)
        assert not set(flags(card)) & NEW_FINDINGS
        assert card.level is not None and card.level.id == "acceptable"


def test_the_reviewer_is_asked_about_the_step_and_the_honest_no() -> None:
    texts = [q.text["sv"] for q in scored(change=steps(["contract"], "2026-09-01")).review]
    assert any("”Ett avtal eller hyresavtal är undertecknat”" in t and "”2026-09-01”" in t
               for t in texts), texts
    texts = [q.text["sv"] for q in scored().review]
    assert any("”Nej, inget bindande steg är taget”" in t for t in texts), texts
    # and whether what the measures say of whom they reach is true
    assert any("vilka de når" in t for t in texts), texts


def test_a_placement_begun_before_the_latest_talk_is_named() -> None:
    # the individual example's latest talk 2026-07-28, assessment 2026-08-01
    card = scored(INDIVIDUAL, steps(["placement"], "2026-07-01"))
    assert {"steps_before_hearing", "steps_before_analysis"} <= set(flags(card))
    card = scored(INDIVIDUAL, steps(["placement"], "2026-07-30"))
    assert "steps_before_hearing" not in flags(card) and "steps_before_analysis" in flags(card)


def _as_older(answers: dict[str, Any]) -> None:
    answers.pop("binding_steps", None)
    answers.pop("binding_steps_date", None)
    for measure in answers["measures"]:
        for fact in ("reaches", "keeps", "reaches_how"):
            measure.pop(fact, None)


def test_an_older_record_reads_the_new_questions_as_not_answered(tmp_path: Path) -> None:
    for example, version in ((STANDARD, "2.6.0"), (INDIVIDUAL, "2.7.0")):
        data = yaml.safe_load(example.read_text("utf-8"))
        _as_older(data["answers"])
        data["questionnaire"]["version"] = version
        path = tmp_path / example.name
        path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
        raised = set(flags(score_answers(*file_answers(path))))
        assert {"measure_facts_unanswered", "required_missing"} <= raised, example.name
        assert not raised & NEW_FINDINGS, example.name


def _stored(tmp_path: Path, change) -> Any:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(STANDARD.read_text("utf-8"))
    change(data["answers"])
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load_assessment(path)[0]


def test_the_reports_show_whom_a_measure_reaches_and_the_step_taken(tmp_path: Path) -> None:
    def change(answers: dict[str, Any]) -> None:
        answers["measures"][PLAY].update(reaches="through_parents",
                                         reaches_how="Föräldrarna följer barnen dit")
        answers["measures"][1].update(reaches="parents")
        answers["binding_steps"] = ["notice"]
        answers["binding_steps_date"] = "2026-10-25"
    assessment = _stored(tmp_path, change)
    full = render_as(assessment, ".html").decode("utf-8")
    assert ("Elever från Lövåker är med och utformar den nya naturlekplatsen: beslutad, "
            "finansierad, genomförs av organisationen själv, når barnen genom föräldrarna, "
            "hur: Föräldrarna följer barnen dit") in full
    assert "Personal har sagts upp eller fått besked om omplacering" in full
    assert "2026-10-25" in full
    # the report for the case file names the measure that reaches only the parents
    short = render_as(assessment, ".html", form="short").decode("utf-8")
    assert "Vuxen följer med på bussen under höstterminen 2027: " in short
    assert "når bara föräldrarna" in short
