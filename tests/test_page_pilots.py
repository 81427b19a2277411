"""Pilots in AppTest: the demo pilot's numbers and charts, saving a pilot through the form,
the Dutch validation message, deleting with confirmation, and the organisation filter."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest

from dashboard import pilots
from dashboard.hierarchy import laad_boom
from dashboard.periods import Maand
from dashboard.selectie import Selectie
from dashboard.views import Context
from dashboard.views import pilots as view

PARAMS = {"org": "MLV", "eenheid": "MLV", "maand": "2026-10", "vgl": "vorig_jaar", "taal": "nl"}
TESTNAAM = "Testpilot Gezond Roosteren"


def _analyse(store):
    boom = laad_boom(store)
    (p,) = [p for p in pilots.lijst(store) if p.naam == "Focus op Inzetbaarheid"]
    return view.bouw(store, Context(boom, Selectie("MLV", "MLV", Maand(2026, 10))), pilot=p)


def _specs(at) -> list[dict]:
    return [json.loads(g.proto.spec) for g in at.get("plotly_chart")]


def _titel(spec: dict) -> str:
    return spec["layout"]["title"]["text"]


def test_demopilot_met_effect_en_grafieken(app, demo_store):
    at = app("pages/pilots.py", **PARAMS)
    assert not at.exception
    assert at.title[0].value == "Pilots van Ministerie van Leefomgeving en Vervoer"
    assert at.selectbox(key="pilots_keuze").value is not None
    assert at.query_params["pilot"] == str(at.selectbox(key="pilots_keuze").value)
    a = _analyse(demo_store)
    kaarten = {m.label: m.value for m in at.metric}
    e = next(k for k in a.kaarten if k.metriek == "meldingsfrequentie").effect
    assert kaarten["Meldingsfrequentie: effect van de pilot"] == "−0,75 per jaar"
    assert e is not None and e.hoog < 0
    assert kaarten["Verzuimpercentage: effect van de pilot"].endswith("procentpunt")
    # the regression-to-the-mean warning, in plain Dutch
    assert any(
        w.value.startswith("Een deel van deze daling was ook zonder pilot te verwachten:")
        for w in at.warning
    )
    specs = _specs(at)
    titels = [_titel(s) for s in specs]
    assert titels[0].startswith("<b>Geschat effect: meldingsfrequentie 0,75 per jaar")
    # the monthly chart of meldingsfrequentie carries the API's centred 3-month values
    reeks = next(s for s in specs if "Meldingsfrequentie in de pilotgroep" in _titel(s))
    lijn = next(tr for tr in reeks["data"] if tr.get("name") == "Pilotgroep")
    verwacht = a.reeks.filter((pl.col("groep") == view.PILOT) & (pl.col("soort") == "3mnd"))
    assert lijn["y"] == pytest.approx(verwacht.sort("maand")["meldingsfrequentie"].to_list())
    assert reeks["layout"]["separators"] == ",."
    assert len(reeks["layout"]["shapes"]) == 1  # the shaded pilot period
    assert any("3 van de 3 pilot-eenheden" in t for t in titels)


def test_per_maand_in_plaats_van_3_maanden(app, demo_store):
    at = app("pages/pilots.py", **PARAMS)
    at.segmented_control(key="pilots_soort").set_value("maand").run()
    assert not at.exception
    reeks = next(s for s in _specs(at) if "Meldingsfrequentie in de pilotgroep" in _titel(s))
    lijn = next(tr for tr in reeks["data"] if tr.get("name") == "Pilotgroep")
    a = _analyse(demo_store)
    verwacht = a.reeks.filter((pl.col("groep") == view.PILOT) & (pl.col("soort") == "maand"))
    assert lijn["y"] == pytest.approx(verwacht.sort("maand")["meldingsfrequentie"].to_list())
    assert "per maand" in reeks["layout"]["title"]["subtitle"]["text"]


def test_andere_organisatie_toont_haar_eigen_pilot(app):
    at = app("pages/pilots.py", **PARAMS)
    at.selectbox(key="sel_org").set_value("DUV").run()
    assert not at.exception
    assert at.title[0].value == "Pilots van Dienst Uitvoering Vergunningen"
    keuze = at.selectbox(key="pilots_keuze")
    assert keuze.options == ["Werkdruk Klantcontact (01-03-2025 t/m 30-09-2025)"]
    # the honest "we cannot tell" case of the demo
    assert at.subheader[0].value.startswith(
        "Werkdruk Klantcontact: meldingsfrequentie: geen duidelijk"
    )


def _vul_in(at, *, eind: dt.date) -> None:
    at.button(key="pilots_nieuw").click().run()
    at.text_input(key="pilots_form_naam").input(TESTNAAM)
    at.text_area(key="pilots_form_omschrijving").input("Roosters met meer hersteltijd")
    at.date_input(key="pilots_form_begin").set_value(dt.date(2024, 3, 1))
    at.date_input(key="pilots_form_eind").set_value(eind)
    at.multiselect(key="pilots_form_pilot").set_value(["MLV-BVU-FZ-FD", "MLV-BVU-FZ-BR"])
    at.multiselect(key="pilots_form_vergelijk").set_value(["MLV-BVU-IV-AB", "MLV-BVU-PF-IK"])
    at.text_input(key="pilots_form_reden").input("Gekozen door de directie")
    at.checkbox(key="pilots_form_hoog").check()


def _ruim_op() -> None:
    """Leave the session's demo store as it was, also when an assertion failed."""
    from dashboard.ui import data

    store = data.store()
    for p in pilots.lijst(store):
        if p.naam.startswith(TESTNAAM) and p.pilot_id is not None:
            pilots.verwijder(store, p.pilot_id)


def test_einddatum_voor_begindatum_geeft_een_nederlandse_melding(app):
    at = app("pages/pilots.py", **PARAMS)
    try:
        _vul_in(at, eind=dt.date(2024, 1, 31))
        at.button(key="pilots_opslaan").click().run()
        assert not at.exception
        assert [e.value for e in at.error] == [
            "De pilot is niet opgeslagen: de einddatum ligt voor de begindatum."
        ]
        # nothing was stored, and the form stays open with what was typed
        assert TESTNAAM not in at.table[0].value.iloc[:, 0].to_list()
        assert at.text_input(key="pilots_form_naam").value == TESTNAAM
    finally:
        _ruim_op()


def test_opslaan_bewerken_en_verwijderen(app):
    at = app("pages/pilots.py", **PARAMS)
    try:
        _vul_in(at, eind=dt.date(2024, 9, 30))
        at.button(key="pilots_opslaan").click().run()
        assert not at.exception
        assert [s.value for s in at.success] == [f"Pilot ‘{TESTNAAM}’ is opgeslagen."]
        lijst = at.table[0].value
        rij = lijst[lijst["Pilot"] == TESTNAAM].iloc[0]
        assert rij["Periode"] == "01-03-2024 t/m 30-09-2024"
        assert (
            rij["Pilot-eenheden"] == "Afdeling Facilitaire Dienst, Afdeling Beveiliging en Receptie"
        )
        assert rij["Gekozen op hoog verzuim"] == "ja"
        # the new pilot is chosen and analysed at once
        assert at.subheader[0].value.startswith(f"{TESTNAAM}: ")
        # and the form is closed
        assert not [w for w in at.text_input if w.key == "pilots_form_naam"]

        at.button(key="pilots_bewerk").click().run()
        assert at.text_input(key="pilots_form_naam").value == TESTNAAM
        assert at.checkbox(key="pilots_form_hoog").value is True
        assert at.text_input(key="pilots_form_reden").value == "Gekozen door de directie"
        at.text_input(key="pilots_form_naam").input(f"{TESTNAAM} 2")
        at.button(key="pilots_opslaan").click().run()
        assert not at.exception
        namen = at.table[0].value["Pilot"].to_list()
        assert f"{TESTNAAM} 2" in namen and TESTNAAM not in namen

        at.button(key="pilots_verwijder").click().run()
        assert "verwijderen? Dit kan niet ongedaan worden gemaakt." in at.warning[0].value
        at.button(key="pilots_verwijder_ja").click().run()
        assert not at.exception
        assert [s.value for s in at.success] == [f"Pilot ‘{TESTNAAM} 2’ is verwijderd."]
        assert at.table[0].value["Pilot"].to_list() == ["Focus op Inzetbaarheid"]
    finally:
        _ruim_op()


def test_engels(app):
    at = app("pages/pilots.py", **(PARAMS | {"taal": "en"}))
    assert not at.exception
    assert at.title[0].value == "Pilots of Ministerie van Leefomgeving en Vervoer"
    kaarten = {m.label: m.value for m in at.metric}
    assert kaarten["Notification frequency: effect of the pilot"] == "−0.75 per year"
    assert at.subheader[0].value.startswith(
        "Focus op Inzetbaarheid: notification frequency fell 0.75 per year more"
    )
    assert any(w.value.startswith("Part of this fall was to be expected") for w in at.warning)
    spec = _specs(at)[1]
    assert spec["layout"]["separators"] == ".,"
    assert "before: Feb 2022 – Jan 2023" in spec["layout"]["title"]["subtitle"]["text"]
