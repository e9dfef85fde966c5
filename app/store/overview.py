"""The overview rows of every assessment, read from the small index files and cached.

Each index file (index/<shard>.json) holds the rows of one document file and records the
identity (inode, size, mtime) of the document file it was made from. A reader compares that
with the document file on disk: if they differ, a write was cut off between the two files
or another program changed the documents, and the index file is rebuilt from the documents
under the lock. So the index can never hide a saved assessment, and because every file is
replaced (new inode) on each write, a `stat` per file is enough to see other processes'
writes without re-reading anything that has not changed. The two folders' own mtimes say
whether any file in them changed at all (every write is a rename into them), so a rerun with
nothing written since costs two stats, not one per file; a file changed in place by another
program (not a rename) is noticed at the folder's next change, and when it is opened.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from app.store.errors import StoreCorrupted
from app.store.json_storage import AtomicJSONStorage
from app.store.layout import JSON, Layout
from app.store.locking import SharedFolder
from app.store.records import Summary

ROWS = "summaries"  # table names inside an index file
SOURCE = "source"
StatKey = tuple[int, int, int] | None  # (inode, size, mtime_ns) of a file, None if absent


def stat_key(path: os.PathLike[str] | str) -> StatKey:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


FolderKey = tuple[int, int] | None  # (inode, mtime_ns) of a folder, None if absent
# A folder's mtime moves on every file created, renamed into it or removed, and every write of
# the store is a rename into docs/ or index/. A listing made at least this long after both
# folders' mtimes cannot have missed a change that left them unchanged (the racy case of a
# change within the same timestamp tick; git's index handles it the same way).
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


def index_tables(wrappers: Iterable[tuple[int, dict[str, Any]]],
                 source: StatKey) -> dict[str, dict[str, Any]]:
    """An index file's content (TinyDB tables) for the documents of one document file."""
    return {ROWS: {str(doc_id): summary_row(w) for doc_id, w in wrappers},
            SOURCE: {"1": {"key": list(source) if source else None}}}


def newest_first(rows: Iterable[Summary]) -> list[Summary]:
    return sorted(rows, key=attrgetter("order"), reverse=True)


@dataclass(frozen=True)
class _Entry:
    index_key: StatKey
    doc_key: StatKey
    rows: tuple[Summary, ...]


class Overview:
    """Every overview row of one data folder, newest first, re-read only where files changed."""

    def __init__(self, layout: Layout, shared: SharedFolder,
                 rebuild: Callable[[str], None]) -> None:
        self.layout = layout
        self.shared = shared
        self.rebuild = rebuild  # writes index/<shard>.json from docs/<shard>.json, under lock

    def rows(self) -> list[Summary]:
        cache = self._cache()
        folders = (folder_key(self.layout.index), folder_key(self.layout.docs))
        merged = cache.get("")
        if merged is not None and merged[2] == folders and settled(folders, merged[3]):
            return merged[1]  # no file added, replaced or removed in either folder since
        index, docs = str(self.layout.index), str(self.layout.docs)
        keys = {s: (stat_key(os.path.join(index, s + JSON)), stat_key(os.path.join(docs, s + JSON)))
                for s in sorted(self.layout.shards())}
        built = time.time_ns()  # before the files are read: see settled()
        if merged is not None and merged[0] == keys:
            cache[""] = (keys, merged[1], folders, built)
            return merged[1]  # nothing changed anywhere: no parsing, no sorting
        rows: list[Summary] = []
        seen = {}
        for shard, (index_key, doc_key) in keys.items():
            entry = cache.get(shard)
            if entry is None or (entry.index_key, entry.doc_key) != (index_key, doc_key):
                entry = self._load(shard, index_key, doc_key)
                cache[shard] = entry
            seen[shard] = (entry.index_key, entry.doc_key)
            rows.extend(entry.rows)
        result = newest_first(rows)
        cache[""] = (seen, result, folders, built)
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

    def listed(self, shard: str) -> int:
        """How many assessments the index file of `shard` lists (0 when it is unreadable:
        derived data is no evidence)."""
        try:
            tables = AtomicJSONStorage(self.layout.index_file(shard)).read() or {}
            return len(tables[ROWS])
        except (StoreCorrupted, KeyError, TypeError):
            return 0

    def _cache(self) -> dict[str, Any]:
        with self.shared.cache_lock:
            cache: dict[str, Any] = self.shared.cache.setdefault("overview", {})
        return cache

    def _load(self, shard: str, index_key: StatKey, doc_key: StatKey) -> _Entry:
        current = self._read(shard, index_key, doc_key)
        if current is not None:
            return current
        with self.shared.locked():  # stale or damaged index: wait for any writer, look again
            index_key = stat_key(self.layout.index_file(shard))
            doc_key = stat_key(self.layout.doc_file(shard))
            current = self._read(shard, index_key, doc_key)
            if current is not None:
                return current
            self.rebuild(shard)
            index_key = stat_key(self.layout.index_file(shard))
            current = self._read(shard, index_key, doc_key)
        if current is None:  # pragma: no cover - rebuild wrote what _read checks
            raise RuntimeError(f"index of shard {shard} could not be rebuilt")
        return current

    def _read(self, shard: str, index_key: StatKey, doc_key: StatKey) -> _Entry | None:
        """The index file's rows if it is readable and made from the current document file."""
        if index_key is None:
            return None
        storage = AtomicJSONStorage(self.layout.index_file(shard))
        try:
            tables = storage.read() or {}
            recorded = tables[SOURCE]["1"]["key"]
            rows = tuple(Summary.from_json(r) for r in tables[ROWS].values())
        except (StoreCorrupted, KeyError, TypeError, ValueError):
            return None  # derived data: rebuilt from the documents, never trusted when odd
        if (tuple(recorded) if recorded else None) != doc_key:
            if doc_key is None and rows:
                raise StoreCorrupted(self.layout.doc_file(shard),
                                     f"the file is missing, but the index lists {len(rows)} "
                                     "assessment(s) stored in it")
            return None
        return _Entry(index_key, doc_key, rows)
