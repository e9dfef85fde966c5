"""The `summary:` block's cross-references, checked when the file loads."""

from __future__ import annotations

from app.core.errors import Problem
from app.core.models.questionnaire import Questionnaire
from app.core.yamlsource import Source

#: which question types each part of the summary can quote
KINDS = {"heard": {"text"}, "views_effect": {"text"}, "not_heard": {"text"},
         "measures": {"actions"}, "support": {"text"},
         "alternatives": {"text", "choice"}, "follow_up": {"text", "date", "choice"},
         "facts": {"choice", "multi", "date", "number", "scale"}}


def check_summary(q: Questionnaire, source: Source) -> list[Problem]:
    if q.summary is None:
        return []
    problems = []
    for part, ids in q.summary.parts().items():
        for i, qid in enumerate(ids):
            loc = ("summary", part, i)
            question = q.questions.get(qid)
            if question is None:
                problems.append(source.problem(loc, f"summary.{part} names question '{qid}', "
                                               "which the questionnaire does not have"))
            elif question.type not in KINDS[part]:
                allowed = " or ".join(sorted(KINDS[part]))
                problems.append(source.problem(
                    loc, f"summary.{part}: question '{qid}' is of type {question.type}; "
                    f"this part quotes {allowed} questions"))
    return problems
