"""The check of children's free text against a corpus: 60 texts that point at a person (a
name in any case, spelled out, a handle, a phone number in digits or words, an e-mail, a
personnummer) must all be held back; 25 ordinary answers must all pass (a quote held back
wrongly is a child's view lost)."""

from __future__ import annotations

import pytest

from app.core.privacy import child_text_kinds, known_words

OFFICIAL = known_words("Lövåkers skola", "Kommunen vill bygga om skolgården i Lövåker.")

IDENTIFYING = [
    # first names, lower case and capitalised, Swedish and names of newly arrived families
    "jag heter kalle", "jag heter ella och går i trean", "mitt namn är omar",
    "ring till mamma hon heter fatima", "Ella är min bästa kompis.",
    "Jag leker med Ella på rasten.", "jag leker alltid med noah och liam",
    "min lärare heter anna", "wilma och maja bråkar med mig", "ahmed slår mig ibland",
    "jag är elsa i 4b", "Hassan tar min boll", "jag och mohammed vill ha en fotbollsplan",
    "hälsningar från hugo", "det är lucas som bestämmer", "Zeynep vill ha gungor",
    "fråga yusuf han vet", "min bror ali är rädd för vägen", "jag heter Sofia",
    "olivia och alice vill ha en klätterställning", "jag, william, tycker inte om det",
    "hej det är vera", "Vi brukar vara hos Zlatiborka efter skolan.", "jag heter Edvin",
    # spelled out, letter by letter
    "k a l l e är dum", "jag heter e-l-l-a", "mitt namn är s.a.r.a", "o m a r bor här",
    "j o h a n n a", "jag heter m_o_a",
    # handles and user names
    "@kalle_2015 på insta", "följ mig @ellaaa", "min snap är lisa_k", "adda mig kalle2015",
    "tiktok: gamer_boy99", "skriv till @noah.b", "roblox namn: dragon_killer",
    "insta ella_2014", "mitt konto är minecraftkungen12", "@maja på snap",
    # phone numbers, in digits and in words
    "ring mig 070-123 45 67", "mitt nummer är 0701234567", "tel +46 70 123 45 67",
    "noll sju tre två fem fem ett två tre fyra", "noll sju noll ett två tre fyra fem sex",
    "zero seven three one two three four five", "ring noll åtta ett två tre fyra fem",
    "mammas nummer noll sjuttio? nej: noll sju noll fem fem fem ett två",
    # e-mail and personnummer
    "skriv till kim99@example.se", "mejla mig på ella.svensson@skolan.se",
    "jag har personnummer 121212-1212", "mitt personnummer är 201212121212",
    # mixed
    "jag heter Kalle och mitt nr är 070 123 45 67", "min kompis leo har snap leo_123",
    "isak i klass 3a heter isak karlsson", "Ebba tycker som jag",
    "hälsningar molly", "från alva i femman", "signerat: vilgot", "jag heter tindra",
]

ORDINARY = [
    "Skogen bakom skolan är bäst. Bussen är för lång.", "Jag gillar Lövåkers skola.",
    "I like it on Monday. I'm happy.", "vi vill ha fler gungor och en fotbollsplan",
    "jag bor nära skolan", "Det är sex barn i min klass och tre lärare",
    "Vi har 5B och 4A på skolgården", "det blir trångt på rasten", "bra",
    "jag är orolig för trafiken", "Jag vill ha en klätterställning.",
    "Det är kul att spela fotboll.", "Bussen går för tidigt på morgonen.",
    "jag tycker att det är bra att ni frågar", "mer träd och blommor",
    "inget", "vet inte", "att det blir mindre plats för oss",
    "vi är rädda att det blir farligt att gå till skolan",
    "Skolgården ska vara stor.", "jag vill kunna cykla dit själv",
    "det är för lite toaletter", "maten är god", "ingen aning",
    "Fotbollsplanen måste vara kvar!",
]


@pytest.mark.parametrize("text", IDENTIFYING)
def test_a_text_pointing_at_someone_is_held_back(text: str) -> None:
    assert child_text_kinds(text, OFFICIAL), text


@pytest.mark.parametrize("text", ORDINARY)
def test_an_ordinary_answer_passes(text: str) -> None:
    assert child_text_kinds(text, OFFICIAL) == [], text


def test_the_corpus_is_large_enough() -> None:
    assert len(IDENTIFYING) >= 50 and len(set(IDENTIFYING)) == len(IDENTIFYING)
