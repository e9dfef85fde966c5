"""Where each file of the store lives inside the data folder.

    data/
      .lock                          file lock shared by every process using the folder
      assessments/
        store.json                   {"format": "bka-store/2"}: refuse folders of newer versions
        docs/<shard>/<id>.json       TinyDB: one assessment (a table of one document)
        history/<shard>/<id>.jsonl   its revisions, one JSON line each, appended
        index/<shard>.json           overview rows of docs/<shard>/ (derived data)
      backups/bka-backup-<time>.zip  zip of the whole folder, made on request

One file per assessment, so a save writes that assessment and one line of history, not its
neighbours; the shard folders (256, by a hash of the id) keep every folder small, so the
overview re-reads only the folder a save touched. Folders of the first layout (bka-store/1:
one file per shard, history in chunks) are moved to this one on first open (migration.py).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

STORE_FORMAT = "bka-store/2"
LEGACY_FORMAT = "bka-store/1"  # one file per shard (legacy_layout.py), moved on open
JSON = ".json"
JOURNAL = ".jsonl"
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")  # also a safe file name


def data_dir() -> Path:
    """The data folder: $BKA_DATA_DIR if set (`bka serve --data-dir` sets it), else ./data."""
    configured = os.environ.get("BKA_DATA_DIR", "").strip()
    return Path(configured).expanduser() if configured else Path("data")


def reports_folder(data: Path) -> Path:
    """The kept reports of a data folder (the PDFs, Word files and web pages made for the
    committee): inside it, so backups hold them and an erase reaches them."""
    return data / "reports"


def shard_of(assessment_id: str) -> str:
    """Two hex digits from a hash of the id: ids of any form spread evenly over 256 shards."""
    return hashlib.blake2s(assessment_id.encode("utf-8"), digest_size=1).hexdigest()


class Layout:
    """The paths of one data folder's assessment files."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.root = data / "assessments"
        self.marker = self.root / "store.json"
        self.docs = self.root / "docs"
        self.index = self.root / "index"
        self.history = self.root / "history"
        self.backups = data / "backups"

    def doc_folder(self, shard: str) -> Path:
        return self.docs / shard

    def doc_file(self, assessment_id: str) -> Path:
        return self.docs / shard_of(assessment_id) / f"{assessment_id}{JSON}"

    def index_file(self, shard: str) -> Path:
        return self.index / f"{shard}{JSON}"

    def history_file(self, assessment_id: str) -> Path:
        """The assessment's revisions, appended one line each (history_journal.py)."""
        return self.history / shard_of(assessment_id) / f"{assessment_id}{JOURNAL}"

    def history_files(self, assessment_id: str) -> list[Path]:
        path = self.history_file(assessment_id)
        return [path] if path.is_file() else []

    def shards(self) -> list[str]:
        """Shards that have a folder of documents, in order."""
        try:
            with os.scandir(self.docs) as entries:
                return sorted(e.name for e in entries if is_shard(e.name) and e.is_dir())
        except FileNotFoundError:
            return []

    def doc_ids(self, shard: str) -> list[str]:
        """The ids of the document files of one shard folder."""
        return [name for name, _ in doc_entries(self.doc_folder(shard))]


def is_shard(name: str) -> bool:
    return len(name) == 2 and all(c in "0123456789abcdef" for c in name)


def doc_entries(folder: Path) -> list[tuple[str, os.DirEntry[str]]]:
    """(id, entry) of every document file in a shard folder (no temporary or .prev files)."""
    try:
        with os.scandir(folder) as entries:
            return [(e.name[:-len(JSON)], e) for e in entries
                    if e.name.endswith(JSON) and not e.name.startswith(".")]
    except FileNotFoundError:
        return []
