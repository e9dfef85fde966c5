"""Every report format in both forms (the report for the case file, the full documentation)
of the largest shipped example, warm: each under 1 s; the tagged PDF reported beside them.

In-process renders with fonts and catalog loaded, as in the app; wall and CPU time, since on
a shared machine the wall clock also measures the neighbours.

Run: .venv/bin/python -m bench.bench_formats [--runs 7] [--strict]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from app.core.document.model import FORMS
from app.core.loading import load_assessment
from app.report.context import prepare
from app.report.formats import FORMATS, TAGGED_PDF, render_summary
from app.report.tagged_pdf import available as tagged_available
from bench.bench_report import largest_example

TARGET = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="warm renders per format")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    path = largest_example()
    assessment, _ = load_assessment(path)
    jobs: dict[str, Callable[[], bytes]] = {}
    for form in FORMS:
        for suffix, fmt in FORMATS.items():
            jobs[f"{form} {suffix}"] = lambda f=fmt, o=form: f.render(prepare(assessment, form=o))
        if tagged_available():  # the option; its own figure, over the 1 s of the formats
            jobs[f"{form} tagged"] = lambda o=form: TAGGED_PDF.render(prepare(assessment,
                                                                              form=o))
    jobs["summary .docx"] = lambda: render_summary(prepare(assessment), ".docx")
    jobs["summary .txt"] = lambda: render_summary(prepare(assessment), ".txt")
    ok = True
    print(f"formats of {path.name} (scoring and building the document included)")
    for name, job in jobs.items():
        size = len(job())  # warm-up: fonts, imports
        wall, cpu = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            job()
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        median = statistics.median(wall)
        ok = ok and (median < TARGET or name.endswith("tagged"))
        print(f"  {name:14} median {median:.3f} s wall, {statistics.median(cpu):.3f} s CPU, "
              f"{size // 1024} KiB; target < {TARGET} s: "
              f"{'ok' if median < TARGET else 'OVER TARGET'}")
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
