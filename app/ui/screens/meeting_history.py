"""A team's history: the 54 articles as a grid, the meetings by date, the actions still open."""

from __future__ import annotations

import datetime as dt
from html import escape

import streamlit as st

from app.core.meeting_period import in_period, period_csv
from app.core.meetings import OpenAction, coverage, open_actions
from app.core.models.article import ArticleLibrary
from app.core.models.meeting import Meeting
from app.core.text import tr
from app.report.meeting_period import render_period
from app.report.naming import slug
from app.store.meetings import MeetingNotFound
from app.ui.safe import md
from app.ui.screens import meeting_common as common
from app.ui.session import state
from app.ui.strings.i18n import t
from app.ui.widgets.tables import text_table

GRID_CSS = """<style>
.mt-grid { display: grid; grid-template-columns: repeat(9, 1fr); gap: 4px; max-width: 46rem; }
.mt-cell { border-radius: 4px; padding: 0.45rem 0; text-align: center; font-size: 1.05rem;
           background: #f1f1ec; color: #5b5b57; border: 1px solid #e2e2dc; }
.mt-done { background: #2f6f4e; color: #ffffff; font-weight: 700; border-color: #2f6f4e; }
</style>"""


def render(team: str, lang: str, library: ArticleLibrary) -> None:
    meetings = common.store().of_team(team)
    if not meetings:
        st.info(t("mt_history_empty", lang))
        return
    covered = coverage(meetings, team)
    actions = open_actions(meetings, team, common.today())
    figures(meetings, covered, actions, lang)
    st.header(t("mt_coverage", lang))
    st.html(grid(library, covered, lang))
    st.caption(t("mt_grid_caption", lang))
    with st.expander(t("mt_covered_list", lang)):
        for number, days in covered.items():
            title = tr(library.by_number[number].title, lang)
            st.text(f"{number:>2}  {title}: {', '.join(d.isoformat() for d in days)}")
    meeting_list(meetings, lang, library)
    open_action_list(actions, lang)
    period_export(team, meetings, lang, library)


def period_export(team: str, meetings: list[Meeting], lang: str,
                  library: ArticleLibrary) -> None:
    """A period's meetings as PDF and CSV, for the team's annual report."""
    st.header(t("mt_period", lang))
    st.caption(t("mt_period_help", lang))
    c1, c2 = st.columns(2)
    start = c1.date_input(t("mt_period_from", lang), value=None, key="mt:period-from")
    end = c2.date_input(t("mt_period_to", lang), value=None, key="mt:period-to")
    start = start if isinstance(start, dt.date) else None
    end = end if isinstance(end, dt.date) else None
    if start and end and start > end:
        st.error(t("mt_period_wrong", lang))
        return
    chosen = in_period(meetings, team, start, end)
    st.caption(t("mt_period_count", lang, count=len(chosen)))
    name = f"{slug(team, 'team')}_{start or 'start'}_{end or 'idag'}"
    d1, d2 = st.columns(2)
    d1.download_button(t("mt_period_pdf", lang), icon=":material/picture_as_pdf:",
                       data=lambda: render_period(team, chosen, library, lang, start, end),
                       file_name=f"moten_{name}.pdf", mime="application/pdf",
                       on_click="ignore", disabled=not chosen)
    d2.download_button(t("mt_period_csv", lang), icon=":material/table:",
                       data=lambda: period_csv(chosen, library, lang).encode("utf-8"),
                       file_name=f"moten_{name}.csv", mime="text/csv", on_click="ignore",
                       disabled=not chosen)


def figures(meetings: list[Meeting], covered: dict[int, list[dt.date]],
            actions: list[OpenAction], lang: str) -> None:
    c1, c2, c3 = st.columns(3)
    c1.metric(t("mt_meetings_count", lang), len(meetings))
    c2.metric(t("mt_covered_count", lang), t("mt_covered_of", lang, count=len(covered)))
    overdue = sum(a.overdue for a in actions)
    c3.metric(t("mt_open_count", lang), len(actions),
              delta=t("mt_overdue_count", lang, count=overdue) if overdue else None,
              delta_color="inverse", delta_arrow="off")


def grid(library: ArticleLibrary, covered: dict[int, list[dt.date]], lang: str) -> str:
    """Articles 1-54 as nine equal squares a row; covered ones dark green with a tick, so
    the state never rests on colour alone. Only our own text: numbers, titles, dates."""
    cells = []
    for article in library.articles:
        n = article.number
        tip = f"{t('mt_article', lang, number=n)}: {tr(article.title, lang)}"
        if n in covered:
            tip += f" ({t('mt_covered_mark', lang, date=covered[n][-1].isoformat())})"
        marks = ("★" if article.principle else "") + (" ✓" if n in covered else "")
        state_class = "mt-cell mt-done" if n in covered else "mt-cell"
        cells.append(f'<div class="{state_class}" role="listitem" title="{escape(tip)}" '
                     f'aria-label="{escape(tip)}">{n}{marks}</div>')
    return f'{GRID_CSS}<div class="mt-grid" role="list">{"".join(cells)}</div>'


def meeting_list(meetings: list[Meeting], lang: str, library: ArticleLibrary) -> None:
    st.header(t("mt_meetings", lang))
    rows = [{
        t("mt_col_date", lang): m.date.isoformat(),
        t("mt_col_article", lang): f"{m.article} · {tr(library.by_number[m.article].title, lang)}",
        t("mt_col_people", lang): ", ".join(m.participants) or (
            str(m.participant_count) if m.participant_count else "–"),
        t("mt_col_actions", lang): f"{len(m.actions)} ({_open_count(m)})",
        t("mt_col_status", lang): t(f"mt_status_{m.status}", lang),
    } for m in meetings]
    text_table(rows)
    ids = [m.id for m in meetings]
    by_id = {m.id: m for m in meetings}
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    left.selectbox(t("mt_open_pick", lang), ids, key="mt:pick",
                   format_func=lambda i: f"{by_id[i].date.isoformat()} · "
                   f"{t('mt_article', lang, number=by_id[i].article)}: "
                   f"{tr(library.by_number[by_id[i].article].title, lang)}")
    right.button(t("mt_open", lang), on_click=_open_picked, width="stretch")


def _open_count(m: Meeting) -> int:
    return sum(a.status == "open" and bool(a.what.strip()) for a in m.actions)


def _open_picked() -> None:
    picked = st.session_state.get("mt:pick")
    if picked:
        common.set_open(picked)
        st.session_state[common.VIEW_KEY] = "meeting"


def open_action_list(actions: list[OpenAction], lang: str, heading: str = "mt_open_actions",
                     empty: str = "mt_no_open_actions") -> None:
    """Open actions, each ticked off where it stands; the meeting view shows the ones it
    carries over from earlier meetings with the same rows."""
    st.header(t(heading, lang))
    if not actions:
        st.caption(t(empty, lang))
        return
    st.caption(t("mt_open_actions_help", lang))
    for item in actions:
        a = item.action
        st.checkbox(md(a.what), value=False, key=f"mt:oa:{item.meeting_id}:{a.id}",
                    on_change=_mark_done, args=(item.meeting_id, a.id))
        due = t("mt_due_on", lang, date=a.due.isoformat()) if a.due else t("mt_no_due", lang)
        meta = t("mt_action_meta", lang, who=a.who or t("mt_nobody", lang), due=due,
                 date=item.meeting_date.isoformat(), article=item.article)
        late = f":red-background[**{t('mt_overdue', lang)}**] " if item.overdue else ""
        st.caption(late + md(meta))


def _mark_done(meeting_id: str, action_id: str) -> None:
    try:
        common.store().set_part(meeting_id, ("action", action_id, "status"), "done",
                                check=False)
    except (LookupError, MeetingNotFound):
        state.flash(t("mt_action_gone", state.lang()), "warning")
