"""Page file for st.navigation; the page itself is app/ui/screens/present.py."""

from app.ui.screens.present import render

render()
