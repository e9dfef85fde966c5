"""A TinyDB storage that writes atomically and refuses damaged files instead of emptying them.

TinyDB's own JSONStorage truncates and rewrites the file in place (a crash midway leaves half
a file) and reads an empty file as an empty database (the next write then replaces everything
with nothing). This one replaces the file atomically (see atomic.py) and raises
StoreCorrupted for anything that is not a well-formed TinyDB document, naming the file, its
previous copy and the newest backup.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from app.store.atomic import previous_copy, remove_atomic, remove_temp_files, write_atomic
from app.store.backups import newest_backup
from app.store.errors import StoreCorrupted

Tables = dict[str, dict[str, Any]]
FileKey = tuple[int, int, int]  # (inode, size, mtime_ns): every write makes a new inode
_UNREAD = "unread"


class AtomicJSONStorage(Storage):
    """One TinyDB JSON file; `backups` is the folder holding zip backups, named in errors."""

    def __init__(self, path: str | Path, *, backups: Path | None = None,
                 durable: bool = True, keep_previous: bool = True,
                 check: Callable[[Tables, AtomicJSONStorage], None] | None = None) -> None:
        """`check(tables, self)` is run on every read; it raises self.corrupted(...) when the
        file is well-formed JSON but not what belongs there (see shapes.py)."""
        super().__init__()
        self.path = Path(path)
        self.backups = backups
        self.durable = durable
        self.keep_previous = keep_previous
        self.check = check
        # The file as this object last read and checked it (None: there was none). A write
        # that keeps a .prev copy turns the current file into the "last good state", so it
        # must be exactly the file that was checked: see write().
        self.seen: FileKey | None | str = _UNREAD

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            with open(self.path, "rb") as handle:
                key = file_key(os.fstat(handle.fileno()))
                raw = handle.read()
        except FileNotFoundError:
            self.seen = None
            return None  # nothing stored here yet
        except OSError as exc:
            raise self.corrupted(f"the system refused to read it ({exc.strerror})") from None
        tables = parse_tables(raw, self.corrupted)
        if tables and not any(tables.values()):
            self._refuse_if_emptied()
        if self.check is not None:
            self.check(tables, self)
        self.seen = key
        return tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Replace the file; store files are written under the folder lock, so any other
        temporary file of this name is a cut-off write's, and is removed.

        A file left without records is removed rather than written empty (its .prev keeps
        the last records), so an empty table on disk is never this store's doing.
        """
        if self.keep_previous:
            self._current_is_checked()
        emptied = not any(data.values())
        if emptied:
            remove_atomic(self.path, durable=self.durable, keep_previous=self.keep_previous)
        else:
            write_atomic(self.path, encode(data), durable=self.durable,
                         keep_previous=self.keep_previous)
        # A removal (an erase) takes the old repair copies waiting to be freed too (graves.py)
        remove_temp_files(self.path.parent, self.path.name, graves_too=emptied)
        self.seen = current_key(self.path)

    def _current_is_checked(self) -> None:
        """The file about to become .prev is the one read and checked, or a write would keep
        as "the copy before" a file nobody checked (damaged, or put there meanwhile)."""
        if self.seen == _UNREAD:
            self.read()  # TinyDB always reads first; a direct write is checked here
        if current_key(self.path) != self.seen:
            raise self.corrupted("it was replaced by another program after it was read; it "
                                 "is kept as it is, and neither it nor its copy was overwritten")

    def _refuse_if_emptied(self) -> None:
        """An empty table where its previous copy holds records is damage (a file this store
        empties is removed instead); reading it as "nothing stored" would lose them."""
        previous = previous_copy(self.path)
        try:
            before = parse_tables(previous.read_bytes(), self.corrupted)
        except (OSError, StoreCorrupted):
            return  # no evidence of records: an emptied file of an earlier version
        count = sum(len(t) for t in before.values())
        if count:
            raise self.corrupted(f"it holds no records, while its previous copy holds "
                                 f"{count}; this tool never writes an emptied file")

    def corrupted(self, reason: str) -> StoreCorrupted:
        previous = previous_copy(self.path)
        return StoreCorrupted(self.path, reason,
                              previous=previous if previous.exists() else None,
                              backup=newest_backup(self.backups) if self.backups else None)


def file_key(st: os.stat_result) -> FileKey:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def current_key(path: Path) -> FileKey | None:
    try:
        return file_key(os.stat(path))
    except FileNotFoundError:
        return None


def encode(data: Any) -> bytes:
    # Compact: the files are for the program; `python -m json.tool FILE` shows them to a person.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse_tables(raw: bytes,
                 corrupted: Callable[[str], StoreCorrupted]) -> dict[str, dict[str, Any]]:
    """The tables of a TinyDB file, or StoreCorrupted saying what is wrong with it."""
    if not raw.strip():
        raise corrupted("the file is empty (a TinyDB file holds at least {})")
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise corrupted("it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        cut = " (the file looks cut short)" if cut_short(exc, len(raw.rstrip())) else ""
        raise corrupted(f"invalid JSON at line {exc.lineno} column {exc.colno}: "
                                f"{exc.msg}{cut}") from None
    if not isinstance(data, dict):
        raise corrupted(f"expected a JSON object of tables, found {type(data).__name__}")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise corrupted(f"table '{name}' is not a JSON object")
        for doc_id, doc in table.items():
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise corrupted(f"table '{name}' has an entry '{doc_id}' that is not "
                                        "a TinyDB document")
    return data


def cut_short(exc: json.JSONDecodeError, length: int) -> bool:
    """Whether the JSON ends too early (a string that never closes runs to the end too)."""
    rest = exc.doc[exc.pos:].strip()  # a literal cut off: "nu" of null
    return (exc.pos >= length - 1 or exc.msg.startswith("Unterminated string")
            or any(word.startswith(rest) and word != rest for word in ("null", "true", "false")))
