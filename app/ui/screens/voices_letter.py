"""The letter back to the children: edit the draft, see its LIX, download PDF or DOCX."""

from __future__ import annotations

import streamlit as st

from app.core import lix
from app.core.children_letter import LIX_TARGET, PART_KEYS, Letter, edited, heading
from app.core.document.source import ReportError
from app.core.models.assessment import Assessment
from app.report.letter import letter_pdf
from app.report.letter_docx import letter_docx
from app.services.letters import drafted, letter_for, save_edits, stored_edits, with_all_parts
from app.store import data_dir
from app.store.collection import StaleRecord
from app.ui.safe import md, plain
from app.ui.session import state
from app.ui.strings.i18n import t


def render(assessment: Assessment, lang: str) -> None:
    st.header(t("cv_letter", lang))
    st.write(t("cv_letter_intro", lang))
    letter_lang = st.segmented_control(t("cv_letter_lang", lang), ["sv", "en"],
                                       default=assessment.language, key="cv_letter_lang",
                                       format_func=lambda v: {"sv": "Svenska",
                                                              "en": "English"}[v])
    letter_lang = str(letter_lang or assessment.language)
    try:
        current = letter_for(assessment, letter_lang, data_dir())
    except ReportError as exc:
        st.error(t("cv_letter_failed", lang, detail=str(exc)))
        return
    full = with_all_parts(current, {p.key: p.text for p in current.parts})
    letter = _editor(assessment, full, letter_lang, lang)
    keys = {p.key for p in letter.parts}
    if "said" in keys and "changed" not in keys:  # heard, but not told what it changed
        st.warning(t("cv_letter_no_changed", lang))
    _readability(letter, lang)
    _downloads(assessment, letter, lang)


def _editor(assessment: Assessment, letter: Letter, letter_lang: str, lang: str) -> Letter:
    version = f"{assessment.id}-{letter_lang}-{st.session_state.get('cv_letter_version', 0)}"
    have = {p.key: p.text for p in letter.parts}
    with st.form(f"cv_letter_{version}"):
        title = st.text_input(t("cv_letter_title", lang), value=letter.title, max_chars=120)
        greeting = st.text_area(t("cv_letter_greeting", lang), value=letter.greeting,
                                height=80)
        texts = {key: st.text_area(heading(key, letter_lang, letter.decided),
                                   value=have.get(key, ""), height=140)
                 for key in PART_KEYS}
        signature = st.text_area(t("cv_letter_signature", lang), value=letter.signature,
                                 height=100)
        saved = st.form_submit_button(t("cv_letter_save", lang), type="primary")
    changed = edited(with_all_parts(letter, texts), title, greeting, texts, signature)
    # The stored edits' revision when this form was first drawn: a save carries it.
    edits = stored_edits(assessment.id or "", letter_lang, data_dir())
    based_on = st.session_state.setdefault(f"{version}:revision", edits.revision if edits else 0)
    if saved:
        try:
            save_edits(assessment, letter_lang, changed, data_dir(), expected_revision=based_on)
        except StaleRecord:
            st.error(t("cv_letter_conflict", lang))
            st.text(plain(changed.body))
            st.session_state["cv_letter_version"] = st.session_state.get(
                "cv_letter_version", 0) + 1  # the form is drawn afresh from the store
            return changed
        st.session_state["cv_letter_version"] = st.session_state.get("cv_letter_version", 0) + 1
        state.flash(t("cv_letter_saved", lang))
        st.rerun()
    if st.button(t("cv_letter_reset", lang), key="cv_letter_reset"):
        save_edits(assessment, letter_lang, drafted(assessment, letter_lang, data_dir()),
                   data_dir())
        st.session_state["cv_letter_version"] = st.session_state.get("cv_letter_version", 0) + 1
        st.rerun()
    return changed


def _readability(letter: Letter, lang: str) -> None:
    found = lix.readability(letter.prose)
    level = t(f"cv_lix_level_{lix.level(found.lix)}", lang)
    st.metric(t("cv_lix", lang), f"{found.lix:.0f} · {level}", help=t("cv_lix_help", lang))
    st.caption(t("cv_lix_counts", lang, words=found.words, sentences=found.sentences,
                 per=found.words_per_sentence, long=found.long_words))
    met = found.lix <= LIX_TARGET
    (st.success if met else st.warning)(t("cv_lix_target_met" if met else
                                          "cv_lix_target_missed", lang))
    hard = lix.hard_sentences(letter.prose)
    if hard:
        with st.expander(t("cv_long_sentences", lang) + f" ({len(hard)})"):
            for sentence in hard:
                st.markdown("- " + md(sentence))
    long = lix.long_words(letter.prose)
    if long:
        with st.expander(t("cv_long_words", lang) + f" ({len(long)})"):
            st.write(md(", ".join(long)))


def _downloads(assessment: Assessment, letter: Letter, lang: str) -> None:
    name = f"brev-till-barnen-{assessment.id}-{letter.lang}"
    c1, c2 = st.columns(2)
    # Built only when clicked (on its own thread), not on every rerun of the page.
    c1.download_button(t("cv_download_pdf", lang), lambda: letter_pdf(letter), f"{name}.pdf",
                       mime="application/pdf", key="cv_pdf", on_click="ignore")
    c2.download_button(t("cv_download_docx", lang), lambda: letter_docx(letter),
                       f"{name}.docx",
                       mime="application/vnd.openxmlformats-officedocument."
                       "wordprocessingml.document", key="cv_docx", on_click="ignore")
