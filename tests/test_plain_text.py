"""User text for display: no bidi control escapes, no link is found, Markdown stays text."""

from __future__ import annotations

from app.core.plain_text import FSI, PDI, isolate, strip_bidi
from app.ui.safe import WJ, md, user


def test_every_explicit_bidi_control_is_removed_and_the_text_isolated() -> None:
    hostile = "a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j"
    assert strip_bidi(hostile) == "abcdefghij"
    assert isolate("\u202eBUN 2026/1") == f"{FSI}BUN 2026/1{PDI}"
    assert isolate("مدرسة") == f"{FSI}مدرسة{PDI}"  # natural right-to-left text is kept
    assert isolate("") == "" and isolate(None) == ""


def test_markdown_text_has_no_override_and_no_link_trigger() -> None:
    shown = md("\u202eSe https://x.se, www.y.org, a@b.se **fet** [l](http://z)")
    assert "\u202e" not in shown
    assert "://" not in shown and "www." not in shown.lower() and "a@" not in shown
    assert shown.replace(WJ, "").replace("\\", "") == (
        "Se https://x.se, www.y.org, a@b.se **fet** [l](http://z)")
    assert user("\u202eDNR") == f"{FSI}DNR{PDI}"
