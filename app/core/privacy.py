"""Spotting text that looks like personal data, so the official is warned before saving it."""

from __future__ import annotations

import re

# YYMMDD-NNNN or YYYYMMDDNNNN, '-' or '+' (100 years or older) or nothing between.
_PERSONNUMMER = re.compile(r"(?<!\d)(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)")
# Swedish phone numbers: 07x..., 08-..., 0xx-..., +46 ...; at least 8 digits in all.
_PHONE = re.compile(r"(?<![\d-])(?:\+46|0046|0)[\s-]?\d{1,3}(?:[\s-]?\d{2,4}){2,4}(?![\d-])")
# A date written as YYYY-MM-DD is not a phone number.
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def looks_like_personnummer(text: str) -> bool:
    """Whether the text holds something shaped like a valid Swedish personal identity number."""
    for match in _PERSONNUMMER.finditer(text):
        yy, mm, dd, tail = match.groups()
        day = int(dd) - 60 if int(dd) > 60 else int(dd)  # samordningsnummer add 60 to the day
        if 1 <= int(mm) <= 12 and 1 <= day <= 31 and _luhn_ok(yy + mm + dd + tail):
            return True
    return False


def looks_like_phone(text: str) -> bool:
    for match in _PHONE.finditer(text):
        candidate = match.group(0).strip()
        digits = re.sub(r"\D", "", candidate)
        if 8 <= len(digits) <= 13 and not _ISO_DATE.match(candidate):
            return True
    return False


def personal_data_kinds(text: str | None) -> list[str]:
    """Which kinds of personal data the text seems to hold: 'personnummer', 'phone'."""
    if not text:
        return []
    kinds = []
    if looks_like_personnummer(text):
        kinds.append("personnummer")
    if looks_like_phone(text) and not looks_like_personnummer(text):
        kinds.append("phone")
    return kinds
