"""The legal rules for the area the official picked, drawn under a law-check question.

What applies is decided in the core (app/core/law.py); this module only draws it. The rules are
our own text from law/, but they still go through `md` so that no character is read as markup.
"""

from __future__ import annotations

import streamlit as st

from app.core.law import chosen_areas, cited
from app.core.models.law import LawLibrary
from app.core.models.questionnaire import Question, Questionnaire
from app.core.text import tr
from app.ui.safe import md
from app.ui.strings.i18n import t


def draw_law(law: LawLibrary | None, q: Questionnaire, question: Question,
             values: dict[str, object], lang: str) -> None:
    """The rules of the chosen areas (and of every decision), one line per rule."""
    if law is None or question.law is None:
        return
    areas = chosen_areas(law, question, dict(values))
    with st.expander(t("law_rules", lang), expanded=True):
        if all(area.always for area in areas):
            number = q.numbering.get(question.law.source, question.law.source)
            st.caption(md(t("law_pick_area", lang, question=number)))
        for area in areas:
            st.markdown(f"**{md(tr(area.title, lang))}**")
            for rule in area.rules:
                strength = law.strength[rule.strength]
                st.markdown(
                    f"- **{md(cited(law, rule, lang))}** · *{md(tr(strength.label, lang))}*  \n"
                    f"  {md(tr(rule.applies, lang))}: {md(tr(rule.requires, lang))}"
                )
        st.caption(md(t("law_status_note", lang)))
