"""Two app servers on one PostgreSQL database (as behind a load balancer), a browser on each:
an answer saved through one is seen through the other, in both directions, and the two
servers' changes to one assessment both stay (docs/DEPLOY.md, "Several app servers")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app
from save_trials import WAIT_MS, field, landed, open_screening, seed, stored_text

from app.store import open_store

pytestmark = pytest.mark.browser


def test_an_answer_saved_on_one_server_is_seen_on_the_other(tmp_path: Path,
                                                            pg_url: str) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    aid = seed(tmp_path / "seed")  # into the database: BKA_DATABASE_URL is set (pg_url)
    # Each server its own folder (backups, reports): the assessments are in the database.
    with running_app(tmp_path / "one") as one, running_app(tmp_path / "two") as two, \
            sync_playwright() as p:
        assert one != two
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        first = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        second = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        open_screening(first, one, aid)
        open_screening(second, two, aid)  # open on both before anything is written

        written = "Skolvägen går genom parken; barnen cyklar där varje dag."
        box = field(first)
        box.click()
        box.fill(written)
        box.press("Tab")  # leaving the field saves it
        assert landed(tmp_path, aid, written), stored_text(tmp_path, aid)

        open_screening(second, two, aid)  # the other server, a fresh load: the answer is there
        expect(field(second)).to_have_value(written, timeout=WAIT_MS)

        # And back: the second server's change reaches the first, the first answer kept.
        later = written + " Också på vintern."
        box = field(second)
        box.fill(later)
        box.press("Tab")
        assert landed(tmp_path, aid, later), stored_text(tmp_path, aid)
        open_screening(first, one, aid)
        expect(field(first)).to_have_value(later, timeout=WAIT_MS)
        browser.close()
    stored = open_store().get(aid)
    assert stored.value("affects_children") == "direct"  # the seed's answer, untouched
    editors = [r.action for r in open_store().revisions(aid)]
    assert editors.count("answer") == 2  # one change through each server, both recorded


def test_om_beslutet_changed_on_two_servers_keeps_both(tmp_path: Path, pg_url: str) -> None:
    """The decision form on each server, opened before either saves: the case number saved
    through one and the committee through the other both stay; the same field changed on
    both is shown to the second with both values."""
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    aid = seed(tmp_path / "seed")
    with running_app(tmp_path / "one") as one, running_app(tmp_path / "two") as two, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pages = []
        for base in (one, two):
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            page.goto(f"{base}/analys?id={aid}")
            expect(page.get_by_label("Diarienummer")).to_be_editable(timeout=WAIT_MS)
            pages.append(page)
        first, second = pages
        first.get_by_label("Diarienummer").fill("BUN 2026/77")
        first.get_by_role("button", name="Spara", exact=True).click()
        _until(lambda: open_store().get(aid).decision.case_number == "BUN 2026/77")
        second.get_by_label("Nämnd eller styrelse").fill("Barn- och utbildningsnämnden")
        second.get_by_role("button", name="Spara", exact=True).click()
        _until(lambda: open_store().get(aid).decision.committee == "Barn- och utbildningsnämnden")
        assert open_store().get(aid).decision.case_number == "BUN 2026/77"  # not reverted
        # The same field on both: the second sees both values and nothing is written.
        first.get_by_label("Ärendets titel").fill("Skolskjuts för hela kommunen")
        first.get_by_role("button", name="Spara", exact=True).click()
        _until(lambda: open_store().get(aid).decision.title == "Skolskjuts för hela kommunen")
        second.get_by_label("Ärendets titel").fill("Skolskjuts i norr")
        second.get_by_role("button", name="Spara", exact=True).click()
        expect(second.get_by_text("Någon annan ändrade samma uppgifter")).to_be_visible(
            timeout=WAIT_MS)
        assert open_store().get(aid).decision.title == "Skolskjuts för hela kommunen"
        browser.close()


def _until(check: Callable[[], bool], seconds: float = 30) -> None:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError("the store never reached the expected state")
