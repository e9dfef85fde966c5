"""Which assessments changed status since the last look: what the API's webhook sends.

Status changes are made by the app's pages (another process), so the API watches the store
instead of being told: each look reads only ids and revisions (revision_map: two indexed
columns in PostgreSQL), and opens just the assessments whose revision moved.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.store.errors import NotFound
from app.store.protocol import AssessmentStore


@dataclass(frozen=True)
class StatusChange:
    assessment_id: str
    case_number: str
    before: str | None  #: None: created since the last look
    after: str
    revision: int


class StatusWatch:
    def __init__(self, store: AssessmentStore) -> None:
        self.store = store
        self.revisions: dict[str, int] = {}
        self.statuses: dict[str, str] = {}

    def start(self) -> None:
        """Take today's statuses as known: only later changes are news."""
        self.revisions = self.store.revision_map()
        self.statuses = {r.id: r.status for r in self.store.list()}

    def changes(self) -> list[StatusChange]:
        now = self.store.revision_map()
        moved = [aid for aid, rev in now.items() if self.revisions.get(aid) != rev]
        found: list[StatusChange] = []
        for aid in moved:
            try:
                a = self.store.get(aid)
            except NotFound:  # erased between the two reads
                continue
            before = self.statuses.get(aid)
            if before != a.status:
                found.append(StatusChange(aid, a.decision.case_number, before, a.status,
                                          a.revision))
            self.statuses[aid] = a.status
        for gone in set(self.revisions) - set(now):
            self.statuses.pop(gone, None)
        self.revisions = now
        return found
