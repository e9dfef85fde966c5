"""The local store's facts index: one SQLite file beside the data folder's documents
(`.overview-index.sqlite3`; the leading dot keeps it out of backups, which hold records, not
what is derived from them). WAL mode: readers never wait for the writer, and a write is one
append to the log, not a rewrite of the file.

It is kept by the store's writes, under the store's lock: before the documents change, the
assessment is marked pending (id and the revision being written); after, its facts replace
the row and the mark goes, in one transaction. A write cut off between the two leaves the
mark, and the next build looks at that assessment again. A missing, damaged or foreign file
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
from app.store.facts import listing, shape, tables
from app.store.facts.rows import Fact
from app.store.records import Summary, Total

FILE = ".overview-index.sqlite3"
SCHEMA = "bka-overview-index/3"

DDL = shape.script("sqlite") + """
CREATE TABLE IF NOT EXISTS overview_pending (
  id TEXT PRIMARY KEY, revision INTEGER NOT NULL, at REAL NOT NULL);
""" + listing.DDL
#: a pending mark older than this is a write that was cut off, not one in progress
CUT_OFF = 60.0


class _Sqlite:
    """tables.Executor over one sqlite3 connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def rows(self, statement: str, params: Mapping[str, Any] | None = None,
             ) -> list[tuple[Any, ...]]:
        return self.db.execute(statement, dict(params or {})).fetchall()

    def run(self, statement: str, params: Mapping[str, Any] | None = None) -> None:
        self.db.execute(statement, dict(params or {}))

    def many(self, statement: str, params: Sequence[Mapping[str, Any]]) -> None:
        self.db.executemany(statement, [dict(p) for p in params])


class _Open(threading.local):
    """A connection per file and thread (WAL lets one thread count while another writes; a
    sqlite3 connection is not to be shared by threads)."""

    def __init__(self) -> None:
        self.db: sqlite3.Connection | None = None
        self.inode: int | None = None


_OPEN: dict[str, _Open] = {}
_OPEN_LOCK = threading.Lock()


class LocalFacts:
    """The facts index of one data folder."""

    #: a save leaves its row unscored (scoring does not hold the folder's lock): a board
    #: scores the few first, then counts
    saves_score = False

    def __init__(self, data: Path,
                 guard: Callable[[], contextlib.AbstractContextManager[Mapping[str, int]]],
                 empty: Callable[[], bool] = lambda: False) -> None:
        """`guard()` holds the store's lock and gives each assessment's current revision: a
        build's facts go in only for the revision still stored (a save meanwhile wrote its
        own), never for one in the trash or erased meanwhile. `empty()`: the store holds no
        assessment, so a new index is complete from the start (nothing to build)."""
        self.path = data / FILE
        self.folder = str(data)
        self.guard = guard
        self.empty = empty
        with _OPEN_LOCK:
            self._open = _OPEN.setdefault(str(self.path), _Open())

    @property
    def location(self) -> str:
        return str(self.path)

    # -- the store's writes ----------------------------------------------------------------

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
            with contextlib.suppress(sqlite3.Error), self._db() as db:
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- the list's page --------------------------------------------------------------------

    def page(self, query: str, status: str | None, limit: int, offset: int,
             exclude: Sequence[str], scope: Scope | None) -> tuple[list[Summary], Total] | None:
        """The page from the index; None when the index cannot be trusted for it (never
        filled from the store, or a write cut off since it was): then the store lists."""
        cut_off = time.time() - CUT_OFF
        with contextlib.suppress(sqlite3.Error), self.reading() as ex:
            meta = dict(ex.rows("SELECT key, value FROM overview_meta "
                                "WHERE key IN ('rows', 'rows_at')"))
            if meta.get("rows") != self.folder:
                return None
            if ex.rows("SELECT 1 FROM overview_pending WHERE at < :t AND at > :filled "
                       "LIMIT 1", {"t": cut_off, "filled": float(meta.get("rows_at", 0))}):
                return None
            return listing.page(ex, query, status, limit, offset, exclude, scope)
        return None  # unreadable: the store lists, and the next write sets it aside

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
        """A consistent view for the counts (one read transaction)."""
        with self._db() as db:
            db.execute("BEGIN")
            try:
                yield _Sqlite(db)
            finally:
                db.execute("COMMIT")

    # -- the file --------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[tables.Executor]:
        with self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield _Sqlite(db)
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
        inode = _inode(self.path)
        if handle.db is None or inode != handle.inode:  # none yet, or the file replaced
            self._close(handle)
            new = inode is None and self.empty()
            handle.db = _connect(self.path)
            handle.inode = _inode(self.path)
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
    def _close(handle: _Open) -> None:
        if handle.db is not None:
            with contextlib.suppress(sqlite3.Error):
                handle.db.close()
        handle.db, handle.inode = None, None


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except FileNotFoundError:
        return None


def _schema(db: sqlite3.Connection) -> tuple[str] | None:
    try:
        row: tuple[str] | None = db.execute(
            "SELECT value FROM overview_meta WHERE key = 'schema'").fetchone()
        return row
    except sqlite3.OperationalError:  # no such table: a new file
        return None


def _connect(path: Path) -> sqlite3.Connection:
    """Open (creating or replacing a file that is not ours) in WAL mode."""
    for attempt in range(2):
        try:
            db = sqlite3.connect(path, timeout=30, isolation_level=None,
                                 check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # derived data: a lost tail is rebuilt
            db.execute("PRAGMA secure_delete=ON")
            row = _schema(db)
            if row is None:
                db.executescript(DDL)
                row = _schema(db)
            if row is None:
                db.execute("INSERT INTO overview_meta (key, value) VALUES ('schema', ?) "
                           "ON CONFLICT (key) DO NOTHING", (SCHEMA,))
            elif row[0] != SCHEMA:
                raise sqlite3.DatabaseError(f"an index of another schema ({row[0]})")
            return db
        except sqlite3.DatabaseError:
            if attempt:
                raise
            with contextlib.suppress(NameError, sqlite3.Error):
                db.close()
            for suffix in ("", "-wal", "-shm"):  # derived data: set aside, built anew
                with contextlib.suppress(OSError):
                    os.unlink(f"{path}{suffix}")
    raise AssertionError("unreachable")
