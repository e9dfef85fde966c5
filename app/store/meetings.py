"""Team meetings in `<data>/meetings.json`, under the data folder's lock like everything else.

    store = MeetingStore()                      # ./data, or $BKA_DATA_DIR
    m = store.create(Meeting(date=..., team="Fritidsgården", article=2))
    m = store.set_part(m.id, ("prompt", 0), "Vi såg att ...", expected="")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core import meetings as logic
from app.core.access import Identity, may_open_meeting
from app.core.meeting_edits import Part, add_action, read_part, remove_action, write_part
from app.core.models.assessment import Ownership
from app.core.models.meeting import Action, Meeting
from app.store.errors import Conflict, NotFound
from app.store.factory import RecordCollection, open_collection

NAME = "meetings"


class MeetingNotFound(NotFound):
    """No meeting with that id (NotFound's own words speak of assessments)."""

    def __init__(self, meeting_id: str) -> None:
        Exception.__init__(self, f"There is no meeting with id {meeting_id}.")
        self.assessment_id = meeting_id  # NotFound's attribute, for callers that read it
        self.meeting_id = meeting_id
        self.in_trash = False


class MeetingRefused(MeetingNotFound):
    """A meeting this person's roles do not open (the login mode); a NotFound, so that a page
    says "not here" without telling whose it is."""

    def __init__(self, meeting_id: str) -> None:
        super().__init__(meeting_id)
        Exception.__init__(self, f"Meeting {meeting_id} is not yours to open.")


class PartConflict(Conflict):
    """Someone else changed the same part since this editor saw it; nothing was written."""

    def __init__(self, meeting_id: str, part: Part, stored: Any, yours: Any) -> None:
        Exception.__init__(self, f"{'/'.join(map(str, part))} of meeting {meeting_id} was "
                           "changed by someone else while you were writing; yours was not saved")
        self.meeting_id = meeting_id
        self.part = part
        self.stored_value = stored
        self.yours = yours


class MeetingStore:
    """Create, read and change meetings; every change is a read-modify-write under the lock.

    With a `viewer` (the session's identity, app/core/access.py) the store holds only what
    that person may open: lists leave the others' meetings out, a read or change of one is
    refused (MeetingRefused), and a new meeting is theirs, in their unit. Without one (the
    command line, the local mode's pages) every meeting."""

    def __init__(self, folder: Path | str | None = None, *,
                 viewer: Identity | None = None) -> None:
        self._records: RecordCollection[Meeting] = open_collection(Meeting, NAME, folder)
        self._viewer = viewer

    def _may(self, meeting: Meeting) -> bool:
        return self._viewer is None or may_open_meeting(
            self._viewer, meeting.ownership.sub, meeting.ownership.unit)

    @property
    def path(self) -> Path | None:
        """The local file of the meetings; None when they are kept in a database."""
        path = getattr(self._records, "path", None)
        return path if isinstance(path, Path) else None

    @property
    def location(self) -> str:
        """The file or database table the meetings are kept in, for messages."""
        return self._records.location

    def create(self, meeting: Meeting) -> Meeting:
        who = self._viewer.person if self._viewer is not None else None
        if who is not None and not meeting.ownership.sub:
            meeting = meeting.model_copy(update={"ownership": Ownership(
                sub=who.sub, name=who.name, email=who.email, unit=who.unit)})
        return self._records.create(meeting)

    def get(self, meeting_id: str) -> Meeting:
        try:
            found = self._records.get(meeting_id)
        except NotFound:
            raise MeetingNotFound(meeting_id) from None
        if not self._may(found):
            raise MeetingRefused(meeting_id)
        return found

    def all(self) -> list[Meeting]:
        return [m for m in self._records.all() if self._may(m)]

    def of_team(self, team: str) -> list[Meeting]:
        """The team's meetings, the latest first (team names compared loosely)."""
        return logic.of_team(self.all(), team)

    def teams(self) -> list[str]:
        return logic.teams(self.all())

    def update(self, meeting_id: str, change: Callable[[Meeting], Meeting], *,
               expected_revision: int | None = None) -> Meeting:
        """Apply `change` to the stored meeting; StaleRecord (a Conflict) when the revision
        is not `expected_revision`."""
        def allowed(current: Meeting) -> Meeting:
            if not self._may(current):  # checked on the stored record, under the lock
                raise MeetingRefused(meeting_id)
            return change(current)

        try:
            return self._records.update(meeting_id, allowed,
                                        expected_revision=expected_revision)
        except MeetingRefused:
            raise
        except NotFound:
            raise MeetingNotFound(meeting_id) from None

    def set_part(self, meeting_id: str, part: Part, value: Any, *,
                 expected: Any = None, check: bool = True) -> Meeting:
        """Save one part. With `check`, the stored part must still be `expected` (what the
        editor saw) or already be `value`; else PartConflict and nothing is written."""
        def change(current: Meeting) -> Meeting:
            stored = read_part(current, part)
            if check and stored != expected and stored != value:
                raise PartConflict(meeting_id, part, stored, value)
            return write_part(current, part, value)

        return self.update(meeting_id, change)

    def add_action(self, meeting_id: str, action: Action) -> Meeting:
        return self.update(meeting_id, lambda m: add_action(m, action))

    def remove_action(self, meeting_id: str, action_id: str) -> Meeting:
        return self.update(meeting_id, lambda m: remove_action(m, action_id))

    def delete(self, meeting_id: str) -> None:
        self.get(meeting_id)  # refused for a meeting not theirs
        try:
            self._records.delete(meeting_id)
        except NotFound:
            raise MeetingNotFound(meeting_id) from None

    def open_actions(self, team: str, today: dt.date) -> list[logic.OpenAction]:
        return logic.open_actions(self.all(), team, today)
