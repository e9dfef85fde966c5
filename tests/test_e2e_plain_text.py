"""User text is shown as typed: no live links, and no bidi control that reorders the app's
own text (an unterminated right-to-left override in a title)."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.store import open_store

pytestmark = pytest.mark.browser
RLO = "\u202e"
LINKS = "Se https://exempel.se/a, www.exempel.org och namn@exempel.se"


def _seed(data: Path, title: str, case_number: str = "") -> None:
    open_store(data).create(Assessment(
        questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
        decision=Decision(title=title, case_number=case_number, committee="Nämnd"),
    ), editor="t")


def test_overview_shows_urls_as_text_and_keeps_overrides_in_their_place(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    _seed(data, LINKS)
    _seed(data, f"Skolskjuts {RLO}omvänd", case_number=f"{RLO}BUN 2026/1")
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base)
        main = page.get_by_role("main")
        expect(main.get_by_text("exempel.org")).to_be_visible(timeout=30_000)
        links = main.locator("a").evaluate_all("els => els.map(e => e.href)")
        assert not any("exempel" in h for h in links), links  # no live link anywhere
        text = main.inner_text().replace("\u2060", "")  # the word joiners that stop linking
        assert "https://exempel.se/a" in text and "namn@exempel.se" in text  # shown as typed
        assert RLO not in text  # the override never reaches the page
        # Each piece of user text sits in an isolate of its own, the app's text outside it.
        assert "\u2068Skolskjuts omvänd\u2069" in text
        assert "\u2068BUN 2026/1\u2069 · \u2068Nämnd\u2069 · " in text
        page.screenshot(path=str(tmp_path / "overview.png"))
        browser.close()
