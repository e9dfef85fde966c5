"""Page file for st.navigation; the page itself is app/ui/screens/results.py."""

from app.ui.screens.results import render

render()
