"""Moving assessments between installations: one JSON file out, validated files in.

An export file:

    {"format": "bka-export/1", "exported": "2026-11-23T10:00:00+00:00",
     "assessments": [<Assessment.model_dump(mode="json")>, ...]}

An import also takes one assessment in the interchange form (YAML or JSON, docs/FORMAT.md).
It is read and validated completely before anything is written, so a file that is not ours,
is cut short or comes from a newer version changes nothing. Then every assessment is compared
with the stored one of the same id:

    created    not stored here yet (or the file gives no id): stored as new
    updated    the file's copy is newer (higher revision, changed no earlier): replaces it
    skipped    the same content is stored already
    conflicts  the stored copy is newer, both were changed, or it is another assessment with
               the same id, or it is in the trash: NOT applied, shown to the user, who may
               choose to take the file's copy (`take_incoming`)

A replaced assessment keeps its earlier content in the revision history, so even a chosen
overwrite can be undone.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from app.core.catalog import Catalog
from app.core.exclusive import RecordClash, record_clashes
from app.core.models.assessment import Assessment
from app.store.attachment_exchange import restore_files
from app.store.changes import canonical, content_hash, diff
from app.store.errors import ImportRaced, ImportRejected
from app.store.export_write import (
    EXPORT_FAMILY,
    EXPORT_FORMAT,
    PART,
    export_bytes,
    export_document,
    export_file,
    write_export,
)
from app.store.import_read import Incoming, read_import, read_incoming
from app.store.protocol import AssessmentStore

# The names callers use: the exchange is one place to them, whatever module does the work.
__all__ = ["EXPORT_FAMILY", "EXPORT_FORMAT", "ImportItem", "ImportRejected", "ImportResult",
           "Incoming", "apply_import", "export_bytes", "export_document", "export_file",
           "import_bytes", "import_file", "import_stream", "plan_import", "read_import",
           "read_incoming", "write_export"]

_RETRIES = 3  # a plan is redone when an assessment changes between comparing and writing


@dataclass(frozen=True)
class ImportItem:
    """One assessment of an import file and what happened to it (or would)."""

    id: str | None  #: None: the file gave no id, a new one is given when stored
    title: str
    reason: str = ""  #: for conflicts: why it was not applied
    stored_revision: int | None = None
    incoming_revision: int | None = None
    #: for conflicts: "trash", "other" (another assessment under the id), "differs"
    kind: str = ""
    #: for conflicts: what differs, as "decision.title", "answers.affects_children", ...
    differences: tuple[str, ...] = ()


@dataclass
class ImportResult:
    created: list[ImportItem] = field(default_factory=list)
    updated: list[ImportItem] = field(default_factory=list)  #: the file's copy, as chosen
    skipped: list[ImportItem] = field(default_factory=list)  #: identical to the stored copy
    conflicts: list[ImportItem] = field(default_factory=list)  #: not applied
    applied: bool = False  #: False for a preview (apply=False)
    #: answers in the file that choose "none of these" beside another option: imported as
    #: the file holds them (a record is never changed on the way in), and said, so the
    #: person corrects them in the form (app/core/exclusive.py)
    contradictions: list[RecordClash] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return len(self.created) + len(self.updated)


# -- comparing and applying ------------------------------------------------------------------


def plan_import(store: AssessmentStore, assessments: Sequence[Assessment]) -> ImportResult:
    """What importing would do, without writing anything."""
    result = ImportResult()
    in_trash = {s.id for s in store.deleted()}
    known = _stored(store, {a.id: a for a in assessments if a.id}, in_trash)
    for incoming in assessments:
        item = ImportItem(incoming.id, incoming.decision.title,
                          incoming_revision=incoming.revision)
        stored = known.get(incoming.id) if incoming.id is not None else None
        if stored is None:
            result.created.append(item)
            continue
        item = ImportItem(incoming.id, incoming.decision.title,
                          stored_revision=stored.revision, incoming_revision=incoming.revision)
        changes = [] if stored.copy is None else diff(
            canonical(stored.copy.model_dump(mode="json")),
            canonical(incoming.model_dump(mode="json")))
        if stored.copy is None or not changes:
            result.skipped.append(item)
            continue
        # Never decided by the file's word: a higher revision or a later date in a file is
        # no proof that it is newer (a file can say anything, and two copies can both have
        # moved on). A stored id with other content is always the person's choice: keep
        # the stored one, replace it after seeing the differences, or import as new.
        kind, reason = _conflict(stored.copy, incoming, incoming.id in in_trash)
        result.conflicts.append(replace(
            item, reason=reason, kind=kind,
            differences=tuple(dict.fromkeys(".".join(map(str, c.path)) for c in changes))))
    return result


@dataclass(frozen=True)
class _Stored:
    """The stored copy of an id the file names, as far as the plan needs it."""

    revision: int
    copy: Assessment | None  #: None: the same content as the file's (equal content hashes)


def _stored(store: AssessmentStore, incoming: dict[str, Assessment],
            in_trash: Collection[str]) -> dict[str, _Stored]:
    """The stored copies of the ids a file names, read in parts of PART (one query each in
    the database, one file each in the local store). A copy whose content hash equals the
    file's is not kept: most of a re-import is unchanged, and those need no field-by-field
    comparison."""
    live = store.revision_map()
    wanted = [i for i in incoming if i in live]
    found: dict[str, _Stored] = {}
    for start in range(0, len(wanted), PART):
        for copy in store.get_many(wanted[start:start + PART]):
            if copy.id:
                found[copy.id] = _compared(copy, incoming[copy.id])
    for i in incoming:
        if i in in_trash:
            found[i] = _compared(store.get(i, include_deleted=True), incoming[i])
    return found


def _compared(copy: Assessment, incoming: Assessment) -> _Stored:
    same = (content_hash(copy.model_dump(mode="json"))
            == content_hash(incoming.model_dump(mode="json")))
    return _Stored(copy.revision, None if same else copy)


def _conflict(stored: Assessment, incoming: Assessment, trashed: bool) -> tuple[str, str]:
    """What kind of conflict the file's copy is with the stored one, and why, in words."""
    if trashed:
        return "trash", "the stored copy is in the trash; restore it first to compare"
    if stored.created and incoming.created and _utc(stored.created) != _utc(incoming.created):
        return "other", ("a different assessment with the same id is stored here (created "
                         f"{_day(stored.created)}, the file's {_day(incoming.created)})")
    return "differs", (f"the file's copy differs from the stored one (revision "
                       f"{stored.revision} here, {incoming.revision} in the file; the file's "
                       "numbers do not decide which is right)")


def apply_import(store: AssessmentStore, assessments: Sequence[Assessment], editor: str, *,
                 note: str = "", take_incoming: Collection[str] = (),
                 as_new: Collection[str] = ()) -> ImportResult:
    """Compare and write what may be written. A conflict is written only as the person
    chose after seeing it: its id in `take_incoming` (the file's copy replaces the stored
    one, which stays in the history) or in `as_new` (the file's copy stored beside it,
    under a new id)."""
    for attempt in range(_RETRIES):
        result = plan_import(store, assessments)
        chosen = [c for c in result.conflicts if c.id in take_incoming]
        beside = [c for c in result.conflicts if c.id in as_new and c.id not in take_incoming]
        result.conflicts = [c for c in result.conflicts
                            if c.id not in take_incoming and c.id not in as_new]
        result.updated += [_with_reason(c, "the file's copy, as chosen") for c in chosen]
        result.created += [replace(_with_reason(c, "imported as a new assessment, as chosen"),
                                   id=None) for c in beside]
        write_ids = {i.id for i in result.created + result.updated if i.id is not None}
        expected = {i.id: i.stored_revision for i in result.created + result.updated
                    if i.id is not None}
        new_ids = {c.id for c in beside}
        # One call for the whole file, those without an id included: all of it goes in, or
        # (a full disk, a kill) none of it.
        chosen_ones = [a for a in assessments if a.id is None or a.id in write_ids] + [
            a.model_copy(update={"id": None}) for a in assessments if a.id in new_ids]
        if not chosen_ones:  # nothing to write: the store is not even opened for writing
            result.applied = True
            return result
        try:
            store.store_imported(chosen_ones, editor, note=note, expected_revisions=expected)
        except ImportRaced:
            if attempt == _RETRIES - 1:
                raise
            continue
        result.applied = True
        return result
    raise AssertionError("unreachable")  # pragma: no cover


def import_stream(store: AssessmentStore, handle: IO[bytes], name: str, editor: str, *,
                  apply: bool = True, take_incoming: Collection[str] = (),
                  as_new: Collection[str] = (), catalog: Catalog | None = None) -> ImportResult:
    """Read, validate and import a file from a seekable binary handle (read as a stream);
    `apply=False` only previews. With the catalog, assessments this installation cannot
    read are refused (import_check.py)."""
    incoming = read_incoming(handle, name, catalog)
    contradictions = record_clashes(incoming.assessments, catalog) if catalog else []
    if not apply:
        return replace(plan_import(store, incoming.assessments), contradictions=contradictions)
    result = apply_import(store, incoming.assessments, editor, note=f"imported from {name}",
                          take_incoming=take_incoming, as_new=as_new)
    restore_files(store, [i.id for i in result.created + result.updated if i.id],
                  incoming.files)
    result.contradictions = contradictions
    return result


def import_bytes(store: AssessmentStore, data: bytes, name: str, editor: str, *,
                 apply: bool = True, take_incoming: Collection[str] = (),
                 as_new: Collection[str] = (), catalog: Catalog | None = None) -> ImportResult:
    """An uploaded file's bytes imported (see import_stream)."""
    return import_stream(store, io.BytesIO(data), name, editor, apply=apply,
                         take_incoming=take_incoming, as_new=as_new, catalog=catalog)


def import_file(store: AssessmentStore, path: Path, editor: str, *, apply: bool = True,
                take_incoming: Collection[str] = (), as_new: Collection[str] = (),
                catalog: Catalog | None = None) -> ImportResult:
    """A file on disk imported, read as a stream (see import_stream)."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the import
    except OSError as exc:
        raise ImportRejected(str(path), [f"it cannot be read ({exc.strerror})"]) from None
    with handle:
        return import_stream(store, handle, path.name, editor, apply=apply,
                             take_incoming=take_incoming, as_new=as_new, catalog=catalog)


def _with_reason(item: ImportItem, reason: str) -> ImportItem:
    return ImportItem(item.id, item.title, reason, item.stored_revision, item.incoming_revision)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _day(moment: dt.datetime) -> str:
    return _utc(moment).astimezone().strftime("%Y-%m-%d %H:%M")
