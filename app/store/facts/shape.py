"""The overview index's tables, described once: the local index's SQLite file (local.py), the
PostgreSQL migration that created them (0006) and the queries' description of them
(postgres/schema.py) are all drawn from these lists, so a column cannot be spelled one way in
one engine and another way in the other.

A shipped migration must go on doing what it did: each column and index names the migration
that brought it (`since`), and a migration draws only what is its own. A column added later
is described here with the new migration's revision, and that migration adds it (ALTER
TABLE); migration 0006 keeps creating the tables as it always did (a test holds its text to
what was shipped). In PostgreSQL the rows belong to their assessment (REFERENCES ... ON DELETE
CASCADE: erased means erased); the local file has no assessments table to refer to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Engine = Literal["sqlite", "postgresql"]
FIRST = "0006"  #: the migration that created the tables


@dataclass(frozen=True)
class Column:
    name: str
    type: Literal["TEXT", "INTEGER"] = "TEXT"
    null: bool = False  #: NULL allowed (else NOT NULL)
    default: str | None = None  #: SQL, the same in both engines
    since: str = FIRST


@dataclass(frozen=True)
class Index:
    name: str
    columns: tuple[str, ...]
    where: str = ""  #: a partial index's condition
    since: str = FIRST
    #: the PostgreSQL migration that dropped it (the local file's shape moves with its own
    #: schema version, sqlite_file.SCHEMA, and keeps it)
    until: str | None = None
    engines: tuple[Engine, ...] = ("sqlite", "postgresql")

    def made(self, engine: Engine, upto: str | None) -> bool:
        """Whether the tables of `engine` up to migration `upto` (None: the newest) have it."""
        if engine not in self.engines:
            return False
        if engine == "sqlite":
            return True
        return ((upto is None or self.since <= upto)
                and (self.until is None or (upto is not None and upto < self.until)))


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    #: PostgreSQL: the table whose row this one belongs to, by `id`
    owner: str | None = None
    indexes: tuple[Index, ...] = ()

    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _t(name: str) -> Column:
    return Column(name)


def _n(name: str) -> Column:
    return Column(name, null=True)


def _i(name: str, **more: object) -> Column:
    return Column(name, "INTEGER", **more)  # type: ignore[arg-type]


META = Table("overview_meta", (_t("key"), _t("value")), ("key",))
FACTS = Table(
    "overview_facts",
    (_t("id"), _i("revision"), _t("stamp"), _t("kind"), _t("committee"), _i("year"),
     _t("day"), _t("status"), _i("srank"), _n("level"), _i("heard"), _i("departs"),
     _n("follow_up_of"), _n("copy_of"), _t("case_key"), _t("okey"), _t("dkey"),
     _i("kept", default="0"), _n("follow_up"), _t("title"), _n("outcome"), _t("departure"),
     _n("detail")),
    ("id",), owner="assessments",
    indexes=(Index("overview_facts_decision", ("dkey", "srank", "day", "id")),
             Index("overview_facts_family", ("follow_up_of", "day", "id")),
             Index("overview_facts_copies", ("copy_of",)),
             Index("overview_facts_own", ("okey",)),
             Index("overview_facts_stamp", ("stamp",)),
             Index("overview_facts_counted", ("stamp", "kept", "status", "committee", "year"),
                   until="0007"),
             # Every column the board's GROUP BYs and filters read, so PostgreSQL counts from
             # this index alone (an index-only scan, in parallel workers where it pays): the
             # rows themselves carry each assessment's facts as JSON (`detail`, ~0.8 KB of a
             # ~1.1 KB row), which a scan of the table would read 100,000 times to count.
             # SQLite reads its rows in place and is within its goal without it.
             Index("overview_facts_board", ("stamp", "kept", "status", "committee", "year",
                                            "day", "follow_up_of", "kind", "level", "heard",
                                            "departs", "id"),
                   since="0007", engines=("postgresql",)),
             Index("overview_facts_departs", ("day",), "departs = 1"),
             Index("overview_facts_follow_up", ("follow_up",), "follow_up IS NOT NULL")))
KEYS = Table("overview_fact_keys", (_t("id"), _t("kind"), _t("key")), ("id", "kind", "key"),
             owner="overview_facts")
MEASURES = Table(
    "overview_fact_measures",
    (_t("id"), _i("n"), _t("what"), _t("who"), _n("due"), _i("open")), ("id", "n"),
    owner="overview_facts",
    indexes=(Index("overview_fact_measures_due", ("due",), "open = 1"),))
LABELS = Table("overview_labels", (_t("stamp"), _t("kind"), _t("key"), _t("label")),
               ("stamp", "kind", "key"))
TABLES = (META, FACTS, KEYS, MEASURES, LABELS)


def _column(table: Table, c: Column, engine: Engine) -> str:
    text = f"{c.name} {c.type}"
    if table.key == (c.name,):
        text += " PRIMARY KEY"
    elif not c.null:
        text += " NOT NULL"
    if c.default is not None:
        text += f" DEFAULT {c.default}"
    if engine == "postgresql" and table.owner and c.name == "id":
        text += f" REFERENCES {table.owner} (id) ON DELETE CASCADE"
    return text


def create(table: Table, engine: Engine, upto: str | None = None) -> str:
    """CREATE TABLE and its indexes: every column (the local file), or those a migration up
    to `upto` made (PostgreSQL)."""
    mine = [c for c in table.columns if upto is None or c.since <= upto]
    cells = [_column(table, c, engine) for c in mine]
    if len(table.key) > 1:
        cells.append(f"PRIMARY KEY ({', '.join(table.key)})")
    guard = "IF NOT EXISTS " if engine == "sqlite" else ""
    out = [f"CREATE TABLE {guard}{table.name} ({', '.join(cells)});"]
    for ix in table.indexes:
        if ix.made(engine, upto):
            where = f" WHERE {ix.where}" if ix.where else ""
            out.append(f"CREATE INDEX {guard}{ix.name} ON {table.name} "
                       f"({', '.join(ix.columns)}){where};")
    return "\n".join(out)


def script(engine: Engine, upto: str | None = None) -> str:
    """Every table of the index, as one script."""
    return "\n".join(create(t, engine, upto) for t in TABLES) + "\n"
