"""The overview with follow-ups, its PDF, its kept facts, and the start page's reminders,
asserted against the known set of tests/test_dashboard.py (answers set there)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import open_page
from test_dashboard import BUN, KFN, known_set
from test_report_support import pdf_text

from app.cli.main import main
from app.core.dashboard import collect
from app.core.models.assessment import Answer
from app.core.reminders import names, reminders
from app.services import dashboard_facts
from app.services.followup import after_completed, create
from app.services.shipped import catalog
from app.store import open_store
from app.store.facts.local import FILE as FACTS_FILE

TODAY = "2027-06-01"


def stored(data: Path) -> dict[str, str]:
    store = open_store(data)
    return {a.decision.title[0]: store.create(a, editor="test").id or "" for a in known_set()}


def board(data: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    """The board over every status (the known set holds drafts as well as a decision)."""
    assert main(["dashboard", "--json", "--data-dir", str(data), "--today", TODAY,
                 "--status", "all", *extra]) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def test_a_follow_up_counts_apart_and_takes_over_the_measures(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = stored(tmp_path)
    store = open_store(tmp_path)
    f, _ = create(store, catalog(), ids["A"], "Karin Lund",
                  dt.datetime(2027, 3, 2, 9, 0, tzinfo=dt.UTC))
    # The follow-up records 'Skolskjuts' done; 'Lekplats' stays open and not yet due.
    measures = [dict(m, status="done") if m["what"] == "Skolskjuts" else m
                for m in f.answers["measures"].value]
    done = store.update(f.id or "", lambda a: a.model_copy(update={
        "answers": {**a.answers, "measures": Answer(value=measures)}, "status": "complete"}))
    after_completed(store, done, "Karin Lund")
    b = board(tmp_path, capsys)
    assert b["total"] == 4  # the follow-up is not a fifth assessment
    assert sum(g["follow_ups"] for g in b["groups"]) == 1
    assert [(o["what"], o["title"]) for o in b["overdue_measures"]] == [
        ("Buss", "B: ny skolskjuts")]
    assert b["overdue_follow_ups"] == []  # A is followed up now


def test_pdf_of_the_overview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stored(tmp_path)
    out = tmp_path / "oversikt.pdf"
    assert main(["dashboard", "--data-dir", str(tmp_path), "--today", TODAY,
                 "--status", "all", "--pdf", str(out)]) == 0
    capsys.readouterr()
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "Översikt för fullmäktige" in text
    assert "Beslut (analyser och screeningar): 4" in text
    assert "rör inte barn" in text  # the screenings column says what it counts
    assert "en per beslut" in text
    assert BUN in text and KFN in text and "100 %" in text
    assert "Rättigheter som oftast försvagas" in text and "31 Vila, fritid, lek och kultur" in text
    assert "Skolan stängs ett år senare." in text
    assert "Försenade åtgärder (2)" in text and "Skolskjuts" in text and "Anna" in text
    assert "Försenade uppföljningar (1)" in text and "2027-03-01" in text
    en = tmp_path / "overview.pdf"
    assert main(["dashboard", "--data-dir", str(tmp_path), "--today", TODAY, "--lang", "en",
                 "--pdf", str(en)]) == 0  # by default: decisions taken, here A alone
    english = " ".join(pdf_text(en.read_bytes()).split())
    assert "Overview for the council" in english
    assert "Decisions (assessments and screenings): 1" in english
    assert "Counts assessments that are decided, followed up, in all committees" in english


def test_kept_facts_follow_every_change_and_survive_damage(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = stored(tmp_path)
    first = board(tmp_path, capsys)
    kept = tmp_path / FACTS_FILE
    assert kept.exists()
    store = open_store(tmp_path)
    store.set_decision(ids["B"], store.get(ids["B"]).decision.model_copy(
        update={"title": "B: ändrad titel"}), editor="t")
    dashboard_facts.forget()  # as a new process: only the file is left
    b = board(tmp_path, capsys)
    assert [o["title"] for o in b["overdue_measures"]] == ["A: skolnedläggning",
                                                         "B: ändrad titel"]
    store.delete(ids["D"])
    dashboard_facts.forget()
    assert board(tmp_path, capsys)["total"] == first["total"] - 1
    kept.write_bytes(b"{not an index")
    kept.with_name(kept.name + "-wal").unlink(missing_ok=True)
    dashboard_facts.forget()
    assert board(tmp_path, capsys)["total"] == first["total"] - 1  # scored again, not trusted


def test_names_match_as_typed_and_with_a_role() -> None:
    assert names("Karin Lund", "karin  lund")
    assert names("Karin Lund, utredare", "Karin Lund")
    assert names("Karin Lund (BUN)", "Karin Lund")
    assert not names("Karin Lundberg", "Karin Lund")
    assert not names("Rektor", "Karin Lund") and not names("Karin Lund", "")


def test_reminders_are_the_persons_own() -> None:
    cases, _ = collect(known_set(), catalog())
    today = dt.date(2027, 1, 8)
    anna = reminders(cases, "Anna", today)
    assert [(r.kind, r.what, r.overdue) for r in anna] == [("measure", "Skolskjuts", False)]
    # due on 2027-01-20: within the 14 days, not yet overdue
    assert [(r.what, r.overdue) for r in reminders(cases, "Dan", today)] == [("Buss", False)]
    assert reminders(cases, "Bo", today) == []  # done
    assert reminders(cases, "Cia", today) == []  # due 2027-09-01: far off
    assert [(r.what, r.overdue) for r in reminders(cases, "anna", dt.date(2027, 2, 1))] == [
        ("Skolskjuts", True)]
    # The official ('Karin Lund, utredare') answers for every open measure of her assessments,
    # whoever each names, and for A's follow-up (2027-03-01)
    karin = reminders(cases, "Karin Lund", dt.date(2027, 3, 5))
    assert [(r.kind, r.title, r.what, r.overdue) for r in karin] == [
        ("measure", "A: skolnedläggning", "Skolskjuts", True),
        ("measure", "B: ny skolskjuts", "Buss", True),
        ("follow_up", "A: skolnedläggning", "", True)]
    assert reminders(cases, "Per Berg", dt.date(2027, 3, 5)) == []


def test_a_measure_owned_by_a_role_reaches_the_official_and_the_owner_by_login() -> None:
    cases, _ = collect(known_set(), catalog())
    role = [c.model_copy(update={"measures": [m.model_copy(update={"who": "skolskjutssamordnaren"})
                                              for m in c.measures]}) for c in cases]
    today = dt.date(2027, 1, 8)  # B's Buss is due 2027-01-20: within 14 days
    assert [r.what for r in reminders(role, "Karin Lund", today)] == ["Skolskjuts", "Buss"]
    assert reminders(role, "Dan", today) == []  # the role names no one
    # Logged in, the owner is the person with the subject id, whatever the name typed on it.
    owned = [c.model_copy(update={"owner_sub": "sub-42", "official": "Någon annan"})
             for c in role]
    assert [r.what for r in reminders(owned, "Eva Ek", today, me_sub="sub-42")] == [
        "Skolskjuts", "Buss"]
    assert reminders(owned, "Karin Lund", today, me_sub="sub-7") == []
    # A measure may name a known person by the e-mail address their login gives.
    mailed = [c.model_copy(update={"measures": [m.model_copy(update={
        "who": "Dan Ek <dan.ek@kommun.se>"}) for m in c.measures]}) for c in role]
    assert [r.what for r in reminders(mailed, "Daniel Ek", today, me_sub="sub-9",
                                      me_email="Dan.Ek@kommun.se")] == ["Skolskjuts", "Buss"]
    assert reminders(mailed, "Daniel Ek", today, me_sub="sub-9") == []


def test_page_has_charts_beside_tables_and_the_pdf(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    from ui_helpers import no_exception, start, tables

    ids = stored(tmp_path)
    create(open_store(tmp_path), catalog(), ids["A"], "Karin Lund")
    at = start(monkeypatch, tmp_path)
    at = no_exception(open_page(at, "dashboard").run())
    assert at.metric[0].value == "1"  # by default the decisions taken: A alone
    at.multiselect(key="dash_status").set_value(
        ["draft", "complete", "in_review", "approved", "decided", "followed_up"])
    at = no_exception(at.run())
    shown = tables(at)
    groups = next(t for t in shown if "Uppföljningar (räknas för sig)" in t.columns)
    assert "Varav screeningar: rör inte barn" in groups.columns
    assert groups["Uppföljningar (räknas för sig)"].astype(int).sum() == 1
    assert at.metric[0].value == "4"
    # committees, weakened, strengthened, findings: a chart each, each with its table
    assert len(at.get("vega_lite_chart")) == 4
    assert any(t.columns[0] == "Brist" for t in shown)
    pdf = next(b for b in at.get("download_button") if "PDF" in str(b.label))
    assert pdf.label == "Ladda ner översikten som PDF"


def test_erasing_for_good_takes_the_assessment_out_of_the_kept_facts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app.services.erase import erase_for_good

    ids = stored(tmp_path)
    board(tmp_path, capsys)

    def index_bytes() -> bytes:  # the file and its log, as a reader of the disk sees them
        return b"".join(p.read_bytes() for p in tmp_path.glob(FACTS_FILE + "*"))

    assert b"B: ny skolskjuts" in index_bytes()
    store = open_store(tmp_path)
    store.delete(ids["B"])
    erase_for_good(store, ids["B"], tmp_path)
    left = index_bytes()
    assert b"B: ny skolskjuts" not in left and b"Buss" not in left
    assert "A: skolnedläggning".encode() in left  # the others stay kept
    dashboard_facts.forget()
    assert board(tmp_path, capsys)["total"] == 3


def test_a_page_rerun_shows_each_change_at_once(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """In one process (a page's reruns), the board kept from the run before is shown again
    only while nothing was stored in between: a change, a deletion or other dates count anew."""
    ids = stored(tmp_path)
    first = board(tmp_path, capsys)
    assert board(tmp_path, capsys) == first  # nothing changed: the same board
    store = open_store(tmp_path)
    store.set_decision(ids["B"], store.get(ids["B"]).decision.model_copy(
        update={"title": "B: ändrad titel"}), editor="t")
    titles = [o["title"] for o in board(tmp_path, capsys)["overdue_measures"]]
    assert "B: ändrad titel" in titles
    store.delete(ids["D"])
    assert board(tmp_path, capsys)["total"] == first["total"] - 1
    later = board(tmp_path, capsys, "--from", "2099-01-01")
    assert later["total"] == 0
