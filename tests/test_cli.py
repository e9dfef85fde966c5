"""The `bka` command as a user runs it: messages on stderr, exit codes, JSON for machines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import MINIMAL, line_of, replaced, write

from app.cli.main import main
from app.services.paths import EXAMPLES_DIR


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_everything_shipped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate")
    assert code == 0, err
    assert out.startswith("OK: 54 articles") and "no problems" in out


def test_validate_reports_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = replaced("articles: [3]", "articles: [99]")
    text = replaced("points: 40", "points: 41", text)
    path = write(tmp_path, "broken.yaml", text)
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    lines = err.strip().splitlines()
    assert f"broken.yaml:{line_of(text, '[99]')}: question 'affects' refers to article 99" in err
    assert "process quality points add up to 101" in err
    assert lines[-1].startswith("2 problem(s) found")


def test_validate_a_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(write(tmp_path, "ok.yaml", MINIMAL)))
    assert code == 0 and "1 questionnaires" in out


def test_validate_unknown_kind_of_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", str(write(tmp_path, "x.yaml", "hello: world\n")))
    assert code == 1 and "not a file bka knows" in err


def test_articles_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "articles", "--json")
    items = json.loads(out)
    assert code == 0 and [a["number"] for a in items] == list(range(1, 55))
    principles = [a["number"] for a in items if a["principle"]]
    assert principles == [2, 3, 6, 12]
    for item in items:
        assert item["title"]["sv"] and item["title"]["en"]
        assert item["summary"]["sv"] and item["summary"]["en"]
        assert item["clusters"] and 3 <= len(item["prompts"]) <= 5


def test_articles_readable_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "articles", "--lang", "en")
    assert code == 0 and "12  " in out and "general principle" in out


EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_score_every_example(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "score", str(example), "--json")
    assert code == 0, err
    card = json.loads(out)
    assert 0 <= card["process_quality"] <= 100 and 0 <= card["completeness"] <= 100
    assert card["level"]["label"]["sv"]


def test_examples_exist() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("decision: [\n", "YAML syntax error"),
        ("- just\n- a list\n", "not an assessment file"),
        (
            "format: bka-assessment/9\nquestionnaire: {id: bka-standard, version: 9.0.0}\n"
            "decision: {title: X}\nanswers: {}\n",
            "newer version",
        ),
        (
            "questionnaire: {id: nope, version: 1.0.0}\ndecision: {title: X}\nanswers: {}\n",
            "unknown questionnaire 'nope'",
        ),
        (
            "questionnaire: {id: bka-standard, version: 1.0.0}\ndecision: {}\nanswers: {}\n",
            "missing the key 'title'",
        ),
    ],
)
def test_score_malformed_assessment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    code, out, err = run(capsys, "score", str(write(tmp_path, "a.yaml", content)))
    assert code == 2 and out == ""
    assert message in err and "a.yaml" in err
    assert "Traceback" not in err


def test_score_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "score", str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such file" in err


def test_score_json_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = {
        "format": "bka-assessment/1",
        "questionnaire": {"id": "bka-standard", "version": "2.0.0"},
        "decision": {"title": "Nytt ekonomisystem för nämndens interna redovisning"},
        "answers": {
            "affects_children": "none",
            "why_not_concerned": {
                "value": "Ärendet gäller byte av system för nämndens interna redovisning och "
                "ändrar ingenting i verksamheten mot invånarna.",
                "comment": "Kontrollerat med förvaltningen.",
            },
        },
    }
    path = write(tmp_path, "a.json", json.dumps(data))
    code, out, err = run(capsys, "score", str(path))
    assert code == 0, err
    # the short path is a screening record: no level, no points, no findings
    assert "Screening" in out and "Nivå" not in out and "/100" not in out
    assert "Brister" not in out


def test_score_a_screened_out_school_decision_names_the_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = (
        "questionnaire: {id: bka-standard, version: 2.0.0}\n"
        "decision: {title: Neddragning av gymnasieprogram, description: Färre elever.}\n"
        "answers: {affects_children: none, why_not_concerned: Nej.}\n"
    )
    code, out, err = run(capsys, "score", str(write(tmp_path, "a.yaml", content)))
    assert code == 0, err
    assert "men ärendet har bedömts inte beröra barn" in out
    assert "Gäller: gymnasieprogram, elever" in out
    assert "skälet säger ingenting" in out


def test_score_reports_answers_to_unknown_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = (
        "questionnaire: {id: bka-standard, version: 2.0.0}\ndecision: {title: X}\n"
        "answers: {affects_children: direct, no_such_question: 1}\n"
    )
    code, out, err = run(capsys, "score", str(write(tmp_path, "a.yaml", content)))
    assert code == 1
    assert "a.yaml:3: answer to 'no_such_question'" in err and "kept but not scored" in err
    assert "Nivå:" in out  # scored all the same
    code, out, err = run(capsys, "score", str(write(tmp_path, "a.yaml", content)), "--json")
    assert code == 1 and json.loads(out)["unknown_answers"] == ["no_such_question"]


def test_score_an_old_version_reads_it_through_the_migration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = (
        "questionnaire: {id: bka-standard, version: 1.0.0}\ndecision: {title: X}\n"
        "answers:\n  affects_children: direct\n"
        "  rights_impacts: {2: {short: 0, long: 0}, 3: {short: 2, long: 2}, "
        "6: {short: 0, long: 0}, 12: {short: 0, long: 0}}\n"
    )
    code, out, err = run(capsys, "score", str(write(tmp_path, "a.yaml", content)), "--json")
    assert code == 0, err
    from app.services.shipped import catalog

    current = catalog().questionnaires["bka-standard"].version
    assert f"version 1.0.0; scored with version {current}" in err
    assert "artikel 3 genom slutsatsen" in err  # the migration's note
    card = json.loads(out)
    assert 3 not in [a["number"] for a in card["articles"]]  # the rating was dropped
