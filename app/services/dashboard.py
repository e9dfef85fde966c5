"""The council's overview of the stored assessments: counted from the kept facts, for the
page (app/ui/screens/dashboard.py) and the command (`bka dashboard`) alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from app.core.access import Scope
from app.core.dashboard import DECIDED, Dashboard, overview
from app.services.dashboard_facts import current_facts, location_key, remembered, stamp
from app.services.shipped import catalog as shipped_catalog
from app.store import data_dir as default_data_dir
from app.store import open_store
from app.store.records import Summary


def build(data_dir: Path | None, start: dt.date | None, end: dt.date | None,
          today: dt.date | None = None,
          visible: Callable[[list[Summary]], list[Summary]] | None = None,
          scope: Scope | None = None, statuses: Iterable[str] | None = DECIDED,
          committees: Iterable[str] | None = None) -> tuple[Dashboard, list[str]]:
    """The overview of the stored assessments, scoring only what changed since the facts
    were last kept (app/services/dashboard_facts.py). `scope` and `visible` cut the rows to
    what the session may see (the login mode's roles, app/core/access.py): the store reads
    only the scope's rows, visible() decides. `statuses` (None: all; by default the decided
    ones) and `committees` (None: all) choose what is counted (app/core/dashboard.overview).
    """
    wanted_statuses = tuple(statuses) if statuses is not None else None
    wanted_committees = tuple(committees or ())
    store = open_store(data_dir)
    catalog = shipped_catalog()
    if scope is not None or visible is not None:
        rows = store.list(scope=scope)
        wanted = {r.id: r.revision for r in (visible(rows) if visible else rows)}
    else:
        wanted = store.revision_map()
    day = today or dt.date.today()
    key = (location_key(store), stamp(catalog), start, end, day, wanted_statuses,
           wanted_committees,
           frozenset(wanted.items()))  # the ids themselves: a hash alone could collide

    def count() -> tuple[Dashboard, list[str]]:
        cases, skipped = current_facts(store, catalog, data_dir or default_data_dir(), wanted)
        return overview(cases, day, start, end, wanted_statuses, wanted_committees), skipped

    return remembered(key, count)
