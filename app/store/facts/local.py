"""The local store's facts index: one SQLite file beside the data folder's documents
(`.overview-index.sqlite3`; the leading dot keeps it out of backups, which hold records, not
what is derived from them). WAL mode: readers never wait for the writer, and a write is one
append to the log, not a rewrite of the file.

It follows the store's saves off their path (backlog.py): a save names the assessment it
wrote, and its rows are written soon after from the file, under the store's lock; a process
that stopped first is caught up by the next reader. An import marks its assessments pending
(id and the revision being written) before the documents change and writes their rows after,
in one transaction; an import cut off between the two leaves the marks, and the next build
looks at those assessments again. A missing, damaged or foreign file
(another schema, another folder's) is set aside and built anew; until a full build has
compared it with the store (`complete`), the overview says it is being built. Erasing
removes the rows, overwrites their pages (secure_delete) and empties the log: erased means
erased here too."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from app.core.access import Scope
from app.store.facts import kept_pages, listing, tables
from app.store.facts.backlog import Backlog
from app.store.facts.rows import Fact, unscored
from app.store.facts.sql import chunks, placeholders
from app.store.facts.sqlite_file import FILE, SCHEMA, Open, Sqlite, connect, inode
from app.store.records import Listed, Summary, Total

__all__ = ["FILE", "SCHEMA", "LocalFacts"]

#: a pending mark older than this is a write that was cut off, not one in progress
CUT_OFF = 60.0


_OPEN: dict[str, Open] = {}
_BACKLOGS: dict[str, Backlog] = {}  # one per index file and process: the marks are per process
_OPEN_LOCK = threading.Lock()
#: the stored revision and overview row of each id asked for, None for one not to list
Current = Callable[[Sequence[str]], Mapping[str, "tuple[int, Mapping[str, Any]] | None"]]


class LocalFacts:
    """The facts index of one data folder."""

    #: a save leaves its row unscored (scoring does not hold the folder's lock): a board
    #: scores the few first, then counts
    saves_score = False

    def __init__(self, data: Path,
                 guard: Callable[[], contextlib.AbstractContextManager[Mapping[str, int]]],
                 empty: Callable[[], bool] = lambda: False,
                 current: Current | None = None,
                 locked: Callable[[], contextlib.AbstractContextManager[object]] | None = None,
                 ) -> None:
        """`guard()` holds the store's lock and gives each assessment's current revision: a
        build's facts go in only for the revision still stored (a save meanwhile wrote its
        own), never for one in the trash or erased meanwhile. `empty()`: the store holds no
        assessment, so a new index is complete from the start (nothing to build).
        `current(ids)` (under the guard) reads the stored revision and overview row of each
        of `ids`, None for one in the trash or gone: what a save's rows are written from,
        under `locked()` (the store's lock alone; the guard by default)."""
        self.path = data / FILE
        self.folder = str(data)
        self.guard = guard
        self.empty = empty
        self.current = current
        self.locked = locked or guard
        with _OPEN_LOCK:
            self._open = _OPEN.setdefault(str(self.path), Open())
            found = _BACKLOGS.get(str(self.path))
            if found is None:
                found = _BACKLOGS[str(self.path)] = Backlog(self.path, self._apply, self._db,
                                                            self.locked)
            # the newest store on the folder reads the files
            found.apply, found.locked = self._apply, self.locked
            self.backlog = found

    @property
    def location(self) -> str:
        return str(self.path)

    # -- the store's writes ----------------------------------------------------------------

    def before_write(self) -> None:
        """Before a save's commit point: a kill from here on is caught up (backlog.py)."""
        try:
            self.backlog.ready()
        except (sqlite3.Error, OSError):
            self._discard()  # a mark that cannot be kept: the index is built anew instead

    def wrote(self, ids: Sequence[str]) -> None:
        """After a save's commit point: the rows of `ids` follow, off the save's path
        (backlog.py)."""
        try:
            self.backlog.add(ids)
        except (sqlite3.Error, OSError):
            self._discard()

    def catch_up(self) -> None:
        """Before a page counts or lists: the saves of this process written, and those of
        a process that stopped before writing its rows written again (backlog.py)."""
        self.backlog.drain()
        try:
            with self._db() as db:
                tokens = [r[0] for r in db.execute("SELECT token FROM overview_writers")]
        except (sqlite3.Error, OSError):
            return  # unreadable: the next write sets it aside, and it is built anew
        dead = self.backlog.dead(tokens)
        if dead:
            self._rewrite_after(dead)

    def _rewrite_after(self, dead: Sequence[str]) -> None:
        """Every assessment whose rows differ from its file, written again; then the dead
        processes' marks out."""
        with self.guard() as revisions, contextlib.suppress(sqlite3.Error, OSError):
            with self._db() as db:
                still = {r[0] for r in db.execute("SELECT token FROM overview_writers")}
                listed = {r[0]: int(r[1]) for r in db.execute(
                    "SELECT id, revision FROM overview_rows")}
            dead = [t for t in dead if t in still]  # another reader may have done it
            if not dead:
                return
            counted = self.revisions()
            ids = {i for i, r in revisions.items() if counted.get(i) != r or listed.get(i) != r}
            ids |= (set(counted) | set(listed)) - set(revisions)
            if ids:
                self._apply(ids)
            with self._write() as ex:
                ex.many("DELETE FROM overview_writers WHERE token = :t", [{"t": t} for t in dead])
            for token in dead:
                self.backlog.forget(token)

    def _apply(self, ids: set[str]) -> None:
        """The rows of `ids` as their files hold them now, under the store's lock: unscored
        facts (scored by the overview when it next counts) and the list's rows; those in the
        trash or gone taken out."""
        if self.current is None:
            return
        with self.locked():  # (held already by a drain: re-entered)
            now = self.current(sorted(ids))
            live = {i: v for i, v in now.items() if v is not None}
            gone = [i for i, v in now.items() if v is None]

            def write(ex: tables.Executor) -> None:
                if live:
                    there = self._revisions_of(ex, list(live))
                    tables.put(ex, [unscored(i, r) for i, (r, _) in live.items()
                                    if there.get(i) != r])  # a scored row of it stays
                    listing.put(ex, [row for _, row in live.values()])
                    ex.many("DELETE FROM overview_pending WHERE id = :id AND revision <= :r",
                            [{"id": i, "r": r} for i, (r, _) in live.items()])
                if gone:
                    tables.drop(ex, gone)
                    listing.drop(ex, gone)
                    ex.many("DELETE FROM overview_pending WHERE id = :id",
                            [{"id": i} for i in gone])
            self._quietly(write)

    @staticmethod
    def _revisions_of(ex: tables.Executor, ids: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for part in chunks(ids):
            marks, params = placeholders("i", part)
            found.update((r[0], int(r[1])) for r in ex.rows(
                f"SELECT id, revision FROM overview_facts WHERE id IN ({marks})", params))
        return found

    def mark(self, pending: Mapping[str, int]) -> None:
        """Before the documents change: these assessments are being written."""
        now = time.time()
        self._quietly(lambda ex: ex.many(
            "INSERT INTO overview_pending (id, revision, at) VALUES (:id, :revision, :at) "
            "ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, at = excluded.at",
            [{"id": i, "revision": r, "at": now} for i, r in pending.items()]))

    def saved(self, facts: Sequence[Fact],
              rows: Sequence[Mapping[str, Any]] = ()) -> None:
        """After the documents changed: the facts and the list's rows (overview.summary_row)
        in, the marks out, in one transaction."""
        def write(ex: tables.Executor) -> None:
            tables.put(ex, facts)
            listing.put(ex, rows)
            ex.many("DELETE FROM overview_pending WHERE id = :id AND revision <= :revision",
                    [{"id": f.id, "revision": f.revision} for f in facts])
        self._quietly(write)

    def dropped(self, ids: Sequence[str], *, erased: bool = False) -> None:
        """To the trash (out of every count) or erased (and out of the file's free pages and
        its log)."""
        def write(ex: tables.Executor) -> None:
            tables.drop(ex, ids)
            listing.drop(ex, ids)
            ex.many("DELETE FROM overview_pending WHERE id = :id", [{"id": i} for i in ids])
        if not self._quietly(write) and erased:
            self._discard()  # it could not be cleaned, so it goes: nothing erased may stay
        elif erased:
            # The log still holds the rows' earlier pages until it is emptied; it cannot be
            # while another connection (the thread writing saves' rows, a reader) is inside
            # a read: then the file goes, as when it cannot be cleaned.
            emptied = False
            with contextlib.suppress(sqlite3.Error), self._db() as db:
                for _ in range(20):
                    busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                    if not busy:
                        emptied = True
                        break
                    time.sleep(0.01)
            if not emptied:
                self._discard()

    # -- the list's page --------------------------------------------------------------------

    def page(self, query: str, status: str | None, limit: int, offset: int,
             exclude: Sequence[str], scope: Scope | None) -> tuple[list[Listed], Total] | None:
        """The page from the index; None when the index cannot be trusted for it (never
        filled from the store, or a write cut off since it was): then the store lists.
        Shown again with nothing written: the page kept (kept_pages.py); else one read
        transaction of the rows, their total and the trust (listing.page)."""
        for _ in range(2):  # a second look after writing again what a stopped process saved
            self.backlog.drain()
            key = (query, status, limit, offset, tuple(exclude), scope)
            try:
                with self._db() as db:
                    at = kept_pages.stamp(db)  # before the read: a later commit is seen next
                    kept = kept_pages.recall(self._open, key, at)
                    if kept is not None:
                        return kept
                    db.execute("BEGIN")  # the trust, the rows and their total: one view
                    try:
                        read = listing.page(Sqlite(db), query, status, limit, offset,
                                            exclude, scope, self.folder, time.time() - CUT_OFF)
                    finally:
                        db.execute("COMMIT")
            except sqlite3.Error:
                return None  # unreadable: the store lists, and the next write sets it aside
            if not read.filled or read.cut:
                return None
            dead = self.backlog.dead(read.writers)
            if not dead:
                found = read.rows, read.total
                if not read.pending and set(read.writers) <= {self.backlog.token}:
                    kept_pages.keep(self._open, key, at, found)
                return found
            self._rewrite_after(dead)
        return None

    def fill_rows(self, rows: Sequence[Summary]) -> None:
        """Every row of the list anew, from the store's listing (call under the store's lock:
        no save can come between)."""
        def write(ex: tables.Executor) -> None:
            listing.fill(ex, rows)
            ex.many("INSERT INTO overview_meta (key, value) VALUES (:k, :v) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [{"k": "rows", "v": self.folder}, {"k": "rows_at", "v": str(time.time())}])
        self._quietly(write)

    # -- the build -------------------------------------------------------------------------

    def complete(self) -> bool:
        with self._db() as db:
            row = db.execute("SELECT value FROM overview_meta WHERE key = 'complete'").fetchone()
        return bool(row and row[0] == self.folder)

    def state(self, stamp: str) -> tuple[bool, list[str]]:
        """complete() and stale(): a page view's one look before counting."""
        self.catch_up()
        done = self.complete()
        return done, self.stale(stamp) if done else []

    def set_complete(self) -> None:
        with self._write() as ex:
            ex.run("INSERT INTO overview_meta (key, value) VALUES ('complete', :v) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", {"v": self.folder})

    def stale(self, stamp: str) -> list[str]:
        """Ids to score again: rows of other questionnaires (or none), and writes cut off."""
        cut_off = time.time() - CUT_OFF
        with self._db() as db:
            ids = [r[0] for r in db.execute(
                "SELECT id FROM overview_facts WHERE stamp < :s OR stamp > :s", {"s": stamp})]
            ids += [r[0] for r in db.execute(
                "SELECT id FROM overview_pending WHERE at < :t", {"t": cut_off})]
        return sorted(set(ids))

    def revisions(self) -> dict[str, int]:
        with self._db() as db:
            return {r[0]: int(r[1]) for r in db.execute(
                "SELECT id, revision FROM overview_facts")}

    def put(self, facts: Sequence[Fact], *, link: bool = False) -> None:
        with self.guard() as current, self._write() as ex:
            facts = [f for f in facts if current.get(f.id) == f.revision]
            tables.put(ex, facts, link=link)
            ex.many("DELETE FROM overview_pending WHERE id = :id AND revision <= :revision",
                    [{"id": f.id, "revision": f.revision} for f in facts])

    def drop(self, ids: Sequence[str]) -> None:
        with self._write() as ex:
            tables.drop(ex, ids)
            ex.many("DELETE FROM overview_pending WHERE id = :id", [{"id": i} for i in ids])

    def link_all(self) -> None:
        with self._write() as ex:
            tables.link_all(ex)

    def forget_pending(self, ids: Sequence[str]) -> None:
        """Marks of writes cut off, once the build has looked at those assessments again
        (a mark younger than CUT_OFF may be a write in progress: it stays)."""
        cut_off = time.time() - CUT_OFF
        with self._write() as ex:
            ex.many("DELETE FROM overview_pending WHERE id = :id AND at < :t",
                    [{"id": i, "t": cut_off} for i in ids])

    @contextlib.contextmanager
    def reading(self) -> Iterator[tables.Executor]:
        """A consistent view for the counts (one read transaction), with this process's
        saves in it, and those of a process that stopped first (catch_up)."""
        self.catch_up()
        with self._reading() as ex:
            yield ex

    @contextlib.contextmanager
    def _reading(self) -> Iterator[tables.Executor]:
        with self._db() as db:
            db.execute("BEGIN")
            try:
                yield Sqlite(db)
            finally:
                db.execute("COMMIT")

    # -- the file --------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[tables.Executor]:
        with self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield Sqlite(db)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _quietly(self, write: Any) -> bool:
        """A write for the store: never fails a save. An index that could not take it is
        set aside, to be built anew (its state is then unknown)."""
        try:
            with self._write() as ex:
                write(ex)
            return True
        except (sqlite3.Error, OSError):
            self._discard()
            return False

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        handle = self._open
        now = inode(self.path)
        if handle.db is None or now != handle.inode:  # none yet, or the file replaced
            self._close(handle)
            new = now is None and self.empty()
            handle.db = connect(self.path)
            handle.inode = inode(self.path)
            handle.pages.clear()  # read from another file, or from this one before
            if new:  # nothing to build, nothing to list
                handle.db.executemany("INSERT INTO overview_meta (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO NOTHING",
                                      [("complete", self.folder), ("rows", self.folder)])
        yield handle.db

    def _discard(self) -> None:
        self._close(self._open)
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.path}{suffix}")

    @staticmethod
    def _close(handle: Open) -> None:
        if handle.db is not None:
            with contextlib.suppress(sqlite3.Error):
                handle.db.close()
        handle.db, handle.inode = None, None
