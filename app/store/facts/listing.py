"""The overview list's rows in the local index (local.py's file): one row per assessment not
in the trash, written with its facts row by the store's writes, so the overview's page of 50
is one indexed query (newest first, a status, a search, a person's scope) of only the
columns the page shows (records.Listed), and its total is kept per status or counted only up
to COUNT_AHEAD past the page; nothing reads or sorts every row. The same columns as the
overview's Summary and PostgreSQL's `assessments` overview columns."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from app.core.access import Scope
from app.store.facts import sql
from app.store.facts.executor import Executor
from app.store.records import COUNT_AHEAD, PAGE_COLUMNS, Listed, Summary, Total, parse_time

DDL = """
CREATE TABLE IF NOT EXISTS overview_rows (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, case_number TEXT NOT NULL,
  committee TEXT NOT NULL, status TEXT NOT NULL, questionnaire TEXT NOT NULL,
  questionnaire_version TEXT NOT NULL, created TEXT, updated TEXT, revision INTEGER NOT NULL,
  updated_by TEXT NOT NULL, haystack TEXT NOT NULL, ord REAL NOT NULL, owner TEXT NOT NULL,
  unit TEXT NOT NULL, shared INTEGER NOT NULL, reviewer TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS overview_rows_newest ON overview_rows (ord DESC, id);
CREATE INDEX IF NOT EXISTS overview_rows_status ON overview_rows (status, ord DESC, id);
"""
# (The file's schema as version 3 made it; at every open ORDER_DDL puts the wider order
# indexes in place of these two, as the counters were added: no new version, no rebuild.)
#: The list's order, newest first, overall and per status, each entry carrying what a search
#: and a person's scope test (the search text, whose it is): a page with a search or a scope
#: walks the index alone and reads the table only for the rows it shows (a search for a word
#: few rows hold walked the table, every row: 38 ms at 10,000, 1.3 ms through the index).
ORDER_DDL = (
    "CREATE INDEX IF NOT EXISTS overview_rows_listed ON overview_rows "
    "(ord DESC, id, haystack, owner, unit, shared, reviewer)",
    "CREATE INDEX IF NOT EXISTS overview_rows_status_listed ON overview_rows "
    "(status, ord DESC, id, haystack, owner, unit, shared, reviewer)",
    "DROP INDEX IF EXISTS overview_rows_newest",  # (ord DESC, id): the first order's
    "DROP INDEX IF EXISTS overview_rows_status",  # (status, ord DESC, id)
)
#: rows per status, kept by the rows' own writes: the total of a page without a search or a
#: person's scope is one lookup, exact, instead of a count of up to COUNT_AHEAD rows
COUNTS_DDL = (
    "CREATE TABLE IF NOT EXISTS overview_row_counts "
    "(status TEXT PRIMARY KEY, n INTEGER NOT NULL)",
    "CREATE TRIGGER IF NOT EXISTS overview_rows_in AFTER INSERT ON overview_rows BEGIN "
    "INSERT INTO overview_row_counts (status, n) VALUES (new.status, 1) "
    "ON CONFLICT (status) DO UPDATE SET n = n + 1; END",
    "CREATE TRIGGER IF NOT EXISTS overview_rows_out AFTER DELETE ON overview_rows BEGIN "
    "UPDATE overview_row_counts SET n = n - 1 WHERE status = old.status; END",
    "CREATE TRIGGER IF NOT EXISTS overview_rows_moved AFTER UPDATE OF status ON overview_rows "
    "WHEN old.status IS NOT new.status BEGIN "
    "UPDATE overview_row_counts SET n = n - 1 WHERE status = old.status; "
    "INSERT INTO overview_row_counts (status, n) VALUES (new.status, 1) "
    "ON CONFLICT (status) DO UPDATE SET n = n + 1; END",
)
_COLUMNS = ("id", "title", "case_number", "committee", "status", "questionnaire",
            "questionnaire_version", "created", "updated", "revision", "updated_by",
            "haystack", "ord", "owner", "unit", "shared", "reviewer")
UPSERT = (f"INSERT INTO overview_rows ({', '.join(_COLUMNS)}) "
          f"VALUES ({', '.join(':' + c for c in _COLUMNS)}) ON CONFLICT (id) DO UPDATE SET "
          + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:]))


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, dt.datetime) else (
        str(value) if value is not None else None)


def values(row: Mapping[str, Any]) -> dict[str, Any]:
    """A Summary-shaped mapping (overview.summary_row, or Summary._asdict()) as columns."""
    updated = parse_time(_iso(row["updated"]))
    return {"id": row["id"], "title": row["title"], "case_number": row["case_number"],
            "committee": row["committee"], "status": row["status"],
            "questionnaire": row["questionnaire"],
            "questionnaire_version": row["questionnaire_version"],
            "created": _iso(row["created"]), "updated": _iso(row["updated"]),
            "revision": int(row["revision"]), "updated_by": row.get("updated_by") or "",
            "haystack": f"{row['title']}\n{row['case_number']}".casefold(),
            "ord": updated.timestamp() if updated else -1e300, "owner": row.get("owner") or "",
            "unit": row.get("unit") or "", "shared": int(bool(row.get("shared"))),
            "reviewer": row.get("reviewer") or ""}


def ensure_counts(db: Any) -> None:
    """The counters and their triggers, and the list's order indexes, in a file made before
    they were: built from the rows there, each in one transaction (`db`: an sqlite3
    connection in autocommit)."""
    _ensure(db, "overview_row_counts", (
        *COUNTS_DDL, "DELETE FROM overview_row_counts",
        "INSERT INTO overview_row_counts (status, n) "
        "SELECT status, count(*) FROM overview_rows GROUP BY status"))
    _ensure(db, "overview_rows_status_listed", ORDER_DDL)


def _ensure(db: Any, name: str, statements: Iterable[str]) -> None:
    """`statements` in one transaction, unless the file has `name` already."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone():
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            db.execute(statement)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def put(ex: Executor, rows: Iterable[Mapping[str, Any]]) -> None:
    batch = [values(r) for r in rows]
    if batch:
        ex.many(UPSERT, batch)


def drop(ex: Executor, ids: Sequence[str]) -> None:
    ex.many("DELETE FROM overview_rows WHERE id = :id", [{"id": i} for i in ids])


def fill(ex: Executor, rows: Iterable[Summary]) -> None:
    """Every row anew (from the store's own listing), the trash left out."""
    ex.run("DELETE FROM overview_rows")
    put(ex, (r._asdict() for r in rows if r.deleted_at is None))


#: whether the rows can be trusted for a page (local.py decides by them): filled from this
#: folder's store (`filled`), no write cut off since the fill (`cut`: a mark older than the
#: cut-off and newer than the fill), the processes writing (`writers`), a write in progress
#: (`pending`)
_TRUST = ("(SELECT value FROM overview_meta WHERE key = 'rows') = :folder",
          "EXISTS (SELECT 1 FROM overview_pending WHERE at < :cut_off AND at > coalesce("
          "(SELECT CAST(value AS REAL) FROM overview_meta WHERE key = 'rows_at'), 0))",
          "(SELECT group_concat(token) FROM overview_writers)",
          "EXISTS (SELECT 1 FROM overview_pending)")


class Read(NamedTuple):
    """One page as one read transaction saw it: the rows, their total, and whether to trust
    them."""

    rows: list[Listed]
    total: Total
    filled: bool
    cut: bool
    writers: list[str]
    pending: bool


class _Shape(NamedTuple):
    """Which filters a page has (their values are bound): one text of each statement per
    shape, built once (building it cost as much as running it)."""

    status: bool
    needle: bool
    excluded: int  #: how many ids are left out (:x0, :x1, ...)
    scope: tuple[bool, bool, bool] | None  #: owner, unit, reviewer asked for


def page(ex: Executor, query: str, status: str | None, limit: int, offset: int,
         exclude: Collection[str], scope: Scope | None, folder: str, cut_off: float) -> Read:
    """The page's rows (only the columns it shows: Listed), their total and the index's
    trust, read in the transaction of `ex` (two statements: a head of one row, the rows).
    The total is the kept counters less the rows left out, or, with a search or a person's
    scope, a count up to COUNT_AHEAD past the page."""
    needle = query.strip().casefold()
    shape = _Shape(status is not None, bool(needle), len(exclude),
                   None if scope is None else (bool(scope.owner), bool(scope.unit),
                                               bool(scope.reviewer)))
    head, rows_of = _statements(shape)
    cap = offset + limit + COUNT_AHEAD
    params: dict[str, Any] = {"limit": limit, "offset": offset, "folder": folder,
                              "cut_off": cut_off, "cap": cap + 1, "status": status,
                              "needle": needle}
    if exclude:
        params.update(sql.placeholders("x", sorted(exclude))[1])
    if scope is not None:
        params.update(owner=scope.owner, unit=scope.unit, reviewer=scope.reviewer)
    filled, cut, writers, pending, counted = ex.rows(head, params)[0]
    # (the fields unpacked by name and made by position: half the cost of a call per row)
    rows = [Listed._make((i, title, case, committee, state, q, _time(updated), owner, unit,
                          shared == 1, reviewer))
            for (i, title, case, committee, state, q, updated, owner, unit, shared, reviewer)
            in ex.rows(rows_of, params)]
    exact = not needle and scope is None  # the kept counters: exact
    return Read(rows, Total(int(counted)) if exact else Total.capped(int(counted), cap),
                bool(filled), bool(cut), [t for t in (writers or "").split(",") if t],
                bool(pending))


@functools.cache
def _statements(shape: _Shape) -> tuple[str, str]:
    """The head (the trust and the total) and the page's rows, for one shape."""
    where = ["1 = 1"]
    if shape.status:
        where.append("status = :status")
    if shape.needle:
        where.append("instr(haystack, :needle) > 0")
    marks = ", ".join(f":x{n}" for n in range(shape.excluded))
    if shape.excluded:
        where.append(f"id NOT IN ({marks})")
    if shape.scope is not None:  # Scope.admits as SQL
        owner, unit, reviewer = shape.scope
        parts = (["owner = :owner"] if owner else []) + (
            ["(unit = :unit AND shared = 1)"] if unit else []) + (
            ["reviewer = :reviewer"] if reviewer else [])
        where.append("(" + (" OR ".join(parts) or "1 = 0") + ")")
    cond = " AND ".join(where)
    if shape.needle or shape.scope is not None:
        total = f"(SELECT count(*) FROM (SELECT 1 FROM overview_rows WHERE {cond} LIMIT :cap))"
    else:  # the kept counters, less the rows left out
        kept = ("(SELECT coalesce(sum(n), 0) FROM overview_row_counts"
                + (" WHERE status = :status)" if shape.status else ")"))
        total = kept if not shape.excluded else (
            f"({kept} - (SELECT count(*) FROM overview_rows WHERE id IN ({marks})"
            + (" AND status = :status))" if shape.status else "))"))
    return (f"SELECT {', '.join(_TRUST)}, {total}",
            f"SELECT {', '.join(PAGE_COLUMNS)} FROM overview_rows WHERE {cond} "
            "ORDER BY ord DESC, id LIMIT :limit OFFSET :offset")


#: the rows' times parsed once: a page's rerun shows the same rows (datetimes are immutable)
_time = functools.lru_cache(maxsize=8192)(parse_time)
