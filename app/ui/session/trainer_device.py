"""The trainer's own browser stays the trainer across reloads, without a login and without the
key in the page address: a secret of that browser in a cookie, its hash on the workshop.

A reload (or the projector opened in a new tab) starts a new Streamlit session; the cookie is
sent with it, and the workshop's hashes say whether it is one of the trainer's browsers. The
cookie is written by the page itself (Streamlit cannot set one), SameSite=Strict, for
DEVICE_DAYS; `bka workshop-key ID` makes a new key and makes every such browser forget.
"""

from __future__ import annotations

import json

import streamlit as st

from app.core import trainer_key
from app.store import data_dir
from app.store.workshop_errors import WorkshopNotFound
from app.store.workshops import WorkshopStore
from app.ui.session import state

PENDING = "workshop_device_cookie"  #: (name, secret) to write into this browser on the next run


def _store() -> WorkshopStore:
    return WorkshopStore(state.store(), data_dir())


def remember(workshop_id: str) -> None:
    """This browser is the workshop's trainer from now on: a new secret, its hash kept."""
    secret = trainer_key.new_device_secret()
    try:
        _store().remember_device(workshop_id, trainer_key.device_hash(secret))
    except WorkshopNotFound:
        return
    st.session_state[PENDING] = (trainer_key.cookie_name(workshop_id), secret)


def known_workshops() -> set[str]:
    """Ids of the workshops whose trainer this browser is, by the cookies it sent."""
    try:
        cookies = dict(st.context.cookies)
    except Exception:  # noqa: BLE001 - no browser behind this run (a test, a script)
        return set()
    found = set()
    for name, secret in cookies.items():
        if not name.startswith(trainer_key.DEVICE_COOKIE_PREFIX):
            continue
        workshop_id = name.removeprefix(trainer_key.DEVICE_COOKIE_PREFIX)
        try:
            workshop = _store().get(workshop_id)
        except WorkshopNotFound:
            continue
        if trainer_key.device_known(str(secret), workshop.trainer_devices):
            found.add(workshop_id)
    return found


def write_pending_cookie() -> None:
    """Write the secret made in this session into the browser (once, then forgotten here)."""
    pending = st.session_state.pop(PENDING, None)
    if not pending:
        return
    name, secret = pending
    seconds = trainer_key.DEVICE_DAYS * 24 * 3600
    # Our own script; the name and the secret are ours (letters, digits, '-', '_'), and
    # json.dumps quotes them as JavaScript strings all the same.
    st.html(f"""<script>
document.cookie = {json.dumps(name)} + "=" + {json.dumps(secret)} +
  "; path=/; max-age={seconds}; SameSite=Strict" +
  (location.protocol === "https:" ? "; Secure" : "");
</script>""", unsafe_allow_javascript=True)
