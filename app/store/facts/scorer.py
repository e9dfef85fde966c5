"""Who computes an assessment's facts when the store saves it. Scoring needs the shipped
questionnaires, which live above the store, so the service layer registers the function
(app/services/dashboard_facts.register) and the store calls it inside its write. A process
that registered none (a script using the store alone) writes the row unscored: the next
overview build scores it. A bulk write (an import of many) also leaves its rows unscored,
for the build to score in the background instead of holding the store's lock."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.core.models.assessment import Assessment
from app.store.facts.rows import Fact

#: a write of more assessments than this leaves them to the background build
FEW = 50

Scorer = Callable[[Assessment], Fact]
_scorer: list[Scorer] = []


def register(scorer: Scorer) -> None:
    _scorer[:] = [scorer]


def unregister() -> None:
    _scorer.clear()


def facts_of(assessments: Sequence[Assessment]) -> list[Fact]:
    """The facts of assessments as just stored; unscored when there is no scorer, when the
    write is a bulk one, or when scoring fails (a save never fails for the overview's sake)."""
    scorer = _scorer[0] if _scorer and len(assessments) <= FEW else None
    out = []
    for a in assessments:
        fact = None
        if scorer is not None:
            try:
                fact = scorer(a)
            except Exception:  # noqa: BLE001 - the build scores it again and reports it
                fact = None
        out.append(fact or Fact(id=a.id or "", revision=a.revision, facts=None))
    return out


def facts_of_body(body: dict[str, Any]) -> list[Fact]:
    """facts_of() for one stored document: validated only when there is a scorer to use it."""
    if not _scorer:
        return [Fact(id=str(body.get("id") or ""), revision=int(body.get("revision") or 0),
                     facts=None)]
    return facts_of([Assessment.model_validate(body)])
