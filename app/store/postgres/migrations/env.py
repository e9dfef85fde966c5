"""Alembic's environment: the database URL comes from the caller (schema.upgrade) or, on the
command line, from `-x url=...` or $BKA_DATABASE_URL; a connection handed over in
`config.attributes["connection"]` is used as it is (it holds the upgrade's advisory lock)."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from app.store.postgres.schema import metadata

config = context.config


def _run(connection: object) -> None:
    context.configure(connection=connection, target_metadata=metadata)  # type: ignore[arg-type]
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = (context.get_x_argument(as_dictionary=True).get("url")
           or os.environ.get("BKA_DATABASE_URL", ""))
    if not url:
        raise SystemExit("alembic: give the database as -x url=postgresql://... "
                         "or in BKA_DATABASE_URL")
    from app.store.postgres.engine import driver_url

    engine = create_engine(driver_url(url))
    with engine.connect() as conn:
        _run(conn)
