"""The questionnaires as an official reads them, and the findings `bka score` gives for them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.cli.main import main
from app.core.models.questionnaire import Questionnaire
from app.core.text import tr
from app.services.shipped import catalog


def q(qid: str) -> Questionnaire:
    found = catalog().questionnaire(qid)
    assert found is not None
    return found


def texts(questionnaire: Questionnaire, lang: str) -> list[str]:
    """Every text of the sections (questions, help, options), as the app shows them."""
    out = []
    for section in questionnaire.sections:
        out += [tr(section.title, lang), tr(section.intro, lang)]
        for question in section.questions:
            out += [tr(question.text, lang), tr(question.help, lang)]
            out += [tr(o.label, lang) for o in question.options or []]
    return out


NEW_IN_BOTH = ("legal_requirements", "law_strength", "best_interests_weight", "basis_sufficient",
               "basis_missing", "perspectives", "alternatives_rights", "reconsider_triggers")


@pytest.mark.parametrize("qid", ["bka-standard", "bka-individual"])
def test_the_missing_questions_are_there(qid: str) -> None:
    questions = q(qid).questions
    for question_id in NEW_IN_BOTH:
        assert question_id in questions, question_id
        assert tr(questions[question_id].text, "sv") and tr(questions[question_id].text, "en")
    assert questions["legal_requirements"].law is not None


def test_individual_track_has_representation_and_minorities() -> None:
    questions = q("bka-individual").questions
    labels = [tr(o.label, "sv") for o in questions["legal_representation"].options or []]
    assert "Offentligt biträde" in labels and "Särskild företrädare" in labels
    assert any("God man" in label for label in labels)
    assert "SFS 2009:724" in tr(questions["minority_belonging"].help, "sv")


def test_standard_track_asks_about_consulting_minority_children() -> None:
    help_sv = tr(q("bka-standard").questions["minorities_concerned"].help, "sv")
    assert "SFS 2009:724" in help_sv and "förvaltningsområde" in help_sv
    assert "barns och ungas inflytande och samråd" in help_sv


@pytest.mark.parametrize(("qid", "question_id"),
                         [("bka-standard", "heard_methods"), ("bka-individual", "hearing_method")])
def test_hearing_help_has_a_guide_per_age_band(qid: str, question_id: str) -> None:
    for lang, words in (("sv", ("0–5 år", "6–9 år", "10–12 år", "13–17 år",
                                "funktionsnedsättning", "tolk")),
                        ("en", ("Ages 0–5", "Ages 13–17", "disabilities", "interpreter"))):
        text = tr(q(qid).questions[question_id].help, lang)
        for word in words:
            assert word in text, (lang, word)


def test_individual_track_names_decisive_where_the_law_does() -> None:
    sv = " ".join(texts(q("bka-individual"), "sv"))
    assert "stor vikt" not in sv
    weighing = next(s for s in q("bka-individual").sections if s.id == "weighing")
    assert "avgörande" in tr(weighing.intro, "sv") and "LVU" in tr(weighing.intro, "sv")


@pytest.mark.parametrize("qid", ["bka-standard", "bka-individual"])
def test_english_calls_the_child_they(qid: str) -> None:
    # "its" that is not the child's: the committee's eyes, a wait that itself does harm
    allowed = ("decides with its eyes open", "can itself do harm")
    cleaned = [t for t in texts(q(qid), "en")]
    for phrase in allowed:
        cleaned = [t.replace(phrase, "") for t in cleaned]
    offenders = [t for t in cleaned
                 if re.search(r"\bchild\b[^.]*\b(its|itself)\b", t)
                 or re.search(r"\bit (wants|feels|thinks|may say)\b", t)]
    assert not offenders


def test_hbtqi_is_named_as_municipalities_do() -> None:
    option = next(o for o in q("bka-standard").questions["vulnerable_groups"].options or []
                  if o.value == "lgbtq")
    assert "LGBTQI" in tr(option.label, "en") and "hbtqi" in tr(option.label, "sv")


def _score(tmp_path: Path, capsys: pytest.CaptureFixture[str], qid: str,
           answers: dict[str, object]) -> set[str]:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({
        "format": "bka-assessment/1",
        "questionnaire": {"id": qid, "version": q(qid).version},
        "decision": {"title": "Test"},
        "answers": answers,
    }), encoding="utf-8")
    assert main(["score", str(path), "--json"]) == 0
    return {f["id"] for f in json.loads(capsys.readouterr().out)["flags"]}


def test_the_four_month_wait_is_a_social_services_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    school = _score(tmp_path, capsys, "bka-individual",
                    {"decision_area": ["school"], "waiting_weeks": 30})
    social = _score(tmp_path, capsys, "bka-individual",
                    {"decision_area": ["social_services"], "waiting_weeks": 30})
    assert "long_wait" not in school and "long_wait" in social


@pytest.mark.parametrize("qid", ["bka-standard", "bka-individual"])
def test_decisive_law_but_weighed_as_one_interest_is_serious(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qid: str
) -> None:
    base = {"affects_children": "direct"} if qid == "bka-standard" else {}
    flagged = _score(tmp_path, capsys, qid, {**base, "law_strength": "decisive",
                                             "best_interests_weight": "one_among_others"})
    assert "law_decisive_not_followed" in flagged
    fine = _score(tmp_path, capsys, qid, {**base, "law_strength": "decisive",
                                          "best_interests_weight": "decisive"})
    assert "law_decisive_not_followed" not in fine


@pytest.mark.parametrize("qid", ["bka-standard", "bka-individual"])
def test_article_3_is_the_floor_whatever_the_area_law_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qid: str
) -> None:
    """An LSS or patient-law decision may not weigh the child's best interests less than the
    convention: 'one interest among others' is flagged even where no stronger rule applies."""
    base = {"affects_children": "direct"} if qid == "bka-standard" else {}
    low = _score(tmp_path, capsys, qid, {**base, "law_strength": "primary",
                                         "best_interests_weight": "one_among_others"})
    assert "below_article_3" in low
    heavy = _score(tmp_path, capsys, qid, {**base, "law_strength": "primary",
                                           "best_interests_weight": "heavy"})
    assert "below_article_3" not in heavy
    # the strength question offers no answer weaker than the convention
    options = q(qid).questions["law_strength"].option_values
    assert "particular" not in options and "primary" in options


def test_a_child_who_needs_a_representative_without_one_is_serious(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flagged = _score(tmp_path, capsys, "bka-individual",
                     {"legal_representation": ["needed_missing"]})
    assert "representation_needed" in flagged
