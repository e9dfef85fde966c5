"""Every write of an answer is checked against its question before it is stored.

Both stores call `check(before, after)` from each of their write paths (a new record, an
edit, an import), so no page, command, import or API can store an answer its question cannot
take: an unknown option, a list for a single choice, text for a number, a date that is not a
date. The check itself is the core's (app/core/answer_check.py); only the answers the write
changes are judged, so a record stored before the check existed can still be worked on, its
wrong answer shown as a problem to fix wherever it is read (never a reason to refuse it).

The store sits below the services and cannot load questionnaires; once the shipped catalog
is loaded (app/services/shipped.py) it is handed down here. A process that never loads it
(a benchmark's fill) judges no answers; neither does a record of a questionnaire or version
the catalog does not know (the import refuses those).
"""

from __future__ import annotations

from app.core.answer_check import WrongAnswer, wrong_answers
from app.core.catalog import Catalog
from app.core.models.assessment import Assessment
from app.store.errors import AnswerRefused

_loaded: list[Catalog] = []  # the process's catalog, once loaded (a list: no `global`)


def use(catalog: Catalog) -> None:
    """Judge written answers by `catalog` from now on."""
    _loaded[:] = [catalog]


def wrong(before: Assessment | None, after: Assessment) -> list[WrongAnswer]:
    """The answers `after` holds that do not fit their questions and differ from `before`'s
    (all of them when there is no `before`)."""
    if not _loaded:
        return []
    q = _loaded[0].questionnaire(after.questionnaire.id)
    if q is None:
        return []
    same_form = before is not None and before.questionnaire.version == after.questionnaire.version
    found = wrong_answers(after, q, before.answers if same_form and before else None)
    if same_form and before is not None:  # an edit may not add "none of these" beside others
        # imported on the first edit: a process that only reads (a report) never needs it
        from app.core.exclusive import added_clashes

        found += added_clashes(q, before.answers, after.answers)
    # An answer to an id the questionnaire does not ask is kept and named where it is read
    # ("kept but not scored"); an import refuses it (app/core/import_check.py).
    return [w for w in found if w.label is not None]


def check(before: Assessment | None, after: Assessment) -> None:
    """AnswerRefused, and nothing written, when `after` changes an answer into one that does
    not fit its question."""
    found = wrong(before, after)
    if found:
        raise AnswerRefused(after.id or (before.id if before else None), found)
