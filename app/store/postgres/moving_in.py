"""`bka migrate --to postgresql://...`: a local data folder moved into the database.

Every assessment (those in the trash too) goes over with its id, revision, times, last editor,
trash mark and whole history; meetings, workshops, children's collections (with every child's
answers) and the letters' edits with their ids and revisions. Each
assessment is its own transaction, so a run cut off midway leaves whole assessments only, and
the next run carries on. What is already in the database exactly as in the folder is left
alone (a second run changes nothing); what differs there (changed on the server since) is
never overwritten: it is reported as a conflict.

Afterwards every moved item is read back from the database and compared with the folder by a
SHA-256 of its canonical JSON (document, editor, trash mark, every revision), and the counts
of assessments, revisions and records must match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.models.case import UploadedCase
from app.core.models.child_collection import ChildCollection
from app.core.models.child_letter import LetterRecord
from app.core.models.meeting import Meeting
from app.core.models.workshop import Workshop
from app.store.entries import Entry, record_hash
from app.store.errors import StoreError
from app.store.kinds import COLLECTIONS, LETTERS, UPLOADED_CASES


@dataclass
class Moved:
    """What happened to one kind of thing."""

    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  #: differs in the database: not touched
    checked: int = 0  #: read back and found equal by hash


@dataclass
class MoveReport:
    assessments: Moved = field(default_factory=Moved)
    revisions: int = 0  #: revisions of the moved assessments, equal in folder and database
    meetings: Moved = field(default_factory=Moved)
    workshops: Moved = field(default_factory=Moved)
    collections: Moved = field(default_factory=Moved)  #: children's collections and answers
    letters: Moved = field(default_factory=Moved)  #: the official's edits of the letters
    cases: Moved = field(default_factory=Moved)  #: workshop cases trainers uploaded

    @property
    def conflicts(self) -> int:
        return sum(len(m.conflicts) for m in (self.assessments, self.meetings, self.workshops,
                                              self.collections, self.letters, self.cases))


def local_entries(folder: Path) -> list[Entry]:
    """Every assessment of the folder, the trash included, with its history."""
    from app.store.tinydb_store import TinyDBAssessmentStore

    store = TinyDBAssessmentStore(folder)
    entries = []
    for row in [*store.list(), *store.deleted()]:
        entries.append(Entry(store.get(row.id, include_deleted=True), row.updated_by,
                             row.deleted_at, row.deleted_by, tuple(store.revisions(row.id))))
    return entries


def move_in(folder: Path | str, url: str) -> MoveReport:
    """Copy the folder into the database, then check everything moved by hash and count."""
    from app.store.collection import Collection
    from app.store.postgres.collection import PostgresCollection
    from app.store.postgres.store import PostgresAssessmentStore

    folder = Path(folder)
    if not (folder / "assessments").is_dir() and not any(
            (folder / f"{n}.json").is_file() for n in ("meetings", "workshops", COLLECTIONS)):
        raise StoreError(f"There is no data folder at {folder.resolve()} (no assessments, "
                         "meetings or workshops in it); give the right one with --data-dir.")
    target = PostgresAssessmentStore(url)
    report = MoveReport()
    entries = local_entries(folder) if (folder / "assessments").is_dir() else []
    for entry in entries:
        outcome = target.put_exact(entry)
        getattr(report.assessments, outcome).append(entry.assessment.id or "")
    moved = set(report.assessments.created) | set(report.assessments.unchanged)
    for entry in entries:  # read back: the database now says exactly what the folder says
        if entry.assessment.id not in moved:
            continue
        there = target.entry(entry.assessment.id or "")
        if there.digest() != entry.digest():
            raise StoreError(f"Assessment {entry.assessment.id} reads back from the database "
                             "differently from the folder; stop and tell IT (nothing in the "
                             "folder was changed).")
        report.assessments.checked += 1
        report.revisions += len(there.history)
    expected = sum(len(e.history) for e in entries if e.assessment.id in moved)
    if report.revisions != expected or report.assessments.checked != len(moved):
        raise StoreError(f"The database holds {report.revisions} revisions of the moved "
                         f"assessments, the folder {expected}; stop and tell IT.")
    for name, model, moved_kind in (("meetings", Meeting, report.meetings),
                                    ("workshops", Workshop, report.workshops),
                                    (COLLECTIONS, ChildCollection, report.collections),
                                    (LETTERS, LetterRecord, report.letters),
                                    (UPLOADED_CASES, UploadedCase, report.cases)):
        if not (folder / f"{name}.json").is_file():
            continue
        local: Sequence[Any] = Collection(model, name, folder).all()  # type: ignore[type-var]
        remote: PostgresCollection[Any] = PostgresCollection(model, name, url)
        for record in local:
            getattr(moved_kind, remote.put_exact(record)).append(record.id)
        for record in local:
            if record.id in moved_kind.conflicts:
                continue
            if record_hash(remote.get(record.id)) != record_hash(record):
                raise StoreError(f"The record {record.id} of {name} reads back from the database "
                                 "differently from the folder; stop and tell IT.")
            moved_kind.checked += 1
    return report
