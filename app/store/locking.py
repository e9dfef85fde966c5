"""One lock per data folder, fair to every writer: the threads of this process in the order
they asked, and the processes on the folder in turn.

Streamlit runs every browser session as a thread of one process, so the thread side must be
shared by every store object opened on the same folder; the registry below hands out one
`SharedFolder` per resolved path. A file lock (filelock, flock on POSIX) keeps other
processes, e.g. `bka import` while the app runs, from interleaving their writes with ours.

Why not a plain RLock and one file lock: neither is fair. A thread releasing the lock took it
again before the waiting ones woke, and a process releasing the file lock took it again
before the others' next poll; with two other writing processes the app's threads got 19 %
of the saves and waited up to 12 s. So:

- threads queue first come, first served (`_enter`);
- processes pass a turnstile, a second file lock held only while waiting for the main one:
  a process that has just released the main lock must queue at the turnstile behind the
  one already waiting there, so the main lock goes to the waiter, not back to the releaser;
- a process that got the main lock keeps it for the threads that were queued when it got
  it (each writer is served once per round, as in one queue of every writer of every
  process), but for at most KEEP seconds, so no other process waits much longer than that.
  Threads that arrive during the turn wait for the next one.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.store.errors import StoreBusy, WriteFailed
from app.store.lock_file import LockFile, Timeout

LOCK_NAME = ".lock"
TURNSTILE_NAME = ".lock-turnstile"
LOCK_TIMEOUT = 30.0  # seconds; a save takes milliseconds, so this only trips on a hung process
POLL_INTERVAL = 0.001  # filelock polls a non-blocking flock; its default 50 ms is a slow save
KEEP = 0.5  # seconds one turn of a process may last at most


class SharedFolder:
    """What every store on one data folder in this process shares: the lock and read caches."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._file_lock = LockFile(folder / LOCK_NAME)
        self._turnstile = LockFile(folder / TURNSTILE_NAME)
        self._gate = threading.Condition(threading.Lock())
        self._owner: int | None = None  # thread holding the folder
        self._depth = 0  # re-entries of the owner
        self._queue: deque[int] = deque()  # threads waiting, in order of arrival
        self._file_held = False
        self._held_since = 0.0
        self._turn_left = 0  # threads still to be served in this process's turn
        self.cache: dict[str, Any] = {}  # derived read data, guarded by cache_lock
        self.cache_lock = threading.Lock()
        self.swept = False  # leftovers of cut-off writes removed (on the first lock taken)
        self.read_only = False  # the lock files could not be made: the folder is read-only

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder; re-entrant within a thread, so helpers may lock again."""
        me = threading.get_ident()
        with self._gate:
            if self._owner == me:
                self._depth += 1
                nested = True
            else:
                nested = False
        if nested:
            try:
                yield
            finally:
                with self._gate:
                    self._depth -= 1
            return
        deadline = time.monotonic() + LOCK_TIMEOUT
        self._enter(me, deadline)
        try:
            if not self._file_held:
                self._take_file_lock(deadline)
            if not self.swept and not self.read_only:
                from app.store.cleanup import sweep  # here: cleanup knows the layout

                sweep(self.folder)
                self.swept = True
            yield
        finally:
            self._leave()

    def _enter(self, me: int, deadline: float) -> None:
        with self._gate:
            self._queue.append(me)
            while self._owner is not None or self._queue[0] != me:
                left = deadline - time.monotonic()
                if left <= 0:
                    self._queue.remove(me)
                    self._gate.notify_all()
                    raise StoreBusy(self.folder / LOCK_NAME, LOCK_TIMEOUT)
                self._gate.wait(left)
            self._queue.popleft()
            self._owner, self._depth = me, 1

    def _take_file_lock(self, deadline: float) -> None:
        try:
            self._acquire(deadline)
        except OSError as exc:
            failed = exc if isinstance(exc, WriteFailed) else WriteFailed(
                Path(exc.filename or self.folder / LOCK_NAME), exc)
            if not failed.read_only:
                raise failed from exc
            # A folder this process may not write: no one writes through this process, and
            # every write elsewhere is a whole-file rename, so reading without the lock
            # reads a whole file. Each write still fails on its own, and says so in words
            # (WriteFailed, read_only), like a full disk.
            self.read_only = True

    def _acquire(self, deadline: float) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self._turnstile.acquire(timeout=max(0.0, deadline - time.monotonic()),
                                    poll_interval=POLL_INTERVAL)
            try:
                self._file_lock.acquire(timeout=max(0.0, deadline - time.monotonic()),
                                        poll_interval=POLL_INTERVAL)
            finally:
                self._turnstile.release()
        except Timeout:
            raise StoreBusy(self.folder / LOCK_NAME, LOCK_TIMEOUT) from None
        self._file_held = True
        self._held_since = time.monotonic()
        with self._gate:
            self._turn_left = len(self._queue)  # those already waiting behind this thread

    def _leave(self) -> None:
        with self._gate:
            keep = (self._file_held and bool(self._queue) and self._turn_left > 0
                    and time.monotonic() - self._held_since < KEEP)
            self._turn_left -= 1
            if self._file_held and not keep:
                self._file_lock.release()
                self._file_held = False
            self._owner, self._depth = None, 0
            self._gate.notify_all()


_registry: dict[str, SharedFolder] = {}
_registry_lock = threading.Lock()


def shared_folder(folder: Path) -> SharedFolder:
    """The one SharedFolder of this process for `folder` (compared after resolving the path)."""
    key = str(folder.resolve())
    with _registry_lock:
        state = _registry.get(key)
        if state is None:
            state = _registry[key] = SharedFolder(Path(key))
        return state
