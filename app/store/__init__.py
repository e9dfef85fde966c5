"""Where assessments are kept: a protocol the pages use, and its local TinyDB implementation.

    from app.store import open_store
    store = open_store()              # ./data, or $BKA_DATA_DIR
    a = store.create(assessment, editor="Anna")
    a = store.set_answer(a.id, "affects_children", Answer(value="direct"), "Anna")
"""

from __future__ import annotations

from pathlib import Path

from app.store.errors import (
    AnswerConflict,
    Conflict,
    ImportRaced,
    NotFound,
    StoreBusy,
    StoreCorrupted,
    StoreError,
    UnsupportedStore,
)
from app.store.layout import data_dir
from app.store.protocol import MISSING, AssessmentStore, Missing
from app.store.records import Change, Revision, Summary
from app.store.tinydb_store import TinyDBAssessmentStore


def open_store(folder: Path | str | None = None) -> AssessmentStore:
    """The store for `folder` (default: data_dir()). Cheap: every store on one folder in a
    process shares its lock and caches, so a page may open one per session or per run."""
    return TinyDBAssessmentStore(folder)


__all__ = [
    "MISSING",
    "AnswerConflict",
    "AssessmentStore",
    "Change",
    "Conflict",
    "ImportRaced",
    "Missing",
    "NotFound",
    "Revision",
    "StoreBusy",
    "StoreCorrupted",
    "StoreError",
    "Summary",
    "TinyDBAssessmentStore",
    "UnsupportedStore",
    "data_dir",
    "open_store",
]
