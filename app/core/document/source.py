"""Everything one report shows, gathered before any drawing: questionnaire, answers, scores."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from app.core.catalog import Catalog
from app.core.document.model import Form, Letterhead
from app.core.document.strings import LANGUAGES
from app.core.errors import Problem
from app.core.loading import migration_notes, normalise_answers
from app.core.models.approval import ReviewStanding
from app.core.models.article import ArticleLibrary
from app.core.models.assessment import Answer, Assessment
from app.core.models.law import LawLibrary
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import Scorecard
from app.core.scoring import decision_text, score
from app.core.shown import keep_shown
from app.core.substance import ReferenceText
from app.core.text import Text
from app.core.typography import DateStyle, date_text


class ReportError(Exception):
    """A report cannot be made; the message says why in a plain sentence, and what to do."""


class AnswersDoNotFit(ReportError):
    """Stored answers do not fit their questions: the report would leave them out without a
    word, so it is made once they are corrected. `problems` names each (Swedish and English)."""

    def __init__(self, q: Questionnaire, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"the answers do not fit questionnaire {q.id} {q.version}:\n"
                         + "\n".join(f"  {p}" for p in problems))


class ReportNotWritten(ReportError):
    """The report was made but its file could not be written: a full disk, a read-only or
    missing folder. Carries which, so a page can say it in the user's words."""

    def __init__(self, message: str, *, disk_full: bool = False, read_only: bool = False) -> None:
        super().__init__(message)
        self.disk_full = disk_full
        self.read_only = read_only


@dataclass(frozen=True)
class ReportInput:
    """One assessment resolved against the shipped questionnaire, scored, in one language."""

    assessment: Assessment
    questionnaire: Questionnaire
    library: ArticleLibrary
    values: dict[str, Any]  #: normalised answers that fit the questionnaire
    card: Scorecard
    lang: str
    generated: dt.datetime
    questionnaire_hash: str | None = None  #: of the shipped file the report was made with
    stale_version: str | None = None  #: the version answered, when it is no longer shipped
    text_changed: bool = False  #: same version, but the file's content hash differs
    orphans: dict[str, Answer] = field(default_factory=dict)  #: stored answers that no longer fit
    law: LawLibrary | None = None  #: the legal reference library, for the legal basis
    migration_notes: list[Text] = field(default_factory=list)  #: declared migrations applied
    form: Form = "full"  #: the report for the case file, or the full documentation
    letterhead: Letterhead | None = None  #: the organisation's profile, when one is set
    date_style: DateStyle = "iso"  #: how the organisation writes dates

    def date(self, value: dt.date | None) -> str:
        """A date as the organisation writes it ('' for none)."""
        return date_text(value, self.lang, self.date_style)

    def visible(self, question_id: str) -> bool:
        return question_id in self._visible

    @cached_property
    def _visible(self) -> frozenset[str]:
        return frozenset(self.card.visible)

    @cached_property
    def shown_assessment(self) -> Assessment:
        """The assessment as the report shows it: what its PDF carries, never a hidden
        answer (app/core/shown.py)."""
        return keep_shown(self.assessment, self.questionnaire, self._visible)

    def comment(self, question_id: str) -> str:
        answer = self.assessment.answers.get(question_id)
        return (answer.comment or "").strip() if answer else ""


def prepare(assessment: Assessment, *, catalog: Catalog, lang: str | None = None,
            now: dt.datetime | None = None, form: Form = "full",
            letterhead: Letterhead | None = None, date_style: DateStyle = "iso",
            review: ReviewStanding | None = None,
            references: tuple[ReferenceText, ...] = ()) -> ReportInput:
    """Resolve, normalise and score; ReportError when the questionnaire or answers don't fit.
    `review`: what the installation recorded of a reviewer's approval (none: below the top);
    `references`: other stored assessments whose texts an answer must not be a copy of."""
    language = lang or assessment.language
    if language not in LANGUAGES:
        raise ReportError(f"language '{language}' is not one the report speaks; use sv or en")
    if form not in ("short", "full"):
        raise ReportError(f"'{form}' is not a form of the report; use short (the report for "
                          "the case file) or full (the full documentation)")
    cat = catalog
    ref = assessment.questionnaire
    q = cat.questionnaire(ref.id)
    if q is None:
        shipped = ", ".join(sorted(cat.questionnaires)) or "none"
        raise ReportError(f"the assessment uses questionnaire '{ref.id}', which this installation "
                          f"does not have (it has: {shipped}); install the questionnaire or "
                          "correct questionnaire.id in the file")
    stale = ref.version != q.version
    values, problems = normalise_answers(assessment, q)
    if problems and not stale:
        raise AnswersDoNotFit(q, problems)
    current_hash = cat.hashes.get(q.id)
    d = assessment.decision
    return ReportInput(
        assessment=assessment, questionnaire=q, library=cat.library, values=values,
        card=score(q, values, cat.library, decision_text(d.title, d.description),
                   d.decision_date, cat.law, cat.references + references, review=review),
        lang=language,
        generated=(now or dt.datetime.now().astimezone()).replace(microsecond=0),
        questionnaire_hash=current_hash,
        stale_version=ref.version if stale else None,
        text_changed=bool(not stale and ref.hash and current_hash and ref.hash != current_hash),
        orphans={k: v for k, v in assessment.answers.items() if k not in values},
        law=cat.law,
        migration_notes=migration_notes(assessment, q),
        form=form, letterhead=letterhead, date_style=date_style,
    )

