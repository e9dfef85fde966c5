"""One official, one real browser: create, answer, reload, find the answers, see the result."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app, until

from app.store import open_store

pytestmark = pytest.mark.browser


def test_assessment_survives_a_reload(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    with running_app(tmp_path / "data") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base)
        page.get_by_role("button", name="Ny analys").click()
        page.get_by_label("Ärendets titel").fill("Ny cykelväg vid Ängsskolan")
        page.get_by_label("Diarienummer").fill("SBN 2026/301")
        page.get_by_text("Barnkonsekvensanalys – beslut som rör barn").click()
        page.get_by_role("button", name="Starta analysen").click()
        expect(page.get_by_role("heading", name="Ny cykelväg vid Ängsskolan")).to_be_visible()
        page.get_by_text("Berör ärendet barn?").first.click()
        page.get_by_text("Ja, direkt").click()
        how = page.get_by_label("På vilket sätt berör ärendet barn?")
        how.fill("Barn cyklar till skolan längs den nya vägen.")
        how.press("Control+Enter")
        expect(page).to_have_url(re.compile(r"[?&]id="))
        aid = re.findall(r"[?&]id=([^&]+)", page.url)[0]

        def stored() -> object:
            answer = open_store(tmp_path / "data").get(aid).answers.get("how_concerned")
            return answer.value if answer else None

        until(lambda: stored() == "Barn cyklar till skolan längs den nya vägen.",
              "the answer stored")
        page.reload()
        expect(page.get_by_role("heading", name="Ny cykelväg vid Ängsskolan")).to_be_visible()
        page.get_by_text("Berör ärendet barn?").first.click()
        expect(page.get_by_label("Ja, direkt")).to_be_checked()
        expect(page.get_by_label("På vilket sätt berör ärendet barn?")).to_have_value(
            "Barn cyklar till skolan längs den nya vägen."
        )
        page.get_by_role("link", name="Resultat").click()
        expect(page.get_by_text("/100").first).to_be_visible(timeout=30_000)  # a busy machine
        expect(page.get_by_text("Fullständighet")).to_be_visible()
        browser.close()
