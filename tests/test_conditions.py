"""The condition language: what officials' questionnaires can say, and what they cannot."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.conditions import ConditionError, names, parse


class Answers:
    def __init__(self, **values: Any) -> None:
        self.values = values

    def answer(self, question_id: str) -> Any:
        return self.values.get(question_id)

    def impact(self, article: int) -> float | None:
        return {12: -1.5, 28: 1.0}.get(article)

    def lowest_impact(self) -> float | None:
        return -1.5

    def negative_impacts(self) -> int:
        return 1


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("heard == 'no'", True),
        ("heard != 'no'", False),
        ("heard in ['no', 'partly']", True),
        ("'survey' in methods", True),
        ("'dialogue' not in methods", True),
        ("count(methods) >= 2", False),
        ("age < 13 and age >= 6", True),
        ("not answered(missing)", True),
        ("impact(12) < 0 and heard == 'no'", True),
        ("impact(5) < 0", False),  # not rated: null is never below anything
        ("missing == null", True),
        ("missing > 3 or missing <= 3", False),
        ("lowest_impact() <= -1.5", True),
        ("negative_impacts() > 0 and not (heard == 'yes')", True),
        ("heard == 'no' or age == 99 and heard == 'yes'", True),  # and binds tighter
        ("(heard == 'no' or age == 99) and heard == 'yes'", False),
        ("'x' in missing", False),
        ("'x' not in missing", True),
        ("date >= '2026-01-01'", True),
    ],
)
def test_evaluation(condition: str, expected: bool) -> None:
    env = Answers(heard="no", methods=["survey"], age=8, date="2026-11-23")
    assert parse(condition).evaluate(env) is expected


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ("heard ==", "ends too early"),
        ("heard = 'no'", "unexpected character '='"),
        ("(heard == 'no'", "expected ')'"),
        ("heard == 'no' 'yes'", "unexpected ''yes''"),
        ("__import__('os')", "unknown function '__import__'"),
        ("answered()", "answered() takes 1 argument(s), got 0"),
        ("", "the condition is empty"),
        ("heard.lower() == 'no'", "unexpected character '.'"),
    ],
)
def test_syntax_errors_say_what(condition: str, message: str) -> None:
    with pytest.raises(ConditionError, match=None) as info:
        parse(condition)
    assert message in str(info.value)


def test_error_gives_the_character() -> None:
    with pytest.raises(ConditionError) as info:
        parse("heard == 'no' && age > 3")
    assert "at character 15" in str(info.value)


def test_names_lists_question_ids_read() -> None:
    assert names(parse("heard == 'no' and answered(why) and 'a' in methods")) == {
        "heard",
        "why",
        "methods",
    }
