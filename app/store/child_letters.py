"""The official's edits of the letters to the children: `<data>/child_letters.json`, or rows
of the database's records table in server mode, beside the children's collections."""

from __future__ import annotations

from pathlib import Path

from app.core.models.child_letter import LetterRecord
from app.store.factory import RecordCollection, open_collection
from app.store.kinds import LETTERS

NAME = LETTERS


def letter_store(folder: Path | str | None) -> RecordCollection[LetterRecord]:
    return open_collection(LetterRecord, NAME, folder)
