"""The problems found in a file, said in Swedish: one catalogue for every sentence the readers
(YAML, JSON, an export), the schema and the import's checks write.

The sentences are written in English where they are found (the English is what the tests,
the API and the logs have always read); each has its Swedish here, with the same facts in it.
A rule is the English sentence as a pattern and the Swedish with the pattern's parts in it; a
part named `reason` or `place` is itself a sentence or a place of this catalogue, said in
Swedish in turn (a reading that fails inside an answer inside a file). A sentence no rule
knows is shown as it is, in English: tests/test_import_words.py keeps that from happening for
every problem a damaged file can cause.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

Rule = tuple[re.Pattern[str], str]


class _Rules:
    """A catalogue's rules, compiled the first time a sentence is looked up: a command that
    meets no problem (most runs) never compiles the ~110 patterns (~9 ms of every cold
    `bka` command's start). Two threads that compile at once each make the same list."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs
        self._compiled: list[Rule] | None = None

    def __iter__(self) -> Iterator[Rule]:
        if self._compiled is None:
            self._compiled = [(re.compile(f"^{en}$", re.DOTALL), sv) for en, sv in self._pairs]
        return iter(self._compiled)


def _rules(pairs: list[tuple[str, str]]) -> _Rules:
    return _Rules(pairs)


# Where a problem is: the places the schema's messages name (schema_errors.where).
PLACES = _rules([
    (r"the file", "filen"),
    (r"key '(?P<key>[^']*)'", "nyckeln '{key}'"),
    (r"question '(?P<id>[^']*)'", "frågan '{id}'"),
    (r"section '(?P<id>[^']*)'", "avsnittet '{id}'"),
    (r"option '(?P<id>[^']*)'", "alternativet '{id}'"),
    (r"flag '(?P<id>[^']*)'", "flaggan '{id}'"),
    (r"criterion '(?P<id>[^']*)'", "kriteriet '{id}'"),
    (r"item '(?P<id>[^']*)'", "posten '{id}'"),
    (r"item (?P<n>\d+) of '(?P<key>[^']*)'", "post {n} i '{key}'"),
    (r"item (?P<n>\d+)", "post {n}"),
    (r"(?P<place>.+), key '(?P<key>[^']*)'", "{place}, nyckeln '{key}'"),
])

# The phrases pydantic writes for a value of the wrong kind, lower-cased by schema_errors.
_PYDANTIC = [
    (r"input should be a valid string", "värdet ska vara text"),
    (r"input should be a valid integer(, .*)?", "värdet ska vara ett heltal"),
    (r"input should be a valid number(, .*)?", "värdet ska vara ett tal"),
    (r"input should be a valid boolean(, .*)?", "värdet ska vara sant eller falskt (true/false)"),
    (r"input should be a valid date or datetime(, .*)?",
     "värdet ska vara ett giltigt datum (ÅÅÅÅ-MM-DD)"),
    (r"input should be a valid date(, .*)?", "värdet ska vara ett giltigt datum (ÅÅÅÅ-MM-DD)"),
    (r"input should be a valid datetime(, .*)?",
     "värdet ska vara en giltig tidpunkt (ÅÅÅÅ-MM-DDTtt:mm:ss)"),
    (r"input should be a valid dictionary(.*)?", "värdet ska vara en mappning av nycklar"),
    (r"input should be a valid list", "värdet ska vara en lista"),
    (r"input should be a finite number", "värdet ska vara ett ändligt tal"),
    (r"input should be greater than or equal to (?P<n>.+)", "värdet ska vara minst {n}"),
    (r"input should be greater than (?P<n>.+)", "värdet ska vara större än {n}"),
    (r"input should be less than or equal to (?P<n>.+)", "värdet ska vara högst {n}"),
    (r"input should be less than (?P<n>.+)", "värdet ska vara mindre än {n}"),
    (r"input should be (?P<choices>'.+)", "värdet ska vara {choices}"),
    (r"string should have at most (?P<n>[\d,]+) characters?",
     "texten får ha högst {n} tecken"),
    (r"string should have at least (?P<n>[\d,]+) characters?",
     "texten ska ha minst {n} tecken"),
    (r"list should have at most (?P<n>[\d,]+) items? after validation, not (?P<m>[\d,]+)",
     "listan får ha högst {n} poster, inte {m}"),
    (r"list should have at least (?P<n>[\d,]+) items? after validation, not (?P<m>[\d,]+)",
     "listan ska ha minst {n} poster, inte {m}"),
    (r"string should match pattern '(?P<p>.*)'", "texten har inte den form som krävs ({p})"),
    (r"value error, (?P<reason>.+)", "{reason}"),
    (r"assertion failed, (?P<reason>.+)", "{reason}"),
]

# What a reader of answers (app/core/answers.py) says an answer cannot be.
_ANSWERS = [
    (r"(?P<v>.+) is not a rating; use -2, -1, 0, 1, 2 or unknown",
     "{v} är inget betyg; använd -2, -1, 0, 1, 2 eller unknown (kan inte bedömas)"),
    (r"expected a list of options", "ett svar med flera val ska vara en lista med alternativ"),
    (r"expected text", "svaret ska vara text"),
    (r"'(?P<v>.*)' is not an option; options: (?P<options>.*)",
     "'{v}' är inget av alternativen; alternativen är: {options}"),
    (r"expected a number", "svaret ska vara ett tal"),
    (r"expected one option, got (?P<v>.+)", "svaret ska vara ett av alternativen, men är {v}"),
    (r"(?P<alone>.+) is chosen only alone, not beside (?P<others>.+)",
     "{alone} väljs bara ensamt, inte tillsammans med {others}"),
    (r"(?P<id>\S+) (?P<version>\S+) has no question '(?P<qid>[^']*)'",
     "{id} {version} har ingen fråga '{qid}'"),
    (r"expected a number, got (?P<v>.+)", "svaret ska vara ett tal, men är {v}"),
    (r"expected a whole number on the scale", "svaret ska vara ett heltal på skalan"),
    (r"(?P<v>\S+) is outside (?P<low>\S+)-(?P<high>\S+)",
     "{v} ligger utanför skalan {low}–{high}"),
    (r"(?P<v>\S+) is out of range", "{v} ligger utanför det tillåtna intervallet"),
    (r"expected a date as YYYY-MM-DD, got (?P<v>.+)",
     "svaret ska vara ett datum som ÅÅÅÅ-MM-DD, men är {v}"),
    (r"expected a mapping from article number to \{short, long, children\}",
     "svaret ska vara en mappning från artikelnummer till {{short, long, children}}"),
    (r"'(?P<key>.*)' is not an article number", "'{key}' är inget artikelnummer"),
    (r"article (?P<n>\d+) does not exist; the convention has 1-54",
     "artikel {n} finns inte; konventionen har artiklarna 1–54"),
    (r"article (?P<n>\d+) is not rated in this question",
     "artikel {n} bedöms inte i den här frågan"),
    (r"article (?P<n>\d+): expected \{short, long, children\}",
     "artikel {n}: ska vara {{short, long, children}}"),
    (r"article (?P<n>\d+): unknown key\(s\) (?P<keys>.+)",
     "artikel {n}: okända nycklar {keys}"),
    (r"article (?P<n>\d+): this question does not rate groups apart",
     "artikel {n}: den här frågan bedömer inte grupper var för sig"),
    (r"article (?P<n>\d+): 'groups' must map a group to \{short, long\}",
     "artikel {n}: 'groups' ska mappa en grupp till {{short, long}}"),
    (r"article (?P<n>\d+), group '(?P<g>[^']*)': expected \{short, long\}",
     "artikel {n}, gruppen '{g}': ska vara {{short, long}}"),
    (r"article (?P<n>\d+), group '(?P<g>[^']*)': (?P<reason>.+)",
     "artikel {n}, gruppen '{g}': {reason}"),
    (r"expected a list of actions \{what, who, due, status\}",
     "svaret ska vara en lista med åtgärder {{what, who, due, status}}"),
    (r"action (?P<i>\d+): expected \{what, who, due, status\}",
     "åtgärd {i}: ska vara {{what, who, due, status}}"),
    (r"action (?P<i>\d+): unknown key\(s\) (?P<keys>.+)", "åtgärd {i}: okända nycklar {keys}"),
    (r"action (?P<i>\d+): status must be one of (?P<statuses>.+), not (?P<v>.+)",
     "åtgärd {i}: status ska vara en av {statuses}, inte {v}"),
    (r"action (?P<i>\d+): addresses must list article numbers or group ids",
     "åtgärd {i}: 'addresses' ska lista artikelnummer eller grupp-id"),
    (r"action (?P<i>\d+): (?P<reason>.+)", "åtgärd {i}: {reason}"),
    (r"the answer holds (?P<n>[\d,]+) characters of text; at most (?P<max>[\d,]+) are allowed",
     "svaret innehåller {n} tecken text; högst {max} är tillåtna"),
]

# Reading a file: YAML, JSON, an export read as a stream, a report PDF.
_READING = [
    (r"YAML syntax error: (?P<what>.+); check indentation and quoting",
     "fel i YAML-syntaxen (”{what}”); kontrollera indrag och citattecken"),
    (r"YAML could not be read: (?P<what>.+)", "YAML-texten kunde inte läsas (”{what}”)"),
    (r"the file is empty", "filen är tom"),
    (r"it is not a text file \(an export is JSON, an assessment JSON or YAML\)",
     "det är ingen textfil (en export är JSON, en bedömning JSON eller YAML)"),
    (r"an alias \(\*name\) is not allowed in this file; write the value out where it is used",
     "ett alias (*namn) är inte tillåtet i den här filen; skriv ut värdet där det används"),
    (r"more than (?P<n>\d+) aliases \(\*name\) in one file; write the values out where they "
     r"are used",
     "fler än {n} alias (*namn) i en fil; skriv ut värdena där de används"),
    (r"the aliases \(\*name\) here expand to more than (?P<n>\d+) times the values written in "
     r"the file; write the values out instead",
     "aliasen (*namn) här blir mer än {n} gånger så många värden som står i filen; skriv ut "
     "värdena i stället"),
    (r"key '(?P<key>.*)' appears twice; keep one", "nyckeln '{key}' står två gånger; behåll en"),
    (r"a key must be text or a number, not a list",
     "en nyckel ska vara text eller ett tal, inte en lista"),
    (r"a key must be text or a number, not (?P<v>.+)",
     "en nyckel ska vara text eller ett tal, inte {v}"),
    (r"value cannot be read: (?P<what>.+)", "värdet kan inte läsas (”{what}”)"),
    (r"no such file", "filen finns inte"),
    (r"no such file or folder", "filen eller mappen finns inte"),
    (r"not UTF-8 text \((?P<why>.+)\); save as UTF-8", "inte UTF-8-text ({why}); spara som UTF-8"),
    (r"cannot be read: (?P<why>.+)", "kan inte läsas ({why})"),
    (r"the file is (?P<size>.+); an? (?P<kind>\S+) file may be at most (?P<limit>.+), so it was "
     r"not read",
     "filen är {size}; en {kind}-fil får vara högst {limit}, så den lästes inte"),
    (r"the data is nested more than (?P<n>\d+) levels deep( here)?; no file of this tool needs "
     r"that, so it was not read",
     "uppgifterna ligger i mer än {n} nivåer inuti varandra här; ingen fil för det här verktyget "
     "behöver det, så den lästes inte"),
    (r"the file is cut short \(it ends in the middle of the JSON\)",
     "filen är avklippt (den slutar mitt i JSON-texten)"),
    (r"the file is cut short", "filen är avklippt"),
    (r"not valid JSON: (?P<what>.+)", "inte giltig JSON (”{what}”)"),
    (r"it is not valid JSON", "det är inte giltig JSON"),
    (r"expected a mapping of keys at the top of the file, found (?P<kind>\w+)",
     "filen ska börja med en mappning av nycklar, men börjar med {kind}"),
    (r"the PDF cannot be read \((?P<why>.+)\)", "PDF-filen kan inte läsas ({why})"),
    (r"the PDF carries no assessment \(only reports made with bka 0.1 and later do\); import "
     r"the assessment's JSON file instead",
     "PDF-filen bär ingen bedömning (bara rapporter gjorda med bka 0.1 eller senare gör det); "
     "importera bedömningens JSON-fil i stället"),
]

# The schema: a key unknown, missing or of the wrong kind (app/core/schema_errors.py).
_SCHEMA = [
    (r"unknown key '(?P<key>[^']*)' in (?P<place>.+?); allowed keys: (?P<allowed>.+)",
     "okänd nyckel '{key}' i {place}; tillåtna nycklar: {allowed}"),
    (r"unknown key '(?P<key>[^']*)' in (?P<place>.+)", "okänd nyckel '{key}' i {place}"),
    (r"(?P<place>.+) is missing the key '(?P<key>[^']*)'", "{place} saknar nyckeln '{key}'"),
    (r"(?P<place>.+): '(?P<key>id|version)' (?P<v>.+) must be lowercase letters, digits and _ , "
     r"starting with a letter",
     "{place}: '{key}' {v} ska bestå av små bokstäver, siffror och _ och börja med en bokstav"),
    (r"(?P<place>.+): '(?P<key>id|version)' (?P<v>.+) must be three numbers such as 1.0.0",
     "{place}: '{key}' {v} ska vara tre tal, till exempel 1.0.0"),
    (r"(?P<place>.+?): (?P<reason>.+) \(got (?P<got>.*)\)", "{place}: {reason} (värdet: {got})"),
    (r"(?P<place>.+?): (?P<reason>(string|list) should .+)", "{place}: {reason}"),
]

# Whether this installation can read the assessment (app/core/import_check.py, import_read.py).
_IMPORT = [
    (r"the questionnaire '(?P<id>[^']*)' is not one this installation has \(it has: "
     r"(?P<known>.*)\)",
     "frågeformuläret '{id}' finns inte i den här installationen (den har: {known})"),
    (r"version (?P<v>\S+) of the questionnaire '(?P<id>[^']*)' cannot be read here: this "
     r"installation has version (?P<ours>\S+), it is newer: update the tool to import it",
     "version {v} av frågeformuläret '{id}' kan inte läsas här: den här installationen har "
     "version {ours}, och filens är nyare; uppdatera verktyget för att importera den"),
    (r"version (?P<v>\S+) of the questionnaire '(?P<id>[^']*)' cannot be read here: this "
     r"installation has version (?P<ours>\S+), and there is no migration from it",
     "version {v} av frågeformuläret '{id}' kan inte läsas här: den här installationen har "
     "version {ours}, och det finns ingen migrering från filens version"),
    (r"(?P<n>[\d,]+) answer\(s\) to questions that '(?P<id>[^']*)' (?P<v>\S+) does not ask: "
     r"(?P<names>.+?)(?: and (?P<more>[\d,]+) more)?",
     "{n} svar på frågor som '{id}' {v} inte ställer: {names}{more_sv}"),
    # the question's label is in English here: a Problem of app/core/answer_check.py carries
    # its own Swedish, with the Swedish label; this says the English line where it is alone
    (r"the answer to “(?P<label>.*)” \((?P<qid>[^)]*)\) cannot be read: (?P<reason>.+)",
     "svaret på ”{label}” ({qid}) kan inte läsas: {reason}"),
    (r"answer to '(?P<qid>[^']*)' \((?P<type>[\w-]+)\): (?P<reason>.+)",
     "svaret på '{qid}' (frågetyp {type}): {reason}"),
    (r"revision (?P<n>-?\d+) is impossible: a stored assessment has revision 1 or more \(0 for "
     r"one never stored\)",
     "revision {n} är omöjlig: en sparad bedömning har revision 1 eller högre (0 för en som "
     "aldrig har sparats)"),
    (r"it was last changed \((?P<updated>.+)\) before it was created \((?P<created>.+)\), which "
     r"is impossible",
     "den ändrades senast ({updated}) innan den skapades ({created}), vilket är omöjligt"),
    (r"format (?P<fmt>.+) is not one this version reads \(bka-assessment/1\); is the file from "
     r"a newer version of the tool\?",
     "formatet {fmt} är inte ett som den här versionen läser (bka-assessment/1); kommer filen "
     "från en nyare version av verktyget?"),
    (r"this is not an assessment file: expected the keys format, questionnaire, decision and "
     r"answers \(see docs/FORMAT.md\)",
     "det här är ingen bedömningsfil: nycklarna format, questionnaire, decision och answers "
     "väntades (se docs/FORMAT.md)"),
    (r"it is neither a BKA export file \(format bka-export/1\) nor an assessment file \(format "
     r"bka-assessment/1\)",
     "det är varken en exportfil från BKA (formatet bka-export/1) eller en bedömningsfil "
     "(formatet bka-assessment/1)"),
    (r"it has no 'format' key, so it is not a BKA export file",
     "den saknar nyckeln 'format', så den är ingen exportfil från BKA"),
    (r"it is in format (?P<fmt>\S+), made by a newer version of this tool; this version reads "
     r"(?P<ours>\S+)",
     "den har formatet {fmt}, från en nyare version av verktyget; den här versionen läser "
     "{ours}"),
    (r"'assessments' is missing or not a list", "'assessments' saknas eller är ingen lista"),
    (r"and (?P<n>[\d,]+) more problems like these", "och {n} fel till av samma slag"),
    (r"the id (?P<id>.+) is not a valid id \(letters, digits, - and _, at most 64\); remove it "
     r"to import the assessment as a new one",
     "id:t {id} är inget giltigt id (bokstäver, siffror, - och _, högst 64 tecken); ta bort det "
     "för att importera bedömningen som en ny"),
    (r"the id (?P<id>.+) appears twice in the file", "id:t {id} står två gånger i filen"),
]

SENTENCES = _rules(_READING + _IMPORT + _ANSWERS + _SCHEMA + _PYDANTIC)

# Where in an export a problem is: "export.json, assessment 3", "export.json, after
# assessment 12" (app/store/import_read.py, export_stream.py).
FILE_PLACES = _rules([
    (r"(?P<file>.+), assessment (?P<n>\d+)", "{file}, bedömning {n}"),
    (r"(?P<file>.+), after assessment (?P<n>\d+)", "{file}, efter bedömning {n}"),
    (r"(?P<file>.+), at the start of the assessments", "{file}, i början av bedömningarna"),
    (r"(?P<file>.+), in the value of '(?P<key>[^']*)'", "{file}, i värdet av '{key}'"),
    (r"(?P<file>.+), at the start of the file", "{file}, i början av filen"),
])
_PLACED = re.compile(r"^(?P<where>.+?, (assessment \d+|after assessment \d+|at the start of the "
                     r"assessments|in the value of '[^']*'|at the start of the file))"
                     r"(?P<line>:\d+)?: (?P<rest>.+)$", re.DOTALL)


class Unknown(KeyError):
    """A sentence (or a part of one) that no rule says in Swedish."""


def swedish(sentence: str, strict: bool = False) -> str:
    """The sentence in Swedish; as it is when no rule knows it (Unknown when `strict`)."""
    found = _said(sentence, SENTENCES, strict)
    if found is not None:
        return found
    placed = _PLACED.match(sentence)  # a line from an export, its place written in front
    if placed:
        return (f"{swedish_file(placed['where'])}{placed['line'] or ''}: "
                f"{swedish(placed['rest'], strict)}")
    if strict:
        raise Unknown(sentence)
    return sentence


def known(sentence: str) -> bool:
    """Whether the catalogue says the whole sentence in Swedish, every part of it too."""
    try:
        swedish(sentence, strict=True)
    except Unknown:
        return False
    return True


def swedish_file(where: str) -> str:
    """A file's name, or a place in an export ("export.json, assessment 3"), in Swedish."""
    return _said(where, FILE_PLACES, False) or where


def _place(text: str, strict: bool) -> str:
    found = _said(text, PLACES, strict)
    if found is None and strict:
        raise Unknown(text)
    return found or text


def _said(text: str, rules: _Rules, strict: bool) -> str | None:
    for pattern, template in rules:
        match = pattern.match(text)
        if match:
            parts = {k: v or "" for k, v in match.groupdict().items()}
            return template.format(**_inner(parts, strict))
    return None


def _inner(parts: dict[str, str], strict: bool) -> dict[str, str]:
    """Parts that are sentences or places said in Swedish too; the rest (names, values) as
    written."""
    words: dict[str, Callable[[str, bool], str]] = {"reason": swedish, "place": _place}
    out = {k: words[k](v, strict) if k in words else v for k, v in parts.items()}
    if "choices" in out:
        out["choices"] = re.sub(r" or ", " eller ", out["choices"])
    out["more_sv"] = f" och {parts['more']} till" if parts.get("more") else ""
    return out
