"""Page file for st.navigation; the page itself is app/ui/screens/assess.py."""

from app.ui.screens.assess import render

render()
