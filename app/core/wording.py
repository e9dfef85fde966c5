"""Filling a sentence of ours with figures, the way its language writes them.

Every string table of the product (the app's strings files, the report's, the minutes', the
workshop summary's) fills its {placeholders} here, so no sentence can print a Python figure:

- an int is a count: "12 345" in Swedish (a narrow no-break space from five digits on; a
  four-digit figure such as a year stays whole), "12,345" in English;
- a float is written with a decimal comma and a real minus in Swedish; "{x:.1f}" keeps its
  decimals and "{x:+.1f}" its sign; with no format, as many decimals as it needs, at most two;
- "{count:# grupp|# grupper}" picks the singular or plural form by the figure, "#" standing
  for the figure itself: one sentence never says "1 allvarliga brister".
"""

from __future__ import annotations

import re
import string
from typing import Any

from app.core import numbers

_FIXED = re.compile(r"^(?P<sign>\+)?\.(?P<decimals>\d+)f$")  # "{x:.1f}", "{x:+.2f}"


class _Filler(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            if isinstance(value, str) and value.strip().isdigit():
                value = int(value)  # a count carried as text (an error's detail) still counts
            form = one if numbers.plural(value, self.lang) == "one" else other
            return form.replace("#", figure(value, self.lang))
        fixed = _FIXED.match(format_spec)
        if fixed and isinstance(value, int | float) and not isinstance(value, bool):
            return numbers.number(value, self.lang, int(fixed["decimals"]),
                                  sign=bool(fixed["sign"]))
        if not format_spec:
            return figure(value, self.lang)
        return str(super().format_field(value, format_spec))


def figure(value: Any, lang: str) -> str:
    """A value as it stands in a sentence: figures in the language's way, the rest as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int):
        return numbers.count(value, lang) if abs(value) >= 10_000 else numbers.number(value, lang)
    decimals = next((d for d in (0, 1, 2) if round(value, d) == round(value, 2)), 2)
    return numbers.number(value, lang, decimals)


def fill(text: str, lang: str, **values: Any) -> str:
    """`text` with its placeholders filled in `lang`'s way (see the module's note)."""
    return _Filler(lang).format(text, **values) if values else text


AND = {"sv": "och", "en": "and"}


def and_list(items: list[str], lang: str) -> str:
    """'a, b och c' / 'a, b and c': items in a sentence, each named once, in their order."""
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {AND.get(lang, 'and')} {items[-1]}"
