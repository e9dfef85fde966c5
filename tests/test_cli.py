"""The `bka` command as a user runs it: messages on stderr, exit codes, JSON for machines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import MINIMAL, line_of, replaced, write

from app.cli import main
from app.paths import EXAMPLES_DIR


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
            "questionnaire: {id: bka-standard, version: 1.0.0}\ndecision: {title: X}\n"
            "answers: {no_such_question: 1}\n",
            "answer to 'no_such_question'",
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
        "questionnaire": {"id": "bka-standard", "version": "1.0.0"},
        "decision": {"title": "Ny lekplats"},
        "answers": {
            "affects_children": "none",
            "why_not_concerned": {
                "value": "Gäller bara personalens IT-stöd.",
                "comment": "Kontrollerat med förvaltningen.",
            },
        },
    }
    path = write(tmp_path, "a.json", json.dumps(data))
    code, out, err = run(capsys, "score", str(path))
    assert code == 0, err
    assert "100%" in out  # the short path is complete with the screening alone
