"""Safe, readable report file names: date_slug-of-title_shortid.pdf, no path from user text."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path

from app.core.models.assessment import Assessment

_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "þ": "th",
                       "ð": "d", "œ": "oe", "ı": "i"})
MAX_SLUG = 60


def slug(text: str, fallback: str = "bka") -> str:
    """Lower-case ASCII words joined by '-': 'Björkskolans F-3' -> 'bjorkskolans-f-3'.

    Everything but a-z and 0-9 becomes a separator, so '/', '..', '\\' and NUL from a title
    can never reach the file system as anything but a hyphen.
    """
    folded = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(words) > MAX_SLUG:
        cut = words[:MAX_SLUG]
        words = cut.rsplit("-", 1)[0] if "-" in cut[MAX_SLUG // 2:] else cut
    return words.strip("-") or fallback


def short_id(assessment: Assessment) -> str:
    """The first 8 characters of the assessment's id, or of a hash of what it is about."""
    cleaned = re.sub(r"[^a-z0-9]", "", (assessment.id or "").lower())
    if cleaned:
        return cleaned[:8]
    about = f"{assessment.decision.title}|{assessment.decision.case_number}|{assessment.created}"
    return hashlib.sha256(about.encode("utf-8")).hexdigest()[:8]


def report_filename(assessment: Assessment, created: dt.datetime) -> str:
    return f"{created:%Y-%m-%d}_{slug(assessment.decision.title)}_{short_id(assessment)}.pdf"


def free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or name-2, name-3, ... so an earlier report is never overwritten."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return path
