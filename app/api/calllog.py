"""One JSON line per API call: when, which token (by name), what, the answer, how long.

Kept beside the data (`<data>/logs/api-calls.log`, rotated at 10 MB, five kept) so an
administrator can answer "which system read this assessment, and when"."""

from __future__ import annotations

import datetime as dt
import json
import logging
import logging.handlers
from pathlib import Path

MAX_BYTES = 10 * 1024 * 1024
KEEP = 5


class CallLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.logger = logging.getLogger(f"bka.api.calls.{path}")
        self.logger.propagate = False
        self.logger.setLevel(logging.INFO)
        if not self.logger.handlers:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(message)s"))
            self.logger.addHandler(handler)

    def write(self, *, token: str, method: str, path: str, status: int, ms: float,
              client: str) -> None:
        self.logger.info(json.dumps({
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            "token": token or None, "method": method, "path": path, "status": status,
            "ms": round(ms, 1), "client": client}, ensure_ascii=False))
