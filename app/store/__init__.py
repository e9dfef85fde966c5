"""Where assessments are kept: a protocol the pages use, and its local TinyDB implementation.

    from app.store import open_store
    store = open_store()              # ./data, or $BKA_DATA_DIR
    a = store.create(assessment, editor="Anna")
    a = store.set_answer(a.id, "affects_children", Answer(value="direct"), "Anna")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from app.store.errors import (
    AnswerConflict,
    AnswerRefused,
    Conflict,
    FieldsConflict,
    ImportRaced,
    NotFound,
    StoreBusy,
    StoreCorrupted,
    StoreError,
    UnsupportedStore,
)
from app.store.layout import data_dir

if TYPE_CHECKING:
    from app.store.factory import database_url, open_collection, open_store
    from app.store.protocol import MISSING, AssessmentStore, Missing
    from app.store.records import Change, Revision, Summary
    from app.store.tinydb_store import TinyDBAssessmentStore

# Imported on first use (PEP 562), so that `from app.store import StoreError` or the atomic
# writer of a report does not load TinyDB, the file lock and every record model.
_LAZY = {
    "database_url": "app.store.factory", "open_collection": "app.store.factory",
    "open_store": "app.store.factory", "MISSING": "app.store.protocol",
    "AssessmentStore": "app.store.protocol", "Missing": "app.store.protocol",
    "Change": "app.store.records", "Revision": "app.store.records",
    "Summary": "app.store.records", "TinyDBAssessmentStore": "app.store.tinydb_store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'app.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "MISSING",
    "AnswerConflict",
    "AnswerRefused",
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
