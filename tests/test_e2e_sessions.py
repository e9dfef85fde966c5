"""Sessions end when access ends, through a real OpenID Connect provider on loopback: a
login cookie copied before "Logga ut" opens nothing afterwards, and a role taken away at the
provider ends access when the identity token it came in expires (here after 20 seconds)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, free_port, need_chromium, running_app
from oidc import add_user, log_in, loopback_only, provider, secrets_file

from app.core.models.assessment import Assessment, Decision, Ownership, QuestionnaireRef
from app.store import open_store

pytestmark = pytest.mark.browser
WAIT = 30_000
UNIT = "Socialförvaltningen"


def _seed(data: Path) -> None:
    a = Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="2.0.0"),
                   decision=Decision(title="Skolskjuts i Norrby", official="Anna Berg"),
                   ownership=Ownership(sub="sub-anna", name="Anna Berg",
                                       email="anna@kommun.se", unit=UNIT))
    open_store(data).create(a, "seed")


def _logged_out(data: Path, sub: str) -> None:
    """Wait (as a state, not a sleep of fixed length) for the logout to be recorded."""
    import time

    from app.store.sessions import Sessions

    deadline = time.monotonic() + WAIT / 1000
    while time.monotonic() < deadline:
        if Sessions(data).logged_out_at(sub) is not None:
            return
        time.sleep(0.2)
    raise AssertionError("the logout was never recorded")


def test_a_cookie_copied_before_logout_opens_nothing(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    _seed(data)
    port = free_port()
    with provider() as issuer:
        add_user(issuer, "sub-anna", name="Anna Berg", email="anna@kommun.se",
                 roles=["Handläggare"], unit=UNIT)
        secrets = secrets_file(tmp_path, issuer, port)
        with running_app(data, ["--secrets", str(secrets)], port=port) as base, \
                sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            loopback_only(context)
            anna = context.new_page()
            log_in(anna, base, "sub-anna")
            anna.goto(base + "/oversikt")
            expect(anna.get_by_role("main")).to_contain_text("Skolskjuts i Norrby",
                                                             timeout=WAIT)
            copied = context.cookies()  # what someone with the laptop could take
            anna.goto(base + "/konto")
            anna.get_by_role("button", name="Logga ut").click()
            _logged_out(data, "sub-anna")  # recorded in the store, for every server
            thief = browser.new_context(viewport={"width": 1400, "height": 1000})
            loopback_only(thief)
            thief.add_cookies(copied)
            page = thief.new_page()
            page.goto(base + "/oversikt")
            # Either is the logged-out state, and the page may show both at once (the note and
            # its button): .first keeps that from being a strict-mode error.
            expect(page.get_by_role("button", name="Logga in med jobbkontot").or_(
                page.get_by_text("Du har loggat ut")).first).to_be_visible(timeout=WAIT)
            expect(page.get_by_role("main")).not_to_contain_text("Skolskjuts i Norrby")
            browser.close()


def test_a_role_taken_away_at_the_provider_ends_access_with_the_token(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    _seed(data)
    port = free_port()
    with provider(token_max_age=dt.timedelta(seconds=20)) as issuer:
        add_user(issuer, "sub-anna", name="Anna Berg", email="anna@kommun.se",
                 roles=["Handläggare"], unit=UNIT)
        secrets = secrets_file(tmp_path, issuer, port)
        with running_app(data, ["--secrets", str(secrets)], port=port) as base, \
                sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            loopback_only(context)
            anna = context.new_page()
            log_in(anna, base, "sub-anna")
            anna.goto(base + "/oversikt")
            main = anna.get_by_role("main")
            expect(main).to_contain_text("Skolskjuts i Norrby", timeout=WAIT)
            add_user(issuer, "sub-anna", name="Anna Berg", email="anna@kommun.se",
                     roles=[], unit=UNIT)  # the role is taken away at the provider
            # Each visit is a page's access check; once the token has expired the session
            # is over (waited for as a state, visit by visit).
            login = anna.get_by_role("button", name="Logga in med jobbkontot")
            for _ in range(30):
                anna.goto(base + "/oversikt")
                try:
                    expect(login).to_be_visible(timeout=3_000)
                    break
                except AssertionError:
                    continue
            expect(login).to_be_visible(timeout=WAIT)
            log_in(anna, base, "sub-anna")  # signed in again: the provider's roles now
            anna.goto(base + "/oversikt")
            expect(anna.get_by_role("main")).not_to_contain_text("Skolskjuts i Norrby",
                                                                 timeout=WAIT)
            browser.close()
