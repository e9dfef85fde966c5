"""Export and import of realistic assessments (full-size examples): the time each takes, the
file's size and the process's peak memory (RSS), so the import size limit
(app/core/limits.py, MAX_EXPORT_BYTES) is set from measurement. Each phase runs in a fresh
process (peak memory is per process).

Run: .venv/bin/python -m bench.bench_exchange [--count N]
`make bench` runs 2,000 (a minute or two); the figures for the limit are at 10,000:
BKA_BENCH_EXCHANGE=10000 make bench, or --count 10000.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PHASES = ("export", "dry_run_unchanged", "import_into_empty")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase(name: str, source: Path, file: Path, target: Path) -> dict[str, float]:
    from app.services.shipped import catalog
    from app.store import TinyDBAssessmentStore
    from app.store.exchange import export_file, import_file

    start = time.perf_counter()
    if name == "export":
        export_file(TinyDBAssessmentStore(source), file, None, catalog())
    elif name == "dry_run_unchanged":
        import_file(TinyDBAssessmentStore(source), file, "bench", apply=False,
                    catalog=catalog())
    else:
        import_file(TinyDBAssessmentStore(target), file, "bench", catalog=catalog())
    used = resource.getrusage(resource.RUSAGE_SELF)
    # CPU seconds beside the clock's: on a machine shared by several people the clock
    # measures the others too; the CPU time is this phase's own work.
    return {"seconds": time.perf_counter() - start, "cpu_seconds": used.ru_utime + used.ru_stime,
            "peak_mb": _peak_mb()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int,
                        default=int(os.environ.get("BKA_BENCH_EXCHANGE", "2000")))
    parser.add_argument("--phase", choices=PHASES)
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args(argv)
    if args.phase:  # the child process: one phase, its figures as JSON
        f = args.folder
        print(json.dumps(phase(args.phase, f / "source", f / "export.json", f / "target")))
        return
    from app.store import TinyDBAssessmentStore
    from bench.bench_store import synthesise, templates

    folder = Path(tempfile.mkdtemp(prefix="bka-bench-exchange-"))
    made = synthesise(args.count, templates(full_size=True), random.Random(7))
    TinyDBAssessmentStore(folder / "source").store_imported(made, "bench")
    for name in PHASES:
        done = subprocess.run([sys.executable, "-m", "bench.bench_exchange", "--phase", name,
                               "--folder", str(folder)], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{name}: failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        size = (folder / "export.json").stat().st_size / 1e6
        print(f"{name} of {args.count:,}: {figures['seconds']:.1f} s ({figures['cpu_seconds']:.1f} "
              f"s of CPU), peak memory (RSS) {figures['peak_mb']:.0f} MB (export file "
              f"{size:.0f} MB)", flush=True)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
