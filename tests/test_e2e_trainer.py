"""The trainer's own browser stays the trainer across reloads and on the projector's tab, with
nothing in the address; after `bka workshop-key` it asks for the new key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app
from charts_seen import WAIT
from test_trainer_device import OLD_KEY, workshop

from app.cli.main import main

pytestmark = pytest.mark.browser


def test_the_trainers_browser_stays_the_trainer(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    _, wid = workshop(data)
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page: Any = context.new_page()
        page.goto(f"{base}/workshop?workshop={wid}")
        page.get_by_label("Tränarnyckel").fill(OLD_KEY)
        page.get_by_role("button", name="Öppna workshoppen").click()
        expect(page.get_by_role("tab", name="Jämförelse")).to_be_visible(timeout=WAIT)
        page.wait_for_function("document.cookie.includes('bka_trainer_')", timeout=WAIT)
        secret = next(c["value"] for c in context.cookies() if c["name"].startswith("bka_"))

        page.reload()  # a new session: the browser's secret finds the trainer again
        expect(page.get_by_role("tab", name="Jämförelse")).to_be_visible(timeout=WAIT)
        expect(page.get_by_label("Tränarnyckel")).to_have_count(0)
        assert secret not in page.url and OLD_KEY not in page.url

        other = browser.new_context().new_page()  # another browser: asked for the key
        other.goto(f"{base}/workshop?workshop={wid}")
        expect(other.get_by_label("Tränarnyckel")).to_be_visible(timeout=WAIT)

        assert main(["workshop-key", wid, "--data-dir", str(data)]) == 0
        capsys.readouterr()
        page.reload()  # the key was reset: this browser is forgotten
        expect(page.get_by_label("Tränarnyckel")).to_be_visible(timeout=WAIT)
        browser.close()
