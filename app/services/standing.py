"""Where a stored assessment stands: its answers in stored form and every section's progress,
worked out once per revision of the record.

A page draws this on every rerun (the guided page's section list, its questions, the
workshop's live view of every group), and almost every rerun is of an unchanged record: a
click elsewhere, the autosave's poll, another person's change to another assessment. The
answers, the visibility conditions and the counts depend only on the record's revision and
the questionnaire, so they are kept per process for the last revisions seen.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from app.core.answer_check import WrongAnswer, wrong_answers
from app.core.errors import Problem
from app.core.loading import normalise_answers
from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.progress import SectionProgress, progress

KEPT = 256  #: records kept: a workshop of 30 groups and its trainer, with room to spare


@dataclass(frozen=True)
class Standing:
    """Shared between sessions: read it, never change it (copy `values` to change it)."""

    values: dict[str, Any]  #: the answers in stored form, by question id
    problems: tuple[Problem, ...]  #: answers that do not fit their questions
    wrong: dict[str, WrongAnswer]  #: the same by question id (unknown ids left out)
    sections: tuple[SectionProgress, ...]  #: every section's progress, in order
    questionnaire: Questionnaire  #: the questionnaire it was worked out for

    def section(self, section_id: str) -> SectionProgress:
        return next(s for s in self.sections if s.id == section_id)

    def around(self) -> tuple[object, ...]:
        """What a page around one open section shows of the record: every section's progress
        (its mark, the counts, the questions still missing, whether it is skipped) and the
        answers that do not fit. A change in the section that alters this is a change of the
        page, not of the section alone."""
        marks = tuple((s.id, s.visible, s.done, s.answered > 0, s.answered_required,
                       s.required, tuple(s.missing)) for s in self.sections)
        return marks, tuple(str(p) for p in self.problems)


_kept: OrderedDict[tuple[str, int, str, str, str, int], Standing] = OrderedDict()
_lock = threading.Lock()  # Streamlit runs every session's script in a thread of one process


def standing(assessment: Assessment, q: Questionnaire) -> Standing:
    """The assessment's standing; a record not stored yet (no id) is worked out each time."""
    if assessment.id is None:
        return _work_out(assessment, q)
    # id(q): a catalogue loaded again is another questionnaire object; the entry keeps its
    # questionnaire alive, so the number cannot be reused while the entry exists.
    # The revision only goes up for one record (the stores' import keeps it so too); the time
    # of the change tells apart two folders' records of one id (an example imported twice).
    key = (assessment.id, assessment.revision, str(assessment.updated), q.id,
           q.version, id(q))
    with _lock:
        found = _kept.get(key)
        if found is not None and found.questionnaire is q:
            _kept.move_to_end(key)
            return found
    result = _work_out(assessment, q)
    with _lock:
        _kept[key] = result
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return result


def _work_out(assessment: Assessment, q: Questionnaire) -> Standing:
    values, problems = normalise_answers(assessment, q)
    wrong = {w.question_id: w for w in wrong_answers(assessment, q) if w.label is not None}
    return Standing(values, tuple(problems), wrong, tuple(progress(q, values)), q)
