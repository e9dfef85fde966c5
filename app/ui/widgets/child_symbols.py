"""How the app draws a children's questionnaire's symbols: emoji before the words.

Emoji rather than icon fonts: a screen reader reads an emoji by its name ("slightly smiling
face, Good"), whereas Streamlit's icons are read out by their font ligature
("sentiment_satisfied icon"). Every phone, tablet and school computer ships an emoji font;
a Linux server without one (Debian: fonts-noto-color-emoji) only draws them as boxes, beside
words that still say everything.
"""

from __future__ import annotations

from app.core.models.children import Level
from app.core.text import tr
from app.ui.safe import md

EMOJI = {
    "very_sad": "😞", "sad": "🙁", "neutral": "😐", "happy": "🙂", "very_happy": "😀",
    "yes": "✅", "no": "❌", "partly": "🟡", "unsure": "❓",
    "better": "⬆️", "same": "➡️", "worse": "⬇️",
}


def label(level: Level, lang: str) -> str:
    """The symbol, then the words (escaped: they are text, never markup)."""
    return f"{EMOJI[level.symbol]} {md(tr(level.label, lang))}"
