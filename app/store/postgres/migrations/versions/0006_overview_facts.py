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

from app.store.facts import shape

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The tables as app/store/facts/shape.py describes them, what this migration made of it
    # (`upto`): a column added later is added by its own migration.
    op.execute(shape.script("postgresql", upto=revision) + """
INSERT INTO overview_meta (key, value)
  SELECT 'complete', 'yes' WHERE NOT EXISTS (SELECT 1 FROM assessments);
""")


def downgrade() -> None:
    op.execute("DROP TABLE overview_labels; DROP TABLE overview_fact_measures; "
               "DROP TABLE overview_fact_keys; DROP TABLE overview_facts; "
               "DROP TABLE overview_meta")
