"""The checks of a questionnaire's `scoring:` part: level bands, criteria, gates and rules
name questions, options and words the questionnaire really has (file and line for each)."""

from __future__ import annotations

from app.core.duplicate_ids import duplicate_ids
from app.core.errors import Problem
from app.core.models.questionnaire import IMPACT_VALUES, Band, Questionnaire
from app.core.yamlsource import Loc, Source

_EPSILON = 1e-6  # sums of shares and weights must reach their total within this


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


def check_scoring(q: Questionnaire, source: Source) -> list[Problem]:
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


def check_gates(q: Questionnaire, source: Source) -> list[Problem]:
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
    problems += duplicate_ids([(b.id, ("scoring", "levels", i, "id"))
                        for i, b in enumerate(s.levels) if b.id], "level", source)
    known = ", ".join(i for i in ids if i) or "none"
    for loc, who, cap in used:
        if cap not in ids:
            problems.append(source.problem(
                loc, f"{who} caps at level '{cap}', which scoring.levels lacks (levels: {known})"))
    return problems


def check_rules(q: Questionnaire, source: Source) -> list[Problem]:
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
        for i, qid in enumerate(s.substance.case_fields):
            problems += _needs(q, source, ("scoring", "substance", "case_fields", i),
                               "the case's names", qid, {"text"})
    for key in ("not_mitigation", "affected_owners"):
        name = getattr(s, key)
        if name is not None and name not in s.word_lists:
            problems.append(source.problem(
                ("scoring", key), f"{key} names word list '{name}', which scoring.word_lists "
                "lacks"))
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
    numbered: list[tuple[tuple[str, ...], list[int]]] = [
        (("impact", "conclusion_articles"), s.impact.conclusion_articles),
        (("child_own_articles",), s.child_own_articles)]
    for path, numbers in numbered:
        for i, number in enumerate(numbers):
            if not 1 <= number <= 54:
                problems.append(source.problem(
                    ("scoring", *path, i),
                    f"{path[-1]} names article {number}; the convention has 1-54"))
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
