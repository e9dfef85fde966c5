"""The loaded catalogue kept between processes: used while its sources are unchanged, never
when a source changed, and a broken or foreign cache file only costs a reload."""

from __future__ import annotations

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
    # Only the newest copy stays in the folder.
    assert len(list(kept_catalog.cache_folder().glob("catalog-*.pickle"))) == 1


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
