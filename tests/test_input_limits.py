"""Hostile input: an alias bomb, deep nesting, huge files and titles, refused with a message.

Each is tried where a user hands the tool a file: `bka validate`, `bka import` and the upload
on the Data page. The command-line runs are separate processes with a memory ceiling and a
time limit, so a loader that expands the bomb fails the test instead of the machine.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import open_page
from ui_helpers import no_exception, open_comment, start, texts

from app.core.errors import LoadError
from app.core.yamlsource import parse_yaml
from app.services.paths import ROOT
from app.store import open_store

LEVELS = "abcdefghi"


def alias_bomb() -> str:
    """The classic: nine levels of nine aliases each, 9^9 strings once expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip(LEVELS, LEVELS[1:], strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    return text + "#" * (451 - len(text) - 1) + "\n"  # the 451 bytes of the report


def few_alias_bomb() -> str:
    """Within the alias budget (20) but doubling at each level: 2^10 times a 1,000 list."""
    lines = ["l0: &l0 [" + ",".join(["x"] * 1000) + "]"]
    for n in range(1, 11):
        lines.append(f"l{n}: &l{n} [*l{n - 1}, *l{n - 1}]")
    return "\n".join(lines) + "\n"


def deep_json() -> str:
    return "[" * 100_000 + "]" * 100_000


def huge_title_assessment() -> str:
    return ("format: bka-assessment/1\nquestionnaire: {id: bka-standard, version: 1.0.0}\n"
            f"decision:\n  title: {'Rubrik ' * 30_000}\nanswers: {{}}\n")


def _limit_memory() -> None:  # in the child: 1.5 GB of address space, then MemoryError
    ceiling = 1536 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def bka(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=60, preexec_fn=_limit_memory)


CASES = {
    "bomb.yaml": (alias_bomb, "aliases (*name)"),
    "doubling.yaml": (few_alias_bomb, "expand to more than"),
    "deep.json": (deep_json, "nested more than 64 levels"),
    "deep.yaml": (lambda: "a: " + "[" * 200 + "]" * 200 + "\n", "nested more than 64"),
    # libyaml stops far deeper nesting itself, with its own plain words
    "deeper.yaml": (lambda: "a: " + "[" * 50_000 + "]" * 50_000 + "\n", "nesting depth"),
    "title.yaml": (huge_title_assessment, "at most 300 characters"),
}


def test_the_bomb_is_the_size_of_the_report() -> None:
    assert len(alias_bomb().encode()) == 451


@pytest.mark.parametrize("name", list(CASES))
def test_bka_validate_refuses_it_with_file_and_reason(tmp_path: Path, name: str) -> None:
    make, words = CASES[name]
    path = tmp_path / name
    path.write_text(make(), encoding="utf-8")
    done = bka("validate", str(path))
    assert done.returncode == 1, done.stderr[-2000:]
    assert name in done.stderr and words in done.stderr
    assert "Traceback" not in done.stderr


def _import_words(name: str, words: str) -> str:
    # An import file may not use a single alias, so the bombs stop at their first one.
    return "alias (*name) is not allowed" if name in ("bomb.yaml", "doubling.yaml") else words


@pytest.mark.parametrize("name", list(CASES))
def test_bka_import_refuses_it_and_changes_nothing(tmp_path: Path, name: str) -> None:
    make, words = CASES[name]
    path = tmp_path / name
    path.write_text(make(), encoding="utf-8")
    data = tmp_path / "data"
    done = bka("import", str(path), "--data-dir", str(data))
    assert done.returncode == 2, done.stderr[-2000:]
    assert "nothing was changed" in done.stderr and "Traceback" not in done.stderr
    assert _import_words(name, words) in done.stderr
    assert open_store(data).list() == []


@pytest.mark.parametrize("name", list(CASES))
def test_the_data_page_upload_refuses_it_in_words(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    make, words = CASES[name]
    at = no_exception(open_page(start(monkeypatch, tmp_path), "data").run())
    at = no_exception(at.file_uploader[0].set_value(
        (name, make().encode("utf-8"), "application/octet-stream")).run())
    shown = texts(at)
    assert "Filen kan inte importeras, och ingenting har ändrats" in shown
    assert name in shown
    assert _import_words(name, words) in shown
    assert open_store(tmp_path).list() == []


def test_a_file_beyond_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * (11 * 1024 * 1024) + "\n", encoding="utf-8")
    done = bka("import", str(path), "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 2 and "at most 10.0 MB" in done.stderr


def test_a_few_aliases_still_work_in_a_questionnaire_but_none_in_an_assessment() -> None:
    text = "base: &base {sv: Ja, en: Yes}\nother: *base\n"
    assert parse_yaml(text, "q.yaml").data["other"] == {"sv": "Ja", "en": "Yes"}
    with pytest.raises(LoadError, match="q.yaml:2: an alias"):
        parse_yaml(text, "q.yaml", aliases=0)


def test_a_key_that_is_an_alias_to_a_list_is_refused_without_building_it() -> None:
    text = "l: &l [" + ",".join(["x"] * 100) + "]\n? *l\n: 1\n"
    with pytest.raises(LoadError, match="a key must be text or a number, not a list"):
        parse_yaml(text, "k.yaml")


# -- the title and field caps where a person types ------------------------------------------


def test_the_title_field_stops_at_the_limit_and_a_title_that_long_is_kept(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = no_exception(open_page(start(monkeypatch, tmp_path), "assess").run())
    assert at.text_input(key="new:title").max_chars == 300
    at.radio[0].set_value(at.radio[0].options[0])
    at.text_input(key="new:title").input("R" * 300)
    at = no_exception(at.button[0].click().run())
    assert [s.title for s in open_store(tmp_path).list()] == ["R" * 300]


def test_a_too_long_comment_is_a_message_and_nothing_is_saved(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from app.core.models.assessment import Assessment, Decision, QuestionnaireRef

    store = open_store(tmp_path)
    aid = store.create(Assessment(
        questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
        decision=Decision(title="Skolskjuts")), "t").id or ""
    at = start(monkeypatch, tmp_path, open_assessment=aid, step="screening")
    at = open_comment(no_exception(open_page(at, "assess").run()), aid, "affects_children")
    comment = at.text_area(key=f"q:{aid}:affects_children:comment")
    at = no_exception(comment.input("Lång kommentar. " * 1300).run())
    assert "Kommentaren får vara högst 20\u202f000 tecken lång (nu 20\u202f800)" in texts(at)
    assert "affects_children" not in open_store(tmp_path).get(aid).answers


def test_export_json_keeps_its_own_limits(tmp_path: Path) -> None:
    """An export is JSON: depth checked after parsing too, below the parser's own limit."""
    nested: object = "x"
    for _ in range(100):
        nested = [nested]
    document = {"format": "bka-export/1", "assessments": [nested]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    done = bka("import", str(path), "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 2 and "nested more than 64 levels" in done.stderr
