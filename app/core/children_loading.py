"""Reading a children's questionnaire (`audience: children`), every problem at once, with lines."""

from __future__ import annotations

import string
from collections.abc import Iterator
from pathlib import Path

from app.core.duplicate_ids import duplicate_ids as _dupes
from app.core.errors import LoadError, Problem
from app.core.models.children import PLACEHOLDERS, ChildQuestion, ChildQuestionnaire
from app.core.questionnaire_check import texts_of as _texts
from app.core.schema_errors import validate_source
from app.core.text import Text, missing_languages, unknown_languages
from app.core.yamlsource import Loc, Source, read_yaml

AUDIENCE = "children"


def is_children_file(data: object) -> bool:
    """Whether parsed YAML declares itself a children's questionnaire."""
    return isinstance(data, dict) and data.get("audience") == AUDIENCE


def load_child_questionnaire(path: Path) -> ChildQuestionnaire:
    source = read_yaml(path)
    questionnaire = validate_source(source, ChildQuestionnaire)
    problems = check_child_questionnaire(questionnaire, source)
    if problems:
        raise LoadError(problems)
    return questionnaire


def check_child_questionnaire(q: ChildQuestionnaire, source: Source) -> list[Problem]:
    """Cross-references and texts the schema alone cannot check."""
    problems = _check_ids(q, source) + _check_bands(q, source) + _check_languages(q, source)
    for i, question in enumerate(q.questions):
        problems += _check_question(q, question, ("questions", i), source)
    return problems


def _check_ids(q: ChildQuestionnaire, source: Source) -> list[Problem]:
    problems = _dupes([(b.id, ("age_bands", i, "id")) for i, b in enumerate(q.age_bands)],
                      "age band", source)
    problems += _dupes([(s.id, ("scales", i, "id")) for i, s in enumerate(q.scales)],
                       "scale", source)
    problems += _dupes([(x.id, ("questions", i, "id")) for i, x in enumerate(q.questions)],
                       "question", source)
    for i, scale in enumerate(q.scales):
        problems += _dupes([(lv.value, ("scales", i, "levels", j, "value"))
                            for j, lv in enumerate(scale.levels)], "level", source)
    for i, question in enumerate(q.questions):
        problems += _dupes([(o.value, ("questions", i, "options", j, "value"))
                            for j, o in enumerate(question.options or [])], "option", source)
    return problems


def _check_bands(q: ChildQuestionnaire, source: Source) -> list[Problem]:
    """Bands are in order, each from min to max, with no gap or overlap between them."""
    problems = []
    for i, band in enumerate(q.age_bands):
        if band.min > band.max:
            problems.append(source.problem(("age_bands", i, "min"),
                                           f"age band '{band.id}' starts at {band.min}, after "
                                           f"its end {band.max}; swap min and max"))
        if i and band.min != q.age_bands[i - 1].max + 1:
            before = q.age_bands[i - 1]
            problems.append(source.problem(("age_bands", i, "min"),
                                           f"age band '{band.id}' starts at {band.min}, but "
                                           f"'{before.id}' ends at {before.max}; the next band "
                                           f"should start at {before.max + 1}"))
    return problems


def _all_texts(q: ChildQuestionnaire) -> Iterator[tuple[Loc, Text]]:
    # _texts takes text_by_age (a dict of texts) for one text; it is walked below instead.
    yield from ((loc, text) for loc, text in _texts(q, ()) if loc[-1] != "text_by_age")
    for i, question in enumerate(q.questions):
        for band, text in question.text_by_age.items():
            yield ("questions", i, "text_by_age", band), text


def _check_languages(q: ChildQuestionnaire, source: Source) -> list[Problem]:
    problems = []
    for loc, text in _all_texts(q):
        missing = missing_languages(text, q.languages)
        if missing or (isinstance(text, str) and not text.strip()):
            problems.append(source.problem(loc, f"'{loc[-1]}' has no text in "
                                           f"{', '.join(missing or q.languages)}; the "
                                           f"questionnaire declares {', '.join(q.languages)}"))
        extra = unknown_languages(text, q.languages)
        if extra:
            problems.append(source.problem(loc, f"'{loc[-1]}' has text in {', '.join(extra)}, "
                                           "which the questionnaire does not declare"))
    return problems


def _check_question(q: ChildQuestionnaire, question: ChildQuestion, loc: Loc,
                    source: Source) -> list[Problem]:
    problems = []
    name = f"question '{question.id}'"
    if question.type == "scale" and question.scale not in q.scale_by_id:
        known = ", ".join(q.scale_by_id) or "none declared"
        problems.append(source.problem((*loc, "scale"), f"{name} needs 'scale' naming one of "
                                       f"the scales ({known})"))
    if question.type == "choice" and not question.options:
        problems.append(source.problem(loc, f"{name} is a choice and needs 'options'"))
    if question.type != "scale" and question.scale:
        problems.append(source.problem((*loc, "scale"), f"{name} is a {question.type}; "
                                       "only a scale question takes 'scale'"))
    if question.type != "choice" and question.options:
        problems.append(source.problem((*loc, "options"), f"{name} is a {question.type}; "
                                       "only a choice question takes 'options'"))
    for key in [*question.text_by_age, *question.ages]:
        if key not in q.band_by_id:
            where = (*loc, "text_by_age" if key in question.text_by_age else "ages")
            problems.append(source.problem(where, f"{name} names age band '{key}'; known: "
                                           f"{', '.join(q.band_by_id)}"))
    return problems + _check_placeholders(question, loc, source)


def _check_placeholders(question: ChildQuestion, loc: Loc, source: Source) -> list[Problem]:
    problems = []
    texts = [((*loc, "text"), question.text)]
    texts += [((*loc, "text_by_age", band), t) for band, t in question.text_by_age.items()]
    found: set[str] = set()
    for where, text in texts:
        for value in ([text] if isinstance(text, str) else list(text.values())):
            try:
                names = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
            except ValueError as exc:
                problems.append(source.problem(where, f"question '{question.id}': {exc}; "
                                               "write {decision} or {place}"))
                continue
            found |= names
            for field in sorted(names - set(PLACEHOLDERS)):
                problems.append(source.problem(where, f"question '{question.id}' has the "
                                               f"placeholder {{{field}}}; known: {{decision}}, "
                                               "{place}"))
    if "place" in found and not question.per_place:
        problems.append(source.problem((*loc, "text"), f"question '{question.id}' uses "
                                       "{place} but is not per_place: true"))
    if question.per_place and "place" not in found:
        problems.append(source.problem((*loc, "text"), f"question '{question.id}' is per_place "
                                       "but its text never says {place}"))
    return problems
