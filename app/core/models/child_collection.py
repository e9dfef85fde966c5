"""A collection of children's views for one assessment, as stored.

Nothing here identifies a child: no name, no account, no address, no device, no time of day.
A response holds the age band the child picked, the answers and the free text (checked for
names and personal data before it was stored), the day it came in, and a respondent key: a
hash of a random token the browser keeps and the collection's code, so that a device that
answers again replaces its earlier answer (app/core/respondents.py).
"""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_TEXT = 500  #: characters a child may write per free-text question


class ChildResponse(BaseModel):
    """One child's answers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age_band: str  #: the band's id, never an age
    answers: dict[str, str] = {}  #: question key (id, or id@n for the n-th place) -> level value
    texts: dict[str, str] = {}  #: question id -> free text
    day: dt.date  #: the day it came in; no time, so the order of a class cannot be read off
    #: the respondent key (app/core/respondents.py); '' in answers from before it existed
    respondent: str = Field(default="", max_length=64)


class ChildCollection(BaseModel):
    """An official's collection: the link children open, what they are told, what they said."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    revision: int = 0
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    assessment_id: str  #: the assessment the views belong to
    code: str  #: in the link children open; the only key to this collection
    questionnaire: str  #: id of the children's questionnaire
    questionnaire_version: str
    language: Literal["sv", "en"] = "sv"  #: the language the page opens in
    decision_for_children: str = Field(min_length=1, max_length=600)  #: the official's sentence
    places: list[str] = []  #: the places concerned, each asked about by per_place questions
    group: str = ""  #: who was asked, for the official's record ("klass 5B", "ungdomsrådet")
    open: bool = True  #: children can answer while it is open
    responses: list[ChildResponse] = []
    #: answers a backup holds only as a number: the collection had fewer than five when the
    #: backup was made (app/core/child_backup.py); restored, they are counted, never shown
    withheld: int = Field(default=0, ge=0)
