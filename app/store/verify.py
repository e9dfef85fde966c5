"""A backup is checked before it is made and after it is written.

Before: every data file of the snapshot is checked as the store checks it on reading
(shapes.py), so a damaged folder is refused with StoreCorrupted naming the damaged file,
and no backup of damaged data is made (the repair message names the newest backup as the
good copy to restore from; it must never be one of damage). After: the archive is read back
whole and every member compared with the snapshot, so a backup that reports success can be
restored from.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from app.core.models.meeting import Meeting
from app.core.models.workshop import Workshop
from app.store import history_journal
from app.store.atomic import previous_copy
from app.store.backups import backups_folder, newest_backup
from app.store.errors import StoreCorrupted, StoreError, UnsupportedStore
from app.store.json_storage import parse_tables
from app.store.layout import JOURNAL, JSON
from app.store.shapes import check_doc_file, check_marker, only_table

COLLECTIONS: dict[str, type[BaseModel]] = {"meetings.json": Meeting, "workshops.json": Workshop}


def check_snapshot(staging: Path, data: Path) -> None:
    """Check every file linked into `staging`; errors name the file in `data`."""
    for staged in sorted(p for p in staging.rglob("*") if p.is_file()):
        rel = staged.relative_to(staging)
        _check_file(staged, rel.parts, _corrupted_for(data / rel, data))


def _corrupted_for(original: Path, data: Path) -> Callable[[str], StoreCorrupted]:
    def corrupted(reason: str) -> StoreCorrupted:
        previous = previous_copy(original)
        return StoreCorrupted(original, reason, previous=previous if previous.exists() else None,
                              backup=newest_backup(backups_folder(data)))
    return corrupted


def _check_file(staged: Path, parts: tuple[str, ...],
                corrupted: Callable[[str], StoreCorrupted]) -> None:
    if parts == ("assessments", "store.json"):
        try:
            found = json.loads(staged.read_bytes())
        except ValueError:
            raise corrupted("it is not the JSON this tool writes") from None
        newer = check_marker(found, corrupted)
        if newer is not None:
            raise UnsupportedStore(staged, newer)
    elif len(parts) == 4 and parts[:2] == ("assessments", "docs") and parts[3].endswith(JSON):
        found = check_doc_file(parse_tables(staged.read_bytes(), corrupted),
                               parts[3][:-len(JSON)], corrupted)
        if found is None:  # pragma: no cover - a staged file exists
            raise corrupted("it is not an assessment file")
    elif (len(parts) == 4 and parts[:2] == ("assessments", "history")
          and parts[3].endswith(JOURNAL)):
        history_journal.read(staged, parts[3][:-len(JOURNAL)], corrupted)
    elif len(parts) == 1 and parts[0] in COLLECTIONS:
        model = COLLECTIONS[parts[0]]
        tables = parse_tables(staged.read_bytes(), corrupted)
        for n, doc in only_table(tables, "_default", corrupted).items():
            try:
                model.model_validate(doc)
            except ValueError as exc:
                raise corrupted(f"record {n} does not fit {model.__name__}: "
                                f"{str(exc).splitlines()[0]}") from None
    # an attached file is named by its checksum (attachment_files.py): a backup of one
    # changed on disk would keep a file the report's checksum no longer proves
    elif len(parts) == 3 and parts[0] == "attachments" and _sha(
            staged.read_bytes()) != parts[2]:
        raise corrupted("an attached file no longer matches its checksum")
    # Index files are derived (rebuilt from the documents); preferences are a convenience.


def check_archive(archive: Path, staging: Path) -> None:
    """The archive holds exactly the snapshot's files, byte for byte; else StoreError."""
    expected = {p.relative_to(staging).as_posix(): _sha(p.read_bytes())
                for p in staging.rglob("*") if p.is_file()}
    try:
        with zipfile.ZipFile(archive) as zf:
            bad = zf.testzip()
            found = {name: _sha(zf.read(name)) for name in zf.namelist()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise StoreError(f"The backup {archive} could not be read back ({exc}); it was "
                         "removed. Try again, or check the disk.") from None
    if bad is not None or found != expected:
        differ = sorted(set(found) ^ set(expected)
                        | {n for n in found if expected.get(n) != found[n]})
        raise StoreError(f"The backup {archive} does not match the data it was made from "
                         f"({bad or ', '.join(differ[:5])}); it was removed. Try again, or "
                         "check the disk.")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
