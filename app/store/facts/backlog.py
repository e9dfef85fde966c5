"""The local index catching up with the store's saves, off the save's path.

A save acknowledges once the store's own file is durable (the commit point); the index is
derived from the files, so a save only names the assessment it wrote here (`add`, in
memory). A thread of the process writes the index rows of what was named, soon after, in
one transaction for every save meanwhile; a reader in this process (the overview's page, its
counts) writes what waits itself first (`drain`), so a page never shows less than its own
process saved.

What a kill cannot take away: before its first save a process puts a mark of its own in the
index (`overview_writers`, committed with a full fsync) and holds a lock on a file named
after it (`.overview-index-writers/<token>`) for as long as it lives; on a clean exit it
writes what waits and takes the mark out. A mark whose lock no one holds is a process that
stopped with saves perhaps not in the index (a kill, a power cut): the next reader compares
the index with the store's files and writes again every assessment whose revision differs
(`dead`), before it counts or lists. So a fact is never lost, and no page counts from an
index that is behind without the overview saying so (the rows written again are scored in
the background, with the page showing its progress)."""

from __future__ import annotations

import atexit
import contextlib
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: marks are left to the clean exit
    fcntl = None  # type: ignore[assignment]

DDL = """
CREATE TABLE IF NOT EXISTS overview_writers (token TEXT PRIMARY KEY, pid INTEGER NOT NULL);
"""
FOLDER = ".overview-index-writers"  # in the data folder: <folder>/<token>
RETRY = 1.0  # seconds before the thread tries again after a failed write

Apply = Callable[[set[str]], None]  # write the rows of these ids (under the store's lock)


class Backlog:
    """The assessments saved in this process whose rows are not in the index yet."""

    def __init__(self, index: Path, apply: Apply,
                 connect: Callable[[], contextlib.AbstractContextManager[sqlite3.Connection]],
                 locked: Callable[[], contextlib.AbstractContextManager[object]]) -> None:
        """`apply(ids)` writes the rows of ids, called under `locked()` (the store's lock:
        rows are written from the files as they are, and no save comes between)."""
        self.index = index
        self.apply = apply
        self.connect = connect
        self.locked = locked
        self.token: str | None = None
        self._fd: int | None = None
        self._waiting: set[str] = set()
        self._unwritten = 0  # ids added and not yet committed to the index
        self._cond = threading.Condition(threading.Lock())
        self._thread: threading.Thread | None = None

    # -- the save's side -------------------------------------------------------------------

    def ready(self) -> None:
        """Before a save's commit point: this process's mark is in the index."""
        if self.token is None:
            self._register()

    def add(self, ids: Iterable[str]) -> None:
        """Assessments just written (the store's file is durable): their rows follow."""
        self.ready()
        with self._cond:
            fresh = set(ids) - self._waiting
            self._waiting |= fresh
            self._unwritten += len(fresh)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                name="bka-overview-backlog")
                self._thread.start()
            self._cond.notify()

    def drain(self) -> None:
        """Every row waiting written when this returns (by this thread, or by the one that
        had taken them: the store's lock is taken first, so it waits for that write)."""
        if not self._unwritten:  # nothing added, or all of it committed
            return
        with self.locked():
            with self._cond:
                due, self._waiting = self._waiting, set()
            if not due:
                return
            try:
                self.apply(due)
            except BaseException:
                with self._cond:
                    self._waiting |= due  # tried again by the next drain
                raise
            with self._cond:
                self._unwritten -= len(due)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._waiting:
                    self._cond.wait()
            try:
                self.drain()
            except Exception:  # noqa: BLE001 - kept waiting; readers try again and report
                time.sleep(RETRY)

    # -- the marks -------------------------------------------------------------------------

    def _register(self) -> None:
        """This process's mark, durable before its first save goes on."""
        token = secrets.token_hex(8)
        folder = self.index.parent / FOLDER
        folder.mkdir(exist_ok=True)
        fd = os.open(folder / token, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a new file: no one else has it
        with self.connect() as db:
            db.execute("PRAGMA synchronous=FULL")
            try:
                db.execute("INSERT INTO overview_writers (token, pid) VALUES (?, ?)",
                           (token, os.getpid()))
            finally:
                db.execute("PRAGMA synchronous=NORMAL")
        self.token, self._fd = token, fd
        atexit.register(self.close)

    def close(self) -> None:
        """A clean exit: every row written, durably, and the mark out."""
        if self.token is None:
            return
        with contextlib.suppress(Exception):
            self.drain()
            with self.connect() as db:
                db.execute("PRAGMA synchronous=FULL")
                db.execute("DELETE FROM overview_writers WHERE token = ?", (self.token,))
                db.execute("PRAGMA synchronous=NORMAL")
            _remove(self.index.parent / FOLDER / self.token)
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
        self.token, self._fd = None, None

    def dead(self, tokens: Iterable[str]) -> list[str]:
        """The marks among `tokens` whose process is gone (no one holds their lock)."""
        gone = []
        for token in tokens:
            if token == self.token:
                continue
            if not _held(self.index.parent / FOLDER / token):
                gone.append(token)
        return gone

    def forget(self, token: str) -> None:
        """A dead process's mark, after its saves were written again (call in a transaction
        of the index, under the store's lock)."""
        _remove(self.index.parent / FOLDER / token)


def _held(path: Path) -> bool:
    if fcntl is None:
        return True  # cannot tell: the mark stays until its process exits cleanly
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot look (read-only folder): taken as alive, nothing is changed
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # also releases the lock taken just now
    return False


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
