"""Sign-in facts of a session: whether the login mode is on, who is logged in (with roles
and unit), the name every change records, and what a refusal says. The rules themselves are
app/core/access.py and app/core/roles.py; what pages may do with them is app/ui/session/auth.py.

Sign-in is on when `.streamlit/secrets.toml` (or the file `bka serve --secrets` names) has an
`[auth]` section with `redirect_uri` and `cookie_secret`: Streamlit's st.login then signs in
through the OpenID Connect provider configured there (docs/DEPLOY.md). Without it the app runs
as it always has: no login, names typed, the machine's user sees everything.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import streamlit as st

from app.core import sessions
from app.core.errors import Problem
from app.core.roles import Person, RoleMap, parse_role_map, person_from_claims, role_source
from app.core.sessions import Ended
from app.core.yamlsource import read_yaml
from app.store.errors import StoreError
from app.store.people import People
from app.store.sessions import Sessions

ROLES_FILE = "BKA_ROLES_FILE"  #: the mapping file's path (environment, `bka serve --roles`)
_SEEN_KEY = "_auth_seen"
_OVER_KEY = "_auth_session_over"


def configured() -> bool:
    """Whether the login mode is on: an [auth] section Streamlit can sign in with."""
    from streamlit.auth_util import get_secrets_auth_section

    try:
        section = get_secrets_auth_section()
    except Exception:  # a secrets file Streamlit cannot parse: it says so itself
        return False
    return bool(section and section.get("redirect_uri") and section.get("cookie_secret"))


@st.cache_data(show_spinner=False, max_entries=4)
def _role_map(path: str, stamp: float) -> tuple[RoleMap, list[Problem]]:
    """Read again when the file changes (its mtime is part of the key)."""
    try:
        source = read_yaml(Path(path))
    except OSError as exc:
        return RoleMap(source=path), [Problem(path, None, f"cannot be read: {exc.strerror}")]
    except Exception as exc:  # a YAML syntax error: reported, never a traceback
        problems = getattr(exc, "problems", None)
        return RoleMap(source=path), list(problems or [Problem(path, None, str(exc))])
    return parse_role_map(source.data, source.file, source.line_of)


def role_map() -> tuple[RoleMap, list[Problem]]:
    """The mapping file (empty when none is configured) and its problems."""
    path = os.environ.get(ROLES_FILE, "").strip()
    if not path:
        return RoleMap(), []
    try:
        stamp = os.stat(path).st_mtime
    except OSError:
        return RoleMap(source=path), [Problem(path, None, "the roles file does not exist")]
    return _role_map(path, stamp)


def check_session() -> Ended | None:
    """On every run (main.py): whether this session's sign-in is over, logged out (on any
    device, a copied cookie included) or expired (app/core/sessions.py says why the token's
    lifetime). Until it is signed in again, person() is None: no page, no write."""
    st.session_state.pop(_OVER_KEY, None)
    if not configured() or not _signed_in():
        return None
    claims = st.user.to_dict()
    sub = str(claims.get("sub") or "").strip()
    over = sessions.ended(claims, dt.datetime.now(dt.UTC),
                          Sessions().logged_out_at(sub) if sub else None)
    if over is not None:
        st.session_state[_OVER_KEY] = over
    return over


def _signed_in() -> bool:
    """st.user's word; False where Streamlit has no identity at all (no [auth] it knows)."""
    try:
        return bool(st.user.is_logged_in)
    except (AttributeError, KeyError):
        return False


def log_out() -> None:
    """"Logga ut": recorded in the store first, so every app server refuses every session
    of this person signed in before now; then Streamlit's own logout (cookie, provider)."""
    sub = str(st.user.to_dict().get("sub") or "").strip() if _signed_in() else ""
    if sub:
        Sessions().log_out(sub)
    st.logout()


def person() -> Person | None:
    """Who is logged in, with roles and unit; None without login or before it, and once the
    session is over (check_session). The first run of a session records them in the people
    directory (for choosing a reviewer)."""
    if not configured() or not _signed_in() or st.session_state.get(_OVER_KEY):
        return None
    claims, mapping = st.user.to_dict(), role_map()[0]
    try:  # read each run: a role taken away on the users page is gone at the next click
        assigned = People().assignment(str(claims.get("sub") or "").strip())
    except StoreError:
        assigned = None
    found = person_from_claims(claims, mapping, assigned)
    if found is not None and st.session_state.get(_SEEN_KEY) != found:
        try:
            People().seen(found, role_source(claims, mapping, assigned))
        except StoreError:  # the directory is for choosing reviewers: the page says the rest
            return found
        st.session_state[_SEEN_KEY] = found
    return found


def editor(typed: str = "") -> str:
    """The name a change records: the logged-in person's signature (name, e-mail, subject
    id), never a typed name; in the local mode the name typed."""
    who = person()
    return who.signature if who is not None else typed


def refusal(lang: str) -> str:
    """What a refused page or assessment says: in the login mode, that it is not yours."""
    from app.ui.strings.i18n import t

    return t("access_refused_login" if configured() else "access_refused", lang)
