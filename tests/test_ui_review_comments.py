"""Review comments keep their words: boxes empty after posting (the next comment is not stored
with the last one glued in front), and an author edits or withdraws a comment until the
approval, with the earlier wording kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import open_page
from streamlit.testing.v1 import AppTest
from ui_helpers import button, by_label, no_exception, start, texts

from app.core import lifecycle as life
from app.core.loading import load_assessment
from app.services.paths import ROOT
from app.store import open_store

OFFICIAL, REVIEWER = "Karin Lund", "Per Berg"


def in_review(data: Path) -> str:
    assessment, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    sent = life.send_for_review(assessment, REVIEWER, OFFICIAL, dt.datetime.now(dt.UTC))
    return open_store(data).create(sent, editor="test").id or ""


def click(at: AppTest, label: str) -> AppTest:
    return no_exception(button(at, label).click().run())


def test_boxes_empty_after_posting_and_the_author_edits_or_withdraws(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = in_review(tmp_path)
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    at.text_input(key=f"life_name:{aid}").set_value(REVIEWER)
    by_label(at.selectbox, "Kommentar till fråga").set_value("knowledge_summary")
    at.text_area(key=f"life_ct:{aid}").set_value("Vilken prognos?")
    at = click(at, "Lägg till kommentar")
    assert at.text_area(key=f"life_ct:{aid}").value == ""  # emptied once stored
    # The next comment is typed into the empty box, as a person does.
    box = at.text_area(key=f"life_ct:{aid}")
    box.set_value((box.value or "") + "Saknas barn i förskolan?")
    at = click(at, "Lägg till kommentar")
    stored = open_store(tmp_path).get(aid).review.comments
    assert [c.text for c in stored] == ["Vilken prognos?", "Saknas barn i förskolan?"]

    # A reply box empties too.
    first = stored[0].id
    at.text_input(key=f"life_name:{aid}").set_value(OFFICIAL)
    at.text_input(key=f"life_rt:{aid}:{first}").set_value("Kommunens prognos.")
    at = click(at, "Svara")
    assert at.text_input(key=f"life_rt:{aid}:{first}").value == ""
    at.text_input(key=f"life_rt:{aid}:{first}").set_value("Från 2026.")
    at = click(at, "Svara")
    replies = open_store(tmp_path).get(aid).review.comments[0].replies
    assert [r.text for r in replies] == ["Kommunens prognos.", "Från 2026."]

    # Only the author may change a comment: the official is not offered it.
    assert not [b for b in at.button if b.label == "Spara ändringen"]
    at.text_input(key=f"life_name:{aid}").set_value(REVIEWER)
    at = no_exception(at.run())
    at.text_area(key=f"life_et:{aid}:{first}").set_value("Vilken befolkningsprognos?")
    at = no_exception(at.button(key=f"life_es:{aid}:{first}").click().run())
    changed = open_store(tmp_path).get(aid).review.comments[0]
    assert changed.text == "Vilken befolkningsprognos?"
    assert [e.text for e in changed.earlier] == ["Vilken prognos?"]
    assert any(e.label == "Tidigare lydelser (1)" for e in at.expander)
    second = stored[1].id
    at = no_exception(at.button(key=f"life_wd:{aid}:{second}").click().run())
    taken = open_store(tmp_path).get(aid)
    assert taken.review.comments[1].withdrawn_at is not None
    assert "återtagen av skribenten" in texts(at)
    assert "varav 1 öppen" in texts(at)  # the withdrawn one no longer counts as open


def test_a_returned_assessment_stands_out_on_the_overview_and_reminds_its_official(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assessment, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    now = dt.datetime.now(dt.UTC)
    sent = life.send_for_review(assessment, REVIEWER, OFFICIAL, now)
    back = life.return_to_official(sent, REVIEWER, "Barnen i förskolan saknas i analysen.", now)
    store = open_store(tmp_path)
    store.create(back, editor="test")
    plain = store.create(assessment.model_copy(update={"status": "draft"}), editor="test")
    at = start(monkeypatch, tmp_path)
    marks = [w.value for w in at.warning if "Skickad tillbaka av granskaren" in str(w.value)]
    assert len(marks) == 1  # the returned one, not the plain draft
    assert plain.id
    at.text_input(key="rem_name").set_value(OFFICIAL)
    at = no_exception(at.run())
    assert "Skickad tillbaka av granskaren: svara på kommentarerna" in texts(at)


def test_review_comments_stand_beside_their_questions_on_analys(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assessment, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    now = dt.datetime.now(dt.UTC)
    sent = life.send_for_review(assessment, REVIEWER, OFFICIAL, now)
    sent = life.add_comment(sent, "children_heard", "Hördes förskolebarnen?", REVIEWER, now)
    back = life.return_to_official(sent, REVIEWER, "Se kommentaren om barnens röster.", now)
    aid = open_store(tmp_path).create(back, editor="test").id or ""
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    radio = by_label(at.sidebar.radio, "Avsnitt")
    radio.set_value(next(o for o in radio.options if "delaktighet" in o.lower()))
    at = no_exception(at.run())
    page = texts(at)
    assert "Granskarens kommentar" in page and "Hördes förskolebarnen?" in page
    radio = by_label(at.sidebar.radio, "Avsnitt")
    radio.set_value(radio.options[0])
    at = no_exception(at.run())
    assert "Hördes förskolebarnen?" not in texts(at)  # only beside its own question


def _places(at: AppTest) -> dict[str, tuple[int, ...]]:
    """Where each keyed box of the main area is drawn: its path of positions in the page, as
    the browser places it (an element whose path changed is drawn anew there)."""
    found: dict[str, tuple[int, ...]] = {}

    def walk(node: object, path: tuple[int, ...]) -> None:
        for index, child in getattr(node, "children", {}).items():
            key = getattr(child, "key", None)
            if key and getattr(child, "type", "") in ("text_area", "text_input"):
                found[key] = (*path, index)
            walk(child, (*path, index))

    walk(at.main, ())
    return found


def test_the_message_shown_once_moves_no_box(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    """"Sparat." shown after a comment is posted, then gone at the next run: every box below it
    stays where it was (a box that moved was drawn anew, and text being typed in it was taken
    away with it)."""
    aid = in_review(tmp_path)
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    at.text_input(key=f"life_name:{aid}").set_value(REVIEWER)
    at.text_area(key=f"life_ct:{aid}").set_value("Vilken prognos?")
    at = click(at, "Lägg till kommentar")
    assert [s.value for s in at.success] == ["Sparat."]
    with_message = _places(at)
    at = no_exception(at.run())
    assert not at.success  # shown once
    assert _places(at) == with_message
    assert f"life_rt:{aid}:{open_store(tmp_path).get(aid).review.comments[0].id}" in with_message
