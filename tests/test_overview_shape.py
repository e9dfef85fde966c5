"""The overview index's tables are described once (app/store/facts/shape.py) and drawn from
by the local index, PostgreSQL migration 0006 and the queries' schema: a shipped migration
must still do what it did, and a local index file of the same schema version must have the
same tables."""

from __future__ import annotations

import hashlib
import re
import sqlite3

from app.store.facts import backlog, shape, sql, sqlite_file

#: what migration 0006 ran when it shipped (its text, as it stood)
SHIPPED_0006 = """
CREATE TABLE overview_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE overview_facts (
  id TEXT PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
  revision INTEGER NOT NULL, stamp TEXT NOT NULL, kind TEXT NOT NULL,
  committee TEXT NOT NULL, year INTEGER NOT NULL, day TEXT NOT NULL, status TEXT NOT NULL,
  srank INTEGER NOT NULL, level TEXT, heard INTEGER NOT NULL, departs INTEGER NOT NULL,
  follow_up_of TEXT, copy_of TEXT, case_key TEXT NOT NULL, okey TEXT NOT NULL,
  dkey TEXT NOT NULL,
  kept INTEGER NOT NULL DEFAULT 0, follow_up TEXT,
  title TEXT NOT NULL, outcome TEXT, departure TEXT NOT NULL, detail TEXT);
CREATE INDEX overview_facts_decision ON overview_facts (dkey, srank, day, id);
CREATE INDEX overview_facts_family ON overview_facts (follow_up_of, day, id);
CREATE INDEX overview_facts_copies ON overview_facts (copy_of);
CREATE INDEX overview_facts_own ON overview_facts (okey);
CREATE INDEX overview_facts_stamp ON overview_facts (stamp);
CREATE INDEX overview_facts_counted ON overview_facts (stamp, kept, status, committee, year);
CREATE INDEX overview_facts_departs ON overview_facts (day) WHERE departs = 1;
CREATE INDEX overview_facts_follow_up ON overview_facts (follow_up)
  WHERE follow_up IS NOT NULL;
CREATE TABLE overview_fact_keys (
  id TEXT NOT NULL REFERENCES overview_facts (id) ON DELETE CASCADE,
  kind TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (id, kind, key));
CREATE TABLE overview_fact_measures (
  id TEXT NOT NULL REFERENCES overview_facts (id) ON DELETE CASCADE,
  n INTEGER NOT NULL, what TEXT NOT NULL, who TEXT NOT NULL, due TEXT,
  open INTEGER NOT NULL, PRIMARY KEY (id, n));
CREATE INDEX overview_fact_measures_due ON overview_fact_measures (due) WHERE open = 1;
CREATE TABLE overview_labels (
  stamp TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, label TEXT NOT NULL,
  PRIMARY KEY (stamp, kind, key));
"""
#: the local file's tables at its schema version (sqlite_file.SCHEMA): a change to them needs a
#: new version, so an index of the old shape is set aside and built anew
LOCAL_DIGEST = ("bka-overview-index/3",
                "9b2699669f07cea5411fa660fb35f4d89f4b0ce0fe0141ce7ceb131d05035a1f")


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("(\n", "(")).replace("( ", "(").strip()


def test_migration_0006_still_creates_what_it_shipped_with() -> None:
    assert words(shape.script("postgresql", upto="0006")) == words(SHIPPED_0006)


def test_a_column_of_a_later_migration_is_not_created_by_0006() -> None:
    later = shape.Table("t", (shape.Column("id"), shape.Column("new", since="0099")), ("id",),
                        indexes=(shape.Index("t_new", ("new",), since="0099"),))
    assert "new" not in shape.create(later, "postgresql", upto="0006")
    assert "new TEXT NOT NULL" in shape.create(later, "sqlite")


def test_the_local_file_changes_only_with_its_schema_version() -> None:
    # The backlog's tables are created on every open (IF NOT EXISTS), so a file of this
    # version gains them without being built anew; everything else needs a new version.
    assert sqlite_file.DDL.endswith(backlog.DDL)
    tables = sqlite_file.DDL[:len(sqlite_file.DDL) - len(backlog.DDL)]
    digest = hashlib.sha256(words(tables).encode("utf-8")).hexdigest()
    assert (sqlite_file.SCHEMA, digest) == LOCAL_DIGEST


def test_the_local_tables_take_every_column_a_write_sets() -> None:
    db = sqlite3.connect(":memory:")
    db.executescript(sqlite_file.DDL)
    have = [r[1] for r in db.execute("PRAGMA table_info(overview_facts)")]
    assert set(sql.FACT_COLUMNS) <= set(have) and "kept" in have
