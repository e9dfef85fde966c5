"""What the PDF carries besides its pages, written by reportlab as it saves: a bookmark for
every part and section, XMP metadata, and files embedded in the document (the assessment's
JSON, so `bka import` restores it, and the assessment's attached files).

These used to be added by reading reportlab's finished file back with pypdf and writing it
again; importing pypdf alone cost a cold `bka report` ~0.1 s, a third of the whole bare
script's time. The objects below are the same ones (PDF 1.7, 12.3.3 outlines, 14.3.2
metadata streams, 7.11.4 embedded file streams in the EmbeddedFiles name tree).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfdoc import (
    XMP,
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class EmbeddedFile:
    """A file carried inside the PDF: its name as a reader lists it, its bytes, its media type
    and a line saying what it is."""

    name: str
    data: bytes
    media_type: str
    description: str


def add_outline(canvas: Canvas, marks: Sequence[tuple[int, str, int]]) -> None:
    """A bookmark per (level, title, page from 1), opening its page whole; the reader shows
    the bookmarks when the file opens."""
    if not marks:
        return
    previous = -1
    for n, (level, title, page) in enumerate(marks):
        key = f"bkaOutline{n}"
        dest = canvas._bookmarkReference(key)  # type: ignore[attr-defined]
        dest.fit()
        # Pages are named Page1, Page2, ... as reportlab adds them; bound when it writes.
        dest.setPage(PDFObjectReference(f"Page{page}"))
        # A level deeper than one below the last would be refused: it hangs under the last.
        previous = min(level, previous + 1)
        canvas.addOutlineEntry(title, key, level=previous)
    canvas.showOutline()


def add_xmp(canvas: Canvas, text: str) -> None:
    """The XMP packet as the catalogue's metadata stream, uncompressed as archives prefer."""
    stream = XMP(creator=lambda _doc: text.encode("utf-8"))
    stream.filters = []
    canvas._doc.Catalog.Metadata = stream  # type: ignore[attr-defined]


def add_files(canvas: Canvas, files: Sequence[EmbeddedFile]) -> None:
    """The files in the catalogue's EmbeddedFiles name tree (one leaf, keys sorted, as the
    name tree requires); two files named alike stay two ('karta.pdf', 'karta (2).pdf')."""
    if not files:
        return
    doc = canvas._doc  # type: ignore[attr-defined]
    taken: set[str] = set()
    leaves: list[tuple[str, object]] = []
    for f in files:
        name = free_name(f.name, taken)
        stream = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"),
                                          "Subtype": _media_name(f.media_type),
                                          "Params": PDFDictionary({"Size": len(f.data)})}),
                           content=f.data)
        spec = PDFDictionary({"Type": PDFName("Filespec"), "F": PDFString(name),
                              "UF": PDFString(name), "Desc": PDFString(f.description),
                              "EF": PDFDictionary({"F": doc.Reference(stream)})})
        leaves.append((name, doc.Reference(spec)))
    names: list[object] = []
    for name, ref in sorted(leaves, key=lambda leaf: _sort_key(leaf[0])):
        names += [PDFString(name), ref]
    tree = PDFDictionary({"Names": PDFArray(names)})
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": doc.Reference(tree)})


def finisher(*steps: Callable[[Canvas], None]) -> Callable[[Canvas], None]:
    """One save-time hook that runs `steps` in order."""
    def finish(canvas: Canvas) -> None:
        for step in steps:
            step(canvas)
    return finish


def free_name(name: str, taken: set[str]) -> str:
    """`name`, or 'name (2).ext', 'name (3).ext'... when it is taken; marks it taken."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem} ({n}){dot}{suffix}"
    taken.add(candidate)
    return candidate


def _media_name(media_type: str) -> str:
    """A media type as a PDF name: '/' and '+' written as #2F and #2B (PDFName would take
    '/' for the start of a second name and '#' for a character to escape)."""
    return "/" + "".join(_escaped(media_type))


def _escaped(text: str) -> list[str]:
    out = []
    for c in text:
        if c == "/":
            out.append("#2F")
        elif c == "+":
            out.append("#2B")
        else:
            out.append(PDFName(c)[1:])
    return out


def _sort_key(name: str) -> bytes:
    """Name trees are sorted by their keys' bytes as written (PDF 7.9.6): PDFDocEncoding
    where the name fits it, else UTF-16BE with its mark, as PDFString writes them."""
    try:
        return name.encode("pdfdoc")  # the codec reportlab registers
    except UnicodeEncodeError:
        return b"\xfe\xff" + name.encode("utf-16-be")
