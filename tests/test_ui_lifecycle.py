"""A case through every status in the app, with two typed names: official and reviewer."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from streamlit.testing.v1 import AppTest
from ui_helpers import button, by_label, no_exception, start, tables, texts

from app.core import lifecycle as life
from app.core.loading import load_assessment
from app.services.paths import ROOT
from app.store import open_store

OFFICIAL = "Karin Lund"
REVIEWER = "Per Berg"


def seeded(data: Path) -> str:
    assessment, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    assert assessment.status == "complete"
    return open_store(data).create(assessment, editor="test").id or ""


def as_person(at: AppTest, aid: str, name: str) -> None:
    at.text_input(key=f"life_name:{aid}").set_value(name)


def click(at: AppTest, label: str) -> AppTest:
    return no_exception(button(at, label).click().run())


def test_case_through_every_status(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = seeded(tmp_path)
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    assert "Granskning och beslut" in texts(at)

    # The official may not review their own assessment.
    as_person(at, aid, OFFICIAL)
    at.text_input(key=f"life_reviewer:{aid}").set_value("karin  lund")
    at = click(at, "Skicka för granskning")
    assert "någon annan än den ansvariga handläggaren" in texts(at)
    at.text_input(key=f"life_reviewer:{aid}").set_value(REVIEWER)
    at = click(at, "Skicka för granskning")
    assert "För granskning hos Per Berg, skickad av Karin Lund" in texts(at)

    # The reviewer comments on a question; an open comment blocks approval.
    as_person(at, aid, REVIEWER)
    by_label(at.selectbox, "Kommentar till fråga").set_value("knowledge_summary")
    at.text_area(key=f"life_ct:{aid}").set_value("Vilken prognos bygger siffrorna på?")
    at = click(at, "Lägg till kommentar")
    assert "Vilken prognos bygger siffrorna på?" in texts(at)
    assert "1 öppen" in texts(at)
    at = click(at, "Godkänn")
    assert "1 kommentar är inte löst" in texts(at)
    assert open_store(tmp_path).get(aid).status == "in_review"

    # Someone else than the named reviewer cannot approve either.
    comment_id = open_store(tmp_path).get(aid).review.comments[0].id
    as_person(at, aid, OFFICIAL)
    at.text_input(key=f"life_rt:{aid}:{comment_id}").set_value("Kommunens prognos 2026.")
    at = click(at, "Svara")
    assert "Kommunens prognos 2026." in texts(at)
    at = click(at, "Markera som löst")
    assert "löst av Karin Lund" in texts(at)
    at = click(at, "Godkänn")
    assert "Bara den namngivna granskaren (Per Berg)" in texts(at)

    # Every question no check can judge is confirmed before the approval counts.
    as_person(at, aid, REVIEWER)
    at.text_area(key=f"life_vc:{aid}").set_value("Väl underbyggd.")
    boxes = [c for c in at.checkbox if str(c.key).startswith(f"rv:{aid}:")]
    assert len(boxes) >= 2
    for box in boxes[1:]:
        box.check()
    at = click(at, "Godkänn")
    assert "Bekräfta varje fråga i granskarens lista" in texts(at)
    assert open_store(tmp_path).get(aid).status == "in_review"
    boxes = [c for c in at.checkbox if str(c.key).startswith(f"rv:{aid}:")]
    boxes[0].check()
    at = click(at, "Godkänn")
    stored = open_store(tmp_path).get(aid)
    assert stored.status == "approved"
    assert f"Innehållets kontrollsumma: {life.short_hash(stored.review.content_hash)}" in texts(at)
    assert "Godkänd av Per Berg" in texts(at)
    # Recorded here, the approval gives the top level, and Resultat says by whom.
    assert "Gedigen analys" in texts(at)
    assert any("godkänd av Per Berg" in c.value for c in at.caption), [c.value for c in at.caption]

    # Frozen: the questionnaire page reads only.
    at = no_exception(open_page(at, "assess").run())
    assert "kan bara läsas" in texts(at)
    at = no_exception(open_page(at, "results").run())

    # The committee's decision.
    as_person(at, aid, OFFICIAL)
    at.text_input(key=f"life_dp:{aid}").set_value("§ 112")
    by_label(at.selectbox, "Utfall").set_value("changed")
    at.checkbox(key=f"life_dx:{aid}").check()
    at = click(at, "Registrera beslutet")
    assert "Beskriv hur beslutet avviker" in texts(at)
    at.text_area(key=f"life_dh:{aid}").set_value("Nedläggningen skjuts upp ett år.")
    at.text_input(key=f"life_dr:{aid}").set_value("Protokoll BUN 2026-11-19")
    at = click(at, "Registrera beslutet")
    stored = open_store(tmp_path).get(aid)
    assert stored.status == "decided" and stored.committee_decision is not None
    table = next(t for t in tables(at) if "Uppgift" in t.columns)
    shown = dict(zip(table["Uppgift"], table["Värde"], strict=True))
    assert shown["Paragraf (§)"] == "§ 112" and shown["Utfall"] == "Ändrat förslag"
    assert shown["Hur beslutet avviker, och nämndens skäl"] == "Nedläggningen skjuts upp ett år."

    at = click(at, "Markera som uppföljd")
    assert open_store(tmp_path).get(aid).status == "followed_up"

    # Reopening asks why, and records who, when and why.
    at = click(at, "Öppna för redigering igen")
    assert "Skriv skälet" in texts(at)
    assert open_store(tmp_path).get(aid).status == "followed_up"
    at.text_area(key=f"life_why:{aid}").set_value("Ny uppgift om skolskjutsen.")
    at = click(at, "Öppna för redigering igen")
    stored = open_store(tmp_path).get(aid)
    assert stored.status == "draft"
    last = stored.lifecycle[-1]
    assert (last.action, last.by, last.reason) == ("reopen", OFFICIAL,
                                                   "Ny uppgift om skolskjutsen.")
    steps = next(t for t in tables(at) if "Steg" in t.columns)
    assert list(steps["Steg"]) == ["Öppnad igen", "Uppföljd", "Beslut registrerat", "Godkänd",
                                   "Skickad för granskning"]
    assert list(steps["Vem"]) == [OFFICIAL, OFFICIAL, OFFICIAL, REVIEWER, OFFICIAL]
    at = no_exception(open_page(at, "assess").run())
    assert "kan bara läsas" not in texts(at)
