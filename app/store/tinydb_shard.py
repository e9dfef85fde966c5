"""One document file of the local store (docs/<shard>.json): read whole, checked whole, changed
in memory and written back whole. A file that parses but cannot be a state the store wrote (an
empty table the overview still lists, a revision its history never recorded) is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from app.core.models.assessment import Assessment
from app.store import checked_files
from app.store.errors import NotFound
from app.store.json_storage import AtomicJSONStorage, current_key
from app.store.layout import Layout
from app.store.overview import Overview
from app.store.shapes import DOCS, check_docs

Wrapper = dict[str, Any]


class ShardOwner(Protocol):
    """What a document file needs of the store that holds it."""

    layout: Layout
    shared: Any  # the folder's lock and identity (app/store/locking.py)
    overview: Overview

    def storage(self, path: Path, *, keep_previous: bool = True) -> AtomicJSONStorage: ...


class DocFile:
    """One document file read whole into memory, changed there, and written back whole."""

    def __init__(self, store: ShardOwner, shard: str) -> None:
        self.shard = shard
        self.path = store.layout.doc_file(shard)
        self.storage = store.storage(self.path)
        self.shared = store.shared
        self._models: dict[int, Assessment] = {}
        now = current_key(self.path)
        kept = checked_files.recall(self.shared, shard, now)
        if kept is not None:  # this very file was checked whole already (checked_files.py)
            self.docs = kept
            self.storage.seen = now
            return
        # The whole file is checked, not only the document asked for: a file of the wrong
        # shape must stop every write into it, or the write would replace it and its .prev.
        tables = self.storage.read()
        self.docs, self._models = check_docs(tables, shard, self.storage.corrupted)
        if tables is not None and not self.docs:
            self._refuse_if_listed(store)
        for doc in self.docs.values():  # a revision no save reached is not a stored state
            self._check_revision(store, doc["id"], doc["assessment"]["revision"])
        checked_files.remember(self.shared, shard, self.storage.seen, self.docs)

    def _refuse_if_listed(self, store: ShardOwner) -> None:
        """An empty table while the index still lists assessments of this file: they were
        lost (this store removes a file whose last assessment goes), not deleted."""
        listed = store.overview.listed(self.shard)
        if listed:
            raise self.storage.corrupted(f"it holds no assessments, while the overview lists "
                                         f"{listed} stored in it")

    def _check_revision(self, store: ShardOwner, assessment_id: str,
                        revision: int) -> None:
        # Every stored revision was written to the history before the document (the order
        # of _commit), so its history file exists; a revision without one was never saved.
        if not store.layout.history_file(assessment_id, revision).is_file():
            raise self.storage.corrupted(
                f"assessment {assessment_id} claims revision {revision}, which its history "
                "never recorded")

    def find(self, assessment_id: str) -> tuple[int, Wrapper] | None:
        for doc_id, doc in self.docs.items():
            if doc["id"] == assessment_id:
                return doc_id, doc
        return None

    def require(self, assessment_id: str, *, allow_trash: bool = False) -> tuple[int, Wrapper]:
        found = self.find(assessment_id)
        if found is None:
            raise NotFound(assessment_id)
        if found[1].get("trash") and not allow_trash:
            raise NotFound(assessment_id, in_trash=True)
        return found

    def put(self, doc_id: int | None, wrapper: Wrapper) -> None:
        if doc_id is None:
            doc_id = max(self.docs, default=0) + 1  # as TinyDB numbers its documents
        self.docs[doc_id] = wrapper
        self._models.pop(doc_id, None)

    def model(self, wrapper: Wrapper) -> Assessment:
        for doc_id, doc in self.docs.items():
            if doc is wrapper and doc_id in self._models:
                return self._models[doc_id]  # checked when the file was read
        return Assessment.model_validate(wrapper["assessment"])

    def write(self) -> None:
        self.storage.write({DOCS: {str(k): v for k, v in sorted(self.docs.items())}})
        # Every document written was checked: read from the checked file or made by settle().
        checked_files.remember(self.shared, self.shard, self.storage.seen, self.docs)
