"""Reading the workshop case library, checked against the questionnaires it names."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from app.core import conditions
from app.core.condition_check import check_condition
from app.core.errors import LoadError, Problem
from app.core.models.case import Case
from app.core.models.questionnaire import Questionnaire
from app.core.schema_errors import validate_source
from app.core.text import LANGUAGES, missing_languages
from app.core.yamlsource import Loc, Source, read_yaml

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


def load_case(path: Path, questionnaires: Mapping[str, Questionnaire] | set[str]) -> Case:
    """A case, checked against the questionnaires; with the questionnaires themselves (not
    only their ids) its key points and mistakes are checked like any condition."""
    questionnaire_ids = set(questionnaires)
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
    q = questionnaires.get(case.questionnaire) if isinstance(questionnaires, Mapping) else None
    problems += _check_rules(case, source, q)
    if problems:
        raise LoadError(problems)
    return case


def _check_rules(case: Case, source: Source, q: Questionnaire | None) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for key in ("key_points", "mistakes"):
        for i, rule in enumerate(getattr(case, key)):
            loc: Loc = (key, i)
            if rule.id in seen:
                problems.append(source.problem((*loc, "id"), f"case '{case.id}': rule id "
                                               f"'{rule.id}' is used twice"))
            seen.add(rule.id)
            missing = missing_languages(rule.label, LANGUAGES)
            if missing:
                problems.append(source.problem((*loc, "label"), f"case '{case.id}': rule "
                                               f"'{rule.id}' has no label in {', '.join(missing)}"))
            try:
                node = conditions.parse(rule.when)
            except conditions.ConditionError as exc:
                problems.append(source.problem((*loc, "when"), f"case '{case.id}': rule "
                                               f"'{rule.id}' does not parse: {exc}"))
                continue
            if q is not None:
                for message in check_condition(node, q.questions, q.scoring.word_lists):
                    problems.append(source.problem((*loc, "when"), f"case '{case.id}': rule "
                                                   f"'{rule.id}': {message}"))
    return problems


def load_cases(folder: Path, questionnaires: Mapping[str, Questionnaire] | set[str]) -> list[Case]:
    """Every case in a folder, sorted by id; LoadError lists every problem in every file."""
    cases: list[Case] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            cases.append(load_case(path, questionnaires))
        except LoadError as exc:
            problems += exc.problems
    if problems:
        raise LoadError(problems)
    return cases
