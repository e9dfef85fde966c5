"""When two tabs or devices change the same answer: both versions side by side in words, the
choice of either, or free text merged; and what this tab has seen, which a save compares with."""

from __future__ import annotations

import json

import streamlit as st

from app.core.answer_text import answer_text
from app.core.models.assessment import Answer, Assessment
from app.core.models.questionnaire import Question, Questionnaire
from app.store.changes import canonical
from app.ui.safe import plain
from app.ui.session import runs, signin, state
from app.ui.strings.i18n import t
from app.ui.widgets.answer_keys import key


def seen_answers(aid: str) -> dict[str, Answer | None]:
    """The answers as this tab last showed them, by question: what a save compares with to
    tell that another tab or device changed the same answer in between."""
    seen: dict[str, Answer | None] = st.session_state.setdefault("seen", {}).setdefault(aid, {})
    return seen


#: per assessment and question: the answers this tab has sent to the store, newest last
OWN = "own_answers"
OWN_KEPT = 50  #: enough for every pause in typing of a long text; older ones no longer matter


def _fingerprint(answer: Answer | None) -> str:
    """An answer as it reads back from the store (int keys as strings), in one string."""
    dumped = None if answer is None else canonical(answer.model_dump(mode="json"))
    return json.dumps(dumped, sort_keys=True, ensure_ascii=False)


def note_own(aid: str, qid: str, answer: Answer | None) -> None:
    """Remember an answer this tab is about to write. Noted before the write: a run cut
    short by the next one (a pause in typing sends the text, and the next keystrokes' run
    starts at once) may have written it and not come back to note it as seen."""
    own: dict[str, list[str]] = st.session_state.setdefault(OWN, {}).setdefault(aid, {})
    kept = own.setdefault(qid, [])
    kept.append(_fingerprint(answer))
    del kept[:-OWN_KEPT]


def is_own(aid: str, qid: str, answer: Answer | None) -> bool:
    """Whether the store's answer is one this tab wrote itself (then no one else changed it)."""
    own = st.session_state.get(OWN, {}).get(aid, {}).get(qid, [])
    return _fingerprint(answer) in own


CONFLICTS = "conflicts"  #: question id -> the answer this tab wanted
#: question id (or the decision step) -> (message, the answer not saved, the local store's
#: details or None): a change not saved, said beside what was changed
ERRORS = "answer_errors"


def reset_widgets(aid: str, qid: str) -> None:
    """Drop a question's widget state: its next drawing starts from the stored answer."""
    prefix = key(aid, qid, "")
    for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[k]


def show_conflicts(assessment: Assessment, q: Questionnaire, lang: str, *,
                   only: set[str] | None = None, skip: set[str] | None = None) -> None:
    """Each answer that had changed in the store before this tab's change arrived: both
    versions, labelled and in words (never stored codes), in the same run as the save that
    hit it, beside the question (`only`) or, for a question not on this step, at the top.
    Free text can also be merged: both texts in one field, to edit and save."""
    conflicts: dict[str, Answer | None] = st.session_state.get(CONFLICTS, {})
    for qid, mine in list(conflicts.items()):
        question = q.questions.get(qid)
        if question is None:
            conflicts.pop(qid, None)
            continue
        if (only is not None and qid not in only) or (skip is not None and qid in skip):
            continue
        stored = assessment.answers.get(qid)
        with st.container(border=True, key=f"bka-conflict-{qid}"):
            st.warning(t("conflict", lang, number=q.numbering.get(qid, qid)))
            c1, c2 = st.columns(2)
            for column, label, answer in ((c1, "conflict_theirs", stored),
                                          (c2, "conflict_mine", mine)):
                column.caption(t(label, lang))
                column.text(plain(in_words(q, question, answer, lang)))
            # Callbacks: a click on a conflict shown above the section is kept when it
            # arrives in a run of the section alone (app/ui/session/runs.py).
            c1.button(t("conflict_keep_theirs", lang), key=f"keep_theirs:{qid}",
                      on_click=_resolve, args=(assessment.id or "", qid, stored, True))
            c2.button(t("conflict_keep_mine", lang), key=f"keep_mine:{qid}",
                      on_click=_resolve, args=(assessment.id or "", qid, mine))
            if _mergeable(question, stored, mine):
                merge_box(assessment.id or "", question, stored, mine, lang)


def in_words(q: Questionnaire, question: Question, answer: Answer | None, lang: str) -> str:
    if answer is None:
        return "–"
    words = answer_text(q, question, answer.value, lang) or "–"
    if answer.comment:
        words += f"\n{t('comment', lang)}: {answer.comment}"
    return words


def _mergeable(question: Question, stored: Answer | None, mine: Answer | None) -> bool:
    """Two texts to put together: a free-text answer, or a comment, on both sides."""
    if stored is None or mine is None:
        return False
    texts = question.type == "text" and stored.value != mine.value
    return texts or (bool(stored.comment) and bool(mine.comment) and stored.comment != mine.comment)


def merge_box(aid: str, question: Question, stored: Answer | None, mine: Answer | None,
              lang: str) -> None:
    assert stored is not None and mine is not None
    k = f"merge:{aid}:{question.id}"
    is_text = question.type == "text" and stored.value != mine.value
    if k not in st.session_state:
        both = (stored.value, mine.value) if is_text else (stored.comment, mine.comment)
        st.session_state[k] = f"{both[0] or ''}\n\n{both[1] or ''}".strip()
    st.text_area(t("conflict_merge", lang), key=k, height=160)
    st.button(t("conflict_save_merged", lang), key=f"save_merged:{question.id}",
              on_click=_save_merged, args=(aid, question.id, k, stored, is_text))


def _save_merged(aid: str, qid: str, k: str, stored: Answer, is_text: bool) -> None:
    text = str(st.session_state.get(k) or "").strip() or None
    answer = (Answer(value=text, comment=stored.comment) if is_text
              else Answer(value=stored.value, comment=text))
    st.session_state.pop(k, None)
    _resolve(aid, qid, answer)


def editor() -> str:
    """Who the history names for a change: the person logged in, or in the local mode the
    assessment's responsible official."""
    return signin.editor(str(st.session_state.get("editor", "")))


def _resolve(aid: str, qid: str, chosen: Answer | None, keep_stored: bool = False) -> None:
    """Write the chosen answer over whatever is stored now (the user saw both), or keep it."""
    if not keep_stored:
        state.store().set_answer(aid, qid, chosen, editor=editor())
    current = state.store().get(aid).answers.get(qid)
    st.session_state[CONFLICTS].pop(qid, None)
    seen_answers(aid)[qid] = current
    reset_widgets(aid, qid)  # a callback runs before the widgets: they start from the store
    runs.whole_page()
