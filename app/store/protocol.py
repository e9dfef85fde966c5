"""The interface pages and commands use, so a server database can replace TinyDB later.

Every method that changes an assessment takes the editor's name, records who/when/what in
the revision history, and returns the assessment as now stored (with its new revision).
Methods raise the errors of app.store.errors; nothing returns None to mean "failed".
"""

from __future__ import annotations

import builtins
import enum
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Final, Literal, Protocol, runtime_checkable

from app.core.access import Scope
from app.core.models.assessment import Answer, Assessment, Decision, ReportRecord, Status
from app.store.records import Listed, Revision, Summary


class _Missing(enum.Enum):
    MISSING = "missing"


#: "No expectation given", distinct from None (which means "no answer").
MISSING: Final = _Missing.MISSING
Missing = Literal[_Missing.MISSING]


@runtime_checkable
class AssessmentStore(Protocol):
    """Where assessments are kept. Implementations: TinyDBAssessmentStore."""

    @property
    def location(self) -> str:
        """Where the data lives, in words for the Data page (a folder, a server address)."""
        ...

    def create(self, assessment: Assessment, editor: str = "") -> Assessment:
        """Store a new assessment: a new short id, created/updated now, revision 1."""
        ...

    def get(self, assessment_id: str, *, include_deleted: bool = False) -> Assessment:
        """The stored assessment; NotFound if there is none (or it is in the trash)."""
        ...

    def get_many(self, assessment_ids: Sequence[str]) -> builtins.list[Assessment]:
        """Several assessments at once (an export); NotFound for the first one missing."""
        ...

    def list(self, query: str = "", status: Status | None = None, *,
             scope: Scope | None = None) -> builtins.list[Summary]:
        """Overview rows, newest first; `query` matches title or case number, any case;
        `scope` keeps only one person's rows (the login mode, app/core/access.py)."""
        ...

    def revision_map(self, scope: Scope | None = None) -> dict[str, int]:
        """Id -> current revision of every assessment not in the trash (within `scope`):
        what the council's overview needs to know what changed, without reading whole rows."""
        ...

    def page(self, query: str = "", status: Status | None = None, *, limit: int = 50,
             offset: int = 0, exclude: Collection[str] = (),
             scope: Scope | None = None) -> tuple[builtins.list[Listed], int]:
        """One page of list(query, status) without the ids in `exclude` (workshop groups'
        work), each row as the overview's page shows it (Listed: only what it draws and
        decides its buttons by), and how many rows there are in all (Total: exact, or "at
        least" where counting every match would cost more than the page): what an
        overview of 100,000 needs."""
        ...

    def save(self, assessment: Assessment, editor: str = "",
             expected_revision: int | None = None) -> Assessment:
        """Replace the stored content; Conflict if the stored revision is not the expected one
        (by default the revision the given copy carries, i.e. the one it was read at).
        Saving unchanged content writes nothing and returns the stored assessment."""
        ...

    def set_answer(self, assessment_id: str, question_id: str, answer: Answer | None,
                   editor: str = "", *, expected: Answer | None | Missing = MISSING,
                   ) -> Assessment:
        """Change one answer (None removes it) without touching any other; AnswerConflict if
        `expected` is given and the stored answer is no longer that."""
        ...

    def set_decision(self, assessment_id: str, decision: Decision, editor: str = "", *,
                     expected: Decision | Missing = MISSING) -> Assessment:
        """Change the decision's metadata. With `expected` (the metadata as the editor last
        read it) only the fields this editor changed are written; Conflict if another editor
        changed one of those same fields meanwhile."""
        ...

    def set_status(self, assessment_id: str, status: Status, editor: str = "") -> Assessment:
        ...

    def create_linked(self, assessment: Assessment, parent_id: str,
                      link: Callable[[Assessment, str], Assessment],
                      editor: str = "") -> Assessment:
        """Create `assessment` and change the stored `parent_id` with `link(parent, new_id)`,
        both or neither (one transaction, or one lock with the new record taken out again if
        the parent's write fails): a follow-up and its original's `follow_ups` list. NotFound
        when the parent is not there."""
        ...

    def update(self, assessment_id: str, change: Callable[[Assessment], Assessment],
               editor: str = "", *, expected_revision: int | None = None) -> Assessment:
        """Read-modify-write under the store's lock: `change` gets the stored assessment and
        returns the new one (e.g. via model_copy)."""
        ...

    def add_report(self, assessment_id: str, report: ReportRecord,
                   editor: str = "") -> Assessment:
        ...

    def duplicate(self, assessment_id: str, editor: str = "", *,
                  title: str | None = None) -> Assessment:
        """A new draft with the same decision and answers (no reports), a new id."""
        ...

    def delete(self, assessment_id: str, editor: str = "") -> None:
        """Move to the trash: hidden from list(), recoverable with restore()."""
        ...

    def restore(self, assessment_id: str, editor: str = "") -> Assessment:
        ...

    def deleted(self) -> builtins.list[Summary]:
        """Rows of the assessments in the trash, most recently deleted first."""
        ...

    def redact(self, assessment_id: str, paths: Sequence[Sequence[str]],
               editor: str = "") -> Assessment:
        """Remove the earlier values of `paths` (("answers", question id) or ("decision",
        field)) from the history, and record that (who, when, which field, no content)."""
        ...

    def purge(self, assessment_id: str) -> None:
        """Remove an assessment in the trash for good: its history, its copies kept for
        repairs and the PDF reports recorded on it (e.g. personal data)."""
        ...

    def revisions(self, assessment_id: str) -> builtins.list[Revision]:
        """Every stored change, newest first: who, when, what changed and the values before."""
        ...

    def at_revision(self, assessment_id: str, revision: int) -> Assessment:
        """The assessment as it was at an earlier revision, rebuilt from the history."""
        ...

    def store_imported(self, assessments: Sequence[Assessment], editor: str = "", *,
                       note: str = "",
                       expected_revisions: Mapping[str, int | None] | None = None,
                       ) -> builtins.list[Assessment]:
        """Store assessments from a file as they are (id, revision and times kept), creating
        or replacing; a replaced state stays in the history. `expected_revisions` (id ->
        stored revision, None for "not stored") guards against changes since the caller
        compared: ImportRaced, and nothing written, if any differs. One without an id is
        stored as new. All of them are stored or none: a failure midway is undone."""
        ...

    def backup(self) -> Path:
        """A complete copy of the stored data; returns where it was written."""
        ...
