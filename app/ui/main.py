"""The app's entry script: page setup, language, navigation. Pages live in app/ui/pages."""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run app/ui/main.py` puts app/ui on sys.path, not the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st  # noqa: E402

from app.store import StoreCorrupted  # noqa: E402
from app.ui import state  # noqa: E402
from app.ui.i18n import t  # noqa: E402
from app.ui.workshop_nav import extend as with_workshop_pages  # noqa: E402


def main() -> None:
    st.set_page_config(page_title="BKA – barnkonsekvensanalys",
                       page_icon=":material/child_care:", layout="wide")
    lang = state.lang()
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
        "dashboard": st.Page("views/dashboard.py", title=t("nav_dashboard", lang),
                             icon=":material/bar_chart:", url_path="fullmaktige"),
        "meeting": st.Page("views/meeting.py", title=t("mt_nav", lang),
                           icon=":material/groups:", url_path="mote"),
    }
    st.session_state["pages"] = pages
    groups = {
        t("nav_group_assess", lang): [pages["overview"], pages["assess"], pages["results"],
                                      pages["dashboard"]],
        t("mt_nav_group", lang): [pages["meeting"]],
        t("nav_group_library", lang): [pages["articles"], pages["data"]],
    }
    groups = with_workshop_pages(pages, groups, lang)  # a joined group sees only its own pages
    page = st.navigation(groups)
    with st.sidebar:
        choice = st.segmented_control(t("language", lang), ["sv", "en"], default=lang,
                                      format_func=lambda v: {"sv": "Svenska", "en": "English"}[v],
                                      key="lang_choice")
        if choice and choice != lang:
            state.set_lang(choice)
            st.rerun()
    try:
        page.run()
    except StoreCorrupted as exc:
        # Never carry on over a damaged file: the store refuses to write, and so do we.
        st.error(t("store_corrupted", lang))
        st.code(str(exc), language=None)
        st.stop()


main()
