"""The app's own words, in Swedish and English, read once from strings.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_FILE = Path(__file__).with_name("strings.yaml")


@cache
def _strings() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    return data


def t(key: str, lang: str, **values: Any) -> str:
    """The string `key` in `lang` (Swedish when missing), with {placeholders} filled in."""
    entry = _strings().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get("sv") or key
    return text.format(**values) if values else text


def keys() -> set[str]:
    return set(_strings())
