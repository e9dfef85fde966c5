"""Checks of `groups:` on impact questions: an earlier multi question, and options it has."""

from __future__ import annotations

from app.core.errors import Problem
from app.core.models.questionnaire import Questionnaire
from app.core.yamlsource import Loc, Source


def check_group_links(q: Questionnaire, source: Source) -> list[Problem]:
    problems: list[Problem] = []
    order = list(q.questions)
    for si, section in enumerate(q.sections):
        for qi, question in enumerate(section.questions):
            link = question.groups
            if link is None:
                continue
            loc: Loc = ("sections", si, "questions", qi, "groups")
            name = f"question '{question.id}'"
            if question.type != "impact":
                problems.append(
                    source.problem(loc, f"{name}: 'groups' applies to impact questions")
                )
                continue
            target = q.questions.get(link.source)
            if target is None or target.type != "multi":
                problems.append(
                    source.problem(
                        (*loc, "source"),
                        f"{name}: groups.source '{link.source}' must be a multi question",
                    )
                )
                continue
            if order.index(target.id) > order.index(question.id):
                problems.append(
                    source.problem((*loc, "source"), f"{name}: '{link.source}' must come before it")
                )
            for i, value in enumerate(link.skip):
                if value not in target.option_values:
                    problems.append(
                        source.problem(
                            (*loc, "skip", i), f"{name}: '{link.source}' has no option '{value}'"
                        )
                    )
    return problems
