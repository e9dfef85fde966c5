"""The Resultat page's section on review, approval and the committee's decision.

Draws only: the rules (who may do what, in which status, what freezes) are app/core/lifecycle.py.
Names are typed: in local mode the person acting writes their name, as for the history. In
the login mode the person logged in acts (app/ui/session/auth.py), and each step is offered only to
those the access rules let take it (the official's steps, the reviewer's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from app.core import lifecycle as life
from app.core import review_comments as comments_rules
from app.core.models.assessment import Assessment
from app.core.models.lifecycle import CommitteeDecision, Outcome, ReviewComment
from app.core.models.questionnaire import Questionnaire
from app.core.text import tr
from app.services import review_approval
from app.store import Conflict
from app.ui.safe import md
from app.ui.screens.followup import comparison as followup_comparison
from app.ui.screens.followup import offer as followup_offer
from app.ui.session import auth, state, whoami
from app.ui.strings.i18n import t
from app.ui.widgets import post_box, review_checklist, stale
from app.ui.widgets.tables import text_table

OUTCOMES: tuple[Outcome, ...] = ("as_proposed", "changed", "sent_back", "rejected")
Change = Callable[[Assessment], Assessment]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _when(at: dt.datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M") if at else "–"


def render(assessment: Assessment, q: Questionnaire, lang: str) -> None:
    aid = assessment.id or ""
    if assessment.follow_up_of:  # a follow-up: before beside after, while it is written too
        followup_comparison(assessment, lang)
    if assessment.status == "draft" and not assessment.lifecycle and not assessment.review.comments:
        return  # nothing has happened yet; completing it comes first
    st.subheader(t("life_title", lang))
    refused = st.session_state.pop(stale.KEY + aid, None)
    state.show_once([("error", refused)] if refused else [])  # above the name and the boxes
    name = whoami.acting_name(t("life_name", lang), key=f"life_name:{aid}",
                            help=t("life_name_help", lang))
    official, reviewer = auth.may_change_here(assessment), auth.may_review_here(assessment)
    frozen(assessment, lang)
    review_record(assessment, lang)
    decision_record(assessment, lang)
    status = assessment.status
    if status == "complete" and official:
        send(assessment, name, lang)
    if status == "in_review" and (official or reviewer):
        comments(assessment, q, name, lang, reviewer)
        if reviewer:
            verdict(assessment, name, lang, review_checklist.confirm(assessment, lang))
    elif assessment.review.comments and (official or reviewer):
        comments(assessment, q, name, lang, reviewer)  # after a return: answered in the draft
    if status == "approved" and official:
        decide(assessment, name, lang)
    if status == "decided" and official and st.button(t("mark_followed_up", lang),
                                                      key=f"life_fu:{aid}"):
        _apply(assessment, lambda a: life.mark_followed_up(a, name, _now()), name, lang)
    if not assessment.follow_up_of and assessment.status in ("decided", "followed_up") \
            and official:
        followup_offer(assessment, name, lang)
    if "reopen" in life.allowed(assessment) and official:
        reopen(assessment, name, lang)
    log(assessment, lang)


def _apply(assessment: Assessment, change: Change, name: str, lang: str,
           done: str = "life_saved", clears: tuple[str, ...] = ()) -> None:
    """Check the step on the copy shown, then apply it to the stored copy under the lock;
    the text boxes `clears` are emptied once their text is stored (app/ui/widgets/post_box.py)."""
    try:
        change(assessment)
    except life.LifecycleRefused as exc:
        st.error(t(f"life_err_{exc.code}", lang, detail=exc.detail))
        return
    try:
        # Based on the revision shown: a step taken on a page older than the record (an
        # approval of answers changed since they were read) is refused and explained.
        state.store().update(assessment.id or "", change, editor=" ".join(name.split()),
                             expected_revision=assessment.revision)
    except life.LifecycleRefused as exc:  # someone else took a step in between
        st.error(t(f"life_err_{exc.code}", lang, detail=exc.detail))
        return
    except Conflict as exc:  # said where the step was taken, over the stored record
        st.session_state[stale.KEY + (assessment.id or "")] = stale.message(exc, None, lang)
        st.rerun()
    post_box.posted(clears)
    state.flash(t(done, lang))
    st.rerun()


def frozen(assessment: Assessment, lang: str) -> None:
    if not life.is_frozen(assessment):
        st.caption(t(f"life_status_{assessment.status}", lang))
        return
    digest = assessment.review.content_hash
    st.success(t("life_frozen", lang, hash=life.short_hash(digest)), icon=":material/lock:")
    st.code(digest, language=None)
    if not life.frozen_intact(assessment):
        st.error(t("life_err_hash_mismatch", lang, detail=""))


def review_record(assessment: Assessment, lang: str) -> None:
    r = assessment.review
    if r.reviewer and assessment.status == "in_review":
        st.info(md(t("life_in_review", lang, reviewer=r.reviewer, by=r.requested_by,
                     at=_when(r.requested_at))))
    if r.outcome:
        key = "life_approved_by" if r.outcome == "approved" else "life_returned_by"
        st.write(md(t(key, lang, by=r.decided_by, at=_when(r.decided_at))))
        if r.comment:
            st.caption(md(r.comment))


def decision_record(assessment: Assessment, lang: str) -> None:
    d = assessment.committee_decision
    if d is None:
        return
    rows = [
        (t("life_dec_date", lang), d.date.isoformat()),
        (t("life_dec_paragraph", lang), d.paragraph or "–"),
        (t("life_dec_outcome", lang), t(f"life_outcome_{d.outcome}", lang)),
        (t("life_dec_departs", lang), t("life_yes" if d.departs else "life_no", lang)),
        (t("life_dec_departure", lang), d.departure or "–"),
        (t("life_dec_protocol", lang), d.protocol or "–"),
        (t("life_dec_recorded", lang), f"{d.recorded_by} · {_when(d.recorded_at)}"),
    ]
    st.markdown(f"**{t('life_dec_title', lang)}**")
    text_table(pd.DataFrame(rows, columns=[t("life_field", lang), t("life_value", lang)]))


def send(assessment: Assessment, name: str, lang: str) -> None:
    aid = assessment.id or ""
    reviewer = auth.reviewer_input(t("life_reviewer", lang), f"life_reviewer:{aid}", assessment,
                                   lang)
    if st.button(t("life_send", lang), key=f"life_send:{aid}", type="primary"):
        _apply(assessment, lambda a: life.send_for_review(a, reviewer, name, _now()), name,
               lang, "life_sent")


def _question_label(q: Questionnaire, qid: str, lang: str) -> str:
    if not qid:
        return t("life_whole", lang)
    question = q.questions.get(qid)
    text = tr(question.text, lang) if question is not None else ""
    number = q.numbering.get(qid, qid)
    return f"{number} {text}".strip()


def comments(assessment: Assessment, q: Questionnaire, name: str, lang: str,
             reviewer: bool = True) -> None:
    aid = assessment.id or ""
    items = assessment.review.comments
    open_count = len(life.unresolved(assessment))
    st.markdown(f"**{t('life_comments', lang, count=len(items), open=open_count)}**")
    for c in items:
        comment(assessment, q, c, name, lang)
    if assessment.status != "in_review" or not reviewer:
        return
    with st.container(border=True):
        qids = ["", *q.numbering]
        question = st.selectbox(t("life_comment_question", lang), qids,
                                format_func=lambda v: _question_label(q, v, lang),
                                key=f"life_cq:{aid}")
        box = post_box.prepare(f"life_ct:{aid}")
        text = st.text_area(t("life_comment_text", lang), key=box)
        if st.button(t("life_comment_add", lang), key=f"life_cadd:{aid}"):
            _apply(assessment, lambda a: life.add_comment(a, question or "", text, name, _now()),
                   name, lang, clears=(box,))


def comment(assessment: Assessment, q: Questionnaire, c: ReviewComment, name: str,
            lang: str) -> None:
    aid = assessment.id or ""
    with st.container(border=True):
        if c.withdrawn_at:
            mark = t("life_withdrawn", lang, at=_when(c.withdrawn_at))
        elif c.resolved:
            mark = t("life_resolved", lang, by=c.resolved_by)
        else:
            mark = t("life_open", lang)
        edited = f" · {t('life_edited', lang, at=_when(c.edited_at))}" if c.edited_at else ""
        st.caption(md(f"{_question_label(q, c.question, lang)} · {c.author} · {_when(c.at)} · "
                      f"{mark}{edited}"))
        st.text(c.text)  # user text: never Markdown
        if c.earlier:
            with st.expander(t("life_earlier", lang, count=len(c.earlier))):
                for old in c.earlier:
                    st.caption(md(_when(old.at)))
                    st.text(old.text)
        for r in c.replies:
            st.caption(md(f"↳ {r.author} · {_when(r.at)}"))
            st.text(r.text)
        if comments_rules.may_change(assessment, c, name):
            own(assessment, c, name, lang)
        if c.resolved or c.withdrawn_at or life.is_frozen(assessment):
            return
        box = post_box.prepare(f"life_rt:{aid}:{c.id}")
        answer = st.text_input(t("life_reply", lang), key=box)
        c1, c2 = st.columns(2)
        if c1.button(t("life_reply_send", lang), key=f"life_rs:{aid}:{c.id}"):
            _apply(assessment, lambda a: life.reply(a, c.id, answer, name, _now()), name, lang,
                   clears=(box,))
        if c2.button(t("life_resolve", lang), key=f"life_res:{aid}:{c.id}"):
            _apply(assessment, lambda a: life.resolve(a, c.id, name, _now()), name, lang)


def own(assessment: Assessment, c: ReviewComment, name: str, lang: str) -> None:
    """The author's change or withdrawal of their own comment, until the approval."""
    aid = assessment.id or ""
    with st.popover(t("life_change_own", lang)):
        box = post_box.prepare(f"life_et:{aid}:{c.id}", c.text)
        if box not in st.session_state:
            st.session_state[box] = c.text
        text = st.text_area(t("life_comment_edit", lang), key=box)
        c1, c2 = st.columns(2)
        if c1.button(t("life_edit_save", lang), key=f"life_es:{aid}:{c.id}"):
            _apply(assessment, lambda a: comments_rules.edit_comment(a, c.id, text, name,
                                                                    _now()),
                   name, lang, clears=(box,))
        if c2.button(t("life_withdraw", lang), key=f"life_wd:{aid}:{c.id}"):
            _apply(assessment, lambda a: comments_rules.withdraw_comment(a, c.id, name, _now()),
                   name, lang, clears=(box,))


def verdict(assessment: Assessment, name: str, lang: str,
            answers: list[tuple[bool, str]]) -> None:
    aid = assessment.id or ""
    box = post_box.prepare(f"life_vc:{aid}")
    words = st.text_area(t("life_verdict_comment", lang), key=box)
    c1, c2 = st.columns(2)
    if c1.button(t("life_approve", lang), key=f"life_ok:{aid}", type="primary"):
        approve(assessment, name, words, answers, lang, clears=(box,))
    if c2.button(t("life_return", lang), key=f"life_back:{aid}"):
        _apply(assessment, lambda a: life.return_to_official(a, name, words, _now()), name,
               lang, "life_returned", clears=(box,))


def approve(assessment: Assessment, name: str, words: str, answers: list[tuple[bool, str]],
            lang: str, clears: tuple[str, ...]) -> None:
    """The approval and its record in this installation (app/services/review_approval.py):
    what lifts the level to the top, on the revision the reviewer read."""
    try:
        life.approve(assessment, name, words, _now())  # said here before anything is written
        review_approval.approve(state.store(), assessment.id or "", name, words, answers,
                                state.catalog(), _now(), expected_revision=assessment.revision)
    except life.LifecycleRefused as exc:
        st.error(t(f"life_err_{exc.code}", lang, detail=exc.detail))
        return
    except Conflict as exc:
        st.session_state[stale.KEY + (assessment.id or "")] = stale.message(exc, None, lang)
        st.rerun()
    post_box.posted(clears)
    state.flash(t("life_approved", lang))
    st.rerun()


def decide(assessment: Assessment, name: str, lang: str) -> None:
    aid = assessment.id or ""
    with st.container(border=True):
        st.markdown(f"**{t('life_dec_title', lang)}**")
        date = st.date_input(t("life_dec_date", lang), key=f"life_dd:{aid}",
                             value=assessment.decision.decision_date or dt.date.today())
        boxes = tuple(post_box.prepare(f"life_{k}:{aid}") for k in ("dp", "dh", "dr"))
        paragraph = st.text_input(t("life_dec_paragraph", lang), key=boxes[0])
        outcome = st.selectbox(t("life_dec_outcome", lang), OUTCOMES, key=f"life_do:{aid}",
                               format_func=lambda v: t(f"life_outcome_{v}", lang))
        departs = st.checkbox(t("life_dec_departs", lang), key=f"life_dx:{aid}")
        departure = st.text_area(t("life_dec_departure", lang), key=boxes[1])
        protocol = st.text_input(t("life_dec_protocol", lang), key=boxes[2])
        if st.button(t("life_dec_save", lang), key=f"life_ds:{aid}", type="primary"):
            record = CommitteeDecision(
                date=date if isinstance(date, dt.date) else dt.date.today(),
                paragraph=paragraph.strip(), outcome=outcome, departs=departs,
                departure=departure.strip(), protocol=protocol.strip())
            _apply(assessment, lambda a: life.record_decision(a, record, name, _now()), name,
                   lang, "life_decided", clears=boxes)


def reopen(assessment: Assessment, name: str, lang: str) -> None:
    aid = assessment.id or ""
    why = ""
    if life.is_frozen(assessment):
        why = st.text_area(t("life_reopen_why", lang), key=post_box.prepare(f"life_why:{aid}"),
                           help=t("life_reopen_help", lang, min=life.MIN_REASON_CHARS))
    if st.button(t("reopen", lang), key=f"life_reopen:{aid}"):
        who = name if name.strip() else assessment.decision.official
        _apply(assessment, lambda a: life.reopen(a, who, why, _now()), who, lang,
               "life_reopened", clears=(f"life_why:{aid}",))


def log(assessment: Assessment, lang: str) -> None:
    if not assessment.lifecycle:
        return
    with st.expander(t("life_log", lang, count=len(assessment.lifecycle))):
        rows = [{
            t("history_when", lang): _when(e.at),
            t("history_who", lang): e.by,
            t("life_log_step", lang): t(f"life_action_{e.action}", lang),
            t("life_log_reason", lang): e.reason,
            t("life_log_hash", lang): life.short_hash(e.content_hash),
        } for e in reversed(assessment.lifecycle)]
        text_table(rows)
