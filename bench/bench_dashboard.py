"""The council's overview (`bka dashboard`) at 10,000 stored assessments (TinyDB).

Target (issue 14): under 1 s. Measured in its steps: reading every assessment from the store,
scoring each (app/core/dashboard.collect) and counting (app/core/dashboard.overview), and the
whole as `bka dashboard` does it. Data as bench_store: the shipped examples cut to ~3.4 KB,
with varied committees, dates and statuses.

Run: .venv/bin/python -m bench.bench_dashboard [--count 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from app.core.dashboard import collect, overview
from app.dashboard_cli import build
from app.shipped import catalog
from app.store import TinyDBAssessmentStore
from bench.bench_store import row, synthesise, templates, timed

TARGET_MS = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    args, _ = parser.parse_known_args()
    rng = random.Random(20261201)
    data = synthesise(args.count, templates(False), rng)
    cat = catalog()
    today = dt.date(2027, 6, 1)
    with tempfile.TemporaryDirectory(prefix="bka-bench-dash-") as folder:
        TinyDBAssessmentStore(folder, durable=False).store_imported(data, "bench")
        store = TinyDBAssessmentStore(folder)
        ids = [r.id for r in store.list()]
        loaded = store.get_many(ids)
        cases, _ = collect(loaded, cat)
        print(f"{len(ids)} assessments\n")
        print(f"{'operation':<38} {'median ms':>9} {'p95 ms':>9}   target")
        row("read every assessment (get_many)", timed(lambda: store.get_many(ids), args.runs),
            None)
        row("score each (collect)", timed(lambda: collect(loaded, cat), args.runs), None)
        row("count (overview)", timed(lambda: overview(cases, today), args.runs), None)

        start = time.perf_counter()
        build(Path(folder), None, None, today)  # as `bka dashboard`: a fresh process
        print(f"{'whole overview, cold (s)':<38} {time.perf_counter() - start:9.2f}")
        row("whole overview, warm (page rerun)",
            timed(lambda: build(Path(folder), None, None, today), max(args.runs, 3)),
            TARGET_MS)


if __name__ == "__main__":
    main()
