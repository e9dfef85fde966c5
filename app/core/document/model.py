"""The report as plain data: what it says, in reading order, before any format draws it.

The core decides every word, number and order here; a renderer (PDF, DOCX, HTML) only lays
it out. So no renderer holds content, and the three formats cannot drift apart. All user text
is carried as it was given (plain strings, never markup): each renderer escapes it its own way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypeAlias

Tone = Literal["serious", "warning", "positive", "negative"]
Role = Literal["body", "intro", "muted", "lead", "missing"]
Align = Literal["left", "right"]


@dataclass(frozen=True)
class Span:
    """A run of text with the emphasis it needs; `muted` marks our own asides (grey)."""

    text: str
    strong: bool = False
    muted: bool = False
    tone: Tone | None = None  #: colour a renderer may add; the words carry the meaning alone


Inline: TypeAlias = tuple[Span, ...]


def inline(*parts: str | Span) -> Inline:
    """Spans from plain strings and spans (a string is an unemphasised span)."""
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts if p)


def plain_text(content: Inline) -> str:
    """What the spans say, without emphasis (for alt texts, plain summaries, tests)."""
    return "".join(s.text for s in content)


@dataclass(frozen=True)
class Heading:
    """A heading of level 1 (a part of the report), 2 (a section) or 3."""

    level: int
    text: str
    anchor: str = ""  #: a stable id for links and bookmarks ('' for none)


@dataclass(frozen=True)
class Para:
    """A short paragraph of our own words, possibly with user text inside its spans."""

    content: Inline
    role: Role = "body"


@dataclass(frozen=True)
class LongText:
    """A user's long answer or comment: paragraphs separated by blank lines, kept as typed."""

    text: str
    label: str = ""  #: our own bold lead-in ("Kommentar"), '' for none
    role: Literal["answer", "comment", "body"] = "answer"


@dataclass(frozen=True)
class Bullets:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Table:
    """A real table: a header row, then rows of cells; the first column may head its row."""

    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    widths: tuple[float, ...]  #: fractions of the text width, summing to 1
    caption: str = ""  #: what the table holds, for screen readers and the DOCX/HTML caption
    align: tuple[Align, ...] = ()  #: per column; left when not given
    highlight: tuple[int, ...] = ()  #: indexes of rows (0 = first body row) to shade
    row_headers: bool = False  #: the first cell of each row names the row (th scope=row)
    indent: bool = False  #: hangs under a question, as an answer does
    show_caption: bool = False  #: print the caption above the table (else only announce it)

    def alignment(self, column: int) -> Align:
        return self.align[column] if column < len(self.align) else "left"


@dataclass(frozen=True)
class Field:
    label: str
    value: str  #: user text as given; '' when not given
    empty: str = ""  #: what to print when value is empty ("Ej angivet")


@dataclass(frozen=True)
class Fields:
    """Label-value pairs (the decision's metadata, the colophon)."""

    items: tuple[Field, ...]
    columns: int = 3  #: how many pairs a wide layout puts side by side


@dataclass(frozen=True)
class Note:
    """A boxed notice the reader must see before trusting the figures."""

    label: str
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    detail: Inline = ()


@dataclass(frozen=True)
class Figures:
    """The key figures side by side."""

    items: tuple[Figure, ...]


@dataclass(frozen=True)
class Callout:
    """A shaded box with a small label, a big line and explanations: the conclusion, the level."""

    label: str
    headline: Inline
    lines: tuple[Inline, ...] = ()
    lead: Inline = ()  #: a line between the label and the headline (the question answered)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  #: -2..2
    value_text: str  #: the value as the reader's language writes it


@dataclass(frozen=True)
class Chart:
    """The impact chart's data, its words, an alternative text and the same data as a table."""

    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]  #: axis positions and their labels
    weakened: str  #: the word under the negative side
    strengthened: str
    alt: str  #: one or two sentences saying what the chart shows
    table: Table  #: the chart's data for readers who cannot see it


@dataclass(frozen=True)
class Finding:
    severity: str  #: 'serious' | 'warning'
    severity_label: str  #: "Allvarlig"
    message: str
    ref: str = ""  #: "se fråga 3.2", our words
    details: str = ""  #: what the rule found (question numbers, words of the decision)
    details_label: str = ""  #: "Gäller"


@dataclass(frozen=True)
class Findings:
    items: tuple[Finding, ...]
    empty: str = ""  #: shown when there are none


@dataclass(frozen=True)
class Question:
    """One numbered question and its answer (blocks), as in the app."""

    number: str
    text: str
    answer: tuple[Block, ...]


@dataclass(frozen=True)
class ArticleEntry:
    number: int
    title: str  #: "Artikel 3. Barnets bästa"
    principle: str  #: "allmän princip", '' when not one
    summary: str


Block: TypeAlias = (Heading | Para | LongText | Bullets | Table | Fields | Note | Figures
                    | Callout | Chart | Findings | Question | ArticleEntry)


@dataclass(frozen=True)
class Section:
    """A part of the report with its own heading (level 1) and bookmark."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    appendix: bool = False  #: reference material a reader can skip
    new_page: bool = False  #: paged formats start it on a new page
    show_heading: bool = True  #: the front page has the title instead of a heading


@dataclass(frozen=True)
class Properties:
    """The file's metadata (PDF info and XMP, DOCX core properties, HTML meta)."""

    title: str
    author: str
    subject: str
    keywords: str
    language: str  #: 'sv-SE' or 'en-GB'
    created: dt.datetime


@dataclass(frozen=True)
class Running:
    """What every page of a paged format repeats."""

    title: str  #: the decision's title
    case_number: str
    footer: str  #: the report's name, with the draft word on a draft
    page_label: str  #: "Sida {page} av {pages}"
    draft_mark: str  #: "UTKAST: ..." on a draft (a header line, never letters in the text)
    watermark: str = ""  #: the draft's word for a paged format's page background, else ''


Form = Literal["short", "full"]
#: the report for the case file (default): page 1 and what decides, a few pages; the full
#: documentation: every answer, the legal basis, the appendices
FORMS: tuple[Form, ...] = ("short", "full")


@dataclass(frozen=True)
class Letterhead:
    """The organisation's profile as a paged format draws it: name, contact, logo, colour."""

    name: str
    unit: str = ""
    lines: tuple[str, ...] = ()  #: address and contact, one per line
    logo: bytes | None = None  #: the logo file's bytes
    logo_kind: Literal["png", "svg", ""] = ""
    colour: str = "#1f4e79"  #: headings and rules, as #rrggbb
    word_template: bytes | None = None  #: the organisation's .dotx/.docx, for the Word report


@dataclass(frozen=True)
class Document:
    """One report in one language."""

    lang: str  #: 'sv' or 'en'
    kicker: str  #: the questionnaire's title above the decision's
    title: str  #: the decision's title
    properties: Properties
    running: Running
    sections: tuple[Section, ...]
    contents_label: str  #: "Innehåll"
    appendix_label: str  #: "Bilaga"
    draft: bool = False
    form: Form = "full"
    letterhead: Letterhead | None = None

    def blocks(self) -> list[Block]:
        return [b for s in self.sections for b in s.blocks]
