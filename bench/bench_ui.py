"""Server time of the guided page beside a bare Streamlit page, measured with AppTest.

The peer is the simplest page doing the same job: a bare Streamlit script with the same
widgets as the section (one per question, with its comment box), whose change callback
writes the answers to one JSON file with fsync. Both run in this process on the same data
folder size, interleaved change by change, so the ratio holds on a busy machine.

Goal: server time per change <= 2x the bare page. AppTest reruns the whole script for
every interaction, as the browser does for a page without fragments.
Run: .venv/bin/python -m bench.bench_ui [--count 10000] [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.loading import load_assessment
from app.core.models.questionnaire import Question
from app.services.paths import EXAMPLES_DIR, ROOT
from app.services.shipped import catalog

PEER = '''
import json, os, streamlit as st
PATH = {path!r}
QUESTIONS = {questions!r}

def save(qid, key):
    answers = json.loads(open(PATH).read()) if os.path.exists(PATH) else {{}}
    answers[qid] = st.session_state[key]
    with open(PATH + ".tmp", "w") as f:
        f.write(json.dumps(answers)); f.flush(); os.fsync(f.fileno())
    os.replace(PATH + ".tmp", PATH)

st.header("Avsnitt")
for qid, kind, text, options in QUESTIONS:
    with st.container(border=True):
        left, right = st.columns([3, 2])
        with left:
            st.markdown(text)
            if options:
                st.radio(text, options, key=qid, index=None, on_change=save, args=(qid, qid),
                         label_visibility="collapsed")
            else:
                st.text_area(text, key=qid, on_change=save, args=(qid, qid),
                             label_visibility="collapsed")
            with st.expander("Kommentar"):
                st.text_area("Kommentar", key=qid + ":c", on_change=save,
                             args=(qid + ":c", qid + ":c"), label_visibility="collapsed")
        with right:
            st.caption(text)
'''


def _median_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _open_guided(at: Any) -> Any:
    """The guided page (as tests/helpers.py open_page: pages are functions given to st.Page)."""
    at.run()
    at._page_hash = at.session_state["pages"]["assess"]._script_hash
    at.run()
    assert not at.exception, at.exception
    return at


def _drawn(at: Any) -> tuple[int, int]:
    """(elements, widgets) the last run drew: Streamlit's cost per run grows with both (every
    keyed text, radio or select widget also copies the whole session state once)."""

    def count(node: Any) -> int:
        return 1 + sum(count(child) for child in getattr(node, "children", {}).values())

    return count(at._tree) - 1, len(at._tree.get_widget_states().widgets)


def _page_alone(ours: list[float], bare: list[float], aid: str, qid: str, data: Path,
                runs: int) -> None:
    """The change's save timed alone (our store's set_answer, the bare page's fsync'd file),
    interleaved; the page's own time per change is the change less its save. What a save
    costs is the store's business (bench_store), the rest is the page's."""
    import json

    from app.core.models.assessment import Answer
    from app.store import open_store

    store = open_store(data)
    path = data / "peer-answers.json"
    ours_save: list[float] = []
    bare_save: list[float] = []
    for n in range(runs):
        current = store.get(aid).answers.get(qid)

        def save_ours(n: int = n, current: Answer | None = current) -> None:
            store.set_answer(aid, qid, Answer(value=f"Sparat {n}"), editor="bench",
                             expected=current)

        def save_bare(n: int = n) -> None:
            answers = json.loads(path.read_text()) if path.exists() else {}
            answers[qid] = f"Sparat {n}"
            with open(f"{path}.tmp", "w") as f:
                f.write(json.dumps(answers))
                f.flush()
                os.fsync(f.fileno())
            os.replace(f"{path}.tmp", path)

        ours_save.append(_timed(save_ours))
        bare_save.append(_timed(save_bare))
    a_save, b_save = statistics.median(ours_save), statistics.median(bare_save)
    a_page = statistics.median(ours) - a_save
    b_page = statistics.median(bare) - b_save
    print(f"  its save     ours {a_save:7.1f} ms   bare {b_save:7.1f} ms (medians, timed alone)")
    print(f"  page alone   ours {a_page:7.1f} ms   bare {b_page:7.1f} ms   ratio "
          f"{a_page / b_page:5.2f}x   (the change less its save)")


def _peer_questions(questions: list[Question], lang: str) -> list[tuple[str, str, str, list]]:
    from app.core.text import tr

    return [(q.id, q.type, tr(q.text, lang), list(q.option_values) if q.options else [])
            for q in questions]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="assessments stored")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    from streamlit.testing.v1 import AppTest

    from app.store import TinyDBAssessmentStore, open_store
    from bench.bench_store import synthesise, templates

    data = Path(tempfile.mkdtemp(prefix="bka-bench-ui-"))
    os.environ["BKA_DATA_DIR"] = str(data)
    if args.count:
        TinyDBAssessmentStore(data, durable=False).store_imported(
            synthesise(args.count, templates(False), random.Random(26)), "bench")
    example, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
    # As a draft: a complete assessment is read-only on the guided page (its fields are
    # disabled), and typing into a disabled field is what a user cannot do either.
    draft = example.model_copy(update={"id": None, "status": "draft"})
    stored = open_store(data).create(draft, editor="bench")
    q = catalog().questionnaires[stored.questionnaire.id]
    largest = max(q.sections, key=lambda s: len(s.questions))
    print(f"{args.count:,} assessments stored; the guided page's section '{largest.id}' "
          f"({len(largest.questions)} questions), {args.runs} changes each, interleaved")

    at = AppTest.from_file(str(ROOT / "app" / "ui" / "main.py"), default_timeout=60)
    at.session_state["open_assessment"] = stored.id
    at.session_state["step"] = largest.id
    _open_guided(at)
    text_q = next(qu for qu in largest.questions if qu.type == "text")
    key = f"q:{stored.id}:{text_q.id}:"

    peer_file = data / "peer.py"
    peer_file.write_text(PEER.format(path=str(data / "peer-answers.json"),
                                     questions=_peer_questions(largest.questions, "sv")),
                         encoding="utf-8")
    peer = AppTest.from_file(str(peer_file), default_timeout=60)
    peer.run()

    def ours_rerun() -> None:
        at.run()

    def peer_rerun() -> None:
        peer.run()

    counter = iter(range(10**6))

    def ours_change() -> None:
        widget = at.text_area(key=key) if text_q.multiline else at.text_input(key=key)
        widget.input(f"Ändrat svar {next(counter)}").run()

    def peer_change() -> None:
        peer.text_area(key=text_q.id).input(f"Ändrat svar {next(counter)}").run()

    for label, ours, bare in (("full rerun", ours_rerun, peer_rerun),
                              ("one answer change", ours_change, peer_change)):
        ours(), bare()  # warm
        a: list[float] = []
        b: list[float] = []
        for _ in range(args.runs):
            a.append(_timed(ours))
            b.append(_timed(bare))
        assert not at.exception, at.exception
        (am, a95), (bm, b95) = _median_p95(a), _median_p95(b)
        ratio = statistics.median(x / y for x, y in zip(a, b, strict=True))
        print(f"{label}")
        print(f"  guided page  median {am:7.1f} ms   p95 {a95:7.1f} ms")
        print(f"  bare page    median {bm:7.1f} ms   p95 {b95:7.1f} ms")
        print(f"  ratio        median {ratio:5.2f}x   goal <= 2x per change")
        if label == "one answer change":
            _page_alone(a, b, stored.id or "", text_q.id, data, args.runs)
    (ae, aw), (be, bw) = _drawn(at), _drawn(peer)
    print(f"drawn per run: guided page {ae} elements ({aw} widgets), bare page {be} ({bw}); "
          f"ratio {ae / be:4.2f}x elements, {aw / bw:4.2f}x widgets")


if __name__ == "__main__":
    main()
