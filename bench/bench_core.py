"""Load + validate everything shipped, and score the examples, in a warm process.

Targets (issue 2): load + validate of all shipped files under 150 ms; one score under 2 ms.
Run: .venv/bin/python -m bench.bench_core
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from app.core.loading import load_assessment, normalise_answers
from app.core.scoring import score
from app.services import checking
from app.services.paths import EXAMPLES_DIR
from app.services.shipped import catalog


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm: imports, caches of parsed conditions
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, samples: list[float], target: float) -> None:
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    verdict = "ok" if statistics.median(samples) < target else "OVER TARGET"
    print(
        f"{name:<42} median {statistics.median(samples):8.2f} ms   p95 {p95:8.2f} ms"
        f"   target < {target:g} ms  {verdict}"
    )


def main() -> None:
    report("load + validate everything shipped", timed(checking.validate_shipped, 30), 150)
    cat = catalog()
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        assessment, source = load_assessment(path)
        q = cat.questionnaires[assessment.questionnaire.id]
        values, _ = normalise_answers(assessment, q, source)
        report(f"score {path.name}", timed(lambda q=q, v=values: score(q, v, cat.library), 500), 2)


if __name__ == "__main__":
    main()
