"""Driving the Streamlit app with AppTest: start it on a fresh data folder, find widgets."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from app.services.paths import ROOT

MAIN = str(ROOT / "app" / "ui" / "main.py")


def start(monkeypatch: pytest.MonkeyPatch, data: Path, **state: Any) -> AppTest:
    monkeypatch.setenv("BKA_DATA_DIR", str(data))
    at = AppTest.from_file(MAIN, default_timeout=30)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def by_label(elements: Any, fragment: str) -> Any:
    """The first widget whose label contains `fragment`."""
    for element in elements:
        if fragment in str(getattr(element, "label", "")):
            return element
    labels = [getattr(e, "label", "") for e in elements]
    raise AssertionError(f"no widget labelled {fragment!r}; labels: {labels}")


def button(at: AppTest, fragment: str) -> Any:
    return by_label(at.button, fragment)


def texts(at: AppTest) -> str:
    """Everything the page says, for assertions on what a user reads."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "error", "success", "text"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def read(text: object) -> str:
    """A table's heading or cell as a reader sees it: st.table reads Markdown, so the app
    escapes each one (app/ui/safe.py md: backslashes, a word joiner after each colon)."""
    return re.sub(r"\\(.)", r"\1", str(text)).replace("\u2060", "").replace("  \n", "\n")


def tables(at: AppTest) -> list[Any]:
    """Every table on the page (st.table: HTML a screen reader reads cell by cell), each as
    a DataFrame of what it shows, headings and cells as text."""
    return [t.value.rename(columns=read).map(read) for t in at.table]


def no_exception(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_comment(at: AppTest, aid: str, qid: str) -> AppTest:
    """Open a question's comment expander, as a click on it does: its box is drawn only while
    it is open."""
    at.session_state[f"q:{aid}:{qid}:comment:open"] = True
    at = at.run()
    assert not at.exception, at.exception
    return at
