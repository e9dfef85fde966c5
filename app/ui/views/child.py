"""Page file for st.navigation; the page itself is app/ui/screens/child.py."""

from app.ui.screens.child import render

render()
