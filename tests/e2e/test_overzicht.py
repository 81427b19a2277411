"""Overzicht in a real browser: first load, filters in the URL, reload, PNG download."""

from __future__ import annotations

import struct
import time

from tests.e2e.conftest import screenshot, wacht_tot_klaar


def _png_maat(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_eerste_laden_toont_alleen_de_eigen_navigatie(server, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 2000})
    t0 = time.time()
    page.goto(server)
    page.wait_for_selector(".js-plotly-plot", timeout=60000)
    getekend = time.time() - t0
    wacht_tot_klaar(page)
    nav = page.inner_text(".st-key-menu")
    # st.navigation titles, never the file names of Streamlit's automatic page discovery
    assert "Overzicht" in nav and "Duur en signalen" in nav
    assert "duur en signalen" not in nav and "app" not in nav.split()
    assert not page.query_selector_all("[data-testid='stException']")
    assert "maand=2026-10" in page.url and "org=MLV" in page.url
    screenshot(page, "overzicht")
    print(f"Overzicht-grafiek getekend na {getekend:.1f} s")
    page.close()


def test_filter_in_url_en_herladen_geeft_dezelfde_weergave(server, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1400})
    page.goto(server + "/?org=MLV&eenheid=MLV&maand=2026-10&vgl=vorig_jaar&taal=nl")
    wacht_tot_klaar(page)
    # the option list is virtualised: type to filter, as a user would
    page.get_by_label("Maand").click()
    page.keyboard.type("juni 2025")
    page.keyboard.press("Enter")
    wacht_tot_klaar(page)
    assert "maand=2025-06" in page.url
    titel = page.inner_text("h1")
    assert "juni 2025" in titel
    kopie = page.url
    nieuw = browser.new_page(viewport={"width": 1600, "height": 1400})
    nieuw.goto(kopie)
    wacht_tot_klaar(nieuw)
    assert nieuw.inner_text("h1") == titel
    assert nieuw.inner_text("[data-testid='stMetricValue']") == page.inner_text(
        "[data-testid='stMetricValue']"
    )
    page.close()
    nieuw.close()


def test_gedeelde_link_naar_een_pagina(server, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1400})
    page.goto(server + "/toelichting?org=MLV&eenheid=MLV&maand=2026-09&vgl=r12&taal=nl")
    wacht_tot_klaar(page)
    assert "Toelichting" in page.inner_text("h1")
    assert "maand=2026-09" in page.url and "vgl=r12" in page.url
    assert not page.query_selector_all("[data-testid='stException']")
    screenshot(page, "toelichting")
    page.close()


def test_modebar_download_is_een_png_van_1600_bij_900(server, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1400}, accept_downloads=True)
    page.goto(server + "/?org=MLV&eenheid=MLV&maand=2026-10&vgl=vorig_jaar&taal=nl")
    page.wait_for_selector(".js-plotly-plot .modebar-container", state="attached", timeout=60000)
    wacht_tot_klaar(page)
    grafiek = page.locator(".js-plotly-plot").first
    grafiek.hover()
    with page.expect_download(timeout=60000) as info:
        page.locator(".modebar-btn[data-title*='PNG']").first.click()
    download = info.value
    pad = download.path()
    assert download.suggested_filename.startswith("verzuimpercentage-over-12-maanden")
    assert download.suggested_filename.endswith(".png")
    with open(pad, "rb") as f:
        assert _png_maat(f.read()) == (1600, 900)
    page.close()


def test_gedeelde_link_als_eerste_verzoek_na_een_herstart(chromium, demo_db, tmp_path, browser):
    """The very first request of a fresh process names a page: it opens that page, with the
    sidebar, and no 'Page not found' dialog (Streamlit's old pages/ discovery is switched off)."""
    import shutil

    from bench.server import app

    db = tmp_path / "vers.duckdb"
    shutil.copy(demo_db, db)
    with app(db) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        page.goto(f"{url}/duur_en_signalen?org=MLV&eenheid=MLV-MOB&maand=2026-08&vgl=r12&taal=nl")
        page.wait_for_selector("h1", timeout=90000)
        wacht_tot_klaar(page)
        assert page.query_selector("[role='dialog']") is None
        assert "eenheid=MLV-MOB" in page.url and "maand=2026-08" in page.url
        assert "Duur en signalen" in page.inner_text(".st-key-menu")
        assert (
            page.query_selector("[data-testid='stSidebar'] [data-testid='stSelectbox']") is not None
        )
        page.close()
