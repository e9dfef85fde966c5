"""A page of the app as a function for `st.Page`, its module imported when it is first shown.

Every page is `app/ui/screens/<name>.py` with a `render()`; importing it only when the page
runs keeps the start light and lets one page's imports never slow another's.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def screen(name: str) -> Callable[[], None]:
    """The page function for `st.Page`; its `__name__` is the screen's, as Streamlit shows it."""

    def run() -> None:
        import_module(f"app.ui.screens.{name}").render()

    run.__name__ = run.__qualname__ = name
    return run
