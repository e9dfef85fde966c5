"""The navigation of the login mode: the pages the person's roles open (app/core/access.py),
in the app's order, and the account page; before login only the account page (to log in)
and the join page (a workshop group needs no account)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.core import access
from app.core.access import Identity
from app.ui.strings.i18n import t

HOME_KEY = "_home_page"


def navigation(pages: dict[str, Any], groups: dict[str, list[Any]], identity: Identity,
               lang: str) -> dict[str, list[Any]]:
    allowed = set(access.pages(identity))
    names = {id(p): name for name, p in pages.items()}
    wanted = {**groups,
              t("ws_nav_group", lang): [pages["workshop"], pages["join"]],
              t("auth_nav_group", lang): [pages["users"], pages["organisation"],
                                          pages["account"]]}
    result: dict[str, list[Any]] = {}
    for heading, items in wanted.items():
        kept = [p for p in items if names.get(id(p)) in allowed]
        if kept:
            result[heading] = kept
    if "overview" not in allowed:
        # "/" belongs to the overview; without it a hidden page there sends the browser on
        # to the first page this person has (the account page before login).
        first = pages["account"] if identity.person is None or not identity.person.roles else next(
            p for items in result.values() for p in items
            if getattr(p, "visibility", "visible") != "hidden")
        st.session_state[HOME_KEY] = first
        pages["home"] = st.Page(_home, title=t("auth_nav_account", lang),
                                url_path="hem", visibility="hidden", default=True)
        result = {heading: ([pages["home"]] if i == 0 else []) + items
                  for i, (heading, items) in enumerate(result.items())}
    return result


def _home() -> None:
    """The address "/" for a person without the overview: on to their first page."""
    st.switch_page(st.session_state[HOME_KEY])
