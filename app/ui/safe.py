"""User text shown as typed: Streamlit renders Markdown in most places, so it is escaped."""

from __future__ import annotations

import re

from app.core.plain_text import FSI, PDI, isolate, strip_bidi

# Every ASCII punctuation mark can be backslash-escaped in CommonMark; escaping them all turns
# links, images, HTML, emphasis and Streamlit's :color[...] and :emoji: directives into text.
WJ = "\u2060"  #: word joiner: invisible, breaks no line, stops the link finder
_WWW = re.compile(r"(www)\.", re.IGNORECASE)
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&\"'])")


def md(text: str | None) -> str:
    """Text safe to pass to st.markdown, st.header, widget labels and the like: Markdown
    escaped (no links, no formatting) and without bidi controls (app/core/plain_text.py)."""
    if not text:
        return ""
    return _SPECIAL.sub(r"\\\1", unlinkable(strip_bidi(text))).replace("\n", "  \n")


def unlinkable(text: str) -> str:
    """Streamlit turns URLs, www. names and e-mail addresses into live links even when every
    mark is escaped (it links the text after parsing). An invisible word joiner (U+2060) after
    each colon, before each @ and inside "www." keeps them text; they read the same."""
    text = text.replace(":", ":" + WJ).replace("@", WJ + "@")
    return _WWW.sub("\\1" + WJ + ".", text)


def user(text: str | None) -> str:
    """One piece of user text for Markdown, set apart from the app's text around it."""
    return f"{FSI}{md(text)}{PDI}" if text else ""


def plain(text: str | None) -> str:
    """User text for st.text and st.code (no Markdown there): isolated only."""
    return isolate(text)
