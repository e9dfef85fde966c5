"""The user's preferences (the language), kept beside the data so they survive a restart."""

from __future__ import annotations

import json
from typing import Any

from app.store import data_dir
from app.store.atomic import write_atomic

_NAME = "preferences.json"


def load() -> dict[str, Any]:
    path = data_dir() / _NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # preferences are a convenience; a missing or damaged file means defaults
    return data if isinstance(data, dict) else {}


def save(values: dict[str, Any]) -> None:
    data = json.dumps(values, ensure_ascii=False).encode("utf-8")
    write_atomic(data_dir() / _NAME, data, keep_previous=False)
