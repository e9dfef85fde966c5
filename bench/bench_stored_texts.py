"""Answers copied from another stored assessment, at 10,000 stored assessments (TinyDB).

Scoring inside the store compares the assessment's long answers with the other assessments
kept here (app/services/stored_texts.py): an index of answer sketches in memory per store,
brought up to date by revision. Measured:

- first index: a fresh process reads every assessment once and sketches its answers;
- lookup: one assessment's candidates once the index is current (what each Resultat page,
  report and overview row pays), and its whole scoring with them;
- after one save: someone saved one assessment; the index reads only that one again.

Two kinds of data: every assessment with answers of its own (the usual case; ten of them
reuse another's answers), and the worst case, every assessment built from the same four
shipped texts (the candidates are then capped, stored_texts.CANDIDATES).
Target: a lookup well under the 50 ms a save may take.

Measured 2026-12-07 on the shared 2-core machine, 10,000 stored, answers of their own:
first index 17 s (every assessment read and validated once; a page does not wait for it), the
store's revision map 3 ms, a lookup with the index current 6 ms, after one save 6 ms, scoring
with the lookup 12 ms. Worst case, all from four texts: lookup 6 ms, and no candidates, since a
fingerprint shared by more than 20 assessments (stored_texts.COMMON) is a template's and names
no one source. (With a cut-off of 100 and the machine busy: lookup 114 ms, over the target.)
Run: .venv/bin/python -m bench.bench_stored_texts [--count 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import tempfile

from app.core.loading import normalise_answers
from app.core.models.assessment import Answer, Assessment
from app.core.scoring import decision_text, score
from app.services import stored_texts
from app.services.shipped import catalog
from app.store import TinyDBAssessmentStore
from bench.bench_store import row, synthesise, templates, timed

TARGET_MS = 50
SYLLABLES = ["ba", "be", "bo", "da", "de", "fa", "fö", "ga", "gå", "ha", "he", "ka", "kl", "la",
             "le", "lä", "ma", "mo", "na", "ne", "pa", "ra", "re", "ro", "sa", "sk", "sl", "st",
             "ta", "te", "to", "va", "ve", "vä", "ör", "an", "en", "er", "ar", "on"]


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """Made-up words; drawn by rank below, so a few are common, as words in any text are."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
            for _ in range(size)]


def own_texts(data: list[Assessment], rng: random.Random) -> list[Assessment]:
    """Every long answer replaced by a text of its own (ten reuse another's)."""
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf: "och", "barnen", ...
    out = []
    for n, a in enumerate(data):
        answers = dict(a.answers)
        for qid, answer in a.answers.items():
            if isinstance(answer.value, str) and len(answer.value) >= 80:
                text = " ".join(rng.choices(words, weights, k=40))
                answers[qid] = Answer(value=f"{text} ({n})", comment=answer.comment)
        out.append(a.model_copy(update={"answers": answers}))
    for n in range(10):  # another school's assessment reused, of the same questionnaire
        source = out[n]
        target = next(i for i in range(n + 10, len(out))
                      if out[i].questionnaire.id == source.questionnaire.id)
        out[target] = out[target].model_copy(update={"answers": dict(source.answers)})
    return out


def measure(label: str, data: list[Assessment], runs: int) -> None:
    cat = catalog()
    probe = data[12]
    q = cat.questionnaire(probe.questionnaire.id)
    assert q is not None
    values, _ = normalise_answers(probe, q)
    d = probe.decision
    with tempfile.TemporaryDirectory(prefix="bka-bench-texts-") as folder:
        TinyDBAssessmentStore(folder, durable=False).store_imported(data, "bench")
        store = TinyDBAssessmentStore(folder)
        print(label)
        row("first index (fresh process)", timed(
            lambda: stored_texts.references(probe, store), 1,
            before=stored_texts._INDEXES.clear), None)
        found = stored_texts.references(probe, store)
        print(f"  candidates for one assessment: {len(found)}")
        row("the store's revision map (part of each lookup)", timed(
            store.revision_map, runs), None)
        row("lookup, index current", timed(
            lambda: stored_texts.references(probe, store), runs), TARGET_MS)
        row("scoring with the lookup", timed(lambda: score(
            q, values, cat.library, decision_text(d.title, d.description), d.decision_date,
            cat.law, cat.references + stored_texts.references(probe, store)), runs), None)
        other = data[500]
        answer = next(iter(other.answers))

        def save() -> None:
            store.set_answer(other.id or "", answer, other.answers[answer], editor="bench")

        row("lookup after one save", timed(
            lambda: stored_texts.references(probe, store), runs, before=save), TARGET_MS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(20261207)
    data = synthesise(args.count, templates(False), rng)
    measure(f"{args.count} stored, answers of their own", own_texts(data, rng), args.runs)
    measure(f"{args.count} stored, all from four shipped texts (worst case)", data, args.runs)


if __name__ == "__main__":
    main()
