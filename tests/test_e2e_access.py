"""A group's browser on another machine asks for every page by address: each one is refused.
The other machine is a relay whose connections come from 127.0.0.2 (tests/browser.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, from_another_machine, idle, need_chromium, running_app

from app.core import trainer_key
from app.services.shipped import cases, catalog
from app.store import open_store
from app.store.workshops import WorkshopStore

pytestmark = pytest.mark.browser
WAIT = 30_000
KEY = "KM7Q-4PXA-TR9C"


def test_a_group_session_is_refused_every_other_page_by_address(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    ws = WorkshopStore(open_store(data), data)
    case = next(c for c in cases() if c.id == "lekplats-lindparken")
    w = ws.create(case, ["Ekarna", "Lindarna"], catalog(), trainer_key=trainer_key.key_hash(KEY))
    oaks, limes = w.groups
    official = open_store(data).create(
        open_store(data).get(oaks.assessment_id).model_copy(update={"id": None}), "t").id
    with running_app(data, ["--lan"]) as app, from_another_machine(app) as base, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.goto(base + "/ga-med")
        page.get_by_label("Gruppens kod").fill(oaks.code)
        page.get_by_role("button", name="Gå med").click()
        expect(page.get_by_role("heading", name="Ekarna")).to_be_visible(timeout=WAIT)
        tried = {
            "/oversikt": "Barnkonsekvensanalyser",
            "/workshop": oaks.code[:3],  # the trainer's page: a key form, no codes
            "/data": "Säkerhetskopia",
            f"/analys?id={limes.assessment_id}": "Lindarna",
            f"/analys?id={official}": "Lindparken",
            f"/resultat?id={limes.assessment_id}": "Lindarna",
            f"/ga-med?kod={limes.code}": "Lindarna",
        }
        refused = 0
        for path, forbidden in tried.items():
            page.goto(base + path)
            # A fresh load is a fresh session from another machine: the join page, nothing else.
            expect(page.get_by_role("heading", name="Gå med i en workshopgrupp").or_(
                page.get_by_role("heading", name="Lindarna")).or_(
                page.get_by_role("heading", name="Tränarens sida")).first
            ).to_be_visible(timeout=WAIT)
            idle(page, WAIT)  # the page as its run left it, not half drawn
            body = page.get_by_role("main").inner_text()
            links = page.get_by_role("link").all_inner_texts()
            if path.startswith("/ga-med?kod="):
                # Another group's code is a join like the form's: it works, as a group device,
                # and that group's page shows only its own case (never the trainer's page).
                assert "Översikt" not in links and "Workshop" not in links
                refused += 1
                continue
            assert forbidden not in body, (path, body[:500])
            assert "Översikt" not in links and "Data" not in links, (path, links)
            refused += 1
        # The trainer's page from that machine: a key form, no codes, no notes.
        page.goto(base + "/workshop")
        expect(page.get_by_role("heading", name="Tränarens sida")).to_be_visible(timeout=WAIT)
        idle(page, WAIT)
        body = page.get_by_role("main").inner_text()
        assert oaks.code[:3] not in body and "Tränarens anteckningar" not in body
        print(f"{refused} of {len(tried)} addresses refused or kept to the group")
        browser.close()
