"""How many children the case's own text says are at the places the decision names.

A move or a merger concerns two groups: the children who move and those already where they
move to. An assessment that counts only the first can still answer every question; what gives
it away is the case's own description, which names more children at those places than the
count said to be concerned. Pure: texts and a word list in, figures out.
"""

from __future__ import annotations

import re

from app.core import substance

_SENTENCE = re.compile(r"[.!?;\n]+")
# A figure, with Swedish thousands spaces ("1 200"); not part of a date, a sum or a decimal.
_FIGURE = re.compile(r"(?<![\d,.:/-])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?![\d,.:/-]\d)")
_NEXT_WORDS = 2  #: "62 barn", "62 inskrivna barn": the noun within two words of the figure
_YEARS = range(1900, 2101)  #: "2027 (elevregistret)" is a year and a source, not a headcount


def figures_of_children(sentence: str, nouns: dict[str, list[str]]) -> list[tuple[int, str]]:
    """Each figure a word of `nouns` (children, pupils) follows closely: (number, as written)."""
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
    """Figures of children above `count` in sentences that name a place or service of the
    decision's title (a municipality-wide statistic names none of them)."""
    names = substance.case_names(title, [])
    result: list[str] = []
    for text in texts:
        for sentence in _SENTENCE.split(text):
            if not names or not substance.names_the_case(_no_digits(sentence), names):
                continue
            result += [said for number, said in figures_of_children(sentence, nouns)
                       if number > count]
    return list(dict.fromkeys(result))


def _no_digits(text: str) -> str:
    # names_the_case() counts any number as naming the case; here only a name does.
    return re.sub(r"\d", " ", text)
