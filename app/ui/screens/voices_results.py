"""What the children answered (nothing under five), and recording it in the assessment."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.core.children import MIN_GROUP, Count, Results, results
from app.core.children_participation import VIEWS_EFFECT, participation_answers
from app.core.models.assessment import Answer, Assessment
from app.core.models.child_collection import ChildCollection
from app.core.models.children import ChildQuestionnaire
from app.core.text import tr
from app.store import AnswerConflict, AnswerRefused
from app.ui.safe import md, plain
from app.ui.session import signin, state
from app.ui.session import voices as voices_state
from app.ui.strings.i18n import t
from app.ui.widgets import stale
from app.ui.widgets.tables import text_table


def render(assessment: Assessment, collection: ChildCollection, lang: str) -> None:
    q = voices_state.questionnaire(collection.questionnaire)
    if q is None:
        return
    st.header(t("cv_results", lang))
    found = results(q, collection, lang)
    if not found.shown:
        st.info(t("cv_too_few", lang, n=found.answered, min=MIN_GROUP))
    else:
        _counts(q, found, lang)
        _quotes(found, lang)
    _record(assessment, q, collection, found, lang)
    _views_effect(assessment, lang)


def _counts(q: ChildQuestionnaire, found: Results, lang: str) -> None:
    for count in found.counts:
        st.markdown(f"**{md(count.text)}**")
        text_table(_table(q, count, found, lang))


def _table(q: ChildQuestionnaire, count: Count, found: Results, lang: str) -> pd.DataFrame:
    """Rows are the answers; columns all children, then each age band (or "too few")."""
    rows = []
    for level in count.levels:
        row = {t("cv_answer", lang): tr(level.label, lang),
               t("cv_all", lang): count.total.get(level.value, 0)}
        for band in q.age_bands:
            shown = count.by_band.get(band.id)
            row[tr(band.label, lang)] = (str(shown.get(level.value, 0)) if shown is not None
                                         else t("cv_band_too_few", lang))
        rows.append(row)
    return pd.DataFrame(rows).astype(str)


def _quotes(found: Results, lang: str) -> None:
    if not found.quotes and not found.held_back:
        return
    st.header(t("cv_quotes", lang))
    for question, quotes in found.quotes.items():
        st.markdown(f"**{md(question)}**")
        for quote in quotes:
            st.markdown("> " + md(quote))
    if found.held_back:
        st.caption(t("cv_held_back", lang, n=found.held_back))


def _record(assessment: Assessment, q: ChildQuestionnaire, collection: ChildCollection,
            found: Results, lang: str) -> None:
    st.header(t("cv_record", lang))
    official_q = state.catalog().questionnaire(assessment.questionnaire.id)
    if not found.shown or official_q is None:
        st.caption(t("cv_record_needs", lang))
        return
    st.caption(t("cv_record_help", lang))
    if st.button(t("cv_record", lang), type="primary", key="cv_record"):
        answers = participation_answers(official_q, assessment, q, collection, found, lang)
        try:
            for qid, answer in answers.items():
                # Over the answer this page was drawn with, never over a newer one unseen.
                state.store().set_answer(assessment.id or "", qid, answer,
                                         editor=signin.editor(assessment.decision.official),
                                         expected=assessment.answers.get(qid))
        except AnswerConflict as exc:
            st.session_state[stale.KEY + "cv"] = t(
                "cv_record_conflict", lang,
                number=official_q.numbering.get(exc.question_id, exc.question_id))
            st.rerun()
        except AnswerRefused as exc:  # which question and what is wrong, in words
            st.session_state[stale.KEY + "cv"] = exc.in_words(lang)
            st.rerun()
        state.flash(t("cv_recorded", lang))
        st.rerun()
    refused = st.session_state.pop(stale.KEY + "cv", None)
    if refused:
        st.error(refused)


def _views_effect(assessment: Assessment, lang: str) -> None:
    before = str(assessment.value(VIEWS_EFFECT) or "")
    with st.form("cv_views_effect"):
        text = st.text_area(t("cv_views_effect", lang), value=before,
                            help=t("cv_views_effect_help", lang), height=140)
        saved = st.form_submit_button(t("cv_save", lang))
    if saved and text != before:
        old = assessment.answers.get(VIEWS_EFFECT)
        answer = Answer(value=text.strip() or None, comment=old.comment if old else None)
        try:
            state.store().set_answer(assessment.id or "", VIEWS_EFFECT,
                                     answer if text.strip() else None,
                                     editor=signin.editor(assessment.decision.official),
                                     expected=old)
        except AnswerConflict as exc:  # both texts, the stored one first, nothing lost
            st.error(t("cv_views_conflict", lang))
            c1, c2 = st.columns(2)
            c1.caption(t("conflict_theirs", lang))
            c1.text(plain(str(exc.stored_answer.value if exc.stored_answer else "–")))
            c2.caption(t("conflict_mine", lang))
            c2.text(plain(text))
            return
        state.flash(t("cv_saved", lang))
        st.rerun()
