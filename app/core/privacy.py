"""Spotting text that looks like personal data, so the official is warned before saving it."""

from __future__ import annotations

import re

from app.core.once import once

# YYMMDD-NNNN or YYYYMMDDNNNN, '-' or '+' (100 years or older) or nothing between.
_PERSONNUMMER = re.compile(r"(?<!\d)(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)")
# Swedish phone numbers: 07x..., 08-..., 0xx-..., +46 ...; at least 8 digits in all.
_PHONE = re.compile(r"(?<![\d-])(?:\+46|0046|0)[\s-]?\d{1,3}(?:[\s-]?\d{2,4}){2,4}(?![\d-])")
# A date written as YYYY-MM-DD is not a phone number.
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def looks_like_personnummer(text: str) -> bool:
    """Whether the text holds something shaped like a valid Swedish personal identity number."""
    for match in _PERSONNUMMER.finditer(text):
        yy, mm, dd, tail = match.groups()
        day = int(dd) - 60 if int(dd) > 60 else int(dd)  # samordningsnummer add 60 to the day
        if 1 <= int(mm) <= 12 and 1 <= day <= 31 and _luhn_ok(yy + mm + dd + tail):
            return True
    return False


def looks_like_phone(text: str) -> bool:
    for match in _PHONE.finditer(text):
        candidate = match.group(0).strip()
        digits = re.sub(r"\D", "", candidate)
        if 8 <= len(digits) <= 13 and not _ISO_DATE.match(candidate):
            return True
    return False


def personal_data_kinds(text: str | None) -> list[str]:
    """Which kinds of personal data the text seems to hold: 'personnummer', 'phone'."""
    if not text:
        return []
    kinds = []
    if looks_like_personnummer(text):
        kinds.append("personnummer")
    if looks_like_phone(text) and not looks_like_personnummer(text):
        kinds.append("phone")
    return kinds


# --- Names, for free text that children write (see child_text_kinds) ----------------------
# Common first names among children and parents in Sweden (a sample of the most frequent in
# Statistics Sweden's name lists, plus names common among newly arrived families). A name that is
# also an everyday Swedish word at the start of a sentence ("Bo", "Per") is left out.
_FIRST_NAMES_TEXT = """
    adam alba albin alexander alfred ali alice alicia alma alva amanda amir anna anton arvid
    astrid august axel caroline charlie clara daniel david ebba edvin elias elin elina ella
    ellen ellie elsa elvira emil emilia emma erik esther filip frans frida gabriel greta gustav
    hamza hanna harry hassan hedda hugo ibrahim ida idun ines isabelle isak iris jack jacob
    jakob jenny johan johanna jonas josef julia juni kevin kim lars leah leia leo leon liam
    lilly linnea lisa lo loke lova lucas ludvig luna lykke maja malte maria marcus martin
    matilda maryam melvin mia mikael milo minna mohammed muhammad moa molly nathalie nellie
    nicole nils noah noel nora olivia olle omar oscar otto peter rasmus rebecka sam sara selma
    signe sigge sixten sofia sofie stella stina svea theo theodor thea tilde tindra tova vera
    vidar viggo vilgot ville vincent wilma william yasmin yusuf zara zeynep
"""
_FIRST_NAMES = frozenset(_FIRST_NAMES_TEXT.split())
# Capitalised words that are not names and that English writes with a capital mid-sentence.
_NOT_NAMES_TEXT = """
    i i'm i've i'll i'd ok tv it pe monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    english swedish sweden svenska english arabic somali christmas easter jul påsk
"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?:;])\s+|\n+|^\s*[-–•]\s*", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


#: Names that are everyday Swedish words too: caught only with a capital inside a sentence.
_WORDS_TOO_TEXT = """
    bo per hans dag sten stig björn rosa maj liv saga vide klara mark bror tor ask ek sol
    vilja alla mod frid ull lin gull tro tyr sam ros vår glad ung
"""
_WORDS_TOO = frozenset(_WORDS_TOO_TEXT.split())
_SPACED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_][ .\-_*]){2,}[^\W\d_](?![^\W\d_])")
_HANDLE = re.compile(r"(?<![\w.@])@[\w.]{2,}")
#: A user name: letters and digits run together ("kalle2015"), or joined by an underscore.
_USERNAME = re.compile(r"(?<!\w)(?:[^\W\d_]{3,}\d{2,}|\w+_\w+)(?!\w)")
_DIGIT_WORDS_TEXT = """
    noll nolla ett en etta två tvåa tre trea fyra fyran fem femma sex sexa sju sjua åtta åtta
    nio nia tio zero oh one two three four five six seven eight nine
"""
_DIGIT_WORDS = frozenset(_DIGIT_WORDS_TEXT.split())


@once
def first_names() -> frozenset[str]:
    """First names, lower-cased: Statistics Sweden's most frequent first names as Faker keeps
    them (1,000 names, those common among newly arrived families included), and our own."""
    from faker.providers.person.sv_SE import Provider

    given = (*Provider.first_names_female, *Provider.first_names_male)
    return frozenset(n.casefold() for n in given) | _FIRST_NAMES


def possible_names(text: str, known_words: frozenset[str] = frozenset()) -> list[str]:
    """Words that may be a person's name: a first name from the list in any case ("ella",
    "Ella"), a word spelled out letter by letter ("k a l l e"), or a capitalised word inside
    a sentence that is not one of `known_words` (the places and the decision the official
    wrote, lower-cased).

    What it cannot catch, said plainly: a name not on the list written in lower case, a rare
    name at the start of a sentence, a name that is also an everyday word written in lower
    case ("bo", "saga"), nicknames, surnames alone at the start, or a description that points
    out a child without naming anyone ("the only girl in 5B who uses a wheelchair"). It also
    flags some words that are not names (a brand, a capitalised place the official did not
    list, a word spelled out for fun): such a quote is held back, never shown wrongly.
    """
    names = first_names()
    found: list[str] = []
    for spaced in _SPACED.findall(text):
        found.append(spaced)  # spelled out to get past a check: never a plain word
    for sentence in _SENTENCE_BREAK.split(text):
        for index, word in enumerate(_WORD.findall(sentence or "")):
            folded = word.casefold()
            if folded in known_words or folded in _NOT_NAMES:
                continue
            if not word[0].isupper():
                if folded in names and folded not in _WORDS_TOO:
                    found.append(word)
                continue
            if (folded in names and (index > 0 or folded not in _WORDS_TOO)) or (
                    index > 0 and not word.isupper()):
                found.append(word)
    return found


def number_in_words(text: str) -> bool:
    """Six or more digits said as words in a row ("noll sju tre ..."): a phone number or a
    personnummer written out."""
    run = 0
    for token in re.findall(r"[^\W_]+", text.casefold()):
        run = run + (len(token) if token.isdigit() else 1) if (
            token in _DIGIT_WORDS or token.isdigit()) else 0
        if run >= 6:
            return True
    return False


def child_text_kinds(text: str | None, known_words: frozenset[str] = frozenset()) -> list[str]:
    """What in a child's free text may identify someone: personnummer, phone (in digits or in
    words), email, handle (@name, a user name), name."""
    if not text:
        return []
    kinds = personal_data_kinds(text)
    if "phone" not in kinds and "personnummer" not in kinds and number_in_words(text):
        kinds.append("phone")
    if _EMAIL.search(text):
        kinds.append("email")
    without_mail = _EMAIL.sub(" ", text)
    if _HANDLE.search(without_mail) or _USERNAME.search(without_mail):
        kinds.append("handle")
    if possible_names(without_mail, known_words):
        kinds.append("name")
    return kinds


def known_words(*texts: str) -> frozenset[str]:
    """The words of the given texts, lower-cased: what an official wrote is not a child's name."""
    return frozenset(w.casefold() for text in texts for w in _WORD.findall(text))


def child_first_names(text: str | None) -> list[str]:
    """Common first names written with a capital: what the guard flags in an assessment of one
    child (the individual track), where a child's name does not belong.

    A narrower rule than possible_names, which children's free text gets: an official's text is
    full of capitalised words that are not names (Socialtjänsten, LSS, a school's name). What it
    cannot see, said plainly: a name not in the list (_FIRST_NAMES: common names, not all), a
    name in lower case, a surname, or a child pointed out without a name; it warns on a listed
    name used for an adult too. It warns; it never refuses.
    """
    if not text:
        return []
    return [w for w in _WORD.findall(text)
            if w[:1].isupper() and w.casefold() in _FIRST_NAMES]


def assessment_text_kinds(text: str | None, individual: bool = False) -> list[str]:
    """Kinds of personal data an official's text seems to hold: personnummer and phone, and
    in the individual track a child's likely first name ('name')."""
    kinds = personal_data_kinds(text)
    if individual and child_first_names(text):
        kinds.append("name")
    return kinds
