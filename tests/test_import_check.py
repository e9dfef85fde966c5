"""Imports refuse what this installation cannot read: questionnaire, version, question ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import open_page
from ui_helpers import no_exception, start, texts

from app.cli.main import main
from app.core.import_check import readable_problems
from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.core.models.questionnaire import Migration
from app.services.shipped import catalog as shipped_catalog
from app.store import open_store
from app.store.exchange import export_document

QID = "bka-standard"


def _current() -> tuple[str, str, str]:
    """The standard questionnaire's version and one question id it asks, as shipped now."""
    q = shipped_catalog().questionnaires[QID]
    return q.version, next(iter(q.questions)), q.id


def _file(tmp_path: Path, qid: str, version: str, answers: dict[str, object]) -> Path:
    a = Assessment(questionnaire=QuestionnaireRef(id=qid, version=version),
                   decision=Decision(title="Importerad"),
                   answers={k: Answer(value=v) for k, v in answers.items()})
    path = tmp_path / "in.json"
    path.write_text(json.dumps(export_document([a])), encoding="utf-8")
    return path


def _import(tmp_path: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["import", str(path), "--data-dir", str(tmp_path / "data")])
    return code, capsys.readouterr().err


def test_an_unknown_questionnaire_is_refused(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _import(tmp_path, _file(tmp_path, "hemmagjord", "1.0.0", {}), capsys)
    assert code == 2 and "'hemmagjord' is not one this installation has" in err
    assert QID in err and open_store(tmp_path / "data").list() == []


@pytest.mark.parametrize(("version", "words"), [("0.0.1", "there is no migration from it"),
                                                ("99.0.0", "it is newer: update the tool")])
def test_an_unknown_version_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       version: str, words: str) -> None:
    code, err = _import(tmp_path, _file(tmp_path, QID, version, {}), capsys)
    assert code == 2 and f"version {version}" in err and words in err
    assert open_store(tmp_path / "data").list() == []


def test_answers_to_unknown_questions_are_refused_and_counted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    version, known, _ = _current()
    answers: dict[str, object] = {known: None} | {f"x{n}": "svar" for n in range(51_870)}
    code, err = _import(tmp_path, _file(tmp_path, QID, version, answers), capsys)
    assert code == 2
    assert "51,870 answer(s) to questions" in err and "x0, x1" in err and "51,860 more" in err
    assert open_store(tmp_path / "data").list() == []


def test_a_readable_file_still_goes_in(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    version, known, _ = _current()
    code, _ = _import(tmp_path, _file(tmp_path, QID, version, {known: None}), capsys)
    assert code == 0 and len(open_store(tmp_path / "data").list()) == 1


def test_an_older_version_with_a_migration_is_read_through_it() -> None:
    """Whatever versions exist: a step from 0.9.0 renaming an old id to a current one."""
    cat = shipped_catalog()
    q = cat.questionnaires[QID]
    known = next(iter(q.questions))
    step = Migration(from_version="0.9.0", to_version=q.version, note="Äldre version",
                     rename={"old_id": known}, drop=["retired"])
    migrated = q.model_copy(update={"migrations": [step]})
    catalog = type(cat)(cat.library, {**cat.questionnaires, QID: migrated}, cat.hashes)
    old = Assessment(questionnaire=QuestionnaireRef(id=QID, version="0.9.0"),
                     decision=Decision(title="Äldre"),
                     answers={"old_id": Answer(value=None), "retired": Answer(value="x")})
    assert readable_problems(old, catalog) == []
    stray = old.model_copy(update={"answers": {**old.answers, "nowhere": Answer(value=1)}})
    [problem] = readable_problems(stray, catalog)
    assert "1 answer(s) to questions" in problem.message and "nowhere" in problem.message
    no_path = old.model_copy(update={"questionnaire": QuestionnaireRef(id=QID,
                                                                       version="0.8.0")})
    assert "no migration" in readable_problems(no_path, catalog)[0].message


def test_the_data_page_refuses_an_unknown_questionnaire(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    content = _file(tmp_path, "hemmagjord", "1.0.0", {}).read_bytes()
    at = no_exception(open_page(start(monkeypatch, tmp_path / "data"), "data").run())
    at = no_exception(at.file_uploader[0].set_value(("in.json", content, "application/json"))
                      .run())
    assert "Filen kan inte importeras" in texts(at) and "'hemmagjord'" in texts(at)
    assert not [b for b in at.button if b.label == "Importera"]


def test_an_answer_its_question_cannot_read_is_refused_naming_file_line_and_question(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A well-formed assessment file with one damaged answer of a type other than a choice
    (a rating of 7, a date of month 13): refused with where and what, nothing stored. Stored,
    the pages and the report would set the whole answer aside."""
    from app.services.paths import EXAMPLES_DIR

    text = (EXAMPLES_DIR / "skolnedlaggning.yaml").read_text(encoding="utf-8")
    for name, old, new, said in (
            ("rating.yaml", "short: -1", "short: 7",
             "(rights_impacts) cannot be read: 7 is not a rating"),
            ("date.yaml", "follow_up_date: \"2028-02-15\"", "follow_up_date: \"2028-14-15\"",
             "(follow_up_date) cannot be read: expected a date as YYYY-MM-DD")):
        assert old in text, old
        damaged = tmp_path / name
        damaged.write_text(text.replace(old, new, 1), encoding="utf-8")
        code, err = _import(tmp_path, damaged, capsys)
        qid = said[1:said.index(")")]
        label = shipped_catalog().questionnaires["bka-standard"].questions[qid].text
        assert code == 2 and f"the answer to “{label['en']}” {said}" in err, err  # type: ignore[index]
        line = next(n for n, row in enumerate(damaged.read_text().splitlines(), 1)
                    if row.startswith(f"  {qid}:"))
        assert f"{name}:{line}:" in err and "Traceback" not in err
        assert open_store(tmp_path / "data").list() == []
