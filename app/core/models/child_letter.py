"""The official's edited letter back to the children, stored per assessment and language."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict


class LetterRecord(BaseModel):
    """What the official changed in the draft; the draft itself is rebuilt from the assessment."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None  #: "<assessment id>-<lang>"
    revision: int = 0
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    assessment_id: str
    lang: Literal["sv", "en"]
    title: str
    greeting: str
    parts: dict[str, str]  #: part key -> text as edited; an empty text leaves the part out
    signature: str


def record_id(assessment_id: str, lang: str) -> str:
    return f"{assessment_id}-{lang}"
