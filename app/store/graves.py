"""Old repair copies (NAME.prev replaced by a save) freed after the save, not inside it.

Unlinking a file's last name frees its blocks, which on ext4 costs 0.4-1 ms and makes the
save's own fsync commit more; a save renames the old copy aside (atomic.py) and hands it
here. One daemon thread per process unlinks what it is handed. `reap()` unlinks everything
still waiting at once: an erase or a redaction calls it, since the old copies hold what is
being removed. A process killed before its thread got to a file leaves it as a temporary
file, which the next process's sweep of the folder removes (cleanup.py), and which the
erase of that assessment removes too (a write removes its file's temporary files).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
from pathlib import Path

_waiting: list[Path] = []
_cond = threading.Condition(threading.Lock())
_thread: threading.Thread | None = None


def bury(path: Path) -> None:
    """Unlink `path` soon, in the background."""
    global _thread
    with _cond:
        _waiting.append(path)
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="bka-store-graves", daemon=True)
            _thread.start()
        _cond.notify()


def reap() -> None:
    """Unlink every file still waiting, now."""
    with _cond:
        due = list(_waiting)
        _waiting.clear()
    _unlink(due)


def _run() -> None:
    while True:
        with _cond:
            while not _waiting:
                _cond.wait()
            due = list(_waiting)
            _waiting.clear()
        _unlink(due)


def _unlink(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):  # gone already (swept, erased): nothing to free
            os.unlink(path)


def _after_fork() -> None:  # the child has no thread: it starts its own when handed a file
    global _thread, _cond
    _thread = None
    _cond = threading.Condition(threading.Lock())


atexit.register(reap)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)
