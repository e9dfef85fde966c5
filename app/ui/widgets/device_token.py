"""A random token the child's browser keeps (localStorage), so one device gives one answer.

The token is made in the browser by crypto.getRandomValues and names nothing but the browser's
storage; the server keeps only a hash of it with the collection's code
(app/core/respondents.py). Where the browser keeps no storage (a private window, storage
switched off) the token lives as long as the session: a reload is then a new device.
"""

from __future__ import annotations

import secrets

import streamlit as st

NAME = "bka_child_device"
STATE_KEY = "child_device_token"  #: the session's copy (and the fallback without storage)
RENEW_KEY = "child_device_renew"  #: bumped by "another child on this device"

# Our own script, no user data in it: read the token, make one when there is none, or when
# the page asks for a new one (a `renew` nonce other than the one stored), and report it.
_JS = """
export default function(component) {
  const { setStateValue, data } = component;
  const KEY = "bka-child-device", RENEWED = "bka-child-device-renewed";
  const renew = String((data && data.renew) || "");
  let token = null, renewed = "";
  try {
    token = window.localStorage.getItem(KEY);
    renewed = window.localStorage.getItem(RENEWED) || "";
  } catch (e) {}
  if (!token || !/^[0-9a-f]{32}$/.test(token) || (renew && renewed !== renew)) {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    token = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    try {
      window.localStorage.setItem(KEY, token);
      window.localStorage.setItem(RENEWED, renew);
    } catch (e) {}
  }
  setStateValue("token", token);
}
"""


@st.cache_resource
def _component():  # type: ignore[no-untyped-def]
    return st.components.v2.component(NAME, js=_JS)


def device_token() -> str:
    """This browser's token: the stored one when the browser has reported it, else one for
    the session (made once, kept in session state)."""
    reported = None
    try:
        result = _component()(key="child_device", data={"renew": _renewals()},
                              on_token_change=lambda: None, height=0)
        reported = result.get("token") if hasattr(result, "get") else None
    except Exception:  # noqa: BLE001 - no browser (a page test): the session's token serves
        reported = None
    if isinstance(reported, str) and len(reported) == 32:
        st.session_state[STATE_KEY] = reported
    if not st.session_state.get(STATE_KEY):
        st.session_state[STATE_KEY] = secrets.token_hex(16)
    return str(st.session_state[STATE_KEY])


def _renewals() -> str:
    return str(st.session_state.get(RENEW_KEY, ""))


def renew() -> None:
    """Another child will answer on this device: the next render makes a new token (a new
    nonce; a reload sends none, so it keeps the token the browser holds)."""
    st.session_state[RENEW_KEY] = secrets.token_hex(8)
    st.session_state[STATE_KEY] = secrets.token_hex(16)
