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


# The council overview's facts (migration 0006; app/store/facts/ writes and counts them with
# the same SQL text locally and here, so only their shape is described here).
overview_meta = Table(
    "overview_meta", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

overview_facts = Table(
    "overview_facts", metadata,
    Column("id", Text, ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("stamp", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("committee", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("day", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("srank", Integer, nullable=False),
    Column("level", Text),
    Column("heard", Integer, nullable=False),
    Column("departs", Integer, nullable=False),
    Column("follow_up_of", Text),
    Column("copy_of", Text),
    Column("case_key", Text, nullable=False),
    Column("okey", Text, nullable=False),
    Column("dkey", Text, nullable=False),
    Column("kept", Integer, nullable=False, server_default=text("0")),
    Column("follow_up", Text),
    Column("title", Text, nullable=False),
    Column("outcome", Text),
    Column("departure", Text, nullable=False),
    Column("detail", Text),
    Index("overview_facts_decision", "dkey", "srank", "day", "id"),
    Index("overview_facts_family", "follow_up_of", "day", "id"),
    Index("overview_facts_copies", "copy_of"),
    Index("overview_facts_own", "okey"),
    Index("overview_facts_stamp", "stamp"),
    Index("overview_facts_counted", "stamp", "kept", "status", "committee", "year"),
    Index("overview_facts_departs", "day", postgresql_where=text("departs = 1")),
    Index("overview_facts_follow_up", "follow_up",
          postgresql_where=text("follow_up IS NOT NULL")),
)

overview_fact_keys = Table(
    "overview_fact_keys", metadata,
    Column("id", Text, ForeignKey("overview_facts.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", Text, primary_key=True),
    Column("key", Text, primary_key=True),
)

overview_fact_measures = Table(
    "overview_fact_measures", metadata,
    Column("id", Text, ForeignKey("overview_facts.id", ondelete="CASCADE"), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("what", Text, nullable=False),
    Column("who", Text, nullable=False),
    Column("due", Text),
    Column("open", Integer, nullable=False),
    Index("overview_fact_measures_due", "due", postgresql_where=text("open = 1")),
)

overview_labels = Table(
    "overview_labels", metadata,
    Column("stamp", Text, primary_key=True),
    Column("kind", Text, primary_key=True),
    Column("key", Text, primary_key=True),
    Column("label", Text, nullable=False),
)
