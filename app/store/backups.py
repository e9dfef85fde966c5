"""Zip backups of a whole data folder, in data/backups/, named by the time they were made.

The snapshot is taken under the folder lock by hard-linking every data file into a staging
folder (milliseconds, even at 10,000 assessments): the store replaces its files rather than
edit them in place, so a link keeps exactly the content it had at that instant. The one
exception is an assessment's journal (history/), which every save appends to: it is copied,
not linked, so the saves after the snapshot stay out of it. Zipping then happens outside the
lock, so saves are not held up while the archive is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import zipfile
from pathlib import Path

from app.core.child_backup import tinydb_for_backup
from app.store.atomic import PREVIOUS_SUFFIX, TEMP_SUFFIX, fsync_folder
from app.store.errors import WriteFailed
from app.store.kinds import COLLECTIONS
from app.store.layout import JOURNAL

BACKUPS = "backups"
PREFIX = "bka-backup-"
STAGING_PREFIX = ".staging-"  # the folder of links a backup is zipped from


def backups_folder(data: Path) -> Path:
    return data / BACKUPS


def list_backups(backups: Path) -> list[Path]:
    """Backup archives, newest first (the names sort by time)."""
    if not backups.is_dir():
        return []
    return sorted(backups.glob(f"{PREFIX}*.zip"), reverse=True)


def newest_backup(backups: Path) -> Path | None:
    found = list_backups(backups)
    return found[0] if found else None


def data_files(data: Path) -> list[Path]:
    """The files a backup holds: everything but backups, locks, temporary and .prev copies."""
    files = []
    for path in sorted(data.rglob("*")):
        rel = path.relative_to(data)
        if rel.parts[0] == BACKUPS or not path.is_file():
            continue
        name = path.name
        if name.startswith(".") or name.endswith((TEMP_SUFFIX, PREVIOUS_SUFFIX)):
            continue
        files.append(path)
    return files


def snapshot(data: Path, staging: Path) -> None:
    """Link (or, where links fail, copy) every data file into `staging`; call under the lock.
    The children's collections are written as a backup may hold them (only the number of
    answers of a collection under five)."""
    for path in data_files(data):
        target = staging / path.relative_to(data)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.name == f"{COLLECTIONS}.json":
            content = json.loads(path.read_bytes())
            target.write_text(json.dumps(tinydb_for_backup(content), ensure_ascii=False),
                              encoding="utf-8")
            continue
        if path.suffix == JOURNAL:  # appended in place by every save: a copy of it now
            shutil.copyfile(path, target)
            continue
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)


def archive(data: Path, staging: Path, now: dt.datetime) -> Path:
    """Zip `staging` into a new timestamped archive in data/backups/ and return its path."""
    backups = backups_folder(data)
    target = _free_name(backups, PREFIX + now.strftime("%Y-%m-%d_%H%M%S"))
    tmp = target.with_name("." + target.name + TEMP_SUFFIX)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(staging.rglob("*")):
                if path.is_file():
                    zf.write(path, path.relative_to(staging).as_posix())
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, WriteFailed):
            raise WriteFailed(target, exc) from exc
        raise
    fsync_folder(backups)
    return target


def _free_name(backups: Path, stem: str) -> Path:
    candidate = backups / f"{stem}.zip"
    n = 2
    while candidate.exists():
        candidate = backups / f"{stem}-{n}.zip"
        n += 1
    return candidate
