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
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.core.catalog import Catalog
from app.core.document.attachment import ATTACHMENT_NAME, NoAttachment, attached_assessment, is_pdf
from app.core.errors import LoadError
from app.core.import_check import readable_problems
from app.core.jsonsource import parse_json
from app.core.loading import parse_assessment
from app.core.models.assessment import FORMAT as ASSESSMENT_FORMAT
from app.core.models.assessment import Assessment
from app.core.shown import shown_only
from app.core.yamlsource import Source, parse_yaml
from app.store.atomic import write_atomic
from app.store.attachment_exchange import KEY as FILES_KEY
from app.store.attachment_exchange import export_files, files_in, restore_files
from app.store.changes import canonical, diff
from app.store.errors import ImportRaced
from app.store.layout import SAFE_ID
from app.store.protocol import AssessmentStore

EXPORT_FORMAT = "bka-export/1"
EXPORT_FAMILY = "bka-export/"
_RETRIES = 3  # a plan is redone when an assessment changes between comparing and writing


class ImportRejected(Exception):
    """The file cannot be imported; nothing was changed. `problems` holds one line each."""

    def __init__(self, file: str, problems: list[str]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(f"{file} cannot be imported, and nothing was changed: "
                         + "; ".join(problems))


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

    @property
    def changed(self) -> int:
        return len(self.created) + len(self.updated)


# -- export ----------------------------------------------------------------------------------


def export_document(assessments: Sequence[Assessment], now: dt.datetime | None = None,
                    catalog: Catalog | None = None) -> dict[str, object]:
    """The export of `assessments`, each with its shown answers only (app/core/shown.py):
    given the catalog, an answer its questionnaire's conditions hide does not leave."""
    moment = now or dt.datetime.now(dt.UTC)
    kept = [shown_only(a, catalog) for a in assessments] if catalog else list(assessments)
    return {"format": EXPORT_FORMAT, "exported": moment.isoformat(timespec="seconds"),
            "assessments": [a.model_dump(mode="json") for a in kept]}


def export_bytes(store: AssessmentStore, ids: Sequence[str] | None = None,
                 catalog: Catalog | None = None) -> bytes:
    """An export file's bytes (for a download button): `ids`, or every assessment not in the
    trash when None; given the catalog (every caller in the app gives it), shown answers only.
    """
    chosen = [s.id for s in store.list()] if ids is None else list(ids)
    assessments = store.get_many(chosen)
    document = export_document(assessments, catalog=catalog)
    files = export_files(store, assessments)  # the attached files' bytes travel along
    if files:
        document[FILES_KEY] = files
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def export_file(store: AssessmentStore, path: Path, ids: Sequence[str] | None = None,
                catalog: Catalog | None = None) -> Path:
    write_atomic(path, export_bytes(store, ids, catalog), keep_previous=False)
    return path


# -- reading an import file ------------------------------------------------------------------


def read_import(data: bytes, name: str, catalog: Catalog | None = None) -> list[Assessment]:
    """The assessments of an export file or of one interchange file; ImportRejected if the
    file is not one of ours, is damaged, or is from a newer version, or (given the catalog)
    if an assessment's questionnaire, version or question ids are not known here."""
    if not data.strip():
        raise ImportRejected(name, ["the file is empty"])
    if is_pdf(data):  # a report made by bka carries its assessment as an attachment
        try:
            data = attached_assessment(data)
        except NoAttachment as exc:
            raise ImportRejected(name, [str(exc)]) from None
        name = f"{name} ({ATTACHMENT_NAME})"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(name, ["it is not a text file (an export is JSON, an assessment "
                                    "JSON or YAML)"]) from None
    source = _parse(text, name)
    content = source.data
    if isinstance(content, dict) and "assessments" in content and "format" not in content:
        raise ImportRejected(name, ["it has no 'format' key, so it is not a BKA export file"])
    fmt = content.get("format") if isinstance(content, dict) else None
    if isinstance(fmt, str) and fmt.startswith(EXPORT_FAMILY):
        parsed = _export_contents(content, fmt, source)
    elif isinstance(content, dict) and fmt in (None, ASSESSMENT_FORMAT) \
            and {"questionnaire", "decision"} <= set(content):
        parsed = [(_one(source, name), source)]
    elif isinstance(fmt, str) and fmt.startswith("bka-assessment/"):
        parsed = [(_one(source, name), source)]  # the core's message says "newer version"
    else:
        raise ImportRejected(name, ["it is neither a BKA export file (format bka-export/1) "
                                    "nor an assessment file (format bka-assessment/1)"])
    assessments = [a for a, _ in parsed]
    _check_ids(assessments, name)
    if catalog is not None:
        problems = [str(p) for a, src in parsed for p in readable_problems(a, catalog, src)]
        if problems:
            raise ImportRejected(name, problems)
    return assessments


def _parse(text: str, name: str) -> Source:
    stripped = text.lstrip()
    try:
        if name.lower().endswith(".json") or stripped.startswith(("{", "[")):
            return parse_json(text, name, cut_short_message=True)
        # An assessment file has no use for aliases; refusing them all stops alias bombs.
        return parse_yaml(text, name, aliases=0)
    except LoadError as exc:
        raise ImportRejected(name, [str(p) for p in exc.problems]) from None


def _export_contents(content: dict[str, object], fmt: str,
                     source: Source) -> list[tuple[Assessment, Source]]:
    name = source.file
    if fmt != EXPORT_FORMAT:
        raise ImportRejected(name, [f"it is in format {fmt}, made by a newer version of this "
                                    f"tool; this version reads {EXPORT_FORMAT}"])
    items = content.get("assessments")
    if not isinstance(items, list):
        raise ImportRejected(name, ["'assessments' is missing or not a list"])
    assessments, problems = [], []
    for n, item in enumerate(items, 1):
        item_source = Source(f"{name}, assessment {n}", item)
        try:
            assessments.append((parse_assessment(item_source), item_source))
        except LoadError as exc:
            problems += [str(p) for p in exc.problems]
    if problems:
        raise ImportRejected(name, problems)
    return assessments


def _one(source: Source, name: str) -> Assessment:
    try:
        return parse_assessment(source)
    except LoadError as exc:
        raise ImportRejected(name, [str(p) for p in exc.problems]) from None


def _check_ids(assessments: list[Assessment], name: str) -> None:
    problems, seen = [], set()
    for a in assessments:
        if a.id is None:
            continue
        if not SAFE_ID.match(a.id):
            problems.append(f"the id {a.id!r} is not a valid id (letters, digits, - and _, "
                            "at most 64); remove it to import the assessment as a new one")
        elif a.id in seen:
            problems.append(f"the id {a.id} appears twice in the file")
        seen.add(a.id)
    if problems:
        raise ImportRejected(name, problems)


# -- comparing and applying ------------------------------------------------------------------


def plan_import(store: AssessmentStore, assessments: Sequence[Assessment]) -> ImportResult:
    """What importing would do, without writing anything."""
    result = ImportResult()
    in_trash = {s.id for s in store.deleted()}
    known = _stored(store, [a.id for a in assessments if a.id], in_trash)
    for incoming in assessments:
        item = ImportItem(incoming.id, incoming.decision.title,
                          incoming_revision=incoming.revision)
        stored = known.get(incoming.id) if incoming.id is not None else None
        if stored is None:
            result.created.append(item)
            continue
        item = ImportItem(incoming.id, incoming.decision.title,
                          stored_revision=stored.revision, incoming_revision=incoming.revision)
        changes = diff(canonical(stored.model_dump(mode="json")),
                       canonical(incoming.model_dump(mode="json")))
        if not changes:
            result.skipped.append(item)
            continue
        # Never decided by the file's word: a higher revision or a later date in a file is
        # no proof that it is newer (a file can say anything, and two copies can both have
        # moved on). A stored id with other content is always the person's choice: keep
        # the stored one, replace it after seeing the differences, or import as new.
        kind, reason = _conflict(stored, incoming, incoming.id in in_trash)
        result.conflicts.append(replace(
            item, reason=reason, kind=kind,
            differences=tuple(dict.fromkeys(".".join(map(str, c.path)) for c in changes))))
    return result


def _stored(store: AssessmentStore, ids: Sequence[str],
            in_trash: Collection[str]) -> dict[str, Assessment]:
    """The stored copies of the ids a file names, read in parts of 500 (one query each in
    the database) instead of one read per assessment."""
    live = store.revision_map()
    wanted = [i for i in dict.fromkeys(ids) if i in live]
    found: dict[str, Assessment] = {}
    for start in range(0, len(wanted), 500):
        found.update((a.id or "", a) for a in store.get_many(wanted[start:start + 500]))
    for i in dict.fromkeys(ids):
        if i in in_trash:
            found[i] = store.get(i, include_deleted=True)
    return found


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
        try:
            store.store_imported(chosen_ones, editor, note=note, expected_revisions=expected)
        except ImportRaced:
            if attempt == _RETRIES - 1:
                raise
            continue
        result.applied = True
        return result
    raise AssertionError("unreachable")  # pragma: no cover


def import_bytes(store: AssessmentStore, data: bytes, name: str, editor: str, *,
                 apply: bool = True, take_incoming: Collection[str] = (),
                 as_new: Collection[str] = (), catalog: Catalog | None = None) -> ImportResult:
    """Read, validate and import an uploaded file; `apply=False` only previews. With the
    catalog, assessments this installation cannot read are refused (import_check.py)."""
    assessments = read_import(data, name, catalog)
    if not apply:
        return plan_import(store, assessments)
    result = apply_import(store, assessments, editor, note=f"imported from {name}",
                          take_incoming=take_incoming, as_new=as_new)
    restore_files(store, [i.id for i in result.created + result.updated if i.id],
                  files_in(data))
    return result


def import_file(store: AssessmentStore, path: Path, editor: str, *, apply: bool = True,
                take_incoming: Collection[str] = (), as_new: Collection[str] = (),
                catalog: Catalog | None = None) -> ImportResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected(str(path), [f"it cannot be read ({exc.strerror})"]) from None
    return import_bytes(store, data, path.name, editor, apply=apply, take_incoming=take_incoming,
                        as_new=as_new, catalog=catalog)


def _with_reason(item: ImportItem, reason: str) -> ImportItem:
    return ImportItem(item.id, item.title, reason, item.stored_revision, item.incoming_revision)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _day(moment: dt.datetime) -> str:
    return _utc(moment).astimezone().strftime("%Y-%m-%d %H:%M")
