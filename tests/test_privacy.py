"""Free text that looks like a personnummer or a phone number is noticed."""

import pytest

from app.core.privacy import personal_data_kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Eleven har personnummer 121212-1212.", ["personnummer"]),
        ("pnr 201212121212 i journalen", ["personnummer"]),
        ("samordningsnummer 701063-2391", ["personnummer"]),
        ("Ring mamman på 070-123 45 67", ["phone"]),
        ("tel +46 8 123 456 78", ["phone"]),
        ("Beslut fattas 2026-12-10 i nämnden", []),
        ("Diarienummer BUN 2026/112", []),
        ("121212-1213 är fel kontrollsiffra", []),
        ("Ungefär 140 barn i åldern 6-9 år", []),
        ("", []),
    ],
)
def test_personal_data_kinds(text: str, kinds: list[str]) -> None:
    assert personal_data_kinds(text) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Jag leker med Ella på rasten.", ["name"]),  # a common first name
        ("Ella är min bästa kompis.", ["name"]),  # also at the start of a sentence
        ("Vi brukar vara hos Zlatiborka efter skolan.", ["name"]),  # capital inside a sentence
        ("Skriv till mig på kim99@example.se", ["email"]),
        ("Ring mig 070-123 45 67", ["phone"]),
        ("Skogen bakom skolan är bäst. Bussen är för lång.", []),
        ("Jag gillar Lövåkers skola.", []),  # the official named the place
        ("I like it on Monday. I'm happy.", []),
        ("jag leker med ella", ["name"]),  # lower case: a name on the list
    ],
)
def test_child_text_kinds(text: str, kinds: list[str]) -> None:
    from app.core.privacy import child_text_kinds, known_words

    assert child_text_kinds(text, known_words("Lövåkers skola")) == kinds
