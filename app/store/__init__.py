"""Where assessments are kept: a protocol the pages use, and its local TinyDB implementation.

    from app.store import open_store
    store = open_store()              # ./data, or $BKA_DATA_DIR
    a = store.create(assessment, editor="Anna")
    a = store.set_answer(a.id, "affects_children", Answer(value="direct"), "Anna")
"""

from __future__ import annotations

from app.store.errors import (
    AnswerConflict,
    Conflict,
    FieldsConflict,
    ImportRaced,
    NotFound,
    StoreBusy,
    StoreCorrupted,
    StoreError,
    UnsupportedStore,
)
from app.store.factory import database_url, open_collection, open_store
from app.store.layout import data_dir
from app.store.protocol import MISSING, AssessmentStore, Missing
from app.store.records import Change, Revision, Summary
from app.store.tinydb_store import TinyDBAssessmentStore

__all__ = [
    "MISSING",
    "AnswerConflict",
    "AssessmentStore",
    "Change",
    "Conflict",
    "FieldsConflict",
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
    "database_url",
    "open_collection",
    "open_store",
]
