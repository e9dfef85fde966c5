"""Answers given before the area became a multiple choice and before the strength question
started from article 3 are read by the current versions without loss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.core.migration import migrate
from app.core.models.assessment import Answer
from app.services.shipped import catalog


def _q(qid: str):  # noqa: ANN202
    q = catalog().questionnaire(qid)
    assert q is not None
    return q


def test_an_old_single_area_is_read_as_a_one_element_list() -> None:
    q = _q("bka-individual")
    old = {"decision_area": Answer(value="school"), "law_strength": Answer(value="particular")}
    answers, steps = migrate(old, "2.0.0", q)
    assert answers["decision_area"].value == ["school"]
    assert answers["law_strength"].value == "primary"  # article 3 is the floor
    assert any("flera områden" in str(step.note) for step in steps)


def test_a_first_version_record_goes_through_both_steps() -> None:
    q = _q("bka-individual")
    answers, steps = migrate({"decision_area": Answer(value="health")}, "1.0.0", q)
    assert answers["decision_area"].value == ["health"]
    versions = [s.to_version for s in steps]
    assert versions[:2] == ["2.0.0", "2.1.0"] and versions[-1] == q.version


def test_standard_strength_answer_particular_reads_as_primary() -> None:
    q = _q("bka-standard")
    answers, _ = migrate({"law_strength": Answer(value="particular")}, "2.0.0", q)
    assert answers["law_strength"].value == "primary"


def test_an_old_record_still_scores_with_nothing_left_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({
        "format": "bka-assessment/1",
        "questionnaire": {"id": "bka-individual", "version": "2.0.0"},
        "decision": {"title": "Skolskjuts"},
        "answers": {"decision_area": {"value": "school"},
                    "law_strength": {"value": "particular"}},
    }), encoding="utf-8")
    assert main(["score", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["version"] == _q("bka-individual").version
    assert report["unknown_answers"] == []


def test_a_step_is_named_only_where_it_changed_the_record() -> None:
    from app.core.loading import migration_notes
    from app.core.models.assessment import Assessment, Decision, QuestionnaireRef

    q = _q("bka-standard")

    def notes(answers: dict[str, str]) -> list[str]:
        a = Assessment(questionnaire=QuestionnaireRef(id=q.id, version="2.0.0"),
                       decision=Decision(title="X"),
                       answers={k: Answer(value=v) for k, v in answers.items()})
        return [str(n) for n in migration_notes(a, q)]

    # nothing read differently: only the step that adds questions is named
    adds = [str(m.note) for m in q.migrations
            if not (m.rename or m.options or m.drop or m.drop_ratings or m.to_list)
            and m.from_version >= "2.0.0"]
    assert notes({"law_strength": "decisive"}) == adds
    changed = notes({"law_strength": "particular"})
    assert len(changed) == 1 + len(adds) and "särskilt beaktas" in changed[0]
    # a step that only adds questions is always named (the follow-up's new questions)
    f = _q("bka-followup")
    a = Assessment(questionnaire=QuestionnaireRef(id=f.id, version="1.0.0"),
                   decision=Decision(title="X"), answers={})
    assert len(migration_notes(a, f)) == 1
