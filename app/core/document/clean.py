"""User text made fit for every file format, once, before any renderer sees it.

Word and HTML are XML-like: a NUL, an escape character or a lone surrogate (possible in a JSON
file, "\\ud800") makes python-docx refuse the whole report and the HTML unencodable. And an
explicit bidi override (U+202E) in a title would reverse our own words after it in the header,
the properties and the table cells. So every string of the document is cleaned here: control
characters other than line ends and tabs dropped, surrogates and non-characters shown as the
replacement character, bidi embeddings and overrides removed (app/core/plain_text.py; Arabic
and Hebrew still read right to left by the Unicode rules). Line ends become "\\n".
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import Any, TypeVar

from app.core.plain_text import strip_bidi

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNWRITABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"

T = TypeVar("T")


def printable(text: str) -> str:
    """The text as every format can hold it (see the module docstring)."""
    if text.isprintable():  # the common case: nothing to do, and fast
        return text
    value = text.replace("\r\n", "\n").replace("\r", "\n")
    value = _UNWRITABLE.sub(REPLACEMENT, _CONTROLS.sub("", value))
    return strip_bidi(value)


def cleaned(value: T) -> T:
    """`value` (a document, a block, a tuple of them, a string) with every string printable."""
    return _clean(value)  # type: ignore[no-any-return]


def _clean(value: Any) -> Any:
    """The value itself when nothing in it changes (nearly always: a frozen block made again
    costs its __init__, thousands of them a report), else a copy with what changed."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, tuple):
        items = tuple(_clean(v) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for name in _field_names(type(value)):
            old = getattr(value, name)
            new = _clean(old)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))
