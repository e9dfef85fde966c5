"""The top level is earned with a reviewer, never by the checks alone.

The checks can certify that an assessment is complete and consistent; they cannot read whether
its reasoning holds (a mother's words given as the child's, another school's text reused). So
the top level needs a reviewer's approval that this installation recorded for the current
content: without one the level stays one below the top, with a finding that says so. An
approval the file states about itself (status, review fields) is not a record of ours, and the
finding says it was not counted. Pure: a standing in, a finding out.
"""

from __future__ import annotations

from app.core import lifecycle as life
from app.core.models.approval import Approval, ReviewStanding
from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Band, Questionnaire
from app.core.models.scorecard import FlagResult, ReviewQuestion
from app.core.text import tr
from app.core.wording import fill

FINDING = "review_needed"  #: the finding's id, as a rule's id is

STRINGS: dict[str, dict[str, str]] = {
    "needed": {
        "sv": "Den högsta nivån, {top}, kräver att en granskare har godkänt analysen. "
        "Kontrollerna kan visa att dokumentationen är fullständig och att svaren stämmer med "
        "varandra, men inte att resonemangen håller. Därför är nivån högst {below} tills en "
        "namngiven granskare, som inte är den som skrivit analysen, har gått igenom frågorna "
        "under ”Det kontrollerna inte kan bedöma” och godkänt den här versionen i "
        "granskningssteget.",
        "en": "The top level, {top}, needs a reviewer's approval. The checks can show that the "
        "documentation is complete and that the answers agree with each other, not that the "
        "reasoning holds. The level is therefore at most {below} until a named reviewer who "
        "did not write the assessment has gone through the questions under \"What the checks "
        "cannot judge\" and approved this version in the review step.",
    },
    "claimed": {
        "sv": " Analysen anger själv att den är godkänd, men inget godkännande av den här "
        "versionen finns registrerat i den här installationen; ett godkännande som bara står "
        "i en importerad eller inläst fil räknas inte.",
        "en": " The assessment itself says it is approved, but no approval of this version is "
        "recorded in this installation; an approval that only stands in an imported or read "
        "file does not count.",
    },
    "lapsed": {
        "sv": " {reviewer} godkände en tidigare version {at}; analysen har ändrats sedan dess, "
        "så godkännandet gäller inte längre.",
        "en": " {reviewer} approved an earlier version on {at}; the assessment has changed "
        "since, so the approval no longer holds.",
    },
    "approved": {
        "sv": "Godkänd av {reviewer} {at} (version {revision}).",
        "en": "Approved by {reviewer} on {at} (version {revision}).",
    },
    "not_approved": {
        "sv": "Ingen granskare har godkänt den här versionen.",
        "en": "No reviewer has approved this version.",
    },
    "checklist_open": {
        "sv": "Bekräfta varje fråga i granskarens lista innan du godkänner ({count} kvar).",
        "en": "Confirm every question on the reviewer's list before approving ({count} left).",
    },
}


def s(key: str, lang: str, **values: object) -> str:
    text = STRINGS[key].get(lang) or STRINGS[key]["sv"]
    return fill(text, lang, **values)


def _day(approval: Approval) -> str:
    return approval.approved_at.astimezone().strftime("%Y-%m-%d")


def standing(assessment: Assessment, records: list[Approval]) -> ReviewStanding:
    """What the records this installation keeps say of the assessment as it is now.

    An approval holds when it is of this assessment, of exactly its current content, the
    assessment is still in an approved state (a reopening lapses it), and the reviewer is not
    the responsible official. The assessment's own review fields never make one."""
    own = sorted((r for r in records if r.assessment_id and r.assessment_id == assessment.id),
                 key=lambda r: r.approved_at, reverse=True)
    current = life.content_hash(assessment)
    holding = next((r for r in own if r.content_hash == current and life.is_frozen(assessment)
                    and not life.same_person(r.reviewer, assessment.decision.official)), None)
    says = assessment.review.outcome == "approved" or life.is_frozen(assessment)
    return ReviewStanding(approval=holding, lapsed=None if holding else next(iter(own), None),
                          claimed=says and holding is None)


def gate(q: Questionnaire, level: Band | None, review: ReviewStanding | None
         ) -> FlagResult | None:
    """The finding that holds the top level for a reviewer, or None (approved, or below)."""
    order = q.level_order()
    if level is None or len(order) < 2 or level is not order[-1]:
        return None
    if review is not None and review.approval is not None:
        return None
    top, below = order[-1], order[-2]
    message: dict[str, str] = {}
    for lang in q.languages or ["sv"]:
        text = s("needed", lang, top=tr(top.label, lang), below=tr(below.label, lang))
        if review is not None and review.lapsed is not None:
            text += s("lapsed", lang, reviewer=review.lapsed.reviewer, at=_day(review.lapsed))
        elif review is not None and review.claimed:
            text += s("claimed", lang)
        message[lang] = text
    return FlagResult(id=FINDING, severity="warning", message=message, question="",
                      cap=below.id)


def approval_line(review: ReviewStanding | None, lang: str) -> str:
    """'Approved by … on … (version n).' or 'No reviewer has approved this version.'"""
    a = review.approval if review is not None else None
    if a is None:
        return s("not_approved", lang)
    return s("approved", lang, reviewer=a.reviewer, at=_day(a), revision=a.approved_revision)


def unconfirmed(questions: list[ReviewQuestion], answers: list[tuple[bool, str]]) -> int:
    """How many generated questions the reviewer has neither ticked nor answered in words."""
    given = list(answers) + [(False, "")] * max(0, len(questions) - len(answers))
    return sum(1 for ok, note in given[:len(questions)] if not ok and not note.strip())
