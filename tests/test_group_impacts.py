"""Impacts rated per group of children: in the answers, the scorecard, the app and the PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import line_of, open_page, replaced, write
from test_report_support import pdf_text
from ui_helpers import by_label, no_exception, start

from app.cli.main import main
from app.core.answers import normalise
from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.report import render_pdf
from app.services.shipped import catalog
from app.store import open_store

ANSWERS = {
    "affects_children": "direct",
    "vulnerable_groups": ["disability", "socioeconomic", "none_identified"],
    "rights_impacts": {
        "2": {"short": 1, "long": 1,
              "groups": {"disability": {"short": -1, "long": -2},
                         "newly_arrived": {"short": -2}}},
        "6": {"short": 0, "long": 1, "groups": {"socioeconomic": {"short": 1, "long": 2}}},
    },
}


def _file(tmp_path: Path, answers: dict[str, object]) -> Path:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({
        "format": "bka-assessment/1",
        "questionnaire": {"id": "bka-standard", "version": "1.0.0"},
        "decision": {"title": "Ny skolskjutsplan"},
        "answers": answers,
    }), encoding="utf-8")
    return path


def test_the_scorecard_lists_who_fares_worse(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(_file(tmp_path, ANSWERS)), "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)["groups"]
    by_group = {(g["number"], g["group"]): g for g in groups}
    assert by_group[(2, "disability")]["worse"] is True
    assert by_group[(2, "disability")]["all_children"] == 1.0
    assert by_group[(6, "socioeconomic")]["worse"] is False
    # a group rated but not named in the screening is kept in the answer, never counted
    assert (2, "newly_arrived") not in by_group


def test_group_ratings_are_checked_like_other_ratings() -> None:
    q = catalog().questionnaire("bka-standard")
    assert q is not None
    question = q.questions["rights_impacts"]
    with pytest.raises(ValueError, match="group 'disability'"):
        normalise(question, {"2": {"short": 1, "groups": {"disability": {"short": 5}}}})
    individual = catalog().questionnaire("bka-individual")
    assert individual is not None
    with pytest.raises(ValueError, match="does not rate groups apart"):
        normalise(individual.questions["identity_impact"],
                  {"8": {"short": 1, "groups": {"x": {"short": 1}}}})


def test_groups_must_come_from_an_earlier_multi_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = replaced("        selectable: true\n",
                    "        selectable: true\n        groups: {source: heard, skip: [maybe]}\n")
    code = main(["validate", str(write(tmp_path, "q.yaml", text))])
    err = capsys.readouterr().err
    assert code == 1
    line = line_of(text, "groups: {source")
    assert f"q.yaml:{line}: question 'impacts': groups.source 'heard' must be a multi" in err


def test_the_pdf_prints_the_groups_and_marks_the_one_that_loses(tmp_path: Path) -> None:
    a = Assessment(
        questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
        decision=Decision(title="Ny skolskjutsplan"),
        answers={k: Answer(value=v) for k, v in ANSWERS.items()},
    )
    text = pdf_text(render_pdf(a, catalog=catalog()))
    assert "Påverkan för grupper av barn" in text
    assert "Barn med funktionsnedsättning (sämre än för alla barn)" in text
    assert "Barn i familjer med knapp ekonomi" in text
    english = pdf_text(render_pdf(a, lang="en", catalog=catalog()))
    assert "Impact on groups of children" in english and "worse than for all children" in english


def test_the_app_offers_the_named_groups_and_saves_a_group_rating(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answers = {"affects_children": "direct", "vulnerable_groups": ["disability", "none_identified"],
               "rights_impacts": {"2": {"short": 1, "long": 1}}}
    a = Assessment(
        questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
        decision=Decision(title="Ny skolskjutsplan"),
        answers={k: Answer(value=v) for k, v in answers.items()},
    )
    aid = open_store(tmp_path).create(a, editor="test").id or ""
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    radio = by_label(at.sidebar.radio, "Avsnitt")
    radio.set_value(next(o for o in radio.options if "Konsekvenser" in o))
    at = no_exception(at.run())
    # the group ratings open on request, so an untouched article stays one row
    assert not [s for s in at.selectbox if ":g:" in s.key]
    by_label(at.checkbox, "Påverkas någon grupp annorlunda?").check()
    at = no_exception(at.run())
    group_boxes = [s for s in at.selectbox if f"q:{aid}:rights_impacts:2:g:disability:" in s.key]
    assert len(group_boxes) == 2  # short and long term, for the one group named
    assert not [s for s in at.selectbox if ":g:none_identified:" in s.key]
    group_boxes[0].set_value(-2)
    at = no_exception(at.run())
    stored = open_store(tmp_path).get(aid).answers["rights_impacts"].value
    assert stored["2"]["groups"] == {"disability": {"short": -2, "long": None}}
    warnings = "\n".join(w.value for w in at.warning).replace("\\", "").replace("\u2060", "")
    assert "Sämre för: Barn med funktionsnedsättning" in warnings
    # a rated group stays open, and its rating survives a change of the article's own rating
    assert any("(1 bedömd)" in c.label for c in at.checkbox)
    by_label(at.selectbox, "På kort sikt").set_value(2)
    at = no_exception(at.run())
    stored = open_store(tmp_path).get(aid).answers["rights_impacts"].value
    assert stored["2"]["short"] == 2
    assert stored["2"]["groups"] == {"disability": {"short": -2, "long": None}}
