"""A chosen radio answer can be cleared back to unanswered."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from test_ui_assessment import open_section, seeded
from ui_helpers import by_label, no_exception, start


def test_a_radio_answer_is_cleared_back_to_unanswered(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    from app.store import open_store

    aid = seeded(tmp_path)
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    at = open_section(at, "Berör ärendet barn")
    assert not [b for b in at.button if str(b.label).startswith("Rensa svaret")]  # nothing yet
    by_label(at.radio, "Berör ärendet barn?").set_value("direct")
    at = no_exception(at.run())
    assert open_store(tmp_path).get(aid).answers["affects_children"].value == "direct"
    clear = next(b for b in at.button if str(b.label).startswith("Rensa svaret på 1.1"))
    at = no_exception(clear.click().run())
    assert "affects_children" not in open_store(tmp_path).get(aid).answers
    assert by_label(at.radio, "Berör ärendet barn?").value is None
    assert not [b for b in at.button if str(b.label).startswith("Rensa svaret")]
