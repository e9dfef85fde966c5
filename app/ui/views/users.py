"""Page file for st.navigation; the page itself is app/ui/screens/users.py."""

from app.ui.screens.users import render

render()
