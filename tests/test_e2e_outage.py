"""The app server goes away and comes back: a note in view says so while it is gone, and
afterwards the page shows what the store holds (a new server knows nothing of the page; its
widgets start from the store, never from what the browser still showed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, free_port, need_chromium, running_app
from save_trials import WAIT_MS, field, landed, open_screening, seed

from app.core.models.assessment import Answer
from app.store import open_store

pytestmark = pytest.mark.browser


def test_an_outage_is_said_in_view_and_the_page_comes_back_to_the_store(
        tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    aid = seed(data)
    port = free_port()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        note = page.get_by_test_id("bka-offline")
        with running_app(data, port=port) as base:
            open_screening(page, base, aid)
            box = field(page)
            box.fill("Skrivet före avbrottet")
            box.press("Tab")
            assert landed(data, aid, "Skrivet före avbrottet")
        # The server is gone: said in words, in view.
        expect(note).to_be_visible(timeout=WAIT_MS)
        expect(note).to_contain_text("Servern går inte att nå")
        # Meanwhile the stored answer changes (another server, another official).
        open_store(data).set_answer(aid, "how_concerned",
                                    Answer(value="Ändrat under avbrottet"), "Bo")
        with running_app(data, port=port):
            expect(note).to_be_hidden(timeout=WAIT_MS)
            # The page shows what the store holds, not what it showed before.
            expect(field(page)).to_have_value("Ändrat under avbrottet", timeout=WAIT_MS)
        browser.close()
    assert open_store(data).get(aid).value("affects_children") == "direct"  # untouched
