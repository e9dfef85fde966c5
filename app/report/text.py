"""User text made safe and printable before it reaches a Paragraph.

Paragraph parses its text as markup: unescaped, `a < b` raises, `<font size=40>` obeys and
`<img src="/etc/...">` embeds a file from the server. So every piece of text that came from a
user or a file goes through `markup()` or `blocks()`, which escape it after cleaning it.

Right-to-left scripts: reportlab reorders bidi text only with `rlbidi`, which is not on PyPI,
so we reshape Arabic (arabic-reshaper) and reorder (python-bidi) ourselves, line by line for
paragraphs that run right to left. Without those packages the text still prints, in logical
order and unjoined, which is legible letter by letter and never lost.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from reportlab.lib.utils import simpleSplit

from app.report.fonts import has_glyph


@lru_cache(maxsize=1)
def _rtl_tools() -> tuple[Callable[[str], str], Callable[..., str]] | None:
    """(reshape, get_display), imported on the first right-to-left line: arabic-reshaper
    brings fontTools, ~0.1 s a process that prints no such line need not pay. None where
    the optional packages are missing (see the module docstring)."""
    try:
        from arabic_reshaper import reshape
        from bidi import get_display
    except ImportError:  # pragma: no cover - exercised only where the packages are missing
        return None
    return reshape, get_display

PLACEHOLDER = "\u25a1"  # a white square, in DejaVu: "a character the font cannot draw"
CHUNK = 1500  # characters per Paragraph: platypus then breaks long answers at page ends cheaply
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_STRONG_LTR = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
# Emoji joiners, variation selectors and skin tones: invisible without colour emoji.
_INVISIBLE = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")


def clean(text: object) -> str:
    """Text with line ends unified, control characters dropped and undrawable ones marked."""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    value = _INVISIBLE.sub("", value)
    # Judge each distinct character once: a long answer has a few dozen of them.
    table = {ord(c): _replacement(c) for c in set(value) if _replacement(c) != c}
    return value.translate(table) if table else value


@lru_cache(maxsize=4096)
def _replacement(char: str) -> str:
    """What `char` becomes: itself, nothing (control characters) or the placeholder."""
    if char == "\n":
        return char
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Co", "Cn"):
        return ""
    if ord(char) > 0xFFFF:
        # reportlab writes a broken ToUnicode entry for characters beyond the BMP (emoji
        # among them), which makes the PDF invalid for archiving: mark them instead.
        return PLACEHOLDER
    if category in ("Mn", "Me", "Cf") or has_glyph(char):
        return char  # combining marks and format characters ride on their base
    return PLACEHOLDER


def is_rtl(text: str) -> bool:
    """Whether the text's first strong letter belongs to a right-to-left script."""
    rtl = _RTL.search(text)
    if rtl is None:
        return False
    ltr = _STRONG_LTR.search(text)
    return ltr is None or rtl.start() < ltr.start()


def visual(line: str) -> str:
    """One line of text in the order it is drawn (Arabic joined, RTL runs reversed)."""
    tools = _rtl_tools() if _RTL.search(line) else None
    if tools is None:
        return line
    reshape, get_display = tools
    return str(get_display(reshape(line), base_dir="R" if is_rtl(line) else "L"))


def _shaped(line: str) -> str:
    tools = _rtl_tools() if _RTL.search(line) else None
    return str(tools[0](line)) if tools is not None else line


def escape(text: str) -> str:
    """&, < and > written as entities, as xml.sax.saxutils.escape writes them; that module
    imports urllib.request, http.client and ssl, ~18 ms of every cold report, for one replace."""
    return html.escape(text, quote=False)


def markup(text: object) -> str:
    """Short user text (a name, a cell) as safe Paragraph markup; newlines become breaks."""
    lines = clean(text).split("\n")
    return "<br/>".join(escape(visual(line)) for line in lines)


def grey(our_text: str) -> str:
    """Our own words (never user text) in parentheses and muted, inside a Paragraph."""
    return f"<font color='#5b5b57'>({escape(our_text)})</font>"


def plain(text: object) -> str:
    """User text for the canvas (header, metadata), where no markup is parsed: one line."""
    return visual(" ".join(clean(text).split()))


Measure = Callable[[str], list[str]]


def blocks(text: object, measure: Measure | None = None) -> list[tuple[str, bool]]:
    """A long answer as (markup, right_to_left) paragraphs of at most CHUNK characters.

    Blank lines separate paragraphs. A right-to-left paragraph is wrapped here, in logical
    order, by `measure` (text -> lines at the width it will get) and each line reordered,
    because reordering before wrapping would put the paragraph's end on its first line.
    """
    result: list[tuple[str, bool]] = []
    for para in re.split(r"\n\s*\n", clean(text).strip()):
        if not para.strip():
            continue
        if is_rtl(para) and measure is not None:
            lines = [ln for source in para.split("\n") for ln in measure(_shaped(source))]
            for start in range(0, len(lines), 20):
                group = lines[start:start + 20]
                result.append(("<br/>".join(escape(_reorder(ln)) for ln in group), True))
            continue
        for chunk in _chunks(para):
            result.append((markup(chunk), is_rtl(chunk)))
    return result


def _reorder(line: str) -> str:
    tools = _rtl_tools() if _RTL.search(line) else None
    if tools is None:
        return line
    return str(tools[1](line, base_dir="R" if is_rtl(line) else "L"))


def _chunks(para: str) -> list[str]:
    """Split a long paragraph near CHUNK characters: at a sentence end, else a space."""
    chunks = []
    while len(para) > CHUNK:
        window = para[:CHUNK]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"))
        if cut < CHUNK // 2:
            cut = window.rfind(" ")
        if cut < CHUNK // 2:
            cut = CHUNK - 1  # one endless word: Paragraph splits long words itself
        chunks.append(para[:cut + 1].rstrip())
        para = para[cut + 1:].lstrip()
    chunks.append(para)
    return chunks


def measurer(font: str, size: float, width: float) -> Measure:
    """Wrap text in logical order at `width` points, as Paragraph would."""
    return lambda text: simpleSplit(text, font, size, width) or [""]
