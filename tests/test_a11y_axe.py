"""axe-core over every page and section in Swedish and English: none of its violations may come
from our code or theme; the ones Streamlit's own widgets cause are counted and printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from a11y_walk import seed, set_language, walk
from axe import Tally, need_axe, report, run_axe
from browser import ARGS, CHROMIUM, need_chromium, running_app

pytestmark = pytest.mark.browser


def measure(tmp_path: Path, langs: tuple[str, ...] = ("sv", "en")) -> Tally:
    from playwright.sync_api import sync_playwright

    data = tmp_path / "data"
    seeds = seed(data)
    tally = Tally()
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for lang in langs:
            set_language(data, lang)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})

            def visit(name: str, page: Any, lang: str = lang) -> None:
                tally.pages.append(f"{lang}:{name}")
                tally.findings.extend(run_axe(page, f"{lang}:{name}"))

            walk(page, base, seeds, visit)
            page.close()
        browser.close()
    return tally


def test_axe_finds_nothing_of_ours_on_any_page(tmp_path: Path) -> None:
    need_chromium()
    need_axe()
    tally = measure(tmp_path)
    print("\n" + report(tally))
    ours = tally.ours()
    assert not ours, "\n".join(f"{f.page} {f.rule} {f.target}: {f.summary}" for f in ours[:30])
