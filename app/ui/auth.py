"""The login mode's edge: whether sign-in is configured, who is logged in, and the name every
change records. The rules themselves are app/core/access.py and app/core/roles.py.

Sign-in is on when `.streamlit/secrets.toml` (or the file `bka serve --secrets` names) has an
`[auth]` section with `redirect_uri` and `cookie_secret`: Streamlit's st.login then signs in
through the OpenID Connect provider configured there (docs/DEPLOY.md). Without it the app runs
as it always has: no login, names typed, the machine's user sees everything.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection
from pathlib import Path

import streamlit as st

from app.core import access, sessions
from app.core.access import Holding, Identity
from app.core.errors import Problem
from app.core.models.assessment import Assessment, Ownership
from app.core.roles import Person, RoleMap, parse_role_map, person_from_claims, role_source
from app.core.sessions import Ended
from app.core.yamlsource import read_yaml
from app.store.errors import StoreError
from app.store.people import People
from app.store.protocol import AssessmentStore
from app.store.records import Summary
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
    if not configured() or not st.user.is_logged_in or st.session_state.get(_OVER_KEY):
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


def acting_name(label: str, key: str, help: str | None = None) -> str:
    """The field where the local mode types who acts; in the login mode no field, the
    person's signature instead, shown."""
    who = person()
    if who is None:
        # The name typed last comes back, and a name typed here is kept: the start page's
        # reminders are then this person's without typing it again (app/ui/whoami.py).
        from app.ui import whoami

        typed = st.text_input(label, value=whoami.current_name(), key=key, help=help)
        if typed.strip() and " ".join(typed.split()) != whoami.current_name():
            whoami.set_name(typed)
        return typed
    st.text_input(label, value=who.name, key=f"{key}:login", disabled=True, help=help)
    return who.signature


def refusal(lang: str) -> str:
    """What a refused page or assessment says: in the login mode, that it is not yours."""
    from app.ui.i18n import t

    return t("access_refused_login" if configured() else "access_refused", lang)


def owned(assessment: Assessment) -> Assessment:
    """A new assessment (or a copy) as the logged-in person's, in their unit; unchanged in
    the local mode."""
    who = person()
    if who is None:
        return assessment
    return assessment.model_copy(update={"ownership": Ownership(
        sub=who.sub, name=who.name, email=who.email, unit=who.unit)})


def ownership_line(assessment: Assessment, lang: str) -> None:
    """The login mode: whose the assessment is, and for its owner the choice to share it
    with the unit (app/core/access.py lets the unit's officials in then)."""
    from app.ui import state
    from app.ui.i18n import t
    from app.ui.safe import user

    if not configured():
        return
    o = assessment.ownership
    st.caption(t("auth_owner", lang, name=user(o.name or o.email) or "–",
                 unit=user(o.unit) or t("auth_no_unit", lang)))
    if access.may_manage_users(current_identity()):
        _give_owner(assessment, lang)
    if not o.unit or not access.may_share(current_identity(), Holding.of(assessment)):
        return
    aid = assessment.id or ""
    shared = st.toggle(t("auth_share", lang, unit=user(o.unit)), value=o.shared,
                       key=f"share:{aid}:{o.shared}", help=t("auth_share_help", lang))
    if shared != o.shared:
        def change(a: Assessment) -> Assessment:
            return a.model_copy(update={"ownership": a.ownership.model_copy(
                update={"shared": shared})})

        state.store().update(aid, change, editor=editor())
        st.rerun()


def _give_owner(assessment: Assessment, lang: str) -> None:
    """An administrator gives the assessment to a handläggare who has logged in: for records
    moved in from a local folder (nobody's) and for an official who has left."""
    from app.store.people import person_of
    from app.ui import state
    from app.ui.i18n import t

    o = assessment.ownership
    officials = [person_of(m) for m in People().with_role("handlaggare")]
    if not officials:
        return
    now = next((i for i, p in enumerate(officials) if p.sub == o.sub), None)
    aid = assessment.id or ""
    chosen = st.selectbox(t("auth_owner_change", lang), officials, index=now,
                          key=f"owner:{aid}", placeholder=t("auth_owner_none", lang),
                          format_func=lambda p: f"{p.name} <{p.email}> · {p.unit or '–'}")
    if chosen is None or chosen.sub == o.sub or not st.button(t("auth_owner_apply", lang),
                                                              key=f"owner_apply:{aid}"):
        return
    owner = Ownership(sub=chosen.sub, name=chosen.name, email=chosen.email, unit=chosen.unit,
                      shared=o.shared)
    state.store().update(aid, lambda a: a.model_copy(update={"ownership": owner}),
                         editor=editor())
    st.rerun()


def holding_of(row: Summary, workshop_ids: Collection[str] = ()) -> Holding:
    return Holding(row.owner, row.unit, row.shared, row.reviewer, row.id in workshop_ids)


def visible_rows(rows: list[Summary], workshop_ids: Collection[str] = ()) -> list[Summary]:
    """The rows of a list this session may see (app/core/access.py decides); all of them in
    the local mode."""
    identity = current_identity()
    if not identity.login:
        return rows
    ids = set(access.visible(identity, ((r.id, holding_of(r, workshop_ids)) for r in rows)))
    return [r for r in rows if r.id in ids]


def may(rule: str, row: Summary) -> bool:
    """One of the row's buttons: "create" (a copy), "share" (delete, restore, erase)."""
    identity = current_identity()
    if rule == "create":
        return access.may_create_assessment(identity)
    return access.may_share(identity, holding_of(row))


def scope() -> access.Scope | None:
    """The rows a list asks the store for in this session (None: all of them)."""
    return access.scope(current_identity())


def may_create() -> bool:
    return access.may_create_assessment(current_identity())


def take_copy(store: AssessmentStore, copy: Assessment) -> Assessment:
    """A copy made in the login mode is the person's own (the source's owner stays on the
    source), recorded as one more change of the copy."""
    if person() is None or copy.id is None:
        return copy
    return store.update(copy.id, owned, editor=editor())


def current_identity() -> Identity:
    """This run's identity as main.py set it (a page run on its own: worked out now)."""
    identity = st.session_state.get("identity")
    if isinstance(identity, Identity):
        return identity
    from app.ui import workshop_state

    return workshop_state.identity()


def reviewer_input(label: str, key: str, assessment: Assessment, lang: str) -> str:
    """Whom to send the assessment to: typed in the local mode; in the login mode chosen
    among the reviewers who have logged in (not the person sending it, not its owner)."""
    from app.store.people import person_of
    from app.ui.i18n import t

    me = person()
    if me is None:
        return st.text_input(label, key=key)
    skip = {me.sub, assessment.ownership.sub}
    choices = [person_of(m) for m in People().with_role("granskare") if m.sub not in skip]
    if not choices:
        st.info(t("auth_no_reviewers", lang))
        return ""
    chosen = st.selectbox(t("auth_reviewer_choose", lang), choices, key=f"{key}:login",
                          format_func=lambda p: f"{p.name} <{p.email}>" if p.email else p.name)
    return chosen.signature if chosen is not None else ""


def may_review_here(assessment: Assessment) -> bool:
    return access.may_review(current_identity(), Holding.of(assessment))


def may_change_here(assessment: Assessment) -> bool:
    return access.may_change_assessment(current_identity(), assessment.id or "",
                                        Holding.of(assessment))


def signed_in_line(lang: str) -> None:
    """In the sidebar of the login mode: the name every change of this tab records."""
    from app.ui.i18n import t
    from app.ui.safe import user

    who = person()
    if who is not None:
        st.caption(t("auth_signed_in_as", lang, name=user(who.name)))
