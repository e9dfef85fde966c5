"""User text shown as typed: Streamlit renders Markdown in most places, so it is escaped."""

from __future__ import annotations

import re

# Every ASCII punctuation mark can be backslash-escaped in CommonMark; escaping them all turns
# links, images, HTML, emphasis and Streamlit's :color[...] and :emoji: directives into text.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&\"'])")


def md(text: str | None) -> str:
    """Text safe to pass to st.markdown, st.header, widget labels and the like."""
    if not text:
        return ""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")
