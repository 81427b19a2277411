"""Maandoverleg in AppTest: steps in the URL, the step titles from the views, agreements."""

from __future__ import annotations

import json
import shutil

import pytest

from dashboard.periods import Maand


@pytest.fixture
def eigen_app(app, demo_db, tmp_path, monkeypatch):
    """The app on a private copy of the demo store (agreements are written)."""
    kopie = tmp_path / "overleg.duckdb"
    shutil.copy(demo_db, kopie)

    def start(**params):
        monkeypatch.setenv("VERZUIMZICHT_DB", str(kopie))
        return app("pages/maandoverleg.py", **params)

    return start


PARAMS = {"org": "MLV", "eenheid": "MLV", "maand": "2026-10", "vgl": "vorig_jaar", "taal": "nl"}


def _stap(at, naam):
    """The step number (1-based) of a step by its name in the step chooser."""
    sc = at.get("button_group")[0] if at.get("button_group") else None
    assert sc is not None
    opties = [o.content for o in sc.proto.options]
    return next(i for i, o in enumerate(opties, 1) if o.endswith(naam))


def test_eerste_stap_is_de_agenda(app):
    at = app("pages/maandoverleg.py", **PARAMS)
    assert not at.exception
    assert at.title[0].value == "Maandoverleg Ministerie van Leefomgeving en Vervoer, oktober 2026"
    agenda = next(m.value for m in at.markdown if m.value.startswith("2. "))
    regels = agenda.splitlines()
    assert regels[0] == "2. Drie boodschappen" and regels[1] == "3. Kerncijfers"
    assert regels[-1].endswith(". Afspraken")
    # the standard for a ministry: the first level with at least four units (12 directies)
    assert "Afdelingen: 12 directies" in agenda


def test_drie_boodschappen_met_hun_cijfers(app):
    at = app("pages/maandoverleg.py", **PARAMS, stap="2")
    assert not at.exception
    assert at.title[0].value == "Drie boodschappen van oktober 2026"
    koppen = [m.value for m in at.markdown if m.value.startswith("### ")]
    assert 1 <= len(koppen) <= 3
    # every message carries the numbers it rests on (a percentage or a number with a comma)
    teksten = [m.value for m in at.markdown if not m.value.startswith(("### ", "2. "))]
    assert all(any(c.isdigit() for c in tekst) for tekst in teksten[: len(koppen)])


def test_stap_uit_de_url_toont_de_trend_met_api_cijfers(app, demo_store):
    at = app("pages/maandoverleg.py", **PARAMS, stap="4")
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert at.title[0].value.startswith("Verzuimpercentage over 12 maanden")
    staven, begin = (tr for tr in spec["data"] if tr["type"] == "bar")
    # every month of the extract: the first one apart, hatched (incomplete by construction)
    assert len(staven["y"]) + len(begin["y"]) == (Maand(2026, 10).index - Maand(2019, 1).index + 1)
    assert begin["x"] == ["2019-01-01"] and begin["marker"]["pattern"]["shape"] == "/"


def test_gekozen_afdelingen_en_inzoomen(app):
    """Two directies chosen beforehand (in the URL): the Afdelingen step shows those two only;
    zooming into one shows its own key figures and trend, and 'terug' returns."""
    at = app(
        "pages/maandoverleg.py", **PARAMS, niveau="2", eenheden="MLV-BVU-FZ,MLV-MOB-LM", stap="5"
    )
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert sorted(spec["layout"]["yaxis"]["tickvals"]) == ["MLV-BVU-FZ", "MLV-MOB-LM"]
    at.selectbox(key="maandoverleg_zoom").set_value("MLV-MOB-LM").run()
    at.button(key="maandoverleg_zoomknop").click().run()
    assert not at.exception
    assert at.query_params["inzoom"] in (["MLV-MOB-LM"], "MLV-MOB-LM")
    assert {m.label for m in at.metric} >= {"Verzuimpercentage"}
    # the drill-in's subtitle names the unit; its chart is the unit's trend
    assert any(c.value.startswith("Directie Luchtvaart en Maritieme Zaken") for c in at.caption)
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["x"][0].startswith("20")
    at.button(key="maandoverleg_terug").click().run()
    assert not at.exception and "inzoom" not in at.query_params


def test_presentatie_staat_op_het_podium(app):
    at = app("pages/maandoverleg.py", **PARAMS, stap="4", presentatie="1")
    assert not at.exception
    knoppen = {b.key for b in at.button}
    assert {"podium_volgende", "podium_vorige", "podium_eerste", "podium_laatste"} <= knoppen
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    # the stage says the title once, large: the chart has none, and its text is at least 18 px
    assert spec["layout"]["title"]["text"] == ""
    assert spec["layout"]["xaxis"]["tickfont"]["size"] >= 18
    at.button(key="podium_volgende").click().run()
    assert at.query_params["stap"] in (["5"], "5")


def test_afspraak_met_eigenaar_en_deadline_en_verwijderen_na_bevestiging(eigen_app):
    at = eigen_app(**PARAMS, stap="99")  # beyond the last step: the last step (agreements)
    assert not at.exception
    assert at.title[0].value == "Afspraken"
    at.text_area[0].set_value("Plan van aanpak Luchtvaart bespreken met de directeur")
    at.text_input[0].set_value("Preventiemedewerker")
    import datetime as dt

    at.date_input(key="maandoverleg_deadline").set_value(dt.date(2026, 12, 1))
    at.button(key="FormSubmitter:maandoverleg_nieuw-Afspraak vastleggen").click().run()
    assert not at.exception
    teksten = " ".join(m.value for m in at.markdown)
    assert "Plan van aanpak Luchtvaart bespreken met de directeur" in teksten
    assert "Preventiemedewerker · uiterlijk 01-12-2026" in teksten
    (knop,) = [b for b in at.button if b.key and b.key.endswith("_knop")]
    knop.click().run()
    # asked first: the agreement is still there
    assert "Plan van aanpak Luchtvaart" in " ".join(m.value for m in at.markdown)
    (ja,) = [b for b in at.button if b.key and b.key.endswith("_ja")]
    ja.click().run()
    assert not at.exception
    assert "Plan van aanpak Luchtvaart" not in " ".join(m.value for m in at.markdown)


def test_lege_afspraak_geeft_een_nederlandse_melding(eigen_app):
    at = eigen_app(**PARAMS, stap="99")
    at.button(key="FormSubmitter:maandoverleg_nieuw-Afspraak vastleggen").click().run()
    assert not at.exception
    assert at.error[0].value == "Beschrijf de afspraak."


def test_werkboek_en_deck_van_het_hele_overleg(app):
    import io

    import openpyxl
    from pptx import Presentation

    at = app("pages/maandoverleg.py", **PARAMS)
    at.button(key="maandoverleg_werkboek_maak").click().run()
    assert not at.exception and not at.error
    werkboek = at.session_state["maandoverleg_werkboek_klaar"]
    wb = openpyxl.load_workbook(io.BytesIO(werkboek))
    assert {"Agenda", "Drie boodschappen", "Kerncijfers", "Afspraken"} <= set(wb.sheetnames)
    at.button(key="maandoverleg_deck_maak").click().run()
    assert not at.exception and not at.error
    prs = Presentation(io.BytesIO(at.session_state["maandoverleg_deck_klaar"]))
    assert len(prs.slides) >= 8


def test_een_export_die_mislukt_zegt_het(app, monkeypatch):
    from dashboard.exports import overleg

    def stuk(*_a, **_k):
        raise RuntimeError("kapot")

    monkeypatch.setattr(overleg, "werkboek", stuk)
    at = app("pages/maandoverleg.py", **PARAMS)
    at.button(key="maandoverleg_werkboek_maak").click().run()
    assert not at.exception
    assert at.error[0].value.startswith("Het bestand kon niet worden gemaakt")


def test_een_lezer_legt_geen_afspraken_vast(demo_db, monkeypatch):
    """A reader sees the agreements but no form, status box or delete button; an adviseur of the
    organisation gets them."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from dashboard.ui import data

    root = Path(__file__).resolve().parent.parent

    def pagina(toegang):
        monkeypatch.setenv("VERZUIMZICHT_DB", str(demo_db))
        monkeypatch.chdir(root)
        data.store.clear()
        at = AppTest.from_file(str(root / "app.py"), default_timeout=120)
        at.secrets["auth"] = {
            "redirect_uri": "http://localhost/oauth2callback",
            "cookie_secret": "x",
        }
        at.secrets["toegang"] = {"p@duv.nl": toegang}
        at.user = {"email": "p@duv.nl", "is_logged_in": True}
        at.run()
        at.switch_page("pages/maandoverleg.py")
        at.query_params["stap"] = "99"
        return at.run()

    try:
        at = pagina(["DUV"])
        assert not at.exception
        assert at.title[0].value == "Afspraken"
        assert not at.text_area and not at.get("form")
        assert any("rol adviseur" in c.value for c in at.caption)
        at = pagina({"organisaties": ["DUV"], "rol": "adviseur"})
        assert not at.exception
        assert at.text_area
    finally:
        data.store.clear()
