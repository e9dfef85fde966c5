"""An import is all or nothing: a journal written before it, undone from it if it is cut off.

An import writes many assessment files. A full disk or a kill in the middle would leave some
of them new and the rest old, with no record of what went in. So before the first of them is
written, `begin` records in assessments/.import-journal.json which assessment files the
import will replace and the identity (inode, size, mtime) each has now; `finish` removes the
journal once every file is written and on disk: that is the commit point.

While a journal exists the import did not finish, and `recover` (called under the lock by
every write, and when an import fails) puts back each file it replaced: the store keeps a
file's previous content as NAME.prev, a hard link to the very inode recorded, so the undo is
a rename and needs no free space. Files the import created are removed, with their history.
History lines the import appended to assessments it updated stay above their documents'
revisions, where readers ignore them (history_journal.py). The index files of the shards
touched go too: they are derived and rebuilt from the restored files.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from app.store.atomic import TEMP_SUFFIX, fsync_folder, previous_copy, write_atomic
from app.store.errors import StoreCorrupted
from app.store.layout import SAFE_ID, Layout, shard_of
from app.store.overview import stat_key

NAME = ".import-journal.json"  # a dot file: never in a backup (made under the same lock)


def journal_path(layout: Layout) -> Path:
    return layout.root / NAME


def begin(layout: Layout, assessment_ids: Sequence[str], created: Sequence[str], *,
          durable: bool = True) -> Path:
    """Record what the import is about to replace; call under the lock, before writing."""
    path = journal_path(layout)
    record = {"docs": {a: _key(stat_key(layout.doc_file(a))) for a in sorted(assessment_ids)},
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
        created: list[str] = record["created"]
        docs: dict[str, list[int] | None] = record["docs"]
        if not isinstance(docs, dict) or not isinstance(created, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        # (an import of the first layout is undone by the move, before this runs)
        raise StoreCorrupted(path, "it is the record of an import that was cut off, and it "
                             "cannot be read; the import may be partly applied") from None
    for assessment_id, key in docs.items():
        if not isinstance(assessment_id, str) or not SAFE_ID.match(assessment_id):
            continue
        with contextlib.suppress(FileNotFoundError):
            layout.index_file(shard_of(assessment_id)).unlink()  # rebuilt from the files
        restore(layout.doc_file(assessment_id), key)
        if assessment_id in created:
            with contextlib.suppress(FileNotFoundError):
                layout.history_file(assessment_id).unlink()
    for folder in {layout.doc_file(a).parent for a in docs if SAFE_ID.match(a)}:
        if folder.is_dir():
            fsync_folder(folder)
    with contextlib.suppress(OSError):
        os.utime(layout.docs)  # every process's overview looks again (overview.py)
    finish(path)
    return True


def restore(doc: Path, key: list[int] | None) -> None:
    """Put back the file `doc` had when the journal recorded `key` (None: it had none)."""
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
