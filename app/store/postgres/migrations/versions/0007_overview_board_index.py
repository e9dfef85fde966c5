"""The council overview counted from one index: every column the board's GROUP BYs and
filters read (app/store/facts/shape.py, `overview_facts_board`), so PostgreSQL counts with an
index-only scan instead of reading every row whole, each with its facts as JSON. It starts
with the columns of `overview_facts_counted`, which it replaces.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

from app.store.facts import shape

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    board = next(ix for ix in shape.FACTS.indexes if ix.name == "overview_facts_board")
    op.execute(f"CREATE INDEX {board.name} ON overview_facts ({', '.join(board.columns)}); "
               "DROP INDEX overview_facts_counted")


def downgrade() -> None:
    op.execute("CREATE INDEX overview_facts_counted ON overview_facts "
               "(stamp, kept, status, committee, year); DROP INDEX overview_facts_board")
