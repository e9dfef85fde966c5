"""docs/COVERAGE.md stays true: every id it names exists, every step names a question per track."""

from __future__ import annotations

import re

import pytest

from app.services.paths import ROOT
from app.services.shipped import catalog

COVERAGE = ROOT / "docs" / "COVERAGE.md"
TRACKS = ("bka-standard", "bka-individual")
TABLES = {
    "Barnombudsmannen's seven steps": 7,
    "General Comment No. 14: the elements to weigh": 7,
    "General Comment No. 14: the procedural safeguards": 8,
}


def tables() -> dict[str, list[dict[str, str]]]:
    """Each table under a '## ' heading, as rows mapping column name -> cell text."""
    found: dict[str, list[dict[str, str]]] = {}
    heading = ""
    header: list[str] = []
    for line in COVERAGE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading, header = line[3:].strip(), []
            continue
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not header:
            header = cells
        elif not set("".join(cells)) <= set("-: "):
            found.setdefault(heading, []).append(dict(zip(header, cells, strict=True)))
    return found


def ids(cell: str) -> list[str]:
    return re.findall(r"`([a-z][a-z0-9_]*)`", cell)


def test_the_page_has_every_table_with_every_row() -> None:
    found = tables()
    for heading, rows in TABLES.items():
        assert heading in found, heading
        assert len(found[heading]) == rows, heading
        assert all(set(TRACKS) <= set(row) for row in found[heading])


@pytest.mark.parametrize("heading", list(TABLES))
def test_every_row_names_an_existing_question_in_each_track(heading: str) -> None:
    cat = catalog()
    for row in tables()[heading]:
        for track in TRACKS:
            q = cat.questionnaire(track)
            assert q is not None
            named = ids(row[track])
            assert named, f"{heading}: '{next(iter(row.values()))}' names no {track} question"
            unknown = [i for i in named if i not in q.questions]
            assert not unknown, f"{heading}: {track} has no question(s) {unknown}"


def test_the_procedural_safeguards_include_representation_and_review() -> None:
    names = [next(iter(row.values())) for row in tables()[
        "General Comment No. 14: the procedural safeguards"]]
    assert "Legal representation" in names
    assert "Mechanisms to review or revise decisions" in names
