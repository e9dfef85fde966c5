"""What the Möte page's parts share: the store, the chosen team and the open meeting.

The team and the meeting also go into the address (?team=...&meeting=...), so a reload or a
bookmark on the meeting room's computer comes back to the same place.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from app.store import data_dir
from app.store.meetings import MeetingStore

TEAM_KEY = "mt:team"
OPEN_KEY = "mt:open"
VIEW_KEY = "mt:view"
SEEN_KEY = "mt:seen"


def store() -> MeetingStore:
    # Cheap to make: every handle on one folder shares that folder's lock (see locking.py).
    # The session's identity: in the login mode the store holds only the person's meetings.
    from app.ui.session import auth

    return MeetingStore(data_dir(), viewer=auth.current_identity())


def today() -> dt.date:
    return dt.date.today()


def team() -> str | None:
    current: str | None = st.session_state.get(TEAM_KEY)
    if not current and st.query_params.get("team"):
        current = st.query_params["team"]
        st.session_state[TEAM_KEY] = current
    return current


def set_team(name: str | None) -> None:
    st.session_state[TEAM_KEY] = name
    set_open(None)
    if name:
        st.query_params["team"] = name
    else:
        st.query_params.pop("team", None)


def open_id() -> str | None:
    current: str | None = st.session_state.get(OPEN_KEY)
    if not current and st.query_params.get("meeting"):
        current = st.query_params["meeting"]
        st.session_state[OPEN_KEY] = current
    return current


def set_open(meeting_id: str | None) -> None:
    """Open a meeting (or none); forget every field primed for the one open before."""
    st.session_state[OPEN_KEY] = meeting_id
    st.session_state.pop(SEEN_KEY, None)
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith("mt:f:")]:
        del st.session_state[key]
    if meeting_id:
        st.query_params["meeting"] = meeting_id
    else:
        st.query_params.pop("meeting", None)
