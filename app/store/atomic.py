"""Replacing a file so that a crash at any instant leaves either the old or the new content.

The recipe: write a temporary file in the same folder, flush and fsync it, keep the current
file as NAME.prev (a hard link, so no bytes are copied), os.replace the temporary file over the
name, then fsync the folder so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

from app.store import graves
from app.store.errors import WriteFailed

TEMP_SUFFIX = ".tmp"
PREVIOUS_SUFFIX = ".prev"
GRAVE = "-old"  # in the name of a replaced .prev copy waiting to be freed (graves.py)


def previous_copy(path: Path) -> Path:
    """Where the content a file had before its last replacement is kept."""
    return path.with_name(path.name + PREVIOUS_SUFFIX)


def write_atomic(path: Path, data: bytes, *, keep_previous: bool = True,
                 durable: bool = True) -> None:
    """Put `data` at `path` all at once; on any failure the old file is untouched.

    A failure of the system (a full disk above all) is raised as WriteFailed, which says in
    plain words that nothing was saved; it is an OSError too.
    """
    with _failing_as_write(path):
        _write(path, data, keep_previous=keep_previous, durable=durable)


def write_atomic_stream(path: Path, produce: Callable[[IO[bytes]], None], *,
                        keep_previous: bool = True, durable: bool = True) -> None:
    """As write_atomic, with the content written by `produce(handle)` piece by piece (an
    export of 130 MB is never one bytes object in memory)."""
    with _failing_as_write(path):
        _write(path, produce, keep_previous=keep_previous, durable=durable)


@contextlib.contextmanager
def _failing_as_write(path: Path) -> Iterator[None]:
    """A failure of the system becomes WriteFailed, in plain words (one already is, passes)."""
    try:
        yield
    except WriteFailed:
        raise
    except OSError as exc:
        raise WriteFailed(path, exc) from exc


def _write(path: Path, data: bytes | Callable[[IO[bytes]], None], *, keep_previous: bool,
           durable: bool) -> None:
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except FileNotFoundError:  # first file in a new folder (checked lazily: a syscall saved)
        _make_folders(folder, durable=durable)
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if keep_previous:
            _keep_previous(path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        fsync_folder(folder)


def remove_atomic(path: Path, *, keep_previous: bool = True, durable: bool = True) -> None:
    """Remove the file at `path`, its content kept as NAME.prev (when asked), as a write
    would keep it; the folder is fsynced so the removal survives a power cut."""
    with _failing_as_write(path):
        if keep_previous:
            _keep_previous(path)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        if durable:
            fsync_folder(path.parent)


def is_temp_of(name: str, target: str | None = None) -> bool:
    """Whether `name` is a temporary file of this recipe (of the file `target`, if given)."""
    prefix = f".{target}." if target is not None else "."
    return name.startswith(prefix) and name.endswith(TEMP_SUFFIX)


def remove_temp_files(folder: Path, target: str | None = None, *,
                      graves_too: bool = True) -> int:
    """Remove the temporary files left in `folder` (of `target` only, if given) by writes
    that were cut off; return how many. Call only while holding the lock under which those
    files are written: a temporary file of a write in progress would be removed too. They
    matter beyond disk space: a cut-off write's temporary file holds data, also data that
    was later erased."""
    removed = 0
    try:
        with os.scandir(folder) as entries:
            stale = [e.path for e in entries if is_temp_of(e.name, target) and e.is_file()
                     and (graves_too or not e.name.endswith(GRAVE + TEMP_SUFFIX))]
    except (FileNotFoundError, NotADirectoryError):
        return 0
    for stale_path in stale:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(stale_path)
            removed += 1
    return removed


def _keep_previous(path: Path) -> None:
    """Make NAME.prev the current content of NAME, if there is one.

    A hard link costs no copying: the old copy is moved aside under a temporary name and the
    current file linked in its place. (Linking under a temporary name and renaming it over
    NAME.prev cost a rename that frees the old copy, which on ext4 took a fifth of a save.)
    Freeing the old copy's blocks is the slow part (0.4-1 ms, more than the rest of the
    recipe, and it joins the journal commit of the save's fsync): `graves` does it after the
    save, off its path. A crash between the two leaves no NAME.prev for a moment that NAME
    itself is still whole and unchanged: only the repair copy of the state before is
    missing, never a state. A crash before the old copy is freed leaves a temporary file,
    which the next process's sweep removes (cleanup.py). Where links are not supported
    (some network shares) the bytes are copied to a temporary name and renamed into place.
    """
    target = previous_copy(path)
    grave = path.with_name(f".{target.name}.{secrets.token_hex(6)}{GRAVE}{TEMP_SUFFIX}")
    try:
        os.rename(target, grave)
        graves.bury(grave)
    except FileNotFoundError:
        pass
    try:
        os.link(path, target)
        return
    except FileNotFoundError:
        return  # nothing there yet
    except FileExistsError:
        pass  # put there meanwhile by another program: replaced below, as a copy
    except OSError:
        pass
    tmp = path.with_name(f".{target.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
    try:
        shutil.copy2(path, tmp)
    except FileNotFoundError:
        return
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _make_folders(folder: Path, *, durable: bool) -> None:
    """Create `folder` and missing parents; fsync each parent that got a new entry, so the
    new folder (and the file about to go in it) survives a power cut too."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        if durable:
            fsync_folder(new.parent)


def fsync_folder(folder: Path) -> None:
    """Persist a folder's entries (a rename); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sync_all(paths: Sequence[Path]) -> None:
    """Make files written without fsync durable, with their folders' entries: many files at
    once. The first fsync commits the file system's journal with all of them, so the rest
    cost little (an fsync per file as each is written would cost seconds per hundred)."""
    try:
        for path in paths:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        for folder in sorted({f for p in paths for f in (p.parent, p.parent.parent)}):
            fsync_folder(folder)  # and the folders' own folders: a shard folder may be new
    except OSError as exc:
        raise WriteFailed(Path(exc.filename or paths[0]), exc) from exc
