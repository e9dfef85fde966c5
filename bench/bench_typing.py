"""Typed text kept on every way out of a field, in headless Chromium (issue 10, item 1).

Each trial types a new text into a free-text answer and leaves the field at once: by a sidebar
page link, by "Nästa", by the section list, or by closing the tab a second after the last
keystroke. Prints lost/total per exit; the target is 0 lost of 50 per exit.
Run: .venv/bin/python -m bench.bench_typing [TRIALS]   (default 50, or $BKA_BENCH_TRIALS;
$BKA_BENCH_EXITS=section_list,close_tab picks exits)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from app.services.paths import ROOT

sys.path.insert(0, str(ROOT / "tests"))


def main(trials: int | None = None) -> None:
    from browser import ARGS, CHROMIUM, running_app  # tests/browser.py
    from save_trials import EXITS, run, seed

    if not Path(CHROMIUM).exists():
        print("skipped: Debian's chromium is not installed")
        return
    from playwright.sync_api import sync_playwright

    count = trials or int(os.environ.get("BKA_BENCH_TRIALS", "50"))
    data = Path(tempfile.mkdtemp(prefix="bka-bench-typing-")) / "data"
    aid = seed(data)
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        chosen = os.environ.get("BKA_BENCH_EXITS", "").split(",") if os.environ.get(
            "BKA_BENCH_EXITS") else list(EXITS)
        for exit in chosen:
            start = time.perf_counter()
            tally = run(browser, base, data, aid, exit, count)
            print(f"{tally.line()}  ({time.perf_counter() - start:.0f} s)", flush=True)
        browser.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else None)
