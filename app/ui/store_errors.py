"""Store errors in the user's words: a headline they can act on, the file named below it.

Every store error carries its facts (errors.py); the page shows our headline in the user's
language and the store's own sentence, which names the file, as the detail.
"""

from __future__ import annotations

import streamlit as st

from app.core.document.source import AnswersDoNotFit, ReportError, ReportNotWritten
from app.store import StoreBusy, StoreCorrupted, StoreError, UnsupportedStore, database_url
from app.store.errors import AnswerRefused, WriteFailed
from app.store.postgres.engine import DatabaseNewer, DatabaseUnavailable
from app.ui.strings.i18n import t


def headline(exc: StoreError, lang: str) -> str:
    if isinstance(exc, AnswerRefused):  # the question and what is wrong, in the user's words
        return exc.in_words(lang)
    if isinstance(exc, StoreCorrupted):
        return t("store_corrupted", lang)
    if isinstance(exc, UnsupportedStore):
        return t("store_unsupported", lang)
    if isinstance(exc, StoreBusy):
        return t("store_busy", lang)
    if isinstance(exc, WriteFailed):
        if exc.read_only:
            return t("store_read_only", lang)
        return t("store_disk_full" if exc.disk_full else "store_write_failed", lang)
    if isinstance(exc, DatabaseUnavailable):
        return t("store_db_unavailable", lang)
    if isinstance(exc, DatabaseNewer):
        return t("store_db_newer", lang)
    return t("store_failed_db" if database_url() else "store_failed", lang)


def details(exc: StoreError) -> str | None:
    """The store's own sentence, for whoever repairs it: the local folder's file names. Never
    a database's (its driver's words and the server's address are for the server's log)."""
    if database_url() or isinstance(exc, AnswerRefused):  # the headline said it all
        return None
    return str(exc)


def message(exc: StoreError, lang: str) -> str:
    """One text in the user's language: what happened, that nothing was saved, what to do."""
    return headline(exc, lang)


def show(exc: StoreError, lang: str, *, lead: str | None = None) -> None:
    """Draw the error on the page: `lead` (e.g. 'the import was not done'), the headline,
    and for the local folder the store's sentence naming the file, folded away."""
    st.error(f"{lead} {headline(exc, lang)}" if lead else headline(exc, lang))
    found = details(exc)
    if found:
        with st.expander(t("store_details", lang)):
            st.code(found, language=None, wrap_lines=True)


def report_message(exc: ReportError, lang: str) -> str:
    """Why a report was not made, in the user's words: a file that could not be written is
    said like the store's own failures (a full disk, a read-only folder)."""
    if isinstance(exc, ReportNotWritten):
        kind = ("report_not_written_full" if exc.disk_full else
                "report_not_written_read_only" if exc.read_only else "report_not_written")
        return t(kind, lang)
    if isinstance(exc, AnswersDoNotFit):  # each answer named with its question, to correct
        return t("report_failed", lang, reason=" ".join(
            p.said() if lang == "sv" else p.message for p in exc.problems))
    return t("report_failed", lang, reason=str(exc))
