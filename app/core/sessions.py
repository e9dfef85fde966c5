"""When a login session is over (the login mode), from the identity token's claims and the
moment its person last logged out. Pure: the store keeps the logout times
(app/store/sessions.py), the edge asks here on every run (app/ui/session/signin.py).

Streamlit keeps the identity token's claims in a signed cookie valid for 30 days and keeps no
token to ask the provider again. So:
- roles are the provider's word only as long as the provider says: a session ends when its
  identity token expires (`exp`; an hour at Entra ID), at the latest MAX_AGE after sign-in.
  Signing in again (a redirect, no typing while the provider's own session lasts) reads the
  roles afresh, so a role removed at the provider ends access within one token lifetime.
  Roles an administrator gives or takes in the app are read on every run anyway;
- "Logga ut" records the moment; every session of that person signed in before it is over,
  a copy of the cookie taken before included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

MAX_AGE = dt.timedelta(hours=8)  #: a working day: the longest any sign-in lasts
Ended = Literal["logged_out", "expired"]


def _moment(value: Any) -> dt.datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return dt.datetime.fromtimestamp(value, dt.UTC)


def ended(claims: Mapping[str, Any], now: dt.datetime,
          logged_out_at: dt.datetime | None) -> Ended | None:
    """Why the session these claims come from is over, or None while it holds."""
    signed_in = _moment(claims.get("iat"))
    if logged_out_at is not None and (signed_in is None or signed_in <= logged_out_at):
        return "logged_out"
    expires = _moment(claims.get("exp"))
    if expires is not None and now >= expires:
        return "expired"
    if signed_in is None or now - signed_in > MAX_AGE:
        return "expired"  # no sign-in time: nothing says it is still the provider's word
    return None
