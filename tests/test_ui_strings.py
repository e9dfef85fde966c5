"""Every string the app shows exists in Swedish and English, and every key used is defined."""

from __future__ import annotations

import re
from pathlib import Path

from app.ui.i18n import _strings

UI = Path(__file__).resolve().parent.parent / "app" / "ui"


def test_every_string_has_sv_and_en() -> None:
    for key, entry in _strings().items():
        assert entry.get("sv", "").strip() and entry.get("en", "").strip(), key


def test_every_key_used_in_code_is_defined() -> None:
    used: set[str] = set()
    for path in UI.rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""", path.read_text()))
    assert used - set(_strings()) == set()
