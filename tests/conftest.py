import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

try:  # a shared 2-core machine answers slowly: wait as a patient user would, not 5 s
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
except ImportError:  # pragma: no cover - playwright is a dev dependency
    pass

import pytest  # noqa: E402


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests get one more try (pytest-rerunfailures), reported as "R" in the run: on a
    loaded two-core machine a page can miss a wait; a real fault fails both tries."""
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("flaky"):
            item.add_marker(pytest.mark.flaky(reruns=1))


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """One PostgreSQL server for the whole run (see pg_server.py)."""
    import pg_server as pg

    with pg.running() as server:
        yield server


@pytest.fixture
def pg_empty(pg_server) -> str:  # type: ignore[no-untyped-def]
    """The URL of an empty database (schema in place), not selected for the app."""
    import pg_server as pg

    url: str = pg_server.url()
    pg.empty_after_upgrade(url)
    return url


@pytest.fixture
def pg_url(pg_empty: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty database, selected the way the app selects it (BKA_DATABASE_URL)."""
    monkeypatch.setenv("BKA_DATABASE_URL", pg_empty)
    return pg_empty


@pytest.fixture(params=["tinydb", "postgresql"])
def store_kind(request: pytest.FixtureRequest, tmp_path: Path,
               monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test once per store: the local folder, then the database. The test opens its
    stores through the factory (open_store, MeetingStore, WorkshopStore) as the app does."""
    if request.param == "postgresql":
        request.getfixturevalue("pg_url")
    else:
        monkeypatch.delenv("BKA_DATABASE_URL", raising=False)
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path / "data"))
    return str(request.param)


_MAIN = sys.modules["__main__"]


@pytest.fixture(autouse=True)
def _pytest_is_main(monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit's AppTest leaves its script as `__main__`; a process started with "spawn"
    would then run the app's script instead of the worker. Every test starts with pytest's."""
    monkeypatch.setitem(sys.modules, "__main__", _MAIN)


@pytest.fixture
def rewriting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every save of the local store rewrites the assessment's file, as one save in
    COMPACT_AFTER does (app/store/local_write.py): for tests of that write's own guarantees
    (its .prev copy, a cut-off rename, its temporary files)."""
    monkeypatch.setattr("app.store.local_write.COMPACT_AFTER", 0)
