"""The loaded catalogue kept on disk between processes, used while its sources are unchanged.

Loading the shipped questionnaires, articles and law from YAML (keeping every line number,
checking every condition and reference) takes a new process ~0.1-0.2 s: more than the rest
of `bka report -o x.html`. The loaded Catalog is pickled to a private cache folder under a
key made of every source file's name, size and mtime and of the core's code files (a changed
model must never read an old pickle), so a second process unpickles it in a few ms. Anything
odd (no cache folder, a file that does not load) falls back to loading the YAML; a broken
questionnaire raises as before and is never cached.

The folder: $BKA_CACHE_DIR, else $XDG_CACHE_HOME/bka, else ~/.cache/bka, made private
(0700): only this user's own processes write what is unpickled there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
PREFIX = "catalog-"
SUFFIX = ".pickle"
SOURCES = {".py", ".yaml", ".yml"}  # not __pycache__: compiling must not change the key


def cache_folder() -> Path:
    configured = os.environ.get("BKA_CACHE_DIR", "").strip()
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "bka"


def key_of(roots: Iterable[Path]) -> str:
    """A digest of every file under `roots`: its path, size and mtime, and of Python's version."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    for root in roots:
        for line in sorted(_stats(str(root))):
            digest.update(line.encode())
    return digest.hexdigest()


def _stats(folder: str) -> Iterable[str]:
    """A line per source file under `folder` (os.scandir: a Path per file costs more than
    the rest of the key)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir() and not entry.name.startswith(("_", ".")):
                yield from _stats(entry.path)
            elif os.path.splitext(entry.name)[1] in SOURCES:
                st = entry.stat()
                yield f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\n"


def kept(roots: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`'s result, from the cache when nothing under `roots` changed since it was kept."""
    try:
        folder = cache_folder()
        target = folder / f"{PREFIX}{key_of(roots)}{SUFFIX}"
    except OSError:
        return build()
    # Any unreadable or stale pickle: load the YAML.
    with contextlib.suppress(Exception), open(target, "rb") as handle:
        return pickle.load(handle)  # type: ignore[no-any-return]
    value = build()
    with contextlib.suppress(OSError):
        _keep(folder, target, value)
    return value


def _keep(folder: Path, target: Path, value: object) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    for old in folder.glob(f"{PREFIX}*{SUFFIX}"):  # earlier sources' copies: never read again
        if old != target:
            with contextlib.suppress(OSError):
                old.unlink()
