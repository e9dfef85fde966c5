"""The loaded catalogue kept on disk between processes, used while its sources are unchanged.

Loading the shipped questionnaires, articles and law from YAML (keeping every line number,
checking every condition and reference) takes a new process ~0.2 s: more than the rest of
`bka report -o x.html`. The loaded Catalog is pickled to a private cache folder under a key
made of every source file's name and content and of the core's code files (a changed model
must never read an old pickle), so a second process unpickles it in a few ms. Content, not
modification times: a file put back with its old size and time (a copy that keeps times, a
restored backup) still counts as changed. Hashing the ~1 MB of sources costs ~3 ms.

The file carries a digest of its own bytes, checked before anything is unpickled: a cache
file cut short or changed on disk is never read as a catalogue. Anything odd (no cache
folder, a damaged or foreign file) falls back to loading the YAML, silently, and the copy is
written again; a broken questionnaire raises as before and is never cached. Only shipped
files are kept here (questionnaires, articles, law, the shipped fictional examples): nothing
a user typed, nothing about a child.

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
MAGIC = b"bka-kept-1\n"  #: what a kept file starts with, then the digest of the rest
DIGEST = 32
KEEP = 4  #: copies of different sources kept side by side


def cache_folder() -> Path:
    configured = os.environ.get("BKA_CACHE_DIR", "").strip()
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "bka"


def key_of(roots: Iterable[Path]) -> str:
    """A digest of every source file under `roots` (its path and its bytes) and of Python's
    version."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    for root in roots:
        for path in sorted(_sources(str(root))):
            with open(path, "rb") as handle:
                data = handle.read()
            digest.update(f"{path}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def _sources(folder: str) -> Iterable[str]:
    """Every source file under `folder` (os.scandir: a Path per file costs more than the rest
    of the key)."""
    try:
        entries = os.scandir(folder)
    except FileNotFoundError:  # an installation without that folder (no examples shipped)
        return
    with entries:
        for entry in entries:
            if entry.is_dir() and not entry.name.startswith(("_", ".")):
                yield from _sources(entry.path)
            elif os.path.splitext(entry.name)[1] in SOURCES:
                yield entry.path


def kept(roots: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`'s result, from the cache when nothing under `roots` changed since it was kept."""
    try:
        folder = cache_folder()
        target = folder / f"{PREFIX}{key_of(roots)}{SUFFIX}"
    except OSError:
        return build()
    # Any unreadable, damaged or foreign file: load the YAML (and keep a good copy again).
    with contextlib.suppress(Exception):
        return _read(target)  # type: ignore[return-value]
    value = build()
    # Not kept (a full disk, a value that does not pickle): the next process loads again.
    with contextlib.suppress(Exception):
        _keep(folder, target, value)
    return value


class Damaged(Exception):
    """A kept file whose bytes are not the ones written."""


def _read(target: Path) -> object:
    """The value in a kept file, unpickled only when its digest matches its bytes."""
    with open(target, "rb") as handle:
        data = handle.read()
    head, body = data[:len(MAGIC) + DIGEST], data[len(MAGIC) + DIGEST:]
    if head != MAGIC + hashlib.blake2b(body, digest_size=DIGEST).digest():
        raise Damaged(target)
    return pickle.loads(body)


def _keep(folder: Path, target: Path, value: object) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + hashlib.blake2b(body, digest_size=DIGEST).digest() + body)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    # Earlier sources' copies are dropped, all but the newest few: two installations of
    # different versions on one account (or two checkouts) each keep theirs instead of
    # replacing each other's at every start.
    copies = sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), key=_written, reverse=True)
    for old in copies[KEEP:]:
        if old != target:
            with contextlib.suppress(OSError):
                old.unlink()


def _written(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
