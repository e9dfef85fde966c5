"""What each file of the store must hold, checked whole on every read.

A file that is valid JSON of the wrong shape (`{}`, a field of the wrong type, a record that
claims another id or belongs in another shard) is as damaged as one cut short: reading it as
"no assessments" would make them vanish from the overview, and the next save into it would
replace the file and its `.prev`, the last good copy. So every reader checks the whole file
against these models and raises StoreCorrupted naming it; nothing is written over it.

The checks take a `corrupted(reason)` callback that builds the StoreCorrupted, so the same
code checks the live files and the copies a backup is about to archive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from app.core.models.assessment import Assessment
from app.store.errors import StoreCorrupted
from app.store.layout import LEGACY_FORMAT, SAFE_ID, STORE_FORMAT, shard_of
from app.store.records import Revision

DOCS = "assessments"  # the one table of a document file
HISTORY = "revisions"  # the one table of a history file
STORE_FAMILY = "bka-store/"
Corrupted = Callable[[str], StoreCorrupted]
Tables = Mapping[str, Mapping[str, Any]]


class Trash(BaseModel):
    """Where a deleted assessment's wrapper says when and by whom it went to the trash."""

    model_config = ConfigDict(extra="forbid")

    at: dt.datetime
    by: str = ""


class StoredDoc(BaseModel):
    """One document of a document file: the assessment and the store's bookkeeping."""

    model_config = ConfigDict(extra="forbid")

    id: str
    assessment: Assessment
    updated_by: str = ""
    trash: Trash | None = None
    #: the revisions whose journal lines may not be on disk yet, the document's own last
    pending: list[Revision] = []


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "the record"
    return f"{where}: {first['msg']}"


def only_table(tables: Tables | None, name: str, corrupted: Corrupted) -> Mapping[str, Any]:
    """The documents of a file that must hold exactly the table `name` (none if no file)."""
    if tables is None:
        return {}
    if name not in tables:
        found = ", ".join(repr(t) for t in tables) or "none"
        raise corrupted(f"it holds no '{name}' table (tables found: {found}), so it is not a "
                        "file this store wrote")
    extra = sorted(set(tables) - {name})
    if extra:
        raise corrupted(f"it holds tables this store never writes: {', '.join(extra)}")
    return tables[name]


def check_doc_file(tables: Tables | None, assessment_id: str,
                   corrupted: Corrupted) -> tuple[dict[str, Any], Assessment] | None:
    """The one document of docs/<shard>/<id>.json (raw and as a model), checked; None when
    there is no file. The store removes a file rather than empty it, so an empty table is
    records lost, not deleted."""
    if tables is None:
        return None
    docs = only_table(tables, DOCS, corrupted)
    if len(docs) != 1:
        raise corrupted(f"it holds {len(docs)} documents; a file of this store holds exactly "
                        "one assessment")
    raw, models = check_docs(tables, shard_of(assessment_id), corrupted)
    [(doc_id, doc)] = raw.items()
    if doc["id"] != assessment_id:
        raise corrupted(f"it holds assessment {doc['id']}, not {assessment_id} whose file it is")
    carried = [check_revision(e, assessment_id, corrupted) for e in doc.get("pending") or []]
    numbers = [e["revision"] for e in carried]
    if numbers and (numbers != sorted(set(numbers))
                    or numbers[-1] != doc["assessment"]["revision"]):
        raise corrupted(f"assessment {assessment_id} claims revision "
                        f"{doc['assessment']['revision']}, which its history never recorded "
                        f"(it carries revisions {numbers})")
    return doc, models[doc_id]


def check_docs(tables: Tables | None, shard: str,
               corrupted: Corrupted) -> tuple[dict[int, dict[str, Any]], dict[int, Assessment]]:
    """The documents of a document file of `shard` (raw and as models), every one checked."""
    raw: dict[int, dict[str, Any]] = {}
    models: dict[int, Assessment] = {}
    seen: dict[str, str] = {}
    for doc_id, doc in only_table(tables, DOCS, corrupted).items():
        label = f"document {doc_id}"
        try:
            stored = StoredDoc.model_validate(doc)
        except ValidationError as exc:
            ident = doc.get("id") if isinstance(doc, dict) else None
            name = f"assessment {ident}" if isinstance(ident, str) else label
            raise corrupted(f"{name} does not fit the stored format "
                            f"({_first_error(exc)})") from None
        if not SAFE_ID.match(stored.id):
            raise corrupted(f"{label} has the id {stored.id!r}, which this store never gives")
        if shard_of(stored.id) != shard:
            raise corrupted(f"{label} claims the id {stored.id}, which belongs in "
                            f"shard {shard_of(stored.id)}, not in this file")
        if stored.assessment.id != stored.id:
            raise corrupted(f"{label} is filed as {stored.id} but its assessment says "
                            f"{stored.assessment.id!r}")
        if stored.assessment.revision < 1:
            raise corrupted(f"assessment {stored.id} has revision {stored.assessment.revision}; "
                            "a stored one has 1 or more")
        if stored.id in seen:
            raise corrupted(f"assessment {stored.id} is stored twice (documents {seen[stored.id]} "
                            f"and {doc_id})")
        seen[stored.id] = doc_id
        raw[int(doc_id)] = doc
        models[int(doc_id)] = stored.assessment
    return raw, models


def check_revision(doc: Any, assessment_id: str, corrupted: Corrupted) -> dict[str, Any]:
    """One entry of an assessment's history (a line of its journal, or of a legacy chunk)."""
    try:
        entry = Revision.model_validate(doc)
    except ValidationError as exc:
        raise corrupted(f"a revision entry is not a revision record "
                        f"({_first_error(exc)})") from None
    if entry.assessment_id != assessment_id:
        raise corrupted(f"revision entry {entry.revision} belongs to assessment "
                        f"{entry.assessment_id}, not to {assessment_id} whose history this is")
    return dict(doc)


def check_marker(found: object, corrupted: Corrupted) -> str | None:
    """The marker's format when it is one of ours; None when it is ours (the current one, or
    the first, which opening moves to the current layout: migration.py).

    A format of the store family other than ours is a newer version's (UnsupportedStore,
    raised by the caller); anything else is not a marker at all.
    """
    fmt = found.get("format") if isinstance(found, dict) else None
    if isinstance(fmt, str) and fmt.startswith(STORE_FAMILY):
        return None if fmt in (STORE_FORMAT, LEGACY_FORMAT) else fmt
    raise corrupted(f"it is not the marker this tool writes ({{\"format\": \"{STORE_FORMAT}\"}})")
