"""Charts that every reader can use: a text alternative that says what the chart shows, and
the same figures as a table behind a disclosure right under it (WCAG 1.1.1 and 1.4.1).

The marks themselves are kept out of the accessibility tree (`aria=False` in Vega): a
screen reader gets the description and then the table, not fifty unnamed shapes.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from app.ui.safe import md
from app.ui.strings.i18n import t


def chart_with_table(chart: alt.TopLevelMixin, description: str, table: pd.DataFrame,
                     lang: str, key: str) -> None:
    """The chart, named by `description`, and `table` under it, every cell shown as typed
    (st.table reads Markdown, so each one is escaped)."""
    described: Any = chart.properties(description=description)
    st.altair_chart(described, width="stretch", key=f"chart:{key}")
    with st.expander(t("chart_as_table", lang)):
        shown = table.map(lambda v: md(str(v))).rename(columns=lambda c: md(str(c)))
        st.table(shown, hide_index=True, alt=description)
