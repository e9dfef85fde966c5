"""Page file for st.navigation; the page itself is app/ui/screens/data.py."""

from app.ui.screens.data import render

render()
