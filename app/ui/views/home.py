"""The address "/" in the login mode for a person without the overview: on to their first page."""

import streamlit as st

from app.ui.login_nav import HOME_KEY

st.switch_page(st.session_state[HOME_KEY])
