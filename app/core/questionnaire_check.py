"""Checks that need the whole questionnaire: ids, types' keys, languages, conditions, scoring."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from app.core import conditions
from app.core.condition_check import check_condition
from app.core.dependencies import find_cycle, parsed, question_dependencies
from app.core.duplicate_ids import duplicate_ids
from app.core.errors import Problem
from app.core.measure_status import STATUSES
from app.core.models.questionnaire import Question, Questionnaire
from app.core.review_check import check_review
from app.core.scoring_check import check_gates, check_rules, check_scoring
from app.core.summary_check import check_summary
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
    problems += check_scoring(q, source)
    problems += check_gates(q, source)
    problems += check_rules(q, source)
    problems += _check_migrations(q, source)
    problems += check_summary(q, source)
    problems += check_review(q, source)
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
        duplicate_ids(sections, "section", source)
        + duplicate_ids(questions, "question", source)
        + duplicate_ids(criteria, "criterion", source)
        + duplicate_ids(flags, "flag", source)
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
                problems += duplicate_ids(
                    [(v, (*loc, "options", i, "value")) for i, v in enumerate(values)],
                    "option",
                    source,
                )
                problems += _check_exclusive(question, loc, source)
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


def _check_exclusive(question: Question, loc: Loc, source: Source) -> list[Problem]:
    """`exclusive` marks the "none of these" of a multi question; a choice already takes one
    answer, and a multi question whose options are all exclusive is a choice."""
    name = f"question '{question.id}'"
    options = question.options or []
    if question.type != "multi":
        return [source.problem((*loc, "options", i, "exclusive"),
                               f"{name}, option '{o.value}': 'exclusive' applies only to a "
                               f"multi question (a {question.type} question takes one answer "
                               "anyway); remove it")
                for i, o in enumerate(options) if o.exclusive]
    if len(options) >= 2 and all(o.exclusive for o in options):
        return [source.problem((*loc, "options"),
                               f"{name}: every option is 'exclusive', so only one can be "
                               "chosen; make it a choice question, or mark only the option "
                               "that says none of the others applies")]
    return []


def texts_of(model: BaseModel, loc: Loc) -> Iterator[tuple[Loc, Text]]:
    """Every localized text in a model, with where it is."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        if "str | dict[str, str]" in str(field.annotation) and isinstance(value, str | dict):
            yield (*loc, name), value
        elif isinstance(value, BaseModel):
            yield from texts_of(value, (*loc, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from texts_of(item, (*loc, name, i))


def _check_languages(q: Questionnaire, source: Source) -> list[Problem]:
    problems = []
    for loc, text in texts_of(q, ()):
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
    for i, r in enumerate(q.scoring.review):
        yield ("scoring", "review", i, "when"), f"review item {i + 1}", r.when
    if q.scoring.screening is not None:
        yield ("scoring", "screening", "when"), "screening", q.scoring.screening.when


def condition_texts(q: Questionnaire) -> list[str]:
    """Every condition the questionnaire holds (visibility and scoring rules), as written."""
    return [text for _, _, text in _conditions(q)]


def _check_conditions(q: Questionnaire, source: Source, find_cycles: bool) -> list[Problem]:
    problems: list[Problem] = []
    for loc, owner, text in _conditions(q):
        try:
            node = parsed(text)
        except conditions.ConditionError as exc:
            problems.append(source.problem(loc, f"condition of '{owner}' does not parse: {exc}"))
            continue
        if loc[-1] == "show_if":
            for n in node.walk():
                if isinstance(n, conditions.Call) and conditions.FUNCTIONS[n.function].scoring_only:
                    problems.append(source.problem(
                        loc, f"condition of '{owner}': {n.function}() reads more than answers "
                        "and may only be used in scoring rules, not in show_if"))
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
        for j, qid in enumerate(flag.quote):
            if qid not in q.questions:
                problems.append(source.problem(
                    ("scoring", "flags", i, "quote", j),
                    f"flag '{flag.id}' quotes question '{qid}', which does not exist"))
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


def _check_migrations(q: Questionnaire, source: Source) -> list[Problem]:
    """Each step leads, step by step, to this version, and maps onto questions it has."""
    problems: list[Problem] = []
    froms = {m.from_version for m in q.migrations}
    problems += duplicate_ids([(m.from_version, ("migrations", i, "from_version"))
                        for i, m in enumerate(q.migrations)], "migration from version", source)
    for i, m in enumerate(q.migrations):
        loc: Loc = ("migrations", i)
        if m.from_version == q.version:
            problems.append(source.problem(
                (*loc, "from_version"), f"a migration from {m.from_version} starts at this "
                "questionnaire's own version"))
        if m.to_version != q.version and m.to_version not in froms:
            problems.append(source.problem(
                (*loc, "to_version"), f"the migration from {m.from_version} leads to "
                f"{m.to_version}, which is neither this version ({q.version}) nor where "
                "another migration starts"))
        for old, new in m.rename.items():
            if new not in q.questions:
                problems.append(source.problem(
                    (*loc, "rename", old), f"migration from {m.from_version} renames '{old}' "
                    f"to '{new}', which is not a question of version {q.version}"))
        for qid, mapping in m.options.items():
            question = q.questions.get(qid)
            if question is None or question.type not in ("choice", "multi", "actions"):
                problems.append(source.problem(
                    (*loc, "options", qid), f"migration from {m.from_version} maps options of "
                    f"'{qid}', which is not a choice, multi or actions question of version "
                    f"{q.version}"))
                continue
            # an actions question's options are its measures' states
            allowed = STATUSES if question.type == "actions" else question.option_values
            for old, new in mapping.items():
                if new not in allowed:
                    problems.append(source.problem(
                        (*loc, "options", qid, old), f"migration from {m.from_version} maps "
                        f"'{old}' to '{new}', which is not an option of '{qid}' (options: "
                        f"{', '.join(allowed)})"))
        for qid in m.to_list:
            question = q.questions.get(qid)
            if question is None or question.type != "multi":
                problems.append(source.problem(
                    (*loc, "to_list"), f"migration from {m.from_version} reads '{qid}' as a "
                    f"list, but it is not a multi question of version {q.version}"))
        for qid in m.drop:
            if qid in q.questions:
                problems.append(source.problem(
                    (*loc, "drop"), f"migration from {m.from_version} drops answers to "
                    f"'{qid}', which version {q.version} still asks"))
        for qid, numbers in m.drop_ratings.items():
            question = q.questions.get(qid)
            if question is None or question.type != "impact":
                problems.append(source.problem(
                    (*loc, "drop_ratings", qid), f"migration from {m.from_version} drops "
                    f"ratings of '{qid}', which is not an impact question of version "
                    f"{q.version}"))
            for n in numbers:
                if not 1 <= n <= 54:
                    problems.append(source.problem(
                        (*loc, "drop_ratings", qid), f"migration from {m.from_version} drops "
                        f"article {n}; the convention has 1-54"))
    return problems
