"""Whether this installation can read an assessment from a file: its questionnaire, version
and question ids, checked against the loaded catalog before an import stores anything.

An import that stored an assessment of an unknown questionnaire, or 51,870 answers to
questions no questionnaire asks, would keep records that no page can show and no score can
use. A version is readable when it is the questionnaire's own or when the questionnaire
declares migrations leading from it to the current one (each step `from_version` ->
`to_version`, with `rename` and `drop` of question ids); answer ids are checked as the
current version reads them after those steps. The migrations are read from the loaded
questionnaire as they are, so whatever versions and steps exist are honoured. Each answer is
then checked against its question by the same check every write makes
(app/core/answer_check.py), named by the question's label.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from app.core.answer_check import WrongAnswer, wrong_answers
from app.core.catalog import Catalog
from app.core.errors import Problem
from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.yamlsource import Source

SHOWN_IDS = 10  # unknown question ids named in a message; the rest are counted


def readable_problems(assessment: Assessment, catalog: Catalog,
                      source: Source | None = None) -> list[Problem]:
    """What stops this installation from reading `assessment` (empty when nothing does)."""
    file = source.file if source else "assessment"

    def problem(loc: tuple[str | int, ...], message: str) -> Problem:
        return source.problem(loc, message) if source else Problem(file, None, message)

    ref = assessment.questionnaire
    q = catalog.questionnaire(ref.id)
    if q is None:
        known = ", ".join(sorted(catalog.questionnaires)) or "none"
        return [problem(("questionnaire", "id"), f"the questionnaire '{ref.id}' is not one "
                        f"this installation has (it has: {known})")]
    steps = migration_path(q, ref.version)
    if steps is None:
        newer = _newer(ref.version, q.version)
        why = ("it is newer: update the tool to import it" if newer
               else "and there is no migration from it")
        return [problem(("questionnaire", "version"),
                        f"version {ref.version} of the questionnaire '{q.id}' cannot be read "
                        f"here: this installation has version {q.version}, {why}")]
    found = [problem(loc, message) for loc, message in impossible_bookkeeping(assessment)]
    ids = read_ids(list(assessment.answers), steps)
    unknown = [(old, new) for old, new in ids if new is not None and new not in q.questions]
    if unknown:
        names = ", ".join(old for old, _ in unknown[:SHOWN_IDS])
        more = f" and {len(unknown) - SHOWN_IDS:,} more" if len(unknown) > SHOWN_IDS else ""
        return found + [problem(("answers", unknown[0][0]),
                                f"{len(unknown):,} answer(s) to questions that '{q.id}' "
                                f"{q.version} does not ask: {names}{more}")]
    return found + [replace(problem(("answers", w.question_id), w.unreadable("en")),
                            swedish_message=w.unreadable("sv"))
                    for w in unreadable_answers(assessment, q)]


def unreadable_answers(assessment: Assessment, q: Questionnaire) -> list[WrongAnswer]:
    """Each answer its question cannot take (an option it does not offer, a rating of 7, a
    date of month 13), as the current version reads it after the declared migrations
    (app/core/answer_check.py, the check every write makes). The pages and the report would
    set such an answer aside, so an import that stored it would lose, in view, what the file
    holds."""
    return [w for w in wrong_answers(assessment, q) if w.label is not None]


def impossible_bookkeeping(assessment: Assessment) -> list[tuple[tuple[str, ...], str]]:
    """What no stored state can hold: a negative revision, a change before the creation."""
    found: list[tuple[tuple[str, ...], str]] = []
    if assessment.revision < 0:
        found.append((("revision",), f"revision {assessment.revision} is impossible: a stored "
                      "assessment has revision 1 or more (0 for one never stored)"))
    created, updated = assessment.created, assessment.updated
    if created and updated and _aware(updated) < _aware(created):
        found.append((("updated",), f"it was last changed ({updated.isoformat()}) before it "
                      f"was created ({created.isoformat()}), which is impossible"))
    return found


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def migration_path(q: Questionnaire, version: str) -> list[Any] | None:
    """The steps from `version` to the questionnaire's own, or None when there are none."""
    migrations: Sequence[Any] = getattr(q, "migrations", None) or []
    steps: list[Any] = []
    current = version
    while current != q.version:
        step = next((m for m in migrations if m.from_version == current), None)
        if step is None or len(steps) > len(migrations):
            return None
        steps.append(step)
        current = step.to_version
    return steps


def read_ids(ids: list[str], steps: list[Any]) -> list[tuple[str, str | None]]:
    """Each answer id with the id the current version reads it as (None: set aside by a
    step's `drop`, kept in the record and not scored)."""
    result: list[tuple[str, str | None]] = []
    for old in ids:
        current: str | None = old
        for step in steps:
            if current is None:
                break
            if current in (getattr(step, "drop", None) or []):
                current = None
            else:
                current = (getattr(step, "rename", None) or {}).get(current, current)
        result.append((old, current))
    return result


def _newer(version: str, ours: str) -> bool:
    def parts(v: str) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", v)[:3])

    return parts(version) > parts(ours)
