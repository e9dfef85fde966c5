"""For trainers who write their own case: upload it here (every problem at once, with its
line), and look up the questionnaire's question ids and answer values for its rules."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from app.core.models.questionnaire import Questionnaire
from app.core.text import tr
from app.services.case_upload import check_upload, keep
from app.services.shipped import cases as shipped_cases
from app.store import data_dir
from app.ui.safe import md
from app.ui.session import state
from app.ui.strings.i18n import t
from app.ui.widgets.tables import text_table


def upload_case(lang: str) -> None:
    with st.expander(":material/upload_file: " + t("ws_upload", lang)):
        st.caption(t("ws_upload_help", lang))
        sent = st.file_uploader(t("ws_upload_field", lang), type=["yaml", "yml"],
                                key="ws_upload_file")
        if sent is None:
            return
        data = sent.getvalue()
        checked = check_upload(data, sent.name, state.catalog())
        if checked.case_keys:
            st.info(t("ws_upload_looks", lang, keys=", ".join(checked.case_keys)))
        if checked.problems:
            st.error(t("ws_upload_problems", lang, count=len(checked.problems)))
            # Each problem as plain text: file:line and the sentence (user text, never markup)
            st.code("\n".join(p.both() for p in checked.problems), language=None,
                    wrap_lines=True)
            return
        case = checked.case
        if case is None:
            return
        st.success(t("ws_upload_ok", lang, title=md(tr(case.title, lang))))
        if st.button(t("ws_upload_keep", lang), type="primary", key="ws_upload_keep"):
            keep(data, sent.name, case, data_dir())
            st.session_state["ws_case"] = case.id  # chosen in the form at once
            state.flash(t("ws_upload_kept", lang, title=tr(case.title, lang)), "toast")
            st.rerun()


def question_ids(lang: str) -> None:
    """Every question of each workshop questionnaire: id, number, type, text, answer values."""
    with st.expander(":material/list_alt: " + t("ws_ids", lang)):
        st.caption(t("ws_ids_help", lang))
        cat = state.catalog()
        # the questionnaires cases are written for first, the most used of them on top
        used = Counter(c.questionnaire for c in shipped_cases())
        order = sorted(cat.questionnaires, key=lambda qid: (-used[qid], qid))
        names = {qid: tr(cat.questionnaires[qid].title, lang) for qid in order}
        chosen = st.selectbox(t("ws_ids_pick", lang), list(names),
                              format_func=lambda i: f"{names[i]} ({i})", key="ws_ids_q")
        text_table(id_table(cat.questionnaires[chosen], lang))


def id_table(q: Questionnaire, lang: str) -> pd.DataFrame:
    rows = [{t("ws_ids_id", lang): question.id, t("ws_ids_no", lang): q.numbering[qid],
             t("ws_ids_type", lang): question.type,
             t("ws_ids_text", lang): tr(question.text, lang),
             t("ws_ids_values", lang): ", ".join(o.value for o in question.options or [])
             or (", ".join(map(str, question.articles)) if question.type == "impact" else "")}
            for qid, question in q.questions.items()]
    return pd.DataFrame(rows)
