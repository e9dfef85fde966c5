"""The results page's tables of prose are HTML tables: each text whole, as written, wrapped
in its cell (a data grid cuts it at the column's edge, and a screen reader hears nothing of
a grid drawn on a canvas)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from ui_helpers import no_exception, start

from app.services.paths import EXAMPLES_DIR
from app.store import open_store
from app.store.exchange import import_file


def test_who_is_harmed_and_every_article_read_whole_in_tables(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = open_store(data)
    import_file(store, EXAMPLES_DIR / "skolnedlaggning.yaml", "test")
    aid = store.list()[0].id
    at = start(monkeypatch, data, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    tables = {tuple(t.value.columns): t.value for t in at.table}
    for_whom = next(v for cols, v in tables.items() if "Rättigheter som försvagas" in cols)
    per_article = next(v for cols, v in tables.items() if "På kort sikt" in cols)
    ratings = store.get(aid).answers["rights_impacts"].value
    written = (ratings.get(2) or ratings["2"])["children"]
    assert len(written) > 120  # longer than a grid's column shows
    for table in (for_whom, per_article):
        # st.table reads Markdown: each cell is the text escaped; unescaped, it is whole
        cells = [str(v).replace("\\", "") for v in table.to_numpy().ravel()]
        assert written in cells
    assert not [d for d in at.dataframe if "För vilka barn" in d.value.columns]
