"""The typed shapes of everything the engine reads, stores and computes."""

from app.core.models.article import Article, ArticleLibrary, Cluster
from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.core.models.questionnaire import (
    ImpactLevel,
    Option,
    Question,
    Questionnaire,
    Scoring,
    Section,
)
from app.core.models.scorecard import Scorecard

__all__ = [
    "Answer",
    "Article",
    "ArticleLibrary",
    "Assessment",
    "Cluster",
    "Decision",
    "ImpactLevel",
    "Option",
    "Question",
    "Questionnaire",
    "QuestionnaireRef",
    "Scorecard",
    "Scoring",
    "Section",
]
