"""Imports into the local store: all of them or none (import_journal.py). The files are
written without waiting for the disk one by one and made durable together before the import
stands; a replaced state stays in the history."""

from __future__ import annotations

import builtins
import contextlib
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from app.core.models.assessment import Assessment
from app.store import answer_rules, import_journal
from app.store.atomic import sync_all
from app.store.changes import TRASH, diff
from app.store.doc_file import DocFile
from app.store.edits import settle
from app.store.errors import (
    ImportRaced,
)
from app.store.facts.rows import unscored
from app.store.layout import SAFE_ID
from app.store.local_folder import Wrapper
from app.store.local_write import PENDING, WritePath, _now
from app.store.overview import summary_row
from app.store.records import Change, Revision


class Imports(WritePath):
    """store_imported, on top of the write path."""

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
                    self._append_history(doc_file, wrapper, entry, durable=False)
                    doc_file.write({**wrapper, PENDING: []}, durable=False)
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
        answer_rules.check(doc_file.model() if doc_file.wrapper is not None else None, incoming)
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
