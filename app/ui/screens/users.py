"""Användare och roller (administrators): who has logged in with which roles and unit, and
what the mapping file says. Roles are given in the identity provider (the token's `roles`)
or in the mapping file; this page shows them, it does not edit them."""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from app.core import access
from app.core.roles import ROLES, Role
from app.store.people import People
from app.ui import auth, state
from app.ui.i18n import t


def _roles(names: object, lang: str) -> str:
    chosen = set(names) if isinstance(names, list | frozenset | set) else set()
    return ", ".join(t(f"auth_role_{r}", lang) for r in ROLES if r in chosen)


def render() -> None:
    lang = state.lang()
    if not access.may_manage_users(auth.current_identity()):
        st.error(t("access_refused", lang))
        st.stop()
    st.title(t("auth_users_title", lang))
    st.write(t("auth_users_intro", lang))
    st.header(t("auth_users_seen", lang))
    members = People().all()
    if members:
        st.dataframe(pd.DataFrame([{
            t("auth_col_name", lang): m.name, t("auth_col_email", lang): m.email,
            t("auth_col_roles", lang): _roles(m.roles, lang),
            t("auth_col_unit", lang): m.unit, t("auth_col_sub", lang): m.sub,
            t("auth_col_seen", lang): m.updated.astimezone().strftime("%Y-%m-%d %H:%M")
            if m.updated else "–",
        } for m in members]), hide_index=True, width="stretch")
    else:
        st.info(t("auth_users_none", lang))
    st.header(t("auth_users_file", lang))
    mapping, problems = auth.role_map()
    path = os.environ.get(auth.ROLES_FILE, "")
    st.caption(t("auth_users_file_at", lang, path=path) if path else
               t("auth_users_file_none", lang))
    for problem in problems:
        st.error(str(problem))
    if mapping.users:
        st.dataframe(pd.DataFrame([{
            t("auth_col_name", lang): u.name, t("auth_col_email", lang): u.email,
            t("auth_col_sub", lang): u.sub,
            t("auth_col_roles", lang): _roles(sorted(u.roles), lang),
            t("auth_col_unit", lang): u.unit,
        } for u in mapping.users]), hide_index=True, width="stretch")
    counts: dict[Role, int] = {r: sum(r in m.roles for m in members) for r in ROLES}
    st.caption(" · ".join(f"{t(f'auth_role_{r}', lang)}: {n}" for r, n in counts.items()))
