"""The reviewer's questions for this case, beside the findings (Resultat and the review step).

The same questions and the same review state as page 1 of the report (app/core/document/
evidence.py): what the checks cannot judge is listed, never judged here.
"""

from __future__ import annotations

import streamlit as st

from app.core.document.evidence import checklist_intro, checklist_title, review_state
from app.core.loading import normalise_answers
from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import Scorecard
from app.core.scoring import decision_text, score
from app.core.text import tr
from app.ui.safe import md
from app.ui.session import state


def draw(card: Scorecard, assessment: Assessment, lang: str) -> None:
    st.subheader(checklist_title(lang))
    if card.review:
        st.caption(md(checklist_intro(lang)))
        st.markdown("\n".join(f"- {md(tr(item.text, lang))}" for item in card.review))
    st.caption(md(review_state(assessment, lang)))


def draw_for(assessment: Assessment, q: Questionnaire, lang: str) -> None:
    """The list for the review step, which has the assessment but not its scorecard."""
    values, _ = normalise_answers(assessment, q)
    d = assessment.decision
    cat = state.catalog()
    card = score(q, values, cat.library, decision_text(d.title, d.description),
                 d.decision_date, cat.law, cat.references)
    draw(card, assessment, lang)
