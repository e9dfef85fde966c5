"""The server database's tables (SQLAlchemy Core). Alembic's migrations create and change
them; this module only describes the current shape for the queries.

    assessments   one row per assessment: the whole document as JSONB, and beside it the
                  columns the overview shows and filters on, so listing 100,000 rows never
                  reads a document.
    revisions     the history: one row per stored change (who, when, what, before).
    records       meetings and workshops: one row per record, keyed by kind and id.
    overview_*    the council overview's facts, one row per assessment (app/store/facts/).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    literal_column,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql.elements import ColumnElement

from app.store.facts import shape

metadata = MetaData()

#: the case number as app/store/case_numbers.normalised() writes it: trimmed, runs of white
#: space as one space, lower case; the expression the index of migration 0005 holds
CASE_NUMBER_SQL = r"lower(regexp_replace(btrim(case_number), '\s+', ' ', 'g'))"

assessments = Table(
    "assessments", metadata,
    Column("id", Text, primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("document", JSONB, nullable=False),  #: Assessment.model_dump(mode="json")
    Column("updated_by", Text, nullable=False, server_default=""),
    Column("title", Text, nullable=False),
    Column("case_number", Text, nullable=False, server_default=""),
    Column("committee", Text, nullable=False, server_default=""),
    Column("status", Text, nullable=False),
    Column("questionnaire", Text, nullable=False),
    Column("questionnaire_version", Text, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("updated", DateTime(timezone=True), nullable=False),
    #: title and case number casefolded by Python (as the local store compares them)
    Column("haystack", Text, nullable=False),
    Column("deleted_at", DateTime(timezone=True)),  #: set while in the trash
    Column("deleted_by", Text, nullable=False, server_default=""),
    #: whose it is (the login mode's roles, migration 0003): "" in the local mode
    Column("owner", Text, nullable=False, server_default=""),
    Column("unit", Text, nullable=False, server_default=""),
    Column("shared", Boolean, nullable=False, server_default=text("false")),
    Column("reviewer", Text, nullable=False, server_default=""),
    Index("assessments_owner", "owner"),
    Index("assessments_unit", "unit"),
    Index("assessments_reviewer", "reviewer"),
    Index("assessments_overview", text("updated DESC"), "id",
          postgresql_where=text("deleted_at IS NULL")),
    Index("assessments_trash", text("deleted_at DESC"),
          postgresql_where=text("deleted_at IS NOT NULL")),
    Index("assessments_status", "status", text("updated DESC")),
    #: a case system's look-up by case number (migration 0005; case_number_key below)
    Index("assessments_case_number", text(CASE_NUMBER_SQL)),
    #: trigrams (pg_trgm): a search of 100,000 rows reads the index, not every row
    Index("assessments_search", "haystack", postgresql_using="gin",
          postgresql_ops={"haystack": "gin_trgm_ops"}),
)

revisions = Table(
    "revisions", metadata,
    Column("assessment_id", Text, ForeignKey("assessments.id", ondelete="CASCADE"),
           primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("editor", Text, nullable=False, server_default=""),
    Column("action", Text, nullable=False),
    Column("changes", JSONB, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
)

#: files attached to assessments (app/store/attachment_files.py), gone with their assessment
attachment_files = Table(
    "attachment_files", metadata,
    Column("assessment_id", Text, ForeignKey("assessments.id", ondelete="CASCADE"),
           primary_key=True),
    Column("sha256", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

records = Table(
    "records", metadata,
    Column("kind", Text, primary_key=True),  #: "meetings", "workshops"
    Column("id", Text, primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("updated", DateTime(timezone=True), nullable=False),
    Column("document", JSONB, nullable=False),
    Index("records_newest", "kind", text("updated DESC")),
)


#: literal SQL, not bound parameters: the planner matches it to the index only when it is
#: the index's very expression
case_number_key: ColumnElement[str] = literal_column(CASE_NUMBER_SQL, Text)


def _overview(table: shape.Table) -> Table:
    """One of the council overview's tables (app/store/facts/shape.py, which migration 0006
    and the local index draw from too)."""
    kinds = {"TEXT": Text, "INTEGER": Integer}
    columns: list[Column[Any]] = [Column(c.name, kinds[c.type],
                      *([ForeignKey(f"{table.owner}.id", ondelete="CASCADE")]
                        if table.owner and c.name == "id" else []),
                      primary_key=c.name in table.key,
                      nullable=c.null and c.name not in table.key,
                      server_default=text(c.default) if c.default is not None else None)
               for c in table.columns]
    indexes = [Index(ix.name, *ix.columns,
                     postgresql_where=text(ix.where) if ix.where else None)
               for ix in table.indexes if ix.made("postgresql", None)]
    return Table(table.name, metadata, *columns, *indexes)


overview_meta, overview_facts, overview_fact_keys, overview_fact_measures, overview_labels = (
    _overview(t) for t in shape.TABLES)
