"""API tokens kept in the store (`api_tokens`: a file of the data folder, or rows of the
database): created and revoked by an administrator, looked up on every API call."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.core import api_tokens as rules
from app.core.access import AccessRefused, Identity, may_manage_users
from app.core.models.api_token import Access, ApiToken
from app.store.errors import NotFound
from app.store.factory import RecordCollection, open_collection

NAME = "api_tokens"


class TokenRefused(Exception):
    """A presented token that does not open the API, said in words for the problem detail."""


class ApiTokens:
    def __init__(self, folder: Path | str | None = None) -> None:
        self.records: RecordCollection[ApiToken] = open_collection(ApiToken, NAME, folder)

    def create(self, name: str, *, unit: str = "", access: Access = "read",
               by: str = "") -> tuple[ApiToken, str]:
        """A new token; returns the record and the token's full text (shown once)."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("a token needs a name: the system that will use it")
        if any(t.name.casefold() == name.casefold() and t.revoked is None
               for t in self.records.all()):
            raise ValueError(f"a token named '{name}' exists; revoke it first or choose "
                             "another name, so every log line names one system")
        secret = rules.new_secret()
        stored = self.records.create(ApiToken(name=name, secret_sha256=rules.digest(secret),
                                              unit=unit.strip(), access=access, created_by=by))
        return stored, rules.NewSecret(stored.id, secret).text

    def revoke(self, token_id: str, *, by: str = "") -> ApiToken:
        """Refused from the next call on; the record stays, so old log lines keep a name."""
        try:
            current = self.records.get(token_id)
        except NotFound:
            raise NotFound(token_id) from None
        if current.revoked is not None:
            return current
        return self.records.update(token_id, lambda t: t.model_copy(
            update={"revoked": dt.datetime.now(dt.UTC), "revoked_by": by}))

    def create_as(self, identity: Identity, name: str, *, unit: str = "",
                  access: Access = "read") -> tuple[ApiToken, str]:
        """create() for the users page: an administrator only (checked here, not only by
        the page), signed with their name."""
        return self.create(name, unit=unit, access=access, by=_admin(identity))

    def revoke_as(self, identity: Identity, token_id: str) -> ApiToken:
        return self.revoke(token_id, by=_admin(identity))

    def all(self) -> list[ApiToken]:
        return sorted(self.records.all(), key=lambda t: (t.revoked is not None,
                                                         t.name.casefold()))

    def authenticate(self, text: str) -> ApiToken:
        """The token a request presented, or TokenRefused saying why (never which part of a
        wrong token was right)."""
        parts = rules.split(text.strip())
        if parts is None:
            raise TokenRefused("the token is not one of ours (expected 'bka_…')")
        token_id, secret = parts
        try:
            token = self.records.get(token_id)
        except NotFound:
            raise TokenRefused("the token is unknown or wrong") from None
        if not rules.matches(token, secret):
            raise TokenRefused("the token is unknown or wrong")
        if token.revoked is not None:
            raise TokenRefused("the token was revoked; ask the administrator for a new one")
        return token


def _admin(identity: Identity) -> str:
    if not may_manage_users(identity) or identity.person is None:
        raise AccessRefused("only an administrator creates or revokes API tokens")
    return identity.person.signature
