"""Review comments keep their words in a real browser: the comment and reply boxes are empty
after posting, so the next comment is stored as typed, never with the last one glued in front.
At human speed (typed key by key, slowed) and faster (filled at once), waiting for states."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app

from app.core import lifecycle as life
from app.core.loading import load_assessment
from app.services.paths import EXAMPLES_DIR
from app.store import open_store

pytestmark = pytest.mark.browser
WAIT = 30_000
OFFICIAL, REVIEWER = "Karin Lund", "Per Berg"


def write(box: Any, text: str, human: bool) -> None:
    if human:
        box.click()
        box.press_sequentially(text, delay=60)
    else:
        box.fill(text)


@pytest.mark.parametrize("human", [False, True], ids=["fast", "human-speed"])
def test_boxes_are_empty_after_posting(tmp_path: Path, human: bool) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    example, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
    sent = life.send_for_review(example, REVIEWER, OFFICIAL, dt.datetime.now(dt.UTC))
    aid = open_store(data).create(sent, editor="test").id or ""

    def comments() -> list[str]:
        return [c.text for c in open_store(data).get(aid).review.comments]

    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS,
                                    slow_mo=150 if human else 0)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.set_default_timeout(WAIT)
        page.goto(f"{base}/resultat?id={aid}")
        name = page.get_by_role("textbox", name="Ditt namn", exact=True)
        write(name, REVIEWER, human)
        name.press("Enter")
        expect(name).to_have_value(REVIEWER)
        box = page.get_by_label("Kommentar", exact=True)
        add = page.get_by_role("button", name="Lägg till kommentar", exact=True)
        write(box, "Vilken prognos bygger elevtalen på?", human)
        add.click()
        expect(page.get_by_test_id("stText").get_by_text(
            "Vilken prognos bygger elevtalen på?", exact=True)).to_be_visible()
        expect(box).to_have_value("")  # emptied once stored
        write(box, "Saknas förskolebarnen?", human)
        add.click()
        expect(page.get_by_test_id("stText").get_by_text(
            "Saknas förskolebarnen?", exact=True)).to_be_visible()
        expect(box).to_have_value("")
        assert comments() == ["Vilken prognos bygger elevtalen på?", "Saknas förskolebarnen?"]

        write(name, OFFICIAL, human=False)
        name.press("Enter")
        expect(name).to_have_value(OFFICIAL)
        reply = page.get_by_label("Svar", exact=True).first
        write(reply, "Kommunens prognos från 2026.", human)
        page.get_by_role("button", name="Svara", exact=True).first.click()
        expect(page.get_by_test_id("stText").get_by_text(
            "Kommunens prognos från 2026.", exact=True)).to_be_visible()
        expect(page.get_by_label("Svar", exact=True).first).to_have_value("")
        browser.close()
    replies = open_store(data).get(aid).review.comments[0].replies
    assert [r.text for r in replies] == ["Kommunens prognos från 2026."]
