"""Complete means complete: what stands in the way, and the recorded reason that overrides it."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import FlagResult, Scorecard
from app.core.substance import is_placeholder, letters


@dataclass(frozen=True)
class Blockers:
    """Required answers left open and serious findings still raised."""

    missing: list[str]
    serious: list[FlagResult]

    def __bool__(self) -> bool:
        return bool(self.missing or self.serious)


class CompletionRefused(ValueError):
    """Marking complete was refused; the message says why in a plain sentence."""


def blockers(card: Scorecard) -> Blockers:
    return Blockers(missing=list(card.missing), serious=card.serious)


def reason_counts(q: Questionnaire, reason: str) -> bool:
    """A reason is recorded only when it says something (declared minimum, no placeholder)."""
    substance = q.scoring.substance
    if substance is not None and is_placeholder(reason, substance):
        return False
    return letters(reason) >= q.scoring.completion.min_reason_chars


def mark_complete(
    assessment: Assessment, card: Scorecard, q: Questionnaire, reason: str = ""
) -> Assessment:
    """The assessment marked complete, or CompletionRefused while blockers remain unexplained."""
    if blockers(card) and not reason_counts(q, reason):
        raise CompletionRefused(
            "required answers or serious findings remain; write a reason of at least "
            f"{q.scoring.completion.min_reason_chars} characters to mark it complete anyway"
        )
    return assessment.model_copy(
        update={"status": "complete",
                "completion_reason": reason.strip() if blockers(card) else ""}
    )


def unexplained_completion(assessment: Assessment, card: Scorecard) -> bool:
    """Marked complete (for instance in an imported file) with blockers and no reason."""
    return (
        assessment.status != "draft"
        and bool(blockers(card))
        and not assessment.completion_reason.strip()
    )
