"""An import is all or nothing: a journal written before it, undone from it if it is cut off.

An import writes many document files (one per shard it touches). A full disk or a kill in
the middle would leave some of them new and the rest old, with no record of what went in.
So before the first of them is written, `begin` records in assessments/.import-journal.json
which document files the import will replace and the identity (inode, size, mtime) each has
now; `finish` removes the journal once every file is written: that is the commit point.

While a journal exists the import did not finish, and `recover` (called under the lock by
every write, and when an import fails) puts back each document file it replaced: the store
keeps a file's previous content as NAME.prev, a hard link to the very inode recorded, so
the undo is a rename and needs no free space. Document files the import created are
removed, and so is the history of assessments it created. Index files of those shards are
removed too: they are derived and rebuilt from the restored documents.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from app.store.atomic import TEMP_SUFFIX, fsync_folder, previous_copy, write_atomic
from app.store.errors import StoreCorrupted
from app.store.layout import SAFE_ID, Layout
from app.store.overview import stat_key

NAME = ".import-journal.json"  # a dot file: never in a backup (made under the same lock)


def journal_path(layout: Layout) -> Path:
    return layout.root / NAME


def begin(layout: Layout, shards: Mapping[str, Any], created: Sequence[str], *,
          durable: bool = True) -> Path:
    """Record what the import is about to replace; call under the lock, before writing."""
    path = journal_path(layout)
    record = {"shards": {s: _key(stat_key(layout.doc_file(s))) for s in sorted(shards)},
              "created": sorted(created)}
    write_atomic(path, json.dumps(record).encode("utf-8"), keep_previous=False, durable=durable)
    return path


def finish(path: Path) -> None:
    """Every file of the import is written: it stands."""
    path.unlink()
    fsync_folder(path.parent)


def recover(layout: Layout) -> bool:
    """Undo an import that did not finish, if there is one; call under the lock."""
    path = journal_path(layout)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return False
    try:
        record = json.loads(raw)
        shards: dict[str, list[int] | None] = record["shards"]
        created: list[str] = record["created"]
        if not isinstance(shards, dict) or not isinstance(created, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise StoreCorrupted(path, "it is the record of an import that was cut off, and it "
                             "cannot be read; the import may be partly applied") from None
    for shard, key in shards.items():
        _restore(layout, shard, key)
        with contextlib.suppress(FileNotFoundError):
            layout.index_file(shard).unlink()  # rebuilt from the restored document file
    for assessment_id in created:
        if isinstance(assessment_id, str) and SAFE_ID.match(assessment_id):
            shutil.rmtree(layout.history_folder(assessment_id), ignore_errors=True)
    fsync_folder(layout.docs)
    finish(path)
    return True


def _restore(layout: Layout, shard: str, key: list[int] | None) -> None:
    doc = layout.doc_file(shard)
    now = stat_key(doc)
    if key is None:  # the import created this file
        if now is not None:
            doc.unlink()
            with contextlib.suppress(FileNotFoundError):
                previous_copy(doc).unlink()
        return
    if now is not None and _same(now, key):
        return  # not reached by the import
    prev = previous_copy(doc)
    before = stat_key(prev)
    if before is None or not _same(before, key):
        raise StoreCorrupted(doc, "an import was cut off after replacing this file, and the "
                             "copy it replaced is no longer there to put back",
                             previous=prev if before is not None else None)
    tmp = doc.with_name(f".{doc.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
    try:
        os.link(prev, tmp)  # keep the .prev name too: a rename needs no free space
    except OSError:
        os.replace(prev, doc)
        return
    os.replace(tmp, doc)


def _key(key: tuple[int, int, int] | None) -> list[int] | None:
    return list(key) if key is not None else None


def _same(found: tuple[int, int, int], recorded: list[int]) -> bool:
    """The same file content: the same inode, or where a copy stood in for a hard link
    (some network shares), the same size and modification time."""
    return list(found) == list(recorded) or list(found[1:]) == list(recorded[1:])
