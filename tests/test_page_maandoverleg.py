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


def test_eerste_stap_zijn_de_kerncijfers(app):
    at = app("pages/maandoverleg.py", **PARAMS)
    assert not at.exception
    assert at.title[0].value.startswith("Verzuim in oktober 2026")
    assert {m.label for m in at.metric} >= {"Verzuimpercentage", "Meldingsfrequentie"}


def test_stap_uit_de_url_toont_de_trend_met_api_cijfers(app, demo_store):
    at = app("pages/maandoverleg.py", **PARAMS, stap="2")
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert at.title[0].value.startswith("Verzuimpercentage over 12 maanden")
    staven, begin = (tr for tr in spec["data"] if tr["type"] == "bar")
    # every month of the extract: the first one apart, hatched (incomplete by construction)
    assert len(staven["y"]) + len(begin["y"]) == (Maand(2026, 10).index - Maand(2019, 1).index + 1)
    assert begin["x"] == ["2019-01-01"] and begin["marker"]["pattern"]["shape"] == "/"


def test_afspraak_vastleggen_en_volgende_stap(eigen_app):
    at = eigen_app(**PARAMS, stap="99")  # beyond the last step: the last step (agreements)
    assert not at.exception
    assert at.title[0].value == "Afspraken"
    at.text_area[0].set_value("Plan van aanpak Luchtvaart bespreken met de directeur")
    at.text_input[0].set_value("Preventiemedewerker")
    at.button(key="FormSubmitter:maandoverleg_nieuw-Afspraak vastleggen").click().run()
    assert not at.exception
    teksten = " ".join(m.value for m in at.markdown)
    assert "Plan van aanpak Luchtvaart bespreken met de directeur" in teksten


def test_lege_afspraak_geeft_een_nederlandse_melding(eigen_app):
    at = eigen_app(**PARAMS, stap="99")
    at.button(key="FormSubmitter:maandoverleg_nieuw-Afspraak vastleggen").click().run()
    assert not at.exception
    assert at.error[0].value == "beschrijf de afspraak"
