"""Where a report is written: safe names, never half a file, folders made or refused plainly."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path

import pytest
from test_report_support import ANSWERS, make_assessment, make_catalog, pdf_text

import app.report.pdf_render as pdf_render
from app.core.catalog import Catalog
from app.report import ReportError, build_report, report_filename, slug, with_report

NOW = dt.datetime(2026, 11, 23, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))
NAME = re.compile(r"^\d{4}-\d{2}-\d{2}_[a-z0-9]+(-[a-z0-9]+)*_[a-z0-9]{1,8}(-\d+)?\.pdf$")


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return make_catalog(tmp_path_factory.mktemp("catalog"))


def test_report_is_written_and_recorded(catalog: Catalog, tmp_path: Path) -> None:
    record = build_report(make_assessment(ANSWERS), out_dir=tmp_path, catalog=catalog, now=NOW)
    path = Path(record.path)
    assert path.parent == tmp_path.resolve()
    assert path.name == "2026-11-23_nedlaggning-av-bjorkskolans-f-3_3f2a9c1e.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and record.sha256 == hashlib.sha256(data).hexdigest()
    assert record.created == NOW and record.language == "sv"
    assert "Nedläggning av Björkskolans F-3" in pdf_text(data)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_a_second_report_never_overwrites_the_first(catalog: Catalog, tmp_path: Path) -> None:
    first = build_report(make_assessment(ANSWERS), out_dir=tmp_path, catalog=catalog, now=NOW)
    second = build_report(make_assessment(ANSWERS), out_dir=tmp_path, catalog=catalog, now=NOW)
    assert first.path != second.path and second.path.endswith("_3f2a9c1e-2.pdf")
    assert Path(first.path).exists()


def test_explicit_output_path_is_used_and_replaced(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "deep" / "er" / "rapport.pdf"
    build_report(make_assessment(ANSWERS), out_path=out, catalog=catalog)
    record = build_report(make_assessment(ANSWERS), lang="en", out_path=out, catalog=catalog)
    assert Path(record.path) == out.resolve() and record.language == "en"
    assert "Overall level" in pdf_text(out.read_bytes())


@pytest.mark.parametrize("title", [
    "../../etc/passwd", "Skola/Ängs\\skola: <b>nytt</b> beslut?", "..", "/", "محمد",
    "C:\\Windows\\x", "a" * 300, "Ærø Øster Straße – ﬁnal", "\x00nul",
])
def test_file_name_is_safe_for_any_title(catalog: Catalog, tmp_path: Path, title: str) -> None:
    assessment = make_assessment(ANSWERS, decision={"title": title}, id="../x/Y 7")
    record = build_report(assessment, out_dir=tmp_path, catalog=catalog, now=NOW)
    path = Path(record.path)
    assert path.parent == tmp_path.resolve()
    assert NAME.match(path.name), path.name
    assert len(path.name) <= 90


def test_slug_folds_swedish_letters() -> None:
    assert slug("Nedläggning av Björkskolans F-3") == "nedlaggning-av-bjorkskolans-f-3"
    assert slug("Ærø Øster Straße") == "aero-oster-strasse"
    assert slug("محمد") == "bka" and slug("") == "bka"


def test_file_name_without_an_id_is_stable(catalog: Catalog) -> None:
    assessment = make_assessment(ANSWERS, id=None)
    assert report_filename(assessment, NOW) == report_filename(assessment, NOW)
    assert NAME.match(report_filename(assessment, NOW))


def test_missing_output_folder_is_created(catalog: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    record = build_report(make_assessment(ANSWERS), out_dir=folder, catalog=catalog)
    assert Path(record.path).parent == folder.resolve()


def test_folder_that_cannot_be_made_is_a_clear_message(catalog: Catalog,
                                                       tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ReportError, match="cannot create the folder .*a-file"):
        build_report(make_assessment(ANSWERS), out_dir=blocker / "sub", catalog=catalog)


def test_reports_folder_from_the_environment(catalog: Catalog, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BKA_REPORTS_DIR", str(tmp_path / "env"))
    record = build_report(make_assessment(ANSWERS), catalog=catalog)
    assert Path(record.path).parent == (tmp_path / "env").resolve()


def test_failing_write_leaves_no_file(catalog: Catalog, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "rapport.pdf"
    out.write_bytes(b"the earlier report")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ReportError, match="No space left on device"):
        build_report(make_assessment(ANSWERS), out_path=out, catalog=catalog)
    assert out.read_bytes() == b"the earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]


def test_failing_rendering_writes_nothing(catalog: Catalog, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("boom")

    monkeypatch.setattr(pdf_render, "render_document_pdf", broken)
    with pytest.raises(RuntimeError):
        build_report(make_assessment(ANSWERS), out_dir=tmp_path / "r", catalog=catalog)
    assert not (tmp_path / "r").exists() or not any((tmp_path / "r").iterdir())


def test_interrupted_write_removes_the_temporary_file(catalog: Catalog, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_report(make_assessment(ANSWERS), out_dir=tmp_path, catalog=catalog)
    assert list(tmp_path.iterdir()) == []


def test_with_report_adds_the_record(catalog: Catalog, tmp_path: Path) -> None:
    assessment = make_assessment(ANSWERS)
    record = build_report(assessment, out_dir=tmp_path, catalog=catalog)
    updated = with_report(assessment, record)
    assert updated.reports == [record] and assessment.reports == []


def test_huge_title_fits_the_header(catalog: Catalog, tmp_path: Path) -> None:
    title = "Mycket lång rubrik " * 15  # near the model's limit of 300 characters
    record = build_report(make_assessment(ANSWERS, decision={"title": title}),
                          out_dir=tmp_path, catalog=catalog)
    assert "…" in pdf_text(Path(record.path).read_bytes())


def test_kept_reports_live_with_the_data(catalog: Catalog, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Two data folders keep their own reports; a backup holds them; an erase removes them."""
    import zipfile

    from app.services.erase import erase_for_good
    from app.store import open_store
    monkeypatch.delenv("BKA_REPORTS_DIR", raising=False)
    made = {}
    for name in ("kommun-a", "kommun-b"):
        data = tmp_path / name
        monkeypatch.setenv("BKA_DATA_DIR", str(data))
        store = open_store(data)
        a = store.create(make_assessment(ANSWERS), editor="t")
        record = build_report(a, catalog=catalog)
        store.add_report(a.id or "", record, editor="t")
        made[name] = (data, a.id or "", Path(record.path))
        assert Path(record.path).parent == (data / "reports").resolve()
    data, aid, pdf = made["kommun-a"]
    store = open_store(data)
    with zipfile.ZipFile(store.backup()) as zf:
        assert f"reports/{pdf.name}" in zf.namelist()
    store.delete(aid, editor="t")
    erase_for_good(store, aid, data)
    assert not pdf.exists() and made["kommun-b"][2].exists()


def test_the_kept_report_is_found_with_the_data_on_any_server(
        catalog: Catalog, tmp_path: Path, store_kind: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """In server mode the report's bytes live in the database with their assessment: the
    exact version downloads even where the file is not on disk, and goes with an erase."""
    from app.services import kept_reports
    from app.services.erase import erase_for_good
    from app.store import open_store

    monkeypatch.setenv("BKA_REPORTS_DIR", str(tmp_path / "one-server"))
    store = open_store()
    a = store.create(make_assessment(ANSWERS), editor="t")
    record = build_report(a, catalog=catalog)
    made = Path(record.path).read_bytes()
    kept_reports.keep(store, a.id or "", record, editor="t")
    Path(record.path).unlink()  # another server: the file is not here
    assert kept_reports.report_bytes(store, a.id or "", record) == made
    store.delete(a.id or "", editor="t")
    erase_for_good(store, a.id or "")
    assert kept_reports.report_bytes(store, a.id or "", record) is None


def test_kept_reports_travel_in_an_export(catalog: Catalog, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services import kept_reports
    from app.store import open_store
    from app.store.exchange import export_bytes, import_bytes

    monkeypatch.delenv("BKA_DATABASE_URL", raising=False)
    monkeypatch.setenv("BKA_REPORTS_DIR", str(tmp_path / "made-here"))
    here = open_store(tmp_path / "here")
    a = here.create(make_assessment(ANSWERS), editor="t")
    record = build_report(a, catalog=catalog)
    made = Path(record.path).read_bytes()
    kept_reports.keep(here, a.id or "", record, editor="t")
    data = export_bytes(here, [a.id or ""])
    Path(record.path).unlink()  # the receiving machine has no such file
    there = open_store(tmp_path / "there")
    import_bytes(there, data, "export.json", "t")
    (arrived,) = there.get_many([a.id or ""])
    assert kept_reports.report_bytes(there, a.id or "", arrived.reports[0]) == made
