"""One assessment as a row of PostgreSQL's `assessments` table and back: the overview's
columns taken from the document, the revision rows, a scope as SQL, and a row as a Summary."""

from __future__ import annotations

import builtins
import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_

from app.core.access import Scope
from app.core.models.assessment import Assessment
from app.store.postgres.schema import assessments as A
from app.store.records import Revision, Summary

OVERVIEW = (A.c.id, A.c.title, A.c.case_number, A.c.committee, A.c.status, A.c.questionnaire,
            A.c.questionnaire_version, A.c.created, A.c.updated, A.c.revision, A.c.updated_by,
            A.c.deleted_at, A.c.deleted_by, A.c.haystack)
#: after `order` in Summary: whose it is
HOLDING = (A.c.owner, A.c.unit, A.c.shared, A.c.reviewer)


def within(scope: Scope) -> ColumnElement[bool]:
    """Scope.admits as SQL, each part on an indexed column (owner, unit, reviewer)."""
    parts: builtins.list[ColumnElement[bool]] = []
    if scope.owner:
        parts.append(A.c.owner == scope.owner)
    if scope.unit:
        parts.append(and_(A.c.unit == scope.unit, A.c.shared.is_(True)))
    if scope.reviewer:
        parts.append(A.c.reviewer == scope.reviewer)
    return or_(*parts) if parts else false()


def columns(a: Assessment, body: dict[str, Any], editor: str) -> dict[str, Any]:
    """The row of one assessment: the document and the overview's columns taken from it."""
    d = a.decision
    case_number = d.case_number or ""
    return {
        "id": a.id, "revision": a.revision, "document": body, "updated_by": editor,
        "title": d.title, "case_number": case_number, "committee": d.committee or "",
        "status": a.status, "questionnaire": a.questionnaire.id,
        "questionnaire_version": a.questionnaire.version,
        "created": a.created, "updated": a.updated,
        "haystack": f"{d.title}\n{case_number}".casefold(),
        "owner": a.ownership.sub, "unit": a.ownership.unit, "shared": a.ownership.shared,
        "reviewer": a.review.reviewer_sub,
    }


def history_row(entry: Revision) -> dict[str, Any]:
    return {"assessment_id": entry.assessment_id, "revision": entry.revision, "at": entry.at,
            "editor": entry.editor, "action": entry.action, "note": entry.note,
            "changes": [c.model_dump(mode="json") for c in entry.changes]}


def summary(r: Any) -> Summary:
    # By position (the order of OVERVIEW): a Row's attribute lookup by name costs more than
    # the rest of building the row, at 100,000 rows.
    values = tuple(r)
    updated, cut = values[8], len(OVERVIEW)
    return Summary._make((*values[:cut], updated.timestamp() if updated else float("-inf"),
                          *values[cut:]))


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in row.items()}
