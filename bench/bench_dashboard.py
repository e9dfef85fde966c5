"""The council's overview (`bka dashboard`) at 10,000 stored assessments (TinyDB), and in
PostgreSQL at $BKA_BENCH_DASH_PG_COUNT (default 2,000 so `make bench` stays quick; the
issue's figure: BKA_BENCH_DASH_PG_COUNT=100000 ... --store postgres).

Target (issue 14): under 1 s. Measured as `bka dashboard` and the page do it:

- first build: no facts kept yet (after an upgrade that changes a questionnaire): read every
  assessment, score each, count, keep the facts. Paid once; scoring dominates it.
- cold: a fresh process with the facts kept in the data folder (app/services/dashboard_facts.py):
  the store's list, the kept facts, count. This is what `bka dashboard` costs.
- one changed: a cold build after one assessment was saved (one rescored).
- warm: a page rerun in the same process (facts in memory; nothing stored in between, so the
  board kept from the run before is shown).
- warm, one saved since: a page rerun after someone saved one assessment (one rescored, the
  board counted again; the file is not rewritten for one change).
- count only: app/core/dashboard.overview over the facts.

Measured at 100,000 in PostgreSQL (2026-12-01, the 2-core machine shared with other runs):
before the kept boards and revision_map: cold with kept facts 7.4 s, warm 4.9 s. After:
filled in 85 s; get_many of all 50 s; first build 117 s; cold with kept facts 4.8 s; one
changed 7.0 s; count only 0.9 s; warm 0.26 s; warm after one save 1.8 s (counting 100,000
facts in Python is most of it: the next step is counting in the database or pre-summed facts).

Data as bench_store: the shipped examples cut to ~3.4 KB, with varied committees, dates and
statuses. Run: .venv/bin/python -m bench.bench_dashboard [--count 10000] [--runs 3]
[--store tinydb|postgres|both]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from app.core.dashboard import overview
from app.services import dashboard as dashboard_cli
from app.services import dashboard_facts
from app.store import AssessmentStore, TinyDBAssessmentStore
from bench.bench_postgres import fill_postgres
from bench.bench_store import row, synthesise, templates, timed

TARGET_MS = 1000


def _cold(folder: str, today: dt.date) -> None:
    dashboard_facts.forget()  # as a fresh process: only the file beside the data
    dashboard_cli.build(Path(folder), None, None, today, statuses=None)


def measure(store: AssessmentStore, folder: str, today: dt.date, runs: int) -> None:
    """The figures of one store; `folder` holds the kept facts (and is the local store's)."""
    ids = [r.id for r in store.list()]
    print(f"{len(ids):,} assessments\n")
    print(f"{'operation':<38} {'median ms':>9} {'p95 ms':>9}   target")
    row("read every assessment (get_many)", timed(lambda: store.get_many(ids), 1), None)
    dashboard_facts.forget()
    (Path(folder) / dashboard_facts.FILE_NAME).unlink(missing_ok=True)
    start = time.perf_counter()
    dashboard_cli.build(Path(folder), None, None, today, statuses=None)
    row("first build (no facts kept yet)", [(time.perf_counter() - start) * 1000], None)
    row("whole overview, cold (bka dashboard)", timed(lambda: _cold(folder, today), runs),
        TARGET_MS)
    store.set_decision(ids[0], store.get(ids[0]).decision.model_copy(
        update={"title": "Ändrad titel"}), editor="bench")
    row("cold, one assessment changed", timed(lambda: _cold(folder, today), 1), TARGET_MS)
    cases = [f for kept in dashboard_facts._MEMORY.values() for f in kept.values()]
    # every status counted, as before the default became the decided ones: the same work
    row("count only (core overview)",
        timed(lambda: overview(cases, today, statuses=None), runs), None)
    row("whole overview, warm (page rerun)",
        timed(lambda: dashboard_cli.build(Path(folder), None, None, today, statuses=None),
              runs), TARGET_MS)
    counter = iter(range(10**6))

    def after_a_save() -> None:
        aid = ids[next(counter) % len(ids)]
        store.set_decision(aid, store.get(aid).decision.model_copy(
            update={"title": f"Ändrad titel {next(counter)}"}), editor="bench")
        start = time.perf_counter()
        dashboard_cli.build(Path(folder), None, None, today, statuses=None)
        samples.append((time.perf_counter() - start) * 1000)

    samples: list[float] = []
    for _ in range(runs):
        after_a_save()
    row("warm, one assessment saved since (page rerun)", samples, TARGET_MS)


def tinydb(count: int, runs: int, today: dt.date) -> None:
    data = synthesise(count, templates(False), random.Random(20261201))
    with tempfile.TemporaryDirectory(prefix="bka-bench-dash-") as folder:
        TinyDBAssessmentStore(folder, durable=False).store_imported(data, "bench")
        print("TinyDB (local folder)")
        measure(TinyDBAssessmentStore(folder), folder, today, runs)


def postgres(count: int, runs: int, today: dt.date) -> None:
    """The same against a private PostgreSQL server (tests/pg_server.py), filled in bulk as
    bench_postgres does; the kept facts in a folder of this app server, as `bka serve` with
    BKA_DATABASE_URL keeps them (app/services/dashboard_facts.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    import pg_server

    if pg_server.binaries() is None:
        print("PostgreSQL: skipped, not installed (apt-get install postgresql)")
        return
    from app.store.postgres.store import PostgresAssessmentStore

    data = synthesise(count, templates(False), random.Random(20261202))
    with pg_server.running(fsync=True) as server, \
            tempfile.TemporaryDirectory(prefix="bka-bench-dash-pg-") as folder:
        url = server.url()
        t0 = time.perf_counter()
        fill_postgres(url, data)
        print(f"\nPostgreSQL, filled with {count:,} in {time.perf_counter() - t0:.1f} s (bulk)")
        previous = os.environ.get("BKA_DATABASE_URL")
        os.environ["BKA_DATABASE_URL"] = url  # dashboard_cli.build opens the store as the app
        try:
            measure(PostgresAssessmentStore(url), folder, today, runs)
        finally:
            if previous is None:
                os.environ.pop("BKA_DATABASE_URL", None)
            else:
                os.environ["BKA_DATABASE_URL"] = previous


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--store", choices=["tinydb", "postgres", "both"], default="both")
    args, _ = parser.parse_known_args()
    today = dt.date(2027, 6, 1)
    if args.store in ("tinydb", "both"):
        tinydb(args.count, args.runs, today)
    if args.store in ("postgres", "both"):
        postgres(int(os.environ.get("BKA_BENCH_DASH_PG_COUNT", "2000")), args.runs, today)


if __name__ == "__main__":
    main()
