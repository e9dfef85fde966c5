"""One assessment's file of the local store (docs/<shard>/<id>.json) and the saves committed
after it in its journal (history_journal.py): read and checked whole, the committed lines
applied, changed in memory and written back as one line appended (a save) or the whole file,
atomically (a compaction, a create, the trash). A file that parses but cannot be a state the
store wrote (an empty table, another assessment, a revision its history never recorded, a
committed line that does not fit it) is refused (StoreCorrupted naming it), and nothing is
written over it or its .prev copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from app.core.models.assessment import Assessment
from app.store import checked_files, history_journal
from app.store.errors import NotFound
from app.store.json_storage import AtomicJSONStorage, FileKey, current_key, encode
from app.store.layout import Layout, shard_of
from app.store.shapes import DOCS, check_doc_file

Wrapper = dict[str, Any]
NO_FILE = (0, 0, 0)  # the identity of a journal that does not exist (yet)


def record_key(doc: FileKey | None, journal: FileKey | None) -> tuple[int, ...] | None:
    """One assessment's identity on disk: its file's and its journal's (inode, size,
    mtime_ns). A save appends to the journal and a compaction replaces the file, so every
    write makes a new one; None when there is no file."""
    if doc is None:
        return None
    return (*doc, *(journal or NO_FILE))


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
        self.journal_key = current_key(self.history)
        kept = checked_files.recall(self.shared, self._name, record_key(now, self.journal_key))
        if kept is not None:  # this very file and journal were checked already (checked_files.py)
            self.wrapper: Wrapper | None = kept["doc"]
            self._model = kept["model"]
            self.base_revision: int = kept["base"]
            self.tail_bytes: int = kept["tail_bytes"]
            self.storage.seen = now
            return
        found = check_doc_file(self.storage.read(), assessment_id, self.storage.corrupted)
        self.wrapper, self._model = found if found is not None else (None, None)
        self.base_revision = 0
        self.tail_bytes = 0
        if self.wrapper is not None:
            self.base_revision = self.wrapper["assessment"]["revision"]
            carried = bool(self.wrapper.get("pending"))
            self._apply_tail()  # (a damaged journal is named as such, before the test below)
            if not carried:
                # (a document carrying its own revision's entry is checked by its shape)
                self._check_revision(self.base_revision)
        self._remember()

    def _apply_tail(self) -> None:
        """The saves committed in the journal after the file was last written, applied in
        order and the result checked as a file is (its shape, its answers' options)."""
        assert self.wrapper is not None
        corrupted = AtomicJSONStorage(self.history, backups=self.storage.backups).corrupted
        lines = history_journal.tail(self.history, self.base_revision, self.assessment_id,
                                     corrupted)
        if not lines:
            return
        body = self.wrapper["assessment"]
        try:
            for line in lines:
                body = history_journal.replay(body, line)
        except (ValueError, TypeError, KeyError) as exc:
            raise corrupted(f"a saved change does not fit the assessment ({exc})") from None
        self.tail_bytes = sum(len(encode(line)) + 1 for line in lines)
        wrapper = {**self.wrapper, "assessment": body, "updated_by": lines[-1].get("editor", "")}
        checked = check_doc_file({DOCS: {"1": wrapper}}, self.assessment_id, corrupted)
        assert checked is not None
        self.wrapper, self._model = checked

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
        self.base_revision = wrapper["assessment"]["revision"]
        self.tail_bytes = 0
        self.journal_key = current_key(self.history)
        self._remember()

    def committed(self, wrapper: Wrapper, model: Assessment | None, journal_key: FileKey | None,
                  size: int) -> None:
        """A save was appended to the journal (`size` bytes, the journal now `journal_key`):
        the file is unchanged, the assessment is `wrapper`."""
        self.wrapper, self._model, self.journal_key = wrapper, model, journal_key
        self.tail_bytes += size
        self._remember()

    @property
    def tail_length(self) -> int:
        """Saves committed in the journal since the file was last written."""
        return 0 if self.wrapper is None else (
            self.wrapper["assessment"]["revision"] - self.base_revision)

    def remove(self) -> None:
        """Remove the file (its content kept as .prev, as a write keeps it)."""
        self.storage.write({DOCS: {}})
        self.wrapper, self._model = None, None
        self._remember()

    def _remember(self) -> None:
        seen = self.storage.seen
        if self.wrapper is None or not isinstance(seen, tuple):
            checked_files.remember(self.shared, self._name, None, {})
        else:
            checked_files.remember(self.shared, self._name, record_key(seen, self.journal_key),
                                   {"doc": self.wrapper, "model": self._model,
                                    "base": self.base_revision,
                                    "tail_bytes": self.tail_bytes})
