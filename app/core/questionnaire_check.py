"""Checks that need the whole questionnaire: ids, types' keys, languages, conditions, scoring."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pydantic import BaseModel

from app.core import conditions
from app.core.condition_check import check_condition
from app.core.dependencies import find_cycle, question_dependencies
from app.core.errors import Problem
from app.core.models.questionnaire import IMPACT_VALUES, Band, Questionnaire
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
    problems += _check_gates(q, source)
    problems += _check_rules(q, source)
    problems += _check_migrations(q, source)
    problems += check_summary(q, source)
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
    for i, r in enumerate(q.scoring.review):
        yield ("scoring", "review", i, "when"), f"review item {i + 1}", r.when
    if q.scoring.screening is not None:
        yield ("scoring", "screening", "when"), "screening", q.scoring.screening.when


def _check_conditions(q: Questionnaire, source: Source, find_cycles: bool) -> list[Problem]:
    problems: list[Problem] = []
    for loc, owner, text in _conditions(q):
        try:
            node = conditions.parse(text)
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


def _check_gates(q: Questionnaire, source: Source) -> list[Problem]:
    """Caps name levels by id: every level needs one, and every cap a level that exists."""
    s = q.scoring
    problems: list[Problem] = []
    ids = [b.id for b in s.levels]
    caps = [(("scoring", "serious_cap"), "serious_cap", s.serious_cap)] + [
        (("scoring", "flags", i, "cap"), f"flag '{f.id}'", f.cap)
        for i, f in enumerate(s.flags)
    ]
    used = [(loc, who, cap) for loc, who, cap in caps if cap is not None]
    if used:
        for i, band in enumerate(s.levels):
            if band.id is None:
                problems.append(source.problem(
                    ("scoring", "levels", i),
                    "level needs an 'id': caps name the level they hold an assessment at"))
    problems += _dupes([(b.id, ("scoring", "levels", i, "id"))
                        for i, b in enumerate(s.levels) if b.id], "level", source)
    known = ", ".join(i for i in ids if i) or "none"
    for loc, who, cap in used:
        if cap not in ids:
            problems.append(source.problem(
                loc, f"{who} caps at level '{cap}', which scoring.levels lacks (levels: {known})"))
    return problems


def _check_rules(q: Questionnaire, source: Source) -> list[Problem]:
    """Word lists, substance rules, the screening record and the conclusion name real things."""
    s = q.scoring
    problems: list[Problem] = []
    for name, lists in s.word_lists.items():
        loc: Loc = ("scoring", "word_lists", name)
        for lang in lists:
            if lang not in q.languages:
                problems.append(source.problem(
                    (*loc, lang), f"word list '{name}' has words in {lang}, which the "
                    "questionnaire does not declare in 'languages'"))
        if not any(w.strip().lstrip("*") for words in lists.values() for w in words):
            problems.append(source.problem(loc, f"word list '{name}' has no words"))
    if s.substance is not None:
        for lang in s.substance.placeholders:
            if lang not in q.languages:
                problems.append(source.problem(
                    ("scoring", "substance", "placeholders", lang),
                    f"placeholders are given in {lang}, which the questionnaire does not "
                    "declare in 'languages'"))
        for qid in s.substance.min_chars_for:
            problems += _needs(q, source, ("scoring", "substance", "min_chars_for", qid),
                               "a minimum length", qid, {"text"})
    if s.screening is not None:
        loc = ("scoring", "screening")
        problems += _needs(q, source, (*loc, "reason"), "the screening's reason",
                           s.screening.reason, {"text"})
        if s.screening.settings_words not in s.word_lists:
            problems.append(source.problem(
                (*loc, "settings_words"), f"the screening names word list "
                f"'{s.screening.settings_words}', which scoring.word_lists lacks"))
    elif any(f.applies_to == "screening" for f in s.flags):
        problems.append(source.problem(
            ("scoring", "flags"), "a flag applies to the screening record, but scoring has no "
            "'screening' block that says when the short path is taken"))
    if s.conclusion is not None:
        loc = ("scoring", "conclusion")
        problems += _needs(q, source, (*loc, "outcome"), "the conclusion", s.conclusion.outcome,
                           {"choice"})
        problems += _needs(q, source, (*loc, "motivation"), "the conclusion's reasons",
                           s.conclusion.motivation, {"text"})
    for i, number in enumerate(s.impact.conclusion_articles):
        if not 1 <= number <= 54:
            problems.append(source.problem(
                ("scoring", "impact", "conclusion_articles", i),
                f"conclusion_articles names article {number}; the convention has 1-54"))
    return problems


def _needs(q: Questionnaire, source: Source, loc: Loc, what: str, qid: str,
           types: set[str]) -> list[Problem]:
    question = q.questions.get(qid)
    if question is None:
        return [source.problem(loc, f"{what} names question '{qid}', which does not exist")]
    if question.type not in types:
        kinds = " or ".join(sorted(types))
        return [source.problem(loc, f"{what} names '{qid}', a {question.type} question; it "
                                    f"needs a {kinds} question")]
    return []


def _check_migrations(q: Questionnaire, source: Source) -> list[Problem]:
    """Each step leads, step by step, to this version, and maps onto questions it has."""
    problems: list[Problem] = []
    froms = {m.from_version for m in q.migrations}
    problems += _dupes([(m.from_version, ("migrations", i, "from_version"))
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
            if question is None or question.type not in ("choice", "multi"):
                problems.append(source.problem(
                    (*loc, "options", qid), f"migration from {m.from_version} maps options of "
                    f"'{qid}', which is not a choice or multi question of version {q.version}"))
                continue
            for old, new in mapping.items():
                if new not in question.option_values:
                    problems.append(source.problem(
                        (*loc, "options", qid, old), f"migration from {m.from_version} maps "
                        f"'{old}' to '{new}', which is not an option of '{qid}' (options: "
                        f"{', '.join(question.option_values)})"))
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
