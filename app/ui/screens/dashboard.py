"""Översikt för fullmäktige: the council's overview of every stored assessment.

Draws only: the figures are app/core/dashboard.overview's, the same as `bka dashboard`.
Every chart has its table beside it, so the figures can be read without the picture."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from app.core.dashboard import (
    DECIDED,
    STATUS_ORDER,
    Dashboard,
    Ranked,
)
from app.core.dashboard_words import counted_what, groups_csv
from app.core.numbers import count as num
from app.core.numbers import percent
from app.core.text import tr
from app.services.dashboard import Board, board
from app.ui.safe import md
from app.ui.session import auth, signin, state
from app.ui.strings.i18n import t
from app.ui.widgets.charts import bars_height, localised
from app.ui.widgets.tables import text_table


def render() -> None:
    lang = state.lang()
    st.title(t("dash_title", lang))
    st.caption(t("dash_intro", lang))
    c1, c2 = st.columns(2)
    start = c1.date_input(t("dash_from", lang), value=None, key="dash_from")
    end = c2.date_input(t("dash_to", lang), value=None, key="dash_to")
    start = start if isinstance(start, dt.date) else None
    end = end if isinstance(end, dt.date) else None
    if start and end and start > end:
        st.error(t("dash_range_wrong", lang))
        return
    c1, c2 = st.columns(2)
    statuses = c1.multiselect(t("dash_status", lang), list(STATUS_ORDER), default=list(DECIDED),
                              key="dash_status", help=t("dash_status_help", lang),
                              format_func=lambda s: t(f"status_{s}", lang))
    login = signin.configured()  # logged in: the roles' rows; locally every row
    # an administrator sees every row: counted by the database, like the local mode's user
    visible = auth.visible_rows if login and not auth.sees_every_row() else None
    everywhere = board(None, start, end, visible=visible, scope=auth.scope(),
                       statuses=None).dashboard
    names = sorted({g.committee for g in everywhere.groups if g.committee})
    chosen = c2.multiselect(t("dash_committee", lang), names, key="dash_committee",
                            placeholder=t("dash_committee_all", lang))
    shown = board(None, start, end, visible=visible, scope=auth.scope(),
                  statuses=statuses or None, committees=chosen)
    if shown.building is not None:
        building(shown, lang)
    result, skipped = shown.dashboard, shown.skipped
    if skipped:
        st.warning(t("dash_skipped", lang, count=len(skipped), ids=", ".join(skipped)))
    st.metric(t("dash_total", lang), result.total)
    st.caption(md(counted_what(result, lang)))
    if not result.total:
        st.info(t("dash_empty", lang))
        return
    committees(result, lang)
    rights(result, lang)
    findings(result, lang)
    departures(result, lang)
    overdue(result, lang)
    c1, c2 = st.columns(2)
    c1.download_button(t("dash_csv", lang), groups_csv(result, lang).encode("utf-8"),
                       file_name="bka-oversikt.csv", mime="text/csv")
    from app.report.dashboard import render_dashboard

    c2.download_button(t("dash_pdf", lang),
                       render_dashboard(result, state.catalog().library, lang),
                       file_name="bka-oversikt.pdf", mime="application/pdf")


def building(shown: Board, lang: str) -> None:
    """A build of the index under way (app/services/fact_builder.py): its progress, and what
    the figures count meanwhile. The bar moves on its own; the page counts again at the end."""
    job = shown.building
    assert job is not None

    @st.fragment(run_every=2)
    def bar() -> None:
        if not job.running and not job.error:
            st.rerun(scope="app")  # finished: count everything
        words = dict(done=num(job.done, lang), total=num(job.total, lang),
                     counted=num(shown.counted, lang))
        if job.error:
            st.warning(t("dash_build_failed", lang, error=job.error,
                         counted=words["counted"]))
            return
        key = ("dash_building_first" if job.first else
               "dash_building_catch_up" if job.catch_up else "dash_building_change")
        st.info(t(key, lang,
                  **words), icon=":material/hourglass_top:")
        st.progress(job.share, text=f"{words['done']} / {words['total']}")

    bar()


def committees(board: Dashboard, lang: str) -> None:
    st.subheader(t("dash_committees", lang))
    levels = sorted(board.level_labels)
    rows = []
    for g in board.groups:
        row = {
            t("dash_col_committee", lang): g.committee or t("dash_no_committee", lang),
            t("dash_col_year", lang): str(g.year),
            t("dash_col_count", lang): g.assessments,
            t("dash_col_screenings", lang): g.screenings,
            t("dash_col_heard", lang): "–" if g.heard_share is None
            else percent(100 * g.heard_share, lang),
            t("dash_col_departed", lang): g.departed,
            t("dash_col_follow_ups", lang): g.follow_ups,
        }
        row.update({tr(board.level_labels[k], lang): g.levels.get(k, 0) for k in levels})
        rows.append(row)
    table = pd.DataFrame(rows)
    left, right = st.columns(2)
    chart_data = pd.DataFrame({
        "label": [f"{r[t('dash_col_committee', lang)]} {r[t('dash_col_year', lang)]}"
                  for r in rows],
        "count": [r[t("dash_col_count", lang)] for r in rows]})
    left.altair_chart(localised(alt.Chart(chart_data).mark_bar().encode(
        x=alt.X("count:Q", title=t("dash_col_count", lang), axis=_counts()),
        y=alt.Y("label:N", title=None, sort=None, axis=_labels())).properties(
            height=bars_height(len(rows))),
        lang), width="stretch")
    with right:
        text_table(table)


def _articles(items: list[Ranked], lang: str) -> pd.DataFrame:
    titles = {str(a.number): tr(a.title, lang) for a in state.catalog().library.articles}
    return pd.DataFrame([{t("dash_col_article", lang): f"{r.key} {titles.get(r.key, '')}",
                          t("dash_col_times", lang): r.count} for r in items[:10]])


def _counts() -> alt.Axis:
    """An axis of counts (decisions, assessments): whole numbers only; a tick at 0,4 would
    say there can be 0,4 of a decision."""
    return alt.Axis(tickMinStep=1, format="d")


def _labels() -> alt.Axis:
    """The bars' names: Vega cuts them at 180 px by default, in practice after a dozen
    letters ("2 Lika rättigheter …") with half a wide screen free; room for the whole name
    where the chart is wide, a shorter cut on a phone (Vega's `width` is the plot's)."""
    return alt.Axis(labelLimit=alt.ExprRef("width < 300 ? 130 : 300"))


def _bars(table: pd.DataFrame, label: str, count: str, colour: str) -> alt.Chart:
    """Bars of `count` per `label`, in the table's order (most often first)."""
    return alt.Chart(table).mark_bar(color=colour).encode(
        x=alt.X(f"{count}:Q", title=count, axis=_counts()),
        y=alt.Y(f"{label}:N", title=None, sort=None, axis=_labels())).properties(
            height=bars_height(len(table)))


def rights(board: Dashboard, lang: str) -> None:
    st.subheader(t("dash_rights", lang))
    for items, title, colour in ((board.weakened, "dash_weakened", "#c2571a"),
                                 (board.strengthened, "dash_strengthened", "#2b6cb0")):
        st.markdown(f"**{t(title, lang)}**")
        if not items:
            st.caption(t("dash_none", lang))
            continue
        table = _articles(items, lang)
        left, right = st.columns(2)  # the chart, and its table beside it
        left.altair_chart(localised(_bars(table, t("dash_col_article", lang),
                                          t("dash_col_times", lang), colour), lang),
                          width="stretch")
        with right:
            text_table(table)


def findings(board: Dashboard, lang: str) -> None:
    st.subheader(t("dash_findings", lang))
    if not board.findings:
        st.caption(t("dash_none", lang))
        return
    table = pd.DataFrame([{
        t("dash_col_finding", lang): tr(r.label, lang) if r.label else r.key,
        t("dash_col_times", lang): r.count} for r in board.findings[:10]])
    left, right = st.columns(2)
    left.altair_chart(localised(_bars(table, t("dash_col_finding", lang),
                                      t("dash_col_times", lang), "#1f4e79"), lang),
                      width="stretch")
    with right:
        text_table(table)


def departures(board: Dashboard, lang: str) -> None:
    st.subheader(t("dash_departures", lang, count=len(board.departures)))
    if not board.departures:
        st.caption(t("dash_none", lang))
        return
    text_table([{
        t("dash_col_date", lang): d.date.isoformat(),
        t("dash_col_title", lang): d.title,
        t("dash_col_committee", lang): d.committee,
        t("dash_col_outcome", lang): t(f"life_outcome_{d.outcome}", lang),
        t("dash_col_departure", lang): d.departure} for d in board.departures])


def overdue(board: Dashboard, lang: str) -> None:
    st.subheader(t("dash_overdue_measures", lang, count=len(board.overdue_measures)))
    if board.overdue_measures:
        text_table([{
            t("dash_col_due", lang): o.due.isoformat(), t("dash_col_title", lang): o.title,
            t("dash_col_measure", lang): o.what, t("dash_col_who", lang): o.who}
            for o in board.overdue_measures])
    else:
        st.caption(t("dash_none", lang))
    st.subheader(t("dash_overdue_follow_ups", lang, count=len(board.overdue_follow_ups)))
    if board.overdue_follow_ups:
        text_table([{
            t("dash_col_due", lang): o.due.isoformat(), t("dash_col_title", lang): o.title,
            t("dash_col_committee", lang): o.committee} for o in board.overdue_follow_ups])
    else:
        st.caption(t("dash_none", lang))
