"""The council's overview of the stored assessments: counted by the store's facts index
(app/store/facts/counts.py) for the page (app/ui/screens/dashboard.py) and the command
(`bka dashboard`) alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.access import Scope
from app.core.dashboard import DECIDED, Dashboard, overview
from app.services.dashboard_facts import current_facts, indexed, refresh, stamp
from app.services.fact_builder import Progress
from app.services.shipped import catalog as shipped_catalog
from app.store import open_store
from app.store.facts import counts
from app.store.records import Summary


@dataclass
class Board:
    """What the page shows: the figures, the ids not counted, and a build under way (its
    progress; the figures then count the assessments scored so far, `counted` of them)."""

    dashboard: Dashboard
    skipped: list[str]
    building: Progress | None = None
    counted: int = 0


def board(data_dir: Path | None, start: dt.date | None, end: dt.date | None,
          today: dt.date | None = None,
          visible: Callable[[list[Summary]], list[Summary]] | None = None,
          scope: Scope | None = None, statuses: Iterable[str] | None = DECIDED,
          committees: Iterable[str] | None = None, *, wait: bool = False) -> Board:
    """The overview of the stored assessments. `scope` and `visible` cut the rows to what the
    session may see (the login mode's roles, app/core/access.py): then the facts of those
    rows are counted here (app/core/dashboard.overview); otherwise the database counts.
    `statuses` (None: all; by default the decided ones) and `committees` (None: all) choose
    what is counted. Without `wait`, a long build runs in the background (Board.building)."""
    store = open_store(data_dir)
    catalog = shipped_catalog()
    day = today or dt.date.today()
    wanted_statuses = tuple(statuses) if statuses is not None else None
    if scope is not None or visible is not None or not indexed(store):
        rows = store.list(scope=scope)
        chosen = {r.id: r.revision for r in (visible(rows) if visible else rows)}
        cases, skipped = current_facts(store, catalog, None, chosen, wait=wait)
        progress = None if wait or not indexed(store) else refresh(store, catalog, wait=False)
        return Board(overview(cases, day, start, end, wanted_statuses, committees), skipped,
                     progress, len(cases))
    now = stamp(catalog)
    index = store.facts  # type: ignore[attr-defined]
    asked = (now, day, start, end, wanted_statuses, committees)
    if index.saves_score:  # each save scored its own row: the index is nearly always ready,
        with index.reading() as ex:  # so one statement counts and says whether it was
            ready, figures, skipped = counts.board(ex, *asked, ready=index.ready(now))
        if ready:
            return Board(figures, skipped)
    # Locally each save leaves its row to the overview to score: the few are scored first
    # (a look at an in-process file costs nothing), then counted once.
    progress = refresh(store, catalog, wait=wait)  # rows to score, or a build to run
    with index.reading() as ex:
        _, figures, skipped = counts.board(ex, *asked)
        counted = counts.counted(ex, now) if progress is not None else 0
    return Board(figures, skipped, progress, counted)


def build(data_dir: Path | None, start: dt.date | None, end: dt.date | None,
          today: dt.date | None = None,
          visible: Callable[[list[Summary]], list[Summary]] | None = None,
          scope: Scope | None = None, statuses: Iterable[str] | None = DECIDED,
          committees: Iterable[str] | None = None) -> tuple[Dashboard, list[str]]:
    """The whole overview, every assessment counted (a build waits to its end): what `bka
    dashboard` prints."""
    done = board(data_dir, start, end, today, visible, scope, statuses, committees, wait=True)
    return done.dashboard, done.skipped
