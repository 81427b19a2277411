"""Browser tests: `streamlit run app.py` on a free port, driven by Playwright with the system
Chromium. Skipped with a reason when Chromium or Playwright is absent (.ci/run installs them)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.server import CHROMIUM, CHROMIUM_ARGS, app

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).parent / "screenshots"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def chromium() -> str:
    if CHROMIUM is None:
        pytest.skip(
            "Chromium is niet geïnstalleerd (apt-get install chromium); .ci/run installeert het"
        )
    try:
        import playwright  # noqa: F401
    except ImportError:
        pytest.skip("het Python-pakket playwright ontbreekt (requirements-dev.txt)")
    return CHROMIUM


@pytest.fixture(scope="session")
def server(chromium: str, demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on the demo store (a private copy), as a user starts it."""
    db = tmp_path_factory.mktemp("e2e") / "e2e.duckdb"
    shutil.copy(demo_db, db)
    with app(db) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


def wacht_tot_klaar(page: object, timeout: float = 60) -> None:
    """Wait until the Streamlit script has run and finished (no running indicator for 1.5 s).

    A fresh page shows no running indicator before its first run has even started, so the
    app's script state must have left 'initial' too."""
    begin = time.time()
    stil = 0
    while time.time() - begin < timeout:
        staat = page.get_attribute("[data-testid='stApp']", "data-test-script-state")  # type: ignore[attr-defined]
        bezig = (
            staat in (None, "initial", "running")
            or page.query_selector("[data-testid='stStatusWidget']") is not None  # type: ignore[attr-defined]
        )
        stil = 0 if bezig else stil + 1
        if stil >= 6:
            return
        time.sleep(0.25)
    raise TimeoutError("de app werd niet klaar")


def screenshot(page: object, naam: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    pad = SCREENSHOTS / f"{naam}.png"
    page.screenshot(path=str(pad), full_page=True)  # type: ignore[attr-defined]
    return pad


def open_pagina(page: object, url: str, wacht_op: str = "h1") -> None:
    """Go to `url`, wait for `wacht_op` and for the app to finish its run."""
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_selector(wacht_op, timeout=90000)  # type: ignore[attr-defined]
    wacht_tot_klaar(page)
