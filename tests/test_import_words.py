"""A damaged assessment file is refused in Swedish first, with the English beside it, and with
the file and line of each problem: on the data page and from `bka import`.

Each file below is the shipped closure example damaged in one way (its YAML, a key, a type, a
value out of range, a date, a size, what it claims to be). The Swedish is asserted as the user
reads it; and no problem any of them causes is left in English only."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import open_page
from ui_helpers import no_exception, start, texts

from app.cli.main import main
from app.core.problem_words import known
from app.services.paths import EXAMPLES_DIR
from app.services.shipped import catalog
from app.store import open_store
from app.store.errors import ImportRejected
from app.store.import_read import read_import

TEXT = (EXAMPLES_DIR / "skolnedlaggning.yaml").read_text(encoding="utf-8")
VERSION = yaml.safe_load(TEXT)["questionnaire"]["version"]  #: the example answers the current one


def changed(change: Callable[[dict[str, Any]], object]) -> str:
    data = yaml.safe_load(TEXT)
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def replaced(old: str, new: str) -> str:
    assert old in TEXT, old
    return TEXT.replace(old, new, 1)


def line_of(text: str, start: str) -> int:
    """The number of the first line of `text` that starts (after its indent) with `start`."""
    return next(n for n, row in enumerate(text.splitlines(), 1) if row.lstrip().startswith(start))


# (name, the damaged file's text, what the Swedish line says, the line it names or None)
DAMAGED: list[tuple[str, str, str, Callable[[str], int | None]]] = [
    ("syntax", replaced("answers:\n", "answers: [\n"), "fel i YAML-syntaxen",
     lambda t: 0),  # where the parser gives up: some line after the bracket
    ("tab", "decision:\n\ttitle: x\n", "fel i YAML-syntaxen", lambda t: 2),
    ("alias", "a: &x 1\nb: *x\n", "ett alias (*namn) är inte tillåtet", lambda t: 2),
    ("twice", replaced("  case_number:", "  title: Igen\n  case_number:"),
     "nyckeln 'title' står två gånger; behåll en", lambda t: line_of(t, "title: Igen")),
    ("unknown-question", changed(lambda d: d["answers"].__setitem__("q_x", 1)),
     "1 svar på frågor som 'bka-standard'", lambda t: line_of(t, "q_x:")),
    ("unknown-key", changed(lambda d: d["decision"].__setitem__("colour", "röd")),
     "okänd nyckel 'colour' i nyckeln 'decision'; tillåtna nycklar:",
     lambda t: line_of(t, "colour:")),
    ("missing-key", changed(lambda d: d["decision"].pop("title")),
     "nyckeln 'decision' saknar nyckeln 'title'", lambda t: line_of(t, "decision:")),
    ("wrong-type", changed(lambda d: d["decision"].__setitem__("title", ["a", "b"])),
     "nyckeln 'decision.title': värdet ska vara text", lambda t: line_of(t, "title:")),
    ("rating", replaced("short: -1", "short: 7"),
     "(rights_impacts) kan inte läsas: 7 är inget betyg",
     lambda t: line_of(t, "rights_impacts:")),
    ("option", replaced("affects_children: direct", "affects_children: kanske"),
     "”Berör ärendet barn?” (affects_children) kan inte läsas: 'kanske' är inget av "
     "alternativen",
     lambda t: line_of(t, "affects_children:")),
    ("date", replaced('follow_up_date: "2028-02-15"', 'follow_up_date: "2028-14-15"'),
     "svaret ska vara ett datum som ÅÅÅÅ-MM-DD, men är '2028-14-15'",
     lambda t: line_of(t, "follow_up_date:")),
    ("decision-date", replaced('decision_date: "2026-11-19"', 'decision_date: "2026-02-30"'),
     "värdet ska vara ett giltigt datum (ÅÅÅÅ-MM-DD)", lambda t: line_of(t, "decision_date:")),
    ("number", changed(lambda d: d["answers"].__setitem__("children_count", "många")),
     "svaret ska vara ett tal, men är 'många'", lambda t: line_of(t, "children_count:")),
    ("too-long-title", changed(lambda d: d["decision"].__setitem__("title", "x" * 400)),
     "texten får ha högst 300 tecken", lambda t: line_of(t, "title:")),
    ("too-long-answer", changed(lambda d: d["answers"].__setitem__("how_concerned", "x" * 60_000)),
     "tecken text; högst 50,000 är tillåtna", lambda t: line_of(t, "how_concerned:")),
    ("nested", "a: " + "[" * 100 + "]" * 100 + "\n", "mer än 64 nivåer", lambda t: 1),
    ("questionnaire", replaced("id: bka-standard", "id: hemmagjord"),
     "frågeformuläret 'hemmagjord' finns inte i den här installationen",
     lambda t: line_of(t, "questionnaire:")),
    ("newer", replaced(f'version: "{VERSION}"', 'version: "9.0.0"'),
     "och filens är nyare; uppdatera verktyget", lambda t: line_of(t, "questionnaire:")),
    ("measure", changed(lambda d: d["answers"]["measures"][0].__setitem__("status", "kanske")),
     "åtgärd 1: status ska vara en av planned", lambda t: line_of(t, "measures:")),
    ("not-ours", "hej: världen\n", "det är varken en exportfil från BKA", lambda t: None),
    ("empty", "", "filen är tom", lambda t: None),
]


def refused(text: str, name: str) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        read_import(text.encode("utf-8"), name, catalog())
    return caught.value


@pytest.mark.parametrize(("name", "text", "said", "line"), DAMAGED, ids=[d[0] for d in DAMAGED])
def test_each_problem_is_said_in_swedish_with_file_and_line(
        name: str, text: str, said: str, line: Callable[[str], int | None]) -> None:
    file = f"{name}.yaml"
    exc = refused(text, file)
    swedish = [p.in_swedish() for p in exc.found]
    where = line(text)
    expected = (rf"{re.escape(file)}:\d+: " if where == 0 else
                rf"{re.escape(file)}:{where}: " if where else "")
    assert any(re.match(expected, s) and said in s for s in swedish), swedish
    # English beside it, the same place; and no problem left in English only
    for problem in exc.found:
        assert known(problem.message), problem.message
        assert problem.both() == f"{problem.in_swedish()}\n    {problem}"


def test_an_exports_problems_name_the_assessment_in_swedish() -> None:
    broken = {"format": "bka-export/1", "assessments": [
        {"questionnaire": {"id": "bka-standard", "version": "2.6.0"},
         "decision": {"title": "Ett"}, "answers": {"affects_children": "kanske"}}]}
    exc = refused(json.dumps(broken), "export.json")
    assert any(s.startswith("export.json, bedömning 1") and "'kanske'" in s
               for s in (p.in_swedish() for p in exc.found)), exc.problems
    cut = refused('{"format": "bka-export/1", "assessments": [{"a": 1', "export.json")
    assert [p.in_swedish() for p in cut.found] == [
        "export.json, i början av bedömningarna: filen är avklippt (den slutar mitt i "
        "JSON-texten)"]


def test_bka_import_says_it_in_swedish_then_english(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    text = replaced("short: -1", "short: 7")
    damaged = tmp_path / "skadad.yaml"
    damaged.write_text(text, encoding="utf-8")
    code = main(["import", str(damaged), "--data-dir", str(tmp_path / "data")])
    err = capsys.readouterr().err
    line = line_of(text, "rights_impacts:")
    label = catalog().questionnaires["bka-standard"].questions["rights_impacts"].text
    sv = (f"skadad.yaml:{line}: svaret på ”{label['sv']}” (rights_impacts) kan inte "  # type: ignore[index]
          "läsas: 7 är inget betyg")
    en = (f"skadad.yaml:{line}: the answer to “{label['en']}” (rights_impacts) "  # type: ignore[index]
          "cannot be read: 7 is not a rating")
    assert code == 2 and "skadad.yaml kan inte importeras, och ingenting ändrades" in err
    assert sv in err and en in err and err.index(sv) < err.index(en), err
    assert "Traceback" not in err and open_store(tmp_path / "data").list() == []


def test_the_data_page_says_it_in_swedish_then_english(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    text = replaced('follow_up_date: "2028-02-15"', 'follow_up_date: "2028-14-15"')
    at = no_exception(open_page(start(monkeypatch, tmp_path / "data"), "data").run())
    at = no_exception(at.file_uploader[0].set_value(
        ("skadad.yaml", text.encode("utf-8"), "application/yaml")).run())
    shown = texts(at)
    line = line_of(text, "follow_up_date:")
    label = catalog().questionnaires["bka-standard"].questions["follow_up_date"].text
    sv = (f"skadad.yaml:{line}: svaret på ”{label['sv']}” (follow_up_date) kan inte läsas: "  # type: ignore[index]
          "svaret ska vara ett datum som ÅÅÅÅ-MM-DD, men är '2028-14-15'")
    en = (f"skadad.yaml:{line}: the answer to “{label['en']}” (follow_up_date) cannot be "  # type: ignore[index]
          "read")
    assert "Filen kan inte importeras" in shown and sv in shown and en in shown, shown
    assert shown.index(sv) < shown.index(en)
    assert not [b for b in at.button if b.label == "Importera"]


def test_a_trainers_case_file_is_refused_in_swedish_too() -> None:
    """The workshop's case upload reads YAML through the same readers: its problems come in
    Swedish first too (the page shows `both()` of each)."""
    from app.services.case_upload import check_upload

    checked = check_upload(b"id: mitt_fall\ntitle: [\n", "mitt-fall.yaml", catalog())
    assert checked.problems
    [first, *_] = checked.problems
    assert first.both().startswith("mitt-fall.yaml:") and "fel i YAML-syntaxen" in first.both()
    assert "YAML syntax error" in first.both().splitlines()[1]


def test_without_its_place_a_problem_is_said_in_both_languages_still() -> None:
    """The assessment page lists stored answers its questionnaire cannot read, without a
    file: the sentence in Swedish, then in English."""
    from app.core.errors import Problem

    problem = Problem("bedömning", 12, "answer to 'x' (number): expected a number, got 'två'")
    assert problem.both(place=False) == (
        "svaret på 'x' (frågetyp number): svaret ska vara ett tal, men är 'två'\n"
        "    answer to 'x' (number): expected a number, got 'två'")
