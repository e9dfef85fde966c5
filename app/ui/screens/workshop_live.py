"""During the workshop: the join codes, large for the projector, and each group's progress."""

from __future__ import annotations

import datetime as dt
import socket
from urllib.parse import urlsplit

import streamlit as st

from app.core.join_codes import spaced
from app.core.loading import normalise_answers
from app.core.models.workshop import Workshop
from app.core.progress import progress as section_progress
from app.store import NotFound, StoreError
from app.ui import store_errors
from app.ui.safe import md
from app.ui.session import state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t
from app.ui.widgets.countdown import countdown

PER_ROW = 3
REFRESH_SECONDS = 5
JOIN_PATH = "ga-med"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def codes(w: Workshop, lang: str) -> None:
    if w.status != "open":
        st.warning(t("ws_codes_closed", lang))
        return
    address = join_address()
    if address is None:  # the server listens on this machine only: no group can reach it
        st.markdown("## " + t("ws_codes_title", lang))  # the h2 above the groups' h3
        st.warning(t("ws_codes_start_lan", lang))
    else:
        st.markdown("## " + t("ws_codes_how", lang, address=md(address)))
        st.caption(t("ws_codes_local", lang))
    per_row = 2 if len(w.groups) <= 4 else PER_ROW  # few groups: bigger codes
    for start in range(0, len(w.groups), per_row):
        columns = st.columns(per_row)
        for column, group in zip(columns, w.groups[start:start + per_row], strict=False):
            with column.container(border=True):
                st.markdown(f"### {md(group.name)}")
                with st.container(key=f"bka-code-{group.code}"):
                    st.markdown(md(spaced(group.code)))


def join_address() -> str | None:
    """Where groups go: the address the server really listens on, or None when it listens on
    this machine only (then the page says to start it with `bka serve --lan`)."""
    listening = str(st.get_option("server.address") or "")
    if listening in LOCAL_HOSTS:
        return None
    url = urlsplit(st.context.url or "http://localhost:8501")
    port = f":{url.port}" if url.port else ""
    host = listening if listening not in ("", "0.0.0.0", "::") else url.hostname or ""
    if host in LOCAL_HOSTS or not host:
        host = lan_address() or host
    return f"{url.scheme or 'http'}://{host}{port}/{JOIN_PATH}"


def lan_address() -> str | None:
    """This machine's address on the local network, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))  # UDP: no packet is sent, an interface is picked
            address: str = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def progress(w: Workshop, lang: str) -> None:
    timer(w, lang)
    auto = st.toggle(t("ws_auto_refresh", lang, seconds=REFRESH_SECONDS), value=True,
                     key=f"ws_auto:{w.id}")
    if auto:
        _auto(w, lang)
    else:
        st.button(t("ws_refresh", lang), key=f"ws_refresh:{w.id}")
        _table(w, lang)


@st.fragment(run_every=REFRESH_SECONDS)
def _auto(w: Workshop, lang: str) -> None:
    try:
        _table(workshop_state.store().get(w.id), lang)  # fresh: the groups' states change
    except StoreError as exc:  # a fragment's rerun is outside main()'s guard
        store_errors.show(exc, lang)


def _table(w: Workshop, lang: str) -> None:
    q = state.catalog().questionnaire(w.questionnaire)
    if q is None:
        st.error(t("questionnaire_missing", lang, id=w.questionnaire))
        return
    columns = st.columns(2 if len(w.groups) > 1 else 1)  # two columns: more groups per screen
    for index, group in enumerate(w.groups):
        try:
            assessment = state.store().get(group.assessment_id)
        except NotFound:
            st.warning(t("ws_group_missing", lang, group=md(group.name)))
            continue
        values, _ = normalise_answers(assessment, q)
        sections = [s for s in section_progress(q, values) if s.visible]
        required = sum(s.required for s in sections)
        answered = sum(s.answered_required for s in sections)
        done = sum(1 for s in sections if s.done)
        with columns[index % len(columns)].container(border=True):
            st.markdown(f"## {md(group.name)}")
            # where the group says it stands: a group that left is not one still working
            mark = {"working": ":material/edit:", "done": ":material/check_circle:",
                    "left": ":material/logout:"}[group.state]
            st.markdown(f"{mark} **{t(f'ws_state_{group.state}', lang)}**")
            st.progress(answered / required if required else 0.0,
                        text=t("progress", lang, answered=answered, required=required))
            when = (assessment.updated.astimezone().strftime("%H:%M")
                    if assessment.updated and assessment.revision > 1 else "–")
            st.caption(t("ws_progress_line", lang, done=done, sections=len(sections),
                         when=when))


def timer(w: Workshop, lang: str) -> None:
    """The trainer sets the group work's end; the projector and the groups count down to it."""
    with st.container(border=True):
        left, right = st.columns([3, 2], vertical_alignment="bottom")
        minutes = left.number_input(t("ws_timer_set", lang), min_value=1, max_value=480,
                                    value=30, step=5, key=f"ws_timer_min:{w.id}",
                                    help=t("ws_timer_help", lang))
        if right.button(t("ws_timer_start", lang), key=f"ws_timer_go:{w.id}",
                        icon=":material/timer:", width="stretch"):
            ends = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=int(minutes))
            workshop_state.store().set_timer(w.id, ends)
            st.rerun()
        if w.timer_ends is not None:
            countdown(w.timer_ends, lang)
            if right.button(t("ws_timer_stop", lang), key=f"ws_timer_stop:{w.id}",
                            width="stretch"):
                workshop_state.store().set_timer(w.id, None)
                st.rerun()
