"""Page file for st.navigation; the page itself is app/ui/screens/account.py."""

from app.ui.screens.account import render

render()
