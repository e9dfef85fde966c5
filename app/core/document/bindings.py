"""Under the measures table: what binds each measure (decided, funded, who must carry it out,
whether it rests on what the decision reduces), whom it reaches and whether it keeps the
children in, as the official answered; the reader sees why a measure does or does not count
against the harm."""

from __future__ import annotations

from typing import Any

from app.core import measure_facts
from app.core.document.model import Block, Bullets, Para, inline
from app.core.document.source import ReportInput

_TITLE = ("Vad som binder åtgärderna och vilka de når",
          "What binds the measures and whom they reach")


def measure_bindings(ri: ReportInput, actions: list[dict[str, Any]]) -> list[Block]:
    """Every measure's facts in the full documentation; in the report for the case file only
    the measures whose facts keep them from counting, are unanswered or keep them from the
    children (none when all count and reach the children)."""
    lang = ri.lang
    items = []
    listed = [a for a in actions if isinstance(a, dict)]
    if ri.form == "short":
        listed = [a for a in listed if measure_facts.noted(a)]
    for action in listed:
        what = str(action.get("what") or "–").strip().rstrip(".")
        items.append(inline(f"{what}: {measure_facts.short(action, lang, ri.questionnaire.track)}"))
    if not items:
        return []
    title = _TITLE[1] if lang == "en" else _TITLE[0]
    return [Para(inline(title), role="muted"), Bullets(tuple(items))]
