"""A login session ends when access ends: at "Logga ut" (every session of the person signed
in before it, a copied cookie included, on every app server: the registry is in the store),
and when the identity token the roles came from expires (at most a working day)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from ui_helpers import no_exception, start, texts

from app.core.sessions import MAX_AGE, ended
from app.store.sessions import Sessions
from app.ui.session import signin

NOW = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)


def _claims(signed_in: dt.datetime, lasts: dt.timedelta = dt.timedelta(hours=1)) -> dict[str, Any]:
    return {"sub": "sub-anna", "iat": int(signed_in.timestamp()),
            "exp": int((signed_in + lasts).timestamp())}


def test_a_session_holds_while_its_token_does_and_no_logout_came_after() -> None:
    assert ended(_claims(NOW - dt.timedelta(minutes=5)), NOW, None) is None
    assert ended(_claims(NOW - dt.timedelta(minutes=61)), NOW, None) == "expired"
    forever = _claims(NOW - MAX_AGE - dt.timedelta(minutes=1), lasts=dt.timedelta(days=30))
    assert ended(forever, NOW, None) == "expired"  # never longer than a working day
    assert ended({"sub": "x"}, NOW, None) == "expired"  # no sign-in time: not trusted


def test_a_logout_ends_every_session_signed_in_before_it_and_none_after() -> None:
    before = _claims(NOW - dt.timedelta(minutes=10))
    after = _claims(NOW + dt.timedelta(seconds=1))
    out = NOW - dt.timedelta(minutes=1)
    assert ended(before, NOW, out) == "logged_out"
    assert ended(after, NOW + dt.timedelta(seconds=2), out) is None


def test_the_registry_is_kept_in_the_store(store_kind: str) -> None:
    assert Sessions().logged_out_at("sub-anna") is None
    Sessions().log_out("sub-anna", NOW)
    Sessions().log_out("sub-anna", NOW + dt.timedelta(hours=1))  # again later: moved on
    assert Sessions().logged_out_at("sub-anna") == NOW + dt.timedelta(hours=1)
    assert Sessions().logged_out_at("sub-bo") is None


class _User:
    """st.user as Streamlit gives it from a (copied) identity cookie."""

    def __init__(self, claims: dict[str, Any]) -> None:
        self.claims = {**claims, "name": "Anna Berg", "email": "anna@kommun.se",
                       "roles": ["Handläggare"]}
        self.is_logged_in = True

    def to_dict(self) -> dict[str, Any]:
        return dict(self.claims)


def test_a_cookie_from_before_logout_opens_nothing(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Any) -> None:
    import streamlit as st

    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path))
    now = dt.datetime.now(dt.UTC)
    monkeypatch.setattr(signin, "configured", lambda: True)
    monkeypatch.setattr(st, "user", _User(_claims(now - dt.timedelta(minutes=5))))
    logins: list[bool] = []
    monkeypatch.setattr(st, "login", lambda *a, **k: logins.append(True))
    at = no_exception(start(monkeypatch, tmp_path))
    assert "Du har loggat ut" not in texts(at)  # a live session works
    Sessions().log_out("sub-anna", now)  # "Logga ut", on another device or server
    at = no_exception(at.run())
    assert "Du har loggat ut" in texts(at)
    assert "Barnkonsekvensanalyser" not in texts(at)  # not the overview
    again = [b for b in at.button if b.label == "Logga in med jobbkontot"]
    assert again and not logins
    at = no_exception(again[0].click().run())  # signing in again replaces the old cookie
    assert logins == [True]
