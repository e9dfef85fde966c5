"""LIX, the Swedish readability index: words per sentence plus the per cent of long words.

LIX = words / sentences + 100 × (words longer than six letters) / words (Björnsson, 1968).
Rough reading: under 30 very easy (children's books), 30-40 easy, 40-50 average (newspapers),
50-60 hard (official texts), over 60 very hard. It counts only lengths, so it is a hint to the
writer, never proof that a child will understand; it is used for English text too, where the
same bands read a little easier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A sentence ends at . ! ? : or a line break; "t.ex." style abbreviations count as ends too,
# which makes LIX a little kinder, never harsher.
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n+")
LONG_WORD = 6  #: a word with more letters than this is long


@dataclass(frozen=True)
class Readability:
    """The counts behind one LIX figure, so the official sees why it is high."""

    words: int
    sentences: int
    long_words: int

    @property
    def lix(self) -> float:
        if not self.words:
            return 0.0
        return self.words / max(self.sentences, 1) + 100 * self.long_words / self.words

    @property
    def words_per_sentence(self) -> float:
        return self.words / max(self.sentences, 1)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """The text's sentences that hold at least one word."""
    return [s for s in _SENTENCE_END.split(text) if words(s)]


def readability(text: str) -> Readability:
    found = words(text)
    return Readability(len(found), len(sentences(text)),
                       sum(1 for w in found if len(w.replace("-", "")) > LONG_WORD))


def lix(text: str) -> float:
    return readability(text).lix


def hard_sentences(text: str, max_words: int = 12) -> list[str]:
    """Sentences longer than a child reads easily, for the official to shorten."""
    return [s.strip() for s in sentences(text) if len(words(s)) > max_words]


def long_words(text: str) -> list[str]:
    """The long words, each once, in order of appearance."""
    seen: dict[str, None] = {}
    for w in words(text):
        if len(w.replace("-", "")) > LONG_WORD:
            seen.setdefault(w, None)
    return list(seen)


def level(value: float) -> str:
    """The band a LIX value falls in: very_easy, easy, average, hard, very_hard."""
    for limit, name in ((30, "very_easy"), (40, "easy"), (50, "average"), (60, "hard")):
        if value < limit:
            return name
    return "very_hard"
