"""A team meeting that discusses one article of the convention, and what it decided to do."""

import datetime as dt
import secrets
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.models.assessment import Ownership

ActionStatus = Literal["open", "done"]
MeetingStatus = Literal["draft", "final"]


def new_action_id() -> str:
    return secrets.token_hex(3)


class Action(BaseModel):
    """Something the team agreed to do after discussing the article."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(default_factory=new_action_id)  #: stable across edits, unlike a list index
    what: str = ""  #: the task, as the team wrote it
    who: str = ""  #: a person or a role
    due: dt.date | None = None  #: done by this day
    status: ActionStatus = "open"  #: open or done


class MinutesVersion(BaseModel):
    """A version of the minutes that was marked final and later taken back to draft."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1)  #: its number (1 for the first)
    finalised_at: dt.datetime | None = None  #: when it was marked final
    reopened_at: dt.datetime  #: when it was taken back to draft
    content: dict[str, Any] = Field(default_factory=dict)  #: the minutes as they were final


class Meeting(BaseModel):
    """One meeting of one team about one article, as recorded while it is held."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = ""  #: given by the store
    revision: int = 0  #: raised by one on every save
    created: dt.datetime | None = None  #: when the record was made
    updated: dt.datetime | None = None  #: when it was last saved
    date: dt.date  #: the day the meeting was held
    team: str = Field(min_length=1, max_length=200)  #: the team's name as typed
    language: Literal["sv", "en"] = "sv"  #: the language the minutes default to
    participants: list[str] = Field(default_factory=list)  #: names, when the team gives them
    participant_count: int | None = Field(default=None, ge=0, le=10_000)  #: when only a count
    article: int = Field(ge=1, le=54)  #: the article of the day
    prompt_notes: dict[int, str] = Field(default_factory=dict)  #: prompt index -> notes
    notes: str = ""  #: anything else worth keeping
    decisions: str = ""  #: what the team decided
    actions: list[Action] = Field(default_factory=list)  #: who does what by when
    status: MeetingStatus = "draft"  #: draft while notes are taken, final when agreed
    finalised_at: dt.datetime | None = None  #: when the current version was marked final
    minutes_version: int = Field(default=1, ge=1)  #: raised when final minutes are changed
    #: earlier final versions, oldest first (app/core/minutes_lock.py)
    earlier: list[MinutesVersion] = Field(default_factory=list)
    #: whose it is in the login mode (who created it, their unit): app/core/access.py's
    #: may_open_meeting; empty in the local mode and in records from before (they load)
    ownership: Ownership = Field(default_factory=Ownership)

    @field_validator("team")
    @classmethod
    def _team_has_text(cls, value: str) -> str:
        cleaned = " ".join(value.split())
        if not cleaned:
            raise ValueError("a team needs a name")
        return cleaned

    @field_validator("participants")
    @classmethod
    def _names_have_text(cls, value: list[str]) -> list[str]:
        return [name.strip() for name in value if name.strip()]

    @field_validator("prompt_notes")
    @classmethod
    def _prompt_indexes(cls, value: dict[int, str]) -> dict[int, str]:
        if any(index < 0 for index in value):
            raise ValueError("prompt indexes start at 0")
        return value

    @property
    def headcount(self) -> int | None:
        """How many took part: the names when given, else the count, else unknown."""
        return len(self.participants) if self.participants else self.participant_count
