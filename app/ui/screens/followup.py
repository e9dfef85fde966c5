"""The Resultat page's follow-up part: `Följ upp` on a decided assessment, and before beside
after on a follow-up. Draws only: the rules and the comparison are app/core/followup.py's,
the two linked writes app/services/followup.py's."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from app.core import followup, measure_facts, measure_status
from app.core.lifecycle import LifecycleRefused
from app.core.models.assessment import Assessment
from app.core.text import tr
from app.services import followup as followup_actions
from app.services.review_approval import standings
from app.store import NotFound
from app.ui.safe import md
from app.ui.session import state
from app.ui.strings.i18n import t
from app.ui.widgets.tables import text_table


def _open(assessment_id: str) -> None:
    state.set_open(assessment_id)
    st.session_state.pop("step", None)
    st.switch_page(st.session_state["pages"]["results"])


def offer(assessment: Assessment, name: str, lang: str) -> None:
    """Följ upp: available once decided; the date the assessment set says when it is due."""
    aid = assessment.id or ""
    st.markdown(f"**{t('fu_title', lang)}**")
    when = followup.due(assessment)
    today = dt.date.today()
    if when is None:
        st.caption(t("fu_no_date", lang))
    elif when < today:
        st.warning(t("fu_overdue", lang, date=when.isoformat()))
    elif when == today:
        st.info(t("fu_due_today", lang))
    else:
        st.caption(t("fu_due_later", lang, date=when.isoformat(), days=(when - today).days))
    store = state.store()
    for f in followup_actions.follow_ups_of(store, assessment):
        c1, c2 = st.columns([4, 1])
        c1.write(md(t("fu_existing", lang, created=f.created.strftime("%Y-%m-%d")
                      if f.created else "–", status=t(f"status_{f.status}", lang))))
        if c2.button(t("open", lang), key=f"fu_open:{f.id}"):
            _open(f.id or "")
    if followup_actions.open_follow_up(store, assessment) is None and st.button(
            t("fu_start", lang), key=f"fu_start:{aid}", type="primary"):
        try:
            created, _ = followup_actions.create(store, state.catalog(), aid,
                                                 " ".join(name.split()))
        except LifecycleRefused as exc:
            st.error(t(f"fu_err_{exc.code}", lang))
            return
        state.flash(t("fu_created", lang))
        state.set_open(created.id)
        st.session_state.pop("step", None)
        st.switch_page(st.session_state["pages"]["assess"])


def comparison(follow_up: Assessment, lang: str) -> None:
    """Before beside after: the original's ratings and measures next to the follow-up's."""
    st.subheader(t("fu_compare_title", lang))
    try:
        original = state.store().get(follow_up.follow_up_of or "")
    except NotFound:
        st.warning(t("fu_original_gone", lang, id=follow_up.follow_up_of or ""))
        return
    try:
        c = followup.comparison(original, follow_up, state.catalog(),
                                standings([original, follow_up], state.store()))
    except LifecycleRefused:
        st.error(t("fu_err_questionnaire_missing", lang))
        return
    st.caption(md(t("fu_compare_of", lang, title=original.decision.title,
                    status=t(f"status_{original.status}", lang))))
    if st.button(t("fu_open_original", lang), key=f"fu_orig:{follow_up.id}"):
        _open(original.id or "")
    st.caption(t("fu_compare_intro", lang))
    rows = [{
        t("fu_col_article", lang): f"{r.number} {tr(r.title, lang)}",
        t("fu_col_before", lang): f"{c.rating(r.before_short, lang)} / "
                                  f"{c.rating(r.before_long, lang)}",
        t("fu_col_after", lang): f"{c.rating(r.after_short, lang)} / "
                                 f"{c.rating(r.after_long, lang)}",
        t("fu_col_change", lang): t(f"fu_change_{r.change}", lang),
        t("fu_col_before_text", lang): r.before_children,
        t("fu_col_after_text", lang): r.after_children,
    } for r in c.rights]
    if rows:
        text_table(pd.DataFrame(rows))
    if c.measures:
        st.markdown(f"**{t('fu_measures', lang)}**")
        text_table(pd.DataFrame([{
            t("dash_col_measure", lang): m.what, t("dash_col_who", lang): m.who,
            t("dash_col_due", lang): m.due,
            t("fu_col_status", lang): measure_status.word(m.status, lang),
            t("fu_col_planned", lang): t("life_yes" if m.planned else "life_no", lang),
            t("fu_col_facts", lang): measure_facts.short(m.facts, lang, c.track) if m.facts else ""}
            for m in c.measures]))
    from app.report.followup import render_comparison

    st.download_button(t("fu_pdf", lang), render_comparison(c, lang),
                       file_name=f"uppfoljning-{follow_up.id}.pdf", mime="application/pdf",
                       key=f"fu_pdf:{follow_up.id}")
