"""Reading the PostgreSQL store: one assessment, many, the overview's rows and pages, the
trash and the history; a stored document that no longer fits the model is refused in plain
words and left as it is. The writes are in store.py."""

from __future__ import annotations

import builtins
import functools
from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from typing import Any, NamedTuple

from pydantic import ValidationError
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    bindparam,
    false,
    func,
    or_,
    select,
)

from app.core.access import Scope
from app.core.models.assessment import Assessment, Status
from app.store.edits import EditRules
from app.store.errors import NotFound, StoreError
from app.store.postgres.engine import shown, transaction
from app.store.postgres.rows import HOLDING, OVERVIEW, summary, within
from app.store.postgres.schema import assessments as A
from app.store.postgres.schema import revisions as H
from app.store.records import COUNT_AHEAD, PAGE_COLUMNS, Listed, Revision, Summary, Total

#: a page's columns (records.PAGE_COLUMNS, named alike in the local index's table)
PAGE = tuple(A.c[name] for name in PAGE_COLUMNS)
#: ids per statement in get_many (PostgreSQL's limit is 65,535 parameters a statement)
GET_MANY_PART = 10_000


class RowCorrupted(StoreError):
    """A stored document does not fit the model; it is left as it is, never overwritten."""

    def __init__(self, location: str, assessment_id: str, reason: str) -> None:
        self.assessment_id = assessment_id
        self.reason = reason
        super().__init__(f"Assessment {assessment_id} in the database {location} cannot be "
                         f"read: {reason}. It has not been changed, and nothing will be saved "
                         "to it until IT restores it from a backup.")


class Reading(EditRules):
    """What the store reads; PostgresAssessmentStore adds the writes."""

    url: str
    engine: Engine

    @functools.cached_property
    def location(self) -> str:
        """The URL without its password (parsed once: every transaction names it)."""
        return shown(self.url)

    def _tx(self) -> AbstractContextManager[Connection]:
        """One transaction; a database failure becomes a StoreError in plain words."""
        return transaction(self.engine, self.location)

    def _model(self, assessment_id: str, document: Any) -> Assessment:
        try:
            return Assessment.model_validate(document)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            raise RowCorrupted(self.location, assessment_id,
                               f"{where}: {err['msg']}" if where else err["msg"]) from None

    def get(self, assessment_id: str, *, include_deleted: bool = False) -> Assessment:
        with self._tx() as conn:
            row = conn.execute(select(A.c.document, A.c.deleted_at)
                               .where(A.c.id == assessment_id)).first()
        if row is None:
            raise NotFound(assessment_id)
        if row.deleted_at is not None and not include_deleted:
            raise NotFound(assessment_id, in_trash=True)
        return self._model(assessment_id, row.document)

    def get_many(self, assessment_ids: Sequence[str]) -> builtins.list[Assessment]:
        wanted = list(assessment_ids)
        rows: dict[str, Any] = {}
        with self._tx() as conn:
            # In parts: a statement takes at most 65,535 parameters, and the overview's first
            # build asks for every stored assessment (100,000 failed in one statement).
            for start in range(0, len(wanted), GET_MANY_PART):
                rows.update((r.id, r) for r in conn.execute(
                    select(A.c.id, A.c.document, A.c.deleted_at)
                    .where(A.c.id.in_(wanted[start:start + GET_MANY_PART]))))
        result = []
        for assessment_id in assessment_ids:
            row = rows.get(assessment_id)
            if row is None:
                raise NotFound(assessment_id)
            if row.deleted_at is not None:
                raise NotFound(assessment_id, in_trash=True)
            result.append(self._model(assessment_id, row.document))
        return result

    def list(self, query: str = "", status: Status | None = None, *,
             scope: Scope | None = None) -> builtins.list[Summary]:
        statement = select(*OVERVIEW, *HOLDING).where(A.c.deleted_at.is_(None))
        if scope is not None:
            statement = statement.where(within(scope))
        if status is not None:
            statement = statement.where(A.c.status == status)
        needle = query.strip().casefold()
        if needle:
            statement = statement.where(A.c.haystack.contains(needle, autoescape=True))
        with self._tx() as conn:
            rows = conn.execute(statement.order_by(A.c.updated.desc(), A.c.id)).all()
        return [summary(r) for r in rows]

    def revision_map(self, scope: Scope | None = None) -> dict[str, int]:
        """Two indexed columns instead of whole overview rows: 100,000 rows as Summary models
        took most of a council overview's rerun."""
        statement = select(A.c.id, A.c.revision).where(A.c.deleted_at.is_(None))
        if scope is not None:
            statement = statement.where(within(scope))
        with self._tx() as conn:
            return {row.id: int(row.revision) for row in conn.execute(statement)}

    def page(self, query: str = "", status: Status | None = None, *, limit: int = 50,
             offset: int = 0, exclude: Collection[str] = (),
             scope: Scope | None = None) -> tuple[builtins.list[Listed], int]:
        """One page in the overview's order, read through its index, only the columns the
        page shows (Listed); the total beside it, counted through the same index up to
        COUNT_AHEAD rows past the page (Total)."""
        needle = query.strip().casefold()
        shape = _Shape(status is not None, bool(needle), bool(exclude),
                       None if scope is None else (bool(scope.owner), bool(scope.unit),
                                                   bool(scope.reviewer)))
        rows_of, total_of = _page_statements(shape)
        cap = offset + limit + COUNT_AHEAD  # counted up to here, not every match
        values: dict[str, Any] = {"limit": limit, "offset": offset, "cap": cap + 1}
        if status is not None:
            values["status"] = status
        if needle:
            values["needle"] = _like(needle)
        if exclude:
            values["exclude"] = list(exclude)
        if scope is not None:
            values.update(owner=scope.owner, unit=scope.unit, reviewer=scope.reviewer)
        with self._tx() as conn:
            rows = conn.execute(rows_of, values).all()
            # the total rides on each row; a page past the end asks for it apart
            counted = rows[0][-1] if rows else conn.execute(total_of, values).scalar_one()
        return [Listed._make(r[:-1]) for r in rows], Total.capped(int(counted), cap)

    def deleted(self) -> builtins.list[Summary]:
        with self._tx() as conn:
            rows = conn.execute(select(*OVERVIEW, *HOLDING).where(A.c.deleted_at.is_not(None))
                                .order_by(A.c.deleted_at.desc(), A.c.id.desc())).all()
        return [summary(r) for r in rows]

    def revisions(self, assessment_id: str) -> builtins.list[Revision]:
        with self._tx() as conn:
            if conn.execute(select(A.c.id).where(A.c.id == assessment_id)).first() is None:
                raise NotFound(assessment_id)
            rows = conn.execute(select(H).where(H.c.assessment_id == assessment_id)
                                .order_by(H.c.revision.desc())).all()
        return [Revision(assessment_id=r.assessment_id, revision=r.revision, at=r.at,
                         editor=r.editor, action=r.action, changes=r.changes, note=r.note)
                for r in rows]


class _Shape(NamedTuple):
    """Which filters a page has (their values are bound): one statement each, built once."""

    status: bool
    needle: bool
    exclude: bool
    scope: tuple[bool, bool, bool] | None  #: owner, unit, reviewer asked for


@functools.cache
def _page_statements(shape: _Shape) -> tuple[Select[Any], Select[Any]]:
    """The page's rows (each with the capped total) and the total alone, for one shape:
    building a statement cost a third of a page's time, so each shape is built once and only
    its values change."""
    where: builtins.list[ColumnElement[bool]] = [A.c.deleted_at.is_(None)]
    if shape.scope is not None:  # rows.within, with the values bound
        owner, unit, reviewer = shape.scope
        parts = ([A.c.owner == bindparam("owner")] if owner else []) + (
            [and_(A.c.unit == bindparam("unit"), A.c.shared.is_(True))] if unit else []) + (
            [A.c.reviewer == bindparam("reviewer")] if reviewer else [])
        where.append(or_(*parts) if parts else false())
    if shape.status:
        where.append(A.c.status == bindparam("status"))
    if shape.needle:
        where.append(A.c.haystack.contains(bindparam("needle"), escape="/"))
    if shape.exclude:
        where.append(A.c.id.not_in(bindparam("exclude", expanding=True)))
    total = select(func.count()).select_from(
        select(A.c.id).where(*where).limit(bindparam("cap")).subquery())
    rows = (select(*PAGE, total.scalar_subquery()).where(*where)
            .order_by(A.c.updated.desc(), A.c.id)
            .limit(bindparam("limit")).offset(bindparam("offset")))
    return rows, total


def _like(needle: str) -> str:
    """A search word as LIKE matches it literally (what autoescape does with a literal)."""
    return needle.replace("/", "//").replace("%", "/%").replace("_", "/_")
