"""Workshop cases are checked like everything else shipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import line_of, write

from app.cli.main import main
from app.core.cases import load_case
from app.core.errors import LoadError

GOOD = """\
id: lekplats
questionnaire: bka-standard
title: {sv: "Lekplatsen flyttas", en: "The playground moves"}
summary: {sv: "En lekplats ger plats för bostäder.", en: "A playground makes room for homes."}
level: {sv: Grund, en: Basic}
duration_minutes: 45
background: {sv: "Bakgrund.", en: "Background."}
proposal: {sv: "Förslag.", en: "Proposal."}
facts: {sv: "Fakta.", en: "Facts."}
children_said: {sv: "Barnen sa.", en: "The children said."}
trainer_notes: {sv: "Noter.", en: "Notes."}
key_articles: [3, 12, 31]
"""


def test_a_good_case_loads(tmp_path: Path) -> None:
    case = load_case(write(tmp_path, "lekplats.yaml", GOOD), {"bka-standard"})
    assert case.key_articles == [3, 12, 31]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("questionnaire: bka-standard", "questionnaire: bka-other", "not shipped"),
        ("key_articles: [3, 12, 31]", "key_articles: [3, 60]", "article 60"),
        ('facts: {sv: "Fakta.", en: "Facts."}', 'facts: {sv: "Fakta."}', "no text in en"),
        ("id: lekplats", "id: annan", "must equal the file name"),
        ("duration_minutes: 45", "duration_minutes: 45\nextra: 1", "unknown key 'extra'"),
    ],
)
def test_case_faults_name_the_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = GOOD.replace(old, new)
    with pytest.raises(LoadError) as info:
        load_case(write(tmp_path, "lekplats.yaml", text), {"bka-standard"})
    (problem,) = info.value.problems
    assert message in problem.message
    assert problem.line == line_of(text, new.splitlines()[-1])


def test_cases_command_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cases", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    for item in items:
        assert item["title"]["sv"] and item["title"]["en"] and item["questionnaire"]
