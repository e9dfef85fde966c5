"""Where each file of the store lives inside the data folder.

    data/
      .lock                          file lock shared by every process using the folder
      assessments/
        store.json                   {"format": "bka-store/1"}: refuse folders of newer versions
        docs/<shard>.json            TinyDB: the assessments whose id hashes to <shard> (00-ff)
        index/<shard>.json           TinyDB: overview rows of docs/<shard>.json (derived data)
        history/<shard>/<id>/<n>.json  TinyDB: revisions 100n..100n+99 of one assessment
      backups/bka-backup-<time>.zip  zip of the whole folder, made on request

Sharding by a hash of the id keeps each file small (about 40 assessments, ~140 KB, at 10,000)
so a save rewrites ~140 KB instead of 34 MB; the index lets the overview read ~3 MB of rows
instead of every answer. History has files of its own per assessment: it only grows, and is
only read for that one assessment; chunks of 100 revisions keep a save's cost flat however
long the history gets.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

STORE_FORMAT = "bka-store/1"
JSON = ".json"
HISTORY_CHUNK = 100  # revisions per history file
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

    def doc_file(self, shard: str) -> Path:
        return self.docs / f"{shard}{JSON}"

    def index_file(self, shard: str) -> Path:
        return self.index / f"{shard}{JSON}"

    def history_folder(self, assessment_id: str) -> Path:
        return self.history / shard_of(assessment_id) / assessment_id

    def history_file(self, assessment_id: str, revision: int) -> Path:
        """The chunk holding one revision; in it, the TinyDB document id is the revision."""
        return self.history_folder(assessment_id) / f"{revision // HISTORY_CHUNK:05d}{JSON}"

    def history_files(self, assessment_id: str) -> list[Path]:
        folder = self.history_folder(assessment_id)
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir()
                      if p.name.endswith(JSON) and not p.name.startswith("."))

    def shards(self) -> set[str]:
        """Shards that have a document file or an index file."""
        found: set[str] = set()
        for folder in (self.docs, self.index):
            try:
                with os.scandir(folder) as entries:
                    found.update(e.name[:-len(JSON)] for e in entries
                                 if e.name.endswith(JSON) and not e.name.startswith("."))
            except FileNotFoundError:
                pass
        return found
