"""Print the known-bad corpus and the red-team rounds as the installed scoring sees them.

One line per file: file, points and level ('capped' when a finding holds it below the points),
findings ('!' = serious), and where the scoring has the review gate, the level the checks alone
allow (as if a reviewer had approved: `checks:`), since a file read here has no recorded
approval and the top level needs one. Run with the interpreter of the checkout to measure
(before/after):
`.venv/bin/python bench/corpus_table.py tests/corpus tests/corpus/redteam/round1`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.core.loading import load_assessment, normalise_answers
from app.core.scoring import decision_text, score

try:
    from app.services.shipped import catalog
except ImportError:  # an older layout
    from app.shipped import catalog  # type: ignore[no-redef]


def line(path: Path) -> str:
    cat = catalog()
    assessment, source = load_assessment(path)
    q = cat.questionnaire(assessment.questionnaire.id)
    if q is None:
        return f"{path.name}\tunknown questionnaire"
    values, problems = normalise_answers(assessment, q, source)
    if problems:
        return f"{path.name}\tdoes not load: {problems[0]}"
    d = assessment.decision
    try:
        card = score(q, values, cat.library, decision_text(d.title, d.description),
                     d.decision_date, getattr(cat, "law", None))
    except TypeError:  # a scorer without the decision date
        card = score(q, values, cat.library, decision_text(d.title, d.description))
    flags = ", ".join(f.id + ("!" if f.severity == "serious" else "") for f in card.flags
                      if f.id != "review_needed")
    if card.level is None:
        return f"{path.name}\t0 screening record, no level\t{flags}"
    capped = " capped" if card.level != card.points_level else ""
    label = card.level.label["sv"] if isinstance(card.level.label, dict) else card.level.label
    checks = _with_approval(q, values, cat, d)
    return f"{path.name}\t{card.overall:.0f} {label}{capped}\t{flags}" + (
        f"\tchecks: {checks}" if checks else "")


def _with_approval(q: object, values: dict[str, object], cat: object, d: object) -> str:
    """The level if a reviewer had approved: what the checks alone hold (new scorers only)."""
    try:
        import datetime as dt

        from app.core.models.approval import Approval, ReviewStanding
    except ImportError:
        return ""
    review = ReviewStanding(approval=Approval(
        assessment_id="", approved_revision=0, content_hash="", reviewer="bench",
        approved_at=dt.datetime.now(dt.UTC)))
    card = score(q, values, cat.library, decision_text(d.title, d.description),  # type: ignore
                 d.decision_date, cat.law, cat.references, review=review)  # type: ignore
    if card.level is None:
        return ""
    label = card.level.label["sv"] if isinstance(card.level.label, dict) else card.level.label
    return str(label)


def main(folders: list[str]) -> None:
    for folder in folders:
        for path in sorted(Path(folder).glob("*.yaml")):
            print(line(path))


if __name__ == "__main__":
    main(sys.argv[1:])
