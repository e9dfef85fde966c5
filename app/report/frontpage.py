"""The first page, for a politician with one minute: the decision, the level, three figures,
the chart and the warnings."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from app.core.text import tr
from app.report.answers import long_text
from app.report.chart import impact_chart, unrated
from app.report.context import ReportInput
from app.report.strings import number, percent, t
from app.report.styles import (
    FRAME_WIDTH,
    RULE,
    SERIOUS,
    WARNING,
    box_style,
    styles,
    table_style,
)
from app.report.text import grey, markup

NOTE_BG = colors.HexColor("#fdf3d8")


def front_page(ri: ReportInput) -> list[Flowable]:
    s, lang = styles(), ri.lang
    d = ri.assessment.decision
    out: list[Flowable] = [
        Paragraph(markup(tr(ri.questionnaire.title, lang)), s.kicker),
        # In chunks, as every long text: one huge Paragraph is re-wrapped at each page it
        # runs over, so its time grows with the square of its length.
        *long_text(d.title, s.title, s.title),
        _meta(ri),
    ]
    if d.description.strip():
        out.append(Paragraph(t("description", lang), s.label))
        out += long_text(d.description, s.body, s.body_rtl)
    out += _notes(ri)
    out += [Spacer(0, 6), _level(ri), Spacer(0, 6), _figures(ri)]
    out += _chart(ri) + _warnings(ri)
    return out


def _chart(ri: ReportInput) -> list[Flowable]:
    s, lang = styles(), ri.lang
    chart = impact_chart(ri.card.clusters, lang, FRAME_WIDTH)
    if chart is None:
        return [Paragraph(t("chart_title", lang), s.h2),
                Paragraph(t("no_ratings", lang) + ".", s.body)]
    out: list[Flowable] = [Paragraph(t("chart_title", lang), s.h2), chart, Spacer(0, 2)]
    caption = t("chart_caption", lang)
    gaps = unrated(ri.card.clusters)
    if gaps:
        names = ", ".join(tr(c.title, lang) for c in gaps)
        caption += f" <b>{t('chart_not_rated', lang)}:</b> {markup(names)}."
    return out + [Paragraph(caption, s.muted)]


def _meta(ri: ReportInput) -> Table:
    s, lang, d = styles(), ri.lang, ri.assessment.decision
    date = d.decision_date.isoformat() if d.decision_date else ""
    pairs = [("case_number", d.case_number), ("committee", d.committee),
             ("decision_maker", d.decision_maker), ("decision_date", date),
             ("official", d.official),
             ("status", t(f"status_{ri.assessment.status}", lang))]
    # Label above value, three to a row: long names and committees get the width they need.
    cells = [[Paragraph(t(key, lang), s.figure_label),
              Paragraph(markup(value) if value.strip() else t("not_given", lang), s.cell)]
             for key, value in pairs]
    rows = [cells[i:i + 3] for i in range(0, len(cells), 3)]
    table = Table(rows, colWidths=[FRAME_WIDTH / 3] * 3, hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def _notes(ri: ReportInput) -> list[Flowable]:
    """What the reader must know before trusting the figures: version, personal data."""
    s, lang, q = styles(), ri.lang, ri.questionnaire
    notes = []
    if ri.stale_version:
        notes.append(t("stale_version", lang, old=ri.stale_version, qid=q.id, new=q.version))
    if ri.text_changed:
        notes.append(t("changed_text", lang, version=q.version))
    if ri.orphans:
        notes.append(t("orphans_note", lang, count=len(ri.orphans)))
    if ri.assessment.personal_data:
        notes.append(t("personal_data", lang))
    if not notes:
        return []
    body = [Paragraph(f"<b>{t('note', lang)}:</b> {markup(n)}", s.cell) for n in notes]
    box = Table([[body]], colWidths=[FRAME_WIDTH])
    box.setStyle(box_style(NOTE_BG))
    return [Spacer(0, 6), box]


def _level(ri: ReportInput) -> Flowable:
    s, lang, card = styles(), ri.lang, ri.card
    parts: list[Any] = [Paragraph(t("overall_level", lang), s.figure_label)]
    if card.level is None:
        parts.append(Paragraph(t("no_level", lang), s.body))
    else:
        level = card.level
        points = t("points", lang, score=number(card.overall, lang))
        band = t("band", lang, low=number(level.min, lang), high=number(level.max, lang))
        parts += [Paragraph(f"{markup(tr(level.label, lang))} "
                            f"<font size=10 color='#5b5b57'>{points}</font>", s.level),
                  Paragraph(band, s.figure_label)]
        if level.meaning:
            parts.append(Spacer(0, 3))
            parts.append(Paragraph(markup(tr(level.meaning, lang)), s.body))
    box = Table([[parts]], colWidths=[FRAME_WIDTH])
    box.setStyle(box_style())
    return box


def _figures(ri: ReportInput) -> Table:
    s, lang, card = styles(), ri.lang, ri.card
    if card.balance is None:
        balance, balance_sub = "–", t("no_ratings", lang)
    else:
        balance = number(card.balance, lang, 2, sign=True)
        rated = len({a.number for a in card.articles if a.combined is not None})
        counts = t("balance_counts", lang, rated=rated, neg=card.negative, pos=card.positive)
        balance_sub = f"<b>{markup(tr(card.balance_label, lang))}</b><br/>{counts}"
    figures = [
        (f"{t('balance', lang)} ({t('balance_scale', lang)})", balance, balance_sub),
        (t("quality", lang), number(card.process_quality, lang), t("quality_of", lang)),
        (t("completeness", lang), percent(card.completeness, lang),
         t("answered_of", lang, answered=card.required_answered, required=card.required_visible)),
    ]
    row = [[Paragraph(label, s.figure_label), Paragraph(value, s.figure),
            Paragraph(sub, s.figure_label)] for label, value, sub in figures]
    table = Table([row], colWidths=[FRAME_WIDTH / 3] * 3)
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
    return table


def _warnings(ri: ReportInput) -> list[Flowable]:
    s, lang = styles(), ri.lang
    head = Paragraph(t("warnings", lang), s.h2)
    if not ri.card.flags:
        return [head, Paragraph(t("no_warnings", lang), s.body)]
    # Serious first; a coloured stripe and the word carry the severity (not colour alone).
    flags = sorted(ri.card.flags, key=lambda f: f.severity != "serious")
    rows = []
    style: list[Any] = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (1, 0), (1, -1), 0.4, RULE),
                        ("LEFTPADDING", (0, 0), (0, -1), 0), ("RIGHTPADDING", (0, 0), (0, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]
    for i, flag in enumerate(flags):
        colour = SERIOUS if flag.severity == "serious" else WARNING
        severity = t(f"severity_{flag.severity}", lang)
        where = ri.questionnaire.numbering.get(flag.question)
        ref = f" {grey(t('see_question', lang, number=where))}" if where else ""
        text = (f"<font color='#{colour.hexval()[2:]}'><b>{severity}:</b></font> "
                f"{markup(tr(flag.message, lang))}{ref}")
        rows.append([Spacer(0, 0), Paragraph(text, s.warning)])  # a plain "" would be Helvetica
        style.append(("BACKGROUND", (0, i), (0, i), colour))
    table = Table(rows, colWidths=[3, FRAME_WIDTH - 3])
    table.setStyle(table_style(style))
    # Few warnings stay with their heading; many may run over the page end, row by row.
    if len(rows) < 4:
        return [KeepTogether([head, table])]
    head.keepWithNext = 0
    return [CondPageBreak(70), head, table]

