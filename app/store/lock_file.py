"""An exclusive lock on a file, held across threads, polled until a deadline.

The folder lock takes two of these per save (the turnstile and the lock itself, see
locking.py). filelock's general lock cost ~0.2 ms per take and release in Python (thread and
fork bookkeeping, opening the file each time), about half an fsync on a fast disk; a save
is measured against one fsync'd write, so here the lock file stays open and a take is one
non-blocking `flock` call. Where `fcntl` does not exist (Windows), filelock does the job.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from filelock import FileLock, Timeout

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["LockFile", "Timeout"]


class LockFile:
    """Not re-entrant and not for two threads at once: SharedFolder orders its threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._pid = 0  # the process that opened _fd: a forked child opens its own
        self._fallback = FileLock(str(path), thread_local=False) if fcntl is None else None

    def acquire(self, timeout: float, poll_interval: float) -> None:
        """Take the lock, or raise Timeout after `timeout` seconds; OSError when the file
        cannot be made (a read-only folder)."""
        if self._fallback is not None:
            self._fallback.acquire(timeout=timeout, poll_interval=poll_interval)
            return
        fd = self._open()
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                pass
            if time.monotonic() >= deadline:
                raise Timeout(str(self.path))
            time.sleep(poll_interval)

    def release(self) -> None:
        if self._fallback is not None:
            self._fallback.release()
        elif self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def __del__(self) -> None:  # a SharedFolder dropped (tests make "another process" so)
        if self._fd is not None and self._pid == os.getpid():
            os.close(self._fd)

    def _open(self) -> int:
        # After a fork the inherited descriptor shares its lock with the parent: the child
        # opens the file anew, so parent and child exclude each other as two processes do.
        if self._fd is None or self._pid != os.getpid():
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            self._pid = os.getpid()
        return self._fd
