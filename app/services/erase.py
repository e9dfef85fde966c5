"""Erase an assessment for good: the record and its history (the store's purge), and with it
the children's collections and the letters back that belong to it. Erased means erased: the
files' previous copies, kept for repairs, must not hold the erased data either."""

from __future__ import annotations

from pathlib import Path

from app.core.models.child_letter import record_id
from app.store.atomic import previous_copy, write_atomic
from app.store.child_collections import ChildCollectionStore
from app.store.errors import NotFound
from app.store.layout import data_dir
from app.store.protocol import AssessmentStore

LANGUAGES = ("sv", "en")


def erase_for_good(store: AssessmentStore, assessment_id: str,
                   folder: Path | str | None = None) -> None:
    """Purge the assessment (it must be in the trash), then everything children gave for it."""
    store.purge(assessment_id)
    from app.services.dashboard_facts import erase as erase_facts  # the overview's kept figures

    erase_facts(Path(folder) if folder is not None else data_dir(), assessment_id)
    collections = ChildCollectionStore(folder)
    for collection in collections.of_assessment(assessment_id):
        if collection.id is not None:
            collections.delete(collection.id)
    _forget_previous(collections.path)
    from app.store.child_letters import letter_store  # the letters: beside the collections

    letters = letter_store(folder)
    path: Path | None = getattr(letters, "path", None)  # None: rows of the database
    if path is None or path.is_file():
        for lang in LANGUAGES:
            try:
                letters.delete(record_id(assessment_id, lang))
            except NotFound:
                continue
        _forget_previous(path)


def _forget_previous(path: Path | None) -> None:
    """Make the repair copy the same as the file: the state before the erase is gone (the
    database keeps no repair copies: nothing to do there)."""
    if path is None:
        return
    previous = previous_copy(path)
    if not previous.exists():
        return
    if path.is_file():
        write_atomic(previous, path.read_bytes(), keep_previous=False)
    else:
        # The store removes a file whose last record went, keeping its repair copy: that copy
        # is the erased state itself, so it goes too.
        previous.unlink()
