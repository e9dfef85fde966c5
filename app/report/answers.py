"""One answer rendered as a reader expects it: labels, not stored values; tables for lists."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from app.core.models.questionnaire import Question, Questionnaire
from app.core.text import tr
from app.report.context import ReportInput
from app.report.strings import number, t
from app.report.styles import FRAME_WIDTH, INDENT, grid_style, styles
from app.report.text import blocks, markup, measurer

ANSWER_WIDTH = FRAME_WIDTH - INDENT


def answer_flowables(ri: ReportInput, question: Question) -> list[Flowable]:
    """The answer to one visible question, then its comment."""
    value = ri.values.get(question.id)
    s = styles()
    if question.id in ri.orphans:  # an old version's answer: shown as stored, not scored
        stored = raw_value(ri.orphans[question.id].value) or "–"
        out: list[Flowable] = long_text(stored, s.answer, s.answer_rtl,
                                        prefix=f"<b>{t('orphan_value', ri.lang)}:</b> ")
    elif _empty(value):
        key = "not_answered_required" if question.required else "not_answered"
        out = [Paragraph(t(key, ri.lang), s.missing)]
    else:
        out = _render(ri, question, value)
    comment = ri.comment(question.id)
    if comment:
        out += long_text(comment, s.comment, s.comment,
                         prefix=f"<b>{t('comment', ri.lang)}:</b> ")
    return out


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or (isinstance(value, str)
                                                           and not value.strip())


def _render(ri: ReportInput, question: Question, value: Any) -> list[Flowable]:
    s, lang = styles(), ri.lang
    kind = question.type
    if kind == "text":
        return long_text(value, s.answer, s.answer_rtl)
    if kind == "impact":
        return [impact_answer(ri, question)]
    if kind == "actions":
        return [actions_table(value, lang)]
    return [Paragraph(_inline(question, value, lang), s.answer)]


def _inline(question: Question, value: Any, lang: str) -> str:
    """Markup of a short answer (choice, multi, scale, number, date)."""
    if question.type == "choice":
        return markup(tr(question.option_label(value), lang))
    if question.type == "multi":
        return "<br/>".join("•\u00a0" + markup(tr(question.option_label(v), lang)) for v in value)
    if question.type == "scale":
        return markup(_scale(question, value, lang))
    if question.type == "number":
        unit = tr(question.unit, lang) if question.unit else ""
        shown = number(value, lang, 0 if float(value).is_integer() else 2)
        return markup(f"{shown}\u00a0{unit}".strip())
    return markup(str(value))


def _scale(question: Question, value: Any, lang: str) -> str:
    low = int(question.min) if question.min is not None else None
    high = int(question.max) if question.max is not None else None
    if low is None or high is None:
        return str(value)
    text = t("scale_value", lang, value=value, low=low, high=high)
    ends = [f"{v} = {tr(label, lang)}" for v, label in ((low, question.min_label),
                                                      (high, question.max_label)) if label]
    return f"{text} ({', '.join(ends)})" if ends else text


def long_text(text: object, style: ParagraphStyle, rtl_style: ParagraphStyle,
              prefix: str = "") -> list[Flowable]:
    """A long text as several Paragraphs, so platypus can break it across pages.

    `prefix` is our own markup (a bold label) put before the first paragraph.
    """
    measure = measurer(style.fontName, style.fontSize, FRAME_WIDTH - style.leftIndent - 2)
    parts = blocks(text, measure)
    if prefix and parts and not parts[0][1]:
        parts[0] = (prefix + parts[0][0], False)
    elif prefix:
        parts.insert(0, (prefix, False))
    return [Paragraph(chunk, rtl_style if rtl else style) for chunk, rtl in parts]


def rating(q: Questionnaire, value: Any, lang: str) -> str:
    """Markup of a rating: its sign and label, '–' when not given."""
    if value is None:
        return "–"
    label = markup(tr(q.impact_label(value), lang))
    if value == "unknown":
        return label
    return f"<b>{number(value, lang, sign=value != 0)}</b> {label}"


def article_cell(ri: ReportInput, num: int) -> str:
    article = ri.library.article(num)
    title = markup(tr(article.title, ri.lang)) if article else ""
    return f"<b>{num}</b> {title}"


def impact_answer(ri: ReportInput, question: Question) -> Table:
    """Each article of one impact question: short and long term, for which children."""
    s, lang = styles(), ri.lang
    rows: list[list[Any]] = [[Paragraph(t(k, lang), s.head) for k in
                              ("article", "short_term", "long_term", "children")]]
    for item in (a for a in ri.card.articles if a.question == question.id):
        rows.append([
            Paragraph(article_cell(ri, item.number), s.cell),
            Paragraph(rating(ri.questionnaire, item.short, lang), s.cell),
            Paragraph(rating(ri.questionnaire, item.long, lang), s.cell),
            Paragraph(markup(item.children) or "–", s.cell),
        ])
    widths = [w * ANSWER_WIDTH for w in (0.30, 0.19, 0.19, 0.32)]
    return _table(rows, widths)


def actions_table(actions: list[dict[str, Any]], lang: str) -> Table:
    """Measures or follow-up steps: what, who, when, status."""
    s = styles()
    rows: list[list[Any]] = [[Paragraph(t(k, lang), s.head) for k in
                              ("action_what", "action_who", "action_due", "action_status")]]
    for action in actions:
        status = t("action_done" if action.get("status") == "done" else "action_open", lang)
        rows.append([
            Paragraph(markup(action.get("what") or "–"), s.cell),
            Paragraph(markup(action.get("who") or "–"), s.cell),
            Paragraph(markup(action.get("due") or "–"), s.cell),
            Paragraph(status, s.cell),
        ])
    # "Who" holds long Swedish compounds (familjehemssekreterare): give it room to not split.
    widths = [w * ANSWER_WIDTH for w in (0.43, 0.29, 0.15, 0.13)]
    return _table(rows, widths)


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    # splitInRow: a cell with a very long text may run over a page end instead of failing.
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="RIGHT")
    table.setStyle(grid_style())
    return table


def raw_value(value: Any) -> str:
    """A stored value that no longer fits any question, shown as plainly as it can be."""
    if isinstance(value, dict):
        return "\n".join(f"{k}: {raw_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "\n".join(f"• {raw_value(v)}" for v in value)
    return "" if value is None else str(value)
