"""One answer as a short line a reader understands: labels, not stored values.

Used where answers of several groups stand next to each other (the workshop comparison on
screen and in its PDF), so each must fit a table cell. Pure; the caller escapes the text.
"""

from __future__ import annotations

from typing import Any

from app.core.models.questionnaire import Question, Questionnaire
from app.core.text import tr

_TERMS = {"sv": ("kort sikt", "lång sikt"), "en": ("short term", "long term")}


def answer_text(q: Questionnaire, question: Question, value: Any, lang: str) -> str:
    """The answer in words; "" when there is none."""
    if value is None or value in ("", [], {}):
        return ""
    kind = question.type
    if kind == "choice":
        return tr(question.option_label(value), lang)
    if kind == "multi":
        return "; ".join(tr(question.option_label(v), lang) for v in value)
    if kind == "impact":
        return rating_text(q, value, lang)
    if kind == "actions":
        return "; ".join(str(a.get("what", "")) for a in value if isinstance(a, dict))
    if kind in ("scale", "number") and isinstance(value, int | float):
        unit = tr(question.unit, lang) if question.unit else ""
        return f"{value:g} {unit}".strip()
    return str(value)


def rating_text(q: Questionnaire, entry: dict[str, Any], lang: str) -> str:
    """One article's rating: both terms, then for which children."""
    short, long = _TERMS.get(lang, _TERMS["en"])
    parts = [f"{short}: {tr(q.impact_label(entry.get('short')), lang)}",
             f"{long}: {tr(q.impact_label(entry.get('long')), lang)}"]
    children = str(entry.get("children") or "").strip()
    text = "; ".join(parts)
    return f"{text}. {children}" if children else text
