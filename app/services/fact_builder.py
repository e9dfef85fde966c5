"""Keeping the council overview's facts index up to date (app/store/facts/): a few changed
rows are scored at once; a first build (no index yet, a damaged one set aside, a database
before migration 0006) or a rebuild after a questionnaire change scores every assessment, in
a background thread, while the page shows its progress and counts what is already scored.

One build at a time per index in a process. Several processes (app servers on one database,
`bka dashboard` beside a running app) may each build; their writes agree, since each writes
the facts of the revision stored at that moment (the store's guard) and a later save writes
its own."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.catalog import Catalog
from app.core.models.assessment import Assessment
from app.store import AssessmentStore
from app.store.errors import NotFound
from app.store.facts.rows import Fact
from app.store.facts.scorer import FEW
from app.store.facts.sql import chunks

#: seconds a page waits for a build before it shows the build's progress instead: a small
#: store's first build is done within it, a large one goes on behind the page
GRACE = 0.5
#: assessments read and scored per step: small enough that a save never waits long on the
#: index, large enough that reading is by the file, not by the assessment
STEP = 200


@dataclass
class Progress:
    """A build running or finished in this process."""

    total: int = 0  #: assessments to score
    done: int = 0
    first: bool = False  #: no index yet (True) or questionnaires changed / writes cut off
    #: not first, and no row of other questionnaires: saves the index did not hold yet
    catch_up: bool = False
    running: bool = True
    error: str = ""
    stopping: bool = False  #: asked to end after the current step (stop())
    started: float = field(default_factory=time.monotonic)
    thread: threading.Thread | None = None

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0


_JOBS: dict[str, Progress] = {}
_LOCK = threading.Lock()


def ensure(store: AssessmentStore, catalog: Catalog, stamp: str, score: Any, *,
           wait: bool) -> Progress | None:
    """Bring the index up to date: None when it is (a few rows to score are scored here and
    now, a small first build finishes within GRACE); else the running build's progress
    (`wait`: run it to its end first)."""
    index = store.facts  # type: ignore[attr-defined]
    started = False  # only the view that starts a build waits GRACE for it
    with _LOCK:
        job = _JOBS.get(index.location)
        if job is None or not job.running:
            started = True
            done, stale = index.state(stamp)
            first = not done
            if not first and not stale:
                return None
            job = _JOBS[index.location] = Progress(first=first, total=len(stale))
            if not first and len(stale) <= FEW:
                _run(store, index, stamp, score, job, stale)  # a few: here and now
                return None
            job.catch_up = not first and not _rescored(index, stamp)
            job.thread = threading.Thread(target=_run, args=(store, index, stamp, score, job,
                                                             stale),
                                          name="bka-overview-facts", daemon=True)
            job.thread.start()
    if job.thread is not None and (wait or started):
        job.thread.join(None if wait else GRACE)
    return job if job.running or job.error else None


def _rescored(index: Any, stamp: str) -> bool:
    """Whether rows of other questionnaires are there (scored before a questionnaire
    changed), not only rows not yet scored (saves the index is catching up with)."""
    with index.reading() as ex:
        return bool(ex.rows("SELECT 1 FROM overview_facts WHERE stamp <> '' AND stamp <> :s "
                            "LIMIT 1", {"s": stamp}))


def _todo(store: AssessmentStore, index: Any, stamp: str, first: bool) -> list[str]:
    """What to score: rows of other questionnaires and writes cut off; for a first build
    (an index not yet compared with the store) also every assessment it lacks or holds at
    another revision, and rows of assessments no longer there go."""
    todo = set(index.stale(stamp))
    if first:
        current = store.revision_map()
        have = index.revisions()
        gone = [i for i in have if i not in current]  # trashed or erased meanwhile
        if gone:
            index.drop(gone)
        todo |= {i for i, r in current.items() if have.get(i) != r}
    return sorted(todo)


def _run(store: AssessmentStore, index: Any, stamp: str, score: Any, job: Progress,
         todo: list[str]) -> None:
    try:
        if job.first:  # what the index lacks is known only once compared with the store
            todo = _todo(store, index, stamp, first=True)
            job.total = len(todo)
        few = len(todo) <= FEW  # a few: each linked as a save links it; many: all at once
        for part in chunks(todo, STEP):
            if job.stopping:
                break
            _score(store, index, part, score, job, link=few)
        if not few:  # (what a stopped build wrote is linked too: counted as far as it got)
            index.link_all()
        if job.first and not job.stopping:
            index.set_complete()
    except Exception as exc:  # noqa: BLE001 - shown on the page; the next build tries again
        job.error = str(exc) or type(exc).__name__
    finally:
        job.running = False


def _score(store: AssessmentStore, index: Any, ids: Sequence[str], score: Any,
           job: Progress, *, link: bool) -> None:
    """One step: read, score (the bar moves with each assessment: scoring one can take a
    tenth of a second on a busy machine, a step of them half a minute), write."""
    assessments, gone = _read(store, ids)
    job.done += len(gone)
    facts: list[Fact] = []
    for a in assessments:
        facts.append(score(a))
        job.done += 1
    if facts:
        index.put(facts, link=link)
    if gone:
        index.drop(gone)
    index.forget_pending(ids)


def _read(store: AssessmentStore, ids: Sequence[str]) -> tuple[list[Assessment], list[str]]:
    """The assessments, and the ids no longer there (trashed or erased since)."""
    try:
        return store.get_many(list(ids)), []
    except NotFound:
        found, gone = [], []
        for i in ids:
            try:
                found.append(store.get(i))
            except NotFound:
                gone.append(i)
        return found, gone


def stop(location: str) -> None:
    """End the build of the index at `location` after its current step and wait for it: what
    it scored is kept and linked, and the next page view starts a build for the rest (a
    benchmark's measured window, a test)."""
    with _LOCK:
        job = _JOBS.get(location)
    if job is not None and job.thread is not None:
        job.stopping = True
        job.thread.join()


def forget() -> None:
    """Forget finished builds (tests, a benchmark's cold run)."""
    with _LOCK:
        for key in [k for k, j in _JOBS.items() if not j.running]:
            del _JOBS[key]
