"""The administrator sets the organisation's profile once on its page in the login mode; the
next report carries it. Nobody else reaches the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from test_report_support import pdf_pages
from ui_helpers import button, by_label, no_exception, start, texts

from app.core.loading import load_assessment
from app.core.roles import Person
from app.report import render_as
from app.services import organisation
from app.services.paths import EXAMPLES_DIR
from app.ui.session import signin

ADMIN = Person("sub-admin", "Ada Admin", "ada@kommun.se", frozenset({"administrator"}), "IT")
OFFICIAL = Person("sub-bo", "Bo Ek", "bo@kommun.se", frozenset({"handlaggare"}), "Soc")


def _login(monkeypatch: pytest.MonkeyPatch, person: Person) -> None:
    monkeypatch.setattr(signin, "configured", lambda: True)
    monkeypatch.setattr(signin, "person", lambda: person)


def test_the_administrator_sets_the_profile_and_the_report_carries_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path))
    _login(monkeypatch, ADMIN)
    at = no_exception(open_page(start(monkeypatch, tmp_path), "organisation").run())
    by_label(at.text_input, "Organisationens namn").input("Norrby kommun")
    by_label(at.text_area, "Postadress").input("Box 9\n999 99 Norrby")
    by_label(at.radio, "Så skrivs datum").set_value("long")
    button(at, "Spara profilen").click()
    at = no_exception(at.run())
    assert "Profilen är sparad. Nya dokument får den." in texts(at)
    saved = organisation.profile(tmp_path)
    assert (saved.name, saved.date_style) == ("Norrby kommun", "long")
    a = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")[0]
    first = pdf_pages(render_as(a, ".pdf", form="short"))[0]
    assert "Norrby kommun" in first and "Box 9 · 999 99 Norrby" in first
    assert "19 november 2026" in first


def test_a_too_long_name_is_refused_in_words(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path))
    _login(monkeypatch, ADMIN)
    at = no_exception(open_page(start(monkeypatch, tmp_path), "organisation").run())
    by_label(at.text_input, "Organisationens namn").input("N" * 300)
    button(at, "Spara profilen").click()
    at = no_exception(at.run())
    assert "Profilen sparades inte: ”Organisationens namn” är för lång (högst 200 tecken)" \
        in texts(at)
    assert not (tmp_path / organisation.FILE_NAME).exists()


def test_an_official_does_not_reach_the_page(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    _login(monkeypatch, OFFICIAL)
    at = no_exception(start(monkeypatch, tmp_path))
    with pytest.raises(ValueError, match="Known pages"):
        open_page(at, "organisation")
