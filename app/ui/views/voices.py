"""Page file for st.navigation; the page itself is app/ui/screens/voices.py."""

from app.ui.screens.voices import render

render()
