"""Tables people read: a real HTML table, which wraps long text and which a screen reader
reads cell by cell (Streamlit's data grid is drawn on a canvas: a long text is cut at the
column's edge, on a phone after a few words, and a screen reader hears nothing of it)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app.ui.safe import md


def text_table(rows: list[dict[str, Any]] | pd.DataFrame, alt: str | None = None) -> None:
    """`rows` as a table, every cell and heading shown as typed (st.table reads Markdown, so
    each one is escaped); `alt` names the table for a screen reader."""
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    shown = frame.map(lambda v: md(str(v))).rename(columns=lambda c: md(str(c)))
    st.table(shown, hide_index=True, alt=alt)
