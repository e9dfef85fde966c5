"""What binds a measure: a measure that is not decided, not funded, not binding or carried by
what the decision reduces does not count against the harm, and the finding names it."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from scoring_setup import file_answers, score_answers

from app.core.answers import normalise
from app.core.evaluation import Evaluation
from app.core.loading import load_assessment
from app.core.migration import migrate
from app.core.review_list import review_questions
from app.report.formats import render_as, summary_as
from app.services.shipped import catalog

EXAMPLE = Path(__file__).parent.parent / "examples" / "skolnedlaggning.yaml"


def changed_file(tmp_path: Path, change=None, version: str | None = None,  # type: ignore[no-untyped-def]
                 example: Path = EXAMPLE) -> Path:
    """The example written anew with `change` made to its answers (and its version set)."""
    data = yaml.safe_load(example.read_text("utf-8"))
    if change:
        change(data["answers"])
    if version:
        data["questionnaire"]["version"] = version
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def card(tmp_path: Path, change=None, version: str | None = None):  # type: ignore[no-untyped-def]
    assessment, values = file_answers(changed_file(tmp_path, change, version))
    q = catalog().questionnaire("bka-standard")
    assert q is not None
    return score_answers(assessment, values), q, values


def only_measure(answers: dict, **facts: str) -> None:  # type: ignore[type-arg]
    first = copy.deepcopy(answers["measures"][0])
    first.update(facts)
    answers["measures"] = [first]


def test_an_honest_measure_counts_as_before(tmp_path: Path) -> None:
    c, _, _ = card(tmp_path)
    ids = {f.id for f in c.flags}
    assert not ids & {"measure_not_decided", "measure_not_funded", "measure_not_binding",
                      "measure_on_reduced_resource", "measure_facts_unanswered"}


@pytest.mark.parametrize(("facts", "finding"), [
    ({"decided": "no"}, "measure_not_decided"),
    ({"funded": "no"}, "measure_not_funded"),
    ({"bound": "none"}, "measure_not_binding"),
    ({"reduced": "yes"}, "measure_on_reduced_resource"),
])
def test_a_measure_that_binds_no_one_leaves_its_harm_without_a_measure(
        tmp_path: Path, facts: dict[str, str], finding: str) -> None:
    c, _, _ = card(tmp_path, lambda a: only_measure(a, **facts))
    found = {f.id: f for f in c.flags}
    assert finding in found
    assert found[finding].severity == "serious"
    assert found[finding].details and found[finding].details[0].startswith("Planera skolskjutsen")
    assert c.level is not None and c.level.id == "incomplete"


def test_a_gain_resting_on_an_undecided_decision_is_named(tmp_path: Path) -> None:
    def change(a: dict) -> None:  # type: ignore[type-arg]
        a["gains_later_decision"] = "undecided"
        a["gains_later_which"] = "Ny naturlekplats 2030, inte beslutad och utan budget."
    c, _, _ = card(tmp_path, change)
    assert "gain_rests_on_undecided" in {f.id for f in c.serious}


def test_an_old_record_is_not_answered_never_contradicted(tmp_path: Path) -> None:
    def strip(a: dict) -> None:  # type: ignore[type-arg]
        for m in a["measures"]:
            for k in ("decided", "funded", "bound", "reduced"):
                m.pop(k, None)
        a.pop("gains_later_decision", None)
    c, _, _ = card(tmp_path, strip, version="2.4.0")
    ids = {f.id for f in c.flags}
    assert "measure_facts_unanswered" in ids
    assert not ids & {"measure_not_decided", "measure_not_funded", "measure_not_binding",
                      "measure_on_reduced_resource", "gain_rests_on_undecided"}


def test_the_reviewer_is_asked_whether_the_stated_facts_are_true(tmp_path: Path) -> None:
    _, q, values = card(tmp_path, lambda a: only_measure(a, bound="agreement"))
    ev = Evaluation(q, values, catalog().library)
    texts = [r.text["sv"] for r in review_questions(ev)]
    gains = q.numbering["gains_later_decision"]
    assert ("Stämmer det som 9.1 säger om vad som binder åtgärderna och vilka de når, och "
            f"{gains} om senare beslut?") in texts, texts


def test_an_unknown_fact_is_a_clear_error() -> None:
    q = catalog().questionnaire("bka-standard")
    assert q is not None
    with pytest.raises(ValueError, match=r"action 1: decided must be one of yes, no, not 'kanske'"):
        normalise(q.questions["measures"],
                        [{"what": "x", "who": "y", "due": "2027-01-01", "decided": "kanske"}])


def test_migration_steps_reach_the_current_version() -> None:
    q = catalog().questionnaire("bka-standard")
    assert q is not None
    _, steps = migrate({}, "2.4.0", q)
    assert steps and steps[-1].to_version == q.version


def test_a_lasting_harm_met_only_for_a_transition_is_named(tmp_path: Path) -> None:
    def change(a: dict) -> None:  # type: ignore[type-arg]
        for m in a["measures"]:  # art. 31 lasts; its only lasting measure made a transition
            if m["what"].startswith("Elever från Lövåker"):
                m["lasting"] = "no"
    c, _, _ = card(tmp_path, change)
    found = {f.id: f for f in c.serious}
    assert "lasting_harm_only_transition" in found
    assert found["lasting_harm_only_transition"].details == [
        "Elever från Lövåker är med och utformar den nya naturlekplatsen"]


def assessment_with(tmp_path: Path, change) -> object:  # type: ignore[no-untyped-def]
    assessment, _ = load_assessment(changed_file(tmp_path, change))
    return assessment


def test_page_one_names_what_keeps_a_measure_from_counting(tmp_path: Path) -> None:
    def change(a: dict) -> None:  # type: ignore[type-arg]
        a["measures"][1]["bound"] = "none"
    text = summary_as(assessment_with(tmp_path, change), ".txt").decode("utf-8")  # type: ignore[arg-type]
    assert ("– Vuxen följer med på bussen under höstterminen 2027 (ansvarig: Rektor, "
            "Storbyskolan, senast 2027-08-17) (beslutad, finansierad, ingen är bunden att "
            "genomföra den, bara under en övergång, når barnen direkt)") in text
    # a measure that counts is listed as before; its facts are in the full documentation
    assert "Planera skolskjutsen" in text and "(beslutad, finansierad, genomförs av" not in text


def test_the_full_documentation_lists_what_binds_each_measure(tmp_path: Path) -> None:
    html = render_as(assessment_with(tmp_path, lambda a: None), ".html").decode("utf-8")  # type: ignore[arg-type]
    assert "Vad som binder åtgärderna" in html
    assert ("Vuxen följer med på bussen under höstterminen 2027: beslutad, finansierad, "
            "genomförs av organisationen själv, bara under en övergång") in html


def test_the_report_for_the_case_file_names_only_what_keeps_a_measure_from_counting(
        tmp_path: Path) -> None:
    html = render_as(assessment_with(tmp_path, lambda a: None), ".html",  # type: ignore[arg-type]
                     form="short").decode("utf-8")
    assert "Vad som binder åtgärderna" not in html  # every measure counts: nothing to name

    def change(a: dict) -> None:  # type: ignore[type-arg]
        a["measures"][0]["funded"] = "no"
    html = render_as(assessment_with(tmp_path, change), ".html",  # type: ignore[arg-type]
                     form="short").decode("utf-8")
    assert "Vad som binder åtgärderna" in html
    assert "Planera skolskjutsen så att ingen elev i F-3 reser mer än 35 minuter per väg " \
           "eller väntar mer än tio minuter: beslutad, inte finansierad" in html


INDIVIDUAL = Path(__file__).parent.parent / "examples" / "individ-placering.yaml"


@pytest.mark.parametrize(("facts", "finding"), [
    ({"bound": "none"}, "measure_not_binding"),
    ({"reduced": "yes"}, "measure_on_reduced_resource"),
])
def test_the_individual_track_asks_the_same_facts(tmp_path: Path, facts: dict[str, str],
                                                   finding: str) -> None:
    def change(a: dict) -> None:  # type: ignore[type-arg]
        a["measures"] = [{**m, **facts} for m in a["measures"]]
    q = catalog().questionnaire("bka-individual")
    assert q is not None and q.questions["measures"].measure_facts
    c = score_answers(*file_answers(changed_file(tmp_path, change, example=INDIVIDUAL)))
    assert finding in {f.id for f in c.serious}
