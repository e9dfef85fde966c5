"""The server side of logging out: when each person last pressed "Logga ut", in
`<data>/sessions.json` or a table of the database, so every app server refuses a session
(a cookie) signed in before it. See app/core/sessions.py for the rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from app.store.errors import NotFound
from app.store.factory import RecordCollection, open_collection
from app.store.people import member_id

NAME = "sessions"


class LoggedOut(BaseModel):
    """One person's last logout; `id` is derived from the subject id like a member's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = ""
    revision: int = 0
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    at: dt.datetime  #: every session signed in before this moment is over


class Sessions:
    def __init__(self, folder: Path | str | None = None) -> None:
        self.records: RecordCollection[LoggedOut] = open_collection(LoggedOut, NAME, folder)

    def logged_out_at(self, sub: str) -> dt.datetime | None:
        try:
            return self.records.get(member_id(sub)).at
        except NotFound:
            return None

    def log_out(self, sub: str, at: dt.datetime | None = None) -> None:
        """End every session of this person signed in up to now."""
        moment = at or dt.datetime.now(dt.UTC)
        rid = member_id(sub)
        try:
            self.records.update(rid, lambda r: r.model_copy(update={"at": moment}))
        except NotFound:
            self.records.create(LoggedOut(id=rid, at=moment))
