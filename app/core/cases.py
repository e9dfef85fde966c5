"""Reading the workshop case library, checked against the questionnaires it names."""

from __future__ import annotations

from pathlib import Path

from app.core.errors import LoadError, Problem
from app.core.loading import validate_source
from app.core.models.case import Case
from app.core.text import LANGUAGES, missing_languages
from app.core.yamlsource import read_yaml

_TEXTS = (
    "title",
    "summary",
    "level",
    "background",
    "proposal",
    "facts",
    "children_said",
    "trainer_notes",
)


def load_case(path: Path, questionnaire_ids: set[str]) -> Case:
    source = read_yaml(path)
    case = validate_source(source, Case)
    problems: list[Problem] = []
    if case.id != path.stem:
        problems.append(
            source.problem(("id",), f"case id '{case.id}' must equal the file name '{path.stem}'")
        )
    if questionnaire_ids and case.questionnaire not in questionnaire_ids:
        problems.append(
            source.problem(
                ("questionnaire",),
                f"case '{case.id}' uses questionnaire "
                f"'{case.questionnaire}', which is not shipped "
                f"({', '.join(sorted(questionnaire_ids))})",
            )
        )
    for key in _TEXTS:
        missing = missing_languages(getattr(case, key), LANGUAGES)
        if missing:
            problems.append(
                source.problem(
                    (key,), f"case '{case.id}': '{key}' has no text in {', '.join(missing)}"
                )
            )
    for i, number in enumerate(case.key_articles):
        if not 1 <= number <= 54:
            problems.append(
                source.problem(
                    ("key_articles", i),
                    f"case '{case.id}' names article {number}; the convention has articles 1-54",
                )
            )
    if problems:
        raise LoadError(problems)
    return case


def load_cases(folder: Path, questionnaire_ids: set[str]) -> list[Case]:
    """Every case in a folder, sorted by id; LoadError lists every problem in every file."""
    cases: list[Case] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            cases.append(load_case(path, questionnaire_ids))
        except LoadError as exc:
            problems += exc.problems
    if problems:
        raise LoadError(problems)
    return cases
