"""The assessments of one case number: what a case system asks for (the API). Exact, any
letter case, repeated spaces as one.

PostgreSQL answers from the index on lower(case_number) (migration 0005): a few index
entries, whatever the number of rows; the local folder from its overview rows in memory.
Both then compare the normalised number, so "KS  2026/12" finds "ks 2026/12".
"""

from __future__ import annotations

from app.core.access import Scope
from app.store.protocol import AssessmentStore
from app.store.records import Summary


def normalised(case_number: str) -> str:
    """What two case numbers are compared by; the database's index computes the same."""
    return " ".join(case_number.split()).lower()


def by_case_number(store: AssessmentStore, case_number: str,
                   scope: Scope | None = None) -> list[Summary]:
    """Newest first, not in the trash, within `scope`."""
    wanted = normalised(case_number)
    if not wanted:
        return []
    url = getattr(store, "url", None)
    if isinstance(url, str) and url:
        rows = _indexed(url, wanted, scope)
    else:
        # its longest word narrows the search, whatever the spacing stored
        rows = store.list(max(wanted.split(" "), key=len), scope=scope)
    return [r for r in rows if normalised(r.case_number) == wanted]


def _indexed(url: str, wanted: str, scope: Scope | None) -> list[Summary]:
    from sqlalchemy import select

    from app.store.postgres.engine import engine_for, shown, transaction
    from app.store.postgres.rows import HOLDING, OVERVIEW, summary, within
    from app.store.postgres.schema import assessments as A
    from app.store.postgres.schema import case_number_key

    statement = select(*OVERVIEW, *HOLDING).where(A.c.deleted_at.is_(None),
                                                  case_number_key == wanted)
    if scope is not None:
        statement = statement.where(within(scope))
    with transaction(engine_for(url), shown(url)) as conn:
        rows = conn.execute(statement.order_by(A.c.updated.desc(), A.c.id)).all()
    return [summary(r) for r in rows]
