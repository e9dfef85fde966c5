"""One answer as a reader expects it: labels, not stored values; tables for lists."""

from __future__ import annotations

from typing import Any

from app.core import measure_status
from app.core.document.bindings import measure_bindings
from app.core.document.evidence import measure_targets
from app.core.document.model import Block, Bullets, Inline, LongText, Para, Span, Table, inline
from app.core.document.source import ReportInput
from app.core.document.strings import number, t
from app.core.document.track import w
from app.core.models.questionnaire import Question, Questionnaire
from app.core.text import tr

ACTION_KEYS = ("action_what", "action_who", "action_due", "action_status")


def is_empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or (isinstance(value, str)
                                                           and not value.strip())


def answer_blocks(ri: ReportInput, question: Question) -> tuple[Block, ...]:
    """The answer to one visible question, then its comment."""
    value = ri.values.get(question.id)
    lang = ri.lang
    out: list[Block]
    if question.id in ri.orphans:  # an old version's answer: shown as stored, not scored
        out = [LongText(raw_value(ri.orphans[question.id].value) or "–",
                        label=t("orphan_value", lang))]
    elif is_empty(value):
        key = "not_answered_required" if question.required else "not_answered"
        out = [Para(inline(t(key, lang)), role="missing")]
    else:
        out = _render(ri, question, value)
    comment = ri.comment(question.id)
    if comment:
        out.append(LongText(comment, label=t("comment", lang), role="comment"))
    return tuple(out)


def _render(ri: ReportInput, question: Question, value: Any) -> list[Block]:
    lang, kind = ri.lang, question.type
    if kind == "text":
        return [LongText(str(value))]
    if kind == "impact":
        return [impact_answer(ri, question)]
    if kind == "actions":
        return [actions_table(value, lang, caption=tr(question.text, lang)),
                *measure_targets(ri, value),
                *(measure_bindings(ri, value) if question.measure_facts else [])]
    if kind == "multi":
        return [Bullets(tuple(inline(tr(question.option_label(v), lang)) for v in value))]
    return [Para(inline(short_answer(question, value, lang)))]


def short_answer(question: Question, value: Any, lang: str) -> str:
    """A short answer (choice, scale, number, date) as words."""
    if question.type == "choice":
        return tr(question.option_label(value), lang)
    if question.type == "multi":
        return "; ".join(tr(question.option_label(v), lang) for v in value)
    if question.type == "scale":
        return _scale(question, value, lang)
    if question.type == "number":
        unit = tr(question.unit, lang) if question.unit else ""
        shown = number(value, lang, 0 if float(value).is_integer() else 2)
        return f"{shown}\u00a0{unit}".strip()
    return str(value)


def _scale(question: Question, value: Any, lang: str) -> str:
    low = int(question.min) if question.min is not None else None
    high = int(question.max) if question.max is not None else None
    if low is None or high is None:
        return str(value)
    text = t("scale_value", lang, value=value, low=low, high=high)
    ends = [f"{v} = {tr(label, lang)}" for v, label in ((low, question.min_label),
                                                      (high, question.max_label)) if label]
    return f"{text} ({', '.join(ends)})" if ends else text


def rating(q: Questionnaire, value: Any, lang: str) -> Inline:
    """A rating: its sign in bold and its label, '–' when not given."""
    if value is None:
        return inline("–")
    label = tr(q.impact_label(value), lang)
    if value == "unknown":
        return inline(label)
    return (Span(number(value, lang, sign=value != 0), strong=True), Span(f" {label}"))


def article_cell(ri: ReportInput, num: int) -> Inline:
    article = ri.library.article(num)
    title = tr(article.title, ri.lang) if article else ""
    return (Span(str(num), strong=True), Span(f" {title}" if title else ""))


def impact_answer(ri: ReportInput, question: Question) -> Table:
    """Each article of one impact question: short and long term, for which children."""
    lang, q = ri.lang, ri.questionnaire
    rows = tuple(
        (article_cell(ri, item.number), rating(q, item.short, lang),
         rating(q, item.long, lang), inline(item.children or "–"))
        for item in ri.card.articles if item.question == question.id)
    return Table(header=(*(t(k, lang) for k in ("article", "short_term", "long_term")),
                         w("impact_children", ri)),
                 rows=rows, widths=(0.30, 0.19, 0.19, 0.32), caption=tr(question.text, lang),
                 row_headers=True, indent=True)


def action_row(action: dict[str, Any], lang: str) -> tuple[str, str, str, str]:
    """One measure as the reader reads it: what, who, when, status."""
    status = measure_status.word(str(action.get("status") or measure_status.DEFAULT), lang)
    return (str(action.get("what") or "–"), str(action.get("who") or "–"),
            str(action.get("due") or "–"), status)


def actions_table(actions: list[dict[str, Any]], lang: str, caption: str = "") -> Table:
    """Measures or follow-up steps: what, who, when, status."""
    rows = tuple(tuple(inline(cell) for cell in action_row(a, lang)) for a in actions)
    # "Who" holds long Swedish compounds (familjehemssekreterare): give it room to not split;
    # a date must fit on one line in Word's larger type too (2027-06-15 broke after the month).
    return Table(header=tuple(t(k, lang) for k in ACTION_KEYS), rows=rows,
                 widths=(0.41, 0.29, 0.17, 0.13), caption=caption, indent=True)


def raw_value(value: Any) -> str:
    """A stored value that no longer fits any question, shown as plainly as it can be."""
    if isinstance(value, dict):
        return "\n".join(f"{k}: {raw_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "\n".join(f"• {raw_value(v)}" for v in value)
    return "" if value is None else str(value)
