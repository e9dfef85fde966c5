"""A page of the app as a function for `st.Page`, its module imported when it is first shown.

Every page is `app/ui/screens/<name>.py` with a `render()`; importing it only when the page
runs keeps the start light and lets one page's imports never slow another's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module


def screen(name: str) -> Callable[[], None]:
    """The page function for `st.Page`; its `__name__` is the screen's, as Streamlit shows it."""

    def run() -> None:
        import_module(f"app.ui.screens.{name}").render()

    run.__name__ = run.__qualname__ = name
    return run


@dataclass(frozen=True)
class PageRow:
    """One page of the app's menu: its screen's name, its title's string, icon and address."""

    key: str  #: the screen (app/ui/screens/<key>.py) and its name in the pages table
    title: str  #: the string of its title (app/ui/strings)
    icon: str
    address: str  #: its url path
    hidden: bool = False  #: reached from another page, never listed in the menu


#: Every page of the officials' app; the first answers "/" (the workshop's pages are added in
#: app/ui/navigation/workshop.py, the child's page in app/ui/navigation/child.py).
PAGES: tuple[PageRow, ...] = (
    PageRow("overview", "nav_overview", ":material/folder_open:", "oversikt"),
    PageRow("assess", "nav_assess", ":material/edit_note:", "analys"),
    PageRow("results", "nav_results", ":material/insights:", "resultat"),
    PageRow("articles", "nav_articles", ":material/menu_book:", "artiklar"),
    PageRow("data", "nav_data", ":material/save:", "data"),
    PageRow("voices", "cv_nav", ":material/record_voice_over:", "barnens-roster"),
    PageRow("dashboard", "nav_dashboard", ":material/bar_chart:", "fullmaktige"),
    PageRow("meeting", "mt_nav", ":material/groups:", "mote"),
    # The projector's view: reached from a workshop or a meeting, not from the menu.
    PageRow("present", "pr_nav", ":material/slideshow:", "visning", hidden=True),
    # The login mode's own pages (app/ui/navigation/login.py): never in the local mode's menu.
    PageRow("account", "auth_nav_account", ":material/account_circle:", "konto"),
    PageRow("users", "auth_nav_users", ":material/manage_accounts:", "anvandare"),
    PageRow("organisation", "org_nav", ":material/domain:", "organisation"),
)
