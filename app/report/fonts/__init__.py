"""The report's font: DejaVu Sans, shipped here (see LICENSE-DejaVu.txt) and embedded in every PDF.

The TTFs sit in this package (not a plain folder) so that setuptools' package-data (`*.ttf`,
`*.txt`) carries them and their licence into a wheel, not only into an editable install.

reportlab's built-in Helvetica only knows WinAnsi; a TTF gives å ä ö, names in other scripts
and the typographic minus. Registration parses the files, so it is done once per process, with
the cycle collector paused: parsing builds a table entry per glyph (~6,000 a face), and the
collections that set off walked the models and everything else loaded, more than doubling the
parse (~40 ms instead of ~17 of a cold `bka report`).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.core.once import once
from app.report import collector

FONT_DIR = Path(__file__).resolve().parent
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@once
def register_fonts() -> tuple[str, str]:
    """Register regular and bold (once); return their names."""
    with collector.paused():
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    # No italic is shipped: map italic to the upright faces so that <i> can never fail.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD


@once
def _charmap() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(REGULAR)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def has_glyph(char: str) -> bool:
    """Whether DejaVu Sans can draw `char` (it has no colour emoji, and not every symbol)."""
    return ord(char) in _charmap()
