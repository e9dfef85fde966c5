"""Files an erase must reach beside the records: the reports kept on an assessment, and the
copies kept for repairs (NAME.prev), which would otherwise still hold what was removed."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence
from pathlib import Path

from app.core.models.assessment import ReportRecord
from app.store import graves
from app.store.atomic import previous_copy, write_atomic


def same_previous(path: Path) -> None:
    """The copy kept for repairs made the same as the file: the earlier state, with what was
    removed, is gone."""
    graves.reap()  # the copies before it, renamed aside, hold it too
    previous = previous_copy(path)
    if path.is_file() and previous.exists():
        write_atomic(previous, path.read_bytes(), keep_previous=False)


def remove_reports(records: Sequence[ReportRecord]) -> None:
    """Delete the PDFs recorded on an assessment being erased: they hold its text, and its
    title is in their names. A file at a recorded path whose content is no longer the
    recorded one (replaced by something else since) is left alone."""
    for record in records:
        path = Path(record.path)
        try:
            data = path.read_bytes()
        except OSError:
            continue  # moved or removed already
        if hashlib.sha256(data).hexdigest() == record.sha256:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
