"""What may be attached to an assessment, decided from the file's content, never its name.

- The type comes from the content (the `filetype` library reads the signature bytes; text
  formats, which have none, must decode as UTF-8 and hold no control bytes). A file whose
  name says one type and whose content is another is refused: someone renamed it, and the
  case file must not hold a `.pdf` that is something else.
- Sizes are checked before the content is read (FILE_MAX, ASSESSMENT_MAX): a 1 GB upload is
  refused on its announced size.
- Office files and OpenDocument are zip archives: their members are counted and their
  unpacked size and ratio bounded before anything is unpacked (a zip bomb stops here).
- A PDF that runs JavaScript or launches programs when opened is refused.
- Text that can be read (PDF, spreadsheets, Word, CSV, plain text) goes through the
  personal-data guard (app/core/privacy.py): a warning, not a refusal; the official decides.

Refusals are AttachmentRefused with a code and values; the pages word them (strings).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from xml.etree import ElementTree

import filetype

from app.core.file_sizes import MB, mb
from app.core.models.assessment import Assessment
from app.core.models.attachment import NAME_MAX
from app.core.privacy import child_text_kinds

FILE_MAX = 25 * MB  #: one file
ASSESSMENT_MAX = 100 * MB  #: every file of one assessment together
COUNT_MAX = 50  #: files on one assessment
ZIP_MEMBERS_MAX = 5_000
ZIP_UNPACKED_MAX = 300 * MB  #: what an office file's members add up to, unpacked
ZIP_RATIO_MAX = 150  #: unpacked / packed; text XML reaches 20-30, a zip bomb thousands
TEXT_READ_MAX = 400_000  #: characters of text the guard reads of one file
PDF_PAGES_READ = 60


@dataclass(frozen=True)
class Kind:
    kind: str
    media_type: str
    extensions: tuple[str, ...]
    zipped: bool = False  #: an OOXML/OpenDocument zip, checked as one
    text: bool = False  #: no signature: decoded as UTF-8


KINDS: dict[str, Kind] = {k.kind: k for k in (
    Kind("pdf", "application/pdf", (".pdf",)),
    Kind("png", "image/png", (".png",)),
    Kind("jpg", "image/jpeg", (".jpg", ".jpeg")),
    Kind("gif", "image/gif", (".gif",)),
    Kind("webp", "image/webp", (".webp",)),
    Kind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         (".docx",), zipped=True),
    Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         (".xlsx",), zipped=True),
    Kind("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
         (".pptx",), zipped=True),
    Kind("odt", "application/vnd.oasis.opendocument.text", (".odt",), zipped=True),
    Kind("ods", "application/vnd.oasis.opendocument.spreadsheet", (".ods",), zipped=True),
    Kind("csv", "text/csv", (".csv",), text=True),
    Kind("txt", "text/plain", (".txt", ".md"), text=True),
)}
#: the file chooser's filter; the content decides in the end
EXTENSIONS = sorted({e.lstrip(".") for k in KINDS.values() for e in k.extensions})


class AttachmentRefused(ValueError):
    """Not attached. `code` names the reason for the strings; `values` fill its sentence."""

    def __init__(self, code: str, **values: Any) -> None:
        super().__init__(f"{code}: {values}")
        self.code, self.values = code, values


@dataclass(frozen=True)
class Checked:
    kind: Kind
    filename: str
    personal_data: list[str] = field(default_factory=list)


def check_size(size: int, assessment: Assessment) -> None:
    """Before reading: the announced size against the limits."""
    if size > FILE_MAX:
        raise AttachmentRefused("too_large", size=mb(size), limit=mb(FILE_MAX))
    used = sum(a.size for a in assessment.attachments)
    if used + size > ASSESSMENT_MAX:
        raise AttachmentRefused("assessment_full", used=mb(used), limit=mb(ASSESSMENT_MAX),
                                size=mb(size))
    if len(assessment.attachments) >= COUNT_MAX:
        raise AttachmentRefused("too_many", limit=COUNT_MAX)


def check(filename: str, data: bytes, assessment: Assessment) -> Checked:
    """The file's kind from its content, every check above; AttachmentRefused otherwise."""
    check_size(len(data), assessment)
    if not data:
        raise AttachmentRefused("empty")
    if any(a.sha256 == _sha(data) for a in assessment.attachments):
        raise AttachmentRefused("already_attached")
    kind = detect(data)
    if kind is None:
        raise AttachmentRefused("unknown_type", allowed=", ".join(EXTENSIONS))
    name = safe_name(filename, kind)
    suffix = PurePath(name).suffix.lower()
    if suffix not in kind.extensions:
        raise AttachmentRefused("name_mismatch", name=name, actual=kind.kind.upper())
    if kind.zipped:
        check_zip(data)
    if kind.kind == "pdf":
        check_pdf(data)
    return Checked(kind, name, sorted(set(child_text_kinds(readable_text(kind, data)))))


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def detect(data: bytes) -> Kind | None:
    guess = filetype.guess(data[:8192])
    if guess is not None:
        found = KINDS.get("jpg" if guess.extension == "jpg" else guess.extension)
        if found is None and guess.extension == "zip":
            found = _office_zip(data)
        return found
    if data[:5] == b"%PDF-":
        return KINDS["pdf"]
    return _text_kind(data)


def _office_zip(data: bytes) -> Kind | None:
    """An OOXML file the signature did not name (some writers order members otherwise)."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return None
    for member, kind in (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"),
                         ("ppt/presentation.xml", "pptx")):
        if member in names:
            return KINDS[kind]
    return None


def _text_kind(data: bytes) -> Kind | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text[:100_000]):
        return None
    first = text.splitlines()[0] if text else ""
    return KINDS["csv"] if first.count(";") + first.count(",") + first.count("\t") else \
        KINDS["txt"]


def safe_name(filename: str, kind: Kind) -> str:
    """The uploaded name without folders or control characters, within NAME_MAX."""
    base = PurePath(filename.replace("\\", "/")).name
    base = "".join(c for c in unicodedata.normalize("NFC", base)
                   if unicodedata.category(c)[0] != "C").strip(" .")
    if not base:
        base = f"bilaga{kind.extensions[0]}"
    stem, suffix = PurePath(base).stem, PurePath(base).suffix
    return stem[: NAME_MAX - len(suffix)] + suffix


def check_zip(data: bytes) -> None:
    """Members and unpacked size from the archive's directory, before unpacking anything;
    the sizes the directory claims are also what reading will be held to (read_member)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise AttachmentRefused("damaged") from None
    if len(members) > ZIP_MEMBERS_MAX:
        raise AttachmentRefused("zip_bomb")
    unpacked = sum(m.file_size for m in members)
    packed = max(1, sum(m.compress_size for m in members))
    if unpacked > ZIP_UNPACKED_MAX or unpacked / packed > ZIP_RATIO_MAX:
        raise AttachmentRefused("zip_bomb")
    if any(m.flag_bits & 0x1 for m in members):
        raise AttachmentRefused("encrypted")


_PDF_ACTIONS = re.compile(rb"/(JavaScript|JS|Launch|RichMedia)\b")


def check_pdf(data: bytes) -> None:
    """No JavaScript or program launch anywhere in the PDF: in its raw bytes, and in the
    objects pypdf reads (which finds them also inside compressed object streams)."""
    if _PDF_ACTIONS.search(data):
        raise AttachmentRefused("pdf_script")
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return  # cannot be looked into; its text cannot be read either
        root = reader.trailer["/Root"]
        if _has_action(root, depth=0, seen=set()):
            raise AttachmentRefused("pdf_script")
    except AttachmentRefused:
        raise
    except (PyPdfError, ValueError, KeyError, OSError, TypeError, RecursionError):
        raise AttachmentRefused("damaged") from None


def _has_action(node: Any, depth: int, seen: set[int]) -> bool:
    """A walk of the document's objects from its catalogue looking for /JavaScript, /JS or
    /Launch; bounded in depth and by objects seen (a PDF may refer in circles)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    if depth > 40:
        return False
    if isinstance(node, IndirectObject):
        key = (node.idnum << 16) + node.generation
        if key in seen or len(seen) > 20_000:
            return False
        seen.add(key)
        node = node.get_object()
    if isinstance(node, DictionaryObject):
        if node.get("/S") in ("/JavaScript", "/Launch") or "/JS" in node:
            return True
        return any(_has_action(v, depth + 1, seen) for k, v in node.items()
                   if k not in ("/Parent", "/P"))
    if isinstance(node, ArrayObject):
        return any(_has_action(v, depth + 1, seen) for v in node)
    return False


def readable_text(kind: Kind, data: bytes) -> str:
    """The text the guard can read: PDF pages, spreadsheet cells, a Word document's
    paragraphs, CSV and plain text; '' for images and what cannot be read."""
    try:
        if kind.text:
            return data.decode("utf-8-sig", errors="replace")[:TEXT_READ_MAX]
        if kind.kind == "pdf":
            return _pdf_text(data)
        if kind.zipped:
            return _zip_text(kind.kind, data)
    except Exception:  # noqa: BLE001 - a file we cannot read gives no warning, not an error
        return ""
    return ""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        return ""
    parts, total = [], 0
    for page in reader.pages[:PDF_PAGES_READ]:
        text = page.extract_text() or ""
        parts.append(text)
        total += len(text)
        if total > TEXT_READ_MAX:
            break
    return "\n".join(parts)[:TEXT_READ_MAX]


_TEXT_MEMBERS = {
    "xlsx": re.compile(r"^xl/(sharedStrings\.xml|worksheets/sheet\d+\.xml)$"),
    "docx": re.compile(r"^word/(document|footnotes|comments)\.xml$"),
    "pptx": re.compile(r"^ppt/slides/slide\d+\.xml$"),
    "odt": re.compile(r"^content\.xml$"),
    "ods": re.compile(r"^content\.xml$"),
}


def _zip_text(kind: str, data: bytes) -> str:
    """Text nodes of the members that hold the document's words, one cell or paragraph a
    line (so a name in one cell does not run into the next)."""
    pattern = _TEXT_MEMBERS.get(kind)
    if pattern is None:
        return ""
    archive = zipfile.ZipFile(io.BytesIO(data))
    lines: list[str] = []
    total = 0
    for info in archive.infolist():
        if not pattern.match(info.filename):
            continue
        with archive.open(info) as member:
            xml = member.read(ZIP_UNPACKED_MAX)
        for element in ElementTree.fromstring(xml).iter():
            if element.text and element.text.strip():
                lines.append(element.text.strip())
                total += len(element.text)
        if total > TEXT_READ_MAX:
            break
    return "\n".join(lines)[:TEXT_READ_MAX]
