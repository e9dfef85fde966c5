"""A workshop case on the individual track, as the trainer finds it (`bka cases --json`)."""

from __future__ import annotations

import json

import pytest

from app.cli.main import main
from app.services.shipped import cases as shipped_cases
from app.services.shipped import catalog


def test_a_case_uses_the_individual_track_with_trainer_notes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["cases", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    cases = [c for c in listed if c["questionnaire"] == "bka-individual"]
    assert cases, "no workshop case uses the individual track"
    shipped = {c.id: c for c in shipped_cases()}
    for item in cases:
        case = shipped[item["id"]]
        notes = case.trainer_notes
        assert isinstance(notes, dict) and notes["sv"].strip() and notes["en"].strip()
        assert "Vanliga misstag" in notes["sv"] and "Common mistakes" in notes["en"]


def test_its_key_articles_can_be_rated_in_the_individual_questionnaire() -> None:
    q = catalog().questionnaire("bka-individual")
    assert q is not None
    case = next(c for c in shipped_cases() if c.questionnaire == "bka-individual")
    impacts = [question for question in q.questions.values() if question.type == "impact"]
    fixed = {n for question in impacts for n in question.articles}
    selectable = any(question.selectable for question in impacts)
    for number in case.key_articles:
        assert number in fixed or (selectable and number <= 42), number
