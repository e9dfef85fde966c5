"""`bka report`: the same PDF without the UI; errors on stderr with exit code 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_report_support import pdf_text

from app.cli.main import main
from app.core.loading import load_assessment
from app.services.paths import EXAMPLES_DIR, ROOT

EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))
needs_examples = pytest.mark.skipif(not EXAMPLES, reason="no shipped examples yet")


@needs_examples
def test_report_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rapport.pdf"
    assert main(["report", str(EXAMPLES[0]), "-o", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == str(out.resolve())
    assessment, _ = load_assessment(EXAMPLES[0])
    assert assessment.decision.title in pdf_text(out.read_bytes())


@needs_examples
def test_report_goes_to_the_reports_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BKA_REPORTS_DIR", str(tmp_path / "reports"))
    assert main(["report", str(EXAMPLES[0])]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.parent == (tmp_path / "reports").resolve() and written.exists()


def _fails(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["report", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    return captured.err


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert "no such file: nowhere/x.yaml" in _fails(["nowhere/x.yaml"], capsys)


def test_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: bka-assessment/1\nquestionnaire: [\n", encoding="utf-8")
    assert "bad.yaml" in _fails([str(bad)], capsys)


def test_unknown_questionnaire(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump({
        "format": "bka-assessment/1", "questionnaire": {"id": "nope", "version": "1.0.0"},
        "decision": {"title": "X"}, "answers": {}}), encoding="utf-8")
    assert "questionnaire 'nope'" in _fails([str(path)], capsys)


@needs_examples
def test_output_folder_that_cannot_be_made(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    err = _fails([str(EXAMPLES[0]), "-o", str(blocker / "r.pdf")], capsys)
    assert "cannot create the folder" in err


def test_unknown_stored_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _fails(["abc123", "--data-dir", str(tmp_path)], capsys)
    assert "abc123" in err


@needs_examples
def test_report_of_a_stored_assessment_is_recorded(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    store_module = pytest.importorskip("app.store")
    store = store_module.open_store(tmp_path / "data")
    assessment, _ = load_assessment(EXAMPLES[0])
    stored = store.create(assessment.model_copy(update={"id": None}), editor="test")
    out = tmp_path / "r.pdf"
    assert main(["report", stored.id, "--data-dir", str(tmp_path / "data"), "-o", str(out)]) == 0
    assert out.exists()
    reports = store_module.open_store(tmp_path / "data").get(stored.id).reports
    assert [r.path for r in reports] == [str(out.resolve())]


@needs_examples
def test_cold_process_exit_codes(tmp_path: Path) -> None:
    env = {**os.environ, "BKA_REPORTS_DIR": str(tmp_path)}
    ok = subprocess.run([sys.executable, "-m", "app.cli", "report", str(EXAMPLES[0])],
                        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert Path(ok.stdout.strip()).exists()
    bad = subprocess.run([sys.executable, "-m", "app.cli", "report", "missing.json"],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


@needs_examples
def test_a_pdf_report_loads_nothing_to_go_online_with(tmp_path: Path) -> None:
    """A report is made on the machine: the modules for fetching and TLS stay unloaded
    (xml.sax.saxutils alone brought urllib.request, http.client and ssl, ~18 ms)."""
    code = ("import sys\nfrom app.cli.main import main\n"
            f"assert main(['report', {str(EXAMPLES[-1])!r}, '--form', 'full', '-o', "
            f"{str(tmp_path / 'r.pdf')!r}]) == 0\n"
            "print(sorted(m for m in ('ssl', 'http.client', 'urllib.request', 'xml.sax') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT, env={**os.environ,
                                                     "BKA_DATA_DIR": str(tmp_path / "data")})
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
