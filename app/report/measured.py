"""A Paragraph parsed cheaply and measured once per width.

Laying out a report asks a paragraph its height again and again at the same width: a table
measures its cells, measures them again when it is split over a page and once more when it
draws them; KeepTogether measures its content to see whether it fits, then the frame measures
it to place it. Line breaking is most of the PDF's time, and its result depends only on the
paragraph and the width, so the last width's lines are kept and given back.

Most of the report's paragraphs are plain text in one style (a cell, an answer, a question).
reportlab parses every paragraph's text as markup with Python's HTMLParser, which costs more
than breaking it into lines; text with no tag and no entity comes out of that parser as one
fragment in the style's font, so that fragment is made here directly. What line breaking
asks for every word is answered faster by app/report/breaking.py.
"""

from __future__ import annotations

import weakref
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from app.report import breaking

#: per style, the fragment the parser makes for plain text in it (its text replaced)
_PLAIN: weakref.WeakKeyDictionary[ParagraphStyle, Any] = weakref.WeakKeyDictionary()
breaking.install()


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
