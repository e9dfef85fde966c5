"""Text boxes that post: emptied after their text is stored.

A keyed Streamlit widget keeps its value in session state across reruns, and after a rerun
the browser shows that value again: a comment box still holds the comment just posted, so
the next comment is typed after it and stored with the old text glued in front. A widget's
value cannot be set once the widget is drawn in a run (Streamlit refuses), so a successful post
only marks the box, and the next run empties it before drawing it.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

_MARK = "_post_box_clear:"


def prepare(key: str, fresh: str = "") -> str:
    """Call just before drawing the box `key`: after a post it holds `fresh` (empty, or the
    stored text a box for editing starts from)."""
    if st.session_state.pop(_MARK + key, False):
        st.session_state[key] = fresh
    return key


def posted(keys: Iterable[str]) -> None:
    """The boxes' text is stored: empty them on the next run."""
    for key in keys:
        st.session_state[_MARK + key] = True
