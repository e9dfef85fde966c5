"""The first schema: assessments (JSONB + overview columns), revisions, records.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("document", JSONB, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("case_number", sa.Text, nullable=False, server_default=""),
        sa.Column("committee", sa.Text, nullable=False, server_default=""),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("questionnaire", sa.Text, nullable=False),
        sa.Column("questionnaire_version", sa.Text, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("haystack", sa.Text, nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True)),
        sa.Column("deleted_by", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("assessments_overview", "assessments", [sa.text("updated DESC"), "id"],
                    postgresql_where=sa.text("deleted_at IS NULL"))
    op.create_index("assessments_trash", "assessments", [sa.text("deleted_at DESC")],
                    postgresql_where=sa.text("deleted_at IS NOT NULL"))
    op.create_index("assessments_status", "assessments", ["status", sa.text("updated DESC")])
    op.create_table(
        "revisions",
        sa.Column("assessment_id", sa.Text,
                  sa.ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("revision", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("editor", sa.Text, nullable=False, server_default=""),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("changes", JSONB, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "records",
        sa.Column("kind", sa.Text, primary_key=True),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document", JSONB, nullable=False),
    )
    op.create_index("records_newest", "records", ["kind", sa.text("updated DESC")])


def downgrade() -> None:
    op.drop_table("records")
    op.drop_table("revisions")
    op.drop_table("assessments")
