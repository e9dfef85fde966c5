"""An assessment of one decision: what it is about, and the answers given."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

FORMAT = "bka-assessment/1"
Status = Literal["draft", "complete", "followed_up"]


class Answer(BaseModel):
    """The value given to one question, and an optional comment."""

    model_config = ConfigDict(extra="forbid")

    value: Any = None
    comment: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_value(cls, data: Any) -> Any:
        """A bare value in a file means {value: that}."""
        if isinstance(data, dict) and ("value" in data or "comment" in data):
            return data
        return {"value": data}


class Decision(BaseModel):
    """The decision being assessed, as it will appear in the case file."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1)  #: what the decision is about
    case_number: str = ""  #: diarienummer
    committee: str = ""  #: nämnd or unit
    decision_maker: str = ""  #: who decides
    official: str = ""  #: responsible official (handläggare)
    decision_date: dt.date | None = None  #: planned decision date
    description: str = ""  #: short description of the proposal


class QuestionnaireRef(BaseModel):
    """Which questionnaire, in which version, the answers belong to."""

    model_config = ConfigDict(extra="forbid")

    id: str
    version: str
    hash: str | None = None  #: content hash of the questionnaire file when answered


class ReportRecord(BaseModel):
    """A PDF produced from the assessment, so the version sent to the committee can be found."""

    model_config = ConfigDict(extra="forbid")

    path: str
    sha256: str
    created: dt.datetime
    language: str


class Assessment(BaseModel):
    """One assessment, in the form it is stored and exchanged."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["bka-assessment/1"] = "bka-assessment/1"
    id: str | None = None  #: given when stored
    questionnaire: QuestionnaireRef
    language: Literal["sv", "en"] = "sv"
    status: Status = "draft"
    decision: Decision
    answers: dict[str, Answer] = {}
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    revision: int = 0  #: increases by one with every stored change
    reports: list[ReportRecord] = []
    personal_data: bool = False  #: the official has marked that it holds personal data
    #: the official's reason for marking it complete while required answers or serious
    #: findings remain; printed on page 1 of the report
    completion_reason: str = ""

    def value(self, question_id: str) -> Any:
        answer = self.answers.get(question_id)
        return None if answer is None else answer.value
