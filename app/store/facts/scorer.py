"""Who computes an assessment's facts when the database store saves it (in the save's own
transaction). Scoring needs the shipped questionnaires, which live above the store, so the
service layer registers the function (app/services/dashboard_facts.register). A process that
registered none (a script using the store alone) writes the row unscored: the next overview
build scores it. A bulk write (an import of many) also leaves its rows unscored, for the
build to score in the background. The local store writes every row unscored: its saves hold
the folder's lock, and the overview scores the few changed rows when it next counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
