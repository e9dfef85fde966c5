"""Kill trials: a writer process answering questions is killed (SIGKILL) at a random moment,
again and again; after each kill the store must read cleanly and hold every save the writer
was told had succeeded.

The writer prints "n" after set_answer(n) returned (an acknowledged save); the check after
each kill is: the folder reads without error in a fresh store, every assessment's revision
history is complete (1..current), each acknowledged answer is stored (or a later one), and
the overview's index (written after the save acknowledges, caught up after a kill) lists and
counts every assessment at its stored revision.
Three assessments are answered in turn, each save one committed line appended to the
assessment's journal (fdatasync'd) and every few dozen saves the assessment's file rewritten
instead (the line, its fsync, the document: the commit point), so a kill lands in every step
of both kinds of save, a line cut short among them.

Goal: 0 lost, 0 unreadable over 200 kills.
Run: .venv/bin/python -m bench.bench_store_kills [--kills 200]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.services.paths import ROOT
from app.store import StoreError, TinyDBAssessmentStore

WRITER = """
import sys
from app.core.models.assessment import Answer
from app.store import TinyDBAssessmentStore
store = TinyDBAssessmentStore(sys.argv[1])
ids = sys.argv[3:]
n = int(sys.argv[2])
print("started", flush=True)
while True:
    n += 1
    store.set_answer(ids[n % len(ids)], f"q{n % 7}", Answer(value=n), "writer")
    print(n, flush=True)
"""


def _assessment(title: str) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=title))


def trial(folder: Path, ids: list[str], start: int, rng: random.Random) -> tuple[int, int]:
    """One writer killed after a random time; returns (last acknowledged n, its revision)."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(start), *ids],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "started"
    time.sleep(rng.uniform(0.02, 0.4))
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate()
    acknowledged = [int(line) for line in out.split() if line.isdigit()]
    return (acknowledged[-1] if acknowledged else start), len(acknowledged)


def check(folder: Path, ids: list[str], last: int) -> list[str]:
    """What a fresh store finds wrong after a kill (empty when nothing)."""
    from app.store import locking

    locking._registry.clear()  # a new process: nothing kept from before the kill
    store = TinyDBAssessmentStore(folder)
    problems: list[str] = []
    try:
        for aid in ids:
            now = store.get(aid)
            revisions = [r.revision for r in store.revisions(aid)]
            if revisions != list(range(now.revision, 0, -1)):
                problems.append(f"{aid}: history {revisions[:3]}... at revision {now.revision}")
        # The last acknowledged answer, and the one before it for the other assessment.
        for n in range(max(1, last - len(ids) * 7 + 1), last + 1):
            aid, qid = ids[n % len(ids)], f"q{n % 7}"
            stored = store.get(aid).answers.get(qid)
            if stored is None or int(stored.value) < n:
                problems.append(f"save {n} ({aid}/{qid}) acknowledged but not stored")
        if len(store.list()) != len(ids):
            problems.append(f"the overview lists {len(store.list())} of {len(ids)}")
        # The overview's index (written after the save's commit point, off its path): the
        # list's page and the counts' rows at each assessment's stored revision.
        stored = store.revision_map()
        # The page's rows carry what the page shows, so "behind" is read as a row whose
        # shown change time is not the stored record's.
        rows, _total = store.page(limit=50)
        if {r.id for r in rows} != set(stored) or any(
                r.updated != store.get(r.id).updated for r in rows):
            problems.append("fact not stored: the overview's list is behind the store")
        if store.facts.revisions() != stored:
            problems.append("fact not stored: the overview's counts are behind the store")
    except StoreError as exc:
        problems.append(f"unreadable: {exc}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(26)
    with tempfile.TemporaryDirectory(prefix="bka-kills-") as tmp:
        folder = Path(tmp)
        store = TinyDBAssessmentStore(folder)
        ids = [store.create(_assessment(f"Analys {n}"), "bench").id or "" for n in range(3)]
        last, acknowledged, lost, unreadable, facts_lost = 0, 0, 0, 0, 0
        for _ in range(args.kills):
            last, count = trial(folder, ids, last, rng)
            acknowledged += count
            problems = check(folder, ids, last)
            lost += sum("not stored" in p for p in problems)
            facts_lost += sum("fact not stored" in p for p in problems)
            unreadable += sum("not stored" not in p for p in problems)
            for p in problems[:3]:
                print("  ", p)
        print(f"{args.kills} kills of a writer, {acknowledged:,} acknowledged saves: "
              f"{lost} lost ({facts_lost} of them overview facts), {unreadable} unreadable or "
              "inconsistent   goal 0 and 0")


if __name__ == "__main__":
    main()
