"""The council's overview, asserted against stored assessments whose answers are set here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.core import lifecycle as life
from app.core.dashboard import collect, overview
from app.core.dashboard_words import groups_csv
from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment
from app.core.models.lifecycle import CommitteeDecision
from app.services.paths import ROOT
from app.services.shipped import catalog
from app.store import open_store

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
BUN = "Barn- och utbildningsnämnden"
KFN = "Kultur- och fritidsnämnden"


def rating(short: int, long: int) -> dict[str, Any]:
    return {"short": short, "long": long, "children": "Eleverna i årskurs 1-3 på skolan."}


def variant(title: str, committee: str, date: str, **answers: Any) -> Assessment:
    base, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    decision = base.decision.model_copy(update={
        "title": title, "committee": committee, "decision_date": dt.date.fromisoformat(date),
        "case_number": f"{committee[:3]} 2026/{title[:1]}"})  # each its own case
    merged = {**base.answers, **{k: Answer(value=v) for k, v in answers.items()}}
    return base.model_copy(update={"decision": decision, "answers": merged})


def known_set() -> list[Assessment]:
    a = variant("A: skolnedläggning", BUN, "2026-11-19", children_heard="directly",
                rights_impacts={31: rating(-2, -2), 24: rating(1, 1)},
                measures=[
                    {"what": "Skolskjuts", "who": "Anna", "due": "2027-01-10", "status": "ongoing"},
                    {"what": "Besök", "who": "Bo", "due": "2027-01-05", "status": "done"},
                    {"what": "Lekplats", "who": "Cia", "due": "2027-09-01", "status": "ongoing"}],
                follow_up_date="2027-03-01")
    a = life.send_for_review(a, "Per Berg", "Karin Lund", NOW)
    a = life.approve(a, "Per Berg", "", NOW)
    a = life.record_decision(a, CommitteeDecision(
        date=dt.date(2026, 12, 10), paragraph="§ 7", outcome="changed", departs=True,
        departure="Skolan stängs ett år senare."), "Karin Lund", NOW)
    b = variant("B: ny skolskjuts", BUN, "2027-02-01", children_heard="no",
                why_not_heard="Frågan är teknisk och barnen hördes i samma fråga förra året.",
                rights_impacts={31: rating(-1, -1), 12: rating(1, 1)},
                measures=[{"what": "Buss", "who": "Dan", "due": "2027-01-20",
                           "status": "ongoing"}],
                follow_up_date="2027-12-01")
    c = variant("C: ny blankett", BUN, "2026-05-05", affects_children="none",
                why_not_concerned="Beslutet gäller en intern blankett för fakturor mellan "
                                  "förvaltningar och rör ingen verksamhet för barn.")
    d = variant("D: bibliotek", KFN, "2026-03-03", children_heard="directly",
                rights_impacts={31: rating(1, 2)}, measures=[])
    return [a, b, c, d]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("data")
    store = open_store(data)
    for a in known_set():
        store.create(a, editor="test")
    return data


def board_json(data: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    """The board over every status unless `extra` chooses (the default is the decided)."""
    chosen = extra if "--status" in extra else ("--status", "all", *extra)
    assert main(["dashboard", "--json", "--data-dir", str(data), "--today", "2027-06-01",
                 *chosen]) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def group(board: dict[str, Any], committee: str, year: int) -> dict[str, Any]:
    return next(g for g in board["groups"] if (g["committee"], g["year"]) == (committee, year))


def test_figures_per_committee_and_year(stored: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    board = board_json(stored, capsys)
    assert board["total"] == 4
    bun26 = group(board, BUN, 2026)  # A (decided 2026-12-10) and the screening C
    assert (bun26["assessments"], bun26["screenings"], bun26["heard_directly"],
            bun26["heard_share"], bun26["departed"]) == (2, 1, 1, 1.0, 1)
    bun27 = group(board, BUN, 2027)
    assert (bun27["assessments"], bun27["screenings"], bun27["heard_directly"],
            bun27["heard_share"]) == (1, 0, 0, 0.0)
    kfn = group(board, KFN, 2026)
    assert (kfn["assessments"], kfn["heard_directly"]) == (1, 1)
    assert sum(sum(g["levels"].values()) for g in board["groups"]) == 3  # no level: screening


def test_rights_departures_and_overdue(stored: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    board = board_json(stored, capsys)
    assert [(r["key"], r["count"]) for r in board["weakened"]] == [("31", 2)]
    assert [(r["key"], r["count"]) for r in board["strengthened"]] == [
        ("12", 1), ("24", 1), ("31", 1)]
    assert [(d["title"], d["outcome"], d["departure"]) for d in board["departures"]] == [
        ("A: skolnedläggning", "changed", "Skolan stängs ett år senare.")]
    # Open and past due; done ('Besök') and not yet due ('Lekplats') are not overdue.
    assert [(o["what"], o["who"], o["due"]) for o in board["overdue_measures"]] == [
        ("Skolskjuts", "Anna", "2027-01-10"), ("Buss", "Dan", "2027-01-20")]
    assert [(o["title"], o["due"]) for o in board["overdue_follow_ups"]] == [
        ("A: skolnedläggning", "2027-03-01")]
    assert board["findings"] and all(r["count"] >= 1 for r in board["findings"])


def test_date_range(stored: Path, capsys: pytest.CaptureFixture[str]) -> None:
    board = board_json(stored, capsys, "--from", "2027-01-01", "--to", "2027-12-31")
    assert board["total"] == 1 and [g["year"] for g in board["groups"]] == [2027]
    assert main(["dashboard", "--data-dir", str(stored), "--from", "2027-02-01",
                 "--to", "2027-01-01"]) == 2
    assert "--from is after --to" in capsys.readouterr().err


def test_text_and_csv(stored: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "overview.csv"
    assert main(["dashboard", "--data-dir", str(stored), "--today", "2027-06-01",
                 "--status", "all", "--csv", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Översikt: 4 analyser" in text
    assert "Barn- och utbildningsnämnden 2026: 2 (varav 1 screeningar: rör inte barn)" in text
    assert "Försenade åtgärder: 2" in text
    lines = out.read_text(encoding="utf-8").lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Nämnd;År;Analyser och screeningar (utkast, färdigställda, "
                               "under granskning, godkända, beslutade, uppföljda), en per "
                               "beslut;Varav screeningar: rör inte barn;Barn hörda direkt")
    assert lines[1].startswith("Barn- och utbildningsnämnden;2026;2;1;1;100;1")


def test_csv_cell_cannot_be_a_formula() -> None:
    a = variant("E", "=HYPERLINK(\"x\")", "2026-01-01")
    cases, _ = collect([a], catalog())
    text = groups_csv(overview(cases, dt.date(2026, 6, 1), statuses=None), "sv")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[1][0] == "'=HYPERLINK(\"x\")"


def test_unknown_questionnaire_is_named_not_counted(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    a = variant("F", BUN, "2026-01-01")
    a = a.model_copy(update={"questionnaire": a.questionnaire.model_copy(
        update={"id": "gammalt-formular"})})
    aid = open_store(tmp_path).create(a, editor="t").id
    assert main(["dashboard", "--json", "--data-dir", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["total"] == 0
    assert f"{aid}: questionnaire not shipped, not counted" in captured.err


def test_by_default_only_decisions_taken_count_and_each_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One decision and its draft copy, a superseded draft with the same case number, and a
    copy made for another case: the default board counts the decision once."""
    store = open_store(tmp_path)
    a, _b, c, d = known_set()
    decided = store.create(a, editor="t")  # A: decided, case BUN-A
    copy = store.duplicate(decided.id or "", "t")  # its draft copy: the same decision
    assert copy.decision.case_number == ""
    older = store.create(d.model_copy(update={"decision": d.decision.model_copy(
        update={"case_number": "KFN 1", "committee": BUN})}), editor="t")
    newer = store.create(older.model_copy(update={"id": None, "status": "decided",
                                                  "committee_decision": a.committee_decision}),
                         editor="t")  # the same case number: the draft is superseded
    other = store.duplicate(decided.id or "", "t")
    store.update(other.id or "", lambda x: x.model_copy(update={"decision": x.decision.model_copy(
        update={"case_number": "BUN 2027/9"})}), editor="t")  # a copy for another case
    store.create(c, editor="t")  # a screening in draft: not a decision taken
    board = board_json(tmp_path, capsys, "--status", "decided", "--status", "followed_up")
    assert board["total"] == 2  # A and the decided one of the KFN 1 pair
    assert board["set_aside"] == 2  # A's draft copy and the superseded draft
    every = board_json(tmp_path, capsys)
    assert every["total"] == 4  # + the copy for another case, + the screening
    assert main(["dashboard", "--data-dir", str(tmp_path), "--today", "2027-06-01"]) == 0
    text = capsys.readouterr().out
    assert "Översikt: 2 analyser" in text
    assert "Räknar analyser som är beslutade, uppföljda, i alla nämnder, en per beslut " \
           "(2 kopior och ersatta utkast räknas inte)." in text
    only = board_json(tmp_path, capsys, "--status", "all", "--committee", KFN)
    assert only["total"] == 0 and only["committees"] == [KFN]
    assert newer.id and other.id
