"""AssessmentStore on TinyDB JSON files in a local data folder (layout.py shows the files).

Each assessment is a TinyDB file of its own (docs/<shard>/<id>.json) holding one document

    {"id": "3f2a9c1e", "assessment": <Assessment.model_dump(mode="json")>,
     "updated_by": "Anna Berg", "trash": null | {"at": <time>, "by": <name>}}

and its history is a journal beside it (history/<shard>/<id>.jsonl). A change is one
read-modify-write under the folder lock, in this order:
  1. append the revision (who/when/what/before) to the journal, fsynced,
  2. replace the assessment's file atomically (the commit point).
A crash after 1 leaves a revision the document never reached: readers ignore revisions above
the document's, and the next save writes that number again (the later entry wins). So a
save writes the assessment and one line, nothing of its neighbours. The overview's rows are
derived from the files by readers (overview.py). Reads take no lock: every file is replaced
atomically, so a reader sees a whole old or a whole new file.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import json
import secrets
import shutil
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from app.core.access import Scope
from app.core.models.assessment import Assessment, Status
from app.store import backups as backup_files
from app.store import checked_files, history_journal, import_journal, migration, verify
from app.store.atomic import previous_copy, sync_all, write_atomic
from app.store.attachment_files import FOLDER as ATTACHMENTS
from app.store.changes import TRASH, diff
from app.store.doc_file import DocFile
from app.store.edits import EditRules, duplicated, settle
from app.store.errors import (
    ImportRaced,
    NotFound,
    StoreCorrupted,
    StoreError,
    UnsupportedStore,
    WriteFailed,
)
from app.store.facts.local import LocalFacts
from app.store.facts.rows import unscored
from app.store.json_storage import AtomicJSONStorage, current_key, encode
from app.store.layout import SAFE_ID, STORE_FORMAT, Layout, data_dir
from app.store.locking import shared_folder
from app.store.overview import Overview, summary_row
from app.store.records import Action, Change, Revision, Summary
from app.store.redaction import NOTE as REDACTION_NOTE
from app.store.redaction import redaction_changes, scrub_changes, wanted_paths
from app.store.report_files import remove_reports, same_previous
from app.store.shapes import check_marker

Wrapper = dict[str, Any]
PENDING = "pending"  # a document's entries whose journal lines may not be on disk yet
CARRIED_MAX = 8  # entries a document carries at most before the journal is fsynced
CARRIED_BYTES = 2048  # ... or bytes of them: a save stays within 2x the assessment's bytes
Edit = Callable[[Assessment, Wrapper], Assessment | None]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class TinyDBAssessmentStore(EditRules):
    """The local store. Safe for many threads and several processes on one folder."""

    def __init__(self, folder: Path | str | None = None, *, durable: bool = True) -> None:
        """`durable=False` skips fsync: only for throwaway data such as a benchmark's fill."""
        # Resolved once: messages name files by full path, and a later chdir changes nothing.
        self.folder = (Path(folder) if folder is not None else data_dir()).resolve()
        self.layout = Layout(self.folder)
        self.shared = shared_folder(self.folder)
        self.durable = durable
        self.overview = Overview(self.layout, self.shared, self._read_listed)
        #: the council overview's index (facts/local.py)
        self.facts = LocalFacts(self.folder, self._current_revisions,
                                lambda: not self.layout.shards())

    @property
    def location(self) -> str:
        return str(self.folder)

    def storage(self, path: Path, *, keep_previous: bool = True) -> AtomicJSONStorage:
        return AtomicJSONStorage(path, backups=self.layout.backups, durable=self.durable,
                                 keep_previous=keep_previous)

    @contextlib.contextmanager
    def _current_revisions(self) -> Iterator[Mapping[str, int]]:
        with self.shared.locked():
            yield self.revision_map()

    # -- reading ---------------------------------------------------------------------------

    def get(self, assessment_id: str, *, include_deleted: bool = False) -> Assessment:
        self._check_format()
        doc_file = self._doc(assessment_id)
        doc_file.require(allow_trash=include_deleted)
        return doc_file.model()

    def get_many(self, assessment_ids: Sequence[str]) -> builtins.list[Assessment]:
        return [self.get(assessment_id) for assessment_id in assessment_ids]

    def _doc(self, assessment_id: str) -> DocFile:
        if not SAFE_ID.match(assessment_id):  # also a safe file name: nothing else is one
            raise NotFound(assessment_id)
        return DocFile(self, assessment_id)

    def _read_listed(self, assessment_id: str) -> Wrapper | None:
        """The checked document the overview shows a row of (None: removed meanwhile)."""
        return self._doc(assessment_id).wrapper

    def list(self, query: str = "", status: Status | None = None, *,
             scope: Scope | None = None) -> builtins.list[Summary]:
        # A copy: callers may sort or extend what they get.
        return builtins.list(self._listed(query, status, scope))

    def page(self, query: str = "", status: Status | None = None, *, limit: int = 50,
             offset: int = 0, exclude: Collection[str] = (),
             scope: Scope | None = None) -> tuple[builtins.list[Summary], int]:
        """One page from the index's list (facts/listing.py): an indexed query, no row read
        but the page's, the total counted up to COUNT_AHEAD past it. When the index cannot
        be trusted for it (never filled, a write cut off), from every row as listed here,
        and the index filled anew from them under the lock."""
        self._check_format()
        found = self.facts.page(query, status, limit, offset, sorted(exclude), scope)
        if found is not None:
            return found
        rows = self._listed(query, status, scope, frozenset(exclude))
        with self.shared.locked():
            self.facts.fill_rows(self.overview.rows())
        return rows[offset:offset + limit], len(rows)

    def _listed(self, query: str, status: Status | None, scope: Scope | None,
                hidden: frozenset[str] = frozenset()) -> builtins.list[Summary]:
        """The overview's rows for a search, kept while nothing changed (not to be changed)."""
        self._check_format()
        needle = query.strip().casefold()

        def keep(s: Summary) -> bool:
            return (s.deleted_at is None and (status is None or s.status == status)
                    and (not needle or s.matches(needle))
                    and (scope is None or scope.admits(s.owner, s.unit, s.shared, s.reviewer))
                    and s.id not in hidden)

        return self.overview.filtered((needle, status, scope, hidden), keep)

    def deleted(self) -> builtins.list[Summary]:
        self._check_format()
        rows = [s for s in self.overview.rows() if s.deleted_at is not None]
        return sorted(rows, key=lambda s: (s.deleted_at, s.id), reverse=True)

    def revisions(self, assessment_id: str) -> builtins.list[Revision]:
        # The document first, then the history: an entry above the document's revision is a
        # save in progress or one cut off by a crash, and is not part of the record (yet).
        doc_file = self._doc(assessment_id)
        current = doc_file.require(allow_trash=True)
        entries = self._history(assessment_id)
        for carried in current.get(PENDING) or []:  # the lines the journal may not hold yet
            entries[carried["revision"]] = carried
        revision = current["assessment"]["revision"]
        found = [Revision.model_validate(doc) for number, doc in entries.items()
                 if number <= revision]
        return sorted(found, key=lambda r: r.revision, reverse=True)

    # -- changing --------------------------------------------------------------------------

    def create(self, assessment: Assessment, editor: str = "") -> Assessment:
        return self._create(assessment, editor, "create")

    def create_linked(self, assessment: Assessment, parent_id: str,
                      link: Callable[[Assessment, str], Assessment],
                      editor: str = "") -> Assessment:
        """Both or neither, under the folder lock: the new record, then the parent changed by
        `link(parent, new_id)`. Should the parent's write fail (a full disk, a refusal), the
        new record is taken out again before the error goes on, so no reader ever meets a
        record the parent does not list."""
        with self.shared.locked():
            self.get(parent_id)  # NotFound (or in the trash) before anything is written
            created = self._create(assessment, editor, "create")
            new_id = created.id or ""
            try:
                self._edit(parent_id, editor, "update",
                           lambda stored, _wrapper: link(stored, new_id))
            except BaseException:
                with contextlib.suppress(Exception):  # past its commit point: keep both
                    if new_id in self.get(parent_id).follow_ups:
                        raise
                self._unmake(new_id)
                raise
            return created

    def _unmake(self, assessment_id: str) -> None:
        """Undo a `_create` of this lock: the record and its history gone, as if never made.
        The document file is rewritten in the same atomic way as any write."""
        self._remove(self._doc(assessment_id))
        self.facts.dropped([assessment_id])

    def duplicate(self, assessment_id: str, editor: str = "", *,
                  title: str | None = None) -> Assessment:
        with self.shared.locked():
            source = self.get(assessment_id)
            copy = duplicated(source, title)
            return self._create(copy, editor, "duplicate", note=f"copy of {assessment_id}")

    def delete(self, assessment_id: str, editor: str = "") -> None:
        self._move_trash(assessment_id, editor, to_trash=True)

    def restore(self, assessment_id: str, editor: str = "") -> Assessment:
        return self._move_trash(assessment_id, editor, to_trash=False)

    def purge(self, assessment_id: str) -> None:
        with self.shared.locked():
            self._ready_to_write()
            doc_file = self._doc(assessment_id)
            wrapper = doc_file.require(allow_trash=True)
            if not wrapper.get("trash"):
                raise StoreError(f"Assessment {assessment_id} is not in the trash; delete it "
                                 "first, then remove it for good from the trash.")
            stored = doc_file.model()
            # The purged content must not linger in the copies kept for repairs either
            # (backups already made still hold it, as they should), nor in its reports.
            self._remove(doc_file)
            self.facts.dropped([assessment_id], erased=True)
            # the attached files (app/store/attachment_files.py) go with it
            shutil.rmtree(self.folder / ATTACHMENTS / assessment_id, ignore_errors=True)
            remove_reports(stored.reports)

    def _remove(self, doc_file: DocFile) -> None:
        """The assessment gone, with its history and the copy kept for repairs. The shard's
        index goes first: an index listing a file that is gone is evidence of loss."""
        self.overview.forget(doc_file.shard)
        if doc_file.wrapper is not None:
            doc_file.remove()
        with contextlib.suppress(FileNotFoundError):
            previous_copy(doc_file.path).unlink()
        history_journal.remove(doc_file.history)
        checked_files.remember(self.shared, str(doc_file.history), None, {})
        self.overview.touch()

    def store_imported(self, assessments: Sequence[Assessment], editor: str = "", *,
                       note: str = "",
                       expected_revisions: Mapping[str, int | None] | None = None,
                       ) -> builtins.list[Assessment]:
        """All of them or none: an import that fails midway (a full disk, a kill) is undone,
        at once or by the next write (import_journal.py). The files are written without
        waiting for the disk one by one, and made durable together before the import stands;
        an assessment without an id gets a new one."""
        for a in assessments:
            if a.id is not None and not SAFE_ID.match(a.id):
                raise ValueError(f"an imported assessment needs a plain id, not {a.id!r}")
        stored_as: dict[str, Assessment] = {}
        with self.shared.locked():
            self._ensure_format()
            doc_files: dict[str, DocFile] = {}
            incoming = [self._with_new_id(a, doc_files) if a.id is None else a
                        for a in assessments]
            for a in incoming:
                if a.id not in doc_files:
                    doc_files[a.id or ""] = self._doc(a.id or "")
            if expected_revisions is not None:
                self._check_expected(expected_revisions)
            new_ids = [aid for aid, d in doc_files.items() if d.wrapper is None]
            planned = [(doc_files[a.id or ""], *self._place_import(doc_files[a.id or ""], a,
                                                                   editor, note, stored_as))
                       for a in incoming]
            journal = import_journal.begin(self.layout, [d.assessment_id for d, _, _ in planned],
                                           new_ids, durable=self.durable)
            self.facts.mark({a.id: a.revision for a in stored_as.values() if a.id})
            try:
                for doc_file, wrapper, entry in planned:
                    carried = self._append_history(doc_file, wrapper, entry, durable=False)
                    doc_file.write({**wrapper, PENDING: carried}, durable=False)
                if self.durable:  # every file on disk before the import stands
                    sync_all([p for d, _, _ in planned for p in (d.history, d.path)])
            except BaseException:
                # Undo what went in; if even that fails, the journal stays and the next
                # write finishes the undo.
                with contextlib.suppress(Exception):
                    import_journal.recover(self.layout)
                raise
            finally:
                self.overview.touch()
            import_journal.finish(journal)
            written = [d.wrapper for d in doc_files.values() if d.wrapper is not None]
            self.overview.written(written)
            self.facts.saved([unscored(a.id or "", a.revision) for a in stored_as.values()],
                             [summary_row(w) for w in written if not w.get("trash")])
        return [stored_as[a.id] for a in incoming if a.id is not None]

    def _with_new_id(self, a: Assessment, doc_files: dict[str, DocFile]) -> Assessment:
        while True:  # as _create: 8 hex digits, checked where the assessment would land
            new_id = secrets.token_hex(4)
            if new_id in doc_files:
                continue
            doc_file = doc_files[new_id] = self._doc(new_id)
            if doc_file.wrapper is None:
                return a.model_copy(update={"id": new_id})

    def backup(self) -> Path:
        """A zip of the folder, refused when a data file is damaged (StoreCorrupted naming it)
        and read back after writing (verify.py)."""
        staging = self.layout.backups / f"{backup_files.STAGING_PREFIX}{secrets.token_hex(4)}"
        try:
            with self.shared.locked():
                self._ready_to_write()  # a cut-off import undone first: never half in a backup
                try:
                    backup_files.snapshot(self.folder, staging)
                except OSError as exc:
                    raise WriteFailed(staging, exc) from exc
            verify.check_snapshot(staging, self.folder)  # outside the lock: links do not change
            target = backup_files.archive(self.folder, staging, dt.datetime.now())
            try:
                verify.check_archive(target, staging)
            except StoreError:
                with contextlib.suppress(OSError):
                    target.unlink()
                raise
            return target
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def backups(self) -> builtins.list[Path]:
        """Backup archives of this folder, newest first."""
        return backup_files.list_backups(self.layout.backups)

    # -- the one write path ----------------------------------------------------------------

    def _create(self, assessment: Assessment, editor: str, action: Action,
                note: str = "") -> Assessment:
        now = _now()
        with self.shared.locked():
            self._ensure_format()
            while True:  # 8 hex digits: a clash is rare, and checked where it would land
                new_id = secrets.token_hex(4)
                doc_file = self._doc(new_id)
                if doc_file.wrapper is None:
                    break
            data = assessment.model_dump(mode="json")
            data.update(id=new_id, created=now.isoformat(), updated=now.isoformat(), revision=1)
            stored, body = settle(data)
            entry = Revision(assessment_id=new_id, revision=1, at=now, editor=editor,
                             action=action, note=note)
            self._commit(doc_file, {"id": new_id, "assessment": body, "updated_by": editor,
                                    "trash": None}, entry, stored, flush=True)
        return stored

    def _edit(self, assessment_id: str, editor: str, action: Action, edit: Edit) -> Assessment:
        """Read, let `edit` decide the new content, record the difference, write."""
        with self.shared.locked():
            self._ready_to_write()
            doc_file = self._doc(assessment_id)
            wrapper = doc_file.require()
            stored = doc_file.model()
            wanted = edit(stored, wrapper)
            if wanted is None:
                return stored
            now = _now()
            data = wanted.model_dump(mode="json")
            data.update(id=assessment_id, created=wrapper["assessment"].get("created"),
                        updated=now.isoformat(), revision=stored.revision + 1)
            new, body = settle(data)
            changes = diff(wrapper["assessment"], body)
            if not changes:
                return stored  # nothing to record: a rerun saving what is there already
            entry = Revision(assessment_id=assessment_id, revision=new.revision, at=now,
                             editor=editor, action=action, changes=changes)
            self._commit(doc_file, {**wrapper, "assessment": body, "updated_by": editor},
                         entry, new)
            return new

    def redact(self, assessment_id: str, paths: Sequence[Sequence[str]],
               editor: str = "") -> Assessment:
        """Remove the earlier values of `paths` (("answers", qid), ("decision", field)) from
        the assessment's history and from the copies kept for repairs, and record the
        redaction as a revision of its own (app/store/redaction.py)."""
        wanted = wanted_paths(paths)
        with self.shared.locked():
            self._ready_to_write()
            doc_file = self._doc(assessment_id)
            wrapper = doc_file.require()
            stored = doc_file.model()
            entries = self._history(assessment_id)
            for carried in wrapper.get(PENDING) or []:
                entries[carried["revision"]] = carried
            touched = bool(wrapper.get(PENDING))
            for number, kept in entries.items():
                changes, changed = scrub_changes(kept.get("changes") or [], wanted)
                if changed:
                    entries[number] = {**kept, "changes": changes}
                    touched = True
            if touched:  # rewritten whole, no copy kept: the values leave the folder
                history_journal.rewrite(doc_file.history, entries.values(),
                                        durable=self.durable)
                checked_files.remember(self.shared, str(doc_file.history), None, {})
                wrapper = {**wrapper, PENDING: []}  # the journal holds every entry now
            now = _now()
            body = {**wrapper["assessment"], "revision": stored.revision + 1}
            entry = Revision(assessment_id=assessment_id, revision=stored.revision + 1, at=now,
                             editor=editor, action="redact", changes=redaction_changes(wanted),
                             note=REDACTION_NOTE)
            self._commit(doc_file, {**wrapper, "assessment": body}, entry)
            same_previous(doc_file.path)  # the document before the correction held it too
            return Assessment.model_validate(body)

    def _move_trash(self, assessment_id: str, editor: str, *, to_trash: bool) -> Assessment:
        with self.shared.locked():
            self._ready_to_write()
            doc_file = self._doc(assessment_id)
            wrapper = doc_file.require(allow_trash=True)
            stored = doc_file.model()
            if bool(wrapper.get("trash")) == to_trash:
                return stored
            now = _now()
            mark = {"at": now.isoformat(), "by": editor} if to_trash else None
            # A new revision, so a tab still showing the assessment cannot save over the move;
            # `updated` stays: it tells when the content last changed.
            body = {**wrapper["assessment"], "revision": stored.revision + 1}
            entry = Revision(assessment_id=assessment_id, revision=stored.revision + 1, at=now,
                             editor=editor, action="delete" if to_trash else "restore",
                             changes=[Change(path=(TRASH,), before=wrapper.get("trash"),
                                             after=mark)])
            self._commit(doc_file, {**wrapper, "assessment": body, "trash": mark}, entry)
            return Assessment.model_validate(body)

    def _commit(self, doc_file: DocFile, wrapper: Wrapper, entry: Revision,
                model: Assessment | None = None, *, flush: bool = False) -> None:
        """`flush`: the journal written too (a new assessment's journal exists from its
        first revision)."""
        self.facts.mark({entry.assessment_id: entry.revision})  # 0. for a cut-off write
        # 1. the trace, before the change it describes; 2. the commit point
        wrapper = {**wrapper, PENDING: self._append_history(
            doc_file, wrapper, entry, durable=self.durable, flush=flush)}
        # The overview's mark (overview.py) before the write and after it: a process killed
        # between the write and the second still told every listing to look again.
        self.overview.touch()
        try:
            doc_file.write(wrapper, model)
        finally:
            self.overview.touch()
        # 3. the council overview's row (facts/local.py): out while in the trash; scored by
        # the overview when it next counts, so the lock is not held for scoring
        if wrapper.get("trash"):
            self.facts.dropped([entry.assessment_id])
        else:
            self.facts.saved([unscored(entry.assessment_id, entry.revision)],
                             [summary_row(wrapper)])

    def _append_history(self, doc_file: DocFile, wrapper: Wrapper, entry: Revision, *,
                        durable: bool, flush: bool = False) -> builtins.list[dict[str, Any]]:
        """The entries the document about to be written (`wrapper`, with the entries it
        carried so far) must carry, `entry` last.

        A save writes its revision into the document itself (the entries whose lines the
        journal does not hold yet ride along), so the document's one fsync makes both
        durable and the journal is not touched. When the carried entries grow past a few
        (~2 KB), they are appended to the journal and it is fsynced first, and the document
        carries only its own: one save in several writes the journal. The journal is read
        and checked whole before it is written (kept while unchanged, so mostly from
        memory): no write reaches a damaged file."""
        path = doc_file.history
        journal = self._history(entry.assessment_id)  # checked (a damaged one: refused)
        line = entry.model_dump(mode="json")
        carried = [e for e in wrapper.get(PENDING) or []
                   if e["revision"] < entry.revision]  # one above: a save cut off, replaced
        carried.append(line)
        if (durable and not flush and len(carried) <= CARRIED_MAX
                and len(encode(carried)) <= CARRIED_BYTES):
            return carried
        created = not path.exists()
        corrupted = self._corrupted(path)
        for due in carried:
            if journal.get(due["revision"]) != due:
                history_journal.append(path, due, corrupted, durable=False)
                journal[due["revision"]] = due
        if durable:
            history_journal.sync(path, created=created)
        checked_files.remember(self.shared, str(path), current_key(path), journal)
        return [line]

    def _history(self, assessment_id: str) -> dict[int, dict[str, Any]]:
        """The checked entries of the assessment's journal, by revision (kept while the file
        is unchanged: checked_files.py)."""
        path = self.layout.history_file(assessment_id)
        name, now = str(path), current_key(path)
        kept = checked_files.recall(self.shared, name, now)
        if kept is not None:
            return kept
        entries = history_journal.read(path, assessment_id, self._corrupted(path))
        checked_files.remember(self.shared, name, now, entries)
        return dict(entries)

    def _corrupted(self, path: Path) -> Callable[[str], StoreCorrupted]:
        """What a damaged file of the store is reported as (its name, .prev and backup)."""
        return AtomicJSONStorage(path, backups=self.layout.backups).corrupted

    # -- imports ---------------------------------------------------------------------------

    def _check_expected(self, expected: Mapping[str, int | None]) -> None:
        raced = []
        for assessment_id, revision in expected.items():
            found = self._doc(assessment_id).wrapper if SAFE_ID.match(assessment_id) else None
            now = found["assessment"].get("revision") if found else None
            if now != revision:
                raced.append(assessment_id)
        if raced:
            raise ImportRaced(raced)

    def _place_import(self, doc_file: DocFile, incoming: Assessment, editor: str, note: str,
                      stored_as: dict[str, Assessment]) -> tuple[Wrapper, Revision]:
        """The document and the revision one imported assessment is written as."""
        assert incoming.id is not None
        now = _now()
        data = incoming.model_dump(mode="json")
        before: dict[str, Any] | None = None
        wrapper: Wrapper = {"id": incoming.id, "trash": None}
        if doc_file.wrapper is None:
            data["revision"] = max(1, incoming.revision)
        else:
            wrapper = doc_file.wrapper
            before = wrapper["assessment"]
            # Revisions only go up here, so an open tab's copy can never look current.
            data["revision"] = max(incoming.revision, before.get("revision", 0) + 1)
        data["created"] = data.get("created") or now.isoformat()
        data["updated"] = data.get("updated") or now.isoformat()
        stored, body = settle(data)
        changes = diff(before, body) if before is not None else []
        if wrapper.get("trash"):  # the user chose the file's copy of a deleted one: it is back
            changes.append(Change(path=(TRASH,), before=wrapper["trash"], after=None))
        stored_as[incoming.id] = stored
        return ({**wrapper, "assessment": body, "updated_by": editor, "trash": None},
                Revision(assessment_id=incoming.id, revision=stored.revision, at=now,
                         editor=editor, action="import", note=note, changes=changes))

    # -- the folder's format marker --------------------------------------------------------

    def _check_format(self) -> None:
        if self.shared.cache.get("format_checked"):
            return
        found = self._marker()
        if migration.pending(self.layout, found):
            # A folder of the first layout (or a move cut off by a kill): moved before
            # anything is read (migration.py); a damaged old file stops it, naming the file.
            with self.shared.locked():
                found = self._marker()
                if migration.pending(self.layout, found):
                    moved = migration.migrate(self.layout, found, durable=self.durable)
                    self.overview.touch()
                    self.overview.written(moved)
        if import_journal.journal_path(self.layout).exists():
            # The first look at the folder in this process: an import cut off by a kill is
            # undone before anything is read, so no one sees half of it.
            with self.shared.locked():
                import_journal.recover(self.layout)
        if found is not None:
            self.shared.cache["format_checked"] = True

    def _marker(self) -> str | None:
        """The folder's format (None: nothing written yet); UnsupportedStore for a newer one."""
        marker = self.layout.marker
        storage = AtomicJSONStorage(marker, backups=self.layout.backups)
        try:
            found = json.loads(marker.read_bytes())
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise storage.corrupted(f"the system refused to read it ({exc.strerror})") from None
        except ValueError:
            raise storage.corrupted("it is not the JSON this tool writes") from None
        newer = check_marker(found, storage.corrupted)
        if newer is not None:
            raise UnsupportedStore(marker, newer)
        return str(found["format"])

    def _ready_to_write(self) -> None:
        """Under the lock, before any change: the folder is ours, and an import cut off by a
        kill or a full disk is undone first (see import_journal.py)."""
        self._check_format()
        import_journal.recover(self.layout)

    def _ensure_format(self) -> None:
        self._ready_to_write()
        if not self.layout.marker.exists():
            write_atomic(self.layout.marker, encode({"format": STORE_FORMAT}),
                         keep_previous=False, durable=self.durable)
