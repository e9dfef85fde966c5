"""Whose an assessment is (the login mode's roles): owner, unit, shared, reviewer as columns
beside the document, so the overview filters a person's rows without reading documents.
Filled from the documents that already carry them; empty for records of the local mode.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name in ("owner", "unit", "reviewer"):
        op.add_column("assessments", sa.Column(name, sa.Text, nullable=False,
                                               server_default=""))
    op.add_column("assessments", sa.Column("shared", sa.Boolean, nullable=False,
                                           server_default=sa.false()))
    op.execute("""
        UPDATE assessments SET
          owner = COALESCE(document #>> '{ownership,sub}', ''),
          unit = COALESCE(document #>> '{ownership,unit}', ''),
          shared = COALESCE((document #>> '{ownership,shared}')::boolean, false),
          reviewer = COALESCE(document #>> '{review,reviewer_sub}', '')
        WHERE document ? 'ownership' OR document #> '{review,reviewer_sub}' IS NOT NULL
    """)
    op.create_index("assessments_owner", "assessments", ["owner"])
    op.create_index("assessments_unit", "assessments", ["unit"])
    op.create_index("assessments_reviewer", "assessments", ["reviewer"])


def downgrade() -> None:
    for index in ("assessments_owner", "assessments_unit", "assessments_reviewer"):
        op.drop_index(index, table_name="assessments")
    for name in ("owner", "unit", "reviewer", "shared"):
        op.drop_column("assessments", name)
