"""The server store: PostgreSQL through SQLAlchemy 2 and psycopg 3, its schema kept by
Alembic (migrations/). Selected by BKA_DATABASE_URL in app/store/factory.py.

Nothing is imported here, so `bka` and the local mode never load SQLAlchemy:

    store.py        PostgresAssessmentStore
    collection.py   PostgresCollection (meetings, workshops)
    engine.py       one pool per URL, schema upgrades, DatabaseUnavailable
    moving_in.py    bka migrate
"""
