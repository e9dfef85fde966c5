"""The page a child opens from the link or QR code: pick an age band, answer, send.

No name, account or device detail is asked for or kept; see app.core.models.child_collection.
The page shows the child only what the official wrote for children, never the assessment.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import streamlit as st

from app.core.children import Asked, asked_questions, build_response, flagged_texts, intro
from app.core.models.child_collection import MAX_TEXT, ChildCollection, ChildResponse
from app.core.models.children import ChildQuestionnaire
from app.core.respondents import AnswerRate, replaces, respondent_key
from app.core.text import tr
from app.store import StoreError
from app.store.child_collections import CollectionClosed, ResponseRefused, UnknownCollection
from app.ui import document, kept_text
from app.ui.navigation.child import child_code
from app.ui.safe import md
from app.ui.session import voices as voices_state
from app.ui.strings.i18n import t
from app.ui.widgets.child_symbols import label
from app.ui.widgets.device_token import device_token, renew

# Our own style (no user text): larger answers and questions, easier to hit and read on a
# phone for a six-year-old. Scoped to this page, which only children's sessions run.
_LARGER = """<style>
[data-testid="stRadio"] label p, [data-testid="stWidgetLabel"] p {font-size: 1.2rem;}
[data-testid="stRadio"] label {padding: 0.15rem 0;}
</style>"""
SENT_KEY = "child_sent"
PENDING_KEY = "child_pending"
FLAGGED_KEY = "child_flagged"  #: keys of the texts that look like a name, shown at each field
LANG_KEY = "child_lang"


def render() -> None:
    code = child_code() or ""
    try:
        collection = voices_state.store().by_code(code)
    except UnknownCollection:
        document.apply("sv")  # Streamlit's own words (the skip link) in Swedish too
        st.title(t("cv_child_tab", "sv"))
        st.warning(t("cv_child_unknown", "sv") + "\n\n" + t("cv_child_unknown", "en"))
        return
    except CollectionClosed:
        document.apply("sv")
        st.title(t("cv_child_tab", "sv"))
        st.info(t("cv_child_closed", "sv") + "\n\n" + t("cv_child_closed", "en"))
        return
    q = voices_state.questionnaire(collection.questionnaire)
    if q is None:
        st.error(t("cv_child_failed", "sv"))
        return
    st.html(_LARGER)
    respondent = respondent_key(collection.code, device_token())
    lang = _language(collection)
    # The children's page runs apart from the officials' frame: Streamlit's own words (the
    # skip link, a field's controls) and the page's language are set here, in the child's.
    document.apply(lang)
    kept_text.apply(lang)  # a box drawn anew keeps what the child typed in it
    st.title(md(tr(q.title, lang)))
    if st.session_state.get(SENT_KEY) == collection.code:
        st.success(md(tr(q.thanks, lang)))
        st.caption(t("cv_child_again", lang))
        if st.button(t("cv_child_another", lang), key="child_another"):
            _next_child()
        return
    st.write(md(intro(q, collection, lang)))
    st.info(md(tr(q.privacy_note, lang)), icon=":material/lock:")
    if replaces(collection, respondent):
        st.info(t("cv_child_replaces", lang), icon=":material/restart_alt:")
    band = st.radio(t("cv_child_age", lang), [b.id for b in q.age_bands], index=None,
                    horizontal=True, format_func=lambda b: tr(q.band_by_id[b].label, lang),
                    help=t("cv_child_age_help", lang), key="child_band")
    if band is None:
        return
    asked = asked_questions(q, collection, band, lang)
    _form(q, collection, band, asked, lang, respondent)


def _language(collection: ChildCollection) -> str:
    current = st.session_state.get(LANG_KEY, collection.language)
    chosen = st.segmented_control(t("cv_child_language", current), ["sv", "en"],
                                  default=current, key="child_lang_choice",
                                  format_func=lambda v: {"sv": "Svenska", "en": "English"}[v])
    lang = chosen or current
    st.session_state[LANG_KEY] = lang
    return str(lang)


def _form(q: ChildQuestionnaire, collection: ChildCollection, band: str, asked: list[Asked],
          lang: str, respondent: str) -> None:
    answers: dict[str, str | None] = {}
    texts: dict[str, str | None] = {}
    flagged_now = set(st.session_state.get(FLAGGED_KEY) or ())
    with st.form(f"child_{band}"):
        for n, a in enumerate(asked, 1):
            # The question is shown as escaped Markdown and given to the field as its plain
            # name: a screen reader says "3. Hur känns det ...", never "Ängsvägen\." The help
            # is written out under it rather than behind a small English-named button.
            st.markdown(f"**{n}. {md(a.text)}**")
            if a.question.help:
                st.caption(md(tr(a.question.help, lang)))
            name = f"{n}. {a.text}"
            if a.question.type == "text":
                texts[a.key] = st.text_area(name, max_chars=MAX_TEXT,
                                            label_visibility="collapsed",
                                            placeholder=t("cv_child_write", lang),
                                            key=f"child_t_{a.key}")
                if a.key in flagged_now:  # beside the field it concerns, worded to the buttons
                    st.warning(t("cv_child_flagged", lang, send=t("cv_child_send", lang),
                                 without=t("cv_child_send_without", lang)),
                               icon=":material/person_off:")
            else:
                levels = {lv.value: lv for lv in a.levels}
                answers[a.key] = st.radio(name, list(levels), index=None,
                                          label_visibility="collapsed",
                                          format_func=partial(_level, levels, lang),
                                          key=f"child_a_{a.key}")
        sent = st.form_submit_button(t("cv_child_send", lang), type="primary")
    if sent:
        try:
            response = build_response(q, collection, band, answers, texts, dt.date.today())
        except ValueError:  # an answer the form does not offer: a form tampered with
            st.error(t("cv_child_refused", lang))
            return
        response = response.model_copy(update={"respondent": respondent})
        flagged = flagged_texts(collection, response.texts)
        st.session_state[FLAGGED_KEY] = sorted(flagged)
        if not flagged:
            _send(q, collection, response, lang)
            return
        st.session_state[PENDING_KEY] = response
        st.rerun()  # drawn again with each warning at its own field
    pending: ChildResponse | None = st.session_state.get(PENDING_KEY)
    if pending is not None and flagged_texts(collection, pending.texts) \
            and st.button(t("cv_child_send_without", lang)):
        keep = {k: v for k, v in pending.texts.items()
                if k not in flagged_texts(collection, pending.texts)}
        _send(q, collection, pending.model_copy(update={"texts": keep}), lang)


def _level(levels: dict[str, Any], lang: str, value: str) -> str:
    return label(levels[value], lang)


@st.cache_resource
def _rate() -> AnswerRate:
    """Answers per minute per collection, for every session of this server process."""
    return AnswerRate()


def _send(q: ChildQuestionnaire, collection: ChildCollection, response: ChildResponse,
          lang: str = "sv") -> None:
    wait = _rate().take(collection.code)
    if wait:  # kept as pending: the child sends the same answers again in a moment
        st.session_state[PENDING_KEY] = response
        st.warning(t("cv_child_busy", lang, seconds=max(1, round(wait))))
        return
    try:
        voices_state.store().add_response(collection.code, response, q)
    except (UnknownCollection, CollectionClosed):
        st.info(t("cv_child_closed", "sv"))
        return
    except ResponseRefused:
        st.error(t("cv_child_refused", lang))
        return
    except StoreError:
        st.error(t("cv_child_failed", "sv"))
        return
    st.session_state.pop(PENDING_KEY, None)
    st.session_state.pop(FLAGGED_KEY, None)
    st.session_state[SENT_KEY] = collection.code
    st.rerun()


def _next_child() -> None:
    """Another child on the same device: a new token, an empty form."""
    renew()
    for key in [k for k in st.session_state if str(k).startswith(("child_a_", "child_t_"))]:
        del st.session_state[key]
    for key in (SENT_KEY, PENDING_KEY, FLAGGED_KEY, "child_band"):
        st.session_state.pop(key, None)
    st.rerun()
