"""One assessment's file of the local store (docs/<shard>/<id>.json): read and checked whole,
changed in memory and written back whole, atomically. A file that parses but cannot be a state
the store wrote (an empty table, another assessment, a revision its history never recorded)
is refused (StoreCorrupted naming it), and nothing is written over it or its .prev copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from app.core.models.assessment import Assessment
from app.store import checked_files, history_journal
from app.store.errors import NotFound
from app.store.json_storage import AtomicJSONStorage, current_key
from app.store.layout import Layout, shard_of
from app.store.shapes import DOCS, check_doc_file

Wrapper = dict[str, Any]


class DocOwner(Protocol):
    """What a document file needs of the store that holds it."""

    layout: Layout
    shared: Any  # the folder's lock and identity (app/store/locking.py)

    def storage(self, path: Path, *, keep_previous: bool = True) -> AtomicJSONStorage: ...


class DocFile:
    """One assessment's file, read into memory (`wrapper`, None when there is none)."""

    def __init__(self, store: DocOwner, assessment_id: str) -> None:
        self.assessment_id = assessment_id
        self.shard = shard_of(assessment_id)
        self.path = store.layout.doc_file(assessment_id)
        self.history = store.layout.history_file(assessment_id)
        self.storage = store.storage(self.path)
        self.shared = store.shared
        self._name = str(self.path)
        self._model: Assessment | None = None
        now = current_key(self.path)
        kept = checked_files.recall(self.shared, self._name, now)
        if kept is not None:  # this very file was checked whole already (checked_files.py)
            self.wrapper: Wrapper | None = kept["doc"]
            self._model = kept["model"]
            self.storage.seen = now
            return
        found = check_doc_file(self.storage.read(), assessment_id, self.storage.corrupted)
        self.wrapper, self._model = found if found is not None else (None, None)
        if self.wrapper is not None and not self.wrapper.get("pending"):
            # (a document carrying its own revision's entry is checked by its shape)
            self._check_revision(self.wrapper["assessment"]["revision"])
        self._remember()

    def _check_revision(self, revision: int) -> None:
        # Every revision is appended to the history before the document is written (the
        # order of a save), so a document above its history's last entry was never saved.
        storage = AtomicJSONStorage(self.history, backups=self.storage.backups)
        last = history_journal.last_revision(self.history, storage.corrupted)
        if last is None or last < revision:
            raise self.storage.corrupted(
                f"assessment {self.assessment_id} claims revision {revision}, which its "
                "history never recorded")

    def require(self, *, allow_trash: bool = False) -> Wrapper:
        if self.wrapper is None:
            raise NotFound(self.assessment_id)
        if self.wrapper.get("trash") and not allow_trash:
            raise NotFound(self.assessment_id, in_trash=True)
        return self.wrapper

    def model(self) -> Assessment:
        if self._model is None:
            assert self.wrapper is not None
            self._model = Assessment.model_validate(self.wrapper["assessment"])
        return self._model

    def write(self, wrapper: Wrapper, model: Assessment | None = None, *,
              durable: bool | None = None) -> None:
        """Replace the file with `wrapper` (checked: read from a checked file or made by
        settle()); `model` is its assessment when the caller has it."""
        saved = self.storage.durable
        if durable is not None:
            self.storage.durable = durable
        try:
            self.storage.write({DOCS: {"1": wrapper}})
        finally:
            self.storage.durable = saved
        self.wrapper, self._model = wrapper, model
        self._remember()

    def remove(self) -> None:
        """Remove the file (its content kept as .prev, as a write keeps it)."""
        self.storage.write({DOCS: {}})
        self.wrapper, self._model = None, None
        self._remember()

    def _remember(self) -> None:
        if self.wrapper is None:
            checked_files.remember(self.shared, self._name, None, {})
        else:
            checked_files.remember(self.shared, self._name, self.storage.seen,
                                   {"doc": self.wrapper, "model": self._model})
