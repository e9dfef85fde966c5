"""The overview rows of every assessment, kept per shard folder, re-read where files changed.

Each assessment is a file of its own (docs/<shard>/<id>.json), replaced (a new inode) when it
is written, and a journal (history/<shard>/<id>.jsonl) that every save appends to, so the
two identities (inode, size, mtime) together name one content (doc_file.record_key). The rows
of a shard are kept in memory with the identity each was read at; a listing re-reads only
the assessments whose identity changed, so it sees other processes' writes at once and
caches nothing stale.

Every write of the store also touches the mtime of docs/ itself (`touch`), so a rerun with
nothing written anywhere costs one stat; after a write, the shard folders' mtimes say which
folder changed (a rename into it, or a save's touch of it), and only that folder's ~40
assessments are stat'ed. A listing made within a second of a folder's change checks it again
next time (the racy case of a change within one timestamp tick; git's index handles it the
same way).

index/<shard>.json keeps the rows of a shard with their files' identities for the next
process's first listing (10,000 rows from 256 small files instead of 10,000 documents). It is
derived data, written by readers (not by saves, which stay the size of the assessment),
under the folder lock, from the folder as it is then: no .prev, no fsync. An index listing
an assessment whose file is gone is evidence of loss (the store removes a shard's index
before it removes a document of it) and raises StoreCorrupted; an index that is unreadable
or odd is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from app.store.atomic import write_atomic
from app.store.doc_file import record_key
from app.store.errors import StoreCorrupted
from app.store.json_storage import AtomicJSONStorage, current_key, encode, file_key
from app.store.layout import Layout, doc_entries, shard_of
from app.store.locking import SharedFolder
from app.store.records import Summary

ROWS = "summaries"  # table names inside an index file
SOURCE = "source"  # in each row: its file's identity
FOLDER = "folder"  # the shard folder's identity when the rows were checked
StatKey = tuple[int, ...] | None  # (inode, size, mtime_ns) of a file, None if absent;
# an assessment's row is kept under its file's and its journal's (doc_file.record_key)


def stat_key(path: os.PathLike[str] | str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


FolderKey = tuple[int, int] | None  # (inode, mtime_ns) of a folder, None if absent
# A folder's mtime moves on every file created, renamed into it or removed. A listing made at
# least this long after a folder's mtime cannot have missed a change that left it unchanged
# (the racy case of a change within the same timestamp tick).
SETTLE_NS = 1_000_000_000
FILTERS_KEPT = 16  # filtered lists kept per folder (searches, statuses, scopes)


def folder_key(path: os.PathLike[str] | str) -> FolderKey:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def settled(folders: tuple[FolderKey, ...], built: int) -> bool:
    """Whether a listing made at `built` (ns) is surely later than the folders' last change."""
    changed = max((f[1] for f in folders if f is not None), default=0)
    return built - changed > SETTLE_NS


def summary_row(wrapper: dict[str, Any]) -> dict[str, Any]:
    """The overview row of one stored document (see store.py for the document's shape)."""
    a = wrapper["assessment"]
    decision, questionnaire = a["decision"], a["questionnaire"]
    trash = wrapper.get("trash") or {}
    owner = a.get("ownership") or {}
    return {
        "id": wrapper["id"], "title": decision["title"],
        "case_number": decision.get("case_number") or "",
        "committee": decision.get("committee") or "", "status": a.get("status", "draft"),
        "questionnaire": questionnaire["id"], "questionnaire_version": questionnaire["version"],
        "created": a.get("created"), "updated": a.get("updated"),
        "revision": a.get("revision", 0), "updated_by": wrapper.get("updated_by") or "",
        "deleted_at": trash.get("at"), "deleted_by": trash.get("by") or "",
        "owner": owner.get("sub", ""), "unit": owner.get("unit", ""),
        "shared": bool(owner.get("shared")),
        "reviewer": (a.get("review") or {}).get("reviewer_sub", ""),
    }


def index_tables(rows: dict[str, tuple[StatKey, dict[str, Any]]], folder: FolderKey,
                 built: int) -> dict[str, dict[str, Any]]:
    """An index file's content (TinyDB tables): each row with the identity of its file, and
    the shard folder as it was when its files were stat'ed (`built`, ns)."""
    return {ROWS: {str(n): {**row, SOURCE: list(key) if key else None}
                   for n, (_aid, (key, row)) in enumerate(sorted(rows.items()), start=1)},
            FOLDER: {"1": {"key": list(folder) if folder else None, "built": built}}}


def newest_first(rows: Iterable[Summary]) -> list[Summary]:
    return sorted(rows, key=attrgetter("order"), reverse=True)


@dataclass(frozen=True)
class _Shard:
    folder: FolderKey  #: the shard folder as it was when its files were stat'ed
    built: int  #: when (ns), see settled()
    files: dict[str, tuple[StatKey, dict[str, Any]]]  #: id -> (file identity, row as JSON)
    rows: tuple[Summary, ...]


Reader = Callable[[str], "dict[str, Any] | None"]  # id -> its checked document, None if gone


class Overview:
    """Every overview row of one data folder, newest first, re-read only where files changed."""

    def __init__(self, layout: Layout, shared: SharedFolder, read: Reader) -> None:
        self.layout = layout
        self.shared = shared
        self.read = read  # the store's checked read of one document file (StoreCorrupted)

    def touch(self, shard: str | None = None) -> None:
        """Say to every process's listing that a document file changed (see the module); a
        save that appends to a journal marks its shard's folder too, as a rename into it
        would."""
        with contextlib.suppress(OSError):
            if shard is not None:
                os.utime(self.layout.doc_folder(shard))
            os.utime(self.layout.docs)

    def rows(self) -> list[Summary]:
        cache = self._cache()
        top = folder_key(self.layout.docs)
        merged = cache.get("")
        if merged is not None and merged[0] == top and settled((top,), merged[2]):
            return merged[1]  # no document written anywhere since
        built = time.time_ns()  # before anything is read: see settled()
        shards: dict[str, _Shard] = cache.setdefault("shards", {})
        changed = merged is None
        present = self.layout.shards()
        for gone in set(shards) - set(present):
            del shards[gone]
            changed = True
        for shard in present:
            entry = shards.get(shard)
            now = folder_key(self.layout.doc_folder(shard))
            if entry is not None and entry.folder == now and settled((now,), entry.built):
                continue
            fresh = self._scan(shard, entry, now)
            if entry is None or fresh.files != entry.files:
                changed = True
            shards[shard] = fresh
        result = (newest_first(r for e in shards.values() for r in e.rows)
                  if changed or merged is None else merged[1])
        cache[""] = (top, result, built)
        return result

    def filtered(self, name: tuple[object, ...],
                 keep: Callable[[Summary], bool]) -> list[Summary]:
        """rows() filtered by `keep`, remembered under `name` while rows() is the same list:
        a page of 50 from 10,000 rows without filtering them again on every rerun."""
        rows = self.rows()
        cache = self._cache()
        memo = cache.get("filtered")
        if memo is None or memo[0] is not rows:
            memo = (rows, {})
            cache["filtered"] = memo
        kept: dict[tuple[object, ...], list[Summary]] = memo[1]
        found = kept.get(name)
        if found is None:
            if len(kept) >= FILTERS_KEPT:
                kept.clear()
            found = kept[name] = [r for r in rows if keep(r)]
        return found

    def forget(self, shard: str) -> None:
        """Remove the shard's index file, before a document of it is removed (the index
        listing a document that is gone would be evidence of loss). Call under the lock."""
        with contextlib.suppress(FileNotFoundError):
            self.layout.index_file(shard).unlink()

    def _cache(self) -> dict[str, Any]:
        with self.shared.cache_lock:
            cache: dict[str, Any] = self.shared.cache.setdefault("overview", {})
        return cache

    def _scan(self, shard: str, entry: _Shard | None, folder: FolderKey) -> _Shard:
        built = time.time_ns()
        made: tuple[FolderKey, int] | None = None
        if entry is not None:
            known, listed = entry.files, None
        else:  # this process's first look: the index file as a head start, and as evidence
            known, made = self._read_index(shard)
            listed = known
        if made is not None and made[0] == folder and settled((folder,), made[1]):
            files = known  # no file renamed into or out of the folder since: no stat each
        else:
            files = self._files(shard, known)
        gone = set(known) - set(files)
        if gone:  # removed (a purge forgets the shard's index first), or lost
            lost = gone & set(listed if listed is not None else self._indexed(shard))
            if lost:
                self._refuse_lost(shard, lost)
        if files != (listed if entry is None else entry.files):
            self._keep_index(shard, files)
        try:
            rows = tuple(Summary.from_json(row) for _, row in files.values())
        except (KeyError, TypeError, ValueError, AttributeError):  # an odd row of the index
            files = self._files(shard, {})
            self._keep_index(shard, files)
            rows = tuple(Summary.from_json(row) for _, row in files.values())
        return _Shard(folder, built, files, rows)

    def _files(self, shard: str, known: dict[str, tuple[StatKey, dict[str, Any]]],
               ) -> dict[str, tuple[StatKey, dict[str, Any]]]:
        """Each document file of the shard with its row, re-read where its identity changed."""
        files = {}
        for aid, found in doc_entries(self.layout.doc_folder(shard)):
            try:
                key = record_key(file_key(found.stat()),
                                 current_key(self.layout.history_file(aid)))
            except FileNotFoundError:
                continue  # removed since the folder was listed
            kept = known.get(aid)
            if kept is not None and kept[0] == key:
                files[aid] = kept
                continue
            # The identity from before the read: a file replaced meanwhile is read again
            # next time, never kept under an identity its content does not have.
            wrapper = self.read(aid)
            if wrapper is not None:
                files[aid] = (key, summary_row(wrapper))
        return files

    def _indexed(self, shard: str) -> dict[str, tuple[StatKey, dict[str, Any]]]:
        """The rows the shard's index file holds (none when it is missing or odd)."""
        return self._read_index(shard)[0]

    def _read_index(self, shard: str) -> tuple[dict[str, tuple[StatKey, dict[str, Any]]],
                                                 tuple[FolderKey, int] | None]:
        """The index file's rows, and the shard folder's identity when they were checked
        with the time (ns) they were (None when it does not say)."""
        storage = AtomicJSONStorage(self.layout.index_file(shard))
        try:
            tables = storage.read() or {}
            found = {}
            for row in tables[ROWS].values():
                key = row.pop(SOURCE)
                found[row["id"]] = (tuple(key) if key else None, row)
        except (StoreCorrupted, KeyError, TypeError, ValueError, AttributeError):
            return {}, None  # derived data: rebuilt from the documents, never trusted when odd
        try:
            made = tables[FOLDER]["1"]
            return found, ((tuple(made["key"]) if made["key"] else None), int(made["built"]))
        except (KeyError, TypeError, ValueError):
            return found, None

    def _refuse_lost(self, shard: str, lost: set[str]) -> None:
        """Documents the index lists are gone: look again under the lock (a purge removes
        the index first, so a removal in progress is not a loss)."""
        with self.shared.locked():
            listed = self._indexed(shard)
            still = sorted(a for a in lost if a in listed and not self.layout.doc_file(a).exists())
        if still:
            raise StoreCorrupted(self.layout.doc_file(still[0]),
                                 f"the file is missing, but the overview's index lists it "
                                 f"({len(still)} assessment(s) of shard {shard} missing)")

    def written(self, docs: Iterable[dict[str, Any]]) -> None:
        """Keep the index of the shards of documents just written in bulk (an import, a
        move), from the documents in hand: the next listing reads 256 files, not them all.
        Call under the lock."""
        by_shard: dict[str, dict[str, tuple[StatKey, dict[str, Any]]]] = {}
        for wrapper in docs:
            aid = wrapper["id"]
            by_shard.setdefault(shard_of(aid), {})[aid] = (
                record_key(stat_key(self.layout.doc_file(aid)),
                           stat_key(self.layout.history_file(aid))), summary_row(wrapper))
        for shard, rows in by_shard.items():
            self._keep_index(shard, {**self._indexed(shard), **rows})

    def _keep_index(self, shard: str,
                    known: dict[str, tuple[StatKey, dict[str, Any]]]) -> None:
        """Write the shard's index for the next process, from the folder as it is under the
        lock (a removal meanwhile must not be listed again; files changed since `known` are
        read again); derived: no fsync, no .prev."""
        if self.shared.read_only:
            return
        with contextlib.suppress(OSError, StoreCorrupted), self.shared.locked():
            folder = folder_key(self.layout.doc_folder(shard))
            built = time.time_ns()
            files = self._files(shard, known)
            if files:
                write_atomic(self.layout.index_file(shard),
                             encode(index_tables(files, folder, built)),
                             keep_previous=False, durable=False)
            else:
                self.forget(shard)
