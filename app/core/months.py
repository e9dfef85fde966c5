"""How many whole months lie between two dates the answers give.

Conditions use it to see how old a fact is at the time of the assessment, for example the latest
talk with the child against the day the assessment was made (`months_before(a, b)`). A date that
is missing or not a date gives 0: a fact not given is a matter of completeness, never a
contradiction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def as_date(value: Any) -> dt.date | None:
    """A date answer as a date: a date, or an ISO text as the store keeps it; else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def months_between(earlier: Any, later: Any) -> int:
    """Whole calendar months from `earlier` to `later` (0 when either is missing, or when
    `earlier` is not before `later`): 15 August to 16 November is 3, to 14 November 2."""
    start, end = as_date(earlier), as_date(later)
    if start is None or end is None or start >= end:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def run(env: Any, args: tuple[Any, ...]) -> int:
    """The condition function: both arguments are parsed condition nodes (question ids)."""
    return months_between(args[0].evaluate(env), args[1].evaluate(env))
