"""Reading an import file: an export (JSON, read as a stream), one assessment in the
interchange form (YAML or JSON, docs/FORMAT.md) or a report PDF that carries one.

Everything is read and validated before anything is written, so a file that is not ours, is
cut short or comes from a newer version changes nothing; problems say what and where
("export.json, assessment 812: ...").

The size limit of a streamed export comes from measurement (app/core/limits.py,
bench/bench_exchange.py): at 10,000 realistic assessments (130 MB) an import peaks at about
1.35 GB, most of it the checked assessments themselves, kept until they are compared and
written (all of an import goes in or none of it).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import IO, Any

from app.core.catalog import Catalog
from app.core.document.attachment import ATTACHMENT_NAME, NoAttachment, attached_assessment, is_pdf
from app.core.errors import LoadError, Problem
from app.core.import_check import readable_problems
from app.core.jsonsource import parse_json
from app.core.limits import MAX_EXPORT_BYTES, MAX_JSON_BYTES, too_large
from app.core.loading import parse_assessment
from app.core.models.assessment import FORMAT as ASSESSMENT_FORMAT
from app.core.models.assessment import Assessment
from app.core.yamlsource import Source, parse_yaml
from app.store.attachment_exchange import files_in
from app.store.errors import ImportRejected
from app.store.export_stream import read_stream
from app.store.export_write import EXPORT_FAMILY, EXPORT_FORMAT
from app.store.layout import SAFE_ID

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class Incoming:
    """What an import file holds: its assessments and the attached files it carries."""

    assessments: list[Assessment]
    files: dict[str, bytes] = field(default_factory=dict)


def read_import(data: bytes, name: str, catalog: Catalog | None = None) -> list[Assessment]:
    """The assessments of an export file or of one interchange file; ImportRejected if the
    file is not one of ours, is damaged, or is from a newer version, or (given the catalog)
    if an assessment's questionnaire, version or question ids are not known here."""
    return read_incoming(io.BytesIO(data), name, catalog).assessments


def read_incoming(handle: IO[bytes], name: str, catalog: Catalog | None = None) -> Incoming:
    """As read_import, from a seekable binary file: an export (JSON) is read as a stream, one
    assessment at a time (export_stream.py); a single assessment (YAML) or a report PDF,
    both small, are read whole."""
    size = handle.seek(0, io.SEEK_END)
    handle.seek(0)
    head = handle.read(1024)
    start = len(UTF8_BOM) if head.startswith(UTF8_BOM) else 0
    if not head[start:].strip():
        raise ImportRejected(name, ["the file is empty"])
    if head[start:].lstrip()[:1] in (b"{", b"["):
        if size > MAX_EXPORT_BYTES:
            raise ImportRejected(name, [str(too_large(name, size, MAX_EXPORT_BYTES, "JSON")
                                            .message)])
        handle.seek(start)
        return _read_json(handle, name, catalog)
    if size > MAX_JSON_BYTES:
        raise ImportRejected(name, [str(too_large(name, size, MAX_JSON_BYTES, "import")
                                        .message)])
    handle.seek(0)
    data = handle.read()
    if is_pdf(data):  # a report made by bka carries its assessment as an attachment
        try:
            inner = attached_assessment(data)
        except NoAttachment as exc:
            raise ImportRejected(name, [str(exc)]) from None
        embedded = files_in(data)
        found = read_incoming(io.BytesIO(inner), f"{name} ({ATTACHMENT_NAME})", catalog)
        return Incoming(found.assessments, embedded)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(name, ["it is not a text file (an export is JSON, an assessment "
                                    "JSON or YAML)"]) from None
    source = _parse(text, name)
    return Incoming(_classified(source.data, source, None, catalog))


def _read_json(handle: IO[bytes], name: str, catalog: Catalog | None) -> Incoming:
    """An export streamed: each assessment checked as it is read and only its model kept."""
    parsed: list[Assessment] = []
    problems: list[str | Problem] = []

    def take(n: int, item: Any, top: dict[str, Any]) -> None:
        fmt = top.get("format")
        if isinstance(fmt, str) and fmt.startswith(EXPORT_FAMILY) and fmt != EXPORT_FORMAT:
            raise ImportRejected(name, [_newer_export(fmt)])  # said before reading on
        source = Source(f"{name}, assessment {n}", item)
        try:
            assessment = parse_assessment(source)
        except LoadError as exc:
            problems.extend(exc.problems)
            return
        if catalog is not None:
            problems.extend(readable_problems(assessment, catalog, source))
        parsed.append(assessment)

    streamed = read_stream(handle, name, take)
    if not streamed.is_object:
        raise ImportRejected(name, [NEITHER])
    if streamed.items is None:  # one assessment, or not ours: its top level is all there is
        return Incoming(_classified(streamed.top, Source(name, streamed.top), None, catalog))
    _classified(streamed.top, Source(name, streamed.top), parsed, catalog)
    if problems:
        raise ImportRejected(name, _bounded(problems))
    _check_ids(parsed, name)
    return Incoming(parsed, streamed.files)


def _classified(content: Any, source: Source, streamed: list[Assessment] | None,
                catalog: Catalog | None) -> list[Assessment]:
    """The assessments of a file's top level (`streamed`: those of its `assessments` array,
    already read); ImportRejected when the file is not an export or an assessment of ours."""
    name = source.file
    has_items = streamed is not None or (isinstance(content, dict) and "assessments" in content)
    if isinstance(content, dict) and has_items and "format" not in content:
        raise ImportRejected(name, ["it has no 'format' key, so it is not a BKA export file"])
    fmt = content.get("format") if isinstance(content, dict) else None
    if isinstance(fmt, str) and fmt.startswith(EXPORT_FAMILY):
        if fmt != EXPORT_FORMAT:
            raise ImportRejected(name, [_newer_export(fmt)])
        if streamed is None:
            raise ImportRejected(name, ["'assessments' is missing or not a list"])
        return streamed
    if isinstance(content, dict) and not has_items and (
            (fmt in (None, ASSESSMENT_FORMAT) and {"questionnaire", "decision"} <= set(content))
            or (isinstance(fmt, str) and fmt.startswith("bka-assessment/"))):
        one = _one(source, name)  # a newer bka-assessment: the core's message says so
        if catalog is not None:
            problems = readable_problems(one, catalog, source)
            if problems:
                raise ImportRejected(name, problems)
        _check_ids([one], name)
        return [one]
    raise ImportRejected(name, [NEITHER])


NEITHER = ("it is neither a BKA export file (format bka-export/1) nor an assessment file "
           "(format bka-assessment/1)")
SHOWN_PROBLEMS = 50  # problems listed one by one; the rest are counted


def _newer_export(fmt: str) -> str:
    return (f"it is in format {fmt}, made by a newer version of this tool; this version "
            f"reads {EXPORT_FORMAT}")


def _bounded(problems: list[str | Problem]) -> list[str | Problem]:
    if len(problems) <= SHOWN_PROBLEMS:
        return problems
    return problems[:SHOWN_PROBLEMS] + [f"and {len(problems) - SHOWN_PROBLEMS:,} more "
                                        "problems like these"]


def _parse(text: str, name: str) -> Source:
    stripped = text.lstrip()
    try:
        if name.lower().endswith(".json") or stripped.startswith(("{", "[")):
            return parse_json(text, name, cut_short_message=True)
        # An assessment file has no use for aliases; refusing them all stops alias bombs.
        return parse_yaml(text, name, aliases=0)
    except LoadError as exc:
        raise ImportRejected(name, exc.problems) from None


def _one(source: Source, name: str) -> Assessment:
    try:
        return parse_assessment(source)
    except LoadError as exc:
        raise ImportRejected(name, exc.problems) from None


def _check_ids(assessments: list[Assessment], name: str) -> None:
    problems, seen = [], set()
    for a in assessments:
        if a.id is None:
            continue
        if not SAFE_ID.match(a.id):
            problems.append(f"the id {a.id!r} is not a valid id (letters, digits, - and _, "
                            "at most 64); remove it to import the assessment as a new one")
        elif a.id in seen:
            problems.append(f"the id {a.id} appears twice in the file")
        seen.add(a.id)
    if problems:
        raise ImportRejected(name, problems)
