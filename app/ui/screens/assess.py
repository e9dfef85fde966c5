"""The guided assessment: the decision, then the sections one at a time, saved as you go.

The page's parts: the steps and the section list (assess_steps.py), one section's questions
(assess_section.py), the saves (assess_save.py), the decision (assess_decision.py) and
changes that met another tab's (assess_conflicts.py)."""

from __future__ import annotations

import streamlit as st

from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.text import tr
from app.services.standing import standing
from app.store import NotFound
from app.ui import page_scripts
from app.ui.safe import md
from app.ui.screens.assess_conflicts import show_conflicts
from app.ui.screens.assess_decision import (
    DECISION_STEP,
    decision_step,
    heading_anchor,
    new_assessment_form,
)
from app.ui.screens.assess_section import section_step
from app.ui.screens.assess_steps import MOVED_KEY, current_step, navigation, section_list
from app.ui.session import auth, state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t
from app.ui.widgets import answer_problems
from app.ui.widgets.answer_keys import ON_SCREEN
from app.ui.widgets.attachments import attachments_panel


def render() -> None:
    lang = state.lang()
    aid = state.open_id()
    workshop_state.refuse_unless_open(aid)
    if not aid and not auth.may_create():
        st.info(t("auth_no_new", lang))  # a reviewer: no new assessments of their own
        return
    if not aid:
        new_assessment_form(lang)
        return
    try:
        assessment = state.store().get(aid)
    except NotFound:
        st.warning(t("assessment_not_found", lang))
        state.set_open(None)
        st.query_params.clear()
        new_assessment_form(lang)
        return
    state.keep_in_address("id", aid)
    q = state.catalog().questionnaire(assessment.questionnaire.id)
    if q is None:
        st.error(t("questionnaire_missing", lang, id=assessment.questionnaire.id))
        return
    st.title(md(assessment.decision.title))
    st.caption(md(f"{tr(q.title, lang)} · {t('status_' + assessment.status, lang)}"))
    guided(assessment, q, lang)


def guided(assessment: Assessment, q: Questionnaire, lang: str) -> None:
    st.session_state["editor"] = assessment.decision.official
    state.show_flash()
    now = standing(assessment, q)
    problems, sections = now.problems, list(now.sections)
    step = current_step(q)
    with st.sidebar:
        section_list(q, sections, step, lang)
    here = {question.id for s in q.sections if s.id == step for question in s.questions}
    show_conflicts(assessment, q, lang, skip=here)  # the others beside their questions
    answer_problems.draw(problems, lang)
    if step == DECISION_STEP:
        st.session_state[ON_SCREEN] = (assessment.id or "", DECISION_STEP)
        decision_step(assessment, lang)
    else:
        section_step(assessment, q, now, step, lang)
    stored = state.store().get(assessment.id or "")  # with what this run saved
    attachments_panel(stored, q, None if step == DECISION_STEP else step,
                      locked=stored.status != "draft"
                      or not workshop_state.may_change(stored.id or ""), lang=lang)
    navigation(q, sections, step, lang)
    page_scripts.autosave(lang)
    moved = st.session_state.pop(MOVED_KEY, None)
    if moved:
        page_scripts.focus_heading(heading_anchor(step), moved)
