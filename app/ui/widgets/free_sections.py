"""Egna avsnitt: the official's own titled sections, shown with the report's choices on
Resultat. The page draws; app/services/free_sections.py writes."""

from __future__ import annotations

import streamlit as st

from app.core.models.assessment import Assessment, FreeSection
from app.core.text import tr
from app.services import free_sections
from app.store.errors import StoreError
from app.ui import store_errors
from app.ui.session import signin, state
from app.ui.strings.i18n import t

END = ""  #: placed at the end, before the appendices


def free_sections_area(assessment: Assessment, lang: str) -> None:
    with st.expander(t("own_title", lang, count=len(assessment.free_sections))):
        st.caption(t("own_intro", lang))
        places = _places(assessment, lang)
        for i, section in enumerate(assessment.free_sections):
            left, right = st.columns([5, 1])
            left.markdown(f"**{_plain(section.title)}** · {places.get(section.after, '')}")
            left.text(section.text)  # never Markdown: the text is the official's
            if right.button(t("own_remove", lang), key=f"own-remove:{i}"):
                _write(lambda i=i: free_sections.remove(state.store(), assessment, i,
                                                        _editor(assessment)), lang)
        with st.form("own-add", clear_on_submit=True):
            title = st.text_input(t("own_field_title", lang), max_chars=200)
            after = st.selectbox(t("own_field_after", lang), list(places),
                                 format_func=lambda v: places[v])
            text = st.text_area(t("own_field_text", lang), height=140)
            if st.form_submit_button(t("own_add", lang)):
                if not title.strip():
                    st.error(t("own_no_title", lang))
                    return
                section = FreeSection(title=title.strip(), text=text, after=after)
                _write(lambda: free_sections.add(state.store(), assessment, section,
                                                 _editor(assessment)), lang)


def _places(assessment: Assessment, lang: str) -> dict[str, str]:
    """Where a section can stand: after a part of the questionnaire, or at the end."""
    q = state.catalog().questionnaire(assessment.questionnaire.id)
    parts = {s.id: t("own_after", lang, number=i, title=tr(s.title, lang))
             for i, s in enumerate(q.sections if q else [], 1)}
    return {END: t("own_at_end", lang), **parts}


def _write(action: object, lang: str) -> None:
    try:
        action()  # type: ignore[operator]
    except free_sections.FrozenContent:
        st.error(t("own_frozen", lang))
        return
    except StoreError as exc:
        st.error(store_errors.message(exc, lang))
        return
    st.rerun()


def _editor(assessment: Assessment) -> str:
    return signin.editor(assessment.decision.official)


def _plain(text: str) -> str:
    """A title shown in Markdown bold, its Markdown characters escaped."""
    return "".join(f"\\{c}" if c in "\\`*_{}[]<>()#+-.!|~" else c for c in text)
