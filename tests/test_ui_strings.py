"""Every string the app shows exists in Swedish and English, and every key used is defined."""

from __future__ import annotations

import re
from pathlib import Path

from app.ui.strings.i18n import _strings

UI = Path(__file__).resolve().parent.parent / "app" / "ui"


def _forms(text: object) -> list[str]:
    """A plain string, or each form of a counted one ({one: ..., other: ...})."""
    if isinstance(text, dict):
        assert set(text) == {"one", "other"}, text
        return [str(v) for v in text.values()]
    return [str(text or "")]


def test_every_string_has_sv_and_en() -> None:
    for key, entry in _strings().items():
        for lang in ("sv", "en"):
            assert all(form.strip() for form in _forms(entry.get(lang))), (key, lang)


def test_every_key_used_in_code_is_defined() -> None:
    used: set[str] = set()
    for path in UI.rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""", path.read_text()))
    assert used - set(_strings()) == set()


def test_counted_words_agree_with_their_number() -> None:
    from app.ui.strings.i18n import t

    assert t("ws_groups_count", "sv", count=1) == "1 grupp"
    assert t("ws_groups_count", "sv", count=2) == "2 grupper"
    assert t("ws_groups_count", "en", count=1) == "1 group"
    assert t("ws_groups_count", "en", count=0) == "0 groups"
    assert t("mt_overdue_count", "sv", count=1) == "1 försenad"
    assert t("mt_overdue_count", "sv", count=3) == "3 försenade"
    assert t("missing_total_plain", "sv", count=1) == "1 obligatorisk fråga saknar svar."
    assert t("history_title", "en", count=1) == "Change history (1 change)"
