"""What scoring computes from one assessment: every figure the report and the app show."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from app.core.models.group_impact import GroupImpact
from app.core.text import Text

Rating = int | Literal["unknown"] | None


class ArticleImpact(BaseModel):
    """The rating of one article, as given and as combined."""

    number: int
    question: str  #: the impact question it was rated in
    short: Rating
    long: Rating
    combined: float | None  #: weighted mean of the known terms, -2..2
    children: str = ""  #: for which children


class ClusterImpact(BaseModel):
    """The mean combined rating of a cluster's rated articles."""

    id: str
    title: Text
    mean: float | None
    articles: list[int]  #: the rated articles counted


class CriterionResult(BaseModel):
    id: str
    label: Text
    points: float
    met: bool


class FlagResult(BaseModel):
    id: str
    severity: str
    message: Text
    question: str


class LevelResult(BaseModel):
    label: Text
    meaning: Text | None
    min: float
    max: float


class Scorecard(BaseModel):
    """All figures for one assessment; each can be explained from the answers."""

    questionnaire: str
    version: str
    articles: list[ArticleImpact]
    clusters: list[ClusterImpact]
    balance: float | None  #: mean of the rated articles' combined ratings, -2..2
    balance_label: Text | None
    negative: int  #: articles with a combined rating below 0
    positive: int  #: articles with a combined rating above 0
    process_quality: float  #: 0..100
    criteria: list[CriterionResult]
    completeness: float  #: 0..100
    required_visible: int
    required_answered: int
    missing: list[str]  #: visible required questions left open
    overall: float  #: 0..100
    level: LevelResult | None
    flags: list[FlagResult]
    visible: list[str]  #: ids of the questions the answers make visible
    groups: list[GroupImpact] = []  #: ratings per group of children (app/core/group_impacts.py)
