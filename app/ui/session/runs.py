"""A click outside the guided page's section that reaches the server in a run of the section
alone.

The section is a fragment (st.fragment): a change to one of its answers reruns it, not the
page. The browser sends a change inside a fragment and a click outside it that come close
together (a text field left by clicking "Nästa": the field's blur, then the click) as one
message scoped to the fragment. Both widgets' callbacks run, but only the section would be
drawn again: 13 of 20 "Nästa" clicks made right after typing did not show. A callback of a
widget outside the section calls `whole_page()` last, which turns such a run into a run of
the page (a plain st.rerun() from a callback reruns the whole app)."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx


def in_fragment_run() -> bool:
    """Whether this run (its callbacks included) redraws fragments only."""
    ctx = get_script_run_ctx()
    return ctx is not None and bool(ctx.fragment_ids_this_run)


def whole_page() -> None:
    """From a widget callback, last: the page is drawn again, not only the fragment."""
    if in_fragment_run():
        st.rerun()  # from a callback: ends it here, and the whole app runs
