"""The guided page's saves: one answer or one comment written as the person changed it, with
what was not saved and why kept beside its question."""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import ValidationError

from app.core.answers import normalise
from app.core.models.assessment import ANSWER_TEXT_MAX, TEXT_MAX, Answer
from app.core.models.questionnaire import Questionnaire
from app.services import personal_data
from app.store import AnswerConflict, Conflict, StoreError
from app.ui import store_errors
from app.ui.screens.assess_conflicts import (
    CONFLICTS,
    ERRORS,
    editor,
    is_own,
    note_own,
    reset_widgets,
    seen_answers,
)
from app.ui.session import state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t
from app.ui.widgets.answer_keys import ON_SCREEN
from app.ui.widgets.questions import Ctx


def on_screen(aid: str, q: Questionnaire, qid: str) -> bool:
    """Whether the question's widget was on the page the browser showed: only then can a
    change to it come from the person (a change reported for a widget not on screen is a
    widget re-initialised by the browser, never something typed or clicked)."""
    shown = st.session_state.get(ON_SCREEN)
    section = q.section_of.get(qid)
    return shown is not None and section is not None and shown == (aid, section.id)


def save_answer(aid: str, q: Questionnaire, qid: str, value: Any) -> None:
    """Save one answer, keeping its comment. If another tab changed this very answer since
    this tab showed it, nothing is written and the user chooses (see show_conflicts)."""
    try:
        normalised = normalise(q.questions[qid], value)
    except ValueError as exc:
        _refused(aid, qid, str(exc), None)
        return
    if not on_screen(aid, q, qid):
        return
    seen = seen_answers(aid)
    before = seen.get(qid)
    comment = before.comment if before else None
    _write(aid, qid, normalised, comment, before, q)


def save_comment(ctx: Ctx, qid: str, widget_key: str) -> None:
    if not on_screen(ctx.aid, ctx.q, qid):
        return
    seen = seen_answers(ctx.aid)
    before = seen.get(qid, ctx.answers.get(qid))
    value = before.value if before else None
    _write(ctx.aid, qid, value, st.session_state.get(widget_key) or None, before, ctx.q)


def _refused(aid: str, qid: str, message: str, mine: Answer | None,
             details: str | None = None) -> None:
    """A change not saved: the widget goes back to the stored answer (the page never shows
    what the store does not hold), and beside the question the message and what was not
    saved, so nothing typed is lost from sight."""
    st.session_state.setdefault(ERRORS, {})[qid] = (message, mine, details)
    reset_widgets(aid, qid)


def _write(aid: str, qid: str, value: Any, comment: str | None, before: Answer | None,
           q: Questionnaire | None = None) -> None:
    lang = state.lang()
    try:
        answer = None if value is None and not comment else Answer(value=value, comment=comment)
    except ValidationError as exc:  # beyond the length an answer or a comment may have
        in_comment = exc.errors()[0]["loc"][:1] == ("comment",)
        _refused(aid, qid, t(
            "text_too_long", lang,
            field=t("comment_text" if in_comment else "answer_text", lang),
            # counts: the strings' filler writes them the language's way (app/core/wording.py)
            limit=TEXT_MAX if in_comment else ANSWER_TEXT_MAX,
            length=len(comment or "") if in_comment else len(str(value))),
            Answer.model_construct(value=value, comment=comment))
        return
    if not workshop_state.may_save() or not workshop_state.may_change(aid):
        _refused(aid, qid, t("workshop_closed_no_save", lang), answer)
        return
    note_own(aid, qid, answer)
    try:
        try:
            state.store().set_answer(aid, qid, answer, editor=editor(), expected=before)
        except AnswerConflict as exc:
            # The answer in between is this tab's own (a run that wrote it was cut short
            # before it noted it as seen): nobody else changed it, so this change goes on.
            if not is_own(aid, qid, exc.stored_answer):
                raise
            state.store().set_answer(aid, qid, answer, editor=editor(),
                                     expected=exc.stored_answer)
    except Conflict:
        # The whole answer this tab wanted, comment included: a comment typed in a conflict
        # was lost when only the value was kept. The widget shows the stored answer; both
        # are shown beside it.
        st.session_state.setdefault(CONFLICTS, {})[qid] = answer
        reset_widgets(aid, qid)
        return
    except StoreError as exc:  # a full disk, a damaged file: said beside the question
        _refused(aid, qid, store_errors.message(exc, lang), answer,
                 store_errors.details(exc))
        return
    seen_answers(aid)[qid] = answer
    try:  # personal data corrected away: its earlier values leave the history too
        if personal_data.purge_if_corrected(state.store(), aid, qid, before, answer, editor(),
                                            personal_data.is_individual(q)):
            state.flash(t("personal_data_purged", lang))
    except StoreError as exc:
        _refused(aid, qid, store_errors.message(exc, lang), None, store_errors.details(exc))
