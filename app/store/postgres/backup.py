"""The database's own backup button: every row of every table in one JSON file, zipped."""

from __future__ import annotations

import datetime as dt
import json
import secrets
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from app.core.child_backup import for_backup
from app.store.errors import StoreError
from app.store.kinds import COLLECTIONS
from app.store.postgres.engine import transaction
from app.store.postgres.rows import jsonable
from app.store.postgres.schema import assessments as A
from app.store.postgres.schema import records as R
from app.store.postgres.schema import revisions as H

BACKUP_FORMAT = "bka-pg-backup/1"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _private(row: dict[str, Any]) -> dict[str, Any]:
    """A children's collection under five answers: only their number (app/core/child_backup)."""
    if row.get("kind") != COLLECTIONS or not isinstance(row.get("document"), dict):
        return row
    return {**row, "document": for_backup(row["document"])}


def write_backup(engine: Engine, location: str, folder: Path) -> Path:
    """A zip with every row of the database (one JSON file), written into `folder` and read
    back before it is handed out. For the server's own backups IT uses pg_dump
    (docs/DEPLOY.md); this is the same button the local store offers."""
    with transaction(engine, location) as conn:
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        content = {
            "format": BACKUP_FORMAT, "database": location,
            "made": _now().isoformat(),
            "assessments": [jsonable(r._asdict()) for r in conn.execute(
                select(A).order_by(A.c.id))],
            "revisions": [jsonable(r._asdict()) for r in conn.execute(
                select(H).order_by(H.c.assessment_id, H.c.revision))],
            "records": [_private(jsonable(r._asdict())) for r in conn.execute(
                select(R).order_by(R.c.kind, R.c.id))],
        }
    data = json.dumps(content, ensure_ascii=False).encode("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"bka-backup-{stamp}-{secrets.token_hex(2)}.zip"
    partial = target.with_name("." + target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("database.json", data)
    with zipfile.ZipFile(partial) as zf:
        if zf.read("database.json") != data:
            partial.unlink()
            raise StoreError(f"The backup {target} did not read back as written; it was "
                             "removed. Check the disk and try again.")
    partial.replace(target)
    return target
