"""What can go wrong in the store, each with a message an official can act on.

Every error carries the facts as attributes too, so a page can word it in Swedish or English
instead of showing the English default.
"""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import Problem
from app.core.problem_words import swedish_file

if TYPE_CHECKING:
    from app.core.answer_check import WrongAnswer
    from app.core.models.assessment import Answer, Assessment


class StoreError(Exception):
    """Base of every store error."""


class NotFound(StoreError):
    """No assessment with that id (or it is in the trash)."""

    def __init__(self, assessment_id: str, *, in_trash: bool = False) -> None:
        self.assessment_id = assessment_id
        self.in_trash = in_trash
        if in_trash:
            message = (f"Assessment {assessment_id} is in the trash; restore it to open it.")
        else:
            message = f"There is no assessment with id {assessment_id}."
        super().__init__(message)


class Conflict(StoreError):
    """Someone saved the assessment after this copy was read; nothing was written."""

    def __init__(self, stored: Assessment, your_revision: int | None, *,
                 changed_by: str = "", message: str | None = None) -> None:
        self.stored = stored
        self.your_revision = your_revision
        self.changed_by = changed_by
        if message is None:
            who = f" by {changed_by}" if changed_by else ""
            when = f" at {_when(stored.updated)}" if stored.updated else ""
            message = (f"Assessment {stored.id} was changed{who}{when} (now revision "
                       f"{stored.revision}, your copy is revision {your_revision}). Your changes "
                       "were not saved; reload the assessment to see the other changes first.")
        super().__init__(message)


class AnswerConflict(Conflict):
    """The very answer being changed was changed by someone else since it was read."""

    def __init__(self, stored: Assessment, question_id: str, stored_answer: Answer | None,
                 yours: Answer | None, *, changed_by: str = "",
                 changed_at: dt.datetime | None = None) -> None:
        self.question_id = question_id
        self.stored_answer = stored_answer
        self.yours = yours
        self.changed_at = changed_at
        who = f" by {changed_by}" if changed_by else ""
        when = f" at {_when(changed_at)}" if changed_at else ""
        now = ("it has no answer now" if stored_answer is None
               else f"it is now {stored_answer.value!r}")
        super().__init__(stored, None, changed_by=changed_by, message=(
            f"The answer to '{question_id}' was changed{who}{when} while you were editing; "
            f"{now}. Your answer was not saved: check it and answer again."))


class FieldsConflict(Conflict):
    """Fields of a record (the decision's title, case number…) this editor changed were
    changed to something else by someone else since they were read; nothing was written."""

    def __init__(self, stored: Assessment, fields: tuple[str, ...], theirs: dict[str, object],
                 mine: dict[str, object], *, changed_by: str = "") -> None:
        self.fields = fields
        self.theirs = theirs
        self.mine = mine
        who = f" by {changed_by}" if changed_by else ""
        super().__init__(stored, None, changed_by=changed_by, message=(
            f"{', '.join(fields)} of assessment {stored.id} "
            f"{'was' if len(fields) == 1 else 'were'} changed{who} while you were editing. "
            "Your change was not saved: check the current text and change it again."))


class AnswerRefused(StoreError):
    """An answer does not fit its question (app/core/answer_check.py); nothing was written,
    and what was stored before is unchanged. `wrong` names each answer and what is wrong."""

    def __init__(self, assessment_id: str | None, wrong: Sequence[WrongAnswer]) -> None:
        self.assessment_id = assessment_id
        self.wrong = list(wrong)
        super().__init__(" ".join(w.refused("en") for w in self.wrong))

    def in_words(self, lang: str) -> str:
        """Every refused answer in `lang`."""
        return " ".join(w.refused(lang) for w in self.wrong)

    def both(self) -> str:
        """Swedish first, English under it (indented), as the product's other messages."""
        return f"{self.in_words('sv')}\n    {self.in_words('en')}"


class StoreCorrupted(StoreError):
    """A data file cannot be read; it is left exactly as it is, never replaced by an empty one."""

    def __init__(self, file: Path, reason: str, *, previous: Path | None = None,
                 backup: Path | None = None) -> None:
        self.file = file
        self.reason = reason
        self.previous = previous
        self.backup = backup
        parts = [f"The data file {file} cannot be read: {reason}.",
                 "It has not been changed, and nothing will be saved until it is repaired."]
        if previous is not None:
            parts.append(f"The copy before its last change is {previous}.")
        parts.append(f"The newest backup is {backup}." if backup is not None
                     else "No backup of the data folder has been made yet.")
        parts.append("Stop the app, put a good copy in place of the file, and start it again.")
        super().__init__(" ".join(parts))


class StoreBusy(StoreError):
    """Another program has held the data folder's lock for too long."""

    def __init__(self, lock_file: Path, seconds: float) -> None:
        self.lock_file = lock_file
        super().__init__(f"The data folder is busy: another program has held {lock_file} for "
                         f"more than {seconds:g} s. Try again, or close the other program.")


class ImportRaced(StoreError):
    """Assessments changed between comparing an import with the store and applying it."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        super().__init__("These assessments were changed while the import was being checked: "
                         f"{', '.join(ids)}. Nothing was imported; try the import again.")


class ImportRejected(Exception):
    """The file cannot be imported; nothing was changed. `found` holds each problem with its
    place (file and line where known), `problems` the same as lines in English, and
    `in_words()` every line in Swedish with the English beside it."""

    def __init__(self, file: str, problems: Sequence[str | Problem]) -> None:
        self.file = file
        # A bare sentence is about the file as a whole: the heading already names the file.
        self.found = [p if isinstance(p, Problem) else Problem("", None, p) for p in problems]
        self.problems = [str(p) for p in self.found]
        super().__init__(f"{file} cannot be imported, and nothing was changed: "
                         + "; ".join(self.problems))

    def heading(self) -> tuple[str, str]:
        """(Swedish, English): which file, and that nothing was changed."""
        return (f"{swedish_file(self.file)} kan inte importeras, och ingenting ändrades",
                f"{self.file} cannot be imported, and nothing was changed")

    def in_words(self) -> list[str]:
        """The heading and every problem, Swedish first and English under it."""
        sv, en = self.heading()
        return [f"{sv}:\n    {en}:", *(p.both() for p in self.found)]


class UnsupportedStore(StoreError):
    """The data folder was written by a newer version of the tool."""

    def __init__(self, marker: Path, found: object) -> None:
        self.marker = marker
        super().__init__(f"The data folder was made by a newer version of this tool ({marker} "
                         f"says {found!r}). Nothing was changed; update the tool to open it.")


class WriteFailed(StoreError, OSError):
    """A file of the data folder could not be written (a full disk, above all); nothing was
    saved. Also an OSError, so code that handled the system's error still does."""

    def __init__(self, file: Path, cause: OSError) -> None:
        OSError.__init__(self, cause.errno, cause.strerror)
        self.file = file
        self.cause = cause
        self.disk_full = cause.errno in (errno.ENOSPC, errno.EDQUOT)
        #: the folder (or its disk) may not be written: read-only, or no permission
        self.read_only = cause.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
        if self.disk_full:
            what = f"The disk is full: {file} could not be written."
            todo = "Free some space on the disk (or ask IT to), then try again."
        elif self.read_only:
            what = f"The data folder may not be written to: {file} is read-only."
            todo = "Ask IT to give the app write access to the folder, then try again."
        else:
            what = f"{file} could not be written ({cause.strerror or cause})."
            todo = "Check that the folder exists and may be written to, then try again."
        self.message = (f"{what} Nothing was saved: what was stored before is unchanged. "
                        f"{todo}")
        Exception.__init__(self, self.message)

    def __str__(self) -> str:
        return self.message


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return "an unknown time"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
