"""A measure's four states: the same word in the form, the report, the CSV and the reminders;
records answered with 'open' read as 'ongoing' through the questionnaires' migration step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_report_support import pdf_text

from app.core import measure_status
from app.core.dashboard import facts
from app.core.document.csv_tables import table_csv
from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment
from app.core.reminders import reminders
from app.report import render_as
from app.report.context import prepare
from app.services.paths import EXAMPLES_DIR

STATES = {"planned": "Planerad", "ongoing": "Pågår", "done": "Klar", "cancelled": "Inställd"}


def with_measures(statuses: list[str], version: str | None = None) -> Assessment:
    a = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")[0]
    measures = [{"what": f"Åtgärd {s}", "who": "Rektor", "due": "2027-01-10", "status": s}
                for s in statuses]
    answers = {**a.answers, "measures": Answer(value=measures)}
    update: dict[str, object] = {"answers": answers}
    if version:
        update["questionnaire"] = a.questionnaire.model_copy(update={"version": version,
                                                                     "hash": None})
    return a.model_copy(update=update)


def test_every_state_has_its_word_in_the_report_and_the_csv() -> None:
    a = with_measures(list(STATES))
    text = pdf_text(render_as(a, ".pdf", form="short"))
    csv = table_csv(prepare(a), "measures").decode("utf-8-sig")
    for value, word in STATES.items():
        assert f"Åtgärd {value} Rektor 2027-01-10 {word}" in text
        assert f"Åtgärd {value};Rektor;2027-01-10;{word}" in csv or \
            f"Åtgärd {value},Rektor,2027-01-10,{word}" in csv
    assert "Ej klar" not in text


def test_an_answer_given_as_open_is_read_as_ongoing_with_a_note() -> None:
    old = with_measures(["open", "done"], version="2.1.0")
    ri = prepare(old)
    assert [m["status"] for m in ri.values["measures"]] == ["ongoing", "done"]
    text = pdf_text(render_as(old, ".pdf", form="full"))
    assert "Åtgärd open Rektor 2027-01-10 Pågår" in text
    assert "fyra lägen" in text  # the migration's note says what changed


def test_a_status_that_is_not_a_state_is_refused_plainly() -> None:
    from app.report import ReportError

    with pytest.raises(ReportError, match="status must be one of planned, ongoing, done, "
                       "cancelled"):
        prepare(with_measures(["open"]))


def test_reminders_ask_only_for_measures_still_to_do(tmp_path: Path) -> None:
    a = with_measures(list(STATES)).model_copy(update={"id": "x1"})
    ri = prepare(a)
    case = facts(a, ri.card, ri.questionnaire, ri.values)
    assert {m.what for m in case.measures if measure_status.still_to_do(m.status)} == \
        {"Åtgärd planned", "Åtgärd ongoing"}
    out = reminders([case], me="Rektor", today=dt.date(2027, 1, 1), soon_days=30)
    assert {r.what for r in out if r.kind == "measure"} == {"Åtgärd planned", "Åtgärd ongoing"}
