"""The council overview's facts in PostgreSQL (migration 0006): written by the store in the
save's own transaction (write()), so a committed revision always has its row; read and
rebuilt by the overview through ServerFacts, which offers what the local index
(app/store/facts/local.py) offers, minus the pending marks a transaction makes needless."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from app.core.models.assessment import Assessment
from app.store.facts import scorer, tables
from app.store.facts.rows import Fact
from app.store.postgres.engine import DatabaseUnavailable, transaction


class _Alchemy:
    """tables.Executor over a SQLAlchemy connection (inside its transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def rows(self, statement: str, params: Mapping[str, Any] | None = None,
             ) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.conn.execute(text(statement), dict(params or {}))]

    def run(self, statement: str, params: Mapping[str, Any] | None = None) -> None:
        self.conn.execute(text(statement), dict(params or {}))

    def many(self, statement: str, params: Sequence[Mapping[str, Any]]) -> None:
        if params:
            self.conn.execute(text(statement), [dict(p) for p in params])


def write(conn: Connection, stored: Sequence[Assessment], *, score: bool = True) -> None:
    """The facts of assessments just written, in the same transaction (`score=False`: the
    row only, for the overview's build to score, as `bka migrate` moving thousands in)."""
    facts = scorer.facts_of(stored) if score else [
        Fact(id=a.id or "", revision=a.revision, facts=None) for a in stored]
    put(conn, facts)


def put(conn: Connection, facts: Sequence[Fact], *, link: bool = True) -> None:
    """Facts already computed, in the caller's transaction (`link=False`: many at once,
    linked by one ServerFacts.link_all afterwards)."""
    tables.put(_Alchemy(conn), facts, link=link)


def drop(conn: Connection, ids: Sequence[str]) -> None:
    """Out of every count while in the trash (a purge removes the row by its cascade)."""
    tables.drop(_Alchemy(conn), ids)


class ServerFacts:
    """The facts tables of one database, for the overview's build and counts."""

    #: a save writes its scored row in its own transaction (scorer.py): a board can count
    #: first and look whether anything waits in the same statement (counts.board)
    saves_score = True

    def __init__(self, engine: Engine, location: str) -> None:
        self.engine = engine
        self.location = location

    def _tx(self) -> contextlib.AbstractContextManager[Connection]:
        return transaction(self.engine, self.location)

    def complete(self) -> bool:
        with self._tx() as conn:
            return conn.execute(text(
                "SELECT 1 FROM overview_meta WHERE key = 'complete'")).first() is not None

    def state(self, stamp: str) -> tuple[bool, list[str]]:
        """complete() and stale() in one transaction: a page view's one look before counting."""
        with self._tx() as conn:
            done = conn.execute(text(
                "SELECT 1 FROM overview_meta WHERE key = 'complete'")).first() is not None
            stale = sorted(r[0] for r in conn.execute(text(
                "SELECT id FROM overview_facts WHERE stamp < :s OR stamp > :s"), {"s": stamp}))
        return done, stale

    def ready(self, stamp: str) -> tuple[str, dict[str, Any]]:
        """state() as SQL for the board's own statement (counts.board): 1 when built and
        nothing waits to be scored."""
        return ("CASE WHEN EXISTS (SELECT 1 FROM overview_meta WHERE key = 'complete') "
                "AND NOT EXISTS (SELECT 1 FROM overview_facts WHERE stamp < :ready_stamp "
                "OR stamp > :ready_stamp) THEN 1 ELSE 0 END", {"ready_stamp": stamp})

    def set_complete(self) -> None:
        with self._tx() as conn:
            conn.execute(text("INSERT INTO overview_meta (key, value) VALUES ('complete', "
                              "'yes') ON CONFLICT (key) DO NOTHING"))

    def stale(self, stamp: str) -> list[str]:
        with self._tx() as conn:
            return sorted(r[0] for r in conn.execute(text(
                "SELECT id FROM overview_facts WHERE stamp < :s OR stamp > :s"), {"s": stamp}))

    def revisions(self) -> dict[str, int]:
        with self._tx() as conn:
            return {r[0]: int(r[1]) for r in conn.execute(text(
                "SELECT id, revision FROM overview_facts"))}

    def put(self, facts: Sequence[Fact], *, link: bool = False) -> None:
        """A build's facts, for the revisions still stored (rows locked until the commit: a
        save meanwhile writes its own facts after these; one trashed or erased is skipped)."""
        with self._tx() as conn:
            current = {(r[0], int(r[1])) for r in conn.execute(text(
                "SELECT id, revision FROM assessments WHERE deleted_at IS NULL "
                "AND id = ANY(:ids) FOR SHARE"), {"ids": [f.id for f in facts]})}
            tables.put(_Alchemy(conn), [f for f in facts if (f.id, f.revision) in current],
                       link=link)

    def drop(self, ids: Sequence[str]) -> None:
        with self._tx() as conn:
            tables.drop(_Alchemy(conn), ids)

    def link_all(self) -> None:
        """Link every row after a bulk build, then VACUUM the table: the build wrote every
        row (twice, with the linking), and until the visibility map says the pages hold only
        live rows the board's index-only scans read the rows after all. Autovacuum would
        get there within minutes; the overview shown right after the build should not wait."""
        with self._tx() as conn:
            tables.link_all(_Alchemy(conn))
        try:
            with self.engine.connect().execution_options(
                    isolation_level="AUTOCOMMIT") as conn:  # VACUUM runs outside a transaction
                conn.execute(text("VACUUM (ANALYZE) overview_facts"))
        except SQLAlchemyError as exc:
            raise DatabaseUnavailable(self.location, exc) from None

    def forget_pending(self, ids: Sequence[str]) -> None:
        """Nothing to forget: a transaction leaves no marks."""

    @contextlib.contextmanager
    def reading(self) -> Iterator[tables.Executor]:
        with self._tx() as conn:
            yield _Alchemy(conn)
