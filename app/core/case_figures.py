"""Figures the case's own text gives, compared with a number the assessment answers.

A structured number (the children concerned, the minutes of extra travel for those with the
longest journey) can be answered lower than the case itself shows: a merger counted without
the children already where the service moves, an average given where the question asks for the
children who lose most. What gives it away is the case's own description, which names a larger
figure of the same unit (a number followed by a word of the unit's list) in a sentence about a
place or service of the decision. Pure: texts and a word list in, figures out.
"""

from __future__ import annotations

import re

from app.core import substance

_SENTENCE = re.compile(r"[.!?;\n]+")
# A figure, with Swedish thousands spaces ("1 200"); not part of a date, a sum or a decimal.
_FIGURE = re.compile(r"(?<![\d,.:/-])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?![\d,.:/-]\d)")
_NEXT_WORDS = 2  #: "62 barn", "62 inskrivna barn", "40 minuter": the unit within two words
_YEARS = range(1900, 2101)  #: "2027 (elevregistret)" is a year and a source, not a headcount


def figures_of(sentence: str, nouns: dict[str, list[str]]) -> list[tuple[int, str]]:
    """Each figure a word of `nouns` (children, pupils; minutes) follows closely:
    (number, as written)."""
    found = []
    for match in _FIGURE.finditer(sentence):
        after = [w.rstrip(",:)") for w in sentence[match.end():].split()[:_NEXT_WORDS]]
        upto = next((i for i, word in enumerate(after)
                     if word.isalpha() and substance.matches(word, nouns)), None)
        number = int(re.sub(r"\D", "", match.group(1)))
        if upto is not None and not _YEARS.start <= number < _YEARS.stop:
            words = " ".join(after[:upto + 1]).strip(" ,")
            found.append((number, f"{match.group(1)} {words}"))
    return found


def beyond_count(count: float, title: str, texts: list[str],
                 nouns: dict[str, list[str]]) -> list[str]:
    """Figures of the unit `nouns` above `count` in sentences that name a place or service of
    the decision's title (a municipality-wide statistic names none of them)."""
    names = substance.case_names(title, [])
    result: list[str] = []
    for text in texts:
        for sentence in _SENTENCE.split(text):
            if not names or not substance.names_the_case(_no_digits(sentence), names):
                continue
            # "40 minuter > 12": both figures, the text's and the answer's, side by side
            result += [f"{said} > {count:g}" for number, said in figures_of(sentence, nouns)
                       if number > count]
    return list(dict.fromkeys(result))


def _no_digits(text: str) -> str:
    # names_the_case() counts any number as naming the case; here only a name does.
    return re.sub(r"\d", " ", text)
