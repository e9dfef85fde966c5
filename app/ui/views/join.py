"""Page file for st.navigation; the page itself is app/ui/screens/join.py."""

from app.ui.screens.join import render

render()
