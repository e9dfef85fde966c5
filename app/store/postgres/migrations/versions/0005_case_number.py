"""An index on the case number (trimmed, its spaces as one, lower-cased): a case system
looking up its case (GET /v1/assessments?case_number=…, app/store/case_numbers.py) reads a
handful of index entries instead of searching the titles' trigrams of every row.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX assessments_case_number ON assessments "
               r"(lower(regexp_replace(btrim(case_number), '\s+', ' ', 'g')))")


def downgrade() -> None:
    op.execute("DROP INDEX assessments_case_number")
