"""Localized text: one string for every language, or one string per language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias

Text: TypeAlias = str | dict[str, str]
"""What a user reads: the same string in every language, or a mapping language -> string."""

DEFAULT_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")


def tr(text: Text | None, lang: str) -> str:
    """The text in `lang`, falling back to Swedish, then to any language given."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if lang in text:
        return text[lang]
    if DEFAULT_LANGUAGE in text:
        return text[DEFAULT_LANGUAGE]
    return next(iter(text.values()), "")


def missing_languages(text: Text, languages: Sequence[str]) -> list[str]:
    """The declared languages a text does not give (a plain string gives them all)."""
    if isinstance(text, str):
        return []
    return [lang for lang in languages if not text.get(lang, "").strip()]


def unknown_languages(text: Text, languages: Sequence[str]) -> list[str]:
    """Language keys a text gives that the file does not declare."""
    if isinstance(text, str):
        return []
    return [lang for lang in text if lang not in languages]


def as_mapping(text: Text, languages: Sequence[str]) -> Mapping[str, str]:
    """The text as a mapping over `languages` (for JSON output)."""
    return {lang: tr(text, lang) for lang in languages}
