"""A real OpenID Connect provider on loopback for the login tests: oidc-provider-mock
(Authlib's server, MIT) in a thread on 127.0.0.1 and a free port, and the app's secrets file
that signs in through it (the same keys as for Entra ID in docs/DEPLOY.md)."""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

import httpx
import pytest


@contextmanager
def provider(token_max_age: dt.timedelta | None = None) -> Iterator[str]:
    """The provider's issuer URL; users are added with add_user(). `token_max_age`: how long
    its identity tokens hold (an hour unless told)."""
    try:
        import oidc_provider_mock
        import werkzeug.serving
    except ImportError:  # pragma: no cover - a dev dependency
        pytest.fail("oidc-provider-mock is a dev dependency (pyproject.toml)")
    app = oidc_provider_mock.app(require_nonce=True, **(
        {"access_token_max_age": token_max_age} if token_max_age else {}))
    server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def add_user(issuer: str, sub: str, **claims: Any) -> None:
    """The claims the provider puts into this person's identity token (`roles` among them)."""
    response = httpx.put(f"{issuer}/users/{quote(sub, safe='')}", json=claims)
    assert response.status_code == 204, response.text


def secrets_file(folder: Path, issuer: str, app_port: int) -> Path:
    """`.streamlit/secrets.toml` for an app on 127.0.0.1:`app_port` signing in at `issuer`."""
    path = folder / f"secrets-{app_port}.toml"
    path.write_text(f"""[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "{secrets.token_hex(32)}"
client_id = "bka-test"
client_secret = "{secrets.token_hex(16)}"
server_metadata_url = "{issuer}/.well-known/openid-configuration"
""", encoding="utf-8")
    return path


def loopback_only(context: Any) -> None:
    """Nothing leaves the machine: the provider's page links a stylesheet on a CDN."""
    def route(r: Any) -> None:
        host = urlparse(r.request.url).hostname or ""
        if host in ("127.0.0.1", "localhost", "::1"):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)


def log_in(page: Any, base: str, sub: str, wait: int = 30_000) -> None:
    """Through the app's login button and the provider's form, as a person would."""
    from playwright.sync_api import expect

    page.goto(base + "/konto")
    page.get_by_role("button", name="Logga in med jobbkontot").click()
    page.get_by_placeholder("sub").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(base + "/**", timeout=wait)
    expect(page.get_by_role("heading", name="Barnkonsekvensanalyser").or_(
        page.get_by_role("heading", name="Ditt konto")).or_(
        page.get_by_role("heading", name="Workshop")).first).to_be_visible(timeout=wait)
