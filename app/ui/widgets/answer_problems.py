"""Stored answers that do not fit their questions, named where the official works: kept in
the record and left out of the score until corrected (app/core/answer_check.py)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from app.core.errors import Problem
from app.ui.strings.i18n import t


def draw(problems: Sequence[Problem], lang: str) -> None:
    """Each problem, Swedish first with English under it, in an open panel; nothing when none."""
    if not problems:
        return
    with st.expander(t("answers_not_matching", lang), icon="⚠️", expanded=True):
        for problem in problems:
            st.text(problem.both(place=False))  # plain text: a stored value is never markup
