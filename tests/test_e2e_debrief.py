"""A workshop of four groups debriefed in a browser: the grid draws, the agenda leads with the
case's heart, and the projector walks the room through every screen to the plenary questions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app
from charts_seen import WAIT, assert_charts_drawn, watch_console
from test_debrief import CASE, four_groups

from app.core.models.assessment import Answer
from app.core.text import tr
from app.core.trainer_key import key_hash
from app.services.shipped import catalog
from app.store import open_store
from app.store.workshops import WorkshopStore

pytestmark = pytest.mark.browser
KEY = "KM7Q-4PXA-TR9C"


def seed(data: Path) -> str:
    store = open_store(data)
    groups = four_groups()
    w = WorkshopStore(store, data).create(CASE, [g.name for g in groups], catalog(),
                                          trainer_key=key_hash(KEY))
    for group, given in zip(w.groups, groups, strict=True):
        for qid, value in given.values.items():
            store.set_answer(group.assessment_id, qid, Answer(value=value))
    return w.id or ""


def test_four_groups_debriefed_in_the_rooms_order(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    wid = seed(data)
    codes = [g.code for g in WorkshopStore(open_store(data), data).get(wid).groups]
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        # Four groups, each on a phone of its own, join with their codes and say they are done.
        for code in codes:
            phone = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
            phone.goto(base + "/ga-med")
            phone.get_by_label("Gruppens kod").fill(code.lower())
            phone.get_by_role("button", name="Gå med").click()
            phone.get_by_role("button", name="Vi är klara").click()
            expect(phone.get_by_text("Tränaren ser att ni är klara")).to_be_visible(
                timeout=WAIT)
        page: Any = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
        console = watch_console(page)
        page.goto(f"{base}/workshop?workshop={wid}")
        page.get_by_label("Tränarnyckel").fill(KEY)
        page.get_by_role("button", name="Öppna workshoppen").click()
        page.get_by_role("tab", name="Hur långt grupperna har kommit").click()
        expect(page.get_by_text("Klara", exact=True)).to_have_count(4, timeout=WAIT)
        page.get_by_role("tab", name="Jämförelse").click()
        expect(page.get_by_role("heading", name="Börja samtalet här")).to_be_visible(
            timeout=WAIT)
        assert_charts_drawn(page, 1, console)
        # The heart of the case first, its central harm as item 1; the side question last.
        parts = page.get_by_role("heading", level=3).all_inner_texts()
        assert [p for p in parts if p.startswith(("Fallets", "Där de", "Övriga"))] == [
            "Fallets kärna: nyckelartiklar, nyckelpunkter och vanliga misstag",
            "Där de flesta grupper svarade olika",
            "Övriga skillnader, där få grupper svarade"]
        items = page.get_by_role("heading", level=4).all_inner_texts()
        assert items[0].startswith("1. Artikel 31")
        side = catalog().questionnaires[CASE.questionnaire].questions["law_strength"].text
        assert items[-1].endswith(tr(side, "sv"))  # two of four answered it: last, at 100 %
        expect(page.get_by_text("4 av 4 grupper svarade").first).to_be_visible()

        # The projector: every screen in turn with the arrow key, as a clicker does.
        page.goto(f"{base}/visning?workshop={wid}")
        position = page.locator(".st-key-bka-present-nav")
        expect(position).to_contain_text("1 av", timeout=WAIT)
        total = int(position.inner_text().split(" av ")[1].split()[0])
        seen = []
        for n in range(1, total + 1):
            expect(position).to_contain_text(f"{n} av {total}", timeout=WAIT)
            seen.append(position.inner_text())
            if n == 3:
                assert_charts_drawn(page, 1, console)  # the grid, on the projector too
            if n < total:
                page.keyboard.press("ArrowRight")
        joined = "\n".join(seen)
        assert "Nyckelpunkter och vanliga misstag" in joined
        assert joined.index("Nyckelpunkter och vanliga misstag") < joined.index("Samtalsfråga 1")
        assert f"Fråga {len(CASE.plenary)} av {len(CASE.plenary)} till helgruppen" in seen[-1]
        expect(page.get_by_text("Vad skulle nämnden behöva lägga till")).to_be_visible()
        browser.close()
