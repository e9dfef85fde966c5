"""How numbers and counted words are written, one writer per language, for the app and the PDF.

Swedish: decimal comma and a real minus sign, "−1,2", "85 %" (non-breaking space), "1 grupp" /
"2 grupper". English: "-1.2", "85%", "1 group" / "2 groups". Every number the user reads goes
through here, so one page never says "-1.25" and the next "−1,2".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MINUS = "\u2212"  # a real minus sign: a hyphen reads as a dash to screen readers and eyes
NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space: the thin gap between groups of digits

PluralForm = Literal["one", "other"]


@dataclass(frozen=True)
class NumberWriter:
    """The way one language writes numbers."""

    decimal_mark: str
    minus: str
    percent_sign: str  #: what follows the figure, with any space before it

    def number(self, value: float, decimals: int = 0, sign: bool = False) -> str:
        """`value` rounded to `decimals`; `sign` puts + before positive figures."""
        text = f"{value:+.{decimals}f}" if sign else f"{value:.{decimals}f}"
        if text.lstrip("+-").strip("0.") == "":  # -0.0 and +0.0 read as 0
            text = f"{0:.{decimals}f}"
        return text.replace("-", self.minus).replace(".", self.decimal_mark)

    def weight(self, value: float) -> str:
        """A weight such as 0.5 or 0.25 with as many decimals as it needs (up to four)."""
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text.replace("-", self.minus).replace(".", self.decimal_mark)

    def percent(self, value: float, decimals: int = 0) -> str:
        return self.number(value, decimals) + self.percent_sign

    def plural(self, count: float) -> PluralForm:
        """Which form a counted word takes: both languages say one for 1 and other otherwise."""
        return "one" if count == 1 else "other"


SWEDISH = NumberWriter(decimal_mark=",", minus=MINUS, percent_sign=NBSP + "%")
ENGLISH = NumberWriter(decimal_mark=".", minus="-", percent_sign="%")
WRITERS = {"sv": SWEDISH, "en": ENGLISH}


def writer(lang: str) -> NumberWriter:
    """The writer for `lang`; Swedish, the product's first language, for any other."""
    return WRITERS.get(lang, SWEDISH)


def number(value: float, lang: str, decimals: int = 0, sign: bool = False) -> str:
    return writer(lang).number(value, decimals, sign)


def weight(value: float, lang: str) -> str:
    return writer(lang).weight(value)


def percent(value: float, lang: str, decimals: int = 0) -> str:
    return writer(lang).percent(value, decimals)


def plural(count: float, lang: str) -> PluralForm:
    return writer(lang).plural(count)


def count(value: int, lang: str) -> str:
    """A whole count in thousands the reader can take in at a glance: Swedish "1 234" (a
    narrow no-break space, as Swedish typesetting groups digits, never broken over a line),
    English "1,234"."""
    grouped = f"{value:,}"
    if lang == "en":
        return grouped
    return grouped.replace(",", NNBSP).replace("-", MINUS)
