"""Text drawn in an embedded TrueType font, encoded to the font's subsets faster.

reportlab writes a TTF's text as one-byte codes of the subsets of the font it embeds:
TTFont.splitString maps every character of every line drawn in a Python loop, giving a
character met for the first time in the document the next free code. Once the document has met
a line's characters, the line's codes are fixed; so for a line whose characters are all known
and all in the first subset (a document's first 255 distinct characters: nearly every line of a
report), the codes are made by str.translate. Any other line goes through reportlab's own loop,
which gives new characters their codes, and the table is made again from what it assigned.
The bytes are the same either way (tests/test_report_pdf_layout.py).
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from reportlab.pdfbase.ttfonts import TTFont

_NBSP = 0xA0  #: drawn as a space, as reportlab's loop does
_split_string = TTFont.splitString
#: per document's font state: (how many codes it had, the characters known in the first
#: subset, their codes as a str.translate table)
_known: WeakKeyDictionary[Any, tuple[int, frozenset[str], dict[int, int]]] = \
    WeakKeyDictionary()


def split_string(self: TTFont, text: Any, doc: Any, encoding: str = "utf-8") -> list[Any]:
    """TTFont.splitString: [(subset, its codes as bytes), ...] for `text` in `doc`."""
    state = self.state.get(doc)
    if state is not None and text and isinstance(text, str):
        known = _known.get(state)
        if known is not None and known[0] == len(state.assignments) and \
                known[1].issuperset(text):
            return [(0, text.translate(known[2]).encode("latin-1"))]
    result = _split_string(self, text, doc, encoding)
    state = self.state.get(doc)
    if state is not None:
        known = _known.get(state)
        if known is None or known[0] != len(state.assignments):
            _known[state] = _table(state.assignments)
    return result


def _table(assignments: dict[int, int]) -> tuple[int, frozenset[str], dict[int, int]]:
    codes = {char: n for char, n in assignments.items() if n < 256}
    if 32 in codes:
        codes[_NBSP] = codes[32]
    return len(assignments), frozenset(map(chr, codes)), codes


def install() -> None:
    """Put split_string in place of TTFont.splitString (once; idempotent)."""
    if TTFont.splitString is _split_string:
        TTFont.splitString = split_string  # type: ignore[method-assign]
