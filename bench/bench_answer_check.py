"""What checking every written answer against its question costs a save, and what working
out the stored answers that do not fit costs a read of a whole record.

A save of one answer to the shipped school-closure example (71 answers), in a local folder
with fsync on as in the app, with the check (the catalog loaded) and without it (as a process
that never loads the catalog), for a record of the current version and one of an older
version (read through six declared migration steps). Then `wrong_answers` over the whole
record, as the guided page's standing works it out once per revision.

Run: .venv/bin/python -m bench.bench_answer_check [--runs 60]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from app.core.answer_check import wrong_answers
from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment
from app.core.models.questionnaire import Questionnaire
from app.services.paths import EXAMPLES_DIR
from app.services.shipped import catalog
from app.store import TinyDBAssessmentStore, answer_rules


def _median_ms(action: Callable[[int], object], runs: int) -> float:
    times = []
    for n in range(runs):
        start = time.perf_counter()
        action(n)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _check(before: Assessment, after: Assessment, _n: int) -> None:
    answer_rules.check(before, after)


def _judge_all(record: Assessment, q: Questionnaire, _n: int) -> object:
    return wrong_answers(record, q)


def _saves(folder: Path, record: Assessment, runs: int) -> float:
    store = TinyDBAssessmentStore(folder)
    aid = store.create(record, "bench").id or ""
    return _median_ms(lambda n: store.set_answer(
        aid, "places", Answer(value=f"Skolgården, mätning {n}"), "bench"), runs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args(argv)
    cat = catalog()
    q = cat.questionnaires["bka-standard"]
    example, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
    old = example.model_copy(update={
        "questionnaire": example.questionnaire.model_copy(update={"version": "2.0.0"})})
    print(f"one answer saved to a record of {len(example.answers)} answers, median of "
          f"{args.runs} (ms):")
    with tempfile.TemporaryDirectory() as tmp:
        for name, record in (("current version", example), ("version 2.0.0", old)):
            answer_rules._loaded.clear()  # unchecked first: the folder's first writes too
            try:
                unchecked = _saves(Path(tmp) / f"{name}-unchecked", record, args.runs)
            finally:
                answer_rules.use(cat)
            checked = _saves(Path(tmp) / f"{name}-checked", record, args.runs)
            print(f"  {name:16} checked {checked:7.2f}   unchecked {unchecked:7.2f}   "
                  f"the check {checked - unchecked:+6.2f}")
    for name, record in (("current version", example), ("version 2.0.0", old)):
        after = record.model_copy(update={"answers": {**record.answers,
                                                      "places": Answer(value="Parken")}})
        alone = _median_ms(partial(_check, record, after), args.runs * 5)
        print(f"the check alone of one changed answer, {name}: {alone:.3f} ms")
    for name, record in (("current version", example), ("version 2.0.0", old)):
        whole = _median_ms(partial(_judge_all, record, q), args.runs * 5)
        print(f"every stored answer judged, {name}: {whole:.2f} ms (once per revision)")


if __name__ == "__main__":
    main()
