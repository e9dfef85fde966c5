"""Every chart in the app, drawn in a real browser: it has a height and the console is quiet.

The workshop's article grid once failed in the browser only ("Cannot read properties of null
(reading 'type')", 0 px high) while every Python-side test passed; these tests look at what
the browser drew."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app
from charts_seen import WAIT, assert_charts_drawn, watch_console
from test_dashboard import known_set, rating

from app.core.models.assessment import Answer
from app.core.trainer_key import key_hash
from app.services.shipped import cases, catalog
from app.store import open_store
from app.store.workshops import WorkshopStore

pytestmark = pytest.mark.browser
KEY = "KM7Q-4PXA-TR9C"
GROUPS = ["Ekarna", "Lindarna", "Björkarna", "Askarna"]


def seed_workshop(data: Path) -> str:
    """Four groups on the playground case, each rating the articles its own way."""
    store = open_store(data)
    case = next(c for c in cases() if c.id == "lekplats-lindparken")
    w = WorkshopStore(store, data).create(case, GROUPS, catalog(), trainer_key=key_hash(KEY))
    for i, group in enumerate(w.groups):
        store.set_answer(group.assessment_id, "affects_children",
                         Answer(value="direct" if i % 2 else "indirect"))
        store.set_answer(group.assessment_id, "rights_impacts", Answer(value={
            31: rating(-2, -1 + i % 2), 6: rating(i - 2, 0), 12: rating(1, 2 - i)}))
    return w.id or ""


def seed_assessments(data: Path) -> str:
    store = open_store(data)
    ids = [store.create(a, editor="test").id for a in known_set()]
    return ids[0] or ""


def test_every_chart_draws(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    wid = seed_workshop(data)
    aid = seed_assessments(data)
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)

        def fresh(url: str) -> tuple[Any, list[str]]:
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            console = watch_console(page)
            page.goto(base + url)
            return page, console

        # The council's overview: committees, weakened and strengthened rights, findings.
        page, console = fresh("/fullmaktige")
        expect(page.get_by_role("heading", name="Översikt för fullmäktige")).to_be_visible(
            timeout=WAIT)
        assert_charts_drawn(page, 4, console)

        # An assessment's results: the impact per cluster.
        page, console = fresh(f"/resultat?id={aid}")
        expect(page.get_by_text("/100").first).to_be_visible(timeout=WAIT)
        assert_charts_drawn(page, 1, console)

        # The trainer's comparison: the article-by-group grid.
        page, console = fresh(f"/workshop?workshop={wid}")
        page.get_by_label("Tränarnyckel").fill(KEY)
        page.get_by_role("button", name="Öppna workshoppen").click()
        page.get_by_role("tab", name="Jämförelse").click()
        expect(page.get_by_role("heading", name="Artiklarna grupp för grupp")).to_be_visible(
            timeout=WAIT)
        assert_charts_drawn(page, 1, console)

        # The same grid on the projector (its third screen), in the trainer's browser: it
        # keeps the trainer's secret, and the projector is the trainer's to open.
        page.wait_for_function("document.cookie.includes('bka_trainer_')", timeout=WAIT)
        console.clear()
        page.goto(f"{base}/visning?workshop={wid}&n=3")
        expect(page.get_by_role("heading", name="Artiklarna grupp för grupp")).to_be_visible(
            timeout=WAIT)
        assert_charts_drawn(page, 1, console)
        browser.close()
