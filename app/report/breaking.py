"""What reportlab's line breaking asks for every word, answered faster with the same answers.

Breaking a paragraph into lines asks, for every word, its width, the width of a space, the
font's ascent and descent, and (in a paragraph of more than one fragment) whether two
fragments draw alike. Those answers depend only on their arguments and a report asks the same
few thousand over and over (a space, "och", "att" in one font and size), so they are kept.
The functions below replace the module globals reportlab's paragraph.py calls them by
(install()); each gives exactly the value reportlab's own would (the PDF's bytes are the
same with and without them).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import paragraph as _paragraph

_SAME = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
#: widths kept at most: a full documentation asks ~4,000 distinct ones; past this the store
#: starts again, so a long-running server holds a few MB at most
LIMIT = 50_000
_widths: dict[tuple[str, Any, float, str], float] = {}
_heights: dict[tuple[Any, float | None], tuple[float, float]] = {}
_string_width = pdfmetrics.stringWidth
_ascent_descent = pdfmetrics.getAscentDescent


def same_frag(f: Any, g: Any) -> bool:
    """Whether two fragments draw alike, so line breaking may join them into one run.

    reportlab's own pure-Python fallback for rl_accel's sameFrag. The C one asks each
    attribute with getattr, and a fragment lacks most of them (cbDefn, lineBreak, backColor,
    nobr), so each question raises and swallows an AttributeError: it takes 2 to 4 µs a call
    where reading the fragments' dicts takes under 1.
    """
    fd, gd = f.__dict__, g.__dict__
    if "cbDefn" in fd or "lineBreak" in fd or "cbDefn" in gd or "lineBreak" in gd:
        return False
    return [fd.get(k) for k in _SAME] == [gd.get(k) for k in _SAME]


def string_width(text: str, fontName: str, fontSize: float,  # noqa: N803 - reportlab's names
                 encoding: str = "utf8") -> float:
    """pdfmetrics.stringWidth, kept per text, font and size (the key holds the font object,
    not only its name)."""
    key = (text, pdfmetrics.getFont(fontName), fontSize, encoding)
    width = _widths.get(key)
    if width is None:
        if len(_widths) >= LIMIT:
            _widths.clear()
        width = _widths[key] = _string_width(text, fontName, fontSize, encoding)
    return width


def ascent_descent(fontName: str, fontSize: float | None = None) -> tuple[float, float]:  # noqa: N803
    """pdfmetrics.getAscentDescent, kept per font and size."""
    key = (pdfmetrics.getFont(fontName), fontSize)
    found = _heights.get(key)
    if found is None:
        if len(_heights) >= LIMIT:
            _heights.clear()
        found = _heights[key] = _ascent_descent(fontName, fontSize)
    return found


def install() -> None:
    """Put these in place of the globals paragraph.py reads (once; idempotent)."""
    if _paragraph.sameFrag is rl_accel.sameFrag:
        _paragraph.sameFrag = same_frag
    if _paragraph.stringWidth is _string_width:
        _paragraph.stringWidth = string_width
    if _paragraph.getAscentDescent is _ascent_descent:
        _paragraph.getAscentDescent = ascent_descent
