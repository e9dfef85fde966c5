"""`bka report ID -o FILE` writes pdf, docx or html by the file's suffix."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from doc_support import docx_headings, open_docx, outline

from app.cli.main import main
from app.services.paths import EXAMPLES_DIR

SOURCE = str(EXAMPLES_DIR / "fritidsgard-oppettider.yaml")


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_the_suffix_picks_the_format(suffix: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"rapport{suffix}"
    assert main(["report", SOURCE, "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out.resolve())
    data = out.read_bytes()
    if suffix == ".pdf":
        assert len(pypdf.PdfReader(out).pages) >= 3
    elif suffix == ".docx":
        assert docx_headings(open_docx(data))[0][0] == 0
    else:
        assert outline(data).html_lang == "sv-SE"


def test_a_stored_assessment_by_id_as_word(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from app.store import open_store

    data = str(tmp_path / "data")
    assert main(["import", SOURCE, "--data-dir", data]) == 0
    (stored,) = open_store(data).list()
    out = tmp_path / "r.docx"
    capsys.readouterr()
    assert main(["report", stored.id, "-o", str(out), "--data-dir", data, "--lang", "en",
                 "--form", "full"]) == 0
    assert any(text == "Analysis by section" for _, text in docx_headings(open_docx(
        out.read_bytes())))
    assert [Path(r.path).suffix for r in open_store(data).get(stored.id).reports] == [".docx"]


def test_an_unknown_suffix_is_refused_plainly(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", SOURCE, "-o", str(tmp_path / "rapport.odt")]) == 2
    err = capsys.readouterr().err
    assert "'.odt' is not a report format" in err and ".pdf, .docx, .html" in err
    assert not (tmp_path / "rapport.odt").exists()
