"""The page scripts: Streamlit's sanitiser keeps them, and our words cover Streamlit's."""

from __future__ import annotations

import re

import pytest

from app.ui.document import script, streamlit_words
from app.ui.screens.present import KEYS


def _body(text: str) -> str:
    assert text.startswith("<script>") and text.endswith("</script>")
    return text[len("<script>"):-len("</script>")]


@pytest.mark.parametrize("text", [script("sv"), script("en"), KEYS])
def test_no_script_text_that_streamlits_sanitiser_would_drop(text: str) -> None:
    # DOMPurify removes a script element whose text holds "<" followed by a letter or "/".
    assert not re.search(r"<[/\w]", _body(text))


def test_the_document_language_is_set_from_the_interface_language() -> None:
    assert 'documentElement.lang = "sv"' in script("sv")
    assert 'documentElement.lang = "en"' in script("en")


def test_streamlits_words_have_ours_in_both_languages() -> None:
    sv, sv_patterns = streamlit_words("sv")
    en, _ = streamlit_words("en")
    assert sv["Skip to main content"] == "Hoppa till huvudinnehållet"
    assert sv["Page not found"] == "Sidan finns inte"
    assert en["Choose options"] == "Choose one or more"
    assert set(sv) == set(en)
    for pattern, ours in sv_patterns:
        re.compile(pattern)
        assert "$1" in ours or "(" not in pattern, pattern
    per_file = next(ours for pattern, ours in sv_patterns if "per file" in pattern)
    assert re.sub(r"^(\d+)MB per file$", per_file.replace("$1", r"\1"),
                  "200MB per file") == "högst 200 MB per fil"
