"""The PDF report of the largest shipped example: warm in-process and as a cold `bka report`.

Targets (issue 4): under 0.5 s warm (median of in-process builds, fonts and catalog loaded)
and under 2.5 s cold (median of fresh `bka report` processes, Python start-up included).

Run: .venv/bin/python -m bench.bench_report [--runs 15] [--cold-runs 3] [--strict]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.core.loading import load_assessment
from app.paths import EXAMPLES_DIR, ROOT
from app.report import build_report
from app.shipped import catalog

WARM_TARGET = 0.5
COLD_TARGET = 2.5


def largest_example() -> Path:
    examples = sorted(EXAMPLES_DIR.glob("*.yaml"), key=lambda p: p.stat().st_size)
    if not examples:
        sys.exit("no examples in examples/: nothing to benchmark")
    return examples[-1]


def warm(path: Path, runs: int, folder: Path) -> list[float]:
    assessment, _ = load_assessment(path)
    catalog()  # loaded once per process, as in the app
    build_report(assessment, out_dir=folder)  # first build registers the fonts
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build_report(assessment, out_dir=folder)
        times.append(time.perf_counter() - start)
    return times


def cold(path: Path, runs: int, folder: Path) -> list[float]:
    bka = shutil.which("bka", path=str(Path(sys.executable).parent))
    command = [bka] if bka else [sys.executable, "-m", "app.cli"]
    times = []
    for i in range(runs):
        out = folder / f"cold-{i}.pdf"
        start = time.perf_counter()
        done = subprocess.run([*command, "report", str(path), "-o", str(out)], cwd=ROOT,
                              capture_output=True, text=True, env=dict(os.environ))
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"bka report failed:\n{done.stderr}")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="warm builds (default 15)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold processes (default 3)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    path = largest_example()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warm_times = warm(path, args.runs, folder)
        cold_times = cold(path, args.cold_runs, folder)
        pages = _pages(folder / "cold-0.pdf")
    ok = True
    print(f"report of {path.name} ({path.stat().st_size} bytes of YAML, {pages} pages)")
    for name, times, target in (("warm", warm_times, WARM_TARGET),
                                ("cold", cold_times, COLD_TARGET)):
        median = statistics.median(times)
        verdict = "ok" if median < target else "OVER TARGET"
        ok = ok and median < target
        print(f"  {name}: median {median:.3f} s over {len(times)} runs "
              f"(min {min(times):.3f}, max {max(times):.3f}); target < {target} s: {verdict}")
    return 0 if ok or not args.strict else 1


def _pages(pdf: Path) -> int | str:
    try:
        from io import BytesIO

        import pypdf

        return len(pypdf.PdfReader(BytesIO(pdf.read_bytes())).pages)
    except Exception:  # noqa: BLE001 - page count is decoration; pypdf is a dev dependency
        return "?"


if __name__ == "__main__":
    sys.exit(main())
