"""The council's overview (`bka dashboard`) at 10,000 stored assessments (TinyDB).

Target (issue 14): under 1 s. Measured as `bka dashboard` does it, cold (a fresh process:
read every assessment, score each, count) and warm (a page rerun: the facts of unchanged
revisions are kept), and the counting alone. Data as bench_store: the shipped examples cut to
~3.4 KB, with varied committees, dates and statuses. Scoring dominates the cold figure.

Run: .venv/bin/python -m bench.bench_dashboard [--count 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from app import dashboard_cli
from app.core.dashboard import overview
from app.store import TinyDBAssessmentStore
from bench.bench_store import row, synthesise, templates, timed

TARGET_MS = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args, _ = parser.parse_known_args()
    rng = random.Random(20261201)
    data = synthesise(args.count, templates(False), rng)
    today = dt.date(2027, 6, 1)
    with tempfile.TemporaryDirectory(prefix="bka-bench-dash-") as folder:
        TinyDBAssessmentStore(folder, durable=False).store_imported(data, "bench")
        store = TinyDBAssessmentStore(folder)
        ids = [r.id for r in store.list()]
        print(f"{len(ids)} assessments\n")
        print(f"{'operation':<38} {'median ms':>9} {'p95 ms':>9}   target")
        row("read every assessment (get_many)", timed(lambda: store.get_many(ids), 1), None)
        dashboard_cli._FACTS.clear()
        start = time.perf_counter()
        dashboard_cli.build(Path(folder), None, None, today)
        cold = (time.perf_counter() - start) * 1000
        row("whole overview, cold (bka dashboard)", [cold], TARGET_MS)
        cases = list(dashboard_cli._FACTS.values())
        row("count only (core overview)", timed(lambda: overview(cases, today), args.runs),
            None)
        row("whole overview, warm (page rerun)",
            timed(lambda: dashboard_cli.build(Path(folder), None, None, today), args.runs),
            TARGET_MS)


if __name__ == "__main__":
    main()
