"""The attached files' bytes in the database: the table `attachment_files` (migration 0004),
one row per assessment and content hash, deleted with the assessment row (ON DELETE CASCADE).
Why the database and not files beside it: app/store/attachment_files.py."""

from __future__ import annotations

import hashlib

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert

from app.store.attachment_files import AttachmentFileDamaged, checked_names
from app.store.errors import NotFound
from app.store.postgres.engine import engine_for, shown, transaction
from app.store.postgres.schema import attachment_files as F


class PostgresAttachmentFiles:
    def __init__(self, url: str) -> None:
        self.engine = engine_for(url)
        self.location = shown(url)

    def put(self, assessment_id: str, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        checked_names(assessment_id, sha)
        with transaction(self.engine, self.location) as conn:
            conn.execute(insert(F).values(assessment_id=assessment_id, sha256=sha,
                                          size=len(data), data=data)
                         .on_conflict_do_nothing())
        return sha

    def get(self, assessment_id: str, sha256: str) -> bytes:
        checked_names(assessment_id, sha256)
        with transaction(self.engine, self.location) as conn:
            row = conn.execute(select(F.c.data).where(F.c.assessment_id == assessment_id,
                                                      F.c.sha256 == sha256)).first()
        if row is None:
            raise NotFound(f"{assessment_id}/{sha256}")
        data = bytes(row.data)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise AttachmentFileDamaged(self.location, sha256)
        return data

    def remove(self, assessment_id: str, sha256: str) -> None:
        checked_names(assessment_id, sha256)
        with transaction(self.engine, self.location) as conn:
            conn.execute(delete(F).where(F.c.assessment_id == assessment_id,
                                         F.c.sha256 == sha256))

    def remove_all(self, assessment_id: str) -> None:
        checked_names(assessment_id)
        with transaction(self.engine, self.location) as conn:
            conn.execute(delete(F).where(F.c.assessment_id == assessment_id))
