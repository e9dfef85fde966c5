"""Whether a text answer says something: placeholders, copies and pasted text earn nothing.

A reviewer does not count `x`, `Se ovan.` or the article's summary from the library as an
analysis, nor the same paragraph pasted into five answers. The rules are declared in the
questionnaire's `scoring.substance` block; this module applies them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from rapidfuzz import fuzz, process

from app.core.models.article import ArticleLibrary
from app.core.models.law import LawLibrary
from app.core.models.questionnaire import Questionnaire, Substance

Reason = Literal["placeholder", "short", "summary_copy", "repeated", "near_copy", "reference",
                 "generic", "law_copy", "other_assessment"]
#: what text checks find that takes the answer's points away (wording never earns a level);
#: none of them alone holds the level down (the structured facts do that). A generic answer
#: keeps its points: honest answers are often short of names, so only many of them count.
HOLLOW: frozenset[str] = frozenset(
    {"placeholder", "short", "summary_copy", "repeated", "near_copy", "reference", "law_copy",
     "other_assessment"})
COPY_SHARE = 0.6  # share of an answer's word triples found in a summary that makes it a copy
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Hollow:
    """A text that is given but says nothing the reviewer can use."""

    question: str
    reason: Reason
    article: int | None = None  #: for the "for which children" text of an impact rating
    source: str = ""  #: for a copy of another assessment: which one


@dataclass(frozen=True)
class ReferenceText:
    """The text answers of another assessment (a shipped example, another stored one), which
    an answer of this one must not be a copy of."""

    source: str  #: how the reader knows it: the decision's title and case number
    title: str  #: the decision's title; an assessment of the same decision is not "another"
    texts: tuple[str, ...]  #: in compared form (plain())
    #: for a shipped example, its decision (title and description) in compared form. An
    #: example is nobody's decision: keeping its title does not make its texts one's own
    #: analysis of another; only a record of the example's own decision is exempt.
    example: str = ""


#: the source of a copy the reader may not see named: "another assessment in the
#: organisation", said in the reader's language (app/core/verdict.py)
HIDDEN_SOURCE = "\x00other-in-organisation"


# Texts repeat: every rerun of a page scores the same answers again, and rules ask about the
# same answer several times. The text functions are pure, so their results are kept.
@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """Lower case words separated by single spaces: what two texts are compared by."""
    return " ".join(_WORD.findall(text.casefold()))


_ALNUM = re.compile(r"[^\W_]")


@lru_cache(maxsize=8192)
def letters(text: str) -> int:
    """Letters and digits: what a minimum length counts."""
    return len(_ALNUM.findall(text))


def is_placeholder(text: str, substance: Substance) -> bool:
    """No letters at all, or one of the declared placeholder answers."""
    words = plain(text)
    return not words or words in _placeholders(substance)


def min_chars(substance: Substance, question_id: str, multiline: bool) -> int:
    default = substance.min_chars.get("multiline" if multiline else "line", 1)
    return substance.min_chars_for.get(question_id, default)


def hollow_texts(
    q: Questionnaire,
    values: dict[str, Any],
    visible: dict[str, bool],
    library: ArticleLibrary | None,
    decision: str = "",
    law: LawLibrary | None = None,
    others: tuple[ReferenceText, ...] = (),
) -> list[Hollow]:
    """Every visible text answer (and rating text) that is given but hollow, in order.

    `decision` (the decision's title and description) names the case: an answer that uses
    none of its names, nor a number, is generic."""
    substance = q.scoring.substance
    if substance is None:
        return []
    found: list[Hollow] = []
    seen: list[str] = []
    summaries = summary_triples(library) if library is not None else frozenset()
    laws = law_triples(law) if law is not None else frozenset()
    names = case_names(decision, [values.get(f) for f in substance.case_fields
                                  if visible.get(f)])
    long_enough = substance.min_chars.get("multiline", 1)
    for question in q.questions.values():
        if not visible.get(question.id):
            continue
        value = values.get(question.id)
        if question.type == "text" and isinstance(value, str) and value.strip():
            reason = _text_reason(value, question.id, question.multiline, substance, summaries)
            if reason is None and _copies_summary(value, substance, laws):
                reason = "law_copy"
            copied = _other_source(value, decision, others, substance) if reason is None else ""
            if copied:
                found.append(Hollow(question.id, "other_assessment", source=copied))
                continue
            if reason is None and substance.repeated and letters(value) >= long_enough:
                reason = _copy_of(plain(value), seen, substance)
                seen.append(plain(value))
            if (reason is None and substance.generic_words
                    and question.id not in substance.case_fields):
                reason = "generic" if _generic(value, names, substance) else None
            if reason:
                found.append(Hollow(question.id, reason))
        elif question.type == "impact" and isinstance(value, dict):
            for number, entry in value.items():
                text = str((entry or {}).get("children") or "")
                if not text.strip():
                    continue
                if is_placeholder(text, substance):
                    found.append(Hollow(question.id, "placeholder", number))
                elif _refers_elsewhere(text, substance):
                    found.append(Hollow(question.id, "reference", number))
                elif _copies_summary(text, substance, summaries):
                    found.append(Hollow(question.id, "summary_copy", number))
                elif letters(text) >= long_enough and (
                        reason := _copy_of(plain(text), seen, substance)):
                    found.append(Hollow(question.id, reason, number))
                else:
                    seen.append(plain(text))
    return found


OTHER_MIN_CHARS = 80  #: shorter answers are too alike by nature to call copies


def _other_source(text: str, decision: str, others: tuple[ReferenceText, ...],
                  substance: Substance) -> str:
    """Which other assessment (of another decision, or a shipped example) this answer is
    (nearly) a copy of."""
    if not others or not substance.near_copy or letters(text) < OTHER_MIN_CHARS:
        return ""
    words = plain(text)
    title = plain(decision.split("\n", 1)[0])
    for other in others:
        if _same_decision(other, title, plain(decision)):
            continue
        if process.extractOne(words, other.texts, scorer=fuzz.ratio,
                              score_cutoff=substance.near_copy) is not None:
            return other.source
    return ""


def _same_decision(other: ReferenceText, title: str, decision: str) -> bool:
    """Another assessment of the same decision (a revision) shares its texts by right; a
    shipped example only with its own decision (title and description): a record that keeps
    the example's title but describes another decision is made of the example's words."""
    if other.example:
        return other.example == decision
    return plain(other.title) == title


def reference_text(source: str, title: str, answers: dict[str, Any]) -> ReferenceText:
    """The long text answers of an assessment, ready to be compared with."""
    texts = tuple(plain(v) for v in answers.values()
                  if isinstance(v, str) and letters(v) >= OTHER_MIN_CHARS)
    return ReferenceText(source=source, title=title, texts=texts)


def _copy_of(words: str, seen: list[str], substance: Substance) -> Reason | None:
    """'repeated' for the same words as an earlier answer, 'near_copy' for nearly the same."""
    if words in seen:
        return "repeated"
    if substance.near_copy and seen:
        best = process.extractOne(words, seen, scorer=fuzz.ratio,
                                  score_cutoff=substance.near_copy)
        if best is not None:
            return "near_copy"
    return None


def _refers_elsewhere(text: str, substance: Substance) -> bool:
    """The answer points to another document and says little itself ("Se bilaga 3")."""
    words = f" {plain(text)} "
    for phrase in _references(substance):
        if f" {phrase} " in words:
            rest = len(words.split()) - len(phrase.split())
            if rest < substance.reference_words:
                return True
    return False


_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-ZÅÄÖÉÜ][^\W\d_]{3,})")


def case_names(decision: str, answers: list[Any]) -> frozenset[str]:
    """The names the case uses: capitalised words not opening a sentence (places, schools,
    services), in lower case; the decision's title counts whole, as it is often a name."""
    texts = [decision, *(a for a in answers if isinstance(a, str))]
    found: set[str] = set()
    for text in texts:
        for line in text.splitlines():
            found.update(m.group(1).casefold() for m in _NAME.finditer(line.strip()))
    return frozenset(found)


def _generic(text: str, names: frozenset[str], substance: Substance) -> bool:
    """A long answer with no number and no name of this case could stand in any case."""
    if len(plain(text).split()) < substance.generic_words:
        return False
    return not names_the_case(text, names)


def names_the_case(text: str, names: frozenset[str]) -> bool:
    """A number or date, or a word that starts with one of the case's names."""
    if any(ch.isdigit() for ch in text):
        return True
    return any(w.startswith(n) for w in plain(text).split() for n in names if len(w) >= len(n))


_REFERENCES: dict[int, tuple[Substance, tuple[str, ...]]] = {}


def _references(substance: Substance) -> tuple[str, ...]:
    cached = _REFERENCES.get(id(substance))
    if cached is not None and cached[0] is substance:
        return cached[1]
    found = tuple(dict.fromkeys(plain(p) for words in substance.references.values()
                                for p in words if plain(p)))
    _REFERENCES[id(substance)] = (substance, found)
    return found


def _text_reason(
    text: str, question_id: str, multiline: bool, substance: Substance, summaries: frozenset[str]
) -> Reason | None:
    if is_placeholder(text, substance):
        return "placeholder"
    if letters(text) < min_chars(substance, question_id, multiline):
        return "short"
    if _refers_elsewhere(text, substance):
        return "reference"
    if _copies_summary(text, substance, summaries):
        return "summary_copy"
    return None


def _copies_summary(text: str, substance: Substance, summaries: frozenset[str]) -> bool:
    words = plain(text).split()
    if len(words) < substance.summary_copy_words or not summaries:
        return False
    return _copied_share(plain(text), summaries) >= COPY_SHARE


@lru_cache(maxsize=8192)
def _copied_share(words: str, summaries: frozenset[str]) -> float:
    """The share of a text's word triples that come from the library's summaries."""
    triples = _triples(words.split())
    return sum(1 for t in triples if t in summaries) / len(triples) if triples else 0.0


def _triples(words: list[str]) -> list[str]:
    return [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]


_LAW_TRIPLES = "_law_triples"
_SUMMARY_TRIPLES = "_summary_triples"


def law_triples(law: LawLibrary) -> frozenset[str]:
    """Word triples of what the law library says each rule demands and covers, and of what
    each strength means. Worked out once per library and kept on the library object itself
    (as functools.cached_property would): it lives and dies with it, and a catalogue kept on
    disk (app/services/kept_catalog.py) carries it, so a new process does not work it out."""
    found = law.__dict__.get(_LAW_TRIPLES)
    if found is None:
        texts: list[Any] = [s.meaning for s in law.strengths]
        texts += [t for area in law.areas for r in area.rules for t in (r.requires, r.applies)]
        words: set[str] = set()
        for text in texts:
            for one in text.values() if isinstance(text, dict) else [text]:
                words.update(_triples(plain(one).split()))
        found = law.__dict__[_LAW_TRIPLES] = frozenset(words)
    return found  # type: ignore[no-any-return]


def summary_triples(library: ArticleLibrary) -> frozenset[str]:
    """Word triples of every article's summary; kept on the library as law_triples() is."""
    found = library.__dict__.get(_SUMMARY_TRIPLES)
    if found is None:
        words: set[str] = set()
        for article in library.articles:
            texts = article.summary.values() if isinstance(article.summary, dict) \
                else [article.summary]
            for text in texts:
                words.update(_triples(plain(text).split()))
        found = library.__dict__[_SUMMARY_TRIPLES] = frozenset(words)
    return found  # type: ignore[no-any-return]


_PLACEHOLDERS: dict[int, tuple[Substance, frozenset[str]]] = {}


def _placeholders(substance: Substance) -> frozenset[str]:
    """The declared placeholders in compared form, kept per rules (the rules kept alive)."""
    cached = _PLACEHOLDERS.get(id(substance))
    if cached is not None and cached[0] is substance:
        return cached[1]
    found = frozenset(plain(p) for words in substance.placeholders.values() for p in words)
    _PLACEHOLDERS[id(substance)] = (substance, found)
    return found


@cache
def word_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    r"""A pattern matching any of the words at the start of a word ('*word': anywhere).

    Neighbouring words of one kind share one look-behind, `(?<![^\W_])(?:a|b|c)`, instead of
    one each: the same alternatives in the same order (so the same matches), but the check
    runs once per position, not once per word (a third of the time on the shipped lists)."""
    stems = [w.strip() for w in words if w.strip()]
    parts = []
    for anywhere, group in itertools.groupby(stems, key=lambda w: w.startswith("*")):
        alternatives = "|".join(re.escape((w[1:] if anywhere else w).casefold()) for w in group)
        parts.append(alternatives if anywhere else r"(?<![^\W_])(?:" + alternatives + ")")
    return re.compile("|".join(parts)) if parts else None


def matches(text: str, lists: dict[str, list[str]]) -> list[str]:
    """The words of a text that a word list (any language) names, each once, as written,
    in the order the text uses them."""
    found: dict[str, tuple[int, str]] = {}
    folded = text.casefold()
    for words in lists.values():
        pattern = word_pattern(tuple(words))  # one alternation per language, compiled once
        for match in pattern.finditer(folded) if pattern else ():
            start, whole = _whole_word(text, match.start(), match.end())
            found.setdefault(whole.casefold(), (start, whole))
    return [whole for _, whole in sorted(found.values())]


def _whole_word(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the word of `text` that the span [start, end) lies in starts, and the word."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return start, text[start:end]
