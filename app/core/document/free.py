"""The official's own titled sections, each in its place.

In the full documentation a section placed after a part of the questionnaire stands at the end
of that part of the analysis, as a sub-heading; one placed at the end is a part of its own
before the appendices. The report for the case file has them all as parts of their own after
the follow-up. The text is the official's, kept as typed.
"""

from __future__ import annotations

from dataclasses import replace

from app.core.document.model import Block, Heading, LongText, Section
from app.core.document.source import ReportInput
from app.core.models.assessment import FreeSection


def free_sections(ri: ReportInput, placed: frozenset[str] = frozenset()) -> list[Section]:
    """The sections as parts of their own, but those placed in a part named in `placed`."""
    return [Section(id=f"own-{i}", title=f.title.strip(), blocks=_body(f))
            for i, f in enumerate(ri.assessment.free_sections, 1) if f.after not in placed]


def with_free_sections(ri: ReportInput, sections: list[Section]) -> list[Section]:
    """`sections` with each free section in its place (see the module docstring); one placed
    after a part the analysis does not show (all its questions hidden) goes to the end."""
    shown = frozenset(b.anchor.removeprefix("section-") for s in sections if s.id == "analysis"
                      for b in s.blocks if isinstance(b, Heading)
                      and b.anchor.startswith("section-"))
    placed = [(i, f) for i, f in enumerate(ri.assessment.free_sections, 1) if f.after in shown]
    out = []
    for section in sections:
        if section.id == "analysis" and placed:
            section = replace(section, blocks=_insert(section.blocks, placed))
        out.append(section)
    return out + free_sections(ri, shown)


def _body(f: FreeSection) -> tuple[Block, ...]:
    return (LongText(f.text, role="body"),) if f.text.strip() else ()


def _insert(blocks: tuple[Block, ...], placed: list[tuple[int, FreeSection]]) -> tuple[Block, ...]:
    """After the last block of each part named, before the next part's heading."""
    out: list[Block] = []
    current = ""

    def flush(part: str) -> None:
        for i, f in placed:
            if f.after == part:
                out.append(Heading(2, f.title.strip(), f"own-{i}"))
                out.extend(_body(f))

    for block in blocks:
        if isinstance(block, Heading) and block.level == 2 and block.anchor.startswith("section-"):
            flush(current)
            current = block.anchor.removeprefix("section-")
        elif isinstance(block, Heading) and block.level == 2 and current:
            flush(current)  # the lists after the last part (left out, orphans)
            current = ""
        out.append(block)
    flush(current)
    return tuple(out)
