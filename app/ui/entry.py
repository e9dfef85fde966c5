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
from app.ui.navigation.screens import screen
from app.ui.navigation.workshop import extend as with_workshop_pages
from app.ui.navigation.workshop import page_name
from app.ui.offline import ICON, seal
from app.ui.session import (
    auth,
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
        st.info(t(f"auth_session_{over}", lang))
        st.logout()
        st.stop()
    pages = {
        "overview": st.Page(screen("overview"), title=t("nav_overview", lang),
                            icon=":material/folder_open:", url_path="oversikt", default=True),
        "assess": st.Page(screen("assess"), title=t("nav_assess", lang),
                          icon=":material/edit_note:", url_path="analys"),
        "results": st.Page(screen("results"), title=t("nav_results", lang),
                           icon=":material/insights:", url_path="resultat"),
        "articles": st.Page(screen("articles"), title=t("nav_articles", lang),
                            icon=":material/menu_book:", url_path="artiklar"),
        "data": st.Page(screen("data"), title=t("nav_data", lang),
                        icon=":material/save:", url_path="data"),
        "voices": st.Page(screen("voices"), title=t("cv_nav", lang),
                          icon=":material/record_voice_over:", url_path="barnens-roster"),
        "dashboard": st.Page(screen("dashboard"), title=t("nav_dashboard", lang),
                             icon=":material/bar_chart:", url_path="fullmaktige"),
        "meeting": st.Page(screen("meeting"), title=t("mt_nav", lang),
                           icon=":material/groups:", url_path="mote"),
        # The projector's view: reached from a workshop or a meeting, not from the menu.
        "present": st.Page(screen("present"), title=t("pr_nav", lang),
                           icon=":material/slideshow:", url_path="visning",
                           visibility="hidden"),
        # The login mode's own pages (app/ui/navigation/login.py): never in the local mode's menu.
        "account": st.Page(screen("account"), title=t("auth_nav_account", lang),
                           icon=":material/account_circle:", url_path="konto"),
        "users": st.Page(screen("users"), title=t("auth_nav_users", lang),
                         icon=":material/manage_accounts:", url_path="anvandare"),
        "organisation": st.Page(screen("organisation"), title=t("org_nav", lang),
                                icon=":material/domain:", url_path="organisation"),
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
                                      key="lang_choice")
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

