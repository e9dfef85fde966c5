"""The rules of API tokens: how a token is written, checked, and what it may reach.

A token reads `bka_<id>_<secret>`: the id finds the stored record in one look-up, the secret
(32 random bytes) is compared with its stored SHA-256 in constant time. A fast hash is right
here: the secret is random and long, so there is nothing to guess that a slow hash would
protect (a password is a different matter).

Scope follows the assessment's own access rules (app/core/access.py): an organisation token
reaches every assessment, as an administrator does; a unit token what the unit's officials
reach without being the owner, i.e. the assessments shared with the unit (the API shares
those it creates with the token's unit).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from app.core.access import Holding, Scope
from app.core.models.api_token import ApiToken

PREFIX = "bka_"
SECRET_BYTES = 32


@dataclass(frozen=True)
class NewSecret:
    """A token as handed to the administrator once: the full text and its stored hash."""

    token_id: str
    secret: str

    @property
    def text(self) -> str:
        return f"{PREFIX}{self.token_id}_{self.secret}"


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def split(text: str) -> tuple[str, str] | None:
    """(id, secret) of a presented token, None when it is not shaped like one of ours."""
    if not text.startswith(PREFIX):
        return None
    token_id, sep, secret = text[len(PREFIX):].partition("_")
    if not sep or not token_id or not secret or len(text) > 200:
        return None
    return token_id, secret


def matches(token: ApiToken, secret: str) -> bool:
    return hmac.compare_digest(token.secret_sha256, digest(secret))


def scope_of(token: ApiToken) -> Scope | None:
    """What a list may hold for this token; None for every row (the organisation)."""
    return Scope(unit=token.unit) if token.unit else None


def may_read(token: ApiToken, holding: Holding) -> bool:
    if holding.workshop:
        return False  # a training group's practice case is nobody's case file
    if not token.unit:
        return True
    return holding.shared and holding.unit == token.unit


def may_write(token: ApiToken) -> bool:
    return token.access == "write" and token.revoked is None


def describe(token: ApiToken) -> str:
    """'W3D3 (unit Socialförvaltningen, write)' for lists and logs."""
    where = f"unit {token.unit}" if token.unit else "organisation"
    return f"{token.name} ({where}, {token.access})"
