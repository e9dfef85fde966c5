"""What the app does when things go wrong: two tabs, a broken questionnaire, a damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page, replaced, write
from ui_helpers import by_label, no_exception, open_comment, start, texts

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import open_store


def _seed(data: Path) -> str:
    a = Assessment(
        questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
        decision=Decision(title="Skolskjuts"),
        answers={"affects_children": Answer(value="direct")},
    )
    return open_store(data).create(a, editor="t").id or ""


def _on_screening(monkeypatch: pytest.MonkeyPatch, data: Path, aid: str):  # type: ignore[no-untyped-def]
    at = start(monkeypatch, data, open_assessment=aid, step="screening")
    return no_exception(open_page(at, "assess").run())


def test_two_tabs_do_not_erase_each_other(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = _seed(tmp_path)
    tab_a = _on_screening(monkeypatch, tmp_path, aid)
    tab_b = _on_screening(monkeypatch, tmp_path, aid)
    # Different questions: both answers are kept.
    tab_b.text_area(key=f"q:{aid}:how_concerned:").input("Längre skolväg.").run()
    tab_a = open_comment(tab_a, aid, "affects_children")
    tab_a.text_area(key=f"q:{aid}:affects_children:comment").input("Kollat med skolan.").run()
    stored = open_store(tmp_path).get(aid).answers
    assert stored["how_concerned"].value == "Längre skolväg."
    assert stored["affects_children"].comment == "Kollat med skolan."
    # The same question: tab A still shows it empty, so its save must not silently win.
    tab_a = no_exception(
        tab_a.text_area(key=f"q:{aid}:how_concerned:").input("Inga förändringar.").run()
    )
    assert open_store(tmp_path).get(aid).answers["how_concerned"].value == "Längre skolväg."
    assert "hade redan fått ett annat svar" in texts(tab_a)
    tab_a = no_exception(by_label(tab_a.button, "Spara mitt svar").click().run())
    assert open_store(tmp_path).get(aid).answers["how_concerned"].value == "Inga förändringar."
    assert "hade redan fått ett annat svar" not in texts(tab_a)


def test_broken_questionnaire_shows_the_loader_messages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from app.services import shipped
    from app.ui.session import state

    folder = tmp_path / "questionnaires"
    write(folder, "broken.yaml", replaced("articles: [3]", "articles: [77]"))
    monkeypatch.setattr(shipped, "QUESTIONNAIRES_DIR", folder)
    shipped.catalog.cache_clear()
    state._catalog.clear()
    try:
        at = no_exception(start(monkeypatch, tmp_path / "data"))
        at = no_exception(open_page(at, "articles").run())
        shown = "\n".join(c.value for c in at.code)
        assert "broken.yaml:" in shown and "article 77" in shown
        assert any("kunde inte läsas" in e.value for e in at.error)
    finally:
        shipped.catalog.cache_clear()
        state._catalog.clear()


def test_damaged_data_file_stops_the_app_and_is_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    aid = _seed(tmp_path)
    damaged = [p for p in tmp_path.rglob("*.json") if "docs" in p.parts]
    assert damaged
    damaged[0].write_bytes(b'{"_default": {"1": {"id": "x"')
    before = damaged[0].read_bytes()
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    assert any("kunde inte läsas" in e.value for e in at.error)
    assert str(damaged[0].name) in "\n".join(c.value for c in at.code)
    assert damaged[0].read_bytes() == before
