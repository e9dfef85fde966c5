"""An assessment of one decision: what it is about, and the answers given."""

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.core.models.attachment import Attachment
from app.core.models.lifecycle import CommitteeDecision, LifecycleEvent, Review

FORMAT = "bka-assessment/1"
#: draft -> complete (färdigställd) -> in_review -> approved -> decided -> followed_up;
#: the allowed steps are app/core/lifecycle.py's
Status = Literal["draft", "complete", "in_review", "approved", "decided", "followed_up"]

# Lengths a person writes; far beyond them a text is a mistake or an attack (a 1 MB title
# made every page of the PDF and the overview slow). Checked wherever an assessment is read.
TITLE_MAX = 300  #: characters in a decision's title
LINE_MAX = 300  #: characters in the decision's other one-line fields
TEXT_MAX = 20_000  #: characters in the description and in a comment
ANSWER_TEXT_MAX = 50_000  #: characters of text in one answer, all its parts together


class Answer(BaseModel):
    """The value given to one question, and an optional comment."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    value: Any = None
    comment: str | None = Field(default=None, max_length=TEXT_MAX)

    @model_validator(mode="before")
    @classmethod
    def _plain_value(cls, data: Any) -> Any:
        """A bare value in a file means {value: that}."""
        if isinstance(data, dict) and ("value" in data or "comment" in data):
            return data
        return {"value": data}

    @field_validator("value")
    @classmethod
    def _text_within_limit(cls, value: Any) -> Any:
        total, stack = 0, [value]
        while stack:  # without recursion: the value may be nested
            node = stack.pop()
            if isinstance(node, str):
                total += len(node)
            elif isinstance(node, dict):
                stack.extend(node.values())
                stack.extend(k for k in node if isinstance(k, str))
            elif isinstance(node, list | tuple):
                stack.extend(node)
        if total > ANSWER_TEXT_MAX:
            raise ValueError(f"the answer holds {total:,} characters of text; at most "
                             f"{ANSWER_TEXT_MAX:,} are allowed")
        return value


class Decision(BaseModel):
    """The decision being assessed, as it will appear in the case file."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    title: str = Field(min_length=1, max_length=TITLE_MAX)  #: what the decision is about
    case_number: str = Field(default="", max_length=LINE_MAX)  #: diarienummer
    committee: str = Field(default="", max_length=LINE_MAX)  #: nämnd or unit
    decision_maker: str = Field(default="", max_length=LINE_MAX)  #: who decides
    official: str = Field(default="", max_length=LINE_MAX)  #: responsible official
    #: how children and others reach the official (a work phone or e-mail); the letter to
    #: the children prints it
    official_contact: str = Field(default="", max_length=LINE_MAX)
    decision_date: dt.date | None = None  #: planned decision date
    description: str = Field(default="", max_length=TEXT_MAX)  #: the proposal, briefly


class QuestionnaireRef(BaseModel):
    """Which questionnaire, in which version, the answers belong to."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

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
    #: short: the report for the case file; full: the full documentation; None in records
    #: from before the two forms (they were the full documentation)
    form: Literal["short", "full"] | None = None


class FreeSection(BaseModel):
    """A titled section of the official's own, for what the case needs and no question asks."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    title: str = Field(min_length=1, max_length=LINE_MAX)
    text: str = Field(default="", max_length=TEXT_MAX)
    #: the questionnaire section it follows in the full documentation ('' at the end, before
    #: the appendices); in the report for the case file it follows the measures and follow-up
    after: str = Field(default="", max_length=LINE_MAX)


class Ownership(BaseModel):
    """Whose the assessment is in the server mode with login (app/core/roles.py): the person
    who created it and their unit. Empty in the local mode, and in records from before."""

    model_config = ConfigDict(extra="forbid")

    sub: str = Field(default="", max_length=LINE_MAX)  #: the owner's subject id (OIDC `sub`)
    name: str = Field(default="", max_length=LINE_MAX)  #: the owner's name at creation
    email: str = Field(default="", max_length=LINE_MAX)  #: the owner's e-mail at creation
    unit: str = Field(default="", max_length=LINE_MAX)  #: the unit it belongs to
    shared: bool = False  #: the unit's other officials may read and change it


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
    free_sections: list[FreeSection] = []  #: the official's own titled sections, in order
    personal_data: bool = False  #: the official has marked that it holds personal data
    #: the official's reason for marking it complete while required answers or serious
    #: findings remain; printed on page 1 of the report
    completion_reason: str = ""
    review: Review = Review()  #: review and approval (app/core/lifecycle.py)
    committee_decision: CommitteeDecision | None = None  #: what the committee decided
    lifecycle: list[LifecycleEvent] = []  #: every status step, with who, when and why
    ownership: Ownership = Ownership()  #: owner and unit (login mode; empty locally)
    #: on a follow-up: the id of the assessment it follows up (app/core/followup.py)
    follow_up_of: str | None = Field(default=None, max_length=LINE_MAX)
    #: on an original: the ids of its follow-ups, oldest first
    follow_ups: list[str] = []
    #: on a copy: the id of the assessment it was copied from (app/store/edits.py)
    copy_of: str | None = Field(default=None, max_length=LINE_MAX)
    #: files attached as underlag (app/core/attachments.py); the bytes are in the store
    attachments: list[Attachment] = []

    def value(self, question_id: str) -> Any:
        answer = self.answers.get(question_id)
        return None if answer is None else answer.value
