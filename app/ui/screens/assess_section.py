"""One section of the guided page: its questions, each with its comment, the reviewer's
remarks, the articles beside it and why a change was not saved."""

from __future__ import annotations

import streamlit as st

from app.core.answer_check import WrongAnswer
from app.core.models.assessment import Answer, Assessment
from app.core.models.lifecycle import ReviewComment
from app.core.models.questionnaire import Question, Questionnaire
from app.core.text import tr
from app.services import personal_data
from app.services.standing import Standing, standing
from app.store import StoreError
from app.ui import store_errors
from app.ui.safe import md, plain
from app.ui.screens.assess_conflicts import CONFLICTS, ERRORS, editor, in_words, show_conflicts
from app.ui.screens.assess_decision import heading_anchor
from app.ui.screens.assess_save import save_answer, save_comment
from app.ui.session import state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t
from app.ui.widgets.answer_keys import ON_SCREEN, key
from app.ui.widgets.article_card import article_card
from app.ui.widgets.questions import WIDE_TYPES, Ctx, draw, warn_personal_data


def section_step(
    assessment: Assessment, q: Questionnaire, now: Standing, section_id: str, lang: str
) -> None:
    section = next(s for s in q.sections if s.id == section_id)
    number = q.sections.index(section) + 1
    st.header(f"{number}. {tr(section.title, lang)}", anchor=heading_anchor(section_id))
    if section.intro:
        st.info(tr(section.intro, lang))
    st.session_state[PAGE_RUN] = (assessment, now)
    section_part(assessment.id or "", section_id, lang)


PAGE_RUN = "section_page_run"  #: (record, standing) the page's own run read, for its section
AROUND = "section_around"  #: what the page around the open section showed (Standing.around)


@st.fragment
def section_part(aid: str, section_id: str, lang: str) -> None:
    """The section as a fragment: a change to one of its answers reruns the section alone
    (a workshop of thirty cost the server less per change, fewer elements sent per change),
    and the whole page only when the change shows around it (a section's mark, the counts,
    the missing questions, a message at the top; Standing.around).

    A click outside the section can reach the server in a run of the section alone (the
    browser sends it together with a change in the section); every callback of a widget
    outside it therefore ends with runs.whole_page(), so the click lands on the first try."""
    page_run = st.session_state.pop(PAGE_RUN, None)
    if page_run is None:  # a run of the section alone: the record as the save left it
        try:
            assessment = state.store().get(aid)
        except StoreError:  # gone or unreadable: the page says so in words
            st.rerun(scope="app")
        q = state.catalog().questionnaire(assessment.questionnaire.id)
        if q is None:
            st.rerun(scope="app")
        now = standing(assessment, q)
        if now.around() != st.session_state.get(AROUND) or state.flash_waiting():
            st.rerun(scope="app")
    else:
        assessment, now = page_run
        q = now.questionnaire
        st.session_state[AROUND] = now.around()
    section_body(assessment, q, now, section_id, lang)


def section_body(assessment: Assessment, q: Questionnaire, now: Standing, section_id: str,
                 lang: str) -> None:
    """The questions of one section, drawn from the record this run read (the callbacks that
    save have run before it)."""
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
    flagged = now.wrong  # stored answers that do not fit their questions (kept per revision)
    for question in sp.questions:
        with st.container(border=True):
            review_beside(remarks.get(question.id, []), lang)
            if question.type in WIDE_TYPES:
                question_aside(ctx, question)
                draw(ctx, question)
                comment_box(ctx, question, assessment.answers.get(question.id))
                question_notes(assessment, q, question, lang, flagged)
                continue
            left, right = st.columns([3, 2], gap="medium")
            with left:
                draw(ctx, question)
                comment_box(ctx, question, assessment.answers.get(question.id))
                question_notes(assessment, q, question, lang, flagged)
            with right:
                question_aside(ctx, question)
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


def question_aside(ctx: Ctx, question: Question) -> None:
    """Beside the question: its help and a card for each article it concerns."""
    lang = ctx.lang
    if question.help:
        st.caption(tr(question.help, lang))
    if question.articles and question.type != "impact":
        for number in question.articles:
            article = ctx.library.by_number[number]
            article_card(f"{t('article', lang)} {number}: {tr(article.title, lang)}",
                         tr(article.summary, lang), ctx.k(question, f"article{number}"))


def question_notes(assessment: Assessment, q: Questionnaire, question: Question,
                   lang: str, flagged: dict[str, WrongAnswer]) -> None:
    """Under the question's widget: a stored answer that does not fit it, why a change to it
    was not saved, and a conflict."""
    wrong = flagged.get(question.id)
    if wrong is not None:  # kept in the record, not scored: answering again fixes it
        st.warning(wrong.flagged(lang), icon="⚠️")
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
