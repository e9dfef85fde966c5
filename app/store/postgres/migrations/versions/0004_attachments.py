"""The files attached to assessments (underlag), in the database beside their assessment:
one row per assessment and content hash, removed with the assessment (ON DELETE CASCADE), so
an erase needs no second step and pg_dump holds them with the rest.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_files",
        sa.Column("assessment_id", sa.Text,
                  sa.ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("sha256", sa.Text, primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("attachment_files")
