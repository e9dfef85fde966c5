"""The bytes of attached files, kept with their assessment and addressed by content hash.

Locally: `<data>/attachments/<assessment id>/<sha256>`, written atomically; the folder goes
with the assessment's erase, is inside every backup (the backup zips the data folder), and
the name is the checksum, so a file that no longer matches its name is seen as damaged.

PostgreSQL: the table `attachment_files` (migration 0004), one row per assessment and hash,
deleted by the database with the assessment row (ON DELETE CASCADE). Why in the database
and not in files beside it: several app servers (and the API) share one database but not a
disk; a table needs no shared folder, is in pg_dump's backup with the record it belongs to,
and an erase is one transaction, with nothing left behind if a server dies halfway. The
sizes are bounded (app/core/attachments.py: 25 MB a file, 100 MB an assessment), well
within what bytea holds.

One hash on one assessment is one row: the same file on two assessments is kept twice, so
erasing one assessment never depends on another.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Protocol

from app.store.atomic import write_atomic
from app.store.errors import NotFound, StoreError
from app.store.layout import data_dir

FOLDER = "attachments"
_SHA = re.compile(r"^[0-9a-f]{64}$")
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class AttachmentFileDamaged(StoreError):
    def __init__(self, where: str, sha256: str) -> None:
        super().__init__(f"The attached file {sha256[:12]}… in {where} no longer matches its "
                         "checksum (it was changed on disk). Nothing was changed; restore it "
                         "from a backup, or remove the attachment and attach the file again.")


class AttachmentFiles(Protocol):
    def put(self, assessment_id: str, data: bytes) -> str:
        """Keep `data` for the assessment; returns its SHA-256."""
        ...

    def get(self, assessment_id: str, sha256: str) -> bytes:
        """The bytes; NotFound if not kept, AttachmentFileDamaged if changed."""
        ...

    def remove(self, assessment_id: str, sha256: str) -> None: ...

    def remove_all(self, assessment_id: str) -> None: ...


def checked_names(assessment_id: str, sha256: str = "0" * 64) -> None:
    if not _ID.match(assessment_id) or not _SHA.match(sha256):
        raise NotFound(f"{assessment_id}/{sha256}")


class LocalAttachmentFiles:
    def __init__(self, folder: Path | str | None = None) -> None:
        self.root = (Path(folder) if folder is not None else data_dir()) / FOLDER

    def _path(self, assessment_id: str, sha256: str) -> Path:
        checked_names(assessment_id, sha256)
        return self.root / assessment_id / sha256

    def put(self, assessment_id: str, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        path = self._path(assessment_id, sha)
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data, keep_previous=False)
        return sha

    def get(self, assessment_id: str, sha256: str) -> bytes:
        path = self._path(assessment_id, sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise NotFound(f"{assessment_id}/{sha256}") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise AttachmentFileDamaged(str(path.parent), sha256)
        return data

    def remove(self, assessment_id: str, sha256: str) -> None:
        self._path(assessment_id, sha256).unlink(missing_ok=True)

    def remove_all(self, assessment_id: str) -> None:
        checked_names(assessment_id)
        shutil.rmtree(self.root / assessment_id, ignore_errors=True)
