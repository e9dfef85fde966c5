"""The model's tables as real Word tables: a header row that repeats on every page, column
widths from the model's fractions, the caption as the table's accessible title."""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from app.core.document.model import Table
from app.report.docx_runs import add_run, add_spans

TEXT_WIDTH_CM = 16.0
INDENT_CM = 1.0  # answers' tables hang under their question


def has_style(word: Any, style: str) -> bool:
    return any(s.name == style for s in word.styles)


def add_table(word: Any, table: Table) -> None:
    if table.caption and table.show_caption:
        # A caption left at a page's foot, its table on the next, reads as a stray line.
        word.add_paragraph(table.caption, style="Caption").paragraph_format.keep_with_next = True
    grid = word.add_table(rows=1, cols=len(table.header))
    for style in ("Light Grid Accent 1", "Table Grid"):  # a template may have neither
        if has_style(word, style):
            grid.style = style
            break
    grid.alignment = WD_TABLE_ALIGNMENT.RIGHT if table.indent else WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    head = grid.rows[0]
    _repeat_header(head)
    for i, text in enumerate(table.header):
        cell = head.cells[i].paragraphs[0]
        add_run(cell, text, bold=True)
        _align(cell, table.alignment(i))
    for row in table.rows:
        cells = grid.add_row().cells
        for i, content in enumerate(row):
            paragraph = cells[i].paragraphs[0]
            add_spans(paragraph, content)
            _align(paragraph, table.alignment(i))
    _widths(grid, table)
    _caption_on_table(grid, table.caption)


def _widths(grid: Any, table: Table) -> None:
    """Column widths from the model's fractions (Word reads the cells', LibreOffice the grid's)."""
    total = TEXT_WIDTH_CM - (INDENT_CM if table.indent else 0)
    widths = [Cm(total * f) for f in table.widths]
    for column, width in zip(grid.columns, widths, strict=False):
        column.width = width
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def _align(paragraph: Any, align: str) -> None:
    if align == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_header(row: Any) -> None:
    """Mark the row as the table's header: Word repeats it on every page, readers announce it."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _caption_on_table(grid: Any, caption: str) -> None:
    """The table's caption as its accessible title (w:tblCaption), read by screen readers."""
    if not caption:
        return
    tblpr = grid._tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption[:250])
    tblpr.append(element)
