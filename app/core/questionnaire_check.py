"""Checks that need the whole questionnaire: ids, types' keys, languages, conditions, scoring."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pydantic import BaseModel

from app.core import conditions
from app.core.condition_check import check_condition
from app.core.dependencies import find_cycle, question_dependencies
from app.core.errors import Problem
from app.core.models.questionnaire import IMPACT_VALUES, Band, Questionnaire
from app.core.text import Text, missing_languages, unknown_languages
from app.core.yamlsource import Loc, Source

_TYPE_KEYS = {
    "options": {"choice", "multi"},
    "min": {"scale", "number"},
    "max": {"scale", "number"},
    "min_label": {"scale"},
    "max_label": {"scale"},
    "unit": {"number"},
    "multiline": {"text"},
    "selectable": {"impact"},
}
_EPSILON = 1e-6


def check_questionnaire(
    q: Questionnaire, source: Source, article_numbers: set[int]
) -> list[Problem]:
    """Every problem the schema alone cannot see, each at its line."""
    id_problems = _check_ids(q, source)
    problems = list(id_problems)
    problems += _check_questions(q, source, article_numbers)
    problems += _check_languages(q, source)
    # With two questions of one id, a "cycle" would be a confusing echo of the duplicate.
    problems += _check_conditions(q, source, find_cycles=not id_problems)
    problems += _check_scoring(q, source)
    return problems


def _dupes(items: Sequence[tuple[str, Loc]], what: str, source: Source) -> list[Problem]:
    seen: dict[str, Loc] = {}
    problems = []
    for item_id, loc in items:
        if item_id in seen:
            first = source.line_of(seen[item_id])
            problems.append(
                source.problem(
                    loc,
                    f"{what} id '{item_id}' is used twice "
                    f"(first on line {first}); ids must be unique",
                )
            )
        else:
            seen[item_id] = loc
    return problems


def _check_ids(q: Questionnaire, source: Source) -> list[Problem]:
    sections = [(s.id, ("sections", i, "id")) for i, s in enumerate(q.sections)]
    questions = [
        (qu.id, ("sections", si, "questions", qi, "id"))
        for si, s in enumerate(q.sections)
        for qi, qu in enumerate(s.questions)
    ]
    criteria = [
        (c.id, ("scoring", "process_quality", i, "id"))
        for i, c in enumerate(q.scoring.process_quality)
    ]
    flags = [(f.id, ("scoring", "flags", i, "id")) for i, f in enumerate(q.scoring.flags)]
    return (
        _dupes(sections, "section", source)
        + _dupes(questions, "question", source)
        + _dupes(criteria, "criterion", source)
        + _dupes(flags, "flag", source)
    )


def _check_questions(q: Questionnaire, source: Source, numbers: set[int]) -> list[Problem]:
    problems: list[Problem] = []
    for si, section in enumerate(q.sections):
        for qi, question in enumerate(section.questions):
            loc: Loc = ("sections", si, "questions", qi)
            name = f"question '{question.id}'"
            for key, types in _TYPE_KEYS.items():
                if (*loc, key) in source.lines and question.type not in types:
                    problems.append(
                        source.problem(
                            (*loc, key),
                            f"{name}: '{key}' does not apply "
                            f"to a {question.type} question; remove it",
                        )
                    )
            if question.type in ("choice", "multi"):
                values = question.option_values
                if len(values) < 2:
                    problems.append(
                        source.problem(
                            loc, f"{name}: a {question.type} question needs at least two options"
                        )
                    )
                problems += _dupes(
                    [(v, (*loc, "options", i, "value")) for i, v in enumerate(values)],
                    "option",
                    source,
                )
            if question.type == "scale" and (
                question.min is None or question.max is None or question.min >= question.max
            ):
                problems.append(source.problem(loc, f"{name}: a scale needs 'min' below 'max'"))
            if question.type == "impact" and not question.articles and not question.selectable:
                problems.append(
                    source.problem(
                        loc, f"{name}: an impact question needs 'articles' or 'selectable: true'"
                    )
                )
            for ai, number in enumerate(question.articles):
                if not 1 <= number <= 54:
                    problems.append(
                        source.problem(
                            (*loc, "articles", ai),
                            f"{name} refers to article {number}; the convention has articles 1-54",
                        )
                    )
                elif numbers and number not in numbers:
                    problems.append(
                        source.problem(
                            (*loc, "articles", ai),
                            f"{name} refers to article {number}, which the article library lacks",
                        )
                    )
    return problems


def _texts(model: BaseModel, loc: Loc) -> Iterator[tuple[Loc, Text]]:
    """Every localized text in a model, with where it is."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        if "str | dict[str, str]" in str(field.annotation) and isinstance(value, str | dict):
            yield (*loc, name), value
        elif isinstance(value, BaseModel):
            yield from _texts(value, (*loc, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _texts(item, (*loc, name, i))


def _check_languages(q: Questionnaire, source: Source) -> list[Problem]:
    problems = []
    for loc, text in _texts(q, ()):
        missing = missing_languages(text, q.languages)
        extra = unknown_languages(text, q.languages)
        if missing:
            problems.append(
                source.problem(
                    loc,
                    f"'{loc[-1]}' has no text in "
                    f"{', '.join(missing)}; the questionnaire declares "
                    f"languages {', '.join(q.languages)}",
                )
            )
        if extra:
            problems.append(
                source.problem(
                    loc,
                    f"'{loc[-1]}' has text in {', '.join(extra)}, "
                    "which the questionnaire does not declare in 'languages'",
                )
            )
    return problems


def _conditions(q: Questionnaire) -> Iterator[tuple[Loc, str, str]]:
    """(where, owner id, condition text) for every condition in the questionnaire."""
    for si, section in enumerate(q.sections):
        if section.show_if:
            yield ("sections", si, "show_if"), section.id, section.show_if
        for qi, question in enumerate(section.questions):
            if question.show_if:
                yield ("sections", si, "questions", qi, "show_if"), question.id, question.show_if
    for i, c in enumerate(q.scoring.process_quality):
        yield ("scoring", "process_quality", i, "when"), c.id, c.when
    for i, f in enumerate(q.scoring.flags):
        yield ("scoring", "flags", i, "when"), f.id, f.when


def _check_conditions(q: Questionnaire, source: Source, find_cycles: bool) -> list[Problem]:
    problems: list[Problem] = []
    for loc, owner, text in _conditions(q):
        try:
            node = conditions.parse(text)
        except conditions.ConditionError as exc:
            problems.append(source.problem(loc, f"condition of '{owner}' does not parse: {exc}"))
            continue
        for message in check_condition(node, q.questions, q.scoring.word_lists):
            problems.append(source.problem(loc, f"condition of '{owner}': {message}"))
    for i, flag in enumerate(q.scoring.flags):
        if flag.question not in q.questions:
            problems.append(
                source.problem(
                    ("scoring", "flags", i, "question"),
                    f"flag '{flag.id}' points to question '{flag.question}', which does not exist",
                )
            )
    if find_cycles and not problems:
        cycle = find_cycle(question_dependencies(q))
        if cycle:
            loc = _question_loc(q, cycle[0])
            problems.append(
                source.problem(
                    (*loc, "show_if"),
                    "question '"
                    + cycle[0]
                    + "' depends on itself: "
                    + " -> ".join(cycle)
                    + "; a condition may only read questions that do not read it back",
                )
            )
    return problems


def _question_loc(q: Questionnaire, question_id: str) -> Loc:
    for si, section in enumerate(q.sections):
        for qi, question in enumerate(section.questions):
            if question.id == question_id:
                return ("sections", si, "questions", qi)
    return ()


def _check_bands(
    bands: list[Band], low: float, high: float, loc: Loc, what: str, source: Source
) -> list[Problem]:
    ordered = sorted(enumerate(bands), key=lambda ib: ib[1].min)
    problems = []
    expected = low
    for i, band in ordered:
        if band.min >= band.max:
            problems.append(source.problem((*loc, i), f"{what}: a band needs 'min' below 'max'"))
        if abs(band.min - expected) > _EPSILON:
            gap = "a gap" if band.min > expected else "an overlap"
            problems.append(
                source.problem(
                    (*loc, i),
                    f"{what}: {gap} between {expected:g} and "
                    f"{band.min:g}; bands must cover {low:g} to {high:g} exactly",
                )
            )
        expected = band.max
    if abs(expected - high) > _EPSILON:
        problems.append(
            source.problem(
                loc,
                f"{what}: the bands end at {expected:g}; they must "
                f"cover {low:g} to {high:g} exactly",
            )
        )
    return problems


def _check_scoring(q: Questionnaire, source: Source) -> list[Problem]:
    s = q.scoring
    problems = []
    terms = s.impact.term_weights
    if abs(terms.short + terms.long - 1) > _EPSILON:
        problems.append(
            source.problem(
                ("scoring", "impact", "term_weights"),
                f"term weights add up to {terms.short + terms.long:g}; they must add up to 1",
            )
        )
    points = sum(c.points for c in s.process_quality)
    if abs(points - 100) > _EPSILON:
        problems.append(
            source.problem(
                ("scoring", "process_quality"),
                f"process quality points add up to {points:g}; they must add up to 100",
            )
        )
    overall = s.overall.process_quality + s.overall.completeness
    if abs(overall - 1) > _EPSILON:
        problems.append(
            source.problem(
                ("scoring", "overall"),
                f"overall weights add up to {overall:g}; they must add up to 1",
            )
        )
    problems += _check_bands(
        s.impact.balance_bands,
        -2,
        2,
        ("scoring", "impact", "balance_bands"),
        "balance bands",
        source,
    )
    problems += _check_bands(s.levels, 0, 100, ("scoring", "levels"), "levels", source)
    values = [level.value for level in q.impact_scale]
    if sorted(map(str, values)) != sorted(map(str, IMPACT_VALUES)):
        problems.append(
            source.problem(
                ("impact_scale",),
                "impact_scale must label each of -2, -1, 0, 1, 2 and unknown exactly once",
            )
        )
    return problems
