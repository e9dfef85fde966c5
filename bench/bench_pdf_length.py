"""PDF time against the length of one text: the title, the description, one free-text answer.

Target (issue 10): time linear in the text's length. A single huge Paragraph is re-wrapped
at every page it runs over (quadratic); every user text now goes to the PDF in chunks, and
the running header measures at most 200 characters of the title per page. The model caps
these fields (app/core/models/assessment.py), so the lengths here are beyond what can be
stored: the bench checks the renderer itself, through model_copy, which does not validate.

Run: .venv/bin/python -m bench.bench_pdf_length [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import sys
import time

from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment
from app.report import render_pdf
from app.services.paths import EXAMPLES_DIR
from app.services.shipped import catalog

WORDS = "Barnen går längre till skolan och vägen korsar en trafikerad gata. "
# Ten times the text may take at most this many times as long between the two largest
# sizes: linear gives ~10 (plus pages' overhead), quadratic ~100.
GROWTH_LIMIT = 20.0


def text_of(n: int) -> str:
    return (WORDS * (n // len(WORDS) + 1))[:n]


def with_text(base: Assessment, where: str, text: str) -> Assessment:
    if where == "answer":
        answers = {**base.answers, "knowledge_gaps": Answer.model_construct(value=text)}
        return base.model_copy(update={"answers": answers})
    return base.model_copy(update={"decision": base.decision.model_copy(update={where: text})})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--strict", action="store_true", help="exit 1 when not linear")
    args = parser.parse_args([] if __name__ != "__main__" else None)
    sizes = [int(s) for s in args.sizes.split(",")]
    base, _ = load_assessment(EXAMPLES_DIR / "trafik-skolvag.yaml")
    catalog()
    render_pdf(base)  # fonts registered, catalog loaded: as in a running app
    ok = True
    print(f"{'text':<12}" + "".join(f"{n:>12,}" for n in sizes) + "   growth of the last step")
    for where in ("title", "description", "answer"):
        seconds = []
        for n in sizes:
            start = time.perf_counter()
            render_pdf(with_text(base, where, text_of(n)))
            seconds.append(time.perf_counter() - start)
        growth = seconds[-1] / seconds[-2] if len(seconds) > 1 else 1.0
        step = sizes[-1] / sizes[-2] if len(sizes) > 1 else 1.0
        linear = growth <= GROWTH_LIMIT * step / 10
        ok = ok and linear
        print(f"{where:<12}" + "".join(f"{s:>11.2f}s" for s in seconds)
              + f"   x{growth:.1f} for x{step:g} the text"
              + ("   linear: ok" if linear else "   NOT LINEAR"), flush=True)
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
