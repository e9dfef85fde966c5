"""The API tokens of case systems on the page Användare och roller: the list, a form that
creates one (its text shown once, here), and revoking. The rules and the store are
app/services/api_tokens.py's; `bka api-token` does the same on the server."""

from __future__ import annotations

import streamlit as st

from app.core.access import AccessRefused
from app.core.models.api_token import ApiToken
from app.services.api_tokens import ApiTokens
from app.store import StoreError
from app.store.errors import NotFound
from app.store.layout import data_dir
from app.ui import store_errors
from app.ui.session import auth, state
from app.ui.strings.i18n import t
from app.ui.widgets.tables import text_table

SHOWN_KEY = "api_token_shown"  #: the new token's text, for this one run after creating


def tokens_section(lang: str) -> None:
    st.header(t("api_tokens_title", lang))
    st.write(t("api_tokens_intro", lang))
    tokens = ApiTokens(data_dir())
    shown = st.session_state.pop(SHOWN_KEY, None)
    if shown:
        st.success(t("api_token_created", lang, name=shown[0]))
        st.code(shown[1], language=None)
        st.caption(t("api_token_once", lang))
    rows = tokens.all()
    if rows:
        text_table([{
            t("api_col_name", lang): x.name,
            t("api_col_scope", lang): x.unit or t("api_scope_org", lang),
            t("api_col_access", lang): t(f"api_access_{x.access}", lang),
            t("api_col_created", lang): f"{x.created:%Y-%m-%d}" if x.created else "–",
            t("api_col_state", lang): t("api_revoked", lang, when=f"{x.revoked:%Y-%m-%d}")
            if x.revoked else t("api_active", lang),
            t("api_col_id", lang): x.id,
        } for x in rows])
    else:
        st.info(t("api_tokens_none", lang))
    with st.form("api_token_new", clear_on_submit=True):
        name = st.text_input(t("api_new_name", lang), max_chars=100,
                             help=t("api_new_name_help", lang))
        unit = st.text_input(t("api_new_unit", lang), max_chars=300,
                             help=t("api_new_unit_help", lang))
        write = st.checkbox(t("api_new_write", lang))
        if st.form_submit_button(t("api_new_create", lang)):
            try:
                record, text = tokens.create_as(auth.current_identity(), name, unit=unit,
                                                access="write" if write else "read")
            except (ValueError, AccessRefused) as exc:
                st.error(str(exc))
            except StoreError as exc:
                store_errors.show(exc, lang)
            else:
                st.session_state[SHOWN_KEY] = (_label(record, lang), text)
                st.rerun()
    active = [x for x in rows if x.revoked is None]
    if active:
        chosen = st.selectbox(t("api_revoke_which", lang), [x.id for x in active], index=None,
                              format_func=lambda i: _label(next(x for x in active
                                                                  if x.id == i), lang))
        if st.button(t("api_revoke", lang), disabled=chosen is None):
            try:
                record = tokens.revoke_as(auth.current_identity(), str(chosen))
            except (AccessRefused, NotFound) as exc:
                st.error(str(exc))
            except StoreError as exc:
                store_errors.show(exc, lang)
            else:
                state.flash(t("api_token_revoked", lang, name=_label(record, lang)))
                st.rerun()


def _label(token: ApiToken, lang: str) -> str:
    """'W3D3 · Skola A · läsa och skapa' in the page's language."""
    return " · ".join((token.name, token.unit or t("api_scope_org", lang),
                       t(f"api_access_{token.access}", lang)))
