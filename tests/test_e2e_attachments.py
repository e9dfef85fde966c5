"""An official attaches the survey results and the map in a real browser, sees a renamed
file and an oversized one refused with a clear message, downloads an attachment as a file,
and finds both listed with their checksums in the report made on the results page; the
export carries them to another installation and the erase leaves nothing behind."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from attachment_files import pdf, personnummer, png
from browser import ARGS, CHROMIUM, need_chromium, running_app
from test_report_support import pdf_text

from app.core.loading import load_assessment
from app.services.attachments import Attachments
from app.services.erase import erase_for_good
from app.services.paths import ROOT
from app.store.exchange import export_bytes, import_bytes
from app.store.factory import open_store

pytestmark = pytest.mark.browser
MARKER = "Enkat-skolvag-e2e-4b1d"


def test_an_official_attaches_files_and_the_report_lists_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data, reports = tmp_path / "data", tmp_path / "reports"
    monkeypatch.delenv("BKA_DATABASE_URL", raising=False)
    monkeypatch.setenv("BKA_REPORTS_DIR", str(reports))
    a, _ = load_assessment(ROOT / "examples" / "trafik-skolvag.yaml")
    aid = open_store(data).create(a.model_copy(update={"status": "draft"})).id or ""
    files = tmp_path / "files"
    files.mkdir()
    survey = pdf(f"Enkätresultat {MARKER}", f"Svar från elev {personnummer()}")
    (files / "enkät.pdf").write_bytes(survey)
    (files / "karta.png").write_bytes(png())
    (files / "karta-som-pdf.pdf").write_bytes(png((0, 90, 160)))  # a renamed image
    huge = files / "film.pdf"
    with huge.open("wb") as f:  # 1 GB, sparse: the disk holds nothing of it
        f.truncate(1024 ** 3)

    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.goto(f"{base}/analys?id={aid}")
        page.get_by_text("Underlag och bilagor (0)").click()

        def attach(path: Path, title: str) -> None:
            page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(path))
            # the file is sent as soon as it is chosen: wait until it is there
            expect(page.get_by_role("button", name=f"Ta bort {path.name}")).to_be_visible(
                timeout=30_000)
            page.get_by_role("textbox", name="Filens titel").fill(title)
            page.get_by_role("button", name="Bifoga").click()

        attach(files / "enkät.pdf", "Enkät om skolvägen")
        expect(page.get_by_text("”Enkät om skolvägen” är bifogad")).to_be_visible(
            timeout=30_000)
        expect(page.get_by_text(re.compile(
            r"Filen verkar innehålla personuppgifter \(.*personnummer.*\)")).first
        ).to_be_visible()
        attach(files / "karta.png", "Karta över skolvägen")
        expect(page.get_by_text("”Karta över skolvägen” är bifogad")).to_be_visible(
            timeout=30_000)
        attach(files / "karta-som-pdf.pdf", "Felnamnad")
        expect(page.get_by_text("Filen heter ”karta-som-pdf.pdf” men innehållet är PNG")
               ).to_be_visible(timeout=30_000)

        # 1 GB is refused in the browser before anything is sent
        page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(huge))
        expect(page.get_by_test_id("stFileUploader").get_by_text(
            "Filen får vara högst 25.0 MB och skickades inte.")).to_be_visible(timeout=30_000)
        page.get_by_role("button", name="Bifoga").click()
        expect(page.get_by_text("Välj en fil att bifoga.")).to_be_visible(timeout=30_000)

        stored = open_store(data).get(aid)
        assert [x.title for x in stored.attachments] == ["Enkät om skolvägen",
                                                          "Karta över skolvägen"]
        expect(page.get_by_text(stored.attachments[0].sha256, exact=False)).to_be_visible()

        # downloaded as a file, byte for byte
        with page.expect_download() as download:
            page.get_by_role("button", name="Ladda ner").first.click()
        assert Path(download.value.path()).read_bytes() == survey

        # the report made on the results page lists both with their checksums
        page.goto(f"{base}/resultat?id={aid}")
        page.get_by_role("button", name="Skapa PDF-rapport").click()
        expect(page.get_by_text("SHA-256").first).to_be_visible(timeout=60_000)
        browser.close()

    kept = open_store(data).get(aid).reports[-1]
    text = "".join(pdf_text(Path(kept.path).read_bytes()).split())
    for x in stored.attachments:
        assert x.sha256 in text and x.filename in text

    # the export carries the files; an import elsewhere has them
    store = open_store(data)
    exported = export_bytes(store, [aid])
    assert hashlib.sha256(survey).hexdigest() in json.loads(exported)["files"]
    other = open_store(tmp_path / "other")
    import_bytes(other, exported, "export.json", "Per Berg")
    moved = other.get(aid)
    assert Attachments(other, tmp_path / "other").all_files(moved)[
        stored.attachments[0].sha256] == survey

    # erased: nothing of the files is left in the data folder
    store.delete(aid, editor="Karin Lund")
    erase_for_good(store, aid, data)
    left = [p for p in data.rglob("*") if p.is_file() and "backups" not in p.parts
            and MARKER.encode() in p.read_bytes()]
    assert left == [] and not (data / "attachments" / aid).exists()
    assert os.path.getsize(huge) == 1024 ** 3  # (the sparse file, never read)
