"""Which rows are one decision: the same rule as app/core/dashboard.one_per_decision (rows
with the same committee and case number; a copy and its source when the copy has no case
number of its own or its source's), kept as a label per row (`dkey`: the smallest own key
of its group), so counting one row per decision is a filter on `kept`, not a graph walk per
view. A save relabels only the groups it touches (the row's old group may split, its new
one may join others); a bulk build labels every row once."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.store.facts import sql
from app.store.facts.executor import Executor

_COLUMNS = "id, okey, copy_of, case_key, kind, follow_up_of, dkey"


def _decision(row: tuple[Any, ...]) -> bool:
    """A row that can be part of a decision: scored, not skipped, not a follow-up."""
    return row[4] not in ("", "skipped") and row[5] is None


def _groups(rows: dict[str, tuple[Any, ...]]) -> dict[str, str]:
    """id -> the label of its group (union-find over the rows given)."""
    parent = {i: i for i in rows}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_of_key: dict[str, str] = {}
    for i, row in rows.items():
        if not _decision(row):
            continue
        if row[1].startswith("k:"):
            parent[root(i)] = root(first_of_key.setdefault(row[1], i))
        source = rows.get(row[2] or "")
        if source is not None and _decision(source) and row[3] in ("", source[3]):
            parent[root(i)] = root(source[0])
    label: dict[str, str] = {}
    for i, row in rows.items():
        r = root(i)
        label[r] = min(label.get(r, row[1]), row[1])
    return {i: label[root(i)] for i in rows}


def relabel(ex: Executor, ids: Iterable[str], labels: Iterable[str]) -> set[str]:
    """Label again the groups of rows `ids` and of the old `labels` (a group a change may have
    split): every row reachable from them is read (same case number, source, copies), then
    grouped. Returns every label touched, old and new (their `kept` is decided again)."""
    rows: dict[str, tuple[Any, ...]] = {}
    seen: dict[str, set[str]] = {"id": set(), "copy_of": set(), "dkey": set(), "okey": set()}
    todo: dict[str, set[str]] = {"id": set(ids), "copy_of": set(ids), "dkey": set(labels),
                                 "okey": set()}
    while any(todo.values()):
        found: list[tuple[Any, ...]] = []
        for column, values in todo.items():
            seen[column] |= values
            for part in sql.chunks(sorted(values)):
                marks, params = sql.placeholders("v", part)
                found += ex.rows(f"SELECT {_COLUMNS} FROM overview_facts "
                                 f"WHERE {column} IN ({marks})", params)
        todo = {"id": set(), "copy_of": set(), "dkey": set(), "okey": set()}
        for row in found:
            if row[0] in rows:
                continue
            rows[row[0]] = row
            todo["copy_of"].add(row[0])  # its copies
            if row[2]:
                todo["id"].add(row[2])  # its source
            if row[1].startswith("k:"):
                todo["okey"].add(row[1])  # the same committee and case number
        todo = {column: values - seen[column] for column, values in todo.items()}
    return _write(ex, rows, _groups(rows)) | set(labels)


def relabel_all(ex: Executor) -> None:
    rows = {r[0]: r for r in ex.rows(f"SELECT {_COLUMNS} FROM overview_facts")}
    _write(ex, rows, _groups(rows))


def _write(ex: Executor, rows: dict[str, tuple[Any, ...]], labels: dict[str, str]) -> set[str]:
    changed = [{"id": i, "dkey": label} for i, label in labels.items() if rows[i][6] != label]
    if changed:
        ex.many("UPDATE overview_facts SET dkey = :dkey WHERE id = :id", changed)
    return {r[6] for r in rows.values()} | set(labels.values())
