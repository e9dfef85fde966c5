"""One assessment with everything a move between stores must carry over, and the content
hashes that prove a move copied it exactly (`bka migrate`, app/store/postgres/moving_in.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from app.core.models.assessment import Assessment
from app.core.models.meeting import Meeting
from app.core.models.workshop import Workshop
from app.store.records import Revision


@dataclass(frozen=True)
class Entry:
    """One assessment as the folder holds it, everything `bka migrate` must carry over."""

    assessment: Assessment
    updated_by: str
    deleted_at: dt.datetime | None
    deleted_by: str
    history: tuple[Revision, ...]

    def digest(self) -> str:
        return content_hash({
            "assessment": self.assessment.model_dump(mode="json"),
            "updated_by": self.updated_by,
            "deleted_at": _utc(self.deleted_at), "deleted_by": self.deleted_by,
            "history": [{**r.model_dump(mode="json"), "at": _utc(r.at)}
                        for r in sorted(self.history, key=lambda r: r.revision)]})


def content_hash(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_hash(record: Meeting | Workshop) -> str:
    return content_hash(record.model_dump(mode="json"))


def _utc(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()
