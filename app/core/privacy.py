"""Spotting text that looks like personal data, so the official is warned before saving it."""

from __future__ import annotations

import re

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


def possible_names(text: str, known_words: frozenset[str] = frozenset()) -> list[str]:
    """Words that may be a person's name: a common first name written with a capital, or a
    capitalised word inside a sentence that is not one of `known_words` (the places and the
    decision the official wrote, lower-cased).

    What it cannot catch, said plainly: a name written in lower case, a rare name at the start
    of a sentence, nicknames, surnames alone at the start, or a description that points out a
    child without naming anyone ("the only girl in 5B who uses a wheelchair"). It also flags some
    words that are not names (a brand, a capitalised place the official did not list).
    """
    found: list[str] = []
    for sentence in _SENTENCE_BREAK.split(text):
        for index, word in enumerate(_WORD.findall(sentence or "")):
            folded = word.casefold()
            if folded in known_words or folded in _NOT_NAMES or not word[0].isupper():
                continue
            if folded in _FIRST_NAMES or (index > 0 and not word.isupper()):
                found.append(word)
    return found


def child_text_kinds(text: str | None, known_words: frozenset[str] = frozenset()) -> list[str]:
    """What in a child's free text may identify someone: personnummer, phone, email, name."""
    if not text:
        return []
    kinds = personal_data_kinds(text)
    if _EMAIL.search(text):
        kinds.append("email")
    if possible_names(text, known_words):
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
