"""Meetings and workshops in the `records` table: the same interface as the local Collection
(all, get, create, update, delete, shared.locked()), one row per record."""

from __future__ import annotations

import builtins
import datetime as dt
import secrets
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, delete, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from app.store.collection import StaleRecord
from app.store.errors import NotFound, StoreError
from app.store.postgres.engine import DatabaseUnavailable, engine_for, shown, transaction
from app.store.postgres.schema import records as R

M = TypeVar("M", bound=BaseModel)


class RecordCorrupted(StoreError):
    def __init__(self, location: str, kind: str, record_id: str, reason: str) -> None:
        super().__init__(f"The {kind} record {record_id} in the database {location} cannot "
                         f"be read: {reason}. Nothing was changed; IT can restore it from a "
                         "backup.")


class AdvisoryLock:
    """`locked()` as the local folder lock offers it, for code that must see and take in one
    step (a workshop's join codes): a PostgreSQL advisory lock, so every app server on the
    database waits for it; re-entrant within a thread."""

    def __init__(self, url: str, name: str) -> None:
        self.url = url
        self.key = zlib.crc32(f"bka:{name}".encode())
        self._local = threading.local()

    @contextmanager
    def locked(self) -> Iterator[None]:
        depth = getattr(self._local, "depth", 0)
        if depth:
            self._local.depth = depth + 1
            try:
                yield
            finally:
                self._local.depth = depth
            return
        try:
            conn = engine_for(self.url).connect()
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": self.key})
            conn.commit()
        except SQLAlchemyError as exc:
            raise DatabaseUnavailable(shown(self.url), exc) from None
        self._local.depth = 1
        try:
            yield
        finally:
            self._local.depth = 0
            try:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
                conn.commit()
            finally:
                conn.close()


class PostgresCollection(Generic[M]):
    """Records of one pydantic model, kind `name`, in the `records` table."""

    def __init__(self, model: type[M], name: str, url: str) -> None:
        self.model = model
        self.kind = name
        self.url = url
        self.engine = engine_for(url)
        self.shared = AdvisoryLock(url, name)

    @property
    def location(self) -> str:
        return shown(self.url)

    def _tx(self) -> AbstractContextManager[Connection]:
        """One transaction; a database failure becomes a StoreError in plain words."""
        return transaction(self.engine, self.location)

    def _load(self, record_id: str, document: object) -> M:
        try:
            return self.model.model_validate(document)
        except ValidationError as exc:
            raise RecordCorrupted(self.location, self.kind, record_id,
                                  exc.errors()[0]["msg"]) from None

    def all(self) -> builtins.list[M]:
        with self._tx() as conn:
            rows = conn.execute(select(R.c.id, R.c.document).where(R.c.kind == self.kind)
                                .order_by(R.c.updated.desc(), R.c.id)).all()
        return [self._load(r.id, r.document) for r in rows]

    def get(self, record_id: str) -> M:
        with self._tx() as conn:
            row = conn.execute(select(R.c.document).where(R.c.kind == self.kind,
                                                          R.c.id == record_id)).first()
        if row is None:
            raise NotFound(record_id)
        return self._load(record_id, row.document)

    def create(self, record: M) -> M:
        now = dt.datetime.now(dt.UTC)
        with self._tx() as conn:
            record_id = getattr(record, "id", None) or secrets.token_hex(4)
            while self._exists(conn, record_id):
                record_id = secrets.token_hex(4)
            stored = record.model_copy(update={"id": record_id, "revision": 1,
                                               "created": now, "updated": now})
            conn.execute(insert(R).values(kind=self.kind, id=record_id, revision=1,
                                          updated=now, document=stored.model_dump(mode="json")))
        return stored

    def _exists(self, conn: Connection, record_id: str) -> bool:
        return conn.execute(select(R.c.id).where(R.c.kind == self.kind,
                                                 R.c.id == record_id)).first() is not None

    def update(self, record_id: str, change: Callable[[M], M], *,
               expected_revision: int | None = None) -> M:
        with self._tx() as conn:
            row = conn.execute(select(R.c.document, R.c.revision)
                               .where(R.c.kind == self.kind, R.c.id == record_id)
                               .with_for_update()).first()
            if row is None:
                raise NotFound(record_id)
            current = self._load(record_id, row.document)
            revision = int(getattr(current, "revision", 0))
            if expected_revision is not None and revision != expected_revision:
                raise StaleRecord(record_id, revision, expected_revision)
            now = dt.datetime.now(dt.UTC)
            changed = change(current).model_copy(update={
                "id": record_id, "revision": revision + 1, "updated": now})
            conn.execute(update(R).where(R.c.kind == self.kind, R.c.id == record_id)
                         .values(revision=revision + 1, updated=now,
                                 document=changed.model_dump(mode="json")))
        return changed

    def delete(self, record_id: str) -> None:
        with self._tx() as conn:
            if not conn.execute(delete(R).where(R.c.kind == self.kind,
                                                R.c.id == record_id)).rowcount:
                raise NotFound(record_id)

    def put_exact(self, record: M) -> str:
        """Store a record as it is (id, revision, times kept), for `bka migrate`: "created";
        "unchanged" if exactly that is stored; "conflicts" (nothing written) if another
        record is stored under its id."""
        record_id = str(getattr(record, "id", ""))
        document = record.model_dump(mode="json")
        updated = getattr(record, "updated", None) or dt.datetime.now(dt.UTC)
        with self._tx() as conn:
            row = conn.execute(select(R.c.document).where(
                R.c.kind == self.kind, R.c.id == record_id).with_for_update()).first()
            if row is not None:
                same = self._load(record_id, row.document).model_dump(mode="json") == document
                return "unchanged" if same else "conflicts"
            conn.execute(insert(R).values(kind=self.kind, id=record_id, updated=updated,
                                          revision=int(getattr(record, "revision", 1) or 1),
                                          document=document))
        return "created"
