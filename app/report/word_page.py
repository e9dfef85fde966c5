"""Every Word file the product writes starts here: an A4 page, as Swedish offices print.

python-docx's blank template is US Letter (21.59 × 27.94 cm); a letter or minutes printed from
it in a Swedish office lose their foot or get scaled. Sections added later copy the page of
the one before them, so setting it here holds for the whole file.
"""

from __future__ import annotations

from typing import Any

from docx import Document
from docx.shared import Cm

A4_WIDTH_CM, A4_HEIGHT_CM = 21.0, 29.7
SIDE_MARGIN_CM = 2.5  # leaves 16 cm of text, the width the renderers lay tables out for
TOP_MARGIN_CM = BOTTOM_MARGIN_CM = 2.5


def a4_document() -> Any:
    """A new, empty Word document whose every section is an A4 page."""
    doc = Document()
    for section in doc.sections:
        a4(section)
    return doc


def a4(section: Any) -> None:
    """Make one section an upright A4 page with the product's margins."""
    section.page_width, section.page_height = Cm(A4_WIDTH_CM), Cm(A4_HEIGHT_CM)
    section.left_margin = section.right_margin = Cm(SIDE_MARGIN_CM)
    section.top_margin, section.bottom_margin = Cm(TOP_MARGIN_CM), Cm(BOTTOM_MARGIN_CM)
