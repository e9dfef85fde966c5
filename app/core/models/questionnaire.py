"""A questionnaire as its YAML file declares it: sections, questions and the scoring."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import Field

from app.core.models.base import Strict
from app.core.text import Text

QuestionType = Literal["choice", "multi", "scale", "text", "number", "date", "impact", "actions"]
ImpactValue = Literal[-2, -1, 0, 1, 2, "unknown"]
IMPACT_VALUES: tuple[ImpactValue, ...] = (-2, -1, 0, 1, 2, "unknown")
ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class Option(Strict):
    """One answer a choice or multi question offers."""

    value: str  #: stored in answers and named in conditions
    label: Text  #: what the user reads


class LawLink(Strict):
    """Which legal rules a question shows: the areas the answer to `source` maps to."""

    source: str  #: id of an earlier choice or multi question where the official picks the area
    areas: dict[str, list[str]]  #: option value of `source` -> area ids in the law library


class GroupLink(Strict):
    """Which groups of children an impact question lets the official rate apart."""

    source: str  #: id of an earlier multi question where the groups are named (the screening)
    skip: list[str] = []  #: options of `source` that are not groups, e.g. 'none_identified'


class Question(Strict):
    """One question; which keys apply depends on its type (checked after loading)."""

    id: str = Field(pattern=ID_PATTERN)  #: unique in the questionnaire
    type: QuestionType  #: what kind of answer it takes
    text: Text  #: the question
    help: Text | None = None  #: guidance for an official new to the convention
    articles: list[int] = []  #: articles the question concerns; for impact, the ones always rated
    required: bool = False  #: counts towards completeness when visible
    show_if: str | None = None  #: condition; the question is hidden when it is false
    options: list[Option] | None = None  #: choice and multi
    min: float | None = None  #: scale and number
    max: float | None = None  #: scale and number
    min_label: Text | None = None  #: scale: what the lowest value means
    max_label: Text | None = None  #: scale: what the highest value means
    unit: Text | None = None  #: number: the unit shown beside the field
    multiline: bool = False  #: text: a long answer
    selectable: bool = False  #: impact: the official may add articles 1-42 to rate
    law: LawLink | None = None  #: show the legal rules for the area the official picked
    groups: GroupLink | None = None  #: impact: rate the named groups apart where they differ

    @cached_property
    def option_values(self) -> list[str]:
        return [o.value for o in self.options or []]

    def option_label(self, value: str) -> Text:
        for option in self.options or []:
            if option.value == value:
                return option.label
        return value


class Section(Strict):
    """A step of the assessment, shown as one page."""

    id: str = Field(pattern=ID_PATTERN)
    title: Text
    intro: Text | None = None  #: shown above the questions
    show_if: str | None = None  #: condition for the whole section
    questions: list[Question] = Field(min_length=1)


class ImpactLevel(Strict):
    """The label of one impact rating."""

    value: ImpactValue
    label: Text


class TermWeights(Strict):
    """How short and long term ratings combine into one rating per article."""

    short: float = Field(ge=0, le=1)
    long: float = Field(ge=0, le=1)


class Band(Strict):
    """A named range of a score."""

    min: float
    max: float
    label: Text
    meaning: Text | None = None  #: what the band means for the decision-maker

    def contains(self, value: float, top: bool) -> bool:
        """Whether `value` is in the band; only the top band includes its max."""
        return self.min <= value < self.max or (top and value == self.max)


class ImpactScoring(Strict):
    """How impact ratings roll up."""

    term_weights: TermWeights
    balance_bands: list[Band] = Field(min_length=1)  #: cover -2..2


class Criterion(Strict):
    """A process-quality criterion: its points count when its condition holds."""

    id: str = Field(pattern=ID_PATTERN)
    label: Text
    points: float = Field(gt=0)
    when: str


class OverallWeights(Strict):
    """Weights of the overall score; they add up to 1."""

    process_quality: float = Field(ge=0, le=1)
    completeness: float = Field(ge=0, le=1)


class Flag(Strict):
    """A warning raised when answers contradict each other or leave a gap."""

    id: str = Field(pattern=ID_PATTERN)
    severity: Literal["warning", "serious"] = "warning"
    when: str
    question: str  #: the question the user goes to in order to resolve it
    message: Text


class Scoring(Strict):
    """Every number in the report comes from here."""

    impact: ImpactScoring
    process_quality: list[Criterion] = Field(min_length=1)  #: points add up to 100
    overall: OverallWeights
    levels: list[Band] = Field(min_length=1)  #: bands of the overall score, cover 0..100
    flags: list[Flag] = []


class Questionnaire(Strict):
    """A whole questionnaire file."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")  #: stable, stored with every assessment
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")  #: semantic version
    languages: list[Literal["sv", "en"]] = Field(min_length=1)
    title: Text
    description: Text | None = None
    impact_scale: list[ImpactLevel] = Field(min_length=6, max_length=6)
    sections: list[Section] = Field(min_length=1)
    scoring: Scoring

    @cached_property
    def questions(self) -> dict[str, Question]:
        """Every question by id, in order."""
        return {q.id: q for s in self.sections for q in s.questions}

    @cached_property
    def section_of(self) -> dict[str, Section]:
        return {q.id: s for s in self.sections for q in s.questions}

    @cached_property
    def numbering(self) -> dict[str, str]:
        """The number shown beside each question: section.question, from 1."""
        return {
            q.id: f"{si}.{qi}"
            for si, s in enumerate(self.sections, 1)
            for qi, q in enumerate(s.questions, 1)
        }

    @cached_property
    def evaluation_order(self) -> list[str]:
        """Question ids, each after the questions its visibility reads."""
        from app.core.dependencies import evaluation_order

        return evaluation_order(self)

    def impact_label(self, value: int | str | None) -> Text:
        for level in self.impact_scale:
            if level.value == value:
                return level.label
        return "–"
