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

from app.core.numbers import MINUS, NNBSP
from app.ui.strings.i18n import t
from app.ui.widgets.tables import text_table

# How Vega writes the figures on axes, legends and tooltips, per language (d3-format's locale):
# without it a Swedish axis reads "-2.0" beside a page that says "−2,0".
NUMBER_LOCALES: dict[str, dict[str, Any]] = {
    "sv": {"decimal": ",", "thousands": NNBSP, "grouping": [3], "currency": ["", "\u00a0kr"],
           "minus": MINUS, "percent": "\u00a0%"},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["£", ""]},
}


def localised(chart: alt.TopLevelMixin, lang: str) -> Any:
    """`chart` with its figures written in `lang`'s way; every chart of the app goes through
    here (or through chart_with_table, which calls it)."""
    number = NUMBER_LOCALES.get(lang, NUMBER_LOCALES["sv"])
    return chart.configure(locale=alt.Locale(number=alt.NumberLocale(**number)))


def bars_height(bars: int, band: int = 20, room: int = 77) -> int:
    """A bar chart's height in px: a band per bar and `room` for the axis below (its figures
    and title); by default Vega's own band and the room it took, so the charts look as they
    did. Streamlit asks Vega to fit every chart into its width and its height; a chart
    whose height is left to its bands has none to fit, and Vega drops the request with a
    warning in the browser's console on every draw ("Dropping fit-y"). So every chart with a
    bar per label sets its height here."""
    return band * max(bars, 1) + room


def chart_with_table(chart: alt.TopLevelMixin, description: str, table: pd.DataFrame,
                     lang: str, key: str) -> None:
    """The chart, named by `description`, and `table` under it, every cell shown as typed
    (st.table reads Markdown, so each one is escaped)."""
    described: Any = localised(chart.properties(description=description), lang)
    st.altair_chart(described, width="stretch", key=f"chart:{key}")
    with st.expander(t("chart_as_table", lang)):
        text_table(table, alt=description)
