"""An article's summary behind a button beside a question: its text drawn only while open.

A section of eighteen questions drew 22 such cards on every run, each summary an element
sent to the browser and kept in its tree though nobody had opened it; the open state is
the popover's own (a keyed widget), so it stays open through the runs it starts."""

from __future__ import annotations

from typing import Any

import streamlit as st


def article_card(label: str, summary: str, key: str, **look: Any) -> None:
    """A popover labelled `label` holding `summary` (Markdown of our own article library)."""
    card = st.popover(label, key=key, on_change="rerun", **look)
    if card.open:
        with card:
            st.markdown(summary)
