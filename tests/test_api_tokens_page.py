"""API tokens on the users page: an administrator creates one (its text shown once, only a
hash stored) and revokes it; anyone else is refused below the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from ui_helpers import button, by_label, no_exception, start, texts

from app.core.access import AccessRefused, Identity
from app.core.roles import Person
from app.services.api_tokens import ApiTokens, TokenRefused
from app.store.people import People
from app.ui.session import signin

ADMIN = Person("sub-admin", "Ada Admin", "ada@kommun.se", frozenset({"administrator"}), "IT")
OFFICIAL = Person("sub-bo", "Bo Ek", "bo@kommun.se", frozenset({"handlaggare"}), "Soc")


def test_an_administrator_creates_and_revokes_a_token_on_the_users_page(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BKA_DATABASE_URL", raising=False)
    People().seen(ADMIN, "file")
    monkeypatch.setattr(signin, "configured", lambda: True)
    monkeypatch.setattr(signin, "person", lambda: ADMIN)
    at = no_exception(open_page(start(monkeypatch, tmp_path), "users").run())
    by_label(at.text_input, "Systemets namn").input("W3D3")
    by_label(at.text_input, "Enhet (tomt: hela organisationen)").input("Skola A")
    by_label(at.checkbox, "Får också skapa bedömningar").check()
    button(at, "Skapa nyckel").click()
    at = no_exception(at.run())
    shown = [c.value for c in at.code]
    assert len(shown) == 1 and shown[0].startswith("bka_")
    token = ApiTokens(tmp_path).authenticate(shown[0])
    assert (token.name, token.unit, token.access) == ("W3D3", "Skola A", "write")
    assert token.created_by == ADMIN.signature
    assert shown[0].split("_", 2)[2] not in (tmp_path / "api_tokens.json").read_text()
    at = no_exception(at.run())
    assert [c.value for c in at.code] == []  # shown once

    by_label(at.selectbox, "Återkalla en nyckel").select(token.id)
    at = no_exception(at.run())
    button(at, "Återkalla").click()
    at = no_exception(at.run())
    assert "W3D3 · Skola A · läsa och skapa är återkallad" in texts(at)
    with pytest.raises(TokenRefused, match="revoked"):
        ApiTokens(tmp_path).authenticate(shown[0])


def test_only_an_administrator_creates_or_revokes(tmp_path: Path) -> None:
    tokens = ApiTokens(tmp_path)
    official = Identity(local=True, login=True, person=OFFICIAL)
    with pytest.raises(AccessRefused):
        tokens.create_as(official, "Smuggel")
    made, _ = tokens.create_as(Identity(local=True, login=True, person=ADMIN), "Lex")
    with pytest.raises(AccessRefused):
        tokens.revoke_as(official, made.id)
    with pytest.raises(AccessRefused):
        tokens.create_as(Identity(local=True), "Lokal")  # no login: the command line's job
