"""The typed shapes of everything the engine reads, stores and computes.

The model modules write their annotations without `from __future__ import annotations`:
pydantic then takes each field's type as Python made it, instead of parsing it again from a
string for every field of every model each time a process starts (~4 ms of a cold `bka
report`). A type named before its class is defined is written in quotes.
"""

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
