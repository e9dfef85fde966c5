"""The app's own words, in Swedish and English, read once from strings.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from app.core.numbers import plural
from app.core.once import once
from app.core.wording import fill

_FOLDER = Path(__file__).parent


@once
def _strings() -> dict[str, dict[str, Any]]:
    """strings.yaml and every strings_*.yaml beside it (one per page family), merged."""
    merged: dict[str, dict[str, Any]] = {}
    for path in sorted(_FOLDER.glob("strings*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        clash = set(merged) & set(data)
        if clash:
            raise ValueError(f"{path.name} repeats string keys: {', '.join(sorted(clash))}")
        merged.update(data)
    return merged


def t(key: str, lang: str, **values: Any) -> str:
    """The string `key` in `lang` (Swedish when missing), with {placeholders} filled in.

    A string that counts something has a form per number, `{one: ..., other: ...}`, and the
    `count` value picks it ("1 grupp", "2 grupper"); a sentence with several counts picks each
    inline, "{missing:# fråga|# frågor}". Figures are written in `lang`'s way (wording.py)."""
    entry = _strings().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get("sv") or key
    if isinstance(text, dict):
        text = text[plural(values.get("count", 0), lang)]
    return fill(str(text), lang, **values)


def t_for(key: str, lang: str, track: str, **values: Any) -> str:
    """`key` for whom the assessment is about: in the individual track (one child) its
    `<key>_one` wording where the strings have one, so a form about one child never asks
    about "the children"."""
    if track == "individual" and f"{key}_one" in _strings():
        key = f"{key}_one"
    return t(key, lang, **values)


def keys() -> set[str]:
    return set(_strings())
