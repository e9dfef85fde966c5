"""Impacts rated per group of children: one rating for "all children" hides who loses.

An impact question with `groups:` lets the official rate an article again for each group
named in the screening, where that group fares differently. This module reads those ratings
(pure: no I/O) for the scorecard, the app and the report.
"""

from __future__ import annotations

from typing import Any

from app.core.evaluation import Evaluation, _combine
from app.core.models.group_impact import GroupImpact
from app.core.models.questionnaire import Question, Questionnaire
from app.core.text import Text


def named_groups(q: Questionnaire, question: Question, values: dict[str, Any]) -> list[str]:
    """The groups the official named in the question's group source, minus the non-groups."""
    if question.groups is None:
        return []
    chosen = values.get(question.groups.source) or []
    return [g for g in chosen if g not in question.groups.skip]


def group_label(q: Questionnaire, question: Question, group: str) -> Text:
    if question.groups is None:
        return group
    source = q.questions.get(question.groups.source)
    return source.option_label(group) if source else group


def group_impacts(ev: Evaluation) -> list[GroupImpact]:
    """Every group rating of every visible impact question, in question and article order."""
    q, weights = ev.q, ev.q.scoring.impact.term_weights
    overall = {(a.question, a.number): a.combined for a in ev.article_impacts}
    result: list[GroupImpact] = []
    for question in q.questions.values():
        if question.type != "impact" or question.groups is None or not ev.visible.get(question.id):
            continue
        source = question.groups.source
        named = set(named_groups(q, question, {source: ev.answer(source)}))
        for number, entry in (ev.values.get(question.id) or {}).items():
            for group, rating in (entry.get("groups") or {}).items():
                if group not in named:
                    continue  # a group no longer named in the screening is not counted
                short, long = rating.get("short"), rating.get("long")
                result.append(
                    GroupImpact(
                        number=number,
                        question=question.id,
                        group=group,
                        label=group_label(q, question, group),
                        short=short,
                        long=long,
                        combined=_combine(short, long, weights.short, weights.long),
                        all_children=overall.get((question.id, number)),
                    )
                )
    return result
