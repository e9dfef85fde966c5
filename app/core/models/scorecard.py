"""What scoring computes from one assessment: every figure the report and the app show."""

from typing import Literal

from pydantic import BaseModel

from app.core.models.approval import Approval, ReviewStanding
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
    details: list[str] = []  #: what the rule found: question numbers, words of the decision
    cap: str | None = None  #: id of the level it holds the assessment at or below


class HollowAnswer(BaseModel):
    """A text given but not counted: a placeholder, too short, a copy or pasted."""

    question: str
    reason: str  #: placeholder | short | summary_copy | repeated
    article: int | None = None  #: the rating's "for which children" text of this article
    source: str = ""  #: a copy of another assessment: which one


class RightChange(BaseModel):
    """A right judged weakened or strengthened, in which terms, for which children."""

    number: int
    terms: list[str]  #: 'short', 'long' (or 'combined')
    children: str = ""


class Conclusion(BaseModel):
    """The best-interests conclusion as the official gave it."""

    outcome: str | None  #: the option value, None when not answered
    outcome_label: Text | None
    motivation: str  #: the text as given
    reasoned: bool  #: the motivation counts (given, and not hollow)


class LevelResult(BaseModel):
    id: str | None = None
    label: Text
    meaning: Text | None
    min: float
    max: float


class ReviewQuestion(BaseModel):
    """What the reviewer is asked to judge: the checks cannot read whether reasoning holds."""

    text: Text
    question: str  #: the question id the item points to ('' when none)


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
    level: LevelResult | None  #: after the caps; None for a screening record
    flags: list[FlagResult]
    visible: list[str]  #: ids of the questions the answers make visible
    groups: list[GroupImpact] = []  #: ratings per group of children (app/core/group_impacts.py)
    kind: Literal["assessment", "screening"] = "assessment"
    points_level: LevelResult | None = None  #: the level the points alone reach
    capped_by: list[str] = []  #: ids of the findings that hold the level below points_level
    conclusion: Conclusion | None = None
    screening_reason: str = ""  #: the short path: the reason given
    hollow: list[HollowAnswer] = []
    review: list[ReviewQuestion] = []  #: what no check can judge, for the reviewer
    weakened: list[RightChange] = []
    strengthened: list[RightChange] = []
    #: what this installation recorded of a reviewer's approval (app/core/review_gate.py)
    reviewed: ReviewStanding | None = None

    @property
    def approval(self) -> Approval | None:
        """The recorded approval of exactly this content, if any."""
        return self.reviewed.approval if self.reviewed is not None else None

    @property
    def lapsed(self) -> Approval | None:
        """A recorded approval of earlier content, when none holds for this one."""
        return self.reviewed.lapsed if self.reviewed is not None else None

    @property
    def serious(self) -> list[FlagResult]:
        return [f for f in self.flags if f.severity == "serious"]

    @property
    def capped(self) -> bool:
        return bool(self.capped_by)
