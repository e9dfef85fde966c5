"""The app's entry script: page setup, language, navigation. Pages live in app/ui/pages."""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run app/ui/main.py` puts app/ui on sys.path, not the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st  # noqa: E402

from app.core import access  # noqa: E402
from app.store import StoreError  # noqa: E402
from app.ui import auth, document, state, store_errors, theme  # noqa: E402
from app.ui.answer_keys import ON_SCREEN  # noqa: E402
from app.ui.child_nav import run_if_child  # noqa: E402
from app.ui.i18n import t  # noqa: E402
from app.ui.offline import ICON, seal  # noqa: E402
from app.ui.workshop_nav import extend as with_workshop_pages  # noqa: E402
from app.ui.workshop_nav import page_name  # noqa: E402


def main() -> None:
    seal()
    # A local file: a ":material/...:" page icon is fetched from Google's font host.
    st.set_page_config(page_title="BKA – barnkonsekvensanalys", page_icon=str(ICON),
                       layout="wide")
    lang = state.lang()
    if run_if_child(lang):  # a child's link: that page alone, nothing of the officials'
        return
    try:
        over = auth.check_session()
    except StoreError as exc:  # the logout registry cannot be read: no session is trusted
        store_errors.show(exc, lang)
        st.stop()
    if over is not None:  # logged out elsewhere, or the provider's word has expired
        st.info(t(f"auth_session_{over}", lang))
        st.logout()
        st.stop()
    pages = {
        "overview": st.Page("views/overview.py", title=t("nav_overview", lang),
                            icon=":material/folder_open:", url_path="oversikt", default=True),
        "assess": st.Page("views/assess.py", title=t("nav_assess", lang),
                          icon=":material/edit_note:", url_path="analys"),
        "results": st.Page("views/results.py", title=t("nav_results", lang),
                           icon=":material/insights:", url_path="resultat"),
        "articles": st.Page("views/articles.py", title=t("nav_articles", lang),
                            icon=":material/menu_book:", url_path="artiklar"),
        "data": st.Page("views/data.py", title=t("nav_data", lang),
                        icon=":material/save:", url_path="data"),
        "voices": st.Page("views/voices.py", title=t("cv_nav", lang),
                          icon=":material/record_voice_over:", url_path="barnens-roster"),
        "dashboard": st.Page("views/dashboard.py", title=t("nav_dashboard", lang),
                             icon=":material/bar_chart:", url_path="fullmaktige"),
        "meeting": st.Page("views/meeting.py", title=t("mt_nav", lang),
                           icon=":material/groups:", url_path="mote"),
        # The projector's view: reached from a workshop or a meeting, not from the menu.
        "present": st.Page("views/present.py", title=t("pr_nav", lang),
                           icon=":material/slideshow:", url_path="visning",
                           visibility="hidden"),
        # The login mode's own pages (app/ui/login_nav.py): never in the local mode's menu.
        "account": st.Page("views/account.py", title=t("auth_nav_account", lang),
                           icon=":material/account_circle:", url_path="konto"),
        "users": st.Page("views/users.py", title=t("auth_nav_users", lang),
                         icon=":material/manage_accounts:", url_path="anvandare"),
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
        st.error(auth.refusal(lang))  # never reached through navigation: a check
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


main()
