"""How our own text is set: quotation marks, spaces that must not break, dates.

Swedish documents quote with ”…” (the same mark at both ends), keep a section sign with its
number ("12 §", "§ 45", "6 kap.") on one line and write dates the way the organisation does
(its profile's `date_style`). English quotes with ‘…’. Every generated document (report,
summary, letter, minutes, overview) sets its words through here, so one page never says
«…» and the next ”…”.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

NBSP = "\u00a0"

DateStyle = Literal["iso", "long", "short"]
DATE_STYLES: tuple[DateStyle, ...] = ("iso", "long", "short")
DEFAULT_DATE_STYLE: DateStyle = "iso"  #: where the organisation chose none

_MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
# "12 §", "12 a §", "§ 45", "6 kap.", "dnr 2026/87": the number and its sign on one line.
_SECTION_AFTER = re.compile(r"(\d+(?: [a-z])?) (§)")
_SECTION_BEFORE = re.compile(r"(§§?) (\d)")
_CHAPTER = re.compile(r"(\d+) (kap\.)")
_CASE = re.compile(r"\b(dnr|Dnr) (\S)")


def quote(text: str, lang: str = "sv") -> str:
    """`text` in the language's quotation marks: ”…” in Swedish, ‘…’ in English."""
    return f"‘{text}’" if lang == "en" else f"”{text}”"


def keep_together(text: str) -> str:
    """Non-breaking spaces where a line break would split a reference: "12 §", "§ 45",
    "6 kap.", "dnr 2026/87"."""
    for pattern in (_SECTION_AFTER, _SECTION_BEFORE, _CHAPTER, _CASE):
        text = pattern.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", text)
    return text


def date_text(value: dt.date | None, lang: str = "sv", style: DateStyle = "iso") -> str:
    """A date as the organisation writes it: 2026-11-19 (iso), 19 november 2026 (long),
    19 nov. 2026 (short); '' for no date."""
    if value is None:
        return ""
    if style == "iso":
        return value.isoformat()
    month = _MONTHS["en" if lang == "en" else "sv"][value.month - 1]
    if style == "short":
        month = month if len(month) <= 4 else month[:3] + "."
    if lang == "en":
        return f"{value.day}{NBSP}{month} {value.year}"
    return f"{value.day}{NBSP}{month} {value.year}"


def moment_text(value: dt.datetime | None, lang: str = "sv", style: DateStyle = "iso") -> str:
    """A date and time: the date as `date_text` writes it, then hh:mm."""
    if value is None:
        return ""
    return f"{date_text(value.date(), lang, style)} {value.strftime('%H:%M')}"
