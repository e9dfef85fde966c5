"""Leftovers of writes that were cut off (a kill, a power cut, a full disk), removed.

Every file is written as a temporary file beside it and renamed into place (atomic.py); a
process killed between the two leaves the temporary file behind. It does no harm to what is
stored, but it holds data: also an assessment that was later erased for good. So the first
process to take a data folder's lock removes every such file of the store, and each write
removes those of the file it replaces (json_storage.py).

Backups are zipped outside the lock (backups.py), so their leftovers are removed only once
they are clearly abandoned.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path

from app.store.atomic import is_temp_of, remove_temp_files
from app.store.backups import BACKUPS, STAGING_PREFIX

ABANDONED = 15 * 60  # seconds: a backup still being zipped after this long is not
NOT_OURS = {"preferences.json"}  # written outside the lock, so never swept while in use


def sweep(data: Path) -> int:
    """Remove the store's leftover temporary files in `data`; call holding the folder lock."""
    removed = 0
    root = data / "assessments"
    if root.is_dir():
        for folder, _dirs, _files in os.walk(root):
            removed += remove_temp_files(Path(folder))
    removed += _sweep_root(data)
    removed += _sweep_backups(data / BACKUPS)
    return removed


def _sweep_root(data: Path) -> int:
    """Temporary files of the collections (meetings.json, ...) in the folder itself."""
    removed = 0
    try:
        with os.scandir(data) as entries:
            names = [e.name for e in entries if e.is_file() and is_temp_of(e.name)]
    except FileNotFoundError:
        return 0
    for name in names:
        if any(is_temp_of(name, other) for other in NOT_OURS):
            continue
        with contextlib.suppress(FileNotFoundError):
            (data / name).unlink()
            removed += 1
    return removed


def _sweep_backups(backups: Path) -> int:
    removed = 0
    cutoff = time.time() - ABANDONED
    try:
        with os.scandir(backups) as entries:
            stale = [(e.path, e.is_dir()) for e in entries
                     if (e.name.startswith(STAGING_PREFIX) or is_temp_of(e.name))
                     and e.stat().st_mtime < cutoff]
    except FileNotFoundError:
        return 0
    for path, is_dir in stale:
        if is_dir:
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        removed += 1
    return removed
