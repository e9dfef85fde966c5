"""A workshop case as the groups read it: background, the proposal, facts, children's views.

The case texts are ours (cases/*.yaml, checked by `bka validate`), so they are rendered as
Markdown for their lists; nothing a user typed passes through here.
"""

from __future__ import annotations

import streamlit as st

from app.core.models.case import Case
from app.core.text import tr
from app.ui.strings.i18n import t

PARTS = ("background", "proposal", "facts", "children_said")


def case_facts(case: Case, lang: str, *, trainer: bool = True) -> str:
    """Level and suggested time in one line; for the trainer also the articles a good
    analysis rates (groups must find those themselves)."""
    if not trainer:
        return t("ws_case_line_group", lang, level=tr(case.level, lang),
                 minutes=case.duration_minutes)
    return t("ws_case_line", lang, level=tr(case.level, lang), minutes=case.duration_minutes,
             articles=", ".join(str(n) for n in case.key_articles))


def case_file(case: Case, lang: str) -> None:
    """The whole case file, one tab per part so a projector shows one part at a time."""
    st.header(tr(case.title, lang))
    st.write(tr(case.summary, lang))
    tabs = st.tabs([t(f"ws_case_{part}", lang) for part in PARTS])
    for tab, part in zip(tabs, PARTS, strict=True):
        with tab:
            st.markdown(tr(getattr(case, part), lang))
