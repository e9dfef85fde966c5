"""The PDF laid out faster than reportlab alone lays it out, with the same result: paragraphs
made and broken into lines as reportlab makes them (the same fragments, the same lines), and
the cycle collector paused only while a document is laid out."""

from __future__ import annotations

import gc
import itertools
from typing import Any

import pytest
from doc_support import example
from reportlab.lib.rl_accel import sameFrag as rl_same_frag
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.paraparser import ParaParser

from app.core.document.source import ReportError
from app.report import collector, pdf_render
from app.report.breaking import same_frag
from app.report.build import render_pdf
from app.report.measured import Paragraph
from app.report.styles import styles
from app.report.text import markup

TEXTS = [
    "Elevantalet har minskat från 52 till 31 på sex år.",
    "  space   around\n and   inside  ",
    markup("Barn och unga under 18: ”rätt” att höras"),
    "•\u00a0Nedläggning eller stängning",
    "x",
    "<b>Allvarlig: </b>Inget verkligt alternativ har prövats",
    "<b>31</b> Vila, fritid, lek och kultur<br/>kort sikt, lång sikt",
    "•\u00a0Nedläggning<br/>•\u00a0Sammanslagning<br/><br/>•\u00a0Besparing",
    "före <b>fet<br/>rad två</b> efter<b> </b>",
    "<br/>",
    "ord" * 200 + " och ett mycket långt ord utan mellanrum som inte ryms på en rad",
]


def _frags(p: Any) -> list[dict[str, Any]]:
    return [dict(vars(f)) for f in p.frags]


def _lines(p: Any) -> list[Any]:
    """A paragraph's lines as plain data (a line of several fragments is an object that
    compares by identity)."""
    if p.blPara.kind == 0:
        return list(p.blPara.lines)
    return [{**vars(line), "words": [vars(w) for w in line.words]} for line in p.blPara.lines]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("style_name", ["body", "cell", "question", "head_right"])
def test_text_bold_and_breaks_are_the_paragraph_reportlab_parses(text: str,
                                                                  style_name: str) -> None:
    style = getattr(styles(), style_name)
    ours, theirs = Paragraph(text, style, bulletText="3"), RLParagraph(text, style,
                                                                       bulletText="3")
    assert ours.text == theirs.text
    assert _frags(ours) == _frags(theirs)
    assert ours.wrap(200, 1000) == theirs.wrap(200, 1000)
    assert _lines(ours) == _lines(theirs)


@pytest.mark.parametrize("text", ["", "   ", "&#65; &quot;x&quot;", markup("a & b < c"),
                                  "<font color='#5b5b57'>grey</font>", "<b>a <b>b</b></b>",
                                  "<b>fet</b> <font color='#a4262c'>röd</font>", "<B>x</B>",
                                  "<b></b>", "a <i>b</i>"])
def test_other_markup_and_empty_text_still_go_through_reportlabs_parser(text: str) -> None:
    style = styles().body
    ours, theirs = Paragraph(text, style), RLParagraph(text, style)
    assert _frags(ours) == _frags(theirs)
    assert ours.wrap(200, 1000) == theirs.wrap(200, 1000)


def test_fragments_are_joined_into_runs_as_reportlabs_accelerator_joins_them() -> None:
    style = styles().cell
    texts = ["plain", "<b>bold</b>", "<font color='#a4262c'>red</font>", "a<br/>b",
             "<font size=10>small</font>", "<a href='https://example.org'>link</a>",
             "<u>under</u>", "<span backColor='#fff4cc'>shaded</span>", "<b>a</b>plain"]
    frags = [f for text in texts for f in ParaParser().parse(text, style)[1]]
    for f, g in itertools.product(frags, repeat=2):
        assert bool(same_frag(f, g)) == bool(rl_same_frag(f, g)), (vars(f), vars(g))


def test_a_long_mixed_paragraph_breaks_into_the_same_lines() -> None:
    style = styles().answer
    text = " ".join(f"<b>{markup('Rubrik')}:</b> ord nummer {i} och <font color='#5b5b57'>"
                    f"grå text {i}</font><br/>" for i in range(40))
    ours, theirs = Paragraph(text, style), RLParagraph(text, style)
    assert ours.wrap(300, 5000) == theirs.wrap(300, 5000)
    assert [[(w.text, w.fontName) for w in line.words] for line in ours.blPara.lines] == \
        [[(w.text, w.fontName) for w in line.words] for line in theirs.blPara.lines]


def test_kept_widths_and_heights_are_reportlabs() -> None:
    from reportlab.pdfbase import pdfmetrics

    from app.report.breaking import ascent_descent, string_width
    from app.report.fonts import BOLD, REGULAR, register_fonts

    register_fonts()
    for text, size in [("och", 9.5), (" ", 8.5), ("Lövåker", 11.5), ("", 9.5), ("och", 8.5)]:
        for font in (REGULAR, BOLD):
            for _ in range(2):  # the second answer is the kept one
                assert string_width(text, font, size) == pdfmetrics.stringWidth(text, font, size)
                assert ascent_descent(font, size) == pdfmetrics.getAscentDescent(font, size)
    assert string_width("Lövåker", BOLD, 10) > string_width("Lövåker", REGULAR, 10)


def test_the_collector_is_paused_for_a_layout_only_and_comes_back_after_a_failure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    layout = pdf_render._layout

    def watched(*args: Any) -> bytes:
        seen.append(gc.isenabled())
        return layout(*args)

    assert gc.isenabled()
    monkeypatch.setattr(pdf_render, "_layout", watched)
    assert render_pdf(example()).startswith(b"%PDF")
    assert seen == [False] and gc.isenabled()
    with pytest.raises(ReportError), collector.paused():
        raise ReportError("the layout failed")
    assert gc.isenabled()
    gc.disable()  # a caller that had turned it off itself keeps it off
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_gathering_a_report_and_parsing_the_fonts_run_with_the_collector_paused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.report import context, fonts

    seen: dict[str, bool] = {}
    gather, parse = context.prepare_with, fonts.TTFont

    def gathered(*args: Any, **kwargs: Any) -> Any:
        seen["gather"] = gc.isenabled()
        return gather(*args, **kwargs)

    def parsed(*args: Any, **kwargs: Any) -> Any:
        seen["font"] = gc.isenabled()
        return parse(*args, **kwargs)

    monkeypatch.setattr(context, "prepare_with", gathered)
    monkeypatch.setattr(fonts, "TTFont", parsed)
    assert context.prepare(example()).assessment.id == example().id
    fonts.register_fonts.__wrapped__()  # once more: names already registered stay as they are
    assert seen == {"gather": False, "font": False} and gc.isenabled()


@pytest.mark.parametrize("text", ["<b>open", "close</b> x", "<b>a</b></b>"])
def test_broken_markup_is_refused_as_reportlab_refuses_it(text: str) -> None:
    with pytest.raises(ValueError):
        RLParagraph(text, styles().body)
    with pytest.raises(ValueError):
        Paragraph(text, styles().body)


def test_drawn_text_is_encoded_to_the_same_subset_codes_as_reportlab_encodes_it() -> None:
    import random

    from reportlab.pdfbase import pdfmetrics

    from app.report import subsets
    from app.report.fonts import REGULAR, register_fonts

    register_fonts()
    font = pdfmetrics.getFont(REGULAR)
    class Doc:  # a document, as the font's state knows it (a weak key)
        pass

    ours, theirs = Doc(), Doc()  # two documents: each font state its own
    rng = random.Random(7)
    alphabet = ("abcdefghijklmnopqrstuvwxyzåäöÅÄÖ 0123456789.,:;–”\u00a0\U0001f600"
                + "".join(map(chr, range(0x400, 0x4ff))))  # Cyrillic: past the first subset
    for n in range(600):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        if n % 3 == 0:
            text = "Lövåker skola, 31 elever"  # known characters again: the quick way
        assert subsets.split_string(font, text, ours) == \
            subsets._split_string(font, text, theirs), text
    assert font.state[ours].assignments == font.state[theirs].assignments
    assert max(font.state[ours].assignments.values()) > 255  # a second subset was reached
