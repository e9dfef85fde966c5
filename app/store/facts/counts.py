"""The council overview counted by the database: GROUP BY over the facts tables, the same
figures as app/core/dashboard.overview computes from a list of facts (tests hold the two
equal). Only rows scored with the current questionnaires (`stamp`) are counted; which row
stands for each decision (`kept`) and whose measures count (`keeps`) were linked when the
rows were written (tables.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from app.core.dashboard import (
    DECIDED,
    STATUS_ORDER,
    CaseFacts,
    Dashboard,
    Departure,
    GroupFigures,
    Overdue,
    Ranked,
)
from app.core.text import Text
from app.store.facts import sql
from app.store.facts.rows import SKIPPED
from app.store.facts.tables import Executor


def _where(stamp: str, start: dt.date | None, end: dt.date | None,
           statuses: Sequence[str], committees: Sequence[str]) -> tuple[str, dict[str, Any]]:
    """The rows counted: follow-ups, and the row of each decision in the statuses asked for;
    in the committees and dates asked for."""
    marks, params = sql.placeholders("s", list(statuses))
    where = (f"f.stamp = :stamp AND (f.follow_up_of IS NOT NULL OR "
             f"(f.kept = 1 AND f.status IN ({marks})))")
    params["stamp"] = stamp
    return where + _around(start, end, committees, params), params


def _around(start: dt.date | None, end: dt.date | None, committees: Sequence[str],
            params: dict[str, Any], table: str = "f") -> str:
    extra = ""
    if committees:
        marks, more = sql.placeholders("c", list(committees))
        extra += f" AND {table}.committee IN ({marks})"
        params.update(more)
    if start:
        extra += " AND f.day >= :start"
        params["start"] = start.isoformat()
    if end:
        extra += " AND f.day <= :end"
        params["end"] = end.isoformat()
    return extra


#: the parts of the board's one statement, each a branch of one UNION ALL whose rows are
#: (part, c1..c8) as text: one round trip to the database for the whole board (a server
#: counted in ten statements and two transactions spent more on the trips than on counting)
_WIDTH = 8


def _part(tag: str, select: str) -> str:
    """One branch: its columns (named c1, c2, ... in `select`) as text, padded to the common
    width: the engines agree on a UNION's column types only so."""
    width = next(n for n in range(_WIDTH, 0, -1) if f"AS c{n}" in select)
    cells = [f"CAST(c{n} AS TEXT)" for n in range(1, width + 1)] + ["NULL"] * (_WIDTH - width)
    return f"SELECT '{tag}' AS part, {', '.join(cells)} FROM ({select}) AS p_{tag}"


def board(ex: Executor, stamp: str, today: dt.date, start: dt.date | None = None,
          end: dt.date | None = None, statuses: Iterable[str] | None = DECIDED,
          committees: Iterable[str] | None = None, ready: tuple[str, dict[str, Any]] | None = None,
          ) -> tuple[bool, Dashboard, list[str]]:
    """The whole board in one statement: the figures, the ids not counted (`skipped`) and,
    given `ready` (the index's own test that nothing waits to be scored, as SQL giving 1 or
    0, and its parameters), whether the figures are final."""
    wanted = set(statuses) if statuses is not None else set(STATUS_ORDER)
    chosen = sorted({" ".join(c.split()) for c in committees or []})
    ordered = sorted(wanted, key=lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else 99)
    where, params = _where(stamp, start, end, ordered, chosen)
    aside = "f.stamp = :stamp AND f.kind <> :skipped AND f.follow_up_of IS NULL AND f.kept = 0"
    aside += _around(start, end, chosen, params)
    params.update(today=today.isoformat(), skipped=SKIPPED)
    family = ("c.follow_up_of = {} AND c.stamp || '' = :stamp"
              + _around(None, None, chosen, params, "c"))
    branches = {
        "g": "SELECT f.committee AS c1, f.year AS c2, CASE WHEN f.follow_up_of IS NULL "
             "THEN 0 ELSE 1 END AS c3, CASE WHEN f.kind = 'screening' THEN 1 ELSE 0 END AS c4, "
             "f.level AS c5, f.heard AS c6, f.departs AS c7, count(*) AS c8 "
             f"FROM overview_facts f WHERE {where} "
             "GROUP BY f.committee, f.year, 3, 4, f.level, f.heard, f.departs",
        "r": "SELECT k.kind AS c1, k.key AS c2, count(*) AS c3 FROM overview_fact_keys k "
             f"JOIN overview_facts f ON f.id = k.id WHERE {where} AND f.follow_up_of IS NULL "
             "GROUP BY k.kind, k.key",
        "l": "SELECT kind AS c1, key AS c2, label AS c3 FROM overview_labels "
             "WHERE stamp = :stamp",
        "a": f"SELECT count(*) AS c1 FROM overview_facts f WHERE {aside}",
        "d": "SELECT f.id AS c1, f.title AS c2, f.committee AS c3, f.day AS c4, "
             "f.outcome AS c5, f.departure AS c6 "
             f"FROM overview_facts f WHERE {where} AND f.follow_up_of IS NULL AND f.departs = 1",
        "u": "SELECT f.id AS c1, f.title AS c2, f.committee AS c3, f.follow_up AS c4 "
             f"FROM overview_facts f WHERE {where} AND f.follow_up_of IS NULL "
             "AND f.follow_up IS NOT NULL AND f.follow_up < :today "
             "AND f.status <> 'followed_up'",
        # Whose measures count (app/core/dashboard.measure_keepers): an original without a
        # follow-up among the cases counted, else its latest follow-up. Decided here, over
        # the few open measures past due (read first: CROSS JOIN keeps SQLite from starting
        # at the facts), so the committees chosen are taken into account. `stamp || ''`
        # keeps the family's look-up on its own index.
        "m": "SELECT f.id AS c1, f.title AS c2, f.committee AS c3, m.what AS c4, m.who AS c5, "
             "m.due AS c6 FROM overview_fact_measures m CROSS JOIN overview_facts f "
             f"WHERE m.open = 1 AND m.due < :today AND f.id = m.id AND {where} AND ("
             "(f.follow_up_of IS NULL AND NOT EXISTS (SELECT 1 FROM overview_facts c WHERE "
             + family.format("f.id") + ")) OR (f.follow_up_of IS NOT NULL AND f.id = ("
             "SELECT c.id FROM overview_facts c WHERE " + family.format("f.follow_up_of")
             + " ORDER BY c.day DESC, c.id DESC LIMIT 1)))",
        # A skipped row is never the kept row of a decision (sql.KEPT): `kept = 0` lets
        # the look-up use the counting index instead of reading every row.
        "s": "SELECT id AS c1 FROM overview_facts WHERE stamp = :stamp AND kept = 0 "
             "AND kind = :skipped",
    }
    if ready is not None:
        branches["z"] = f"SELECT ({ready[0]}) AS c1"
        params.update(ready[1])
    statement = " UNION ALL ".join(_part(tag, select) for tag, select in branches.items())
    parts: dict[str, list[tuple[Any, ...]]] = {tag: [] for tag in branches}
    for row in ex.rows(statement, params):
        parts[row[0]].append(row[1:])
    return (bool(parts.get("z")) and parts["z"][0][0] == "1",
            _dashboard(parts, start, end, today, ordered, chosen),
            sorted(r[0] for r in parts["s"]))


def _dashboard(parts: dict[str, list[tuple[Any, ...]]], start: dt.date | None,
               end: dt.date | None, today: dt.date, ordered: list[str],
               chosen: list[str]) -> Dashboard:
    groups, total, levels = _groups(parts["g"])
    ranked: dict[str, Counter[str]] = {"w": Counter(), "s": Counter(), "f": Counter()}
    for kind, key, n, *_ in parts["r"]:
        ranked[kind][key] = int(n)
    labels = {(kind, key): json.loads(label) for kind, key, label, *_ in parts["l"]}
    departures = [Departure(id=r[0], title=r[1], committee=r[2], date=dt.date.fromisoformat(
        r[3]), outcome=r[4] or "", departure=r[5]) for r in parts["d"]]
    follow_ups = [Overdue(id=r[0], title=r[1], committee=r[2], what="", who="",
                          due=dt.date.fromisoformat(r[3])) for r in parts["u"]]
    measures = [Overdue(id=r[0], title=r[1], committee=r[2], what=r[3], who=r[4],
                        due=dt.date.fromisoformat(r[5])) for r in parts["m"]]
    finding_labels = {k: v for (kind, k), v in labels.items() if kind == "f"}
    return Dashboard(
        start=start, end=end, today=today, statuses=ordered, committees=chosen,
        set_aside=int(parts["a"][0][0]), total=total, groups=groups,
        level_labels={k: v for (kind, k), v in labels.items() if kind == "l" and k in levels},
        weakened=_ranked(ranked["w"]), strengthened=_ranked(ranked["s"]),
        findings=_ranked(ranked["f"], finding_labels),
        departures=sorted(departures, key=lambda d: (d.date, d.id)),
        overdue_measures=sorted(measures, key=lambda o: (o.due, o.id, o.what)),
        overdue_follow_ups=sorted(follow_ups, key=lambda o: (o.due, o.id)))


def count(ex: Executor, stamp: str, today: dt.date, start: dt.date | None = None,
          end: dt.date | None = None, statuses: Iterable[str] | None = DECIDED,
          committees: Iterable[str] | None = None) -> Dashboard:
    """The figures alone (board() without the state)."""
    return board(ex, stamp, today, start, end, statuses, committees)[1]


def _groups(rows: Iterable[tuple[Any, ...]]) -> tuple[list[GroupFigures], int, set[str]]:
    """Per committee and year, from the rows GROUP BY gave (one per combination)."""
    cells: dict[tuple[str, int], dict[str, Any]] = {}
    total = 0
    seen_levels: set[str] = set()
    for committee, year, follow_up, screening, level, heard, departs, n in rows:
        cell = cells.setdefault((committee, int(year)), {
            "items": 0, "full": 0, "levels": Counter(), "heard": 0, "departed": 0, "fu": 0})
        n = int(n)
        if int(follow_up):
            cell["fu"] += n
            continue
        total += n
        cell["items"] += n
        cell["departed"] += n * int(departs)
        if level:
            seen_levels.add(level)
        if not int(screening):
            cell["full"] += n
            cell["heard"] += n * int(heard)
            if level:
                cell["levels"][level] += n
    figures = [GroupFigures(
        committee=committee, year=year, assessments=c["items"],
        screenings=c["items"] - c["full"], levels=dict(c["levels"]), heard_directly=c["heard"],
        heard_share=c["heard"] / c["full"] if c["full"] else None, departed=c["departed"],
        follow_ups=c["fu"]) for (committee, year), c in sorted(cells.items())]
    return figures, total, seen_levels


def _ranked(counter: Counter[str], labels: dict[str, Text] | None = None) -> list[Ranked]:
    def order(item: tuple[str, int]) -> tuple[int, int, str]:
        key, n = item
        return (-n, int(key) if key.isdigit() else 0, key)

    return [Ranked(key=k, count=n, label=(labels or {}).get(k))
            for k, n in sorted(counter.items(), key=order)]


def _labels(ex: Executor, stamp: str) -> dict[tuple[str, str], Text]:
    return {(kind, key): json.loads(label) for kind, key, label in ex.rows(
        "SELECT kind, key, label FROM overview_labels WHERE stamp = :stamp", {"stamp": stamp})}


def skipped(ex: Executor, stamp: str) -> list[str]:
    """Ids not counted because their questionnaire is not shipped."""
    return sorted(r[0] for r in ex.rows(
        "SELECT id FROM overview_facts WHERE stamp = :stamp AND kept = 0 AND kind = :skipped",
        {"stamp": stamp, "skipped": SKIPPED}))


def counted(ex: Executor, stamp: str) -> int:
    """Rows scored with the current questionnaires (what the figures can include)."""
    return int(ex.rows("SELECT count(*) FROM overview_facts WHERE stamp = :stamp",
                       {"stamp": stamp})[0][0])


def facts(ex: Executor, stamp: str, wanted: dict[str, int] | None = None,
          ) -> tuple[list[CaseFacts], dict[str, int]]:
    """The kept facts themselves (a person's reminders, a role's overview): of `wanted`
    (id -> revision) or of every row; with the revision of each."""
    labels = _labels(ex, stamp)
    out: list[CaseFacts] = []
    revisions: dict[str, int] = {}
    query = ("SELECT id, revision, detail FROM overview_facts WHERE stamp = :stamp "
             "AND detail IS NOT NULL")
    if wanted is None:
        rows = ex.rows(query, {"stamp": stamp})
    else:
        rows = []
        for part in sql.chunks(sorted(wanted)):
            marks, params = sql.placeholders("i", part)
            rows += ex.rows(f"{query} AND id IN ({marks})", {**params, "stamp": stamp})
    for aid, revision, detail in rows:
        if wanted is not None and wanted.get(aid) != revision:
            continue
        c = CaseFacts.model_validate_json(detail)
        c.finding_labels = {k: labels[("f", k)] for k in c.findings if ("f", k) in labels}
        c.level_label = labels.get(("l", c.level)) if c.level else None
        out.append(c)
        revisions[aid] = int(revision)
    return out, revisions
