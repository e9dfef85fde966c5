"""The council overview's facts as rows (app/store/facts/): one row per assessment at its
current revision, with the columns its counts group and filter on, written in the same
transaction as each save and removed with the assessment (ON DELETE CASCADE: erased means
erased). Its articles and findings, and its measures, in tables of their own. The rows of
assessments stored before this migration are written by the first overview build, in the
background (`complete` in overview_meta says when it has run; a database without
assessments is complete at once).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
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
INSERT INTO overview_meta (key, value)
  SELECT 'complete', 'yes' WHERE NOT EXISTS (SELECT 1 FROM assessments);
""")


def downgrade() -> None:
    op.execute("DROP TABLE overview_labels; DROP TABLE overview_fact_measures; "
               "DROP TABLE overview_fact_keys; DROP TABLE overview_facts; "
               "DROP TABLE overview_meta")
