"""The report as one self-contained, accessible HTML file: fit to publish on the web.

Layout only: every word comes from the document model. Every piece of text is escaped here
(html.escape), so user text can never become markup. The page needs nothing from outside: the
style sheet is inline, the chart is inline SVG with a title, a description and its table.
"""

from __future__ import annotations

import base64
import re
from html import escape

from app.core.document.model import (
    ArticleEntry,
    Block,
    Bullets,
    Callout,
    Chart,
    Document,
    Fields,
    Figures,
    Findings,
    Heading,
    Inline,
    LongText,
    Note,
    Para,
    Question,
    Section,
    Table,
)

CSS = """
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #1d1d1b; background: #fff;
  max-width: 48rem; margin: 0 auto; padding: 1rem; line-height: 1.5; }
h1, h2, h3, h4 { color: #1f4e79; line-height: 1.25; }
h1 { font-size: 1.7rem; margin: .2rem 0 .8rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid #c8c8c2; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; color: #1d1d1b; margin: 1.1rem 0 .2rem; }
.kicker { color: #1f4e79; margin: 0; }
.org { display: flex; align-items: center; gap: .8rem; font-weight: bold; margin: 0 0 .8rem; }
.org img.logo { height: 3rem; width: auto; max-width: 12rem; }
footer.org { font-weight: normal; font-size: .85rem; color: #5b5b57; }
.draft { border: 2px solid #a4262c; padding: .5rem .8rem; font-weight: bold; }
.muted, .intro, figcaption, .missing { color: #5b5b57; }
.comment { color: #3a3a36; }
.answer { margin-left: 2.2rem; }
.num { display: inline-block; min-width: 2.2rem; }
.box { background: #f1f1ec; padding: .6rem .9rem; margin: 1rem 0; }
.note { background: #fdf3d8; }
.headline { font-size: 1.3rem; font-weight: bold; color: #1f4e79; margin: .1rem 0; }
.label { font-size: .85rem; color: #5b5b57; margin: 0; }
dl.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
  gap: .2rem 1rem; }
dl.fields div { border-bottom: 1px solid #c8c8c2; padding: .2rem 0; }
dl.pairs { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 2fr);
  gap: .2rem 1rem; }
dt { font-size: .85rem; color: #5b5b57; } dd { margin: 0; }
dt, dd { overflow-wrap: anywhere; }  /* a hash or a long compound never runs off the page */
ul.figures { list-style: none; padding: 0; display: grid;
  grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; }
.figure { font-size: 1.6rem; font-weight: bold; display: block; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
/* a table wider than a phone scrolls in its own box; the page itself never runs sideways */
.table-scroll { overflow-x: auto; }
caption { text-align: left; font-weight: bold; color: #5b5b57; padding: .2rem 0; }
th, td { text-align: left; vertical-align: top; padding: .25rem .4rem;
  border-bottom: 1px solid #c8c8c2; }
thead th { background: #f1f1ec; }
tbody th { font-weight: normal; }
.right { text-align: right; }
tr.current { background: #fff4cc; }
ul.findings { list-style: none; padding: 0; }
ul.findings li { border-left: 4px solid #b7791f; padding: .2rem .6rem; margin: .3rem 0; }
ul.findings li.serious { border-left-color: #a4262c; }
.serious-word { color: #a4262c; } .warning-word { color: #7a4f0f; }
figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
nav ol { padding-left: 1.4rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
@media print { nav { display: none; } }
"""

# Text colours at 4.5:1 or more on white and on the shaded boxes (WCAG AA); the bars keep
# the lighter chart colours, which need only 3:1.
TONE = {"serious": "#a4262c", "warning": "#7a4f0f", "positive": "#1f5a99",
        "negative": "#9a3f0e"}


def render_html(doc: Document) -> bytes:
    """The whole document as UTF-8 HTML."""
    p = doc.properties
    head = (f"<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
            f"initial-scale=1\"><title>{_e(p.title)}</title>"
            f"<meta name=\"author\" content=\"{_e(p.author)}\">"
            f"<meta name=\"description\" content=\"{_e(p.subject)}\">"
            f"<meta name=\"keywords\" content=\"{_e(p.keywords)}\">"
            f"<meta name=\"generator\" content=\"bka\"><style>{CSS}{_accent(doc)}</style>")
    parts = [f"<header>{_letterhead(doc)}<p class=\"kicker\">{_e(doc.kicker)}</p>"
             f"<h1>{_e(doc.title)}</h1>"]
    if doc.running.draft_mark:
        parts.append(f"<p class=\"draft\" role=\"note\">{_e(doc.running.draft_mark)}</p>")
    parts.append("</header>")
    parts.append(_contents(doc))
    parts.append("<main>")
    for section in doc.sections:
        parts.append(_section(doc, section))
    parts.append("</main>")
    if doc.letterhead is not None and doc.letterhead.lines:
        parts.append("<footer class=\"org\"><p>"
                     + " · ".join(_e(x) for x in doc.letterhead.lines) + "</p></footer>")
    page = (f"<!DOCTYPE html>\n<html lang=\"{_e(p.language)}\"><head>{head}</head>"
            f"<body>{''.join(parts)}</body></html>\n")
    return page.encode("utf-8")


def _accent(doc: Document) -> str:
    """The organisation's colour for the headings (a checked #rrggbb, nothing else)."""
    head = doc.letterhead
    if head is None or not re.fullmatch(r"#[0-9a-fA-F]{6}", head.colour):
        return ""
    return f"h1, h2, h3, .kicker {{ color: {head.colour}; }}"


def _letterhead(doc: Document) -> str:
    """The organisation's logo and name above the title. The logo is inlined as a data URL in
    an <img> (an SVG there runs no script and fetches nothing), with the name as its text."""
    head = doc.letterhead
    if head is None:
        return ""
    name = " · ".join(x for x in (head.name, head.unit) if x)
    logo = ""
    if head.logo is not None and head.logo_kind:
        mime = "image/svg+xml" if head.logo_kind == "svg" else "image/png"
        data = base64.b64encode(head.logo).decode("ascii")
        logo = f"<img class=\"logo\" src=\"data:{mime};base64,{data}\" alt=\"{_e(head.name)}\">"
    colour = head.colour if re.fullmatch(r"#[0-9a-fA-F]{6}", head.colour) else "#1f4e79"
    return (f"<div class=\"org\" style=\"color:{colour}\">{logo}"
            f"<span class=\"org-name\">{_e(name)}</span></div>")


def _e(text: str) -> str:
    return escape(text, quote=True)


def _lines(text: str) -> str:
    return "<br>".join(_e(line) for line in text.split("\n"))


def _inline(content: Inline) -> str:
    out = []
    for span in content:
        text = _lines(span.text)
        if span.tone:
            text = f"<span style=\"color:{TONE[span.tone]}\">{text}</span>"
        if span.muted:
            text = f"<span class=\"muted\">{text}</span>"
        if span.strong:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def _title(doc: Document, section: Section) -> str:
    return f"{doc.appendix_label}: {section.title}" if section.appendix else section.title


def _contents(doc: Document) -> str:
    items = "".join(f"<li><a href=\"#{_e(s.id)}\">{_e(_title(doc, s))}</a></li>"
                    for s in doc.sections)
    return (f"<nav aria-labelledby=\"contents\"><h2 id=\"contents\">{_e(doc.contents_label)}"
            f"</h2><ol>{items}</ol></nav>")


def _section(doc: Document, section: Section) -> str:
    body = "".join(_block(b) for b in section.blocks)
    return (f"<section id=\"{_e(section.id)}\" aria-labelledby=\"h-{_e(section.id)}\">"
            f"<h2 id=\"h-{_e(section.id)}\">{_e(_title(doc, section))}</h2>{body}</section>")


def _block(block: Block) -> str:  # noqa: C901 - one branch per kind of block
    if isinstance(block, Heading):
        level = min(block.level + 1, 6)
        ident = f" id=\"{_e(block.anchor)}\"" if block.anchor else ""
        return f"<h{level}{ident}>{_e(block.text)}</h{level}>"
    if isinstance(block, Para):
        return f"<p class=\"{block.role}\">{_inline(block.content)}</p>"
    if isinstance(block, LongText):
        return _long(block)
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Fields):
        return _fields(block)
    if isinstance(block, Note):
        items = "".join(f"<p><strong>{_e(block.label)}:</strong> {_inline(i)}</p>"
                        for i in block.items)
        return f"<div class=\"box note\" role=\"note\">{items}</div>"
    if isinstance(block, Figures):
        return _figures(block)
    if isinstance(block, Callout):
        lines = "".join(f"<p>{_inline(line)}</p>" for line in block.lines)
        label = f"<p class=\"label\">{_e(block.label)}</p>" if block.label else ""
        lead = f"<p>{_inline(block.lead)}</p>" if block.lead else ""
        return (f"<div class=\"box\">{label}{lead}"
                f"<p class=\"headline\">{_inline(block.headline)}</p>{lines}</div>")
    if isinstance(block, Chart):
        return _chart(block)
    if isinstance(block, Findings):
        return _findings(block)
    if isinstance(block, Question):
        answer = "".join(_block(b) for b in block.answer)
        return (f"<h4><span class=\"num\">{_e(block.number)}</span> {_e(block.text)}</h4>"
                f"<div class=\"answer\">{answer}</div>")
    if isinstance(block, ArticleEntry):
        mark = f" <span class=\"muted\">({_e(block.principle)})</span>" if block.principle else ""
        return f"<h3>{_e(block.title)}{mark}</h3><p>{_e(block.summary)}</p>"
    raise TypeError(f"no HTML for {type(block).__name__}")


def _long(block: LongText) -> str:
    paras = [p for p in block.text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    out = []
    for i, para in enumerate(paras or ["–"]):
        lead = f"<strong>{_e(block.label)}:</strong> " if block.label and i == 0 else ""
        out.append(f"<p class=\"{block.role}\" dir=\"auto\">{lead}{_lines(para.strip())}</p>")
    return "".join(out)


def _table(table: Table) -> str:
    def cls(col: int) -> str:
        return " class=\"right\"" if table.alignment(col) == "right" else ""

    head = "".join(f"<th scope=\"col\"{cls(i)}>{_e(h)}</th>" for i, h in enumerate(table.header))
    rows = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, cell in enumerate(row):
            tag = "th scope=\"row\"" if c == 0 and table.row_headers else "td"
            end = tag.split()[0]
            cells.append(f"<{tag}{cls(c)}>{_inline(cell)}</{end}>")
        mark = " class=\"current\"" if r in table.highlight else ""
        rows.append(f"<tr{mark}>{''.join(cells)}</tr>")
    # Most tables sit under a heading or question that says the same: their caption is then
    # for screen readers only.
    hidden = "" if table.show_caption else " class=\"sr-only\""
    caption = f"<caption{hidden}>{_e(table.caption)}</caption>" if table.caption else ""
    # The box scrolls on a narrow screen: reachable by keyboard (tabindex), as a scrollable
    # region must be; the table inside says what it is (no landmark of its own: the section
    # around it already carries the same name).
    classes = "table-scroll answer" if table.indent else "table-scroll"
    return (f"<div class=\"{classes}\" tabindex=\"0\"><table>{caption}"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def _fields(block: Fields) -> str:
    kind = "fields" if block.columns > 1 else "pairs"
    items = []
    for f in block.items:
        value = _lines(f.value) if f.value else f"<span class=\"muted\">{_e(f.empty)}</span>"
        pair = f"<dt>{_e(f.label)}</dt><dd>{value}</dd>"
        items.append(f"<div>{pair}</div>" if kind == "fields" else pair)
    return f"<dl class=\"{kind}\">{''.join(items)}</dl>"


def _figures(block: Figures) -> str:
    items = "".join(f"<li><span class=\"label\">{_e(f.label)}</span>"
                    f"<span class=\"figure\">{_e(f.value)}</span>"
                    f"<span class=\"label\">{_inline(f.detail)}</span></li>"
                    for f in block.items)
    return f"<ul class=\"figures\">{items}</ul>"


def _findings(block: Findings) -> str:
    if not block.items:
        return f"<p>{_e(block.empty)}</p>"
    items = []
    for f in block.items:
        ref = f" <span class=\"muted\">({_e(f.ref)})</span>" if f.ref else ""
        if f.details:
            ref += f" <span class=\"muted\">({_e(f.details_label)}: {_e(f.details)})</span>"
        items.append(f"<li class=\"{_e(f.severity)}\"><strong class=\"{_e(f.severity)}-word\">"
                     f"{_e(f.severity_label)}:</strong> {_e(f.message)}{ref}</li>")
    return f"<ul class=\"findings\">{''.join(items)}</ul>"


def _chart(chart: Chart) -> str:
    """Diverging bars from −2 to +2 as SVG; its title and description say what it shows."""
    row, label_w, width = 26, 260, 640
    left, right = label_w + 40, width - 40
    mid, unit = (left + right) / 2, (right - left) / 4
    height = row * len(chart.bars) + 40
    shapes = []
    for i, bar in enumerate(chart.bars):
        y = i * row
        if i % 2 == 0:
            shapes.append(f"<rect x=\"0\" y=\"{y}\" width=\"{width}\" height=\"{row}\" "
                          "fill=\"#f1f1ec\"/>")
        shapes.append(f"<text x=\"0\" y=\"{y + 17}\" font-size=\"12\">{_e(bar.label)}</text>")
        length = max(abs(bar.value) * unit, 1.5)
        x = mid if bar.value >= 0 else mid - length
        colour = "#2b6cb0" if bar.value >= 0 else "#c2571a"
        shapes.append(f"<rect x=\"{x:.1f}\" y=\"{y + 7}\" width=\"{length:.1f}\" height=\"12\" "
                      f"fill=\"{colour}\"/>")
        tx, anchor = (x + length + 4, "start") if bar.value >= 0 else (x - 4, "end")
        shapes.append(f"<text x=\"{tx:.1f}\" y=\"{y + 17}\" font-size=\"11\" "
                      f"font-weight=\"bold\" text-anchor=\"{anchor}\">{_e(bar.value_text)}</text>")
    base = row * len(chart.bars)
    for value, label in chart.ticks:
        x = mid + value * unit
        dash = "" if value == 0 else " stroke-dasharray=\"3 3\""
        shapes.append(f"<line x1=\"{x:.1f}\" y1=\"0\" x2=\"{x:.1f}\" y2=\"{base + 4}\" "
                      f"stroke=\"{'#1d1d1b' if value == 0 else '#8a8a84'}\"{dash}/>")
        shapes.append(f"<text x=\"{x:.1f}\" y=\"{base + 18}\" font-size=\"11\" "
                      f"text-anchor=\"middle\" fill=\"#5b5b57\">{_e(label)}</text>")
    shapes.append(f"<text x=\"{mid - 8:.1f}\" y=\"{base + 34}\" font-size=\"11\" "
                  f"text-anchor=\"end\" fill=\"#9a3f0e\">{_e(chart.weakened)}</text>")
    shapes.append(f"<text x=\"{mid + 8:.1f}\" y=\"{base + 34}\" font-size=\"11\" "
                  f"fill=\"#1f5a99\">{_e(chart.strengthened)}</text>")
    svg = (f"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" "
           f"width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"chart-title\">"
           f"<title id=\"chart-title\">{_e(chart.alt)}</title>"
           f"<g font-family=\"DejaVu Sans, Verdana, sans-serif\" fill=\"#1d1d1b\">"
           f"{''.join(shapes)}</g></svg>")
    return f"<figure>{svg}</figure>{_table(chart.table)}"
