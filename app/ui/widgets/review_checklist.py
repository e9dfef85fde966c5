"""The reviewer's questions for this case, beside the findings (Resultat and the review step).

The same questions and the same review state as page 1 of the report (app/core/document/
evidence.py): what the checks cannot judge is listed, never judged here. In the review step
the reviewer confirms each question (a tick, or an answer in words) before approving; the
answers are recorded with the approval (app/services/review_approval.py).
"""

from __future__ import annotations

import streamlit as st

from app.core.document.evidence import checklist_intro, checklist_title, review_state
from app.core.models.assessment import Assessment
from app.core.models.scorecard import Scorecard
from app.core.text import tr
from app.services.review_approval import review_questions, standing_of
from app.ui.safe import md
from app.ui.session import state
from app.ui.strings.i18n import t


def draw(card: Scorecard, assessment: Assessment, lang: str) -> None:
    st.subheader(checklist_title(lang))
    if card.review:
        st.caption(md(checklist_intro(lang)))
        st.markdown("\n".join(f"- {md(tr(item.text, lang))}" for item in card.review))
    st.caption(md(review_state(assessment, lang, card.approval, card.lapsed)))


def confirm(assessment: Assessment, lang: str) -> list[tuple[bool, str]]:
    """The review step: each generated question with a tick and room for an answer; returns
    the reviewer's (ticked, words) per question, in the order shown."""
    st.subheader(checklist_title(lang))
    questions = review_questions(assessment, state.catalog())
    standing = standing_of(assessment, state.store())
    if not questions:
        st.caption(md(review_state(assessment, lang, standing.approval, standing.lapsed)))
        return []
    st.caption(md(t("review_confirm_intro", lang)))
    # Keyed on the revision read: a changed assessment asks for the questions afresh.
    base = f"rv:{assessment.id}:{assessment.revision}"
    answers = []
    with st.container(key="review_confirm"):  # one place a test or a reader can find
        for i, item in enumerate(questions):
            with st.container(border=True):
                ticked = st.checkbox(md(tr(item.text, lang)), key=f"{base}:c{i}")
                note = st.text_input(t("review_confirm_note", lang), key=f"{base}:n{i}")
            answers.append((ticked, note))
    return answers
