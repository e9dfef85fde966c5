"""Moving a data folder of the first layout (bka-store/1) to the current one, on first open.

The first layout kept ~40 assessments per file (docs/<shard>.json), their overview rows in
index/<shard>.json, and each history in chunks of 100 revisions
(history/<shard>/<id>/<n>.json): a save rewrote the shard, its index and a chunk. The current
layout keeps one file per assessment and its history as an appended journal (layout.py).

The move, under the folder lock, is crash-safe because the marker is its commit point:
1. While the marker says bka-store/1, the old files are the record. Files of the current
   layout found then can only be a move that was cut off: they are removed, and the move
   starts again from the old files, each checked as the old store checked it (a damaged one
   stops the move with StoreCorrupted naming it, and nothing old is touched).
2. Every assessment is written to its own file with its whole history, made durable
   together, then the marker is replaced by bka-store/2: from then on the new files are the
   record.
3. The old files (and their .prev copies, which may hold erased content) are removed, the
   shard files last; a folder whose marker is current and that still has shard files is a
   move cut off in this step, which is finished on the next open.
A kill at any point leaves a folder that opens: before 2 it is moved again, after it the
leftovers are removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

from app.store import history_journal
from app.store.atomic import PREVIOUS_SUFFIX, TEMP_SUFFIX, fsync_folder, sync_all, write_atomic
from app.store.errors import StoreCorrupted
from app.store.import_journal import finish, journal_path, restore
from app.store.json_storage import AtomicJSONStorage, encode, parse_tables
from app.store.layout import (
    JOURNAL,
    JSON,
    LEGACY_FORMAT,
    SAFE_ID,
    STORE_FORMAT,
    Layout,
    is_shard,
    shard_of,
)
from app.store.shapes import DOCS, check_docs, check_revision, only_table

HISTORY_CHUNK = 100  # revisions per history file of the first layout
HISTORY = "revisions"  # the one table of a history chunk


def pending(layout: Layout, marker_format: str | None) -> bool:
    """Whether the folder needs (or is in the middle of) a move: an old marker, or shard
    files of the old layout (removed last, so none means the old layout is all gone)."""
    return marker_format == LEGACY_FORMAT or bool(_shard_files(layout))


def migrate(layout: Layout, marker_format: str | None, *,
            durable: bool = True) -> list[dict[str, Any]]:
    """Move the folder (call under the lock); returns the documents moved."""
    moved: list[dict[str, Any]] = []
    if marker_format != STORE_FORMAT:
        _recover_old_import(layout)  # an import cut off by a kill: undone first
        _remove_current_files(layout)  # a move cut off before its commit point
        moved = _move(layout, durable=durable)
        write_atomic(layout.marker, encode({"format": STORE_FORMAT}), keep_previous=False,
                     durable=durable)
    _remove_old_files(layout)
    return moved


def _shard_files(layout: Layout) -> list[Path]:
    """docs/<shard>.json of the first layout (and its .prev copy)."""
    try:
        with os.scandir(layout.docs) as entries:
            return sorted(Path(e.path) for e in entries if e.is_file() and
                          is_shard(e.name.split(".")[0]) and
                          e.name.endswith((JSON, JSON + PREVIOUS_SUFFIX)))
    except FileNotFoundError:
        return []


def _move(layout: Layout, *, durable: bool) -> list[dict[str, Any]]:
    written: list[Path] = []
    moved = []
    for path in _shard_files(layout):
        if not path.name.endswith(JSON):
            continue
        shard = path.name[:-len(JSON)]
        for wrapper in _old_documents(layout, path, shard):
            assessment_id = wrapper["id"]
            history = layout.history_file(assessment_id)
            doc = layout.doc_file(assessment_id)
            history_journal.rewrite(history, _old_history(layout, assessment_id).values(),
                                    durable=False)
            write_atomic(doc, encode({DOCS: {"1": wrapper}}), keep_previous=False,
                         durable=False)
            written += [history, doc]
            moved.append(wrapper)
    if durable and written:
        sync_all(written)
    return moved


def _old_documents(layout: Layout, path: Path, shard: str) -> list[dict[str, Any]]:
    """The checked documents of an old shard file (StoreCorrupted when it is damaged)."""
    storage = AtomicJSONStorage(path, backups=layout.backups)
    docs, _ = check_docs(storage.read(), shard, storage.corrupted)
    for wrapper in docs.values():
        revision = wrapper["assessment"]["revision"]
        if not _chunk(layout, wrapper["id"], revision).is_file():
            raise storage.corrupted(f"assessment {wrapper['id']} claims revision {revision}, "
                                    "which its history never recorded")
    return list(docs.values())


def _chunk(layout: Layout, assessment_id: str, revision: int) -> Path:
    return _old_history_folder(layout, assessment_id) / f"{revision // HISTORY_CHUNK:05d}{JSON}"


def _old_history_folder(layout: Layout, assessment_id: str) -> Path:
    return layout.history / shard_of(assessment_id) / assessment_id


def _old_history(layout: Layout, assessment_id: str) -> dict[int, dict[str, Any]]:
    """Every checked entry of an assessment's old history chunks, by revision."""
    entries: dict[int, dict[str, Any]] = {}
    folder = _old_history_folder(layout, assessment_id)
    if not folder.is_dir():
        return entries
    for path in sorted(folder.iterdir()):
        if not path.name.endswith(JSON) or path.name.startswith("."):
            continue
        storage = AtomicJSONStorage(path, backups=layout.backups)
        try:
            chunk = int(path.stem)
        except ValueError:
            raise storage.corrupted("its name is not a history chunk number") from None
        table = only_table(parse_tables(path.read_bytes(), storage.corrupted), HISTORY,
                           storage.corrupted)
        for key, doc in table.items():
            entry = check_revision(doc, assessment_id, storage.corrupted)
            if str(entry["revision"]) != key or entry["revision"] // HISTORY_CHUNK != chunk:
                raise storage.corrupted(f"revision entry {key} holds revision "
                                        f"{entry['revision']}, which does not belong in this file")
            entries[entry["revision"]] = entry
    return entries


def _remove_current_files(layout: Layout) -> None:
    """Files of the current layout in a folder not moved yet: a move that was cut off."""
    for root in (layout.docs, layout.history):
        for shard in _shard_folders(root):
            for name in os.listdir(shard):
                if name.endswith((JSON, JOURNAL)) or name.endswith(TEMP_SUFFIX):
                    path = shard / name
                    if path.is_file():
                        path.unlink()
    shutil.rmtree(layout.index, ignore_errors=True)  # derived: rebuilt when listed


def _shard_folders(root: Path) -> list[Path]:
    try:
        with os.scandir(root) as entries:
            return [Path(e.path) for e in entries if is_shard(e.name) and e.is_dir()]
    except FileNotFoundError:
        return []


def _remove_old_files(layout: Layout) -> None:
    """The first layout's files, their .prev copies included (they may hold content erased
    since); the shard files go last, so their absence says the move is complete."""
    shutil.rmtree(layout.index, ignore_errors=True)  # the old rows (derived)
    for shard in _shard_folders(layout.history):
        for entry in os.scandir(shard):
            if entry.is_dir() and SAFE_ID.match(entry.name):
                shutil.rmtree(entry.path, ignore_errors=True)
        fsync_folder(shard)
    for path in _shard_files(layout):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    for leftover in layout.docs.glob(f".*{TEMP_SUFFIX}") if layout.docs.is_dir() else []:
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    if layout.docs.is_dir():
        fsync_folder(layout.docs)


def _recover_old_import(layout: Layout) -> None:
    """Undo an import of the first layout cut off by a kill (its journal names shard files):
    each replaced shard file put back from its .prev copy, created shards and histories
    removed. Before a move, under the lock."""
    path = journal_path(layout)
    try:
        record = json.loads(path.read_bytes())
    except FileNotFoundError:
        return
    except ValueError:
        raise StoreCorrupted(path, "it is the record of an import that was cut off, and it "
                             "cannot be read; the import may be partly applied") from None
    shards = record.get("shards") if isinstance(record, dict) else None
    if not isinstance(shards, dict):
        return  # an import of the current layout: import_journal.py undoes it
    for shard, key in shards.items():
        if is_shard(shard):
            restore(layout.docs / f"{shard}{JSON}", key)
    for assessment_id in record.get("created") or []:
        if isinstance(assessment_id, str) and SAFE_ID.match(assessment_id):
            shutil.rmtree(_old_history_folder(layout, assessment_id), ignore_errors=True)
    fsync_folder(layout.docs)
    finish(path)
