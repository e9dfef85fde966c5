"""A fictional case for workshops: groups assess it, the trainer compares them."""

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from app.core.models.base import Strict
from app.core.text import Text


class CaseRule(Strict):
    """A key point a good analysis catches, or a common mistake, as a condition on the answers
    (the questionnaire's condition language); the comparison shows which group it holds for."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Text  #: what the trainer reads beside the groups
    when: str  #: holds when the group caught the point, or made the mistake


class Case(Strict):
    """One workshop case, tied to the questionnaire the groups answer."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")  #: equals the file name
    questionnaire: str  #: id of the questionnaire the groups use
    title: Text
    summary: Text  #: one sentence for lists
    level: Text  #: difficulty, for the trainer's choice
    duration_minutes: int = Field(ge=10, le=480)  #: suggested group work time
    background: Text
    proposal: Text  #: the proposed decision as the committee sees it
    facts: Text  #: facts about the children concerned
    children_said: Text  #: what children said, or that none were asked
    trainer_notes: Text  #: what a good analysis notices
    key_articles: list[int] = Field(min_length=1)  #: articles a good analysis rates
    key_points: list[CaseRule] = []  #: what a good analysis catches
    mistakes: list[CaseRule] = []  #: the classic mistakes groups make with this case
    plenary: list[Text] = []  #: questions the trainer puts to the whole room after the debrief


class UploadedCase(BaseModel):
    """A case a trainer uploaded in the app, kept as the file was (its YAML text), so it is
    checked again, like a shipped one, whenever it is read."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None  #: given by the store
    revision: int = 0  #: raised by one on every save
    created: dt.datetime | None = None  #: when it was uploaded
    updated: dt.datetime | None = None  #: when it was last replaced
    case_id: str  #: the case's own id (its `id:`)
    file_name: str  #: the uploaded file's name, as shown to the trainer
    text: str = Field(max_length=200_000)  #: the file's YAML text
