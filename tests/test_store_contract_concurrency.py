"""50 writers at once against PostgreSQL, in threads and in processes, for a bounded time:
not one update lost. Each writer keeps count of the changes the store confirmed; afterwards
the stored assessments must hold exactly those, and the history one row per change."""

from __future__ import annotations

import multiprocessing
import threading
import time
from typing import Any

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store.errors import Conflict
from app.store.postgres.store import PostgresAssessmentStore

SECONDS = 3.0  # each writer writes for this long, then stops
PROCESSES = 2
THREADS_PER_PROCESS = 10
THREADS_HERE = 30  # 30 + 2 x 10 = 50 writers


def assessment(title: str) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=title),
                      answers={"counter": Answer(value=0)})


def write(url: str, shared: str, counter: str, name: str, until: float) -> dict[str, int]:
    """One writer: its own answers into the shared assessment (set_answer), and +1 on a
    shared counter by reading a whole copy and saving it (save with its revision; on a
    Conflict it reads again, as a page does). Returns what the store confirmed."""
    store = PostgresAssessmentStore(url)
    answers = increments = 0
    while answers == 0 or time.monotonic() < until:  # at least once, however busy the machine
        store.set_answer(shared, f"{name}_{answers}", Answer(value=answers), name)
        answers += 1
        while True:
            copy = store.get(counter)
            value = int(copy.answers["counter"].value)  # type: ignore[arg-type]
            try:
                store.save(copy.model_copy(update={"answers": {
                    "counter": Answer(value=value + 1)}}), name)
                increments += 1
                break
            except Conflict:
                continue
    return {"answers": answers, "increments": increments}


def _threads(url: str, shared: str, counter: str, prefix: str, count: int,
             until: float) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            results.append(write(url, shared, counter, f"{prefix}{n}", until))
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def _process(url: str, shared: str, counter: str, prefix: str, until_in: float,
             queue: Any) -> None:
    until = time.monotonic() + until_in
    queue.put(_threads(url, shared, counter, prefix, THREADS_PER_PROCESS, until))


def test_fifty_writers_in_threads_and_processes_lose_no_update(pg_url: str) -> None:
    store = PostgresAssessmentStore(pg_url)
    shared = store.create(assessment("Delad"), "Anna").id or ""
    counter = store.create(assessment("Räknare"), "Anna").id or ""
    context = multiprocessing.get_context("spawn")  # a fresh interpreter, its own pool
    queue = context.Queue()
    # The processes start first and write for SECONDS once they are up; the threads here
    # write for the same time, overlapping them for most of it.
    workers = [context.Process(target=_process,
                               args=(pg_url, shared, counter, f"p{w}_", SECONDS, queue))
               for w in range(PROCESSES)]
    for w in workers:
        w.start()
    time.sleep(1.0)
    here = _threads(pg_url, shared, counter, "t", THREADS_HERE, time.monotonic() + SECONDS)
    there = [r for _ in workers for r in queue.get(timeout=120)]
    for w in workers:
        w.join(timeout=60)
    assert [w.exitcode for w in workers] == [0] * PROCESSES
    results = here + there
    assert len(results) == 50
    answers = sum(r["answers"] for r in results)
    increments = sum(r["increments"] for r in results)
    assert all(r["answers"] >= 1 and r["increments"] >= 1 for r in results)  # all 50 wrote

    together = store.get(shared)
    assert len(together.answers) == 1 + answers  # the counter answer it was made with
    assert together.revision == 1 + answers
    assert len(store.revisions(shared)) == 1 + answers
    counted = store.get(counter)
    assert counted.answers["counter"].value == increments
    assert counted.revision == 1 + increments
    assert [r.revision for r in store.revisions(counter)] == list(range(1 + increments, 0, -1))
