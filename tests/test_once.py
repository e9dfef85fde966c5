"""Loads done once per process stay once when many people arrive at the same moment."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from app.core.once import once


def test_threads_that_ask_together_share_one_computation() -> None:
    calls: list[int] = []
    gate = threading.Barrier(30)

    @once
    def load() -> object:
        calls.append(1)
        time.sleep(0.05)  # a slow load: the others arrive while it runs
        return object()

    results: list[object] = []

    def person() -> None:
        gate.wait()
        results.append(load())

    threads = [threading.Thread(target=person) for _ in range(30)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(calls) == 1
    assert len({id(r) for r in results}) == 1


def test_one_result_per_argument_and_a_failure_is_not_kept() -> None:
    tries: list[str] = []

    @once
    def words(lang: str) -> str:
        tries.append(lang)
        if len(tries) == 1:
            raise OSError("disk busy")
        return lang.upper()

    with pytest.raises(OSError):
        words("sv")
    assert words("sv") == "SV"
    assert words("sv") == "SV"
    assert words("en") == "EN"
    assert tries == ["sv", "sv", "en"]
    words.cache_clear()
    assert words("sv") == "SV"
    assert tries == ["sv", "sv", "en", "sv"]


def _crowd(load: Callable[[], object], people: int) -> set[int]:
    """What each of `people` threads got when they all asked at the same moment."""
    gate = threading.Barrier(people)
    seen: list[int] = []

    def person() -> None:
        gate.wait()
        seen.append(id(load()))

    threads = [threading.Thread(target=person) for _ in range(people)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return set(seen)


def test_the_app_strings_and_catalogue_load_once_under_a_crowd() -> None:
    from app.services import shipped
    from app.ui.strings import i18n

    for memo in (i18n._strings, shipped.catalog):
        memo.cache_clear()
        assert len(_crowd(memo, 8)) == 1
