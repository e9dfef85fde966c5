"""The council overview page: the figures of a known set, tables beside the chart, CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from test_dashboard import BUN, known_set
from ui_helpers import no_exception, start, tables, texts

from app.store import open_store


def test_overview_page_shows_the_known_figures(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    store = open_store(tmp_path)
    for a in known_set():
        store.create(a, editor="test")
    at = start(monkeypatch, tmp_path)
    at = no_exception(open_page(at, "dashboard").run())
    assert "Översikt för fullmäktige" in texts(at)
    assert at.metric[0].value == "1"  # by default the decisions taken
    assert "Räknar analyser som är beslutade, uppföljda, i alla nämnder" in texts(at)
    at.multiselect(key="dash_status").set_value(
        ["draft", "complete", "in_review", "approved", "decided", "followed_up"])
    at = no_exception(at.run())
    assert at.metric[0].value == "4"
    # Every table is one a screen reader reads cell by cell and that wraps on a phone (a
    # data grid is a canvas: its headings were cut at the column's edge, "andel av fullständ")
    assert not at.dataframe
    shown = tables(at)
    groups = next(t for t in shown if "Varav screeningar: rör inte barn" in t.columns)
    bun26 = groups[(groups["Nämnd"] == BUN) & (groups["År"] == "2026")].iloc[0]
    heard = "Barn hörda direkt (andel av fullständiga analyser)"
    assert (bun26["Beslut"], bun26["Varav screeningar: rör inte barn"], bun26[heard],
            bun26["Avvikande beslut"]) == ("2", "1", "100\u00a0%", "1")
    weakened = next(t for t in shown if "Artikel" in t.columns)
    assert weakened.iloc[0]["Artikel"].startswith("31 ") and weakened.iloc[0][
        "Antal analyser"] == "2"
    departures = next(t for t in shown if "Hur och varför" in t.columns)
    assert list(departures["Hur och varför"]) == ["Skolan stängs ett år senare."]
    assert list(departures["Utfall"]) == ["Ändrat förslag"]
    assert "Försenade åtgärder" in texts(at)
    assert any("CSV" in str(b.label) for b in at.get("download_button"))


def test_empty_store_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = start(monkeypatch, tmp_path)
    at = no_exception(open_page(at, "dashboard").run())
    assert "Inga analyser i den valda perioden." in texts(at)


def test_the_committee_filter_counts_one_committee(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    store = open_store(tmp_path)
    for a in known_set():
        store.create(a, editor="test")
    at = start(monkeypatch, tmp_path)
    at = no_exception(open_page(at, "dashboard").run())
    at.multiselect(key="dash_status").set_value(
        ["draft", "complete", "in_review", "approved", "decided", "followed_up"])
    at = no_exception(at.run())
    at.multiselect(key="dash_committee").set_value([BUN])
    at = no_exception(at.run())
    assert at.metric[0].value == "3"


def test_while_the_index_is_built_the_page_shows_progress_and_what_it_counts(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A build in the background (here: assessments saved by a process without scoring,
    more than are scored at once) does not hold the page: it shows a progress bar and says
    the figures count what is scored so far."""
    import threading

    from app.services import fact_builder
    from app.store.facts import scorer

    scorer.unregister()
    try:
        store = open_store(tmp_path)
        for a in known_set():
            store.create(a, editor="test")
    finally:
        from app.services.dashboard_facts import register

        register()
    held = threading.Event()  # the build waits here until the page has been drawn
    real = fact_builder._score

    def slow(*args: object, **kwargs: object) -> None:
        held.wait(timeout=60)
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fact_builder, "FEW", 1)
    monkeypatch.setattr(fact_builder, "GRACE", 0)
    monkeypatch.setattr(fact_builder, "_score", slow)
    at = start(monkeypatch, tmp_path)
    at = no_exception(open_page(at, "dashboard").run())
    shown = texts(at)
    held.set()
    # saved without scores (no questionnaire changed): the page says it is taking them in
    assert "räknar in sparade ändringar som ännu inte poängsatts. Klara hittills: 0 av 4." in shown
    assert "redan räknats in (antal: 0)" in shown
    job = fact_builder._JOBS[store.facts.location]  # type: ignore[attr-defined]
    assert job.thread is not None
    job.thread.join(timeout=60)
    at = no_exception(at.run())
    assert at.metric[0].value == "1" and "räknar in sparade" not in texts(at)
    fact_builder.forget()


def test_counts_are_drawn_on_whole_number_axes(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    """With one decision the chart library would tick 0,2 0,4 ...: no council counts 0,4 of
    a decision. Every bar chart of counts ticks whole numbers only."""
    import json

    store = open_store(tmp_path)
    for a in known_set():
        store.create(a, editor="test")
    at = no_exception(open_page(start(monkeypatch, tmp_path), "dashboard").run())
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    axes = [s["encoding"]["x"] for s in specs if s["encoding"]["x"].get("type") == "quantitative"]
    assert len(axes) >= 2, specs
    for x in axes:
        assert x["axis"]["tickMinStep"] == 1 and x["axis"]["format"] == "d", x
