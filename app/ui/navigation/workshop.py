"""The app's navigation, cut to what this session may open (app/core/access.py decides).

A session that joined a group sees only its case file, its assessment and its results; a
browser on another machine sees the join page and the trainer's page; the machine's own user
sees everything. A page left out of the navigation is also refused by address: Streamlit runs
only the pages given to st.navigation, and main.py checks the page once more.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.core import access
from app.ui.navigation.screens import screen
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t
from app.ui.widgets.countdown import countdown


def extend(pages: dict[str, Any], groups: dict[str, list[Any]],
           lang: str) -> dict[str, list[Any]]:
    """Add the Workshop and Join pages to `pages`; return the navigation this session gets."""
    identity = workshop_state.identity()
    joined = identity.group_assessment is not None
    pages["workshop"] = st.Page(screen("workshop"), title=t("ws_nav", lang),
                                icon=":material/co_present:", url_path="workshop")
    title = t("ws_nav_case", lang) if joined else t("ws_nav_join", lang)
    pages["join"] = st.Page(screen("join"), title=title, icon=":material/login:",
                            url_path="ga-med")
    st.session_state["identity"] = identity
    if identity.login and not identity.in_group:  # signed in or not: the roles decide
        from app.ui.navigation.login import navigation

        return navigation(pages, groups, identity, lang)
    if identity.group_assessment is not None:
        group = workshop_state.joined()
        if group is not None:
            with st.sidebar:  # the timer on every page of the group's, not only its start
                countdown(group.workshop.timer_ends, lang)
    if identity.restricted:
        names = access.pages(identity)
        heading = t("ws_nav_group_joined", lang) if identity.group_device else t(
            "ws_nav_group", lang)
        # A hidden first page takes "/", so that every allowed page keeps its own address.
        pages["start"] = st.Page(_start, title=t("ws_nav_join", lang),
                                 url_path="start", visibility="hidden", default=True)
        return {heading: [pages["start"], *(pages[name] for name in names)]}
    return {**groups, t("ws_nav_group", lang): [pages["workshop"], pages["join"]]}


def page_name(pages: dict[str, Any], page: Any) -> str | None:
    """The name main.py gave the page st.navigation chose."""
    return next((name for name, p in pages.items() if p is page), None)


def _start() -> None:
    """The address "/" of a session that is not this machine's user: on to the join page.

    A default page answers "/" only, so the join page has an address of its own (/ga-med),
    and a group's reload of /ga-med?kod=... finds its page instead of "page not found".
    """
    st.switch_page(st.session_state["pages"]["join"])
