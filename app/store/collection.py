"""A small kind of record (meetings, workshops) kept in one TinyDB file of the data folder.

These records number in the hundreds, not the tens of thousands assessments may reach, so one
atomically written file per kind is enough. Writes hold the data folder's lock (the same one
the assessment store holds), so sessions and processes never interleave their writes, and a
damaged file is refused with StoreCorrupted like every other file of the store.
"""

from __future__ import annotations

import builtins
import datetime as dt
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from tinydb import Query, TinyDB

from app.store.backups import backups_folder
from app.store.errors import Conflict, NotFound, StoreCorrupted
from app.store.json_storage import AtomicJSONStorage
from app.store.layout import data_dir
from app.store.locking import shared_folder
from app.store.shapes import only_table

TABLE = "_default"  # TinyDB's table: every record of a collection is in it

R = TypeVar("R", bound=BaseModel)


class Collection(Generic[R]):
    """Records of one pydantic model in `<data>/<name>.json`."""

    def __init__(self, model: type[R], name: str, folder: Path | str | None = None) -> None:
        self.model = model
        self.folder = Path(folder) if folder is not None else data_dir()
        self.path = self.folder / f"{name}.json"
        self.shared = shared_folder(self.folder)

    @property
    def location(self) -> str:
        return str(self.path)

    def _db(self) -> TinyDB:
        storage = AtomicJSONStorage(self.path, backups=backups_folder(self.folder),
                                    check=self._check)
        return TinyDB(storage=lambda: storage)  # type: ignore[arg-type]

    def _check(self, tables: dict[str, dict[str, Any]], storage: AtomicJSONStorage) -> None:
        """Every record of the file, not only the one asked for: a write into a file of the
        wrong shape would replace it and its .prev copy."""
        seen: set[object] = set()
        for doc in only_table(tables, TABLE, storage.corrupted).values():
            record = self._load(doc)
            record_id = getattr(record, "id", None)
            if record_id in seen:
                raise storage.corrupted(f"the record {record_id} is stored twice")
            seen.add(record_id)
            # Stored records start at revision 1 (create) and only go up.
            revision = getattr(record, "revision", None)
            if isinstance(revision, int) and revision < 1:
                raise storage.corrupted(f"the record {record_id} has revision {revision}; a "
                                        "stored one has 1 or more")

    def _load(self, doc: dict[str, object]) -> R:
        try:
            return self.model.model_validate(doc)
        except ValidationError as exc:
            raise StoreCorrupted(self.path, f"a record does not fit {self.model.__name__}: "
                                 f"{exc.errors()[0]['msg']}") from None

    def all(self) -> builtins.list[R]:
        """Every record, newest change first."""
        with self.shared.locked():
            docs = self._db().all()
        records = [self._load(dict(d)) for d in docs]
        return sorted(records, key=lambda r: str(getattr(r, "updated", "")), reverse=True)

    def get(self, record_id: str) -> R:
        with self.shared.locked():
            doc = self._db().get(Query().id == record_id)
        if doc is None or isinstance(doc, list):
            raise NotFound(record_id)
        return self._load(dict(doc))

    def create(self, record: R) -> R:
        """Store a new record; gives it an id when it has none, revision 1 and times."""
        now = dt.datetime.now(dt.UTC)
        with self.shared.locked():
            db = self._db()
            record_id = getattr(record, "id", None) or secrets.token_hex(4)
            while db.contains(Query().id == record_id):
                record_id = secrets.token_hex(4)
            stored = record.model_copy(update={"id": record_id, "revision": 1,
                                               "created": now, "updated": now})
            db.insert(stored.model_dump(mode="json"))
        return stored

    def update(self, record_id: str, change: Callable[[R], R], *,
               expected_revision: int | None = None) -> R:
        """Read-modify-write under the lock; Conflict if the revision is not the expected one."""
        with self.shared.locked():
            db = self._db()
            doc = db.get(Query().id == record_id)
            if doc is None or isinstance(doc, list):
                raise NotFound(record_id)
            current = self._load(dict(doc))
            revision = int(getattr(current, "revision", 0))
            if expected_revision is not None and revision != expected_revision:
                raise StaleRecord(record_id, revision, expected_revision)
            changed = change(current).model_copy(update={
                "id": record_id, "revision": revision + 1,
                "updated": dt.datetime.now(dt.UTC)})
            db.update(changed.model_dump(mode="json"), Query().id == record_id)
        return changed

    def delete(self, record_id: str) -> None:
        with self.shared.locked():
            if not self._db().remove(Query().id == record_id):
                raise NotFound(record_id)


class StaleRecord(Conflict):
    """A record changed since the caller read it; nothing was written."""

    def __init__(self, record_id: str, stored: int, expected: int) -> None:
        Exception.__init__(self, f"{record_id} was changed meanwhile (now revision {stored}, "
                           f"yours {expected}); reload it and try again")
        self.record_id = record_id
