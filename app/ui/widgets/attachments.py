"""The assessment's attached files (underlag): add one with a title and what it concerns,
see each with its size and checksum, download it, remove it. The page draws; the checks and
the access rules are app/services/attachments.py's and app/core/attachments.py's.

Files are offered only as downloads (Content-Disposition: attachment), never shown in the
page: an uploaded HTML or SVG could otherwise run in the app's origin (neither is accepted,
and a download is the rule for every kind regardless).
"""

from __future__ import annotations

import streamlit as st

from app.core import attachments as rules
from app.core.access import AccessRefused
from app.core.file_sizes import size_text
from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.text import tr
from app.services.attachments import Attachments
from app.store import StoreError
from app.store.layout import data_dir
from app.ui import store_errors
from app.ui.safe import md, user
from app.ui.session import auth, runs, signin, state
from app.ui.strings.i18n import t

BASIS = ""  #: "concerns": the knowledge basis as a whole


def editor() -> str:
    """Who the history names (as the answers' saves do, app/ui/screens/assess_conflicts)."""
    return signin.editor(str(st.session_state.get("editor", "")))


def service() -> Attachments:
    return Attachments(state.store(), data_dir())


def attachments_panel(assessment: Assessment, q: Questionnaire, section_id: str | None,
                      locked: bool, lang: str) -> None:
    """Under each step: the list, and (unless locked) the form to attach a file to the
    knowledge basis or to one of this step's questions."""
    aid = assessment.id or ""
    # Its contents (a form with a file field) drawn only while open: on every change of an
    # answer the page sent them, folded away, to every browser. A keyed expander keeps its
    # own open state; the count in its label is part of its identity, so the panel a file
    # was just attached in or removed from starts open (att_open_).
    panel = st.expander(f"{t('att_title', lang)} ({len(assessment.attachments)})",
                        expanded=bool(st.session_state.get(f"att_open_{aid}")),
                        key=f"att_panel_{aid}", on_change=runs.whole_page)
    if not panel.open:
        return
    with panel:
        st.caption(t("att_intro", lang, file_max=rules.mb(rules.FILE_MAX),
                     total_max=rules.mb(rules.ASSESSMENT_MAX)))
        for message, kind in st.session_state.pop(f"att_messages_{aid}", []):
            (st.success if kind == "ok" else st.warning if kind == "warn" else st.error)(
                message)
        _listing(assessment, q, locked, lang)
        if locked:
            st.info(t("att_locked", lang))
        else:
            _add_form(assessment, q, section_id, lang)


def _listing(assessment: Assessment, q: Questionnaire, locked: bool, lang: str) -> None:
    aid = assessment.id or ""
    if not assessment.attachments:
        st.caption(t("att_none", lang))
        return
    svc = service()
    for n, a in enumerate(assessment.attachments):
        with st.container(border=True):
            question = q.questions.get(a.question) if a.question else None
            concerns = (f"{q.numbering.get(a.question, '')} {tr(question.text, lang)}"
                        if question else t("att_basis", lang))
            st.markdown(f"**{md(a.title)}**  \n{t('att_concerns', lang)}: {md(concerns)}")
            st.caption(t("att_row", lang, filename=md(a.filename),
                         size=size_text(a.size), sha=a.sha256))
            st.caption(t("att_added_by", lang, when=f"{a.added:%Y-%m-%d %H:%M}",
                         who=user(a.added_by) or "–"))
            if a.personal_data:
                st.warning(_personal(a.personal_data, lang))
            left, right = st.columns([1, 1])
            with left:
                try:
                    data = svc.read(auth.current_identity(), assessment, a.sha256)
                except StoreError:
                    st.caption(t("att_missing", lang))
                else:
                    st.download_button(t("att_download", lang), data=data,
                                       file_name=a.filename, mime=a.media_type,
                                       key=f"att_dl_{aid}_{n}", on_click="ignore")
            if not locked:
                with right:
                    st.button(t("att_remove", lang), key=f"att_rm_{aid}_{n}",
                              on_click=_remove, args=(aid, a.sha256, a.title, lang))


def _personal(kinds: list[str], lang: str) -> str:
    return t("att_personal", lang, kinds=", ".join(t(f"att_kind_{k}", lang) for k in kinds))


def _add_form(assessment: Assessment, q: Questionnaire, section_id: str | None,
              lang: str) -> None:
    aid = assessment.id or ""
    section = next((s for s in q.sections if s.id == section_id), None)
    options = [BASIS] + ([x.id for x in section.questions] if section else [])
    with st.form(f"att_form_{aid}", clear_on_submit=True):
        upload = st.file_uploader(t("att_file", lang), type=rules.EXTENSIONS,
                                  max_upload_size=rules.FILE_MAX // rules.MB,
                                  key=f"att_file_{aid}")
        title = st.text_input(t("att_name", lang), max_chars=200,
                              help=t("att_name_help", lang), key=f"att_name_{aid}")
        concerns = st.selectbox(
            t("att_concerns", lang), options, key=f"att_concerns_{aid}",
            format_func=lambda qid: t("att_basis", lang) if qid == BASIS else
            f"{q.numbering.get(qid, '')} {tr(q.questions[qid].text, lang)}")
        submitted = st.form_submit_button(t("att_add", lang))
    if not submitted:
        return
    messages = st.session_state.setdefault(f"att_messages_{aid}", [])
    st.session_state[f"att_open_{aid}"] = True
    if upload is None:
        messages.append((t("att_pick_file", lang), "error"))
        st.rerun()
    svc, who = service(), auth.current_identity()
    try:
        svc.check_size(who, aid, int(upload.size))  # before the bytes are read
        added = svc.add(who, aid, upload.name, upload.getvalue(), title=title,
                        question=concerns or "", editor=editor())
    except rules.AttachmentRefused as exc:
        messages.append((t(f"att_refused_{exc.code}", lang, **exc.values), "error"))
    except AccessRefused:
        messages.append((t("att_refused_access", lang), "error"))
    except StoreError as exc:
        messages.append((store_errors.message(exc, lang), "error"))
    else:
        a = added.attachment
        messages.append((t("att_added", lang, title=md(a.title),
                           size=size_text(a.size)), "ok"))
        if a.personal_data:
            messages.append((_personal(a.personal_data, lang), "warn"))
    st.rerun()


def _remove(aid: str, sha256: str, title: str, lang: str) -> None:
    messages = st.session_state.setdefault(f"att_messages_{aid}", [])
    st.session_state[f"att_open_{aid}"] = True
    try:
        service().remove(auth.current_identity(), aid, sha256, editor())
    except AccessRefused:
        messages.append((t("att_refused_access", lang), "error"))
    except StoreError as exc:
        messages.append((store_errors.message(exc, lang), "error"))
    else:
        messages.append((t("att_removed", lang, title=md(title)), "ok"))
