"""The settings of the `bka api` process, handed from the command to the app uvicorn builds.

uvicorn imports the app by name (`app.api.app:from_environment`), so the command cannot pass
arguments directly: it writes them as JSON into one environment variable, which the factory
reads. The webhook's secret stays in its own variable and never passes through here.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

ENV = "BKA_API_SETTINGS"
SECRET_ENV = "BKA_WEBHOOK_SECRET"


@dataclass
class Settings:
    folder: Path | None = None  #: the data folder (None: BKA_DATA_DIR or ./data)
    per_minute: int = 120  #: requests per minute per token
    log_file: Path | None = None  #: the call log (None: <data>/logs/api-calls.log)
    webhook_url: str = ""
    webhook_secret: str = ""
    webhook_every: float = 5.0  #: seconds between looks for status changes
    root_path: str = ""  #: the path prefix the proxy serves the API under

    def to_environment(self) -> None:
        os.environ[ENV] = json.dumps({
            "folder": str(self.folder) if self.folder else "", "per_minute": self.per_minute,
            "log_file": str(self.log_file) if self.log_file else "",
            "webhook_url": self.webhook_url, "webhook_every": self.webhook_every,
            "root_path": self.root_path})

    @classmethod
    def from_environment(cls) -> Settings:
        raw = json.loads(os.environ.get(ENV, "{}"))
        return cls(folder=Path(raw["folder"]) if raw.get("folder") else None,
                   per_minute=int(raw.get("per_minute", 120)),
                   log_file=Path(raw["log_file"]) if raw.get("log_file") else None,
                   webhook_url=raw.get("webhook_url", ""),
                   webhook_secret=os.environ.get(SECRET_ENV, ""),
                   webhook_every=float(raw.get("webhook_every", 5.0)),
                   root_path=raw.get("root_path", ""))
