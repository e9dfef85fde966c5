"""Konto: log in (st.login, the identity provider's page), who you are, log out."""

from __future__ import annotations

import streamlit as st

from app.core.roles import ROLES
from app.ui.safe import user
from app.ui.session import signin, state
from app.ui.strings.i18n import t


def render() -> None:
    lang = state.lang()
    if not st.user.is_logged_in:
        st.title(t("auth_login_title", lang))
        st.write(t("auth_login_intro", lang))
        if st.button(t("auth_login", lang), type="primary"):
            st.login()
        st.caption(t("auth_group_hint", lang))
        return
    person = signin.person()
    st.title(t("auth_account_title", lang))
    if person is None:  # a token without a subject id: nothing can be recorded under it
        st.error(t("auth_no_subject", lang))
    else:
        st.write(t("auth_you_are", lang, name=user(person.name), email=user(person.email or "–")))
        roles = [t(f"auth_role_{r}", lang) for r in ROLES if r in person.roles]
        if roles:
            st.write(t("auth_your_roles", lang, roles=", ".join(roles),
                       unit=user(person.unit) if person.unit else t("auth_no_unit", lang)))
        else:
            st.warning(t("auth_no_role", lang))
    _, problems = signin.role_map()
    if problems:
        st.warning(t("auth_roles_file_broken", lang))
    if st.button(t("auth_logout", lang)):
        signin.log_out()
