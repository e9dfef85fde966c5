"""The first page, for a politician with one minute: the decision, then the conclusion on the
child's best interests and the serious findings, then the level (and what holds it down), the
figures, the rights weakened and for whom, the chart and the other warnings.

A screening record (the short path) shows the judgement, its reason and its findings, and no
level, figures or chart: nothing was assessed that a figure could describe."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from app.core import verdict
from app.core.completion import unexplained_completion
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
        Paragraph(markup(d.title), s.title),
        _meta(ri),
    ]
    if d.description.strip():
        out.append(Paragraph(t("description", lang), s.label))
        out += long_text(d.description, s.body, s.body_rtl)
    out += _notes(ri)
    if ri.card.kind == "screening":
        return out + [Spacer(0, 6), _screening(ri)] + _findings(ri, serious=True)
    out += [Spacer(0, 6), _conclusion(ri)] + _findings(ri, serious=True)
    out += [Spacer(0, 6), _level(ri), Spacer(0, 6), _figures(ri)]
    out += _rights(ri) + _chart(ri) + _findings(ri, serious=False)
    return out


def _screening(ri: ReportInput) -> Flowable:
    s, lang, card = styles(), ri.lang, ri.card
    parts: list[Any] = [Paragraph(t("screening_title", lang), s.level),
                        Paragraph(markup(verdict.s("screening", lang)), s.body), Spacer(0, 3)]
    label = f"<b>{verdict.s('screening_reason', lang)}:</b> "
    if card.screening_reason.strip():
        parts += long_text(card.screening_reason, s.body, s.body_rtl, prefix=label)
    else:
        parts.append(Paragraph(label + t("not_given", lang), s.body))
    box = Table([[parts]], colWidths=[FRAME_WIDTH])
    box.setStyle(box_style())
    return box


def _conclusion(ri: ReportInput) -> Flowable:
    """The heart of the assessment: yes, partly or no, and the reasons, before any figure."""
    s, lang, card = styles(), ri.lang, ri.card
    question = verdict.conclusion_question(ri.questionnaire, lang)
    parts: list[Any] = [Paragraph(t("conclusion_title", lang), s.figure_label),
                        Paragraph(markup(question), s.body),
                        Paragraph(markup(verdict.outcome_text(card, lang)), s.level)]
    c = card.conclusion
    note = verdict.motivation_note(card, lang)
    label = f"<b>{t('motivation', lang)}:</b> "
    if c is not None and c.motivation.strip():
        parts += long_text(c.motivation, s.body, s.body_rtl, prefix=label)
    if note:
        colour = SERIOUS.hexval()[2:]
        parts.append(Paragraph(f"<font color='#{colour}'><b>{markup(note)}.</b></font>", s.body))
    box = Table([[parts]], colWidths=[FRAME_WIDTH])
    box.setStyle(box_style())
    return box


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
             ("status", t("status_complete_unexplained", lang)
              if unexplained_completion(ri.assessment, ri.card)
              else t(f"status_{ri.assessment.status}", lang))]
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
    if ri.migration_notes:  # a declared migration says itself what changed
        notes += [tr(note, lang) for note in ri.migration_notes]
    elif ri.stale_version:
        notes.append(t("stale_version", lang, old=ri.stale_version, qid=q.id, new=q.version))
    a = ri.assessment
    if a.status != "draft" and a.completion_reason.strip():
        notes.append(t("completion_reason", lang, reason=a.completion_reason.strip()))
    elif unexplained_completion(a, ri.card):
        notes.append(t("completion_unexplained", lang, missing=len(ri.card.missing),
                       serious=len(ri.card.serious)))
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
                            f"<font size=10 color='#5b5b57'>{points}</font>", s.level)]
        cap = verdict.cap_sentence(card, lang)
        if cap:
            colour = SERIOUS.hexval()[2:]
            parts.append(Paragraph(f"<font color='#{colour}'><b>{markup(cap)}</b></font>",
                                   s.body))
        else:
            parts.append(Paragraph(band, s.figure_label))
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
        # Counts first: a mean hides who loses. The mean follows, named by its band.
        balance = str(card.negative)
        rated = len({a.number for a in card.articles if a.combined is not None})
        mean = t("mean_note", lang, mean=number(card.balance, lang, 2, sign=True),
                 label=markup(tr(card.balance_label, lang)))
        balance_sub = (f"<b>{t('rights_strengthened_n', lang, n=card.positive)}</b>, "
                       f"{t('rights_of', lang, rated=rated)}<br/>{mean}")
    figures = [
        (t("rights_weakened_title", lang), balance, balance_sub),
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


def _rights(ri: ReportInput) -> list[Flowable]:
    """Each weakened right, in which term, and for which children: who loses is not averaged."""
    s, lang, card = styles(), ri.lang, ri.card
    if not card.weakened:
        return []
    rows = []
    for change in card.weakened:
        article = ri.library.article(change.number)
        title = f"{change.number}. {markup(tr(article.title, lang))}" if article else \
            str(change.number)
        terms = ", ".join(verdict.s(term, lang) for term in change.terms)
        rows.append([Paragraph(f"<b>{title}</b><br/>{grey(terms)}", s.cell),
                     Paragraph(markup(_clip(change.children)) or "–", s.cell)])
    table = Table(rows, colWidths=[0.34 * FRAME_WIDTH, 0.66 * FRAME_WIDTH], hAlign="LEFT",
                  splitInRow=1)
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]))
    return [Paragraph(t("weakened_for", lang), s.h2), table]


def _clip(text: str, limit: int = 220) -> str:
    """A long 'for which children' text shortened for page 1; the full text is in the table."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _findings(ri: ReportInput, serious: bool) -> list[Flowable]:
    """The serious findings (after the conclusion), or the other warnings (last)."""
    s, lang, card = styles(), ri.lang, ri.card
    flags = [f for f in card.flags if (f.severity == "serious") == serious]
    title = "serious_title" if serious else "other_warnings" if card.serious else "warnings"
    head = Paragraph(t(title, lang), s.h2)
    if not flags:
        if serious and card.kind == "screening":
            return [head, Paragraph(t("screening_no_findings", lang), s.body)]
        if serious:
            return []
        return [] if card.serious else [head, Paragraph(t("no_warnings", lang), s.body)]
    rows = []
    style: list[Any] = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (1, 0), (1, -1), 0.4, RULE),
                        ("LEFTPADDING", (0, 0), (0, -1), 0), ("RIGHTPADDING", (0, 0), (0, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]
    for i, flag in enumerate(flags):
        # A coloured stripe and the word carry the severity (not colour alone).
        colour = SERIOUS if flag.severity == "serious" else WARNING
        severity = t(f"severity_{flag.severity}", lang)
        if flag.id in card.capped_by:
            severity += f", {t('holds_level', lang)}"
        where = ri.questionnaire.numbering.get(flag.question)
        ref = f" {grey(t('see_question', lang, number=where))}" if where else ""
        found = (f" {grey(t('found', lang) + ': ' + markup(', '.join(flag.details)))}"
                 if flag.details else "")
        text = (f"<font color='#{colour.hexval()[2:]}'><b>{severity}:</b></font> "
                f"{markup(tr(flag.message, lang))}{ref}{found}")
        rows.append([Spacer(0, 0), Paragraph(text, s.warning)])  # a plain "" would be Helvetica
        style.append(("BACKGROUND", (0, i), (0, i), colour))
    table = Table(rows, colWidths=[3, FRAME_WIDTH - 3])
    table.setStyle(table_style(style))
    # Few findings stay with their heading; many may run over the page end, row by row.
    if len(rows) < 4:
        return [KeepTogether([head, table])]
    head.keepWithNext = 0
    return [CondPageBreak(70), head, table]
