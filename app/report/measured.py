"""A Paragraph parsed cheaply and measured once per width.

Laying out a report asks a paragraph its height again and again at the same width: a table
measures its cells, measures them again when it is split over a page and once more when it
draws them; KeepTogether measures its content to see whether it fits, then the frame measures
it to place it. Line breaking is most of the PDF's time, and its result depends only on the
paragraph and the width, so the last width's lines are kept and given back.

Most of the report's paragraphs are plain text in one style (a cell, an answer, a question).
reportlab parses every paragraph's text as markup with Python's HTMLParser, which costs more
than breaking it into lines; text with no tag and no entity comes out of that parser as one
fragment in the style's font, so that fragment is made here directly. And reportlab's C
accelerator for the question line breaking asks of every word (do two fragments draw
alike?) is slower than reportlab's own Python fallback: that one is used (same_frag).
"""

from __future__ import annotations

import weakref
from typing import Any

from reportlab.lib import rl_accel
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

#: per style, the fragment the parser makes for plain text in it (its text replaced)
_PLAIN: weakref.WeakKeyDictionary[ParagraphStyle, Any] = weakref.WeakKeyDictionary()
_SAME = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")


def same_frag(f: Any, g: Any) -> bool:
    """Whether two fragments draw alike, so line breaking may join them into one run.

    reportlab's own pure-Python fallback for rl_accel's sameFrag. The C one asks each
    attribute with getattr, and a fragment lacks most of them (cbDefn, lineBreak, backColor,
    nobr), so each question raises and swallows an AttributeError: it takes 2 to 4 µs a call
    where reading the fragments' dicts takes under 1, and line breaking a paragraph of more
    than one fragment asks it for every word.
    """
    fd, gd = f.__dict__, g.__dict__
    if "cbDefn" in fd or "lineBreak" in fd or "cbDefn" in gd or "lineBreak" in gd:
        return False
    return [fd.get(k) for k in _SAME] == [gd.get(k) for k in _SAME]


if _paragraph.sameFrag is rl_accel.sameFrag:  # the module's global, read by breakLines
    _paragraph.sameFrag = same_frag


class Paragraph(_Paragraph):
    """reportlab's Paragraph, plain text parsed without the markup parser and its line
    breaking kept for the last width asked."""

    _measured: tuple[float, float, float, Any, Any] | None = None

    def __init__(self, text: str, style: ParagraphStyle, bulletText: Any = None,
                 **kwargs: Any) -> None:
        # An entity (markup() escapes &, < and >) makes the parser cut the text into several
        # fragments there: such text, rare, is left to it.
        cleaned = None if kwargs or "<" in text or "&" in text else cleanBlockQuotedText(text)
        frags = _plain_frags(cleaned, style) if cleaned else None
        if frags is None:
            super().__init__(text, style, bulletText, **kwargs)
            return
        self.caseSensitive = 1
        self.encoding = "utf8"
        self._setup(cleaned, style, bulletText or getattr(style, "bulletText", None), frags,
                    cleanBlockQuotedText)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        last = self._measured
        if last is not None and last[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = last
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):  # not when nothing fits (reportlab returns early)
            self._measured = (availWidth, self.width, self.height, self.blPara,
                              self._wrapWidths)
        return width, height


def _plain_frags(cleaned: str, style: ParagraphStyle) -> list[Any] | None:
    """The parser's fragments for `cleaned` (white space already collapsed, as the parser is
    given it), which has no tag and no entity: one fragment in the style's font."""
    template = _PLAIN.get(style)
    if template is None:
        _, parsed, _ = ParaParser().parse("x", style)
        if not parsed or len(parsed) != 1:  # a style the parser treats otherwise: let it
            return None
        template = _PLAIN[style] = parsed[0]
    # Fresh lists, as each parse makes its own: nothing shares a fragment's links or lines.
    frags = [template.clone(text=cleaned, link=[], us_lines=[])]
    textTransformFrags(frags, style)
    return frags
