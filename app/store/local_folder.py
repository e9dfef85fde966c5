"""The local store's folder: where its files are (layout.py), the lock and caches it shares
with every store on the folder in the process (locking.py), one assessment's file
(doc_file.py), and the folder's format marker, checked before anything is read: a folder of
the first layout is moved (migration.py), an import cut off by a kill is undone
(import_journal.py), a newer format is refused (UnsupportedStore)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from app.store import import_journal, migration
from app.store.atomic import write_atomic
from app.store.doc_file import DocFile
from app.store.edits import EditRules
from app.store.errors import (
    NotFound,
    StoreError,
    UnsupportedStore,
)
from app.store.facts.local import LocalFacts
from app.store.json_storage import AtomicJSONStorage, encode
from app.store.layout import SAFE_ID, STORE_FORMAT, Layout, data_dir
from app.store.locking import shared_folder
from app.store.overview import Overview, summary_row
from app.store.shapes import check_marker

Wrapper = dict[str, Any]


class LocalFolder(EditRules):
    """The data folder a local store works on; the layers above add writing and imports."""

    def __init__(self, folder: Path | str | None = None, *, durable: bool = True) -> None:
        """`durable=False` skips fsync: only for throwaway data such as a benchmark's fill."""
        # Resolved once: messages name files by full path, and a later chdir changes nothing.
        self.folder = (Path(folder) if folder is not None else data_dir()).resolve()
        self.layout = Layout(self.folder)
        self.shared = shared_folder(self.folder)
        self.durable = durable
        self.overview = Overview(self.layout, self.shared, self._read_listed)
        #: the council overview's index (facts/local.py)
        self.facts = LocalFacts(self.folder, self._current_revisions,
                                lambda: not self.layout.shards(), self._index_rows,
                                self.shared.locked)

    @property
    def location(self) -> str:
        return str(self.folder)

    def storage(self, path: Path, *, keep_previous: bool = True) -> AtomicJSONStorage:
        return AtomicJSONStorage(path, backups=self.layout.backups, durable=self.durable,
                                 keep_previous=keep_previous)

    @contextlib.contextmanager
    def _current_revisions(self) -> Iterator[Mapping[str, int]]:
        with self.shared.locked():
            yield self.revision_map()

    def _index_rows(self, ids: Sequence[str]) -> dict[str, tuple[int, dict[str, Any]] | None]:
        """The revision and overview row of each assessment the overview's index lists, None
        for one in the trash or gone (call under the lock). A damaged file is left out: the
        index keeps what it had, and every read of the file says what is wrong."""
        found: dict[str, tuple[int, dict[str, Any]] | None] = {}
        for aid in ids:
            try:
                wrapper = self._doc(aid).wrapper
            except NotFound:
                wrapper = None
            except StoreError:
                continue
            if wrapper is None or wrapper.get("trash"):
                found[aid] = None
            else:
                found[aid] = (wrapper["assessment"]["revision"], summary_row(wrapper))
        return found

    def _doc(self, assessment_id: str) -> DocFile:
        if not SAFE_ID.match(assessment_id):  # also a safe file name: nothing else is one
            raise NotFound(assessment_id)
        return DocFile(self, assessment_id)

    def _read_listed(self, assessment_id: str) -> Wrapper | None:
        """The checked document the overview shows a row of (None: removed meanwhile)."""
        return self._doc(assessment_id).wrapper

    # -- the folder's format marker --------------------------------------------------------

    def _check_format(self) -> None:
        if self.shared.cache.get("format_checked"):
            return
        found = self._marker()
        if migration.pending(self.layout, found):
            # A folder of the first layout (or a move cut off by a kill): moved before
            # anything is read (migration.py); a damaged old file stops it, naming the file.
            with self.shared.locked():
                found = self._marker()
                if migration.pending(self.layout, found):
                    moved = migration.migrate(self.layout, found, durable=self.durable)
                    self.overview.touch()
                    self.overview.written(moved)
        if import_journal.journal_path(self.layout).exists():
            # The first look at the folder in this process: an import cut off by a kill is
            # undone before anything is read, so no one sees half of it.
            with self.shared.locked():
                import_journal.recover(self.layout)
        if found is not None:
            self.shared.cache["format_checked"] = True

    def _marker(self) -> str | None:
        """The folder's format (None: nothing written yet); UnsupportedStore for a newer one."""
        marker = self.layout.marker
        storage = AtomicJSONStorage(marker, backups=self.layout.backups)
        try:
            found = json.loads(marker.read_bytes())
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise storage.corrupted(f"the system refused to read it ({exc.strerror})") from None
        except ValueError:
            raise storage.corrupted("it is not the JSON this tool writes") from None
        newer = check_marker(found, storage.corrupted)
        if newer is not None:
            raise UnsupportedStore(marker, newer)
        return str(found["format"])

    def _ready_to_write(self) -> None:
        """Under the lock, before any change: the folder is ours, and an import cut off by a
        kill or a full disk is undone first (see import_journal.py)."""
        self._check_format()
        import_journal.recover(self.layout)

    def _ensure_format(self) -> None:
        self._ready_to_write()
        if not self.layout.marker.exists():
            write_atomic(self.layout.marker, encode({"format": STORE_FORMAT}),
                         keep_previous=False, durable=self.durable)
