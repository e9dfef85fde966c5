"""Reading the workshop case library, checked against the questionnaires it names."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path

from pydantic import ValidationError

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


# Keys only a case has: two of them make a file "look like a case" (a questionnaire has
# 'sections', an assessment 'decision' and 'answers').
CASE_ONLY_KEYS = ("key_articles", "key_points", "mistakes", "trainer_notes", "proposal",
                  "children_said", "duration_minutes", "plenary")


def looks_like_case(data: object) -> list[str]:
    """The case-only keys a parsed file has, when it has at least two (else [])."""
    if not isinstance(data, dict):
        return []
    found = [k for k in CASE_ONLY_KEYS if k in data]
    return found if len(found) >= 2 else []


def load_case(path: Path, questionnaires: Mapping[str, Questionnaire] | set[str]) -> Case:
    """A case, checked against the questionnaires; with the questionnaires themselves (not
    only their ids) its key points and mistakes are checked like any condition. Every
    problem is reported in one LoadError, unknown top-level keys among them."""
    return check_case(read_yaml(path), questionnaires, path.stem)


def check_case(source: Source, questionnaires: Mapping[str, Questionnaire] | set[str],
               expected_id: str | None = None) -> Case:
    """A parsed case file checked whole: an unknown top-level key is reported (with the key
    it was probably meant to be) and set aside, so the schema and every cross-check still run
    and one pass lists every problem. `expected_id`: the file name the id must equal."""
    problems = unknown_keys(source)
    known = {k: v for k, v in source.data.items() if k in Case.model_fields} \
        if isinstance(source.data, dict) else source.data
    try:
        case = validate_source(Source(source.file, known, source.lines), Case)
    except LoadError as exc:
        # The rest still gets checked: the fields that are fine, with neutral stand-ins for
        # the broken ones, so one run lists the rules' and languages' problems too.
        more: list[Problem] = []
        if isinstance(known, dict):
            partial, broken = _partial(known)
            more = _check_content(partial, source, set() if "questionnaire" in broken
                                  else questionnaires)
        raise LoadError(problems + exc.problems + more) from None
    if expected_id is not None and case.id != expected_id:
        problems.append(source.problem(
            ("id",), f"case id '{case.id}' must equal the file name '{expected_id}'"))
    problems += _check_content(case, source, questionnaires)
    if problems:
        raise LoadError(problems)
    return case


_STAND_IN: dict[str, object] = {
    "id": "case", "questionnaire": "", "duration_minutes": 60, "key_articles": [1],
    **{key: {"sv": "–", "en": "–"} for key in _TEXTS}}


def _partial(known: dict[str, object]) -> tuple[Case, set[str]]:
    """A case of the fields that validate on their own; stand-ins for the others."""
    good: dict[str, object] = {}
    broken: set[str] = set()
    for name in Case.model_fields:
        if name not in known:
            broken.add(name)
            continue
        try:
            Case.model_validate({**_STAND_IN, name: known[name]})
            good[name] = known[name]
        except ValidationError:
            broken.add(name)
    return Case.model_validate({**_STAND_IN, **good}), broken


def unknown_keys(source: Source) -> list[Problem]:
    """A top-level key no case has, with the nearest known one when it looks like a typo."""
    if not isinstance(source.data, dict):
        return []
    fields = list(Case.model_fields)
    out = []
    for key in source.data:
        if key in Case.model_fields:
            continue
        near = difflib.get_close_matches(str(key), fields, n=1, cutoff=0.6)
        hint = f"; did you mean '{near[0]}'?" if near else \
            f"; a case has: {', '.join(fields)}"
        out.append(source.problem((key,), f"unknown key '{key}' for a case{hint}"))
    return out


def _check_content(case: Case, source: Source,
                   questionnaires: Mapping[str, Questionnaire] | set[str]) -> list[Problem]:
    questionnaire_ids = set(questionnaires)
    problems: list[Problem] = []
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
    if q is not None:
        problems += _check_key_articles(case, source, q)
    return problems


def _check_key_articles(case: Case, source: Source, q: Questionnaire) -> list[Problem]:
    """A key article no group can assess would leave an empty column for every group: it must
    be listed in an impact question, addable to one, or answered by the conclusion."""
    listed = {n for x in q.questions.values() if x.type == "impact" for n in x.articles}
    addable = any(x.type == "impact" and x.selectable for x in q.questions.values())
    by_conclusion = set(q.scoring.impact.conclusion_articles)
    out = []
    for i, number in enumerate(case.key_articles):
        if number in listed or number in by_conclusion or (addable and number <= 42):
            continue
        out.append(source.problem(("key_articles", i), f"case '{case.id}': key article {number} "
                                  f"cannot be assessed in questionnaire '{q.id}' (no impact "
                                  "question lists it or lets a group add it)"))
    return out


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
