"""Minutes marked final are locked: a change after that is a new version, and says so.

Marking the notes final freezes what the team agreed. To change them, the notes are taken
back to draft: the final version is kept whole in `earlier`, with when it was marked final and
when it was reopened, and the meeting's `minutes_version` goes up by one, so the minutes printed
afterwards say they are version 2 and changed after version 1 was final. Ticking an action done
is following it up, not changing the minutes, and stays open on final minutes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.models.meeting import Meeting, MinutesVersion

#: parts that may change while the minutes are final (see the module docstring)
OPEN_WHEN_FINAL = frozenset({("status",)})


class MinutesFinal(ValueError):
    """A part of final minutes was to be changed; take them back to draft first."""

    def __init__(self, meeting_id: str) -> None:
        super().__init__(f"the minutes of meeting {meeting_id} are final; take them back to "
                         "draft to change them (that makes a new version)")
        self.meeting_id = meeting_id


def check_open(meeting: Meeting, part: tuple[Any, ...]) -> None:
    """MinutesFinal when `part` may not change now."""
    if meeting.status != "final" or part in OPEN_WHEN_FINAL:
        return
    if len(part) == 3 and part[0] == "action" and part[2] == "status":
        return
    raise MinutesFinal(meeting.id)


def with_status(meeting: Meeting, status: str, now: dt.datetime) -> dict[str, Any]:
    """The changes that marking the minutes `status` makes: the time it became final, or,
    going back to draft from final, the final version kept and a new version begun."""
    if status == meeting.status:
        return {}
    if status == "final":
        return {"status": "final", "finalised_at": now}
    kept = MinutesVersion(version=meeting.minutes_version, finalised_at=meeting.finalised_at,
                          reopened_at=now,
                          content=meeting.model_dump(mode="json", exclude=_NOT_CONTENT))
    return {"status": status, "finalised_at": None,
            "minutes_version": meeting.minutes_version + 1,
            "earlier": [*(v.model_dump() for v in meeting.earlier), kept.model_dump()]}


_NOT_CONTENT = {"id", "revision", "created", "updated", "ownership", "earlier", "status",
                "finalised_at", "minutes_version"}
