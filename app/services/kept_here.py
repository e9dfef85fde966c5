"""Whether this installation keeps any assessments yet, answered without opening a store.

A report of a file in a fresh folder (most `bka report` runs) compares its texts with no other
assessment: asking here first spares it importing the comparison's index and access rules.
"""

from __future__ import annotations

from pathlib import Path

from app.store.factory import database_url
from app.store.layout import data_dir


def assessments_kept(folder: Path | str | None = None) -> bool:
    """A database is configured, or the data folder (`folder`, default $BKA_DATA_DIR or
    ./data) has an assessments folder; nothing is created either way."""
    if database_url():
        return True
    path = Path(folder) if folder is not None else data_dir()
    return (path / "assessments").exists()
