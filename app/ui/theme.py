"""Our CSS on top of Streamlit's theme: the colours Streamlit derives and we cannot set in
config.toml (captions are textColor at 60 %), a focus ring everyone can see, and rows that
stack their labels at narrow widths. Colours come from palette.py only."""

from __future__ import annotations

import streamlit as st

from app.ui import palette

CSS = f"""<style>
/* Captions and help texts: Streamlit draws them at 60 % opacity, 3.9:1 on white; ours are
   opaque in a muted grey of 7.7:1. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{
  color: {palette.MUTED} !important; opacity: 1 !important; }}
/* One focus ring, 3 px in the primary colour, on everything that takes the keyboard
   (Streamlit's own is a faint 1.1:1 on sidebar links and radios). */
a:focus-visible, button:focus-visible, [role="tab"]:focus-visible,
[data-testid="stSidebarNavLink"]:focus-visible, summary:focus-visible,
input:focus-visible, textarea:focus-visible, [role="slider"]:focus-visible {{
  outline: 3px solid {palette.FOCUS} !important; outline-offset: 2px !important; }}
label:has(input[type="radio"]:focus-visible), label:has(input[type="checkbox"]:focus-visible) {{
  outline: 3px solid {palette.FOCUS}; outline-offset: 2px; border-radius: 4px; }}
[data-baseweb="select"]:focus-within > div, [data-baseweb="input"]:focus-within,
[data-baseweb="textarea"]:focus-within, [data-baseweb="base-input"]:focus-within {{
  outline: 3px solid {palette.FOCUS}; outline-offset: 1px; }}
/* A label drawn as Markdown over a widget whose own label is collapsed
   (app/ui/widgets/context.py, field_label): it looks like Streamlit's label. */
[class*="st-key-bka-label-"] p {{ font-size: 0.875rem; margin-bottom: 0; }}
/* No pull upwards: the field drawn next is opaque, and a negative margin here hid the lower
   half of a label's last line behind it (a three-line label on a phone lost its unit). */
[class*="st-key-bka-label-"] {{ margin-bottom: 0; }}
</style>"""


def apply() -> None:
    """Our CSS, once per run (Streamlit keeps it out of the layout: a style tag only)."""
    st.html(CSS)
