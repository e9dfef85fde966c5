"""Page file for st.navigation; the page itself is app/ui/screens/workshop.py."""

from app.ui.screens.workshop import render

render()
