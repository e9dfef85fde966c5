"""The one place that chooses where data is kept: a local folder (TinyDB) by default, or a
PostgreSQL database when BKA_DATABASE_URL is set (`bka serve --database-url` sets it).

Pages and commands open stores only through open_store() and open_collection(), so nothing
else in the app knows which one it got.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from pydantic import BaseModel

if TYPE_CHECKING:
    # only named: importing the protocol brings the records' models and the access rules,
    # which a command reading a file and an empty data folder never needs
    from app.store.attachment_files import AttachmentFiles
    from app.store.protocol import AssessmentStore

DATABASE_URL = "BKA_DATABASE_URL"

M = TypeVar("M", bound=BaseModel)


def database_url() -> str:
    """The configured database, or "" for the local data folder."""
    return os.environ.get(DATABASE_URL, "").strip()


def open_store(folder: Path | str | None = None) -> AssessmentStore:
    """The assessment store: PostgreSQL if a database URL is configured (then `folder` only
    says where backup() writes its archives), else the local folder (default: data_dir()).
    Cheap: stores on one folder or database share their lock, caches or connection pool."""
    url = database_url()
    if url:
        from app.store.postgres.store import PostgresAssessmentStore

        return PostgresAssessmentStore(url, backups=Path(folder) / "backups" if folder else None)
    from app.store.tinydb_store import TinyDBAssessmentStore

    return TinyDBAssessmentStore(folder)


class Locking(Protocol):
    def locked(self) -> AbstractContextManager[None]: ...


class RecordCollection(Protocol[M]):
    """Meetings or workshops: what MeetingStore and WorkshopStore need of their records."""

    @property
    def shared(self) -> Locking: ...

    @property
    def location(self) -> str: ...

    def all(self) -> builtins.list[M]: ...

    def get(self, record_id: str) -> M: ...

    def create(self, record: M) -> M: ...

    def update(self, record_id: str, change: Callable[[M], M], *,
               expected_revision: int | None = None) -> M: ...

    def delete(self, record_id: str) -> None: ...


def open_collection(model: type[M], name: str,
                    folder: Path | str | None = None) -> RecordCollection[M]:
    """The records of one kind: a table of the database if configured, else
    `<folder>/<name>.json`."""
    url = database_url()
    if url:
        from app.store.postgres.collection import PostgresCollection

        return PostgresCollection(model, name, url)
    from app.store.collection import Collection

    return Collection(model, name, folder)


def open_attachment_files(folder: Path | str | None = None) -> AttachmentFiles:
    """The bytes of attached files (app/store/attachment_files.py): the database's table
    when one is configured, else the data folder's `attachments/`."""
    url = database_url()
    if url:
        from app.store.postgres.attachment_files import PostgresAttachmentFiles

        return PostgresAttachmentFiles(url)
    from app.store.attachment_files import LocalAttachmentFiles

    return LocalAttachmentFiles(folder)


def attachment_files_of(store: AssessmentStore) -> AttachmentFiles:
    """The attached files kept with `store` (an export or import names a store, not a
    folder): its database's table, or its folder's `attachments/`."""
    url = getattr(store, "url", None)
    if isinstance(url, str) and url:
        from app.store.postgres.attachment_files import PostgresAttachmentFiles

        return PostgresAttachmentFiles(url)
    from app.store.attachment_files import LocalAttachmentFiles

    return LocalAttachmentFiles(getattr(store, "folder", None))
