"""User text made safe to show beside the app's own: no bidi control escapes its place.

A title with an unterminated right-to-left override (U+202E) reversed the app's own text after
it on the overview. Explicit embeddings, overrides and isolates (U+202A-U+202E,
U+2066-U+2069) are removed, then the text is wrapped in a first-strong isolate (U+2068 ...
U+2069): Arabic or Hebrew text still reads right to left inside it, and nothing around it is
reordered. Pure: the UI applies it (with Markdown escaping) in app/ui/safe.py.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
FSI, PDI = "\u2068", "\u2069"


def strip_bidi(text: str) -> str:
    """The text without explicit bidi embeddings, overrides and isolates."""
    return BIDI_CONTROLS.sub("", text)


def isolate(text: str | None) -> str:
    """The text stripped of bidi controls, in an isolate of its own ("" stays "")."""
    if not text:
        return ""
    return f"{FSI}{strip_bidi(text)}{PDI}"
