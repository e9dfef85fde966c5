"""AssessmentStore on TinyDB JSON files in a local data folder (layout.py shows the files).

Each assessment is a TinyDB file of its own (docs/<shard>/<id>.json) holding one document

    {"id": "3f2a9c1e", "assessment": <Assessment.model_dump(mode="json")>,
     "updated_by": "Anna Berg", "trash": null | {"at": <time>, "by": <name>}}

and its history is a journal beside it (history/<shard>/<id>.jsonl), where a save of an
existing assessment is one committed line (the file is rewritten every few dozen saves). The
store is built in layers, one idea each: the folder and its format (local_folder.py), the one
write path (local_write.py: a committed journal line, or the line then the document), imports
(local_import.py), and here what a page or a command asks for: reading, the changes that
are not a plain edit (a linked pair, the trash, erasing, redacting) and backups. The
overview's rows are derived from the files by readers (overview.py). Reads take no lock:
every file is replaced atomically, so a reader sees a whole old or a whole new file.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import secrets
import shutil
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from app.core.access import Scope
from app.core.models.assessment import Assessment, Status
from app.store import backups as backup_files
from app.store import checked_files, history_journal, verify
from app.store.atomic import previous_copy
from app.store.attachment_files import FOLDER as ATTACHMENTS
from app.store.doc_file import DocFile
from app.store.edits import duplicated
from app.store.errors import StoreError, WriteFailed
from app.store.local_import import Imports
from app.store.local_write import COMPACT_AFTER, PENDING, _now
from app.store.records import Listed, Revision, Summary
from app.store.redaction import NOTE as REDACTION_NOTE
from app.store.redaction import redaction_changes, scrub_changes, wanted_paths
from app.store.report_files import remove_reports, same_previous

__all__ = ["COMPACT_AFTER", "DocFile", "PENDING", "TinyDBAssessmentStore"]


class TinyDBAssessmentStore(Imports):
    """The local store. Safe for many threads and several processes on one folder."""

    # -- reading ---------------------------------------------------------------------------

    def get(self, assessment_id: str, *, include_deleted: bool = False) -> Assessment:
        self._check_format()
        doc_file = self._doc(assessment_id)
        doc_file.require(allow_trash=include_deleted)
        return doc_file.model()

    def get_many(self, assessment_ids: Sequence[str]) -> builtins.list[Assessment]:
        return [self.get(assessment_id) for assessment_id in assessment_ids]

    def list(self, query: str = "", status: Status | None = None, *,
             scope: Scope | None = None) -> builtins.list[Summary]:
        # A copy: callers may sort or extend what they get.
        return builtins.list(self._listed(query, status, scope))

    def page(self, query: str = "", status: Status | None = None, *, limit: int = 50,
             offset: int = 0, exclude: Collection[str] = (),
             scope: Scope | None = None) -> tuple[builtins.list[Listed], int]:
        """One page from the index's list (facts/listing.py): one indexed query of the
        columns the page shows, no row read but the page's, the total kept per status or
        counted up to COUNT_AHEAD past it. When the index cannot be trusted for it (never
        filled, a write cut off), from every row as listed here, and the index filled anew
        from them under the lock."""
        self._check_format()
        found = self.facts.page(query, status, limit, offset, sorted(exclude), scope)
        if found is not None:
            return found
        rows = self._listed(query, status, scope, frozenset(exclude))
        with self.shared.locked():
            self.facts.fill_rows(self.overview.rows())
        return [Listed.of(r) for r in rows[offset:offset + limit]], len(rows)

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
            return self._create(copy, editor, "duplicate", note=f"copy of {assessment_id}",
                                source=source)

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
            if doc_file.tail_length:
                # The saves committed in the journal go into the file first: the rewrite
                # below takes values out of their lines, which the file then no longer needs.
                doc_file.write({**wrapper, PENDING: []}, stored)
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
            self._commit(doc_file, {**wrapper, "assessment": body}, entry, flush=True)
            same_previous(doc_file.path)  # the document before the correction held it too
            return Assessment.model_validate(body)

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
