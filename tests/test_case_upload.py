"""A case written by a trainer: every problem in one run with its line, recognised as a case,
uploaded and used from the data folder, and the question ids it may use listed in the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import line_of, open_page
from test_cases import GOOD
from ui_helpers import no_exception, start, tables

from app.core.cases import check_case, looks_like_case
from app.core.errors import LoadError
from app.core.yamlsource import parse_yaml
from app.services.case_upload import all_cases, check_upload, keep
from app.services.shipped import catalog

BROKEN = GOOD.replace("duration_minutes: 45", "duratoin_minutes: 45") \
    .replace("children_said: {sv: \"Barnen sa.\", en: \"The children said.\"}",
             "children_said: {sv: \"Barnen sa.\"}") + """\
key_points:
  - id: play
    label: {sv: "Lek", en: "Play"}
    when: "weakened(31) and no_such_question == 'x'"
"""


def test_every_problem_of_a_case_in_one_run_with_its_line() -> None:
    with pytest.raises(LoadError) as caught:
        check_case(parse_yaml(BROKEN, "mitt-fall.yaml"), catalog().questionnaires)
    found = {(p.line, p.message) for p in caught.value.problems}
    text = " | ".join(m for _, m in found)
    # the misspelt key, named with the key it was meant to be, at its line ...
    assert (line_of(BROKEN, "duratoin_minutes"),
            "unknown key 'duratoin_minutes' for a case; did you mean 'duration_minutes'?") \
        in found
    # ... and, in the same run, the language missing elsewhere and the rule's unknown id
    assert "case 'lekplats': 'children_said' has no text in en" in text
    assert "'no_such_question' is not a question of this questionnaire" in text


def test_the_content_checks_run_beside_an_unknown_key() -> None:
    text = GOOD.replace("title:", "titel: x\ntitle:").replace(
        'children_said: {sv: "Barnen sa.", en: "The children said."}',
        'children_said: {sv: "Barnen sa."}') + """\
key_points:
  - id: play
    label: {sv: "Lek", en: "Play"}
    when: "no_such_question == 'x'"
"""
    with pytest.raises(LoadError) as caught:
        check_case(parse_yaml(text, "mitt-fall.yaml"), catalog().questionnaires)
    messages = " | ".join(p.message for p in caught.value.problems)
    assert "unknown key 'titel'" in messages and "did you mean 'title'" in messages
    assert "'children_said' has no text in en" in messages
    assert "no_such_question" in messages  # the rule was checked in the same run


def test_a_file_that_looks_like_a_case_says_so() -> None:
    assert looks_like_case({"key_articles": [3], "trainer_notes": "x", "id": "a"}) == [
        "key_articles", "trainer_notes"]
    assert looks_like_case({"sections": [], "id": "q"}) == []
    checked = check_upload(BROKEN.encode(), "mitt-fall.yaml", catalog())
    assert checked.case is None and checked.problems
    assert {"key_articles", "trainer_notes"} <= set(checked.case_keys)


def test_an_uploaded_case_is_kept_and_offered_with_the_shipped_ones(tmp_path: Path) -> None:
    data = GOOD.replace("id: lekplats", "id: mitt-fall").encode()
    checked = check_upload(data, "mitt-fall.yaml", catalog())
    assert checked.case is not None and not checked.problems
    keep(data, "mitt-fall.yaml", checked.case, tmp_path)
    ids = [c.id for c in all_cases(catalog(), tmp_path)]
    assert ids[-1] == "mitt-fall" and "lekplats-lindparken" in ids
    clash = check_upload(GOOD.replace("id: lekplats", "id: lekplats-lindparken").encode(),
                         "x.yaml", catalog())
    assert clash.case is None and "a shipped case already has the id" in str(clash.problems[0])


def test_the_workshop_page_lists_question_ids_for_case_writers(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = start(monkeypatch, tmp_path)
    at = no_exception(open_page(at, "workshop").run())
    assert any("Frågornas id, för den som skriver ett fall" in e.label for e in at.expander)
    at.selectbox(key="ws_ids_q").set_value("bka-standard")
    at = no_exception(at.run())
    table = next(t for t in tables(at) if "Id" in t.columns)
    row = table[table["Id"] == "affects_children"].iloc[0]
    assert row["Frågan"] == "Berör ärendet barn?"
    assert "direct" in row["Svarens värden (eller artiklar)"]
    assert any("Ladda upp ett eget fall" in e.label for e in at.expander)


def test_bka_validate_says_it_read_the_file_as_a_case(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from helpers import write

    from app.cli.main import main

    path = write(tmp_path, "mitt-fall.yaml", BROKEN)
    assert main(["validate", str(path)]) != 0
    out = capsys.readouterr()
    said = out.out + out.err
    assert "this looks like a workshop case (it has " in said
    assert "did you mean 'duration_minutes'" in said and "no_such_question" in said
