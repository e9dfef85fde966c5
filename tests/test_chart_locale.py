"""Every chart writes its figures as the page's language does: "−2,0" on a Swedish axis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import open_page
from test_dashboard import known_set
from ui_helpers import no_exception, start

from app.store import open_store


def specs(at: object) -> list[dict[str, object]]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]  # type: ignore[attr-defined]


def drawn(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, page: str) -> list[dict[str, object]]:
    """The charts `page` draws for a known set of assessments; a page that drew none fails."""
    store = open_store(tmp_path)
    first = [store.create(a, editor="test") for a in known_set()][0]
    at = start(monkeypatch, tmp_path, open_assessment=first.id)
    at = no_exception(open_page(at, page).run())
    charts = specs(at)
    assert charts, "the page drew no chart"
    return charts


@pytest.mark.parametrize("page", ["dashboard", "results"])
def test_swedish_charts_write_a_decimal_comma_and_a_minus(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path, page: str) -> None:
    charts = drawn(monkeypatch, tmp_path, page)
    for spec in charts:
        number = spec["config"]["locale"]["number"]  # type: ignore[index]
        assert (number["decimal"], number["minus"]) == (",", "\u2212")


@pytest.mark.parametrize("page", ["dashboard", "results"])
def test_every_chart_sets_the_height_vega_is_asked_to_fit(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path, page: str) -> None:
    """Streamlit asks Vega to fit each chart into its width and height; bars whose height is
    left to their bands have none, and Vega warns in the browser's console on every draw
    ("Dropping fit-y"). Each chart sets a height: a band per bar and room for the axis."""
    charts = drawn(monkeypatch, tmp_path, page)
    for spec in charts:
        height = spec.get("height")
        assert isinstance(height, int) and height >= 20 + 64, height  # a bar and its axis
