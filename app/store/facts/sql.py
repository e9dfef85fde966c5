"""The statements both engines run on the facts tables (SQLite and PostgreSQL understand the
same text here: named `:parameters`, `||`, `ON CONFLICT`, correlated subqueries; booleans are
0/1 integers so one text fits both). The tables are described in shape.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from app.store.facts import shape

#: what a write sets (`kept` is decided by the linking afterwards, _link)
FACT_COLUMNS = tuple(c for c in shape.FACTS.names() if c != "kept")

UPSERT_FACT = (
    f"INSERT INTO overview_facts ({', '.join(FACT_COLUMNS)}, kept) "
    f"VALUES ({', '.join(':' + c for c in FACT_COLUMNS)}, 0) "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in FACT_COLUMNS[1:]))
DELETE_KEYS = "DELETE FROM overview_fact_keys WHERE id = :id"
DELETE_MEASURES = "DELETE FROM overview_fact_measures WHERE id = :id"
DELETE_FACT = "DELETE FROM overview_facts WHERE id = :id"
INSERT_KEY = "INSERT INTO overview_fact_keys (id, kind, key) VALUES (:id, :kind, :key)"
INSERT_MEASURE = ("INSERT INTO overview_fact_measures (id, n, what, who, due, open) "
                  "VALUES (:id, :n, :what, :who, :due, :open)")
INSERT_LABEL = ("INSERT INTO overview_labels (stamp, kind, key, label) "
                "VALUES (:stamp, :kind, :key, :label) ON CONFLICT DO NOTHING")

#: the one row counted of each decision: the furthest along, then the latest, then the id
#: (app/core/dashboard._rank); among rows scored alike, so while a questionnaire change is
#: being scored the rows already scored count one per decision among themselves
KEPT = ("CASE WHEN overview_facts.follow_up_of IS NULL "
        "AND overview_facts.kind NOT IN ('', 'skipped') AND overview_facts.id = ("
        "SELECT b.id FROM overview_facts b WHERE b.dkey = overview_facts.dkey "
        "AND b.stamp = overview_facts.stamp "
        "ORDER BY b.srank DESC, b.day DESC, b.id DESC LIMIT 1) THEN 1 ELSE 0 END")
def placeholders(name: str, values: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """`:name0, :name1, ...` and their values: a list bound the same way in both engines."""
    names = [f"{name}{n}" for n in range(len(values))]
    return ", ".join(":" + n for n in names), dict(zip(names, values, strict=True))


def chunks(items: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
