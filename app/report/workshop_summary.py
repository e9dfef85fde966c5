"""The workshop summary PDF: the case, the groups' scores, the articles side by side and the
questions where the groups differed most. Built from the report's own blocks (fonts, styles,
escaping, page frame); every text a user typed goes through markup()."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from app.core.answer_text import answer_text
from app.core.catalog import Catalog
from app.core.comparison import ArticleRow, Comparison, GroupInput, Item, compare
from app.core.models.case import Case
from app.core.models.questionnaire import Questionnaire
from app.core.models.workshop import Workshop
from app.core.numbers import percent
from app.core.text import tr
from app.report import house
from app.report.measured import Paragraph
from app.report.page import Running, canvas_maker, make_document
from app.report.strings import LOCALES, number
from app.report.strings import t as report_t
from app.report.styles import (
    FRAME_WIDTH,
    NEGATIVE,
    POSITIVE,
    RULE,
    grid_style,
    styles,
    table_style,
)
from app.report.text import blocks, markup, plain
from app.report.workshop_strings import t

ARTICLES_PER_TABLE = 9  # more articles than this: the table continues below
AGENDA_START = 230  # points: the agenda's heading, intro and a first item of eight groups


def summary_pdf(workshop: Workshop, case: Case, catalog: Catalog,
                groups: Sequence[GroupInput], lang: str,
                now: dt.datetime | None = None) -> bytes:
    """The summary as PDF bytes."""
    q = catalog.questionnaires[workshop.questionnaire]
    result = compare(q, catalog.library, groups, case.key_articles, case)
    when = (now or dt.datetime.now()).astimezone()
    running = Running(title=plain(workshop.title), case_number=when.strftime("%Y-%m-%d"),
                      footer=t("footer", lang), page_label=report_t("page", lang),
                      watermark=None, letterhead=house.letterhead())
    meta = {"title": f"{t('footer', lang)}: {plain(workshop.title)}", "author": "bka",
            "subject": plain(tr(case.title, lang)), "lang": LOCALES.get(lang, "sv-SE")}
    buffer = BytesIO()
    doc = make_document(buffer, running, meta)
    story = [*front(workshop, case, result, lang, when), *score_table(result, lang),
             *rule_tables(result, lang),
             *article_tables(result, catalog, lang), *agenda(result, q, catalog, lang),
             *plenary(case, lang), *method(lang)]
    doc.build(story, canvasmaker=canvas_maker(running))
    return buffer.getvalue()


def front(workshop: Workshop, case: Case, result: Comparison, lang: str,
          when: dt.datetime) -> list[Flowable]:
    s = styles()
    names = ", ".join(g.name for g in result.groups)
    out: list[Flowable] = [
        Paragraph(t("kicker", lang), s.kicker),
        Paragraph(markup(workshop.title), s.title),
        Paragraph(t("line", lang, date=when.strftime("%Y-%m-%d"), count=len(result.groups))
                  + " " + markup(names), s.muted),
        Paragraph(t("case", lang), s.h1),
        Paragraph(f"<b>{markup(tr(case.title, lang))}</b>", s.body),
    ]
    out += [Paragraph(text, s.body) for text, _ in blocks(tr(case.summary, lang))]
    out.append(Paragraph(t("case_line", lang, level=markup(tr(case.level, lang)),
                           minutes=case.duration_minutes,
                           articles=", ".join(str(n) for n in case.key_articles)), s.muted))
    return out


def score_table(result: Comparison, lang: str) -> list[Flowable]:
    s = styles()
    head = [Paragraph(t(k, lang), s.head_right if i > 1 else s.head)
            for i, k in enumerate(("group", "level", "overall", "quality", "completeness",
                                   "balance"))]
    rows: list[list[Any]] = [head]
    for g in result.groups:
        card = g.card
        balance = "–" if card.balance is None else number(card.balance, lang, 1, sign=True)
        rows.append([
            Paragraph(f"<b>{markup(g.name)}</b>", s.cell),
            Paragraph(markup(tr(card.level.label, lang)) if card.level else "–", s.cell),
            Paragraph(f"<b>{number(card.overall, lang)}</b>", s.cell_right),
            Paragraph(number(card.process_quality, lang), s.cell_right),
            Paragraph(percent(card.completeness, lang), s.cell_right),
            Paragraph(balance, s.cell_right),
        ])
    widths = [w * FRAME_WIDTH for w in (0.25, 0.25, 0.12, 0.14, 0.13, 0.11)]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return [Paragraph(t("scores", lang), s.h1), Paragraph(t("scores_intro", lang), s.intro),
            table]


def rule_tables(result: Comparison, lang: str) -> list[Flowable]:
    """The case's key points and common mistakes, with the groups that caught or made them."""
    s = styles()
    if not result.rules:
        return []
    out: list[Flowable] = [Paragraph(t("rules", lang), s.h1),
                           Paragraph(t("rules_intro", lang), s.intro)]
    for kind in ("key_point", "mistake"):
        rows = [r for r in result.rules if r.kind == kind]
        if not rows:
            continue
        table_rows: list[list[Any]] = [[Paragraph(t(kind, lang), s.head),
                                        Paragraph(t("groups_" + kind, lang), s.head)]]
        for row in rows:
            names = [g.name for g, holds in zip(result.groups, row.holds, strict=True) if holds]
            table_rows.append([Paragraph(markup(tr(row.label, lang)), s.cell),
                               Paragraph(markup(", ".join(names)) if names else "–", s.cell)])
        table = Table(table_rows, colWidths=[0.62 * FRAME_WIDTH, 0.38 * FRAME_WIDTH],
                      repeatRows=1, hAlign="LEFT")
        table.setStyle(grid_style())
        out += [table, Spacer(1, 8)]
    return out


def article_tables(result: Comparison, catalog: Catalog, lang: str) -> list[Flowable]:
    """Groups as rows and articles as columns: group names need width, article numbers do
    not, so any number of groups fits the page; long article lists continue in a next table."""
    s = styles()
    out: list[Flowable] = [Paragraph(t("articles", lang), s.h1)]
    if not result.articles:
        return out + [Paragraph(t("no_ratings", lang), s.body)]
    out.append(Paragraph(t("articles_intro", lang), s.intro))
    for start in range(0, len(result.articles), ARTICLES_PER_TABLE):
        part = result.articles[start:start + ARTICLES_PER_TABLE]
        out += [_article_table(result, part, lang), Spacer(1, 8)]
    names = [f"{a.number}\u00a0{markup(tr(catalog.library.by_number[a.number].title, lang))}"
             + ("\u00a0★" if a.key else "") for a in result.articles]
    return out + [Paragraph(" · ".join(names), s.muted)]


def _article_table(result: Comparison, part: Sequence[ArticleRow], lang: str) -> Table:
    s = styles()
    rows: list[list[Any]] = [[Paragraph(t("group", lang), s.head)] + [
        Paragraph(f"{t('art', lang)}<br/>{a.number}{' ★' if a.key else ''}", s.head_right)
        for a in part]]
    shading: list[Any] = []
    for r, group in enumerate(result.groups, 1):
        cells = [Paragraph(f"<b>{markup(group.name)}</b>", s.cell)]
        for c, article in enumerate(part, 1):
            rating = article.ratings[r - 1]
            if article.conclusions is not None:  # assessed by the conclusion, not rated
                given = article.conclusions[r - 1]
                cells.append(Paragraph(markup(tr(given, lang)) if given else "–", s.cell_right))
                continue
            cells.append(Paragraph("–" if rating is None else
                                   f"<b>{number(rating, lang, 1, sign=True)}</b>", s.cell_right))
            if rating is not None:
                shading.append(("BACKGROUND", (c, r), (c, r), tint(rating)))
        rows.append(cells)
    rows.append([Paragraph(t("spread", lang), s.head)] + [
        Paragraph("–" if a.spread is None else number(a.spread, lang, 1), s.cell_right)
        for a in part])
    label = 0.28 * FRAME_WIDTH
    rest = (FRAME_WIDTH - label) / ARTICLES_PER_TABLE
    table = Table(rows, colWidths=[label] + [rest] * len(part), repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    table.setStyle(table_style([*shading, ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE)]))
    return table


def tint(rating: float) -> colors.Color:
    """A light wash of the report's negative or positive colour, stronger further from 0;
    light enough that black text stays readable, also in greyscale print."""
    base = NEGATIVE if rating < 0 else POSITIVE
    share = min(abs(rating), 2) / 2 * 0.45
    return colors.Color(1 - share * (1 - base.red), 1 - share * (1 - base.green),
                        1 - share * (1 - base.blue))


def agenda(result: Comparison, q: Questionnaire, catalog: Catalog,
           lang: str) -> list[Flowable]:
    s = styles()
    # The heading and its intro never end a page alone: the first item must fit below them.
    out: list[Flowable] = [CondPageBreak(AGENDA_START), Paragraph(t("agenda", lang), s.h1)]
    if len(result.groups) < 2 or not result.agenda:
        key = "agenda_one" if len(result.groups) < 2 else "agenda_none"
        return out + [Paragraph(t(key, lang), s.body)]
    out.append(Paragraph(t("agenda_intro", lang), s.intro))
    part = None
    for n, item in enumerate(result.agenda, 1):  # the whole agenda: the room's handout
        if item.part != part:
            part = item.part
            out.append(Paragraph(t(f"part_{part}", lang), s.h2))
        out.append(KeepTogether(_agenda_item(n, item, result, q, catalog, lang)))
    return out


def plenary(case: Case, lang: str) -> list[Flowable]:
    """The trainer's questions for the whole room, numbered as on the projector."""
    if not case.plenary:
        return []
    s = styles()
    return [Paragraph(t("plenary", lang), s.h1),
            *(Paragraph(f"{n}. {markup(tr(q, lang))}", s.body)
              for n, q in enumerate(case.plenary, 1))]


def _agenda_item(n: int, item: Item, result: Comparison, q: Questionnaire, catalog: Catalog,
                 lang: str) -> list[Flowable]:
    s = styles()
    question = q.questions[item.question]
    asked = markup(tr(question.text, lang))
    where = t("question_no", lang, number=q.numbering[item.question])
    title = asked
    if item.article is not None:  # the article is the point; the question is the same for all
        article = catalog.library.by_number[item.article]
        title = f"{t('article', lang)} {item.article}: {markup(tr(article.title, lang))}"
        where = f"{asked} ({where})"
    share = percent(100 * (item.disagreement or 0), lang)
    rows = [[Paragraph(f"<b>{markup(g.name)}</b>", s.cell),
             Paragraph(markup(answer_text(q, question, a, lang)) or "–", s.cell)]
            for g, a in zip(result.groups, item.answers, strict=True)]
    table = Table(rows, colWidths=[0.25 * FRAME_WIDTH, 0.75 * FRAME_WIDTH], hAlign="LEFT",
                  splitInRow=1)
    table.setStyle(answers_style())
    answered = t("answered_by", lang, answered=item.answered, groups=len(result.groups))
    line = f"<b>{t('disagreement', lang, percent=share)}</b> · {answered} · {where}"
    return [Paragraph(f"{n}. {title}", s.h3), Paragraph(line, s.muted), table]


def answers_style() -> Any:
    """The answer tables: rules between rows, no header shading."""
    return table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
    ])


def method(lang: str) -> list[Flowable]:
    s = styles()
    return [Paragraph(t("method", lang), s.h2), Paragraph(t("method_text", lang), s.small)]
