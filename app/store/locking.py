"""One lock per data folder: a thread lock for the sessions of this process, a file lock for
other processes.

Streamlit runs every browser session as a thread of one process, so the thread lock must be
shared by every store object opened on the same folder; the registry below hands out one
`SharedFolder` per resolved path. The file lock (filelock, flock on POSIX) keeps a second
process, e.g. `bka import` while the app runs, from interleaving its writes with ours.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from app.store.errors import StoreBusy

LOCK_NAME = ".lock"
LOCK_TIMEOUT = 30.0  # seconds; a save takes milliseconds, so this only trips on a hung process
POLL_INTERVAL = 0.002  # filelock polls a non-blocking flock; the default 50 ms is a slow save


class SharedFolder:
    """What every store on one data folder in this process shares: the lock and read caches."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._thread_lock = threading.RLock()
        self._file_lock = FileLock(str(folder / LOCK_NAME), thread_local=False)
        self.cache: dict[str, Any] = {}  # derived read data, guarded by cache_lock
        self.cache_lock = threading.Lock()
        self.swept = False  # leftovers of cut-off writes removed (on the first lock taken)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold both locks; re-entrant within a thread, so helpers may lock again."""
        with self._thread_lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            try:
                self._file_lock.acquire(timeout=LOCK_TIMEOUT, poll_interval=POLL_INTERVAL)
            except Timeout:
                raise StoreBusy(self.folder / LOCK_NAME, LOCK_TIMEOUT) from None
            try:
                if not self.swept:
                    from app.store.cleanup import sweep  # here: cleanup knows the layout

                    sweep(self.folder)
                    self.swept = True
                yield
            finally:
                self._file_lock.release()


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
