"""Barnens röster: the official opens a collection for the open assessment (link and QR code),
sees what the children answered once at least five have, records it in the assessment, and
writes the letter back to the children."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import segno
import streamlit as st

from app.core.join_codes import spaced
from app.core.models.assessment import Assessment
from app.core.models.child_collection import ChildCollection
from app.store import NotFound
from app.ui.safe import md
from app.ui.screens import voices_letter, voices_results
from app.ui.session import state
from app.ui.session import voices as voices_state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def render() -> None:
    lang = state.lang()
    state.show_flash()
    st.title(t("cv_title", lang))
    aid = state.open_id()
    workshop_state.refuse_unless_open(aid)  # also asked for by address (?id=)
    if not aid:
        st.info(t("cv_no_assessment", lang))
        return
    try:
        assessment = state.store().get(aid)
    except NotFound:
        st.warning(t("assessment_not_found", lang))
        return
    st.caption(t("cv_for", lang, title=md(assessment.decision.title)))
    st.write(t("cv_intro", lang))
    collections = voices_state.store().of_assessment(aid)
    collection = _choose(collections, lang)
    with st.expander(t("cv_new", lang), expanded=not collections):
        _new_form(assessment, lang)
    if collection is not None:
        _link(collection, lang)
        voices_results.render(assessment, collection, lang)
    voices_letter.render(assessment, lang)


def _choose(collections: list[ChildCollection], lang: str) -> ChildCollection | None:
    if len(collections) <= 1:
        return collections[0] if collections else None
    ids = [c.id for c in collections]
    by_id = {c.id: c for c in collections}
    chosen = st.selectbox(t("cv_title", lang), ids, key="cv_collection",
                          format_func=lambda i: _name(by_id[i], lang))
    return by_id.get(chosen) or collections[0]


def _name(c: ChildCollection, lang: str) -> str:
    day = c.created.date().isoformat() if c.created else ""
    return t("cv_collection", lang, date=day, group=c.group or "–")


def _places_from(assessment: Assessment) -> str:
    text = str(assessment.value("places") or "")
    parts = [p.strip(" .") for p in text.replace("\n", ";").split(";") if p.strip(" .")]
    return "\n".join(parts[:3])


def _new_form(assessment: Assessment, lang: str) -> None:
    q = voices_state.questionnaire()
    if q is None or assessment.id is None:
        return
    with st.form("cv_new_form"):
        decision = st.text_area(t("cv_decision", lang), max_chars=600,
                                help=t("cv_decision_help", lang),
                                placeholder=t("cv_decision_placeholder", lang))
        # The children's words for each place, written by the official: the assessment's own
        # description ("lekplatsen söder om Ängsvägen") is shown to start from, never asked
        # of an eight-year-old as it stands.
        adults = _places_from(assessment)
        places = st.text_area(t("cv_places", lang), help=t("cv_places_help", lang),
                              placeholder=t("cv_places_placeholder", lang))
        if adults:
            st.caption(t("cv_places_adults", lang) + " " + md(adults.replace("\n", " · ")))
        group = st.text_input(t("cv_group", lang), max_chars=80)
        language = st.segmented_control(t("cv_language", lang), ["sv", "en"], default=lang,
                                        format_func=lambda v: {"sv": "Svenska",
                                                               "en": "English"}[v])
        opened = st.form_submit_button(t("cv_open", lang), type="primary")
    if not opened:
        return
    if not decision.strip():
        st.error(t("cv_decision_empty", lang))
        return
    place_list = [p.strip() for p in places.splitlines() if p.strip()][:3]
    voices_state.store().open(ChildCollection(
        assessment_id=assessment.id, code="-", questionnaire=q.id,
        questionnaire_version=q.version, language=language or lang,
        decision_for_children=" ".join(decision.split()), places=place_list,
        group=group.strip()))
    state.flash(t("cv_opened", lang))
    st.session_state.pop("cv_collection", None)
    st.rerun()


def child_link(code: str) -> str:
    """The address children open: this server as the official reached it, with the code."""
    parts = urlsplit(st.context.url or "http://127.0.0.1:8501/")
    return f"{parts.scheme}://{parts.netloc}/?barn={code}"


def _link(collection: ChildCollection, lang: str) -> None:
    st.header(md(_name(collection, lang)))
    status = "cv_status_open" if collection.open else "cv_status_closed"
    st.write(t(status, lang) + " " + t("cv_answered", lang, n=len(collection.responses)))
    link = child_link(collection.code)
    left, right = st.columns([3, 2])
    with left:
        st.write(t("cv_link", lang))
        st.code(link, language=None)
        st.markdown(t("cv_code", lang, code=spaced(collection.code)))
        if (urlsplit(link).hostname or "") in LOCAL_HOSTS:
            st.warning(t("cv_local_warning", lang))
        _actions(collection, lang)
    with right:
        image = io.BytesIO()
        segno.make(link, error="m").save(image, kind="png", scale=8, border=2)
        st.image(image.getvalue(), caption=t("cv_qr_caption", lang), width=240)


def _actions(collection: ChildCollection, lang: str) -> None:
    assert collection.id is not None
    c1, c2 = st.columns(2)
    if c1.button(t("cv_refresh", lang), key="cv_refresh"):
        st.rerun()
    toggle = "cv_close" if collection.open else "cv_reopen"
    if c2.button(t(toggle, lang), key="cv_toggle"):
        voices_state.store().set_open(collection.id, not collection.open)
        st.rerun()
    if st.toggle(t("cv_delete", lang), key="cv_delete_ask") and st.button(
            t("cv_delete_confirm", lang), type="primary", key="cv_delete_yes"):
        voices_state.store().delete(collection.id)
        st.session_state.pop("cv_collection", None)
        st.rerun()

