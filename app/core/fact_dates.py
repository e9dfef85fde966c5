"""How far apart two recorded facts lie in time, in whole months.

Scoring rules compare dates the official gave: when the children were last heard against when
the assessment was made, the year of the main facts against it. What lies far apart cannot
describe the proposal as it stands. A bare year (a number question such as "from which year are
the facts") stands for the middle of that year, so that neither end of it is favoured.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

_MID_YEAR = (7, 1)


def as_day(value: Any) -> dt.date | None:
    """The one reader of a recorded day: a date (a datetime's day), an ISO date text (with
    spaces around it or a time after it, which are set aside) or a year (its middle); None for
    anything else (unanswered, or not a day). Every page, rule and report reads days here,
    so one answer never counts as a date in one place and as no date in another."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer() and 1 <= value <= 9999:
        return dt.date(int(value), *_MID_YEAR)
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def months_between(earlier: Any, later: Any) -> int | None:
    """Whole months from `earlier` to `later` (negative when `later` comes first); None when
    either is not given, so a rule on an unanswered fact never holds."""
    start, end = as_day(earlier), as_day(later)
    if start is None or end is None:
        return None
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:  # a month is whole only once its day is reached
        months -= 1 if months > 0 else 0
    return months


def between_answers(answer: Callable[[str], Any], earlier: str, later: str) -> int | None:
    """months_between() of two questions' answers, as a condition reads them."""
    return months_between(answer(earlier), answer(later))


def days_before_start(day: Any, decided: dt.date | None, weeks_waited: Any) -> int | None:
    """Days by which `day` comes before the case began: the decision's (planned) date less the
    weeks the child has waited for it, which the form counts from the application or report.
    Negative when `day` is after the start; None when any of the three is not given."""
    when = as_day(day)
    if when is None or decided is None or isinstance(weeks_waited, bool) \
            or not isinstance(weeks_waited, int | float) or weeks_waited < 0:
        return None
    start = decided - dt.timedelta(days=round(weeks_waited * 7))
    return (start - when).days


def days_between(earlier: Any, later: Any) -> int | None:
    """Days from `earlier` to `later` (negative when `later` comes first); None when either is
    not given, so a rule on an unanswered date never holds."""
    start, end = as_day(earlier), as_day(later)
    return None if start is None or end is None else (end - start).days


def days_between_answers(answer: Callable[[str], Any], earlier: str, later: str) -> int | None:
    """days_between() of two questions' answers, as a condition reads them."""
    return days_between(answer(earlier), answer(later))
