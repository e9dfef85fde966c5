"""Möte: a team takes one article per meeting, notes what it means for its work, and sees over
the year which articles it has covered.

The page's parts: meeting_record (the open meeting), meeting_actions, meeting_history,
meeting_fields (save as you type) and meeting_common (store, team, open meeting).
"""

from __future__ import annotations

import streamlit as st

from app.core.meetings import Suggestion, coverage, suggest, team_key
from app.core.models.article import ArticleLibrary
from app.core.models.meeting import Meeting
from app.core.text import tr
from app.store.meetings import MeetingNotFound
from app.ui.safe import md
from app.ui.screens import meeting_common as common
from app.ui.screens import meeting_history, meeting_record
from app.ui.session import state
from app.ui.strings.i18n import t

DRAFTS_SHOWN = 3
OTHER_KEY = "mt:other"


def render() -> None:
    lang = state.lang()
    library = state.catalog().library
    state.show_flash()
    team = common.team()
    if not team:
        st.title(t("mt_title", lang))
        st.write(t("mt_intro", lang))
        team_chooser(lang, None)
        return
    with st.sidebar:
        team_chooser(lang, team)
    meeting = _open_meeting(team, lang)
    st.session_state.setdefault(common.VIEW_KEY, "meeting")  # callbacks set it, not default=
    view = st.segmented_control(
        t("mt_view", lang), ["meeting", "history"], key=common.VIEW_KEY, required=True,
        label_visibility="collapsed", format_func=lambda v: t(f"mt_view_{v}", lang))
    if view == "history":
        st.title(md(team))
        meeting_history.render(team, lang, library)
    elif meeting is not None:
        meeting_record.render(meeting, library.by_number[meeting.article], lang)
    else:
        start(team, lang, library)


def team_chooser(lang: str, current: str | None) -> None:
    """Pick a known team, or name a new one (which is kept once it holds a meeting)."""
    if current is None:
        st.caption(t("mt_team_first", lang))
        if not common.store().teams():
            _new_team_form(lang)  # nothing to pick from yet: no empty half of the page
            return
        left, right = st.columns(2, gap="large")
        with left:
            _known_teams(lang, None)
        with right:
            _new_team_form(lang)
        return
    _known_teams(lang, current)
    with st.expander(t("mt_team_other", lang)):
        _new_team_form(lang)


def _known_teams(lang: str, current: str | None) -> None:
    known = common.store().teams()
    if current and team_key(current) not in {team_key(k) for k in known}:
        known = [current, *known]
    if not known:
        return
    index = next((i for i, k in enumerate(known)
                  if current and team_key(k) == team_key(current)), None)
    picked = st.selectbox(t("mt_team_pick", lang), known, index=index,
                          placeholder=t("mt_team_placeholder", lang))
    if picked and (current is None or team_key(picked) != team_key(current)):
        common.set_team(picked)
        st.rerun()


def _new_team_form(lang: str) -> None:
    with st.form("mt:new-team", clear_on_submit=True, border=False):
        name = st.text_input(t("mt_team_new", lang), placeholder=t("mt_team_new_placeholder", lang))
        used = st.form_submit_button(t("mt_team_use", lang), type="primary")
    if used:
        if not name.strip():
            st.error(t("mt_team_empty", lang))
            return
        common.set_team(" ".join(name.split()))
        st.rerun()


def start(team: str, lang: str, library: ArticleLibrary) -> None:
    """No meeting open: the suggested article, any other, and meetings left unfinished."""
    st.title(md(team))
    st.caption(t("mt_title", lang))
    meetings = common.store().of_team(team)
    unfinished(meetings, lang, library)
    suggestion = suggest(library, meetings, team)
    suggestion_card(suggestion, meetings, team, lang, library)
    other_article(suggestion, meetings, team, lang, library)


def suggestion_card(s: Suggestion, meetings: list[Meeting], team: str, lang: str,
                    library: ArticleLibrary) -> None:
    article = library.by_number[s.article]
    with st.container(border=True):
        st.caption(t("mt_suggest_title", lang))
        star = f" ★ {t('mt_principle', lang)}" if article.principle else ""
        st.header(f"{t('mt_article', lang, number=s.article)}: {tr(article.title, lang)}{star}")
        st.write(tr(article.summary, lang))
        st.caption(_reason(s, meetings, team, lang, library))
        st.button(t("mt_take_suggestion", lang, number=s.article), type="primary",
                  icon=":material/play_arrow:", on_click=_start, args=(team, s.article, lang))


def _reason(s: Suggestion, meetings: list[Meeting], team: str, lang: str,
            library: ArticleLibrary) -> str:
    if s.reason == "longest_ago":
        last = coverage(meetings, team)[s.article][-1]
        return t("mt_reason_longest_ago", lang, date=last.isoformat())
    if s.reason == "principle":
        return t("mt_reason_principle", lang)
    cluster = next((c for c in library.clusters if c.id == s.cluster), None)
    return t("mt_reason_not_covered", lang, cluster=tr(cluster.title, lang) if cluster else "–")


def other_article(s: Suggestion, meetings: list[Meeting], team: str, lang: str,
                  library: ArticleLibrary) -> None:
    covered = coverage(meetings, team)
    numbers = [a.number for a in library.articles]

    def label(n: int) -> str:
        article = library.by_number[n]
        star = " ★" if article.principle else ""
        done = f" ({t('mt_covered_mark', lang, date=covered[n][-1].isoformat())})" \
            if n in covered else ""
        return f"{n}. {tr(article.title, lang)}{star}{done}"

    with st.container(border=True):
        left, right = st.columns([4, 2], vertical_alignment="bottom")
        left.selectbox(t("mt_other_article", lang), numbers, format_func=label,
                       index=numbers.index(s.article), key=OTHER_KEY)
        right.button(t("mt_start_with", lang), on_click=_start_chosen, args=(team, lang),
                     width="stretch")


def unfinished(meetings: list[Meeting], lang: str, library: ArticleLibrary) -> None:
    drafts = [m for m in meetings if m.status == "draft"][:DRAFTS_SHOWN]
    if not drafts:
        return
    st.markdown(f"**{t('mt_drafts', lang)}**")
    for m in drafts:
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.write(f"{m.date.isoformat()} · {t('mt_article', lang, number=m.article)}: "
                   f"{tr(library.by_number[m.article].title, lang)}")
        right.button(t("mt_resume", lang), key=f"mt:resume:{m.id}", on_click=_resume,
                     args=(m.id,), width="stretch")


def _start(team: str, article: int, lang: str) -> None:
    store, today = common.store(), common.today()
    # A double click, or a second laptop starting the same meeting, joins today's record
    # instead of making a twin.
    same = [m for m in store.of_team(team) if m.date == today and m.article == article]
    if same:
        common.set_open(same[0].id)
    else:
        created = store.create(Meeting(date=today, team=team, article=article,
                                       language="en" if lang == "en" else "sv"))
        common.set_open(created.id)
    st.session_state[common.VIEW_KEY] = "meeting"


def _start_chosen(team: str, lang: str) -> None:
    # Read at click time: the selection may have changed since the button was drawn.
    chosen = st.session_state.get(OTHER_KEY)
    if isinstance(chosen, int):
        _start(team, chosen, lang)


def _resume(meeting_id: str) -> None:
    common.set_open(meeting_id)
    st.session_state[common.VIEW_KEY] = "meeting"


def _open_meeting(team: str, lang: str) -> Meeting | None:
    meeting_id = common.open_id()
    if not meeting_id:
        return None
    try:
        meeting = common.store().get(meeting_id)
    except MeetingNotFound:
        st.warning(t("mt_gone", lang))
        common.set_open(None)
        return None
    if team_key(meeting.team) != team_key(team):
        common.set_open(None)  # a meeting of another team is never shown under this one
        return None
    return meeting
