"""The body of the report: impact per article, the analysis by section, the articles concerned."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

from app.core.text import tr
from app.report.answers import (
    answer_flowables,
    article_cell,
    long_text,
    rating,
    raw_value,
)
from app.report.context import ReportInput
from app.report.strings import number, t
from app.report.styles import FRAME_WIDTH, grid_style, styles
from app.report.text import grey, markup

TABLE_START = 120  # points: a question, a table header and the first rows


def impact_table(ri: ReportInput) -> list[Flowable]:
    """Every article of every visible impact question, with its ratings and for whom."""
    s, lang, q = styles(), ri.lang, ri.questionnaire
    out: list[Flowable] = [Paragraph(t("impact_table", lang), s.h1)]
    if not ri.card.articles:
        return out + [Paragraph(t("no_articles_rated", lang), s.body)]
    out.append(Paragraph(t("impact_table_intro", lang), s.intro))
    rows: list[list[Any]] = [[Paragraph(t(k, lang), s.head_right if k == "combined" else s.head)
                              for k in ("article", "short_term", "long_term", "combined",
                                        "children")]]
    for item in ri.card.articles:
        combined = "–" if item.combined is None else number(item.combined, lang, 2, sign=True)
        rows.append([
            Paragraph(article_cell(ri, item.number), s.cell),
            Paragraph(rating(q, item.short, lang), s.cell),
            Paragraph(rating(q, item.long, lang), s.cell),
            Paragraph(f"<b>{combined}</b>", s.cell_right),
            Paragraph(markup(item.children) or "–", s.cell),
        ])
    widths = [w * FRAME_WIDTH for w in (0.22, 0.17, 0.17, 0.12, 0.32)]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return out + [table]


def analysis(ri: ReportInput) -> list[Flowable]:
    """Every visible question by section, numbered as in the app; hidden ones left out."""
    s, lang, q = styles(), ri.lang, ri.questionnaire
    out: list[Flowable] = [Paragraph(t("analysis", lang), s.h1)]
    for index, section in enumerate(q.sections, 1):
        shown = [question for question in section.questions if ri.visible(question.id)]
        if not shown:
            continue
        heading = Paragraph(f"{index}. {markup(tr(section.title, lang))}", s.h2)
        out.append(heading)
        for question in shown:
            head = Paragraph(markup(tr(question.text, lang)), s.question,
                             bulletText=q.numbering[question.id])
            answer = answer_flowables(ri, question)
            if answer and isinstance(answer[0], Table):
                # Keeping a question with a whole table pushes both to the next page and
                # leaves a half-empty page; only ask for room for the header and a row or two.
                head.keepWithNext = 0
                out.insert(len(out) - 1 if out[-1] is heading else len(out),
                           CondPageBreak(TABLE_START))
            out += [head, *answer]
    return out + _orphans(ri)


def _orphans(ri: ReportInput) -> list[Flowable]:
    """Stored answers to questions the current version no longer has: shown, never dropped.

    (An answer whose question still exists but no longer fits is shown at its question.)
    """
    gone = {k: v for k, v in ri.orphans.items() if k not in ri.questionnaire.questions}
    if not gone:
        return []
    s, lang = styles(), ri.lang
    out: list[Flowable] = [Paragraph(t("orphans", lang), s.h2)]
    for qid, answer in gone.items():
        out.append(Paragraph(markup(t("orphan_question", lang, qid=qid)), s.question,
                             bulletText="–"))
        out += long_text(raw_value(answer.value) or "–", s.answer, s.answer_rtl)
        if answer.comment:
            out += long_text(answer.comment, s.comment, s.comment,
                             prefix=f"<b>{t('comment', lang)}:</b> ")
    return out


def concerned_articles(ri: ReportInput) -> list[int]:
    """Articles rated in a visible impact question or named by an answered visible question."""
    numbers = {a.number for a in ri.card.articles}
    for qid in ri.card.visible:
        if qid in ri.values and ri.values[qid] not in (None, "", [], {}):
            numbers.update(ri.questionnaire.questions[qid].articles)
    return sorted(n for n in numbers if ri.library.article(n) is not None)


def articles(ri: ReportInput) -> list[Flowable]:
    """The articles concerned, with our summary of each."""
    s, lang = styles(), ri.lang
    out: list[Flowable] = [Paragraph(t("articles", lang), s.h1),
                           Paragraph(t("articles_intro", lang), s.intro)]
    for num in concerned_articles(ri):
        article = ri.library.by_number[num]
        mark = f" {grey(t('principle', lang))}" if article.principle else ""
        head = f"{t('article', lang)} {num}. {markup(tr(article.title, lang))}{mark}"
        out.append(KeepTogether([Paragraph(head, s.h3),
                                 Paragraph(markup(tr(article.summary, lang)), s.body)]))
    return out

