"""Användare och roller (administrators): who has logged in with which roles and unit, what
the mapping file says, and the form where an administrator gives or takes a person's roles
and unit. The store keeps what was given with who and when (app/store/people.py), which
source wins is app/core/roles.py's, and who may give is app/core/access.py's: this page only
draws them."""

from __future__ import annotations

import os

import streamlit as st

from app.core import access
from app.core.access import AccessRefused, OwnAdministratorRole
from app.core.models.member import Member
from app.core.roles import ROLES, Role
from app.store.people import People
from app.ui.safe import user
from app.ui.screens.users_tokens import tokens_section
from app.ui.session import auth, signin, state
from app.ui.strings.i18n import t
from app.ui.widgets.tables import text_table


def _roles(names: object, lang: str) -> str:
    chosen = set(names) if isinstance(names, list | frozenset | set) else set()
    return ", ".join(t(f"auth_role_{r}", lang) for r in ROLES if r in chosen)


def render() -> None:
    lang = state.lang()
    if not access.may_manage_users(auth.current_identity()):
        st.error(t("access_refused", lang))
        st.stop()
    state.show_flash()
    st.title(t("auth_users_title", lang))
    st.write(t("auth_users_intro", lang))
    st.header(t("auth_users_seen", lang))
    members = People().all()
    if members:
        text_table([{
            t("auth_col_name", lang): m.name, t("auth_col_email", lang): m.email,
            t("auth_col_roles", lang): _roles(m.roles, lang),
            t("auth_col_unit", lang): m.unit,
            t("auth_col_from", lang): t(f"auth_from_{m.roles_from or 'none'}", lang),
            t("auth_col_sub", lang): m.sub,
            t("auth_col_seen", lang): m.updated.astimezone().strftime("%Y-%m-%d %H:%M")
            if m.updated else "–",
        } for m in members])
        _editor(members, lang)
    else:
        st.info(t("auth_users_none", lang))
    st.header(t("auth_users_file", lang))
    mapping, problems = signin.role_map()
    path = os.environ.get(signin.ROLES_FILE, "")
    st.caption(t("auth_users_file_at", lang, path=path) if path else
               t("auth_users_file_none", lang))
    for problem in problems:
        st.error(str(problem))
    if mapping.users:
        text_table([{
            t("auth_col_name", lang): u.name, t("auth_col_email", lang): u.email,
            t("auth_col_sub", lang): u.sub,
            t("auth_col_roles", lang): _roles(sorted(u.roles), lang),
            t("auth_col_unit", lang): u.unit,
        } for u in mapping.users])
    counts: dict[Role, int] = {r: sum(r in m.roles for m in members) for r in ROLES}
    st.caption(" · ".join(f"{t(f'auth_role_{r}', lang)}: {n}" for r, n in counts.items()))
    tokens_section(lang)


def _editor(members: list[Member], lang: str) -> None:
    """Give or take one person's roles and unit; what was given stays until taken back."""
    st.header(t("auth_edit_title", lang))
    by_sub = {m.sub: m for m in members}  # chosen by subject id: the record changes, it not
    sub = st.selectbox(t("auth_edit_person", lang), list(by_sub), key="users-edit-person",
                       format_func=lambda s: f"{by_sub[s].name} <{by_sub[s].email}>"
                       if by_sub[s].email else by_sub[s].name)
    chosen = by_sub.get(sub) if sub is not None else None
    if chosen is None:
        return
    name = chosen.name or chosen.email or chosen.sub
    if chosen.roles_from == "token":
        st.info(t("auth_edit_token_note", lang, name=user(name)))
    given = chosen.assigned_roles if chosen.assigned_roles is not None else chosen.roles
    with st.form(f"users-edit-{chosen.id}"):
        roles = st.multiselect(t("auth_edit_roles", lang, name=user(name)), list(ROLES),
                               default=[r for r in ROLES if r in given],
                               format_func=lambda r: t(f"auth_role_{r}", lang))
        unit = st.text_input(t("auth_edit_unit", lang, name=user(name)),
                             value=chosen.assigned_unit if chosen.assigned_unit is not None
                             else chosen.unit, max_chars=300)
        save = st.form_submit_button(t("auth_edit_save", lang), type="primary")
        reset = st.form_submit_button(t("auth_edit_reset", lang),
                                      disabled=chosen.assigned_roles is None
                                      and chosen.assigned_unit is None)
    if save or reset:
        try:
            People().assign(auth.current_identity(), chosen.sub,
                            roles=frozenset(roles) if save else None,
                            unit=unit if save else None)
        except OwnAdministratorRole:
            st.error(t("auth_edit_refused_self", lang))
            return
        except AccessRefused:
            st.error(t("access_refused", lang))
            return
        state.flash(t("auth_edit_saved", lang, name=user(name)))
        st.rerun()
    if chosen.assignments:
        st.subheader(t("auth_edit_history", lang, name=user(name)))
        text_table([{
            t("auth_col_at", lang): c.at.astimezone().strftime("%Y-%m-%d %H:%M"),
            t("auth_col_by", lang): c.by,
            t("auth_col_roles", lang): _roles(c.roles, lang) if c.roles is not None
            else t("auth_edit_given", lang),
            t("auth_col_unit", lang): c.unit if c.unit is not None
            else t("auth_edit_given", lang),
        } for c in reversed(chosen.assignments)])
