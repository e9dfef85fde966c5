"""Who is using the app: the one place pages ask, so login can take over from typed names.

In local mode there is no login: the person types their name ("Ditt namn"), and it is kept
in the preferences beside the data (app/ui/session/prefs.py), so the start page can show *their*
reminders after a restart. Two people sharing one machine change the name when they switch.
When the organisation's deployment logs people in, `current_name` returns the
logged-in person's name instead and `set_name` is no longer offered.
"""

from __future__ import annotations

import streamlit as st

from app.ui.session import prefs

_KEY = "whoami_name"
PREF = "name"


def current_name() -> str:
    """The name of the person using this session ('' when not known yet): the logged-in
    person's in the login mode (app/ui/session/auth.py), else the name typed last."""
    from app.ui.session import signin  # reads the secrets; imported when asked, not at start

    person = signin.person()
    if person is not None:
        return " ".join(person.name.split())
    if _KEY not in st.session_state:
        st.session_state[_KEY] = str(prefs.load().get(PREF) or "")
    name: str = st.session_state[_KEY]
    return name


def set_name(name: str) -> None:
    """Remember the typed name for this session and the next start."""
    cleaned = " ".join(name.split())
    st.session_state[_KEY] = cleaned
    if prefs.load().get(PREF) != cleaned:
        prefs.save({**prefs.load(), PREF: cleaned})


def acting_name(label: str, key: str, help: str | None = None) -> str:
    """The field where the local mode types who acts; in the login mode no field, the
    person's signature instead, shown."""
    from app.ui.session import signin

    who = signin.person()
    if who is None:
        # The name typed last comes back, and a name typed here is kept: the start page's
        # reminders are then this person's without typing it again (app/ui/session/whoami.py).
        typed = st.text_input(label, value=current_name(), key=key, help=help)
        if typed.strip() and " ".join(typed.split()) != current_name():
            set_name(typed)
        return typed
    st.text_input(label, value=who.name, key=f"{key}:login", disabled=True, help=help)
    return who.signature
