"""The reviewer's generated questions (`scoring.review`), checked when the file loads: every
`{q:id}` and `{a:id}` in their texts names a question of the questionnaire, so that no reviewer
is shown a bare id instead of a question's number or the answer given."""

from __future__ import annotations

import re

from app.core.errors import Problem
from app.core.models.questionnaire import Questionnaire
from app.core.yamlsource import Source

_NAMED = re.compile(r"\{[qa]:([a-z0-9_]+)\}")


def check_review(q: Questionnaire, source: Source) -> list[Problem]:
    problems = []
    for i, item in enumerate(q.scoring.review):
        texts = item.text.values() if isinstance(item.text, dict) else [str(item.text)]
        for lang_text in texts:
            for qid in _NAMED.findall(str(lang_text)):
                if qid not in q.questions:
                    problems.append(source.problem(
                        ("scoring", "review", i, "text"),
                        f"review item {i + 1} names question '{qid}', which the questionnaire "
                        "does not have"))
    return problems
