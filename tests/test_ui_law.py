"""The rules for the area the official picks appear under the law-check question."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from ui_helpers import by_label, no_exception, start, texts

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import open_store


def seeded(data: Path, qid: str, answers: dict[str, object]) -> str:
    a = Assessment(
        questionnaire=QuestionnaireRef(id=qid, version="1.0.0"),
        decision=Decision(title="Placering av ett barn", case_number="SN 2026/3"),
        answers={k: Answer(value=v) for k, v in answers.items()},
    )
    return open_store(data).create(a, editor="test").id or ""


def _open(monkeypatch: pytest.MonkeyPatch, data: Path, aid: str, section: str):  # noqa: ANN202
    at = start(monkeypatch, data, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    radio = by_label(at.sidebar.radio, "Avsnitt")
    radio.set_value(next(o for o in radio.options if section in o))
    return no_exception(at.run())


def test_individual_track_shows_the_rules_of_the_area_picked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    aid = seeded(tmp_path, "bka-individual", {})
    at = _open(monkeypatch, tmp_path, aid, "Beslutet och barnet")
    page = texts(at).replace("\\", "").replace("\u2060", "")  # as read: no escapes, joiners
    assert "Regler som gäller" in page or any("Regler som gäller" in e.label for e in at.expander)
    assert "Välj område i frågan 1.1" in page
    assert "LVU (1990:52) 1 §" not in page
    by_label(at.multiselect, "Inom vilka områden").set_value(["social_services"])
    at = no_exception(at.run())
    page = texts(at).replace("\\", "").replace("\u2060", "")  # as read: no escapes, joiners
    assert "LVU (1990:52) 1 §" in page and "Avgörande" in page
    assert "LVU (1990:52) 39 §" in page
    assert "Socialtjänstlagen (2025:400) (paragraf ej kontrollerad)" in page
    assert "Barnkonventionen (2018:1197) artikel 3" in page
    assert "paragraf ej kontrollerad" in page.split("Regler som gäller")[-1].lower()
    # more areas, more rules: a school-transport case sees the transport rules
    by_label(at.multiselect, "Inom vilka områden").set_value(["school", "school_transport"])
    at = no_exception(at.run())
    page = texts(at).replace("\\", "").replace("\u2060", "")  # as read: no escapes, joiners
    assert "Skollagen (2010:800) 1 kap. 10 §" in page and "LVU (1990:52) 1 §" not in page
    assert "Skollagen (2010:800) 10 kap. 32 §" in page
    assert "Lagen om elevresor (1991:1110) 2 §" in page


def test_standard_track_shows_rules_for_every_area_chosen_in_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    aid = seeded(tmp_path, "bka-standard",
                 {"affects_children": "direct", "legal_area": ["plan_och_bygg", "trafik"]})
    at = start(monkeypatch, tmp_path, open_assessment=aid, lang="en")
    at = no_exception(open_page(at, "assess").run())
    radio = at.sidebar.radio[0]
    radio.set_value(next(o for o in radio.options if "Laws and rules" in o))
    at = no_exception(at.run())
    page = texts(at).replace("\\", "").replace("\u2060", "")  # as read: no escapes, joiners
    assert "Planning and building" in page and "Traffic, school routes and school transport" in page
    assert "The Planning and Building Act (2010:900) chapter 8 section 9" in page
    assert "Always check against the text of the law" not in page
    assert "section not verified" in page
