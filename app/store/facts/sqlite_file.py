"""The local index's SQLite file: its schema, one connection per thread, and opening it in
WAL mode (a file that is not ours, or of another schema, is set aside and made anew: the
index is derived data). local.py keeps the rows in it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from app.store.facts import backlog, listing, shape
from app.store.records import Listed, Total

FILE = ".overview-index.sqlite3"
SCHEMA = "bka-overview-index/3"

DDL = shape.script("sqlite") + """
CREATE TABLE IF NOT EXISTS overview_pending (
  id TEXT PRIMARY KEY, revision INTEGER NOT NULL, at REAL NOT NULL);
""" + listing.DDL + backlog.DDL


class Sqlite:
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


class Open(threading.local):
    """A connection per file and thread (WAL lets one thread count while another writes; a
    sqlite3 connection is not to be shared by threads)."""

    def __init__(self) -> None:
        self.db: sqlite3.Connection | None = None
        self.inode: int | None = None
        #: pages of the list read through this connection, with the state they were read at
        self.pages: dict[object, tuple[object, tuple[tuple[Listed, ...], Total]]] = {}


def inode(path: Path) -> int | None:
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


def connect(path: Path) -> sqlite3.Connection:
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
            db.executescript(backlog.DDL)  # a file made before these were
            listing.ensure_counts(db)
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
