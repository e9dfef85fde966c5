"""The guided assessment: the decision, then the sections one at a time, saved as you go."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from pydantic import ValidationError

from app.core.answers import normalise
from app.core.models.assessment import (
    ANSWER_TEXT_MAX,
    TEXT_MAX,
    Answer,
    Assessment,
)
from app.core.models.lifecycle import ReviewComment
from app.core.models.questionnaire import Question, Questionnaire
from app.core.progress import SectionProgress
from app.core.text import tr
from app.services import personal_data
from app.services.standing import Standing, standing
from app.store import AnswerConflict, Conflict, NotFound, StoreError
from app.ui import page_scripts, store_errors
from app.ui.safe import md, plain
from app.ui.screens.assess_conflicts import (
    CONFLICTS,
    ERRORS,
    editor,
    in_words,
    is_own,
    note_own,
    reset_widgets,
    seen_answers,
    show_conflicts,
)
from app.ui.screens.assess_decision import (
    DECISION_STEP,
    STEP_KEY,
    decision_step,
    heading_anchor,
    new_assessment_form,
)
from app.ui.session import auth, state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t
from app.ui.widgets.answer_keys import ON_SCREEN, key
from app.ui.widgets.attachments import attachments_panel
from app.ui.widgets.questions import WIDE_TYPES, Ctx, draw, warn_personal_data

NAV_KEY = "nav"  #: the sidebar's section list
MOVED_KEY = "step_moved"  #: set when the user opened another step: focus goes to its heading


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
    if problems:
        with st.expander(t("answers_not_matching", lang), icon="⚠️"):
            for problem in problems:
                st.text(problem.message)
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


def current_step(q: Questionnaire) -> str:
    # A page read again after an outage names its step once in the address (page_scripts).
    asked = st.query_params.get("steg")
    if asked is not None:
        del st.query_params["steg"]
        if STEP_KEY not in st.session_state:
            st.session_state[STEP_KEY] = asked.replace("-", "_")
    step = st.session_state.get(STEP_KEY) or DECISION_STEP
    if step not in {DECISION_STEP, *(s.id for s in q.sections)}:
        step = DECISION_STEP
    st.session_state[STEP_KEY] = step
    return str(step)


def go_to(step: str) -> None:
    """Open another step. Called from widget callbacks, so it takes effect in the very run the
    click starts: the section list and the buttons land on the first click."""
    st.session_state[STEP_KEY] = step
    st.session_state[NAV_KEY] = step
    moves = int(st.session_state.get("_moves", 0)) + 1  # a new number: a new focus script
    st.session_state["_moves"] = moves
    st.session_state[MOVED_KEY] = moves


def section_list(q: Questionnaire, sections: list[SectionProgress], step: str, lang: str) -> None:
    required = sum(s.required for s in sections)
    answered = sum(s.answered_required for s in sections)
    st.progress(
        answered / required if required else 1.0,
        text=t("progress", lang, answered=answered, required=required),
    )
    ids = [DECISION_STEP] + [s.id for s in q.sections]
    by_id = {s.id: s for s in sections}

    def label(section_id: str) -> str:
        if section_id == DECISION_STEP:
            return "▸ " + t("step_decision", lang)
        sp = by_id[section_id]
        title = tr(next(s.title for s in q.sections if s.id == section_id), lang)
        if not sp.visible:
            return f"– {title} ({t('skipped', lang)})"
        mark = "✓" if sp.done else "◐" if sp.answered else "○"
        return f"{mark} {title}"

    # One key for the whole session: a key that changed with the step made the radio a new
    # widget after every move, and the next click went to the old one (every second click
    # was lost).
    st.session_state[NAV_KEY] = step
    st.radio(t("sections", lang), ids, format_func=label, key=NAV_KEY,
             on_change=lambda: _nav_changed(ids, label, lang))


def _bare(shown: str, lang: str) -> str:
    """A section's name in the list without its progress mark (and "skipped" note)."""
    return shown.split(" ", 1)[-1].removesuffix(f" ({t('skipped', lang)})")


def _nav_changed(ids: list[str], label: Callable[[str], str], lang: str) -> None:
    """The section picked in the list. Streamlit reports the radio's value by its label, and
    a label's progress mark changes when an answer is saved: a value sent by the browser
    before that run's list arrived names no option and comes as the old label. It is read
    back by the section's name; the section already open is no move (the focus stays in the
    field being typed in), and a label that names no section changes nothing."""
    value = str(st.session_state[NAV_KEY])
    if value not in ids:
        value = next((i for i in ids if _bare(label(i), lang) == _bare(value, lang)), "")
    current = str(st.session_state.get(STEP_KEY) or DECISION_STEP)
    if value and value != current:
        go_to(value)
    else:
        st.session_state[NAV_KEY] = current


def section_step(
    assessment: Assessment, q: Questionnaire, now: Standing, section_id: str, lang: str
) -> None:
    section = next(s for s in q.sections if s.id == section_id)
    number = q.sections.index(section) + 1
    st.header(f"{number}. {tr(section.title, lang)}", anchor=heading_anchor(section_id))
    if section.intro:
        st.info(tr(section.intro, lang))
    section_body(assessment, q, now, section_id, lang)


def section_body(assessment: Assessment, q: Questionnaire, now: Standing, section_id: str,
                 lang: str) -> None:
    """The questions of one section, drawn from the record this run read (the callbacks that
    save have run before it). Not a fragment: a fragment's rerun that arrives after a click
    has left the page is dropped ("fragment ... does not exist anymore") and the text with
    it; and the sidebar's progress would stay stale while answering."""
    aid = assessment.id or ""
    values = dict(now.values)  # this run's copy: a widget may note a value in it (actions.py)
    sp = now.section(section_id)
    enter_section(aid, q, section_id)
    if not sp.visible:
        st.info(t("section_skipped", lang))
        return
    seen = st.session_state.setdefault("seen", {}).setdefault(aid, {})
    ctx = Ctx(
        aid,
        q,
        state.catalog().library,
        lang,
        values,
        dict(assessment.answers),
        lambda qid, value: save_answer(aid, q, qid, value),
        seen,
        locked=assessment.status != "draft" or not workshop_state.may_change(aid),
    )
    if ctx.locked:
        st.info(t("locked_complete", lang) if assessment.status != "draft" else
                t("auth_read_only", lang))
    remarks = review_remarks(assessment)
    for question in sp.questions:
        with st.container(border=True):
            review_beside(remarks.get(question.id, []), lang)
            if question.type in WIDE_TYPES:
                question_aside(q, question, lang)
                draw(ctx, question)
                comment_box(ctx, question, assessment.answers.get(question.id))
                question_notes(assessment, q, question, lang)
                continue
            left, right = st.columns([3, 2], gap="medium")
            with left:
                draw(ctx, question)
                comment_box(ctx, question, assessment.answers.get(question.id))
                question_notes(assessment, q, question, lang)
            with right:
                question_aside(q, question, lang)
    for qid, (message, *_) in st.session_state.pop(ERRORS, {}).items():  # not on this step
        st.error(f"{q.numbering.get(qid, qid)}: {message}")
    if sp.missing:
        names = ", ".join(q.numbering[m] for m in sp.missing)
        st.caption(t("missing_in_section", lang, questions=names))


def enter_section(aid: str, q: Questionnaire, section_id: str) -> None:
    """A section coming (back) on screen starts every widget from the store.

    The browser and the server each keep a widget's value; when a section leaves the page
    they forget it at different moments (a run interrupted by the next click keeps the
    server's copy, the browser drops its own and starts the widget from its default). A
    widget that came back with only one side's memory later reported that default ("no
    answer") as a change, and an answer nobody touched was erased. Dropping the server's
    copy here makes the seed set the stored value on both sides."""
    here = (aid, section_id)
    if st.session_state.get(ON_SCREEN) != here:
        ids = {qid for qid, section in q.section_of.items() if section.id == section_id}
        prefixes = tuple(key(aid, qid, "") for qid in ids)
        for k in [k for k in st.session_state
                  if isinstance(k, str) and k.startswith(prefixes)]:
            del st.session_state[k]
    st.session_state[ON_SCREEN] = here


def on_screen(aid: str, q: Questionnaire, qid: str) -> bool:
    """Whether the question's widget was on the page the browser showed: only then can a
    change to it come from the person (a change reported for a widget not on screen is a
    widget re-initialised by the browser, never something typed or clicked)."""
    shown = st.session_state.get(ON_SCREEN)
    section = q.section_of.get(qid)
    return shown is not None and section is not None and shown == (aid, section.id)
def review_remarks(assessment: Assessment) -> dict[str, list[ReviewComment]]:
    """The reviewer's standing comments by question: shown where the official answers them."""
    out: dict[str, list[ReviewComment]] = {}
    for c in assessment.review.comments:
        if c.question and not c.withdrawn_at:
            out.setdefault(c.question, []).append(c)
    return out


def review_beside(remarks: list[ReviewComment], lang: str) -> None:
    """Each review comment on this question, above it, with its replies."""
    for c in remarks:
        mark = t("life_resolved", lang, by=c.resolved_by) if c.resolved else t("life_open", lang)
        with st.container(border=True):
            st.caption(md(":material/rate_review: " + t("review_beside", lang, author=c.author,
                                                          mark=mark)))
            st.text(c.text)  # user text: never Markdown
            for r in c.replies:
                st.caption(md(f"↳ {r.author}"))
                st.text(r.text)


def comment_box(ctx: Ctx, question: Question, answer: Answer | None) -> None:
    """The question's comment, in an expander that draws its box only while it is open: a
    section of fifteen questions drew fifteen text boxes (and their buttons) that nobody saw,
    and every text box costs the server a copy of the whole session state on each rerun."""
    k = key(ctx.aid, question.id, "comment")
    comment = answer.comment if answer else None
    # Named with its question: a dozen expanders called "Kommentar" cannot be told apart.
    label = t("comment_for", ctx.lang, number=ctx.q.numbering[question.id])
    # The mark as the section came on screen: the label is part of the expander's identity,
    # and a label that changed when the comment was saved closed the box being typed in.
    marked = st.session_state.setdefault(f"{k}:mark", bool(comment))
    box = st.expander(label + (" ✎" if marked else ""), key=f"{k}:open", on_change="rerun")
    if not box.open:
        return
    if k not in st.session_state:
        st.session_state[k] = comment or ""
    with box:
        st.text_area(
            label,
            key=k,
            label_visibility="collapsed",
            disabled=ctx.locked,
            on_change=save_comment,
            args=(ctx, question.id, k),
        )
        warn_personal_data(st.session_state.get(k), ctx.lang,
                           personal_data.is_individual(ctx.q))
        if answer is not None and not ctx.locked and st.button(
                t("purge_history", ctx.lang), key=f"{k}:purge", type="tertiary",
                icon=":material/delete_history:", help=t("purge_history_help", ctx.lang)):
            try:
                personal_data.purge_history(state.store(), ctx.aid, question.id, editor())
                state.flash(t("personal_data_purged", ctx.lang))
            except StoreError as exc:
                st.error(store_errors.message(exc, ctx.lang))
                return
            st.rerun()


def question_aside(q: Questionnaire, question: Question, lang: str) -> None:
    if question.help:
        st.caption(tr(question.help, lang))
    library = state.catalog().library
    if question.articles and question.type != "impact":
        for number in question.articles:
            article = library.by_number[number]
            with st.popover(f"{t('article', lang)} {number}: {tr(article.title, lang)}"):
                st.markdown(tr(article.summary, lang))  # what st.write does with text


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


def question_notes(assessment: Assessment, q: Questionnaire, question: Question,
                   lang: str) -> None:
    """Under the question's widget: why a change to it was not saved, and a conflict."""
    refused = st.session_state.get(ERRORS, {}).pop(question.id, None)
    if refused is not None:
        message, mine, details = refused
        st.error(message)
        if mine is not None:
            st.caption(t("not_saved_value", lang))
            st.text(plain(in_words(q, question, mine, lang)))
        if details:
            with st.expander(t("store_details", lang)):
                st.code(details, language=None, wrap_lines=True)
    if question.id in st.session_state.get(CONFLICTS, {}):
        show_conflicts(assessment, q, lang, only={question.id})


def navigation(q: Questionnaire, sections: list[SectionProgress], step: str, lang: str) -> None:
    ids = [DECISION_STEP] + [s.id for s in sections if s.visible]
    position = ids.index(step) if step in ids else 0
    c1, c2, c3 = st.columns([1, 2, 1])
    if position > 0:
        c1.button("← " + t("previous", lang), use_container_width=True,
                  on_click=go_to, args=(ids[position - 1],))
    if position < len(ids) - 1:
        c3.button(t("next", lang) + " →", type="primary", use_container_width=True,
                  on_click=go_to, args=(ids[position + 1],))
    elif c3.button(t("to_results", lang) + " →", type="primary", use_container_width=True):
        st.switch_page(st.session_state["pages"]["results"])
    missing = [m for s in sections for m in s.missing]
    if missing:
        c2.caption(
            t(
                "missing_total",
                lang,
                count=len(missing),
                questions=", ".join(q.numbering[m] for m in missing[:12])
                + (" …" if len(missing) > 12 else ""),
            )
        )
