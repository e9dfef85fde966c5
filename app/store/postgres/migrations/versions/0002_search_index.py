"""A trigram index on the overview's search text, so a search of 100,000 titles and case
numbers (LIKE '%text%') reads the index instead of every row.

pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the
database's owner may create it, no superuser needed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_index("assessments_search", "assessments", ["haystack"], postgresql_using="gin",
                    postgresql_ops={"haystack": "gin_trgm_ops"})


def downgrade() -> None:
    op.drop_index("assessments_search", table_name="assessments")
