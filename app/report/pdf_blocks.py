"""The document model's blocks as reportlab flowables: the PDF's layout, none of its content.

Every piece of text reaches a Paragraph through markup() or blocks() (app/report/text.py),
which clean and escape it; only our own tags (<b>, <font color>, <br/>) are added here.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer
from reportlab.platypus import Table as RLTable

from app.core.document.model import (
    ArticleEntry,
    Block,
    Bullets,
    Callout,
    Chart,
    Fields,
    Figures,
    Findings,
    Heading,
    Inline,
    LongText,
    Note,
    Para,
    Question,
    Table,
)
from app.report.answers import long_text
from app.report.chart import chart_drawing
from app.report.measured import Paragraph
from app.report.styles import (
    FRAME_WIDTH,
    INDENT,
    RULE,
    SERIOUS,
    SHADE,
    WARNING,
    Styles,
    box_style,
    grid_style,
    styles,
    table_style,
)
from app.report.text import markup

NOTE_BG = colors.HexColor("#fdf3d8")
HIGHLIGHT = "#fff4cc"
ANSWER_WIDTH = FRAME_WIDTH - INDENT
TABLE_START = 120  # points: a question, a table header and the first rows
TONES = {"serious": "#a4262c", "warning": "#8a5a12", "positive": "#2b6cb0",
         "negative": "#c2571a"}
MUTED_HEX = "#5b5b57"


def spans(content: Inline) -> str:
    """Spans as Paragraph markup: the text escaped, our emphasis added."""
    out = []
    for span in content:
        text = markup(span.text)
        colour = TONES.get(span.tone or "") or (MUTED_HEX if span.muted else None)
        if colour:
            text = f"<font color='{colour}'>{text}</font>"
        out.append(f"<b>{text}</b>" if span.strong else text)
    return "".join(out)


def flowables(items: tuple[Block, ...], answer: bool = False) -> list[Flowable]:
    """The blocks in order; `answer` when they hang under a question."""
    out: list[Flowable] = []
    for block in items:
        if isinstance(block, Question):
            _question(out, block)
        else:
            out += flowable(block, answer)
    return out


def flowable(block: Block, answer: bool = False) -> list[Flowable]:  # noqa: C901 - one per kind
    s = styles()
    if isinstance(block, Heading):
        heading = Paragraph(markup(block.text), s.h2 if block.level <= 2 else s.h3)
        if block.level <= 2:
            heading.outline = (1, block.text)  # type: ignore[attr-defined] # a bookmark
        return [heading]
    if isinstance(block, Para):
        return [Paragraph(spans(block.content), _para_style(s, block.role, answer))]
    if isinstance(block, LongText):
        return _long(block, answer)
    if isinstance(block, Bullets):
        items = "<br/>".join("•\u00a0" + spans(i) for i in block.items)
        return [Paragraph(items, s.answer if answer else s.body)]
    if isinstance(block, Table):
        return [table(block)]
    if isinstance(block, Fields):
        return [_fields(block)] if block.columns > 1 else [_pairs(block)]
    if isinstance(block, Note):
        return _note(block)
    if isinstance(block, Figures):
        return [_figures(block)]
    if isinstance(block, Callout):
        return [Spacer(0, 6), _callout(block)]
    if isinstance(block, Chart):
        return [chart_drawing(block, FRAME_WIDTH), Spacer(0, 2)]
    if isinstance(block, Findings):
        return _findings(block)
    if isinstance(block, ArticleEntry):
        mark = f" <font color='{MUTED_HEX}'>({markup(block.principle)})</font>" \
            if block.principle else ""
        return [KeepTogether([Paragraph(markup(block.title) + mark, s.h3),
                              Paragraph(markup(block.summary), s.body)])]
    raise TypeError(f"no PDF for {type(block).__name__}")


def _para_style(s: Styles, role: str, answer: bool) -> ParagraphStyle:
    if role == "missing":
        return s.missing
    if answer:
        return s.answer
    return {"intro": s.intro, "muted": s.muted}.get(role, s.body)


def _question(out: list[Flowable], block: Question) -> None:
    s = styles()
    head = Paragraph(markup(block.text), s.question, bulletText=block.number)
    if block.answer and isinstance(block.answer[0], Table):
        # Keeping a question with a whole table pushes both to the next page and leaves a
        # half-empty page; only ask for room for the header and a row or two.
        head.keepWithNext = 0
        at = len(out) - 1 if out and _is_heading(out[-1]) else len(out)
        out.insert(at, CondPageBreak(TABLE_START))
    out.append(head)
    out += flowables(block.answer, answer=True)


def _is_heading(item: Flowable) -> bool:
    return isinstance(item, Paragraph) and item.style.name in ("h1", "h2", "h3")


def _long(block: LongText, answer: bool) -> list[Flowable]:
    s = styles()
    if block.role == "comment":
        style, rtl = s.comment, s.comment
    elif block.role == "answer" or answer:
        style, rtl = s.answer, s.answer_rtl
    else:
        style, rtl = s.body, s.body_rtl
    prefix = f"<b>{markup(block.label)}:</b> " if block.label else ""
    return long_text(block.text, style, rtl, prefix=prefix)


def table(block: Table) -> RLTable:
    s = styles()
    head = [Paragraph(markup(h), s.head_right if block.alignment(i) == "right" else s.head)
            for i, h in enumerate(block.header)]
    rows: list[list[Any]] = [head]
    for row in block.rows:
        rows.append([Paragraph(spans(cell), s.cell_right if block.alignment(i) == "right"
                               else s.cell) for i, cell in enumerate(row)])
    width = ANSWER_WIDTH if block.indent else FRAME_WIDTH
    # splitInRow: a cell with a very long text may run over a page end instead of failing.
    out = RLTable(rows, colWidths=[f * width for f in block.widths], repeatRows=1,
                  splitInRow=1, hAlign="RIGHT" if block.indent else "LEFT")
    style = grid_style()
    for index in block.highlight:
        style.add("BACKGROUND", (0, index + 1), (-1, index + 1), HIGHLIGHT)
    out.setStyle(style)
    return out


def _fields(block: Fields) -> RLTable:
    """Label above value, three to a row: long names and committees get the width they need."""
    s = styles()
    cells = [[Paragraph(markup(f.label), s.figure_label),
              Paragraph(markup(f.value) if f.value else markup(f.empty), s.cell)]
             for f in block.items]
    n = block.columns
    rows = [cells[i:i + n] for i in range(0, len(cells), n)]
    out = RLTable(rows, colWidths=[FRAME_WIDTH / n] * n, hAlign="LEFT", splitInRow=1)
    out.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                 ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return out


def _pairs(block: Fields) -> RLTable:
    """The colophon: label left, value right."""
    s = styles()
    rows = [[Paragraph(markup(f.label), s.head), Paragraph(markup(f.value or f.empty), s.cell)]
            for f in block.items]
    out = RLTable(rows, colWidths=[0.32 * FRAME_WIDTH, 0.68 * FRAME_WIDTH], hAlign="LEFT")
    out.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LINEBELOW", (0, 0), (-1, -1), 0.4, SHADE)]))
    return out


def _note(block: Note) -> list[Flowable]:
    s = styles()
    body = [Paragraph(f"<b>{markup(block.label)}:</b> {spans(item)}", s.cell)
            for item in block.items]
    box = RLTable([[body]], colWidths=[FRAME_WIDTH])
    box.setStyle(box_style(NOTE_BG))
    return [Spacer(0, 6), box]


def _callout(block: Callout) -> RLTable:
    s = styles()
    parts: list[Any] = [Paragraph(markup(block.label), s.figure_label)] if block.label else []
    if block.lead:
        parts.append(Paragraph(spans(block.lead), s.body))
    parts.append(Paragraph(_headline(block), s.level))
    for i, line in enumerate(block.lines):
        if i == 1 or (i == 0 and not _is_small(line)):
            parts.append(Spacer(0, 3))
        parts.append(Paragraph(spans(line), s.figure_label if _is_small(line) else s.body))
    box = RLTable([[parts]], colWidths=[FRAME_WIDTH])
    box.setStyle(box_style())
    return box


def _headline(block: Callout) -> str:
    """The big line; a muted span (the points beside a level) is set small."""
    out = []
    for span in block.headline:
        if span.muted:
            out.append(f"<font size=10 color='{MUTED_HEX}'>{markup(span.text)}</font>")
        else:
            out.append(spans((span,)))
    return "".join(out)


def _is_small(line: Inline) -> bool:
    return len(line) == 1 and line[0].muted


def _figures(block: Figures) -> RLTable:
    s = styles()
    n = len(block.items)
    row = [[Paragraph(markup(f.label), s.figure_label), Paragraph(markup(f.value), s.figure),
            Paragraph(spans(f.detail), s.figure_label)] for f in block.items]
    out = RLTable([row], colWidths=[FRAME_WIDTH / n] * n)
    out.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
                 ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
    return out


def _findings(block: Findings) -> list[Flowable]:
    s = styles()
    if not block.items:
        return [Paragraph(markup(block.empty), s.body)]
    # A coloured stripe and the word carry the severity (not colour alone).
    rows = []
    style: list[Any] = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (1, 0), (1, -1), 0.4, RULE),
                        ("LEFTPADDING", (0, 0), (0, -1), 0), ("RIGHTPADDING", (0, 0), (0, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]
    for i, f in enumerate(block.items):
        colour = SERIOUS if f.severity == "serious" else WARNING
        ref = f" <font color='{MUTED_HEX}'>({markup(f.ref)})</font>" if f.ref else ""
        if f.details:
            ref += (f" <font color='{MUTED_HEX}'>({markup(f.details_label)}: "
                    f"{markup(f.details)})</font>")
        text = (f"<font color='#{colour.hexval()[2:]}'><b>{markup(f.severity_label)}:</b></font>"
                f" {markup(f.message)}{ref}")
        rows.append([Spacer(0, 0), Paragraph(text, s.warning)])  # a plain "" would be Helvetica
        style.append(("BACKGROUND", (0, i), (0, i), colour))
    out = RLTable(rows, colWidths=[3, FRAME_WIDTH - 3])
    out.setStyle(table_style(style))
    return [out]
