"""Writing facts into the tables, the same for both engines: through an Executor, which is a
PostgreSQL transaction (the save's own, postgres/facts.py) or an SQLite connection
(local.py). A write replaces the row of each assessment (never with an older revision than
the one there), then links what it touches: which row stands for each decision
(decisions.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.store.facts import decisions, sql
from app.store.facts.executor import Executor
from app.store.facts.rows import Fact, key_rows, label_rows, main_row, measure_rows


def put(ex: Executor, facts: Sequence[Fact], *, link: bool = True) -> None:
    """Write `facts`; with `link` (one save) the decisions and follow-ups they touch are
    linked at once; a bulk build links everything once at its end (link_all)."""
    before = _current(ex, [f.id for f in facts])
    fresh = [f for f in facts if f.id not in before or before[f.id][0] <= f.revision]
    if not fresh:
        return
    ex.many(sql.UPSERT_FACT, [main_row(f) for f in fresh])
    ids = [{"id": f.id} for f in fresh]
    ex.many(sql.DELETE_KEYS, ids)
    ex.many(sql.DELETE_MEASURES, ids)
    # A label is kept once per stamp and key (the first one wins, as ON CONFLICT DO
    # NOTHING has it): the same few labels of a build's many facts are sent once.
    labels = {(r["stamp"], r["kind"], r["key"]): r for f in reversed(fresh)
              for r in label_rows(f)}
    for statement, rows in ((sql.INSERT_KEY, [r for f in fresh for r in key_rows(f)]),
                            (sql.INSERT_MEASURE, [r for f in fresh for r in measure_rows(f)]),
                            (sql.INSERT_LABEL, list(labels.values()))):
        if rows:
            ex.many(statement, rows)
    if link:
        _link(ex, [f.id for f in fresh], before)


def drop(ex: Executor, ids: Sequence[str]) -> None:
    """Take assessments out (to the trash, erased): their rows and what they linked."""
    before = _current(ex, ids)
    if not before:
        return
    params = [{"id": i} for i in before]
    ex.many(sql.DELETE_KEYS, params)
    ex.many(sql.DELETE_MEASURES, params)
    ex.many(sql.DELETE_FACT, params)
    _link(ex, [], before)


def _current(ex: Executor, ids: Sequence[str]) -> dict[str, tuple[int, str, str | None]]:
    """Revision, decision key and original (of a follow-up) of the rows there now."""
    found: dict[str, tuple[int, str, str | None]] = {}
    for part in sql.chunks(list(ids)):
        marks, params = sql.placeholders("i", part)
        for row in ex.rows("SELECT id, revision, dkey, follow_up_of FROM overview_facts "
                           f"WHERE id IN ({marks})", params):
            found[row[0]] = (int(row[1]), row[2], row[3])
    return found


def _link(ex: Executor, ids: Sequence[str], before: Mapping[str, tuple[int, str, str | None]],
          ) -> None:
    """The decisions the rows written (or dropped) were and are part of, labelled again and
    their row to count chosen again."""
    labels = decisions.relabel(ex, ids, {v[1] for v in before.values()})
    for part in sql.chunks(sorted(labels)):
        marks, params = sql.placeholders("k", part)
        ex.run(f"UPDATE overview_facts SET kept = {sql.KEPT} WHERE dkey IN ({marks})", params)


def link_all(ex: Executor) -> None:
    """Link every row (after a bulk build): the decisions, then each one's row to count."""
    decisions.relabel_all(ex)
    ex.run(f"UPDATE overview_facts SET kept = {sql.KEPT}")
