"""Page file for st.navigation; the page itself is app/ui/screens/dashboard.py."""

from app.ui.screens.dashboard import render

render()
