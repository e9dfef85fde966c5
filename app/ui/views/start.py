"""The address "/" of a session that is not this machine's user: straight on to the join page.

A default page answers "/" only, so the join page gets one of its own (/ga-med), and a
group's reload of /ga-med?kod=... finds its page instead of "page not found".
"""

import streamlit as st

st.switch_page(st.session_state["pages"]["join"])
