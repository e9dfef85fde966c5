"""A workshop: groups of trainees assess the same fictional case, each in its own assessment."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

WorkshopStatus = Literal["open", "closed", "archived"]
#: where a group stands, as the group itself says: still working, done, or gone from the room
GroupState = Literal["working", "done", "left"]
#: Join codes use letters and digits that cannot be mistaken for each other when read off a
#: projector or said aloud: no 0/O, 1/I/L, 5/S, 8/B, 2/Z.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
CODE_PATTERN = rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$"


def group_key(name: str) -> str:
    """What makes two group names the same: case and surrounding or repeated spaces ignored."""
    return " ".join(name.split()).casefold()


class Group(BaseModel):
    """One group of trainees: its name, the code it joins with and the assessment it fills in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=80)  #: as the trainer typed it, spaces tidied
    code: str = Field(pattern=CODE_PATTERN)  #: join code, unique among open workshops
    assessment_id: str = Field(min_length=1)  #: the group's own assessment in the store
    state: GroupState = "working"  #: set by the group ("we are done", "leave"); joining resets

    @field_validator("name")
    @classmethod
    def _tidy(cls, value: str) -> str:
        cleaned = " ".join(value.split())
        if not cleaned:
            raise ValueError("a group needs a name")
        return cleaned


class Workshop(BaseModel):
    """One workshop as the trainer set it up; the groups' answers live in their assessments."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = ""  #: given by the store
    revision: int = 0  #: raised by one on every save
    created: dt.datetime | None = None  #: when the trainer created it
    updated: dt.datetime | None = None  #: when it was last changed
    title: str = Field(min_length=1, max_length=200)  #: e.g. the case title and a date
    case: str  #: id of the case in cases/
    questionnaire: str  #: id of the questionnaire every group answers
    language: Literal["sv", "en"] = "sv"  #: the language the groups start in
    groups: list[Group] = Field(min_length=1)  #: in the order the trainer named them
    status: WorkshopStatus = "open"  #: open: codes work; closed: codes expired; archived: hidden
    notes: str = ""  #: the trainer's own notes, never shown to groups
    hide_scores: bool = False  #: groups see their findings, not their level and points
    trainer_key: str = ""  #: hash of the trainer's key (app/core/trainer_key.py), never the key
    #: hashes of the secrets the trainer's own browsers keep (app/core/trainer_key.py): such a
    #: browser stays the trainer across reloads without typing the key again
    trainer_devices: list[str] = Field(default_factory=list)
    #: when the group work ends, as the trainer set it; shown counting down on the projector
    #: and the groups' screens (None: no timer)
    timer_ends: dt.datetime | None = None

    def group_by_code(self, code: str) -> Group | None:
        return next((g for g in self.groups if g.code == code), None)
