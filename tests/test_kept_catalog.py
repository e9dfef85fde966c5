"""The loaded catalogue kept between processes: used while its sources are unchanged, never
when a source changed, and a broken or foreign cache file only costs a reload."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.errors import LoadError, Problem
from app.services import kept_catalog
from app.services.kept_catalog import kept


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BKA_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    (folder / "q.yaml").write_text("id: q\nversion: 1.0.0\n", encoding="utf-8")
    return folder


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_a_second_process_reads_the_kept_copy(sources: Path) -> None:
    calls, build = _counting({"loaded": "v1"})
    assert kept([sources], build) == {"loaded": "v1"}
    assert kept([sources], build) == {"loaded": "v1"}
    assert len(calls) == 1


def test_a_changed_source_is_loaded_again(sources: Path) -> None:
    calls, build = _counting("v1")
    kept([sources], build)
    (sources / "q.yaml").write_text("id: q\nversion: 1.0.1\n", encoding="utf-8")
    calls2, build2 = _counting("v2")
    assert kept([sources], build2) == "v2" and calls2 == [1]
    (sources / "new.yaml").write_text("id: n\n", encoding="utf-8")
    calls3, build3 = _counting("v3")
    assert kept([sources], build3) == "v3" and calls3 == [1]
    # Copies of earlier sources do not pile up: the newest few stay.
    for n in range(kept_catalog.KEEP + 3):
        (sources / "new.yaml").write_text(f"id: n{n}\n", encoding="utf-8")
        kept([sources], lambda: "v")
    copies = list(kept_catalog.cache_folder().glob("catalog-*.pickle"))
    assert len(copies) == kept_catalog.KEEP


def test_a_damaged_cache_file_is_loaded_again(sources: Path) -> None:
    kept([sources], lambda: "v1")
    [copy] = kept_catalog.cache_folder().glob("catalog-*.pickle")
    copy.write_bytes(b"not a pickle")
    calls, build = _counting("v1 again")
    assert kept([sources], build) == "v1 again" and calls == [1]


def test_a_broken_catalogue_raises_every_time_and_is_never_kept(sources: Path) -> None:
    def broken() -> object:
        raise LoadError([Problem("q.yaml", 3, "article 77 does not exist")])

    for _ in range(2):
        with pytest.raises(LoadError):
            kept([sources], broken)
    assert not list(kept_catalog.cache_folder().glob("catalog-*.pickle"))


def test_a_source_changed_under_its_old_size_and_time_is_loaded_again(sources: Path) -> None:
    """A copy that keeps times (a restored backup, `cp -p`) still counts as a change."""
    source = sources / "q.yaml"
    kept([sources], lambda: "v1")
    before = source.stat()
    source.write_text("id: q\nversion: 9.9.9\n", encoding="utf-8")  # the same length
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert source.stat().st_size == before.st_size
    calls, build = _counting("v2")
    assert kept([sources], build) == "v2" and calls == [1]


def test_a_kept_file_changed_on_disk_is_never_read_as_the_catalogue(sources: Path) -> None:
    """A file that still unpickles, but is not what was written, costs a reload (silently)
    and is written again."""
    kept([sources], lambda: {"article": "12"})
    [copy] = kept_catalog.cache_folder().glob("catalog-*.pickle")
    data = copy.read_bytes()
    copy.write_bytes(data.replace(b"12", b"99"))  # the same length, still a pickle
    calls, build = _counting({"article": "12"})
    assert kept([sources], build) == {"article": "12"} and calls == [1]
    calls, build = _counting("not used")
    assert kept([sources], build) == {"article": "12"} and calls == []


def test_a_cache_file_cut_short_is_loaded_again(sources: Path) -> None:
    kept([sources], lambda: list(range(1000)))
    [copy] = kept_catalog.cache_folder().glob("catalog-*.pickle")
    copy.write_bytes(copy.read_bytes()[:-100])
    calls, build = _counting("again")
    assert kept([sources], build) == "again" and calls == [1]


def test_two_installations_on_one_account_keep_their_own_copies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two versions used in turn (two checkouts, two virtual environments) each load their
    YAML once, not at every start."""
    monkeypatch.setenv("BKA_CACHE_DIR", str(tmp_path / "cache"))
    first, second = tmp_path / "one", tmp_path / "two"
    for folder, version in ((first, "1"), (second, "2")):
        folder.mkdir()
        (folder / "q.yaml").write_text(f"id: q\nversion: {version}\n", encoding="utf-8")
    calls, build = _counting("loaded")
    for _ in range(3):
        kept([first], build)
        kept([second], build)
    assert len(calls) == 2


def test_the_shipped_catalogue_can_be_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the shipped catalogue's loader returns pickles (else every process would load the
    YAML again, silently), and a second load comes from the kept copy with what it carried."""
    from app.services import shipped

    monkeypatch.setenv("BKA_CACHE_DIR", str(tmp_path / "cache"))
    roots = [tmp_path]  # any sources: the loader is what is tested
    first, _ = kept(roots, shipped._load)
    assert len(list(kept_catalog.cache_folder().glob("catalog-*.pickle"))) == 1
    again, references = kept(roots, lambda: pytest.fail("loaded again"))
    assert again.questionnaires.keys() == first.questionnaires.keys() and references
    assert "_summary_triples" in again.library.__dict__


def test_the_kept_copy_carries_its_conditions_parsed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new process reads every condition of the questionnaires as a tree from the kept copy
    instead of parsing it again; a function call read back runs this version's function (it
    is kept by name) and is the tree the condition parses into now."""
    from app.core.conditions import FUNCTIONS, Call, parse
    from app.core.questionnaire_check import condition_texts
    from app.services import shipped

    monkeypatch.setenv("BKA_CACHE_DIR", str(tmp_path / "cache"))
    kept([tmp_path], shipped._load)
    again, _ = kept([tmp_path], lambda: pytest.fail("loaded again"))
    texts = {t for q in again.questionnaires.values() for t in condition_texts(q)}
    assert texts and set(again.conditions) == texts
    calls = [n for tree in again.conditions.values() for n in tree.walk() if isinstance(n, Call)]
    assert calls and all(c.run is FUNCTIONS[c.function].run for c in calls)
    assert all(tree == parse(text) for text, tree in again.conditions.items())
