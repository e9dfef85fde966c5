"""Label-value pairs in Word (the decision's metadata, the colophon).

Side by side, each pair sits in a cell of a borderless table, its label above its value: a long
value (a decision's title, a committee's full name) wraps within its own column. Tab stops, used
before, let a long value run past its column's stop and push every value after it along, so
labels and values no longer stood under each other. The table is a layout table (no header
row, no borders), and each row is kept on one page.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from app.core.document.model import Fields
from app.report.docx_runs import MUTED, add_run
from app.report.docx_table import TEXT_WIDTH_CM

GAP_CM = 0.3  #: room between one column's value and the next column's label


def add_fields(word: Any, block: Fields) -> None:
    """The pairs: one paragraph each ("label: value") for one column, a layout table above."""
    if block.columns <= 1:
        for f in block.items:
            paragraph = word.add_paragraph()
            add_run(paragraph, f"{f.label}: ", bold=True)
            add_run(paragraph, f.value or f.empty, colour=None if f.value else MUTED)
        return
    n = block.columns
    rows = [block.items[i:i + n] for i in range(0, len(block.items), n)]
    grid = word.add_table(rows=len(rows), cols=n)
    grid.autofit = False
    _as_layout(grid)
    width = Cm(TEXT_WIDTH_CM / n)
    for column in grid.columns:
        column.width = width
    for r, row in enumerate(rows):
        _keep_row_whole(grid.rows[r])
        for i, cell in enumerate(grid.rows[r].cells):
            cell.width = width  # Word reads the cells' widths, LibreOffice the grid's
            if i < len(row):
                _pair(cell, row[i].label, row[i].value or row[i].empty, bool(row[i].value))


def _pair(cell: Any, label: str, value: str, given: bool) -> None:
    top = cell.paragraphs[0]
    add_run(top, label, size=8, colour=MUTED)
    top.paragraph_format.space_after = Pt(0)
    top.paragraph_format.keep_with_next = True
    below = cell.add_paragraph()
    add_run(below, value, colour=None if given else MUTED)
    below.paragraph_format.space_after = Pt(5)


def _as_layout(grid: Any) -> None:
    """No borders, no header row or column, cells flush with the text's left edge (the
    elements in the order Word's schema requires: borders before the layout, margins after)."""
    tblpr = grid._tbl.tblPr
    layout = tblpr.find(qn("w:tblLayout"))  # set by autofit = False
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    layout.addprevious(borders)
    margins = OxmlElement("w:tblCellMar")
    for side, cm in (("left", 0.0), ("right", GAP_CM)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(round(cm * 567)))  # twentieths of a point in a centimetre
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    layout.addnext(margins)
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:
        for key in ("firstRow", "lastRow", "firstColumn", "lastColumn"):
            look.set(qn(f"w:{key}"), "0")
        look.set(qn("w:val"), "0600")  # the same: no header row or column, no bands


def _keep_row_whole(row: Any) -> None:
    """A label is never on one page and its value on the next."""
    trpr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    trpr.append(element)
