"""Small fingerprints of long answers, to find the few stored assessments worth comparing.

Comparing every answer with every answer of 10,000 stored assessments by edit distance takes
seconds; a near copy (the same paragraph with a word or two changed) shares most of its word
triples with its source, so it shares some of the smallest hashes of those triples too (a
bottom-k sketch, as in MinHash). The sketches pick the candidates; rapidfuzz then decides, with
the questionnaire's own threshold (app/core/substance.py). Pure.
"""

from __future__ import annotations

import zlib

from app.core.substance import OTHER_MIN_CHARS, letters, plain

SKETCH = 16  #: hashes kept per answer: enough that a near copy shares several


def long_texts(values: dict[str, object]) -> tuple[str, ...]:
    """The answers long enough to be called copies, in compared form (plain())."""
    found: list[str] = []
    for value in values.values():
        if isinstance(value, str) and letters(value) >= OTHER_MIN_CHARS:
            found.append(plain(value))
        elif isinstance(value, dict):  # impact ratings: the "for which children" texts
            for entry in value.values():
                text = str((entry or {}).get("children") or "") if isinstance(entry, dict) else ""
                if letters(text) >= OTHER_MIN_CHARS:
                    found.append(plain(text))
    return tuple(dict.fromkeys(found))


def sketch(text: str) -> frozenset[int]:
    """The SKETCH smallest hashes of the text's word triples (stable across processes)."""
    words = text.split()
    triples = {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))}
    hashes = sorted(zlib.crc32(t.encode("utf-8")) for t in triples)
    return frozenset(hashes[:SKETCH])
