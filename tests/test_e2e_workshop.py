"""A trainer and two groups, each in a browser of its own, against one running app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app

pytestmark = pytest.mark.browser
WAIT = 30_000  # ms: a cold Streamlit start and a first rerun can be slow on a busy machine


def join_and_answer(page: Any, base: str, code: str, answer: str) -> None:
    from playwright.sync_api import expect

    page.goto(base + "/ga-med")
    page.get_by_label("Gruppens kod").fill(code.lower())
    page.get_by_role("button", name="Gå med").click()
    start = page.get_by_role("button", name="Till er analys →")
    expect(start).to_be_enabled(timeout=WAIT)
    start.click()
    expect(page.get_by_text("Berör ärendet barn?").first).to_be_visible(timeout=WAIT)
    page.get_by_text("Berör ärendet barn?").first.click()
    page.get_by_text(answer, exact=True).click()
    expect(page.get_by_label(answer, exact=True)).to_be_checked(timeout=WAIT)


def test_trainer_compares_two_groups_that_answered_differently(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    with running_app(tmp_path / "data") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        trainer = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        trainer.goto(base + "/workshop")
        count = trainer.get_by_label("Antal grupper")
        expect(count).to_be_visible(timeout=WAIT)
        count.fill("2")
        count.press("Enter")
        expect(trainer.get_by_label("Grupp 3", exact=True)).to_have_count(0, timeout=WAIT)
        for label, name in (("Grupp 1", "Ekarna"), ("Grupp 2", "Lindarna")):
            field = trainer.get_by_label(label, exact=True)
            field.fill(name)
            field.press("Tab")
        trainer.get_by_role("button", name="Skapa workshoppen").click()
        codes = trainer.locator("[class*=\"st-key-bka-code\"] p")
        expect(codes).to_have_count(2, timeout=WAIT)
        oaks, limes = (c.replace(" ", "") for c in codes.all_inner_texts())

        # Each group in a browser context of its own: no shared cookies or session.
        first = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        join_and_answer(first, base, oaks, "Ja, direkt")
        second = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        join_and_answer(second, base, limes, "Ja, indirekt")
        # A group's navigation holds only its own pages.
        expect(second.get_by_role("link", name="Översikt", exact=True)).to_have_count(0)
        expect(second.get_by_role("link", name="Workshop", exact=True)).to_have_count(0)

        trainer.get_by_role("tab", name="Jämförelse").click()
        expect(trainer.get_by_text("Börja samtalet här")).to_be_visible(timeout=WAIT)
        for name in ("Ekarna", "Lindarna"):
            expect(trainer.get_by_role("heading", name=name)).to_be_visible()
        # First on the agenda: the question the two groups answered differently, both answers.
        expect(trainer.get_by_role("heading", name="1. Berör ärendet barn?")).to_be_visible()
        expect(trainer.get_by_text("Oenighet 100\u00a0% · 2 av 2 grupper svarade · fråga 1.1")
               ).to_be_visible()
        expect(trainer.get_by_text("Ja, direkt", exact=True)).to_be_visible()
        expect(trainer.get_by_text("Ja, indirekt", exact=True)).to_be_visible()
        browser.close()
