"""The measures and the scorecard as CSV, read back as a spreadsheet would."""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

import pytest
from doc_support import example

from app.cli.main import main
from app.core.document.csv_tables import table_csv
from app.report.context import prepare
from app.services.paths import EXAMPLES_DIR


def _rows(data: bytes, delimiter: str = ";") -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that lets Excel see å ä ö
    return list(csv.reader(StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def test_measures_what_who_when_status() -> None:
    rows = _rows(table_csv(prepare(example()), "measures"))
    assert rows[0] == ["Fråga", "Åtgärd", "Ansvarig", "Klart senast", "Status", "Beslutad",
                       "Finansierad", "Vem är bunden att genomföra den",
                       "Bärs av det som beslutet minskar", "Varar så länge skadan",
                       "Vem den når", "Håller barnen kvar eller hänvisar"]
    assert ["9.1 Vilka åtgärder minskar de negativa följderna?",
            "Vuxen följer med på bussen under höstterminen 2027", "Rektor, Storbyskolan",
            "2027-08-17", "Planerad", "Ja, beslutad", "Ja, pengar finns eller den kostar inget",
            "Organisationen själv", "Nej", "Nej, bara under en övergång",
            "Barnen vars skada den gäller, direkt",
            "Den ger barnen något annat, från organisationen själv"] in rows
    assert len(rows) == 6


def test_scorecard_level_figures_articles_criteria() -> None:
    rows = _rows(table_csv(prepare(example()), "scorecard"))
    assert rows[0] == ["Del", "Namn", "Värde", "Detalj"]
    # the top level waits for a reviewer's approval recorded here
    assert ["Mått", "Samlad nivå", "Godtagbar analys", "96 av 100 poäng"] in rows
    assert ["Mått", "Rättigheter som försvagas", "4", ""] in rows
    articles = {r[1]: r[2] for r in rows if r[0] == "Artikel"}
    assert articles["2 Lika rättigheter för alla barn"] == "-0,40"  # a number, not text
    assert any(r[0] == "Kriterium" and r[3] in ("Ja", "Nej") for r in rows)


def test_english_uses_commas_and_points() -> None:
    rows = _rows(table_csv(prepare(example(), lang="en"), "scorecard"), delimiter=",")
    articles = {r[1]: r[2] for r in rows if r[0] == "Article"}
    assert articles["2 Equal rights for every child"] == "-0.40"


def test_user_text_cannot_become_a_formula() -> None:
    assessment = example()
    answers = dict(assessment.answers)
    measures = answers["measures"].model_copy(update={"value": [
        {"what": "=HYPERLINK(\"http://x\")", "who": "@rektor", "due": "2027-01-01",
         "status": "ongoing"}]})
    answers["measures"] = measures
    rows = _rows(table_csv(prepare(assessment.model_copy(update={"answers": answers})),
                           "measures"))
    assert rows[1][1] == "'=HYPERLINK(\"http://x\")" and rows[1][2] == "'@rektor"


def test_bka_report_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = str(EXAMPLES_DIR / "trafik-skolvag.yaml")
    out = tmp_path / "atgarder.csv"
    assert main(["report", source, "--table", "measures", "-o", str(out)]) == 0
    assert _rows(out.read_bytes())[0][1] == "Åtgärd"
    assert main(["report", source, "--table", "scorecard", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "end the file name in .csv" in capsys.readouterr().err
