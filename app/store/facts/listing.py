"""The overview list's rows in the local index (local.py's file): one row per assessment not
in the trash, written with its facts row by the store's writes, so the overview's page of 50
is one indexed query (newest first, a status, a search, a person's scope) and its total is
counted only up to COUNT_AHEAD past the page; nothing reads or sorts every row. The same
columns as the overview's Summary and PostgreSQL's `assessments` overview columns."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from app.core.access import Scope
from app.store.facts import sql
from app.store.facts.executor import Executor
from app.store.records import COUNT_AHEAD, Summary, Total, parse_time

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
    """The counters and their triggers, in a file made before they were: filled from the
    rows there, in the same transaction (`db`: an sqlite3 connection in autocommit)."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'overview_row_counts'").fetchone():
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in COUNTS_DDL:
            db.execute(statement)
        db.execute("DELETE FROM overview_row_counts")
        db.execute("INSERT INTO overview_row_counts (status, n) "
                   "SELECT status, count(*) FROM overview_rows GROUP BY status")
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


def page(ex: Executor, query: str, status: str | None, limit: int, offset: int,
         exclude: Collection[str], scope: Scope | None) -> tuple[list[Summary], Total]:
    where: list[str] = ["1 = 1"]
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    if status is not None:
        where.append("status = :status")
        params["status"] = status
    needle = query.strip().casefold()
    if needle:
        where.append("instr(haystack, :needle) > 0")
        params["needle"] = needle
    if exclude:
        marks, more = sql.placeholders("x", sorted(exclude))
        where.append(f"id NOT IN ({marks})")
        params.update(more)
    if scope is not None:  # Scope.admits as SQL
        parts = []
        if scope.owner:
            parts.append("owner = :owner")
            params["owner"] = scope.owner
        if scope.unit:
            parts.append("(unit = :unit AND shared = 1)")
            params["unit"] = scope.unit
        if scope.reviewer:
            parts.append("reviewer = :reviewer")
            params["reviewer"] = scope.reviewer
        where.append("(" + (" OR ".join(parts) or "1 = 0") + ")")
    cond = " AND ".join(where)
    rows = ex.rows(f"SELECT {', '.join(_COLUMNS)} FROM overview_rows WHERE {cond} "
                   "ORDER BY ord DESC, id LIMIT :limit OFFSET :offset", params)
    if not needle and scope is None:  # the kept counters, less the rows left out
        return [_summary(r) for r in rows], Total(_counted(ex, status, params, exclude))
    cap = offset + limit + COUNT_AHEAD
    counted = ex.rows(f"SELECT count(*) FROM (SELECT 1 FROM overview_rows WHERE {cond} "
                      "LIMIT :cap)", {**params, "cap": cap + 1})[0][0]
    return [_summary(r) for r in rows], Total.capped(int(counted), cap)


def _counted(ex: Executor, status: str | None, params: Mapping[str, Any],
             exclude: Collection[str]) -> int:
    kept = ("SELECT coalesce(sum(n), 0) FROM overview_row_counts"
            + (" WHERE status = :status" if status is not None else ""))
    if not exclude:
        return int(ex.rows(kept, params)[0][0])
    marks, _ = sql.placeholders("x", sorted(exclude))
    left_out = ("SELECT count(*) FROM overview_rows WHERE id IN (" + marks + ")"
                + (" AND status = :status" if status is not None else ""))
    return int(ex.rows(f"SELECT ({kept}) - ({left_out})", params)[0][0])


#: the rows' times parsed once: a page's rerun shows the same rows (datetimes are immutable)
_time = functools.lru_cache(maxsize=8192)(parse_time)


def _summary(r: tuple[Any, ...]) -> Summary:
    (aid, title, case_number, committee, status, questionnaire, version, created, updated,
     revision, updated_by, haystack, order, owner, unit, shared, reviewer) = r
    return Summary(aid, title, case_number, committee, status, questionnaire, version,
                   _time(created), _time(updated), int(revision), updated_by, None,
                   "", haystack, order, owner, unit, bool(shared), reviewer)
