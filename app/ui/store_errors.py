"""Store errors in the user's words: a headline they can act on, the file named below it.

Every store error carries its facts (errors.py); the page shows our headline in the user's
language and the store's own sentence, which names the file, as the detail.
"""

from __future__ import annotations

import streamlit as st

from app.store import StoreBusy, StoreCorrupted, StoreError, UnsupportedStore
from app.store.errors import WriteFailed
from app.ui.strings.i18n import t


def headline(exc: StoreError, lang: str) -> str:
    if isinstance(exc, StoreCorrupted):
        return t("store_corrupted", lang)
    if isinstance(exc, UnsupportedStore):
        return t("store_unsupported", lang)
    if isinstance(exc, StoreBusy):
        return t("store_busy", lang)
    if isinstance(exc, WriteFailed):
        return t("store_disk_full" if exc.disk_full else "store_write_failed", lang)
    return t("store_failed", lang)


def message(exc: StoreError, lang: str) -> str:
    """One text: the headline, then the store's sentence naming the file."""
    return f"{headline(exc, lang)}\n\n{exc}"


def show(exc: StoreError, lang: str, *, lead: str | None = None) -> None:
    """Draw the error on the page: `lead` (e.g. 'the import was not done'), the headline,
    and the store's sentence as plain text."""
    st.error(f"{lead} {headline(exc, lang)}" if lead else headline(exc, lang))
    st.code(str(exc), language=None, wrap_lines=True)
