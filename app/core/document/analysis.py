"""The body of the report: every visible question by section, the impact per article."""

from __future__ import annotations

from app.core.document.answers import (
    answer_blocks,
    article_cell,
    is_empty,
    rating,
    raw_value,
)
from app.core.document.model import (
    Block,
    Heading,
    LongText,
    Para,
    Question,
    Section,
    Span,
    Table,
    inline,
)
from app.core.document.source import ReportInput
from app.core.document.strings import number, t
from app.core.document.track import w
from app.core.text import tr


def left_out(ri: ReportInput) -> list[str]:
    """Visible optional questions with no answer and no comment: listed once, not printed."""
    out = []
    for qid in ri.card.visible:
        question = ri.questionnaire.questions[qid]
        if question.required or qid in ri.orphans or ri.comment(qid):
            continue
        if is_empty(ri.values.get(qid)):
            out.append(qid)
    return out


def analysis_section(ri: ReportInput) -> Section:
    """Every visible question by section, numbered as in the app; hidden ones left out."""
    lang, q = ri.lang, ri.questionnaire
    skipped = set(left_out(ri))
    blocks: list[Block] = []
    for index, section in enumerate(q.sections, 1):
        shown = [x for x in section.questions if ri.visible(x.id) and x.id not in skipped]
        if not shown:
            continue
        blocks.append(Heading(2, f"{index}. {tr(section.title, lang)}", f"section-{section.id}"))
        for question in shown:
            blocks.append(Question(q.numbering[question.id], tr(question.text, lang),
                                   answer_blocks(ri, question)))
    if skipped:
        listed = "; ".join(f"{q.numbering[x]} {tr(q.questions[x].text, lang)}"
                           for x in ri.card.visible if x in skipped)
        blocks += [Heading(2, t("left_out", lang), "left-out"),
                   Para(inline(t("left_out_intro", lang)), role="muted"),
                   Para(inline(listed))]
    blocks += _orphans(ri)
    return Section(id="analysis", title=t("analysis", lang), blocks=tuple(blocks),
                   new_page=True)


def _orphans(ri: ReportInput) -> list[Block]:
    """Stored answers to questions the current version no longer has: shown, never dropped."""
    gone = {k: v for k, v in ri.orphans.items() if k not in ri.questionnaire.questions}
    if not gone:
        return []
    lang = ri.lang
    out: list[Block] = [Heading(2, t("orphans", lang), "orphans")]
    for qid, answer in gone.items():
        answer_parts: list[Block] = [LongText(raw_value(answer.value) or "–")]
        if answer.comment:
            answer_parts.append(LongText(answer.comment, label=t("comment", lang),
                                         role="comment"))
        out.append(Question("–", t("orphan_question", lang, qid=qid), tuple(answer_parts)))
    return out


def impact_section(ri: ReportInput) -> Section:
    """Every article of every visible impact question, with its ratings and for whom."""
    lang, q = ri.lang, ri.questionnaire
    if not ri.card.articles:
        blocks: tuple[Block, ...] = (Para(inline(t("no_articles_rated", lang))),)
    else:
        rows = []
        for item in ri.card.articles:
            combined = "–" if item.combined is None else number(item.combined, lang, 2,
                                                                 sign=True)
            rows.append((article_cell(ri, item.number), rating(q, item.short, lang),
                         rating(q, item.long, lang), (Span(combined, strong=True),),
                         inline(item.children or "–")))
        table = Table(header=(*(t(k, lang) for k in ("article", "short_term", "long_term",
                                                     "combined")), w("impact_children", ri)),
                      rows=tuple(rows), widths=(0.22, 0.17, 0.17, 0.12, 0.32),
                      caption=t("impact_table", lang),
                      align=("left", "left", "left", "right", "left"), row_headers=True)
        blocks = (Para(inline(t("impact_table_intro", lang)), role="intro"), table)
    return Section(id="impacts", title=t("impact_table", lang), blocks=blocks)
