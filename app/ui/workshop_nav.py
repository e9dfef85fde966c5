"""The workshop pages in the app's navigation; main.py calls extend().

A session that joined a group sees only its case file, its assessment and its results: the
overview, the other pages and the trainer's page are not in its navigation at all, so neither
a link nor a typed address reaches them.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.ui import workshop_state
from app.ui.i18n import t


def extend(pages: dict[str, Any], groups: dict[str, list[Any]],
           lang: str) -> dict[str, list[Any]]:
    """Add the Workshop and Join pages to `pages`; return the navigation to show: everything
    plus the workshop pages, or only a joined group's three pages."""
    joined = workshop_state.joined()
    pages["workshop"] = st.Page("views/workshop.py", title=t("ws_nav", lang),
                                icon=":material/co_present:", url_path="workshop")
    title = t("ws_nav_case", lang) if joined else t("ws_nav_join", lang)
    pages["join"] = st.Page("views/join.py", title=title, icon=":material/login:",
                            url_path="ga-med")
    if joined is not None:
        return {t("ws_nav_group_joined", lang): [pages["join"], pages["assess"], pages["results"]]}
    if st.session_state.get(workshop_state.ENDED_KEY):
        # The trainer closed the workshop under this group: show why, on the only page left,
        # rather than dropping the group into the official's pages mid-sentence.
        return {t("ws_nav_group_joined", lang): [pages["join"]]}
    return {**groups, t("ws_nav_group", lang): [pages["workshop"], pages["join"]]}
