"""The PostgreSQL store at scale, beside the local store at 10,000.

Targets (issue 13), with N = 100,000 assessments in PostgreSQL: save p95 <= 20 ms, the
overview's first page <= 100 ms, search <= 200 ms, and with 50 concurrent writers a save's
p95 <= 100 ms. The same measurements on the local TinyDB store at 10,000 for comparison.

A private PostgreSQL server is started for the run (tests/pg_server.py) with fsync and
synchronous commit ON, as a real server has them. The fill writes rows in bulk (not what is
measured); every measurement goes through the store's own methods.

N defaults to 10,000 so `make bench` stays short on a small machine; for the issue's figures:

    BKA_BENCH_PG_COUNT=100000 .venv/bin/python -m bench.bench_postgres

"Overview page" is page(limit=50): the first 50 rows, newest first, and the total;
"list() whole" every row (what the overview page still asks for today). "Search" is
page(query) for a word in 1 in 8 titles and for a case number. "50 writers" are 50 threads of
one process answering at once for 5 s (a Streamlit server's sessions are threads).
"One official's overview" is what the overview asks for in the login mode: list(scope=...)
(their own rows and their unit's shared ones, through the owner/unit indexes) and the access
rules (app/core/access.py) over those; 1 in 50 rows is theirs or shared with their unit.

"Overview as called" is the overview page's own call (app/ui/screens/overview.py):
page(query, status, limit=50, offset=…, exclude=<workshop groups' ids>, scope=…), for an
administrator (no scope) with 20 workshop ids excluded, "… page 40" the same at offset 1,950
(OFFSET reads the rows before it), and "one official's page" with the official's scope.

"50 writers, a person's pace" is the realistic load: 50 threads each saving one answer, then
waiting 1-2 s (uniform jitter), as autosave does while people type, for 20 s; each writer
starts at a random moment within its first pause (50 people do not press a key in the same
millisecond; a common start would measure one burst of 50, which the tight loop covers).
The tight loop ("50 writers") stays beside it: it measures the process's ceiling, not a
user's wait.
`BKA_BENCH_PROFILE=1` prints a cProfile of 300 single saves (where a save's CPU goes).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from app.core import access
from app.core.access import Holding, Identity
from app.core.models.assessment import Answer, Assessment, Ownership
from app.core.roles import Person
from app.store import AssessmentStore, TinyDBAssessmentStore
from bench.bench_store import synthesise, templates, timed

PAGE = 50
WRITERS = 50
WRITE_SECONDS = 5.0
PACED_SECONDS = 20.0  #: the realistic load's duration
PACE = (1.0, 2.0)  #: seconds between one writer's saves (autosave while typing)
WORKSHOP_IDS = 20  #: workshop groups' assessments the overview excludes
RUNS = 200
OFFICIAL = Person("sub-bench", "Bänk Handläggare", "bench@kommun.se",
                  frozenset({"handlaggare"}), "Soc")


def owned(data: list[Assessment]) -> list[Assessment]:
    """1 in 50 the bench official's own or shared with their unit, the rest others'."""
    out = []
    for i, a in enumerate(data):
        mine = i % 50 == 0
        out.append(a.model_copy(update={"ownership": Ownership(
            sub=OFFICIAL.sub if mine and i % 100 == 0 else f"sub-{i % 997}",
            unit="Soc" if mine else f"Enhet {i % 13}", shared=mine)}))
    return out


def official_overview(store: AssessmentStore) -> int:
    me = Identity(local=True, login=True, person=OFFICIAL)
    rows = store.list(scope=access.scope(me))  # as the overview asks: the scope's rows only
    return len(access.visible(me, ((r.id, Holding(r.owner, r.unit, r.shared, r.reviewer))
                                   for r in rows)))
LOCAL_COUNT = 10_000


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def measure(store: AssessmentStore, ids: list[str], rng: random.Random) -> dict[str, float]:
    """The four figures of the issue for one store, each as (median, p95) in ms."""
    figures: dict[str, float] = {}
    counter = iter(range(10**9))

    def answer(target: AssessmentStore = store) -> None:
        target.set_answer(rng.choice(ids), "knowledge_gaps",
                          Answer(value=f"Svar nummer {next(counter)}"), "bench")

    saves = timed(answer, RUNS)
    figures["save median"], figures["save p95"] = statistics.median(saves), p95(saves)
    page = timed(lambda: store.page(limit=PAGE), RUNS // 4)
    figures["overview page median"], figures["overview page p95"] = (
        statistics.median(page), p95(page))
    whole = timed(store.list, 10)
    figures["list() whole median"], figures["list() whole p95"] = (
        statistics.median(whole), p95(whole))
    mine = timed(lambda: official_overview(store), 10)
    figures["one official's overview median"], figures["one official's overview p95"] = (
        statistics.median(mine), p95(mine))
    hidden = rng.sample(ids, WORKSHOP_IDS)
    me = access.scope(Identity(local=True, login=True, person=OFFICIAL))
    for label, offset, scope in (("overview as called", 0, None),
                                 ("overview as called, page 40", 39 * PAGE, None),
                                 ("one official's page", 0, me)):
        def call(offset: int = offset, scope: access.Scope | None = scope) -> None:
            store.page("", None, limit=PAGE, offset=offset, exclude=hidden, scope=scope)

        runs = timed(call, RUNS // 4)
        figures[f"{label} median"], figures[f"{label} p95"] = (
            statistics.median(runs), p95(runs))
    word = timed(lambda: store.page("skola", limit=PAGE), RUNS // 4)
    figures["search word median"], figures["search word p95"] = (
        statistics.median(word), p95(word))
    case = timed(lambda: store.page("bun 2025/12", limit=PAGE), RUNS // 4)
    figures["search case median"], figures["search case p95"] = (
        statistics.median(case), p95(case))
    latencies = concurrent(lambda: answer(store), WRITERS, WRITE_SECONDS)
    figures["50 writers median"], figures["50 writers p95"] = (
        statistics.median(latencies), p95(latencies))
    figures["50 writers saves/s"] = len(latencies) / WRITE_SECONDS
    paced = concurrent(lambda: answer(store), WRITERS, PACED_SECONDS,
                       pace=lambda: rng.uniform(*PACE))
    figures["50 writers, a person's pace median"] = statistics.median(paced)
    figures["50 writers, a person's pace p95"] = p95(paced)
    figures["50 writers, a person's pace saves/s"] = len(paced) / PACED_SECONDS
    return figures


def profile_save(store: AssessmentStore, ids: list[str], rng: random.Random) -> None:
    """Where one save's CPU goes: 300 set_answer calls under cProfile, the top 25."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for n in range(300):
        store.set_answer(rng.choice(ids), "knowledge_gaps", Answer(value=f"Profil {n}"),
                         "bench")
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def concurrent(save: Callable[[], None], writers: int, seconds: float,
               pace: Callable[[], float] | None = None) -> list[float]:
    """`writers` threads saving for `seconds`, each waiting `pace()` seconds after a save
    (None: at once again); every save's latency in ms."""
    samples: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(writers)

    def run() -> None:
        mine = []
        start.wait()
        until = time.monotonic() + seconds
        if pace is not None:  # people do not start typing in the same millisecond
            time.sleep(pace() * random.random())
        while time.monotonic() < until:
            t0 = time.perf_counter()
            save()
            mine.append((time.perf_counter() - t0) * 1000)
            if pace is not None:
                time.sleep(min(pace(), max(0.0, until - time.monotonic())))
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=run) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


def fill_postgres(url: str, data: list[Assessment]) -> None:
    """Rows in bulk, 2,000 per transaction: the same columns the store writes."""
    from sqlalchemy import insert

    from app.store.edits import settle
    from app.store.postgres.engine import engine_for
    from app.store.postgres.rows import columns as _columns
    from app.store.postgres.rows import history_row as _history
    from app.store.postgres.schema import assessments, revisions
    from app.store.records import Revision

    engine = engine_for(url)
    for start in range(0, len(data), 2000):
        rows, history = [], []
        for a in data[start:start + 2000]:
            stored, body = settle(a.model_dump(mode="json"))
            rows.append(_columns(stored, body, "bench"))
            history.append(_history(Revision(assessment_id=a.id or "", revision=a.revision,
                                             at=a.updated or a.created, action="import")))
        with engine.begin() as conn:
            conn.execute(insert(assessments), rows)
            conn.execute(insert(revisions), history)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def report(name: str, count: int, figures: dict[str, float],
           targets: dict[str, float]) -> None:
    print(f"\n{name}, {count:,} assessments")
    print(f"{'measure':<30} {'median ms':>10} {'p95 ms':>10}   target (p95)")
    for label in ("save", "overview page", "overview as called",
                  "overview as called, page 40", "one official's page", "list() whole",
                  "one official's overview", "search word", "search case", "50 writers",
                  "50 writers, a person's pace"):
        target = targets.get(label)
        verdict = ""
        if target is not None:
            verdict = f"<= {target:g} ms " + (
                "ok" if figures[f"{label} p95"] <= target else "OVER TARGET")
        print(f"{label:<30} {figures[f'{label} median']:10.2f} {figures[f'{label} p95']:10.2f}"
              f"   {verdict}")
    print(f"{'50 writers, saves/s':<30} {figures['50 writers saves/s']:10.0f}")
    paced = figures["50 writers, a person's pace saves/s"]
    print(f"{'50 writers at a pace, saves/s':<30} {paced:10.0f}")


def main() -> None:
    count = int(os.environ.get("BKA_BENCH_PG_COUNT", "10000"))
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    import pg_server

    rng = random.Random(20261201)
    bases = templates(False)
    if pg_server.binaries() is None:
        print("skipped: PostgreSQL is not installed (apt-get install postgresql)")
        return
    with pg_server.running(fsync=True) as server:
        url = server.url()
        data = owned(synthesise(count, bases, rng))
        t0 = time.perf_counter()
        fill_postgres(url, data)
        print(f"PostgreSQL filled with {count:,} in {time.perf_counter() - t0:.1f} s "
              "(bulk; fsync on)")
        from app.store.postgres.store import PostgresAssessmentStore

        store = PostgresAssessmentStore(url)
        cold = timed(store.list, 1)[0]
        pg = measure(store, [a.id or "" for a in data], rng)
        print(f"first list() in this process: {cold:.1f} ms")
        report("PostgreSQL", count, pg, {"save": 20, "overview page": 100,
                                         "overview as called": 100,
                                         "one official's page": 100,
                                         "search word": 200, "search case": 200,
                                         "50 writers": 100,
                                         "50 writers, a person's pace": 100})
        if os.environ.get("BKA_BENCH_PROFILE"):
            profile_save(store, [a.id or "" for a in data], rng)
    local_data = owned(synthesise(LOCAL_COUNT, bases, random.Random(20261123)))
    with tempfile.TemporaryDirectory(prefix="bka-bench-") as folder:
        TinyDBAssessmentStore(folder, durable=False).store_imported(local_data, "bench")
        local = TinyDBAssessmentStore(folder)
        local.list()  # the cache warm, as in a running app
        figures = measure(local, [a.id or "" for a in local_data], rng)
        report("TinyDB (local folder), for comparison", LOCAL_COUNT, figures, {})


if __name__ == "__main__":
    main()
