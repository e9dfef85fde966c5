"""A file an official attached to an assessment (underlag): the survey results, a map, the
youth council's minutes. The record holds what the report lists and the case file proves
(name, size, SHA-256); the bytes are kept by the store, addressed by the checksum."""

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

TITLE_MAX = 200
NAME_MAX = 255


class Attachment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")  #: the content's checksum: its identity
    title: str = Field(min_length=1, max_length=TITLE_MAX)  #: what the official calls it
    filename: str = Field(min_length=1, max_length=NAME_MAX)  #: as uploaded, made safe
    kind: str = Field(max_length=10)  #: from the content: pdf, png, xlsx, … (app/core/attachments)
    media_type: str = Field(max_length=120)
    size: int = Field(ge=0)  #: bytes
    #: the question it supports; "" for the assessment's knowledge basis as a whole
    question: str = Field(default="", max_length=100)
    added: dt.datetime
    added_by: str = Field(default="", max_length=300)
    #: what the personal-data guard saw in its text (personnummer, phone, email, name)
    personal_data: list[str] = []
