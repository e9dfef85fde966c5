"""Store files already read and checked in this process, by their identity on disk.

Every read of a document file used to parse it and validate all its ~40 assessments, also
for a page's rerun that only shows one of them and for a save that changes one: most of a
save's CPU and a fifth of a rerun's. A file is replaced (a new inode) by every write, so its
(inode, size, mtime_ns) names one content: a file whose identity is the one recorded here
holds exactly the documents recorded with it, checked whole when they were read (or written
by this process from checked documents). The damage checks are unchanged: a file that
changed in any way is read and checked whole again.

Document files (by shard) and history chunks (by path) are kept up to a budget of bytes,
the least recently used going first.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from app.store.locking import SharedFolder

# Bytes of JSON kept (their documents take ~5x that in memory): ~55 shards of 140 KB at
# 10,000 assessments, or every file a workshop of 30 people touches (their shards and
# history chunks, a few KB each).
KEPT_BYTES = 8_000_000
Docs = dict[Any, Any]  # what was checked of a file (its document and model, its entries)
#: a file's (inode, size, mtime_ns), or an assessment's file's and journal's together
#: (doc_file.record_key): the size always second
FileKey = tuple[int, ...]
_NAME = "checked_docs"


class _Kept(OrderedDict[str, tuple[FileKey, Docs]]):
    """The files kept, least recently used first, and the sum of their sizes (kept as it
    changes: summing per call cost a save time in proportion to the files kept)."""

    total = 0

    def put(self, name: str, entry: tuple[FileKey, Docs]) -> None:
        self.drop(name)
        self[name] = entry
        self.total += entry[0][1]  # key[1]: the file's size

    def drop(self, name: str) -> None:
        found = self.pop(name, None)
        if found is not None:
            self.total -= found[0][1]


def _kept(shared: SharedFolder) -> _Kept:
    kept: _Kept = shared.cache.setdefault(_NAME, _Kept())
    return kept


def recall(shared: SharedFolder, name: str, key: FileKey | None) -> Docs | None:
    """The checked documents of the file as it is now (`key`), or None when not kept.

    A copy of the mapping: callers add and remove documents in it; the documents themselves
    are only read (every change builds a new wrapper)."""
    if key is None:
        return None
    with shared.cache_lock:
        kept = _kept(shared)
        found = kept.get(name)
        if found is None or found[0] != key:
            return None
        kept.move_to_end(name)
        return dict(found[1])


def remember(shared: SharedFolder, name: str, key: object, docs: Docs) -> None:
    """Record the checked documents of the file `name` whose identity is `key` (anything but
    a FileKey, such as None for no file or a storage never read, forgets it)."""
    with shared.cache_lock:
        kept = _kept(shared)
        if not isinstance(key, tuple):
            kept.drop(name)
            return
        kept.put(name, (key, dict(docs)))
        while kept.total > KEPT_BYTES and len(kept) > 1:
            kept.drop(next(iter(kept)))
