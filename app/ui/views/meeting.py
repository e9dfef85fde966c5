"""Page file for st.navigation; the page itself is app/ui/screens/meeting.py."""

from app.ui.screens.meeting import render

render()
