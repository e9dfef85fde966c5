"""Underlag attached to an assessment: the type from the content, the limits, hostile files,
the personal-data guard on what can be read; listed with name, size and SHA-256 in every
report format and carried in the full documentation's PDF; in exports and imports; erased
with the assessment, leaving nothing in the data folder or the database; access by the
assessment's rules. On the local folder and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import subprocess
from pathlib import Path

import pytest
from attachment_files import pdf, pdf_with_javascript, personnummer, png, xlsx, zip_bomb
from pypdf import PdfReader
from test_report_support import pdf_text

from app.core import attachments as rules
from app.core.access import AccessRefused, Identity
from app.core.loading import load_assessment
from app.core.models.assessment import Assessment, Ownership
from app.core.roles import Person
from app.report.formats import render_as
from app.services.attachments import Attachments
from app.services.erase import erase_for_good
from app.services.paths import ROOT
from app.store.exchange import export_bytes, import_bytes
from app.store.factory import open_store

LOCAL = Identity(local=True)
MARKER = "Skolvagsenkat-7f3a91"  #: words that occur only in the attached files


def example() -> Assessment:
    a, _ = load_assessment(ROOT / "examples" / "trafik-skolvag.yaml")
    return a.model_copy(update={"status": "draft"})


def empty() -> Assessment:
    return example().model_copy(update={"id": "x", "attachments": []})


# --- hostile and ordinary files, the core's checks ----------------------------------------

def refusal(name: str, data: bytes) -> rules.AttachmentRefused:
    with pytest.raises(rules.AttachmentRefused) as caught:
        rules.check(name, data, empty())
    return caught.value


def test_the_type_comes_from_the_content_not_the_name() -> None:
    assert rules.check("karta.png", png(), empty()).kind.kind == "png"
    assert rules.check("enkät.xlsx", xlsx("Svar"), empty()).kind.kind == "xlsx"
    wrong = refusal("karta.pdf", png())
    assert (wrong.code, wrong.values["actual"]) == ("name_mismatch", "PNG")
    assert refusal("program.pdf", b"MZ\x90\x00" + b"\0" * 200).code == "unknown_type"
    assert refusal("sida.txt", b"\x00\x01binary\x02").code == "unknown_type"
    assert refusal("tom.pdf", b"").code == "empty"


def test_hostile_files_are_refused() -> None:
    assert refusal("protokoll.docx", zip_bomb()).code == "zip_bomb"
    assert refusal("enkät.pdf", pdf_with_javascript()).code == "pdf_script"
    disguised = pdf_with_javascript(disguised=True)
    assert b"/JavaScript" not in disguised and b"/JS" not in disguised
    assert refusal("enkät.pdf", disguised).code == "pdf_script"
    assert refusal("trasig.pdf", b"%PDF-1.7\n" + b"garbage" * 50).code == "damaged"


def test_sizes_are_refused_before_the_content_is_read() -> None:
    gigabyte = 1024 ** 3
    with pytest.raises(rules.AttachmentRefused) as caught:
        rules.check_size(gigabyte, empty())
    assert caught.value.code == "too_large" and caught.value.values["size"] == "1024.0 MB"
    near_full = empty().model_copy(update={"attachments": [
        _record(f"{n:064x}", 24 * rules.MB) for n in range(4)]})
    with pytest.raises(rules.AttachmentRefused) as caught:
        rules.check_size(5 * rules.MB, near_full)
    assert caught.value.code == "assessment_full"


def _record(sha: str, size: int):  # type: ignore[no-untyped-def]
    from app.core.models.attachment import Attachment

    return Attachment(sha256=sha, title="t", filename="f.pdf", kind="pdf",
                      media_type="application/pdf", size=size,
                      added=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))


def test_the_guard_reads_pdfs_and_spreadsheets() -> None:
    pn = personnummer()
    assert "personnummer" in rules.check("svar.pdf", pdf(f"Elev {pn}"), empty()).personal_data
    sheet = rules.check("svar.xlsx", xlsx("Namn", "Ali Hassan", "ali.h@skolan.se"), empty())
    assert {"email", "name"} <= set(sheet.personal_data)
    assert rules.check("svar.pdf", pdf("Trafiken vid skolan"), empty()).personal_data == []


# --- stored, reported, exported, erased: both stores --------------------------------------

@pytest.fixture
def folder(store_kind: str, tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_attached_files_are_listed_carried_exported_and_erased(
        folder: Path, store_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    store = open_store(folder)
    a = store.create(example(), editor="Karin Lund")
    service = Attachments(store, folder)
    survey = pdf(f"Enkätresultat {MARKER}", "Årskurs 4-6, 212 svar")
    map_png = png()
    service.add(LOCAL, a.id or "", "enkät.pdf", survey, title="Enkät om skolvägen",
                editor="Karin Lund")
    service.add(LOCAL, a.id or "", "C:\\kartor\\karta.png", map_png, title="Karta",
                question="children_heard", editor="Karin Lund")
    stored = store.get(a.id or "")
    assert [(x.filename, x.size, x.sha256) for x in stored.attachments] == [
        ("enkät.pdf", len(survey), hashlib.sha256(survey).hexdigest()),
        ("karta.png", len(map_png), hashlib.sha256(map_png).hexdigest())]
    assert service.read(LOCAL, stored, stored.attachments[0].sha256) == survey

    # every format lists name, size and checksum; the full PDF carries the files
    for form in ("short", "full"):
        html = render_as(stored, ".html", form=form).decode()
        text = pdf_text(render_as(stored, ".pdf", form=form))
        for x in stored.attachments:
            assert x.filename in html and x.sha256 in html and f"{x.size:,}".replace(
                ",", " ") in html
            assert x.sha256[:20] in text.replace(" ", "").replace("\n", "")
    docx = render_as(stored, ".docx", form="short")
    from docx import Document

    words = "\n".join(c.text for t in Document(io.BytesIO(docx)).tables
                      for r in t.rows for c in r.cells)
    assert all(x.sha256 in words and x.filename in words for x in stored.attachments)
    carried = PdfReader(io.BytesIO(render_as(stored, ".pdf", form="full"))).attachments
    assert carried["enkät.pdf"] == [survey] and carried["karta.png"] == [map_png]
    assert "enkät.pdf" not in PdfReader(io.BytesIO(render_as(stored, ".pdf",
                                                             form="short"))).attachments

    # an export carries the bytes; an import elsewhere has the files again
    exported = export_bytes(store, [a.id or ""])
    assert hashlib.sha256(survey).hexdigest() in json.loads(exported)["files"]
    other_folder = tmp_path / "elsewhere"
    if store_kind == "tinydb":
        other = open_store(other_folder)
        import_bytes(other, exported, "export.json", "Per Berg")
        moved = other.get(a.id or "")
        assert Attachments(other, other_folder).read(
            LOCAL, moved, moved.attachments[0].sha256) == survey

        # the full documentation's PDF brings them back too
        third = open_store(tmp_path / "third")
        import_bytes(third, render_as(stored, ".pdf", form="full"), "rapport.pdf", "Per Berg")
        back = third.get(a.id or "")
        assert Attachments(third, tmp_path / "third").all_files(back) == {
            x.sha256: data for x, data in zip(stored.attachments, (survey, map_png),
                                              strict=True)}

    # erased with the assessment: nothing of the files anywhere in the data folder or database
    store.delete(a.id or "", editor="Karin Lund")
    erase_for_good(store, a.id or "", folder)
    leftovers = [p for p in folder.rglob("*") if p.is_file() and "backups" not in p.parts
                 and (MARKER.encode() in p.read_bytes() or map_png in p.read_bytes())]
    assert leftovers == []
    assert not (folder / "attachments" / (a.id or "")).exists()
    if store_kind == "postgresql":
        server = request.getfixturevalue("pg_server")
        dump = subprocess.run(
            [str(server.bin / "pg_dump"), "-h", str(server.socket_dir), "-p",
             str(server.port), "-U", "bka", "--data-only", "bka_test"],
            capture_output=True, check=True).stdout
        assert MARKER.encode() not in dump and MARKER.encode().hex().encode() not in dump
        assert hashlib.sha256(survey).hexdigest().encode() not in dump
        assert server.psql("SELECT count(*) FROM attachment_files", "bka_test").strip() == "0"


def test_access_follows_the_assessment(folder: Path) -> None:
    store = open_store(folder)
    owner = Person("sub-anna", "Anna", "anna@kommun.se", frozenset({"handlaggare"}), "Skola A")
    other = Person("sub-bo", "Bo", "bo@kommun.se", frozenset({"handlaggare"}), "Skola B")
    a = store.create(example().model_copy(update={
        "ownership": Ownership(sub=owner.sub, unit="Skola A", shared=False)}))
    service = Attachments(store, folder)
    anna = Identity(local=True, login=True, person=owner)
    bo = Identity(local=True, login=True, person=other)
    service.add(anna, a.id or "", "karta.png", png(), title="Karta")
    with pytest.raises(AccessRefused):
        service.add(bo, a.id or "", "annan.png", png(), title="Annan")
    stored = store.get(a.id or "")
    with pytest.raises(AccessRefused):
        service.read(bo, stored, stored.attachments[0].sha256)
    with pytest.raises(AccessRefused):
        service.remove(bo, a.id or "", stored.attachments[0].sha256)
    service.remove(anna, a.id or "", stored.attachments[0].sha256)
    assert store.get(a.id or "").attachments == []


def test_a_backup_holds_the_attached_files(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    monkeypatch.delenv("BKA_DATABASE_URL", raising=False)
    folder = tmp_path / "data"
    store = open_store(folder)
    a = store.create(example())
    survey = pdf(f"Enkät {MARKER}")
    Attachments(store, folder).add(LOCAL, a.id or "", "enkät.pdf", survey, title="Enkät")
    sha = hashlib.sha256(survey).hexdigest()
    with zipfile.ZipFile(store.backup()) as archive:
        assert archive.read(f"attachments/{a.id}/{sha}") == survey
    (folder / "attachments" / (a.id or "") / sha).write_bytes(b"changed on disk")
    from app.store.errors import StoreError

    with pytest.raises(StoreError, match="no longer matches its checksum"):
        store.backup()


def test_the_tagged_full_documentation_carries_the_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.report.tagged_pdf import available

    if not available():
        pytest.skip("WeasyPrint or Pango is not installed")
    monkeypatch.delenv("BKA_DATABASE_URL", raising=False)
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path / "data"))
    store = open_store(tmp_path / "data")
    a = store.create(example())
    picture = png()
    Attachments(store, tmp_path / "data").add(LOCAL, a.id or "", "karta.png", picture,
                                              title="Karta")
    tagged = render_as(store.get(a.id or ""), ".pdf", form="full", tagged=True)
    assert PdfReader(io.BytesIO(tagged)).attachments["karta.png"] == [picture]


def test_a_copy_starts_without_the_sources_files(folder: Path) -> None:
    store = open_store(folder)
    a = store.create(example())
    Attachments(store, folder).add(LOCAL, a.id or "", "karta.png", png(), title="Karta")
    copy = store.duplicate(a.id or "", "Karin Lund")
    assert copy.attachments == [] and len(store.get(a.id or "").attachments) == 1
