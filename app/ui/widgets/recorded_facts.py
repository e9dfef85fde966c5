"""Resultat's list of the structured facts the checks read (who interpreted, the latest talk,
a guideline), beside the findings and the reviewer's questions: the same list as page 1 of the
report (app/core/fact_list.py). It draws; the list is decided in core."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.core import fact_list
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import Scorecard
from app.ui.safe import md


def draw(q: Questionnaire, values: dict[str, Any], card: Scorecard, lang: str) -> None:
    pairs = fact_list.fact_pairs(q, values, card.visible, lang)
    if not pairs:
        return
    st.subheader(fact_list.title(lang))
    empty = fact_list.not_answered(lang)
    st.markdown("\n".join(f"- {md(label)} **{md(value or empty)}**" for label, value in pairs))
