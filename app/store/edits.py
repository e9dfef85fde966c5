"""The rules of every change an assessment can undergo, shared by every store.

A store provides the one write path, `_edit(id, editor, action, edit)`: under its lock (a
folder lock, a row lock) it reads the stored assessment, calls `edit(stored, wrapper)` for the
new content (`wrapper` holds at least "updated_by", the last editor), records the difference
as a revision and writes. What a save, an answer or a decision change may overwrite is
decided here, once, so the local store and the server database refuse the same things.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

from app.core.access import Scope
from app.core.field_merge import three_way
from app.core.models.assessment import (
    TITLE_MAX,
    Answer,
    Assessment,
    Decision,
    ReportRecord,
    Status,
)
from app.core.models.lifecycle import Review
from app.store.changes import canonical, same, undo
from app.store.errors import AnswerConflict, Conflict, FieldsConflict, StoreError
from app.store.protocol import MISSING, Missing
from app.store.records import Action, Listed, Revision, Summary

Wrapper = dict[str, Any]
Edit = Callable[[Assessment, Wrapper], Assessment | None]


class EditRules:
    """save, set_answer, set_decision, set_status, update, add_report and at_revision on top
    of a store's `_edit`, `get` and `revisions`."""

    def get(self, assessment_id: str, *, include_deleted: bool = False) -> Assessment:
        raise NotImplementedError

    def revisions(self, assessment_id: str) -> builtins.list[Revision]:
        raise NotImplementedError

    def _edit(self, assessment_id: str, editor: str, action: Action, edit: Edit) -> Assessment:
        raise NotImplementedError

    def list(self, query: str = "", status: Status | None = None, *,
             scope: Scope | None = None) -> builtins.list[Summary]:
        raise NotImplementedError

    def revision_map(self, scope: Scope | None = None) -> dict[str, int]:
        """From list(): the local store's rows are in memory anyway."""
        return {s.id: s.revision for s in self.list(scope=scope)}

    def page(self, query: str = "", status: Status | None = None, *, limit: int = 50,
             offset: int = 0, exclude: Collection[str] = (),
             scope: Scope | None = None) -> tuple[builtins.list[Listed], int]:
        """From list(): the local store holds every row in memory anyway (a database store
        asks the database for the one page instead)."""
        hidden = set(exclude)
        rows = [r for r in self.list(query, status, scope=scope) if r.id not in hidden]
        return [Listed.of(r) for r in rows[offset:offset + limit]], len(rows)

    def at_revision(self, assessment_id: str, revision: int) -> Assessment:
        current = self.get(assessment_id, include_deleted=True)
        if revision == current.revision:
            return current
        history = self.revisions(assessment_id)
        known = [r.revision for r in history]
        if not 1 <= revision <= current.revision or not known or revision < min(known):
            raise StoreError(f"Assessment {assessment_id} has no revision {revision} here; "
                             f"its stored revisions are {min(known, default=0)}-"
                             f"{current.revision}.")
        state = current.model_dump(mode="json")
        for entry in history:  # newest first: step back over every later change
            if entry.revision > revision:
                undo(state, entry.changes)
        state["revision"] = revision
        at = next((r.at for r in history if r.revision <= revision), None)
        if at is not None:
            state["updated"] = at.isoformat()
        return Assessment.model_validate(state)


    def save(self, assessment: Assessment, editor: str = "",
             expected_revision: int | None = None) -> Assessment:
        if assessment.id is None:
            raise ValueError("this assessment has never been stored; use create()")
        # By default the copy is expected to be based on the revision it carries.
        expected = assessment.revision if expected_revision is None else expected_revision

        def replace(stored: Assessment, wrapper: Wrapper) -> Assessment:
            if stored.revision != expected:
                raise Conflict(stored, expected, changed_by=wrapper.get("updated_by", ""))
            return assessment

        return self._edit(assessment.id, editor, "save", replace)

    def set_answer(self, assessment_id: str, question_id: str, answer: Answer | None,
                   editor: str = "", *, expected: Answer | None | Missing = MISSING,
                   ) -> Assessment:
        def change(stored: Assessment, wrapper: Wrapper) -> Assessment:
            current = stored.answers.get(question_id)
            # Another change in between is a conflict only if it left something else than
            # what this tab now writes: two fast clicks of one user that end where the store
            # already is are not "changed by someone else" (both sides showed the same answer).
            if (expected is not MISSING
                    and not same(_answer_json(current), _answer_json(expected))
                    and not same(_answer_json(current), _answer_json(answer))):
                by, at = self._last_change(assessment_id, ("answers", question_id))
                raise AnswerConflict(stored, question_id, current, answer,
                                     changed_by=by, changed_at=at)
            answers = dict(stored.answers)
            if answer is None:
                answers.pop(question_id, None)
            else:
                answers[question_id] = answer
            return stored.model_copy(update={"answers": answers})

        return self._edit(assessment_id, editor, "answer", change)

    def set_decision(self, assessment_id: str, decision: Decision, editor: str = "", *,
                     expected: Decision | Missing = MISSING) -> Assessment:
        def change(stored: Assessment, wrapper: Wrapper) -> Assessment:
            if expected is MISSING:
                return stored.model_copy(update={"decision": decision})
            theirs = canonical(stored.decision.model_dump(mode="json"))
            merge = three_way(canonical(expected.model_dump(mode="json")),
                              canonical(decision.model_dump(mode="json")), theirs, same)
            if merge.clashes:
                raise FieldsConflict(
                    stored, merge.clashes, {f: theirs.get(f) for f in merge.clashes},
                    {f: merge.merged[f] for f in merge.clashes},
                    changed_by=wrapper.get("updated_by", ""))
            return stored.model_copy(update={"decision": Decision.model_validate(merge.merged)})

        return self._edit(assessment_id, editor, "decision", change)

    def set_status(self, assessment_id: str, status: Status, editor: str = "") -> Assessment:
        return self._edit(assessment_id, editor, "status",
                          lambda stored, _: stored.model_copy(update={"status": status}))

    def update(self, assessment_id: str, change: Callable[[Assessment], Assessment],
               editor: str = "", *, expected_revision: int | None = None) -> Assessment:
        def edit(stored: Assessment, wrapper: Wrapper) -> Assessment:
            if expected_revision is not None and stored.revision != expected_revision:
                raise Conflict(stored, expected_revision, changed_by=wrapper.get("updated_by", ""))
            return change(stored)

        return self._edit(assessment_id, editor, "update", edit)

    def add_report(self, assessment_id: str, report: ReportRecord,
                   editor: str = "") -> Assessment:
        return self._edit(assessment_id, editor, "report", lambda stored, _: stored.model_copy(
            update={"reports": [*stored.reports, report]}))

    def _last_change(self, assessment_id: str,
                     path: tuple[str, ...]) -> tuple[str, dt.datetime | None]:
        """Who last changed one field or answer, and when (for a conflict message)."""
        for entry in self.revisions(assessment_id):
            if any(c.path == path for c in entry.changes):
                return entry.editor, entry.at
        return "", None


def settle(data: dict[str, Any]) -> tuple[Assessment, dict[str, Any]]:
    """Validate the stored JSON form of an assessment and return both.

    `data` is always a model_dump(mode="json") (plus the bookkeeping fields set here), so it
    is already in normal form; the JSON round trip makes it exactly what a later read gives
    back (an impact answer's article numbers, for one, become strings), and the model is
    built from that, so what a change returns equals what get() returns afterwards.
    """
    body = canonical(data)
    return Assessment.model_validate(body), body


def _answer_json(answer: Answer | None) -> Any:
    return None if answer is None else canonical(answer.model_dump(mode="json"))


COPY_WORD = {"sv": "kopia", "en": "copy"}  #: in a copy's title


def duplicated(source: Assessment, title: str | None = None) -> Assessment:
    """A new draft with the source's answers and decision: what both stores save as a
    duplicate. Titled "(kopia)" unless a title is given, so it is never taken for the source;
    the case number is left for the official (a copy is another case, or a draft of the same
    one). Nothing the source went through is carried over: no reports, attached files,
    review, committee decision or lifecycle, and it is not a follow-up; `copy_of` names the
    source, so the council's overview never counts a decision twice."""
    suffix = f" ({COPY_WORD.get(source.language, COPY_WORD['sv'])})"
    own = title or source.decision.title[:TITLE_MAX - len(suffix)] + suffix
    decision = source.decision.model_copy(update={"title": own, "case_number": ""})
    return source.model_copy(update={"id": None, "status": "draft", "reports": [],
                                     "decision": decision, "review": Review(),
                                     "committee_decision": None, "lifecycle": [],
                                     "completion_reason": "", "copy_of": source.id,
                                     # a copy is not a follow-up, nor followed up
                                     "follow_up_of": None, "follow_ups": [],
                                     # the files are the source's underlag, kept with it:
                                     # the official attaches what applies to the copy
                                     "attachments": []})
