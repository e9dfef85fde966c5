"""Sentences filled with figures: Swedish figures, and a count's word agreeing with it, in every
string table of the product (the app's, the report's, the minutes', the workshop summary's)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from app.core.numbers import MINUS, NNBSP
from app.core.wording import fill
from app.ui.strings.i18n import _strings
from app.ui.strings.i18n import t as ui

# Placeholders that hold words, never a count: any other placeholder followed by a word must
# make the word agree with it ("{count:# grupp|# grupper}"), or a sentence says "1 allvarliga
# brister". A new placeholder is checked until it is named here as text.
TEXTS = {"address", "articles", "by", "code", "date", "due", "field", "group", "id", "level",
         "mean", "name", "qid", "quality", "question", "title", "value", "what", "who",
         # a question's number ("fråga 4.2"), a version, sizes ("5 MB"), moments: no counts
         "number", "before", "version", "file_max", "total_max", "size", "used", "when",
         "stored", "incoming",  # revision numbers
         "kept", "removed", "alone", "others"}  # options' labels, quoted and listed
# Words that may follow a count whatever its number ("3 av 5", "2 of 4", "7 tecken", "5 barn"):
# prepositions, and Swedish nouns whose plural is the singular.
ANY_NUMBER = {"av", "of", "till", "to", "for", "på", "från", "from", "per", "i", "in", "st",
              "tecken", "barn", "ord", "avsnitt", "år", "deltagare", "poäng", "stärks", "försvagas",
              # English adjectives and participles: one form for any number
              "required", "updated", "rated", "open", "unresolved", "strengthened", "weakened",
              "new"}
PLACEHOLDER_THEN_WORD = re.compile(r"\{(?P<name>[a-z_]+)\}\s+(?P<word>[^\W\d_][\w-]*)")


def catalogues() -> Iterator[tuple[str, str]]:
    """(where, text) for every sentence of ours in every language."""
    from app.core import verdict
    from app.core.document import legal, review
    from app.core.document.strings import STRINGS as report
    from app.report import dashboard, followup, meeting_period, minutes, workshop_strings

    for key, entry in _strings().items():
        for lang, text in entry.items():
            forms = text if isinstance(text, dict) else {"": text}
            for form, value in forms.items():
                yield f"strings {key}.{lang}{form and '.' + form}", str(value)
    tables = {"report": report, "followup": followup.WORDS, "minutes": minutes.WORDS,
              "workshop summary": workshop_strings.STRINGS, "review": review._S,
              "legal": legal._WORDS, "council overview": dashboard.WORDS,
              "meetings of a period": meeting_period.WORDS}
    for name, table in tables.items():
        for key, pair in table.items():
            for lang, text in zip(("sv", "en"), pair, strict=True):
                yield f"{name} {key}.{lang}", text
    for key, entry in verdict.STRINGS.items():
        for lang, text in entry.items():
            yield f"verdict {key}.{lang}", text


def test_a_counted_word_agrees_with_its_count_everywhere() -> None:
    wrong = []
    for where, text in catalogues():
        if where.endswith((".one", ".other")):
            continue  # a form chosen by the count already
        for m in PLACEHOLDER_THEN_WORD.finditer(text):
            if m["name"] not in TEXTS and m["word"].lower() not in ANY_NUMBER:
                wrong.append(f"{where}: {{{m['name']}}} {m['word']}")
    assert not wrong, "counts whose word does not follow the number:\n" + "\n".join(wrong)


@pytest.mark.parametrize(("count", "sv", "en"), [
    (1, "1 allvarlig brist", "1 serious finding"),
    (3, "3 allvarliga brister", "3 serious findings"),
])
def test_one_sentence_picks_each_counts_form(count: int, sv: str, en: str) -> None:
    text = "{n:# allvarlig brist|# allvarliga brister}"
    assert fill(text, "sv", n=count) == sv
    assert fill("{n:# serious finding|# serious findings}", "en", n=count) == en


def test_figures_in_a_sentence_are_written_the_swedish_way() -> None:
    assert fill("Balans {b:+.1f}, medel {m}", "sv", b=-2.0, m=1.25) == \
        f"Balans {MINUS}2,0, medel 1,25"
    assert fill("{n} analyser", "sv", n=12345) == f"12{NNBSP}345 analyser"
    assert fill("År {y}", "sv", y=2026) == "År 2026"  # a year stays whole
    assert fill("Balance {b:+.1f}, {n} rows", "en", b=-2.0, n=12345) == \
        "Balance -2.0, 12,345 rows"


def test_the_apps_strings_use_the_same_filling() -> None:
    assert ui("ws_serious_count", "sv", count=1) == "1 allvarlig brist"
    assert ui("ws_serious_count", "sv", count=2) == "2 allvarliga brister"


def test_a_percent_sign_never_stands_after_a_breakable_space() -> None:
    """ "100 %" with a plain space can break before the sign; the figure and the sign stay
    together (Swedish: a no-break space, English: none)."""
    loose = [where for where, text in catalogues() if re.search(r"[0-9}] %", text)]
    assert not loose
