"""Page file for st.navigation; the page itself is app/ui/screens/articles.py."""

from app.ui.screens.articles import render

render()
