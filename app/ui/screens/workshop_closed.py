"""After the workshop closes: a group reads its own analysis and takes it along as a PDF.

Read only: the group's code found its closed workshop; nothing can be saved any more (the
store refuses a closed workshop's writes through may_save), and only this group's work shows.
"""

from __future__ import annotations

import streamlit as st

from app.core.answer_text import answer_text
from app.core.loading import normalise_answers
from app.core.text import tr
from app.report.formats import render_as
from app.report.naming import slug
from app.store.errors import NotFound
from app.ui.safe import md
from app.ui.session import state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t


def own_work(lang: str) -> None:
    code = st.session_state.get(workshop_state.CLOSED_OWN_KEY)
    found = workshop_state.store().closed_group(code) if code else None
    if found is None:
        return
    workshop, group = found
    try:
        assessment = state.store().get(group.assessment_id)
    except NotFound:
        return
    q = state.catalog().questionnaire(assessment.questionnaire.id)
    if q is None:
        return
    st.header(t("ws_closed_own", lang) + " · " + md(group.name), anchor=False)
    st.caption(t("ws_closed_own_help", lang))
    st.download_button(t("ws_closed_pdf", lang), icon=":material/picture_as_pdf:",
                       data=lambda: render_as(assessment, ".pdf", lang=lang,
                                              catalog=state.catalog()),
                       file_name=f"{slug(workshop.title, 'workshop')}_{slug(group.name, 'grupp')}"
                       ".pdf", mime="application/pdf", on_click="ignore", key="ws_closed_pdf")
    values, _ = normalise_answers(assessment, q)
    library = state.catalog().library
    for qid, question in q.questions.items():
        given = values.get(qid)
        if question.type == "impact" and isinstance(given, dict):
            # one line per article, as the comparison shows them
            lines = [f"{t('article', lang)} {n} {tr(library.by_number[int(n)].title, lang)}: "
                     + answer_text(q, question, entry, lang) for n, entry in given.items()]
            shown = "\n\n".join(lines)
        else:
            shown = answer_text(q, question, given, lang) if given is not None else ""
        if not shown:
            continue
        st.markdown(f"**{q.numbering[qid]} {md(tr(question.text, lang))}**")
        st.markdown(md(shown))
