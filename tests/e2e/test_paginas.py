"""Every page in a real browser: it opens without an error and gets a screenshot; the
Maandoverleg is walked through and an agreement shows up at the next meeting; an upload of a
file with a BSN column is refused on the Gegevens page."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import open_pagina, screenshot, wacht_tot_klaar

PARAMS = "org=MLV&eenheid=MLV&maand=2026-10&vgl=vorig_jaar&taal=nl"

PAGINAS = [
    ("", "Verzuim in oktober 2026"),  # the Overzicht is the default page, at the root URL
    ("afdelingen", ""),
    ("duur_en_signalen", ""),
    ("pilots", ""),
    ("medewerkersonderzoek", ""),
    ("maandoverleg", "Maandoverleg Ministerie van Leefomgeving en Vervoer"),
    ("gegevens", ""),
    ("toelichting", "Toelichting"),
]


@pytest.mark.parametrize(("pad", "titel"), PAGINAS)
def test_pagina_opent_zonder_fout(server, browser, pad, titel):
    page = browser.new_page(viewport={"width": 1600, "height": 2600})
    page.goto(f"{server}/{pad}?{PARAMS}")
    page.wait_for_selector("h1", timeout=90000)
    wacht_tot_klaar(page)
    assert not page.query_selector_all("[data-testid='stException']")
    assert page.query_selector("[role='dialog']") is None, "a dialog (e.g. 'Page not found') opened"
    assert titel in page.inner_text("h1")
    # the URL keeps the selection, explicitly
    assert "maand=2026-10" in page.url and "org=MLV" in page.url
    # Dutch on a Dutch page: no English month names in the charts' axes
    for grafiek in page.query_selector_all(".js-plotly-plot .xtick text"):
        assert (grafiek.text_content() or "")[:3] not in ("Oct", "May", "Mar")
    screenshot(page, pad or "overzicht_pagina")
    page.close()


def test_engelse_pagina(server, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 2000})
    page.goto(f"{server}/afdelingen?org=MLV&eenheid=MLV&maand=2026-10&vgl=vorig_jaar&taal=en")
    page.wait_for_selector("h1", timeout=90000)
    wacht_tot_klaar(page)
    assert not page.query_selector_all("[data-testid='stException']")
    assert "Departments" in page.inner_text(".st-key-menu")
    screenshot(page, "afdelingen_en")
    page.close()


def test_maandoverleg_stappen_en_afspraak_bij_het_volgende_overleg(server, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1600})
    page.goto(f"{server}/maandoverleg?org=MLV&eenheid=MLV&maand=2026-09&vgl=vorig_jaar&taal=nl")
    page.wait_for_selector("h1", timeout=90000)
    wacht_tot_klaar(page)
    page.get_by_role("button", name="Volgende →").click()
    wacht_tot_klaar(page)
    assert "stap=2" in page.url
    # to the last step: the agreements of this meeting
    while page.get_by_role("button", name="Volgende →").is_enabled():
        page.get_by_role("button", name="Volgende →").click()
        wacht_tot_klaar(page)
    assert "Afspraken" in page.inner_text("h1")
    page.get_by_label("Nieuwe afspraak").fill("Gesprek met de DG over Luchtvaart plannen")
    page.get_by_label("Wie").fill("HR-adviseur")
    page.get_by_role("button", name="Afspraak vastleggen").click()
    wacht_tot_klaar(page)
    assert "Gesprek met de DG over Luchtvaart plannen" in page.inner_text("[data-testid='stMain']")
    screenshot(page, "maandoverleg_afspraken")
    # the next meeting opens with the agreements of last time
    # (step 1 is the agenda, step 2 last time's agreements)
    page.goto(
        f"{server}/maandoverleg?org=MLV&eenheid=MLV&maand=2026-10&vgl=vorig_jaar&taal=nl&stap=2"
    )
    page.wait_for_selector("h1", timeout=90000)
    wacht_tot_klaar(page)
    assert page.inner_text("h1") == "Afspraken van september 2026"
    assert "Gesprek met de DG over Luchtvaart plannen" in page.inner_text("[data-testid='stMain']")
    screenshot(page, "maandoverleg_vorige_keer")
    # presentation mode: no sidebar, large type
    page.get_by_role("button", name="Presentatie starten").click()
    wacht_tot_klaar(page)
    assert "presentatie=1" in page.url
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    page.get_by_role("button", name="Volgende →").click()
    wacht_tot_klaar(page)
    screenshot(page, "maandoverleg_presentatie")
    page.close()


def test_upload_met_bsn_wordt_geweigerd(server, browser, tmp_path):
    bestand = tmp_path / "verzuim_met_bsn.csv"
    bestand.write_bytes(
        b"medewerker_id;bsn;eerste_verzuimdag\nM100056;123456782;01-10-2026\nM100057;111222333;02-10-2026\n"
    )
    page = browser.new_page(viewport={"width": 1600, "height": 2000})
    page.goto(f"{server}/gegevens?{PARAMS}")
    page.wait_for_selector("h1", timeout=90000)
    wacht_tot_klaar(page)
    page.locator("input[type='file']").first.set_input_files(str(bestand))
    wacht_tot_klaar(page)
    page.get_by_role("button", name="Importeren").click()
    wacht_tot_klaar(page)
    tekst = page.inner_text("[data-testid='stMain']")
    assert "Import geweigerd" in tekst and "bsn" in tekst.lower()
    assert not page.query_selector_all("[data-testid='stException']")
    screenshot(page, "gegevens_bsn_geweigerd")
    page.close()


def test_uploader_spreekt_de_taal_van_de_pagina(server, browser):
    """Streamlit writes 'Upload' and '500MB per file' in English; the page shows ours."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    for taal, knop, grens in (
        ("nl", "Bestanden kiezen", "hooguit 500 MB per bestand"),
        ("en", "Choose files", "at most 500 MB per file"),
    ):
        open_pagina(
            page,
            f"{server}/gegevens?org=MLV&eenheid=MLV&maand=2026-10&taal={taal}",
            "[data-testid='stFileUploaderDropzone']",
        )
        na = page.evaluate(
            "s => getComputedStyle(document.querySelector(s), '::after').content",
            "[data-testid='stFileUploaderDropzone'] button",
        )
        assert na == f'"{knop}"'
        uitleg = page.evaluate(
            "s => getComputedStyle(document.querySelector(s), '::after').content",
            "[data-testid='stFileUploaderDropzoneInstructions'] div",
        )
        assert grens in uitleg
        # Streamlit's own English text is there but takes no room
        assert page.evaluate(
            "s => getComputedStyle(document.querySelector(s)).fontSize",
            "[data-testid='stFileUploaderDropzoneInstructions'] *",
        ) in ("0px",)
    page.close()
