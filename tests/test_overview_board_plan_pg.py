"""PostgreSQL counts the council overview from one index (`overview_facts_board`, migration
0007): the board's GROUP BYs read every column they need from it, so a board of 100,000
reads that index, not every row with its facts as JSON (bench/bench_dashboard.py measures
the time). Held here so a column added to the counts or the page's filters without adding it
to the index is caught: the plan would go back to reading the rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest
from sqlalchemy import text
from test_dashboard import known_set

from app.services.dashboard_facts import stamp
from app.services.shipped import catalog
from app.store import open_store
from app.store.facts import counts
from app.store.postgres.engine import engine_for

TODAY = dt.date(2027, 6, 1)


class Captured:
    """An executor that keeps the statement it is given instead of running it."""

    def __init__(self) -> None:
        self.statement = ""
        self.params: dict[str, Any] = {}

    def rows(self, statement: str, params: Mapping[str, Any] | None = None,
             ) -> list[tuple[Any, ...]]:
        self.statement, self.params = statement, dict(params or {})
        return [("a", "0", *[None] * 7)]  # nothing set aside: a board of nothing

    def run(self, statement: str, params: Mapping[str, Any] | None = None) -> None:
        raise AssertionError("a board writes nothing")

    def many(self, statement: str, params: Any) -> None:
        raise AssertionError("a board writes nothing")


@pytest.mark.parametrize("asked", [
    dict(statuses=None),
    dict(statuses=("decided",), committees=["Barn- och utbildningsnämnden"]),
    dict(statuses=None, start=dt.date(2026, 1, 1), end=dt.date(2027, 1, 1))])
def test_the_board_counts_from_its_index_alone(pg_url: str, asked: dict[str, Any]) -> None:
    store = open_store()
    for _ in range(5):
        for a in known_set():
            store.create(a, editor="t")
    engine = engine_for(pg_url)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE overview_facts"))  # as autovacuum leaves it
    captured = Captured()
    counts.board(captured, stamp(catalog()), TODAY, **asked)
    with engine.begin() as conn:
        # a handful of rows: the planner would rather read the table (or its pages a bitmap
        # names) than any index; with 100,000 it reads the index (the bench's figures)
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        conn.execute(text("SET LOCAL enable_bitmapscan = off"))
        plan = conn.execute(text("EXPLAIN (FORMAT JSON) " + captured.statement),
                            captured.params).scalar_one()[0]["Plan"]
    branches = [p for p in plan["Plans"] if p.get("Parent Relationship") == "Member"]
    # the figures per committee and year (g), the articles and findings joined to them (r):
    # the first two branches of the board's statement
    for branch in branches[:2]:
        reads = [(n["Node Type"], n.get("Index Name")) for n in nodes(branch)
                 if n.get("Relation Name") == "overview_facts"]
        assert reads == [("Index Only Scan", "overview_facts_board")], reads


def nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [plan, *(n for child in plan.get("Plans", []) for n in nodes(child))]
