"""The app's frame, run by the entry script (main.py) on every rerun: page setup, language,
sign-in, navigation. Each page is a render() in app/ui/screens/, given to st.Page
(app/ui/navigation/screens.py).

It lives in a module, not in the entry script itself: Streamlit compiles the entry script
(with its "magic" rewrite) wherever its bytecode is not cached (every run under AppTest), and
a module is compiled once per process.
"""

from __future__ import annotations

import streamlit as st

from app.core import access
from app.store import StoreError
from app.ui import document, kept_text, store_errors, theme
from app.ui.navigation.child import run_if_child
from app.ui.navigation.screens import PAGES, screen
from app.ui.navigation.workshop import extend as with_workshop_pages
from app.ui.navigation.workshop import page_name
from app.ui.offline import ICON, seal
from app.ui.session import (
    auth,
    runs,
    signin,
    state,
)
from app.ui.strings.i18n import t
from app.ui.widgets.answer_keys import ON_SCREEN


def main() -> None:
    seal()
    # A local file: a ":material/...:" page icon is fetched from Google's font host.
    st.set_page_config(page_title="BKA – barnkonsekvensanalys", page_icon=str(ICON),
                       layout="wide")
    lang = state.lang()
    if run_if_child(lang):  # a child's link: that page alone, nothing of the officials'
        return
    try:
        over = signin.check_session()
    except StoreError as exc:  # the logout registry cannot be read: no session is trusted
        store_errors.show(exc, lang)
        st.stop()
    if over is not None:  # logged out elsewhere, or the provider's word has expired
        # Refused here on every run whatever the cookie says; signing in again replaces it.
        # (Streamlit's own logout, called in the page's first run, left the page blank.)
        st.info(t(f"auth_session_{over}", lang))
        if st.button(t("auth_login", lang), type="primary"):
            st.login()
        st.stop()
    pages = {
        row.key: st.Page(screen(row.key), title=t(row.title, lang), icon=row.icon,
                         url_path=row.address, default=row.key == PAGES[0].key,
                         visibility="hidden" if row.hidden else "visible")
        for row in PAGES
    }
    st.session_state["pages"] = pages
    groups = {
        t("nav_group_assess", lang): [pages["overview"], pages["assess"], pages["results"],
                                      pages["voices"], pages["dashboard"]],
        t("mt_nav_group", lang): [pages["meeting"]],
        t("nav_group_library", lang): [pages["articles"], pages["data"], pages["present"]],
    }
    groups = with_workshop_pages(pages, groups, lang)  # a joined group sees only its own pages
    page = st.navigation(groups)
    # Each page its own title (the tab, the window list, what a screen reader says first).
    st.set_page_config(page_title=t("page_title", lang, page=page.title))
    theme.apply()
    document.apply(lang)
    kept_text.apply(lang)  # a box drawn anew keeps what was typed in it
    with st.sidebar:
        choice = st.segmented_control(t("language", lang), ["sv", "en"], default=lang,
                                      format_func=lambda v: {"sv": "Svenska", "en": "English"}[v],
                                      key="lang_choice",
                                      on_change=runs.whole_page)  # from any run: the page
        if choice and choice != lang:
            state.set_lang(choice)
            st.rerun()
        auth.signed_in_line(lang)  # the login mode: who acts in this tab
    name = page_name(pages, page)
    if name not in ("start", "home") and (name is None or
                            not access.may_open_page(st.session_state["identity"], name)):
        st.error(signin.refusal(lang))  # never reached through navigation: a check
        st.stop()
    try:
        page.run()
        if name != "assess":  # drawn to its end: no question's widget is on the page now
            st.session_state.pop(ON_SCREEN, None)
    except StoreError as exc:
        # Never carry on over a damaged file, a full disk or a newer folder: the store
        # refuses to write, and the page says so in words, never as a traceback.
        store_errors.show(exc, lang)
        st.stop()

