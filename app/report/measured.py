"""A Paragraph parsed cheaply and measured once per width.

Laying out a report asks a paragraph its height again and again at the same width: a table
measures its cells, measures them again when it is split over a page and once more when it
draws them; KeepTogether measures its content to see whether it fits, then the frame measures
it to place it. Line breaking is most of the PDF's time, and its result depends only on the
paragraph and the width, so the last width's lines are kept and given back.

Most of the report's paragraphs are plain text in one style (a cell, an answer, a question),
some with a bold label or a line break. reportlab parses every paragraph's text as markup with
Python's HTMLParser, which costs more than breaking it into lines; text with no entity and no
tag but <b>, </b> and <br/> comes out of that parser as a fragment per run (the style's font
or its bold) and per break, so those fragments are made here directly, copied from what the
parser makes of a sample in the same style. What line breaking asks for every word is
answered faster by app/report/breaking.py, and drawn text is encoded faster by subsets.py.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from app.report import breaking, subsets

#: the only tags read here: bold on and off, a line break (what spans() and markup() write)
_SIMPLE = re.compile(r"(<b>|</b>|<br/>)")
#: the parser's fragments to copy, per style: (bold, line break) -> fragment
_SAMPLE = "x<br/>x<b>x<br/>x</b>"
_SAMPLE_TAGS = ["para", "br", "para", "b", "br", "b"]
_MADE: weakref.WeakKeyDictionary[ParagraphStyle, dict[tuple[bool, bool], Any]] = \
    weakref.WeakKeyDictionary()
breaking.install()
subsets.install()


class Paragraph(_Paragraph):
    """reportlab's Paragraph, plain text parsed without the markup parser and its line
    breaking kept for the last width asked."""

    _measured: tuple[float, float, float, Any, Any] | None = None

    def __init__(self, text: str, style: ParagraphStyle, bulletText: Any = None,
                 **kwargs: Any) -> None:
        # An entity (markup() escapes &, < and >) makes the parser cut the text into several
        # fragments there: such text, rare, is left to it, as is any other tag.
        cleaned = None if kwargs or "&" in text else cleanBlockQuotedText(text)
        frags = _simple_frags(cleaned, style) if cleaned else None
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


def _simple_frags(cleaned: str, style: ParagraphStyle) -> list[Any] | None:
    """The parser's fragments for `cleaned` (white space already collapsed, as the parser is
    given it) when it is text with no entity and no tag but <b>, </b> and <br/>, bold never
    inside bold: a fragment per run of text in the style's font or its bold, one per break;
    None for anything else (the parser reads it)."""
    made = _templates(style)
    if made is None:
        return None
    frags = []
    bold = False
    for i, part in enumerate(_SIMPLE.split(cleaned)):
        if i % 2:  # a tag
            if part == "<br/>":
                frags.append(made[bold, True].clone(link=[], us_lines=[]))
            elif bold == (part == "<b>"):  # bold inside bold, or an end without a start
                return None
            else:
                bold = not bold
        elif "<" in part:  # another tag
            return None
        elif part:  # the parser makes no fragment of nothing
            # Fresh lists, as each parse makes its own: no fragment shares another's.
            frags.append(made[bold, False].clone(text=part, link=[], us_lines=[]))
    if bold or not frags:  # a bold left open: the parser's error to report
        return None
    textTransformFrags(frags, style)
    return frags


def _templates(style: ParagraphStyle) -> dict[tuple[bool, bool], Any] | None:
    """The fragments the parser makes in `style` for text, bold text and breaks in each."""
    made = _MADE.get(style)
    if made is None:
        _, parsed, _ = ParaParser().parse(_SAMPLE, style)
        if [getattr(f, "__tag__", None) for f in parsed or ()] != _SAMPLE_TAGS:
            return None  # a style the parser treats otherwise: let it read every text
        made = _MADE[style] = {(False, False): parsed[0], (False, True): parsed[1],
                               (True, False): parsed[3], (True, True): parsed[4]}
    return made
