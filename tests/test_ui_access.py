"""Workshop access in AppTest: pages by address, leaving, another code, the trainer's key,
join limits and the lockout the trainer lifts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import open_page
from streamlit.testing.v1 import AppTest
from ui_helpers import MAIN, button, by_label, no_exception, start, texts

from app.core import trainer_key
from app.core.join_guard import SESSION_LIMIT, WORKSHOP_LIMIT
from app.core.models.workshop import Workshop
from app.services.shipped import cases, catalog
from app.store import open_store
from app.store.workshops import WorkshopStore
from app.ui.session import workshop as workshop_state

KEY = "KM7Q-4PXA-TR9C"
OTHER_PAGES = ("overview", "workshop", "articles", "data", "meeting")


@pytest.fixture(autouse=True)
def fresh_guard() -> Iterator[None]:
    workshop_state.guard.clear()  # the guard is per server process; each test starts clean
    yield
    workshop_state.guard.clear()


def _workshop(data: Path, names: list[str]) -> Workshop:
    ws = WorkshopStore(open_store(data), data)
    case = next(c for c in cases() if c.id == "lekplats-lindparken")
    return ws.create(case, names, catalog(), trainer_key=trainer_key.key_hash(KEY))


def _join(at: AppTest, code: str) -> AppTest:
    at = no_exception(open_page(at, "join").run())
    by_label(at.text_input, "Gruppens kod").input(code)
    button(at, "Gå med").click()
    return no_exception(at.run())


def _refused(at: AppTest, page: str) -> None:
    with pytest.raises(ValueError, match="Known pages"):
        open_page(at, page)


def test_a_group_cannot_leave_and_roam_or_become_another_group(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    w = _workshop(tmp_path, ["Ett", "Två"])
    one, two = w.groups
    at = _join(start(monkeypatch, tmp_path), one.code)
    assert at.session_state["open_assessment"] == one.assessment_id
    for page in OTHER_PAGES:
        _refused(at, page)
    # Another group's code in the address of this session: still the first group.
    at.query_params["kod"] = two.code
    at.query_params["id"] = two.assessment_id
    at = no_exception(open_page(at, "assess").run())
    assert at.session_state["open_assessment"] == one.assessment_id
    assert "Ett" in at.title[0].value
    # "Lämna gruppen": back on the join page, and nothing else.
    at = no_exception(open_page(at, "join").run())
    button(at, "Lämna gruppen").click()
    at = no_exception(at.run())
    for page in (*OTHER_PAGES, "assess", "results"):
        _refused(at, page)
    assert "Gå med i en workshopgrupp" in texts(at)


def test_a_browser_on_another_machine_reaches_only_join_and_the_key_form(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    w = _workshop(tmp_path, ["Ett"])
    monkeypatch.setattr(workshop_state, "client_address", lambda: "192.168.1.23")
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path))
    at = AppTest.from_file(MAIN, default_timeout=30)
    at.query_params["id"] = w.groups[0].assessment_id  # a group's assessment by address
    at = no_exception(at.run())
    for page in ("overview", "assess", "results", "articles", "data", "meeting"):
        _refused(at, page)
    at = no_exception(open_page(at, "workshop").run())
    shown = texts(at)
    assert "Tränarens sida" in shown
    assert w.groups[0].code[:3] not in shown and w.title not in shown  # no list, no codes
    by_label(at.text_input, "Tränarnyckel").input(KEY.lower())
    button(at, "Öppna workshoppen").click()
    at = no_exception(at.run())
    assert f"{w.groups[0].code[:3]} {w.groups[0].code[3:]}" in texts(at)


def test_the_trainers_page_needs_the_key_in_a_session_that_did_not_create_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    w = _workshop(tmp_path, ["Ett"])
    code = f"{w.groups[0].code[:3]} {w.groups[0].code[3:]}"
    at = start(monkeypatch, tmp_path, workshop_open=w.id)
    at = no_exception(open_page(at, "workshop").run())
    assert code not in texts(at) and "Tränarnyckel" in [x.label for x in at.text_input]
    assert not at.expander  # the trainer's notes are not drawn at all
    by_label(at.text_input, "Tränarnyckel").input("AAAA-AAAA-AAAA")
    button(at, "Öppna workshoppen").click()
    at = no_exception(at.run())
    assert "Det är inte nyckeln" in texts(at) and code not in texts(at)
    by_label(at.text_input, "Tränarnyckel").input(KEY)
    button(at, "Öppna workshoppen").click()
    at = no_exception(at.run())
    assert code in texts(at)
    # The server listens on 127.0.0.1 (.streamlit/config.toml): no address that cannot work.
    assert "bka serve --lan" in texts(at) and "Öppna http" not in texts(at)


def test_creating_a_workshop_shows_its_key_once(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    at = no_exception(open_page(start(monkeypatch, tmp_path), "workshop").run())
    button(at, "Skapa workshoppen").click()
    at = no_exception(at.run())
    assert "visas bara nu" in texts(at)
    key = next(x.value for x in at.text if x.value.count("-") == 2)
    stored = WorkshopStore(open_store(tmp_path), tmp_path).all()[0].trainer_key
    assert trainer_key.matches(key, stored) and key.replace("-", "") not in stored
    button(at, "Jag har skrivit ner nyckeln").click()
    at = no_exception(at.run())
    assert "visas bara nu" not in texts(at) and key not in texts(at)


def test_wrong_codes_make_a_session_wait_even_for_the_right_one(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    w = _workshop(tmp_path, ["Ett"])
    at = start(monkeypatch, tmp_path)
    for _ in range(SESSION_LIMIT):
        at = _join(at, "QQQQQQ")
    at = _join(at, w.groups[0].code)
    assert "För många felaktiga försök" in at.error[0].value
    assert "open_assessment" not in at.session_state or at.session_state["open_assessment"] is None


def test_a_locked_workshop_refuses_the_right_code_until_the_trainer_lifts_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    w = _workshop(tmp_path, ["Ett"])
    guard = workshop_state.guard()
    for i in range(WORKSHOP_LIMIT):
        guard.refused(f"guesser-{i}", [w.id])
    group = _join(start(monkeypatch, tmp_path), w.groups[0].code)
    assert "stängts efter många felaktiga koder" in group.error[0].value
    trainer = start(monkeypatch, tmp_path, workshop_open=w.id, workshop_trainer_of={w.id})
    trainer = no_exception(open_page(trainer, "workshop").run())
    assert f"{WORKSHOP_LIMIT} felaktiga koder" in texts(trainer)
    button(trainer, "Öppna för nya grupper igen").click()
    trainer = no_exception(trainer.run())
    assert "felaktiga koder" not in texts(trainer)
    group = _join(start(monkeypatch, tmp_path), w.groups[0].code)
    assert group.session_state["open_assessment"] == w.groups[0].assessment_id
