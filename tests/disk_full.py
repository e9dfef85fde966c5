"""A disk that fills up: after a number of files written, every write fails with ENOSPC.

`fill_after` patches the two functions every write of the store goes through (a file
replaced, a save's line appended to a journal), so it works anywhere (CI without root
included); `small_disk` mounts a real tmpfs of a few hundred KB where the test runs as root
and the kernel allows it, and skips otherwise.
"""

from __future__ import annotations

import errno
import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from app.store import atomic, history_journal
from app.store.errors import WriteFailed


def fill_after(monkeypatch: pytest.MonkeyPatch, allowed: int) -> list[Path]:
    """From the (allowed+1)-th file on, writing fails as on a full disk; returns the files
    that were written before."""
    written: list[Path] = []
    real = atomic._write

    def write(path: Path, data: bytes, **kwargs: Any) -> None:
        if len(written) >= allowed:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path, data, **kwargs)
        written.append(path)

    real_commit = history_journal.commit

    def commit(path: Path, entry: dict[str, Any], corrupted: Any) -> Any:
        if len(written) >= allowed:
            raise WriteFailed(path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path)))
        done = real_commit(path, entry, corrupted)
        written.append(path)
        return done

    monkeypatch.setattr(atomic, "_write", write)
    monkeypatch.setattr(history_journal, "commit", commit)
    return written


@contextmanager
def small_disk(parent: Path, size_kb: int) -> Iterator[Path]:
    """A real file system of `size_kb` KB mounted under `parent` (root only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mount = parent / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        mount.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        mount.rmdir()
