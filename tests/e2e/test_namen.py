"""Malicious names in a real browser: what Streamlit and plotly actually render. A unit named with
markdown and HTML shows its characters; no bold, no image, no link, and no request ever goes to
the URL in the name (issue 8)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.server import app
from tests.e2e.conftest import screenshot, wacht_tot_klaar
from tests.test_namen_als_tekst import KWAAD, KWAAD_DG, KWAAD_PILOT, bouw_kwaad_db

PARAMS = "org=MLV&maand=2026-10&vgl=vorig_jaar&taal=nl"


@pytest.fixture(scope="module")
def kwaad_server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = bouw_kwaad_db(tmp_path_factory)
    with app(db) as url:
        yield url


def _zichtbaar(page: object) -> str:
    return page.inner_text("body").replace("\u200b", "")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("pad", "naam"),
    [
        (f"?{PARAMS}&eenheid=MLV", KWAAD),
        (f"afdelingen?{PARAMS}&eenheid=MLV", KWAAD),
        (f"afdelingen?{PARAMS}&eenheid=MLV-MOB", KWAAD),  # 'Terug naar ...'
        (f"pilots?{PARAMS}&eenheid=MLV", KWAAD_PILOT),
    ],
)
def test_namen_staan_er_letterlijk_en_laden_niets(kwaad_server, browser, pad, naam):
    page = browser.new_page(viewport={"width": 1600, "height": 2600})
    verzoeken: list[str] = []
    page.on("request", lambda r: verzoeken.append(r.url))
    page.goto(f"{kwaad_server}/{pad}")
    page.wait_for_selector("h1", timeout=90000)
    wacht_tot_klaar(page)
    page.wait_for_selector(".js-plotly-plot", timeout=60000)
    assert not page.query_selector_all("[data-testid='stException']")
    # no request to the address in the names: no image was fetched
    assert [u for u in verzoeken if "voorbeeld.invalid" in u] == []
    # nothing from a name became an image, a link or bold text, on the page or in a chart
    assert page.query_selector_all("img[src*='voorbeeld.invalid'], img[src='x']") == []
    assert page.query_selector_all("a[href*='voorbeeld.invalid']") == []
    vet = [e.inner_text() for e in page.query_selector_all("strong, b")]
    assert not [v for v in vet if v.strip() in ("vet", "Mobiliteit", "Focus", "op")]
    svg_vet = [
        e.text_content() for e in page.query_selector_all(".js-plotly-plot [style*='font-weight']")
    ]
    assert not [v for v in svg_vet if v and v.strip() == "Mobiliteit"]
    # the name shows as the characters it is
    assert naam in _zichtbaar(page)
    if "afdelingen" in pad and pad.endswith("=MLV"):
        # the chart's tick labels show the HTML of a unit name as text
        ticks = [e.text_content() for e in page.query_selector_all(".js-plotly-plot .ytick text")]
        assert any(KWAAD_DG in (t or "") for t in ticks)
    screenshot(page, "namen_" + (pad.split("?")[0] or "overzicht") + "_" + pad.split("=")[-1])
    page.close()
