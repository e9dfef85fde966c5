"""One field of a meeting, read and written by name, so each keystroke saves just that field.

Several people may edit the same meeting from their own laptops. Saving a single part (a note,
an action's owner) on top of the stored record keeps everyone else's parts; the store compares
the part with what the editor last saw to notice when two people typed in the very same one.

A part is a tuple:
    ("notes",) ("decisions",) ("date",) ("participants",) ("participant_count",) ("status",)
    ("prompt", 2)                     the notes under the third discussion prompt
    ("action", "a1b2c3", "who")       one field of one action: what, who, due or status
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.minutes_lock import check_open, with_status
from app.core.models.meeting import Action, Meeting

Part = tuple[Any, ...]
FIELDS = frozenset({"notes", "decisions", "date", "participants", "participant_count",
                    "status"})
ACTION_FIELDS = frozenset({"what", "who", "due", "status"})


class UnknownPart(ValueError):
    """A part name that does not exist: a programming error, never user input."""


class NoSuchAction(LookupError):
    """The action was removed (perhaps from another laptop) before this change arrived."""


def read_part(meeting: Meeting, part: Part) -> Any:
    kind = part[0]
    if kind in FIELDS and len(part) == 1:
        return getattr(meeting, kind)
    if kind == "prompt" and len(part) == 2:
        return meeting.prompt_notes.get(int(part[1]), "")
    if kind == "action" and len(part) == 3 and part[2] in ACTION_FIELDS:
        return getattr(_action(meeting, part[1]), part[2])
    raise UnknownPart(repr(part))


def write_part(meeting: Meeting, part: Part, value: Any,
               now: dt.datetime | None = None) -> Meeting:
    """The meeting with one part replaced, validated like a stored record; MinutesFinal when
    the minutes are final and the part is not one that may still change."""
    check_open(meeting, part)
    kind = part[0]
    if part == ("status",):
        return _valid(meeting, with_status(meeting, value, now or dt.datetime.now(dt.UTC)))
    if kind in FIELDS and len(part) == 1:
        return _valid(meeting, {kind: value})
    if kind == "prompt" and len(part) == 2:
        notes = {**meeting.prompt_notes, int(part[1]): value or ""}
        return _valid(meeting, {"prompt_notes": {k: v for k, v in notes.items() if v}})
    if kind == "action" and len(part) == 3 and part[2] in ACTION_FIELDS:
        _action(meeting, part[1])
        actions = [a.model_copy(update={part[2]: value}) if a.id == part[1] else a
                   for a in meeting.actions]
        return _valid(meeting, {"actions": [a.model_dump() for a in actions]})
    raise UnknownPart(repr(part))


def add_action(meeting: Meeting, action: Action) -> Meeting:
    check_open(meeting, ("actions",))
    return _valid(meeting, {"actions": [a.model_dump() for a in [*meeting.actions, action]]})


def remove_action(meeting: Meeting, action_id: str) -> Meeting:
    check_open(meeting, ("actions",))
    _action(meeting, action_id)
    kept = [a.model_dump() for a in meeting.actions if a.id != action_id]
    return _valid(meeting, {"actions": kept})


def _action(meeting: Meeting, action_id: str) -> Action:
    for action in meeting.actions:
        if action.id == action_id:
            return action
    raise NoSuchAction(action_id)


def _valid(meeting: Meeting, changes: dict[str, Any]) -> Meeting:
    # model_copy(update=...) skips validation; a wrong value must fail here, not on next read.
    return Meeting.model_validate({**meeting.model_dump(), **changes})
