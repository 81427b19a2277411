"""Shared fixtures: small stores built from fixture extracts through the normal import path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard.hierarchy import Boom, laad_boom
from dashboard.ingest.importer import Bestand, Resultaat, importeer
from dashboard.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    """Dedented CSV text as file bytes."""
    regels = [r.strip() for r in text.strip().splitlines()]
    return ("\n".join(regels) + "\n").encode(encoding)


def importeer_teksten(
    store: Store, peildatum: dt.date | None = None, **bestanden: str | bytes
) -> Resultaat:
    """Import extracts given as CSV text (or bytes) per kind into `store`."""
    lijst = [
        Bestand(soort, f"{soort}.csv", inhoud if isinstance(inhoud, bytes) else csv_bytes(inhoud))
        for soort, inhoud in bestanden.items()
    ]
    return importeer(store, lijst, peildatum=peildatum, gebruiker="test")


@pytest.fixture
def leeg_store() -> Store:
    """A fresh in-memory store."""
    return Store(":memory:")


@pytest.fixture
def maak_store() -> Callable[..., tuple[Store, Boom]]:
    """Build an in-memory store from CSV texts; fails the test when the import is refused."""

    def maak(peildatum: dt.date | None = None, **bestanden: str | bytes) -> tuple[Store, Boom]:
        store = Store(":memory:")
        res = importeer_teksten(store, peildatum, **bestanden)
        assert res.geslaagd, res.rapport
        return store, laad_boom(store)

    return maak


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store, built once per test session through the normal import path."""
    from dashboard.demo import bouw_demo_store

    pad = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    bouw_demo_store(pad)
    return pad


@pytest.fixture(scope="session")
def demo_store(demo_db: Path) -> Store:
    """A read-only connection to a copy of the demo store (the app under test opens the
    original read-write, and DuckDB allows one configuration per file and process)."""
    import shutil

    kopie = demo_db.with_name("demo_kopie.duckdb")
    shutil.copy(demo_db, kopie)
    return Store(kopie, read_only=True)


@pytest.fixture
def app(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """Start the app (AppTest) on the demo store with optional query parameters."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("VERZUIMZICHT_DB", str(demo_db))
    monkeypatch.chdir(Path(__file__).parent.parent)

    def start(pagina: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=120)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        if pagina:
            # as a link opened on the page itself: the first run (the default page) dropped the
            # parameters of other pages from the URL
            for k, v in params.items():
                at.query_params[k] = v
            at.switch_page(pagina)
            at.run()
        return at

    return start


def _hele_suite(config: pytest.Config) -> bool:
    """True when this run is the whole suite: no selection by name, marker or path."""
    if (
        config.getoption("collectonly")
        or config.getoption("keyword")
        or config.getoption("markexpr")
    ):
        return False
    if config.getoption("lf", False) or config.getoption("deselect", None):
        return False
    wortel = Path(str(config.rootpath)).resolve()
    paden = [Path(a.split("::")[0]).resolve() for a in config.args]
    return all(p in (wortel, wortel / "tests") for p in paden)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A whole, green run must have run every SQL file in queries/ at least once (the loader
    notes each name it hands out to run: `queries.GEDRAAID`), so that no statement is there
    without a test reaching it."""
    import queries

    if exitstatus != 0 or not _hele_suite(session.config):
        return
    nooit = sorted(set(queries.all_names()) - queries.GEDRAAID)
    if nooit:
        verslag = session.config.pluginmanager.get_plugin("terminalreporter")
        if verslag is not None:
            verslag.write_line(
                "SQL-bestanden die geen test heeft gedraaid: " + ", ".join(nooit), red=True
            )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
