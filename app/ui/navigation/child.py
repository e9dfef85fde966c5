"""The children's side of the navigation; main.py calls run_if_child() before anything else.

Whether a session is a child's, and what it may open, is decided in app.core.child_access;
this module only keeps the session's code and draws the one page it allows.
"""

from __future__ import annotations

import streamlit as st

from app.core.child_access import CHILD_PAGE, CODE_PARAM, may_open, session_from
from app.ui.navigation.screens import screen
from app.ui.strings.i18n import t

SESSION_KEY = "child_code"


def child_code() -> str | None:
    """This session's child code, kept once seen (the access check's Session)."""
    session = session_from(st.session_state.get(SESSION_KEY), st.query_params.get(CODE_PARAM))
    if session.child_code:
        st.session_state[SESSION_KEY] = session.child_code
    return session.child_code


def run_if_child(lang: str) -> bool:
    """For a child's session: a navigation of the children's page alone, run; True. Any other
    address a child types lands on that same page, since nothing else is in its navigation."""
    if not child_code():
        return False
    pages = {key: key for key in (CHILD_PAGE, "overview", "assess", "results", "voices")}
    allowed = [key for key in pages if may_open(session_from(child_code(), None), key)]
    assert allowed == [CHILD_PAGE], allowed  # the rule and this navigation must agree
    page = st.Page(screen("child"), title=t("cv_child_tab", lang), url_path="svara",
                   icon=":material/sentiment_satisfied:", default=True)
    st.session_state["pages"] = {CHILD_PAGE: page}
    st.navigation([page], position="hidden").run()
    return True
