"""One reader of recorded days (app/core/fact_dates.as_day): the scoring rules, the overview,
the follow-up and the date widgets read the same answer as the same day, or all as no day.

Before, the overview and the 'after the decision' rule each parsed dates themselves: a date
with a time after it, or with a space around it, was a day for one of them and no day for the
other. The forms each of them read before are read as the same day now."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from scoring_setup import EXAMPLES, file_answers, score_answers

from app.core import dashboard, followup
from app.core.evaluation import Evaluation
from app.core.fact_dates import as_day
from app.core.models.assessment import Answer
from app.services.shipped import catalog

DAY = dt.date(2026, 12, 1)
FILE = EXAMPLES / "skolnedlaggning.yaml"  # its decision is planned for 2026-11-19

# (recorded value, the day every reader takes it for)
FORMS: list[tuple[Any, dt.date | None]] = [
    (DAY, DAY),
    (dt.datetime(2026, 12, 1, 15, 30), DAY),
    ("2026-12-01", DAY),
    ("20261201", DAY),  # ISO's basic form
    (" 2026-12-01\n", DAY),
    ("2026-12-01T09:00:00", DAY),
    ("2026-12-01 09:00", DAY),
    ("2026-13-01", None),
    ("den första december", None),
    ("", None),
    (None, None),
    (True, None),
    ([], None),
]


@pytest.mark.parametrize(("value", "day"), FORMS)
def test_the_reader_takes_each_form_for_its_day(value: Any, day: dt.date | None) -> None:
    assert as_day(value) == day


def test_a_bare_year_stands_for_its_middle() -> None:
    assert as_day(2017) == dt.date(2017, 7, 1)
    assert as_day(2017.0) == dt.date(2017, 7, 1)
    assert as_day(2017.5) is None


@pytest.mark.parametrize(("value", "day"), FORMS)
def test_the_after_decision_rule_reads_the_same_day(value: Any, day: dt.date | None) -> None:
    assessment, values = file_answers(FILE)
    q = catalog().questionnaire(assessment.questionnaire.id)
    assert q is not None
    decided = assessment.decision.decision_date
    assert decided is not None and decided < DAY
    ev = Evaluation(q, {**values, "heard_date": value}, decided=decided)
    assert ev.after_decision("heard_date") is (day is not None)
    # the same value on the day of the decision is not after it
    if isinstance(value, str) and day is not None:
        before = value.replace("2026-12-01", "2026-11-19").replace("20261201", "20261119")
        assert Evaluation(q, {**values, "heard_date": before},
                          decided=decided).after_decision("heard_date") is False


@pytest.mark.parametrize(("value", "day"), FORMS)
def test_the_overview_reads_the_same_day(value: Any, day: dt.date | None) -> None:
    assessment, values = file_answers(FILE)
    q = catalog().questionnaire(assessment.questionnaire.id)
    assert q is not None
    changed = {**values, "follow_up_date": value,
               "measures": [{**values["measures"][0], "due": value}]}
    facts = dashboard.facts(assessment, score_answers(assessment, changed), q, changed)
    assert facts.follow_up == day
    assert [m.due for m in facts.measures] == [day]


@pytest.mark.parametrize(("value", "day"), FORMS)
def test_the_follow_up_reads_the_same_day(value: Any, day: dt.date | None) -> None:
    assessment, _ = file_answers(FILE)
    answers = {**assessment.answers, "follow_up_date": Answer(value=value)}
    assert followup.due(assessment.model_copy(update={"answers": answers})) == day
