"""Minutes of a meeting as PDF, read back; `bka minutes` with its exit codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_report_support import font_names, pdf_text

from app.cli.main import main
from app.core.models.article import ArticleLibrary
from app.core.models.meeting import Action, Meeting
from app.report.minutes import minutes_filename, render_minutes
from app.services.shipped import catalog
from app.store.meetings import MeetingStore

DAY = dt.date(2026, 5, 18)


@pytest.fixture(scope="module")
def library() -> ArticleLibrary:
    return catalog().library


def meeting(**kw: object) -> Meeting:
    base: dict[str, object] = {
        "date": DAY, "team": "Öppna förskolan Älvsjö", "article": 12,
        "participants": ["Åsa Ölund", "Yusuf Ali"],
        "prompt_notes": {0: "Vi skrev <b>fet</b> & <font size=40>stor</font> som text.",
                         2: "Små barn visar med kroppen; vi behöver bildstöd."},
        "decisions": "Vi prövar ett barnråd i höst.",
        "actions": [Action(what="Boka lokal för barnrådet", who="Yusuf",
                           due=DAY + dt.timedelta(days=14)),
                    Action(what="Skicka ut inbjudan", status="done")],
    }
    return Meeting.model_validate({**base, **kw})


def flat(data: bytes) -> str:
    return " ".join(pdf_text(data).split())


def test_minutes_hold_what_was_recorded_printed_as_typed(library: ArticleLibrary) -> None:
    data = render_minutes(meeting(id="m1"), library, lang="sv")
    text = flat(data)
    for expected in ("Minnesanteckningar: Öppna förskolan Älvsjö", "2026-05-18",
                     "Åsa Ölund, Yusuf Ali", "Barnets rätt att komma till tals",
                     "Vi skrev <b>fet</b> & <font size=40>stor</font> som text.",
                     "Vi prövar ett barnråd i höst.", "Boka lokal för barnrådet", "2026-06-01",
                     "Ej klar", "Klar", "Inga anteckningar.", "Sida 1 av 1", "Utkast"):
        assert expected in text, expected
    summary = library.by_number[12].summary
    assert isinstance(summary, dict) and " ".join(summary["sv"].split()[:6]) in text
    assert {name.split("+")[-1] for name in font_names(data)} <= {"DejaVuSans",
                                                                  "DejaVuSans-Bold"}


def test_minutes_in_english_with_only_a_count(library: ArticleLibrary) -> None:
    m = meeting(participants=[], participant_count=9, status="final", actions=[])
    text = flat(render_minutes(m, library, lang="en"))
    assert "Meeting notes: Öppna förskolan Älvsjö" in text
    assert "9 participants, names not recorded" in text
    assert "No actions were agreed." in text and "Draft" not in text
    assert "Article 12. The child's right to be heard" in text


def test_the_file_name_never_carries_a_path() -> None:
    name = minutes_filename(meeting(id="ab12cd34", team="../../etc/Åby skola"))
    assert name == "2026-05-18_etc-aby-skola_art12_ab12cd34.pdf"


def test_cli_writes_the_minutes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stored = MeetingStore(tmp_path / "data").create(meeting())
    out = tmp_path / "ut" / "anteckningar.pdf"
    assert main(["minutes", stored.id, "-o", str(out), "--lang", "en",
                 "--data-dir", str(tmp_path / "data")]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert "Meeting notes" in flat(out.read_bytes())


def _fails(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["minutes", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert captured.err.startswith("bka minutes: ")
    return captured.err


def test_cli_errors_are_one_plain_line(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert "no data folder" in _fails(["x1", "--data-dir", str(tmp_path / "nowhere")], capsys)
    assert not (tmp_path / "nowhere").exists()
    data.mkdir()
    assert "no meetings are stored" in _fails(["x1", "--data-dir", str(data)], capsys)
    stored = MeetingStore(data).create(meeting())
    assert "no meeting with id x1" in _fails(["x1", "--data-dir", str(data)], capsys)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert "cannot create the folder" in _fails(
        [stored.id, "-o", str(blocker / "x.pdf"), "--data-dir", str(data)], capsys)
    (data / "meetings.json").write_text("{not json", encoding="utf-8")
    assert "cannot be read" in _fails([stored.id, "--data-dir", str(data)], capsys)
