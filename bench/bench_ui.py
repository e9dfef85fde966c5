"""Server time of the guided page, measured with Streamlit's AppTest.

Measures (issue 3): a full rerun of the guided page on its largest section, and one answer
change there. Target: an answer change under 100 ms server time. AppTest reruns the whole
script for every interaction, also where the browser would rerun only the section's fragment,
so these figures are an upper bound of what a user waits for.
Run: .venv/bin/python -m bench.bench_ui
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.core.loading import load_assessment
from app.services.paths import EXAMPLES_DIR, ROOT
from app.services.shipped import catalog


def _median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    from streamlit.testing.v1 import AppTest

    from app.store import open_store

    data = Path(tempfile.mkdtemp(prefix="bka-bench-ui-"))
    os.environ["BKA_DATA_DIR"] = str(data)
    example, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
    # As a draft: a complete assessment is read-only on the guided page (its fields are
    # disabled), and typing into a disabled field is what a user cannot do either.
    draft = example.model_copy(update={"id": None, "status": "draft"})
    stored = open_store(data).create(draft, editor="bench")
    q = catalog().questionnaires[stored.questionnaire.id]
    largest = max(q.sections, key=lambda s: len(s.questions))
    # The section with most questions, and the impact section with a row per rated article.
    for section in (largest, q.section_of["rights_impacts"]):
        at = AppTest.from_file(str(ROOT / "app" / "ui" / "main.py"), default_timeout=60)
        at.session_state["open_assessment"] = stored.id
        at.session_state["step"] = section.id
        at.run()
        at.switch_page("views/assess.py").run()
        assert not at.exception, at.exception
        full, full95 = _median_ms(at.run, 30)
        print(f"section '{section.id}' ({len(section.questions)} questions)")
        print(f"  full rerun of the guided page     median {full:7.1f} ms   p95 {full95:7.1f} ms")
        text_q = next(qu for qu in section.questions if qu.type == "text")
        key = f"q:{stored.id}:{text_q.id}:"
        widget = at.text_area(key=key) if text_q.multiline else at.text_input(key=key)
        counter = iter(range(10_000))

        def change(widget: object = widget, counter: object = counter) -> None:
            widget.input(f"Ändrat svar {next(counter)}").run()  # type: ignore[attr-defined]

        answer, answer95 = _median_ms(change, 30)
        verdict = "ok" if answer < 100 else "OVER TARGET"
        print(
            f"  one answer change (saved + rerun) median {answer:7.1f} ms   p95 "
            f"{answer95:7.1f} ms   target < 100 ms  {verdict}"
        )


if __name__ == "__main__":
    main()
