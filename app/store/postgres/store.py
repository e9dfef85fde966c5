"""AssessmentStore on PostgreSQL: what `BKA_DATABASE_URL` selects (see app/store/factory.py).

Each assessment is one row of `assessments` (schema.py): its document as JSONB, and the
overview's columns beside it. A change is one transaction:

  SELECT ... FOR UPDATE            the row, so concurrent changes of one assessment queue up
  edit(stored)                     the shared rules (edits.py) decide or refuse the change
  INSERT INTO revisions            who/when/what/before, the same differences as the local store
  UPDATE ... WHERE revision = n    optimistic concurrency, a second guard beside the row lock

Either all of it is committed or none of it, so there is no journal and no repair step. The
trash is a column (deleted_at); purge deletes the row, and its revisions go with it (ON DELETE
CASCADE): nothing of the assessment is left in any table.
"""

from __future__ import annotations

import builtins
import datetime as dt
import secrets
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from app.core.models.assessment import Assessment
from app.store import answer_rules
from app.store.changes import TRASH, diff
from app.store.edits import Edit, Wrapper, duplicated, settle
from app.store.entries import Entry
from app.store.errors import ImportRaced, NotFound, StoreError
from app.store.layout import SAFE_ID, data_dir
from app.store.postgres import facts as overview_facts
from app.store.postgres.backup import write_backup
from app.store.postgres.engine import engine_for, transaction
from app.store.postgres.reading import Reading
from app.store.postgres.rows import columns, history_row
from app.store.postgres.schema import assessments as A
from app.store.postgres.schema import revisions as H
from app.store.records import Action, Change, Revision
from app.store.redaction import NOTE as REDACTION_NOTE
from app.store.redaction import redaction_changes, scrub_changes, wanted_paths
from app.store.report_files import remove_reports


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class PostgresAssessmentStore(Reading):
    """The server store. Safe for many threads, processes and app servers on one database."""

    def __init__(self, url: str, *, backups: Path | str | None = None) -> None:
        self.url = url
        self.engine = engine_for(url)
        #: where backup() writes its archive (the app server's disk, not the database)
        self.backups_folder = Path(backups) if backups else data_dir() / "backups"
        #: the council overview's facts (facts.py, migration 0006)
        self.facts = overview_facts.ServerFacts(self.engine, self.location)

    # -- changing --------------------------------------------------------------------------

    def create(self, assessment: Assessment, editor: str = "") -> Assessment:
        return self._create(assessment, editor, "create")

    def duplicate(self, assessment_id: str, editor: str = "", *,
                  title: str | None = None) -> Assessment:
        source = self.get(assessment_id)
        copy = duplicated(source, title)
        return self._create(copy, editor, "duplicate", note=f"copy of {assessment_id}",
                            source=source)

    def delete(self, assessment_id: str, editor: str = "") -> None:
        self._move_trash(assessment_id, editor, to_trash=True)

    def restore(self, assessment_id: str, editor: str = "") -> Assessment:
        return self._move_trash(assessment_id, editor, to_trash=False)

    def purge(self, assessment_id: str) -> None:
        with self._tx() as conn:
            row = self._lock_row(conn, assessment_id)
            if row is None:
                raise NotFound(assessment_id)
            if row.deleted_at is None:
                raise StoreError(f"Assessment {assessment_id} is not in the trash; delete it "
                                 "first, then remove it for good from the trash.")
            stored = self._model(assessment_id, row.document)
            conn.execute(delete(A).where(A.c.id == assessment_id))  # revisions: CASCADE
        remove_reports(stored.reports)

    def store_imported(self, assessments: Sequence[Assessment], editor: str = "", *,
                       note: str = "",
                       expected_revisions: Mapping[str, int | None] | None = None,
                       ) -> builtins.list[Assessment]:
        """All of them or none: one transaction."""
        for a in assessments:
            if a.id is not None and not SAFE_ID.match(a.id):
                raise ValueError(f"an imported assessment needs a plain id, not {a.id!r}")
        result = []
        with self._tx() as conn:
            if expected_revisions:
                found = {r.id: r.revision for r in conn.execute(
                    select(A.c.id, A.c.revision).where(A.c.id.in_(list(expected_revisions))))}
                raced = [i for i, rev in expected_revisions.items() if found.get(i) != rev]
                if raced:
                    raise ImportRaced(raced)
            for incoming in assessments:
                if incoming.id is None:
                    incoming = incoming.model_copy(update={"id": self._free_id(conn)})
                result.append(self._place_import(conn, incoming, editor, note))
            overview_facts.write(conn, result)  # many: left to the overview's build
        return result

    def backup(self) -> Path:
        """A zip of every row, beside the app's data folder (app/store/postgres/backup.py)."""
        return write_backup(self.engine, self.location, self.backups_folder)

    # -- the write path --------------------------------------------------------------------

    def _lock_row(self, conn: Connection, assessment_id: str) -> Any:
        return conn.execute(select(A.c.document, A.c.revision, A.c.updated_by,
                                   A.c.deleted_at, A.c.deleted_by)
                            .where(A.c.id == assessment_id).with_for_update()).first()

    def _free_id(self, conn: Connection) -> str:
        while True:  # 8 hex digits, as the local store; a clash is rare and checked
            new_id = secrets.token_hex(4)
            if conn.execute(select(A.c.id).where(A.c.id == new_id)).first() is None:
                return new_id

    def _create(self, assessment: Assessment, editor: str, action: Action,
                note: str = "", source: Assessment | None = None) -> Assessment:
        """`source`: the record a copy was made of (its answers are carried, not given)."""
        answer_rules.check(source, assessment)
        now = _now()
        for _ in range(5):
            new_id = secrets.token_hex(4)
            data = assessment.model_dump(mode="json")
            data.update(id=new_id, created=now.isoformat(), updated=now.isoformat(), revision=1)
            stored, body = settle(data)
            entry = Revision(assessment_id=new_id, revision=1, at=now, editor=editor,
                             action=action, note=note)
            try:
                with transaction(self.engine, self.location, passing=IntegrityError) as conn:
                    conn.execute(insert(A).values(**columns(stored, body, editor)))
                    conn.execute(insert(H).values(**history_row(entry)))
                    overview_facts.write(conn, [stored])
                return stored
            except IntegrityError:
                continue  # the id was taken meanwhile: draw another
        raise StoreError("No free id was found for a new assessment; try again.")

    def create_linked(self, assessment: Assessment, parent_id: str,
                      link: Callable[[Assessment, str], Assessment],
                      editor: str = "") -> Assessment:
        """One transaction: the new row and the parent's change (under its row lock) are
        committed together or not at all."""
        answer_rules.check(None, assessment)
        now = _now()
        with self._tx() as conn:
            new_id = self._free_id(conn)
            data = assessment.model_dump(mode="json")
            data.update(id=new_id, created=now.isoformat(), updated=now.isoformat(), revision=1)
            stored, body = settle(data)
            conn.execute(insert(A).values(**columns(stored, body, editor)))
            conn.execute(insert(H).values(**history_row(Revision(
                assessment_id=new_id, revision=1, at=now, editor=editor, action="create"))))
            overview_facts.write(conn, [stored])
            self._edit_in(conn, parent_id, editor, "update",
                          lambda parent, _wrapper: link(parent, new_id))
        return stored

    def _edit(self, assessment_id: str, editor: str, action: Action, edit: Edit) -> Assessment:
        with self._tx() as conn:
            return self._edit_in(conn, assessment_id, editor, action, edit)

    def _edit_in(self, conn: Connection, assessment_id: str, editor: str, action: Action,
                 edit: Edit) -> Assessment:
        """`_edit` within a transaction the caller holds."""
        row = self._lock_row(conn, assessment_id)
        if row is None:
            raise NotFound(assessment_id)
        if row.deleted_at is not None:
            raise NotFound(assessment_id, in_trash=True)
        stored = self._model(assessment_id, row.document)
        wrapper: Wrapper = {"updated_by": row.updated_by}
        wanted = edit(stored, wrapper)
        if wanted is None:
            return stored
        answer_rules.check(stored, wanted)
        now = _now()
        data = wanted.model_dump(mode="json")
        data.update(id=assessment_id, created=row.document.get("created"),
                    updated=now.isoformat(), revision=stored.revision + 1)
        new, body = settle(data)
        changes = diff(row.document, body)
        if not changes:
            return stored
        entry = Revision(assessment_id=assessment_id, revision=new.revision, at=now,
                         editor=editor, action=action, changes=changes)
        self._write(conn, row.revision, new, body, editor, entry)
        return new

    def _write(self, conn: Connection, revision: int, new: Assessment, body: dict[str, Any],
               editor: str, entry: Revision, *, deleted: Any = False) -> None:
        values = columns(new, body, editor)
        if deleted is not False:
            values.update(deleted_at=deleted[0], deleted_by=deleted[1])
        conn.execute(insert(H).values(**history_row(entry)))
        done = conn.execute(update(A).where(A.c.id == new.id, A.c.revision == revision)
                            .values(**values))
        if done.rowcount != 1:  # pragma: no cover - the row lock makes this unreachable
            raise StoreError(f"Assessment {new.id} changed during the save; try again.")
        # the council overview's facts, in this same transaction (facts.py)
        if deleted is not False and deleted[0] is not None:
            overview_facts.drop(conn, [new.id or ""])
        else:
            overview_facts.write(conn, [new])

    def redact(self, assessment_id: str, paths: Sequence[Sequence[str]],
               editor: str = "") -> Assessment:
        """Remove the earlier values of `paths` from the assessment's revisions and record the
        redaction as a revision of its own (app/store/redaction.py); one transaction."""
        wanted = wanted_paths(paths)
        with self._tx() as conn:
            row = self._lock_row(conn, assessment_id)
            if row is None:
                raise NotFound(assessment_id)
            stored = self._model(assessment_id, row.document)
            for rev in conn.execute(select(H.c.revision, H.c.changes)
                                    .where(H.c.assessment_id == assessment_id)).all():
                changes, changed = scrub_changes(list(rev.changes or []), wanted)
                if changed:
                    conn.execute(update(H).where(H.c.assessment_id == assessment_id,
                                                 H.c.revision == rev.revision)
                                 .values(changes=changes))
            now = _now()
            body = {**row.document, "revision": stored.revision + 1}
            new = self._model(assessment_id, body)
            entry = Revision(assessment_id=assessment_id, revision=new.revision, at=now,
                             editor=editor, action="redact", changes=redaction_changes(wanted),
                             note=REDACTION_NOTE)
            self._write(conn, row.revision, new, body, row.updated_by, entry)
            return new

    def _move_trash(self, assessment_id: str, editor: str, *, to_trash: bool) -> Assessment:
        with self._tx() as conn:
            row = self._lock_row(conn, assessment_id)
            if row is None:
                raise NotFound(assessment_id)
            stored = self._model(assessment_id, row.document)
            if (row.deleted_at is not None) == to_trash:
                return stored
            now = _now()
            before = ({"at": row.deleted_at.isoformat(), "by": row.deleted_by}
                      if row.deleted_at is not None else None)
            mark = {"at": now.isoformat(), "by": editor} if to_trash else None
            body = {**row.document, "revision": stored.revision + 1}
            new = self._model(assessment_id, body)
            entry = Revision(assessment_id=assessment_id, revision=new.revision, at=now,
                             editor=editor, action="delete" if to_trash else "restore",
                             changes=[Change(path=(TRASH,), before=before, after=mark)])
            self._write(conn, row.revision, new, body, row.updated_by, entry,
                        deleted=(now, editor) if to_trash else (None, ""))
            return new

    def _place_import(self, conn: Connection, incoming: Assessment, editor: str,
                      note: str) -> Assessment:
        assert incoming.id is not None
        now = _now()
        row = self._lock_row(conn, incoming.id)
        answer_rules.check(None if row is None else self._model(incoming.id, row.document),
                           incoming)
        data = incoming.model_dump(mode="json")
        if row is None:
            data["revision"] = max(1, incoming.revision)
        else:
            # Revisions only go up here, so an open tab's copy can never look current.
            data["revision"] = max(incoming.revision, row.revision + 1)
        data["created"] = data.get("created") or now.isoformat()
        data["updated"] = data.get("updated") or now.isoformat()
        stored, body = settle(data)
        changes = diff(row.document, body) if row is not None else []
        if row is not None and row.deleted_at is not None:
            changes.append(Change(path=(TRASH,), after=None, before={
                "at": row.deleted_at.isoformat(), "by": row.deleted_by}))
        entry = Revision(assessment_id=incoming.id, revision=stored.revision, at=now,
                         editor=editor, action="import", note=note, changes=changes)
        values = {**columns(stored, body, editor), "deleted_at": None, "deleted_by": ""}
        # An entry at this number may exist (a revision skipped back to): the later one wins,
        # as in the local store.
        conn.execute(delete(H).where(H.c.assessment_id == incoming.id,
                                     H.c.revision >= stored.revision))
        if row is None:
            conn.execute(insert(A).values(**values))
        else:
            conn.execute(update(A).where(A.c.id == incoming.id).values(**values))
        conn.execute(insert(H).values(**history_row(entry)))
        return stored

    # -- moving in (bka migrate) -----------------------------------------------------------

    def entry(self, assessment_id: str) -> Entry:
        """One assessment as `bka migrate` compares it: document, editor, trash, history."""
        with self._tx() as conn:
            row = conn.execute(select(A.c.document, A.c.updated_by, A.c.deleted_at,
                                      A.c.deleted_by).where(A.c.id == assessment_id)).first()
        if row is None:
            raise NotFound(assessment_id)
        return Entry(self._model(assessment_id, row.document), row.updated_by, row.deleted_at,
                     row.deleted_by, tuple(self.revisions(assessment_id)))

    def put_exact(self, entry: Entry) -> str:
        """Store one assessment exactly as the folder has it: "created"; "unchanged" if the
        database already holds exactly that; "conflicts" (nothing written) if it holds
        something else under that id."""
        a = entry.assessment
        assert a.id is not None
        try:
            existing = self.entry(a.id)
        except NotFound:
            existing = None
        if existing is not None:
            return "unchanged" if existing.digest() == entry.digest() else "conflicts"
        body = a.model_dump(mode="json")
        values = {**columns(a, body, entry.updated_by), "deleted_at": entry.deleted_at,
                  "deleted_by": entry.deleted_by}
        try:
            with transaction(self.engine, self.location, passing=IntegrityError) as conn:
                conn.execute(insert(A).values(**values))
                for revision in entry.history:
                    conn.execute(insert(H).values(**history_row(revision)))
                if entry.deleted_at is None:
                    overview_facts.write(conn, [a], score=False)
        except IntegrityError:
            return "conflicts"  # another run put it there meanwhile: compared next time
        return "created"

    def count(self) -> dict[str, int]:
        """Rows per table (what `bka migrate` checks)."""
        with self._tx() as conn:
            return {
                "assessments": conn.execute(select(func.count()).select_from(A)).scalar_one(),
                "revisions": conn.execute(select(func.count()).select_from(H)).scalar_one(),
            }


