"""What a valid answer to each question type looks like, and answers put into one form."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from app.core import measure_facts
from app.core.measure_status import DEFAULT, STATUSES
from app.core.models.questionnaire import IMPACT_VALUES, Question

_RATINGS = {str(v): v for v in IMPACT_VALUES}
SHOWN = 60  #: characters of a wrong value repeated in a message (a value may be huge)
ACTION_STATUSES = STATUSES  # planned, ongoing, done, cancelled (app/core/measure_status.py)


def is_answered(question: Question, value: Any) -> bool:
    """Whether a value counts as an answer (an impact needs a rating for each of its articles)."""
    if value in (None, "", [], {}):
        return False
    if question.type == "impact":
        ratings = value if isinstance(value, dict) else {}
        articles = set(question.articles) | set(ratings)
        return all(_rated(ratings.get(a)) for a in articles)
    if question.type == "actions":
        return any(isinstance(a, dict) and str(a.get("what", "")).strip() for a in value)
    return not (isinstance(value, str) and not value.strip())


def _rated(entry: Any) -> bool:
    return isinstance(entry, dict) and (
        entry.get("short") is not None or entry.get("long") is not None
    )


def rating(value: Any) -> int | str | None:
    """A rating as stored: -2..2, 'unknown', or None when not given; ValueError otherwise."""
    if value is None or value == "":
        return None
    key = str(value).strip()
    if key in _RATINGS:
        return _RATINGS[key]
    raise ValueError(f"{shown(value)} is not a rating; use -2, -1, 0, 1, 2 or unknown")


def normalise(question: Question, value: Any) -> Any:
    """The value in its stored form; ValueError with a plain sentence when it does not fit."""
    if value is None:
        return None
    kind = question.type
    if kind == "choice":
        return _option(question, value)
    if kind == "multi":
        if not isinstance(value, list):
            raise ValueError("expected a list of options")
        # An option listed twice is still one choice (a hand-written file, a double click
        # sent twice): kept once, in its first place, rather than refused as a wrong answer.
        return list(dict.fromkeys(_option(question, v) for v in value))
    if kind in ("scale", "number"):
        return _number(question, value)
    if kind == "text":
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError("expected text")
        return str(value)
    if kind == "date":
        return _date(value)
    if kind == "impact":
        return _impact(question, value)
    return _actions(value)


def _option(question: Question, value: Any) -> str:
    if isinstance(value, list | dict | bool) or value is None:
        # str() of a list can never be an option: say what the value is, not its repr
        raise ValueError(f"expected one option, got {shown(value)}")
    text = str(value)
    if text not in question.option_values:
        raise ValueError(f"'{shown(text, quoted=False)}' is not an option; options: "
                         f"{', '.join(question.option_values)}")
    return text


def shown(value: Any, *, quoted: bool = True) -> str:
    """A value as a message repeats it: its repr (or the text itself), cut short when long."""
    text = repr(value) if quoted else str(value)
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def _number(question: Question, value: Any) -> int | float:
    if isinstance(value, bool):
        raise ValueError("expected a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"expected a number, got {shown(value)}") from None
    if not math.isfinite(number):  # JSON has no infinity or NaN, and no score can use one
        raise ValueError(f"expected a number, got {shown(value)}")
    if question.type == "scale" and not number.is_integer():
        raise ValueError("expected a whole number on the scale")
    low, high = question.min, question.max
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueError(
            f"{number:g} is outside {low:g}-{high:g}"
            if low is not None and high is not None
            else f"{number:g} is out of range"
        )
    return int(number) if number.is_integer() else number


def _date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValueError(f"expected a date as YYYY-MM-DD, got {shown(value)}") from None


def _impact(question: Question, value: Any) -> dict[int, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ValueError("expected a mapping from article number to {short, long, children}")
    result: dict[int, dict[str, Any]] = {}
    for key, entry in value.items():
        try:
            number = int(key)
        except (TypeError, ValueError):
            raise ValueError(f"'{key}' is not an article number") from None
        if not 1 <= number <= 54:
            raise ValueError(f"article {number} does not exist; the convention has 1-54")
        if number not in question.articles and not question.selectable:
            raise ValueError(f"article {number} is not rated in this question")
        if not isinstance(entry, dict):
            raise ValueError(f"article {number}: expected {{short, long, children}}")
        extra = set(entry) - {"short", "long", "children", "groups"}
        if extra:
            raise ValueError(f"article {number}: unknown key(s) {', '.join(sorted(extra))}")
        result[number] = {
            "short": rating(entry.get("short")),
            "long": rating(entry.get("long")),
            "children": str(entry.get("children") or ""),
        }
        groups = _group_ratings(question, number, entry.get("groups"))
        if groups:
            result[number]["groups"] = groups
    return result


def _group_ratings(question: Question, number: int, value: Any) -> dict[str, dict[str, Any]]:
    """Ratings per group of children: {group option: {short, long}}, where groups differ."""
    if value in (None, {}):
        return {}
    if question.groups is None:
        raise ValueError(f"article {number}: this question does not rate groups apart")
    if not isinstance(value, dict):
        raise ValueError(f"article {number}: 'groups' must map a group to {{short, long}}")
    result: dict[str, dict[str, Any]] = {}
    for group, entry in value.items():
        if not isinstance(entry, dict) or set(entry) - {"short", "long"}:
            raise ValueError(f"article {number}, group '{group}': expected {{short, long}}")
        try:
            ratings = {"short": rating(entry.get("short")), "long": rating(entry.get("long"))}
        except ValueError as exc:
            raise ValueError(f"article {number}, group '{group}': {exc}") from None
        if ratings["short"] is not None or ratings["long"] is not None:
            result[str(group)] = ratings
    return result


def _actions(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise ValueError("expected a list of actions {what, who, due, status}")
    actions = []
    for i, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise ValueError(f"action {i}: expected {{what, who, due, status}}")
        extra = set(item) - {"what", "who", "due", "status", "addresses", *measure_facts.FACTS,
                             measure_facts.HOW}
        if extra:
            raise ValueError(f"action {i}: unknown key(s) {', '.join(sorted(extra))}")
        status = str(item.get("status") or DEFAULT)
        if status not in ACTION_STATUSES:
            raise ValueError(f"action {i}: status must be one of {', '.join(STATUSES)}, "
                             f"not {shown(status)}")
        due = item.get("due")
        action: dict[str, Any] = {
            "what": str(item.get("what") or ""),
            "who": str(item.get("who") or ""),
            "due": _date(due) if due not in (None, "") else None,
            "status": status,
        }
        addresses = _addresses(item.get("addresses"), i)
        if addresses:
            action["addresses"] = addresses
        action.update(measure_facts.normalise(item, i))
        how = measure_facts.how_text(item)
        if how:
            action[measure_facts.HOW] = how
        actions.append(action)
    return actions


def _addresses(value: Any, i: int) -> list[str]:
    """Which weakened rights (article numbers) or groups (their ids) a measure addresses."""
    if value in (None, "", []):
        return []
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(x, str | int) and not isinstance(x, bool) for x in items):
        raise ValueError(f"action {i}: addresses must list article numbers or group ids")
    return list(dict.fromkeys(str(x).strip() for x in items if str(x).strip()))
