"""Pages of the list kept while the index is unchanged: a page shown again with nothing
written anywhere costs one look at the index file's state, not a read transaction, the
index's own test that it can be trusted and fifty rows made into records (listing.page).

A page is kept only when nothing but a write can make it untrue (the caller decides: the
index filled, no other process that saves, since one that stops may die with saves not in
the index, which only the lock of its mark tells; no write in progress, since a mark becomes
a write cut off after a minute). Any commit makes every kept page stale: by this connection
(`total_changes`) or by any other, another thread's or process's (`PRAGMA data_version`).
"""

from __future__ import annotations

import sqlite3

from app.store.facts.sqlite_file import Open
from app.store.records import Listed, Total

PAGES_KEPT = 32  # per connection: searches, statuses, scopes and offsets a person pages through
Page = tuple[list[Listed], Total]


def stamp(db: sqlite3.Connection) -> object:
    """The index file's state as this connection sees it: changed by every commit."""
    return (id(db), db.execute("PRAGMA data_version").fetchone()[0], db.total_changes)


def recall(handle: Open, key: object, at: object) -> Page | None:
    """The page kept under `key`, if the file is still as it was then (`at`, stamp())."""
    found = handle.pages.get(key)
    if found is None or found[0] != at:
        return None
    rows, total = found[1]
    return list(rows), total  # a list of its own: callers may change it


def keep(handle: Open, key: object, at: object, page: Page) -> None:
    """Keep `page`, read at `at` (a stamp taken before the read began)."""
    if len(handle.pages) >= PAGES_KEPT:
        handle.pages.clear()
    handle.pages[key] = (at, (tuple(page[0]), page[1]))
