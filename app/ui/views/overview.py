"""Page file for st.navigation; the page itself is app/ui/screens/overview.py."""

from app.ui.screens.overview import render

render()
