"""The server store: PostgreSQL through SQLAlchemy 2 and psycopg 3, its schema kept by
Alembic (migrations/). Selected by BKA_DATABASE_URL in app/store/factory.py; imported only
then, so the local mode loads none of it."""

from app.store.postgres.collection import PostgresCollection
from app.store.postgres.engine import DatabaseNewer, DatabaseUnavailable, engine_for
from app.store.postgres.store import PostgresAssessmentStore, RowCorrupted

__all__ = ["DatabaseNewer", "DatabaseUnavailable", "PostgresAssessmentStore",
           "PostgresCollection", "RowCorrupted", "engine_for"]
