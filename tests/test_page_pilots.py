"""Pilots in AppTest: the demo pilot's numbers and charts, saving a pilot through the form,
the Dutch validation message, deleting with confirmation, and the organisation filter."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest

from dashboard import i18n, pilots
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
    # issue 10: the card shows the RTM-adjusted effect across units (with the year before the
    # selection year as a second level before: −0,37; the audit on the selection year −0,43), not the
    # difference in differences against the selection year (−0,75)
    assert kaarten["Meldingsfrequentie: effect van de pilot"] == "−0,37 per jaar"
    # its caption: the interval and the relative effect in percent (exp(δ) − 1 = −22,6%)
    assert "95%-interval −0,64 – −0,14 · relatief −23%" in [c.value for c in at.caption]
    assert e is not None and e.hoog < 0
    assert kaarten["Verzuimpercentage: effect van de pilot"].endswith("procentpunt")
    # the regression-to-the-mean warning, in plain Dutch
    assert any(
        w.value.startswith("Een deel van deze daling was ook zonder pilot te verwachten:")
        for w in at.warning
    )
    specs = _specs(at)
    titels = [_titel(s) for s in specs]
    assert titels[0].startswith("<b>Geschat effect: meldingsfrequentie 0,37 per jaar lager")
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


def _ontbrekend_op_deze_pagina() -> list[str]:
    """Texts asked for in English that the catalogue lacks, from this page's files or shown
    through a variable (never extracted at all)."""
    from tests.test_i18n import teksten

    waar = teksten()
    eigen = (
        "pages/pilots.py",
        "dashboard/pilots.py",
        "dashboard/views/pilots/",
        "dashboard/charts/pilots.py",
    )
    return sorted(x for x in i18n.ONTBREKEND if x not in waar or waar[x].startswith(eigen))


def test_engels(app):
    i18n.ONTBREKEND.clear()
    at = app("pages/pilots.py", **(PARAMS | {"taal": "en"}))
    assert not at.exception
    assert at.title[0].value == "Pilots of Ministerie van Leefomgeving en Vervoer"
    kaarten = {m.label: m.value for m in at.metric}
    assert kaarten["Notification frequency: effect of the pilot"] == "−0.37 per year"
    assert at.subheader[0].value.startswith(
        "Focus op Inzetbaarheid: notification frequency 0.37 per year lower than expected"
    )
    assert any(w.value.startswith("Part of this fall was to be expected") for w in at.warning)
    spec = _specs(at)[1]
    assert spec["layout"]["separators"] == ".,"
    assert "before: Feb 2022 – Jan 2023" in spec["layout"]["title"]["subtitle"]["text"]
    # every text of the page has its English (a text shown through a variable escapes extraction)
    assert not _ontbrekend_op_deze_pagina(), _ontbrekend_op_deze_pagina()


# -- a small store, computed by hand -------------------------------------------------------------

KLEIN_ORG = """
eenheid;naam;bovenliggende_eenheid
GP;Gemeente Proef;
TP;Team Pilot;GP
TV;Team Vergelijk;GP
"""


def _klein_store(maak_store):
    """Two teams of 10 full-time employees, in service from 01-01-2023; one-day spells at 100%.

    Team Pilot: in 2023 every employee is ill on 15-01 and 15-09 (20 reports), after the pilot
    (Jan-Mar 2024) each once on 15-06-2024 (10 reports). Team Vergelijk: 12 reports in 2023
    (v01, v02 twice, v03..v10 once) and 12 again from Apr 2024 to Mar 2025. January 2023 holds
    18 reports, so the extract's first month (queries/eerste_maand.sql) is January 2023.
    """
    pers = ["medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor"]
    verz = ["medewerker_id;eerste_verzuimdag;laatste_verzuimdag;ao_percentage"]
    for i in range(1, 11):
        pers += [f"p{i:02};TP;01-01-2023;;1", f"v{i:02};TV;01-01-2023;;1"]
        verz += [f"p{i:02};{d};{d};100" for d in ("15-01-2023", "15-09-2023", "15-06-2024")]
        dagen = ("15-01-2023", "15-06-2024") + (("15-09-2023", "15-11-2024") if i <= 2 else ())
        verz += [f"v{i:02};{d};{d};100" for d in dagen]
    store, boom = maak_store(
        dt.date(2025, 3, 31),
        organisatie=KLEIN_ORG,
        personeel="\n".join(pers),
        verzuim="\n".join(verz),
    )
    proef = pilots.Pilot(
        "Proefpilot", "Gezonde roosters", dt.date(2024, 1, 1), dt.date(2024, 3, 31), ("TP",),
        ("TV",), "Vrijwillig aangemeld",
    )  # fmt: skip
    pilots.bewaar(store, proef, boom, 10)
    return store


@pytest.fixture
def klein_app(maak_store, app, monkeypatch):
    """The app on the small store (the process's cached store and data set aside meanwhile)."""
    import streamlit as st

    from dashboard.ui import data

    store = _klein_store(maak_store)
    monkeypatch.setattr(data, "store", lambda: store)
    st.cache_data.clear()
    yield lambda **params: app(
        "pages/pilots.py", **({"org": "GP", "eenheid": "GP", "maand": "2025-03"} | params)
    )
    st.cache_data.clear()


def test_kleine_pilot_met_de_hand(klein_app):
    at = klein_app()
    assert not at.exception
    assert at.title[0].value == "Pilots van Gemeente Proef"
    # 10 people all year (bezetting 10, 12 months): meldingsfrequentie = reports / 10.
    # Before (Jan-Dec 2023): pilot 20 / 10 = 2,00, comparison 12 / 10 = 1,20;
    # after (Apr 2024 - Mar 2025): pilot 10 / 10 = 1,00, comparison 1,20.
    # DiD = (1,00 − 2,00) − (1,20 − 1,20) = −1,00 per year.
    kaarten = {m.label: m.value for m in at.metric}
    assert kaarten["Meldingsfrequentie: effect van de pilot"] == "−1,00 per jaar"
    # verzuimpercentage: one day per report on 10 × 365 available days (2023 and Apr 2024 -
    # Mar 2025 both have 365 days): pilot 20 / 3650 = 0,548% → 10 / 3650 = 0,274%, comparison
    # 12 / 3650 both times: DiD = −0,274 → '−0,3 procentpunt'
    assert kaarten["Verzuimpercentage: effect van de pilot"] == "−0,3 procentpunt"
    bijschriften = [c.value for c in at.caption]
    assert "Pilotgroep 2,00 → 1,00 · vergelijkingsgroep 1,20 → 1,20" in bijschriften
    assert "Pilotgroep 0,5% → 0,3% · vergelijkingsgroep 0,3% → 0,3%" in bijschriften
    # φ from the comparison team's change (0, so φ = 1): var = (20 + 10 + 12 + 12) / 10² = 0,54,
    # 1,96 × √0,54 = 1,44: −2,44 to +0,44; relative (1,00 / 2,00) / (1,20 / 1,20) − 1 = −50%
    assert "95%-interval −2,44 tot +0,44 per jaar · relatief −50%" in bijschriften
    teksten = [m.value for m in at.markdown]
    assert (
        "Meldingsfrequentie daalde in de pilotgroep 1,00 per jaar meer dan in de "
        "vergelijkingsgroep, maar dat kan ook toeval zijn: het 95%-interval loopt van 2,44 per "
        "jaar extra daling tot 0,44 per jaar extra stijging."
    ) in teksten
    assert at.subheader[0].value == (
        "Proefpilot: meldingsfrequentie: geen duidelijk verschil met de vergelijkingsgroep; "
        "verzuimpercentage: geen duidelijk verschil met de vergelijkingsgroep"
    )
    # the whole organisation before the pilot: 32 reports / 20 = 1,60; the pilot team was above
    # it while the reason does not say it was chosen for that: a hint, no correction
    assert any(
        i.value.startswith(
            "De meldingsfrequentie van de pilot-eenheden lag voor de pilot hoog (2,00 per jaar "
            "tegen 1,60 in de hele organisatie)."
        )
        for i in at.info
    )
    assert not at.warning
    specs = _specs(at)
    titels = [_titel(s).replace("<br>", " ") for s in specs]
    # 2,00 → 1,00 is a fall in the one pilot unit; 1,20 → 1,20 is none in the comparison unit
    assert (
        "<b>Meldingsfrequentie daalde in 1 van de 1 pilot-eenheden en in 0 van de 1 "
        "vergelijkingseenheden</b>" in titels
    )


def test_kleine_pilot_per_maand_met_de_hand(klein_app):
    at = klein_app()
    at.segmented_control(key="pilots_soort").set_value("maand").run()
    assert not at.exception
    reeks = next(s for s in _specs(at) if "Meldingsfrequentie in de pilotgroep" in _titel(s))
    lijn = next(tr for tr in reeks["data"] if tr.get("name") == "Pilotgroep")
    per_maand = dict(zip((x[:7] for x in lijn["x"]), lijn["y"], strict=True))
    # January 2023: 10 reports by 10 people in one month = 10 / 10 × 12 / 1 = 12 per year;
    # February 2023: none; the series runs Jan 2023 (the data's start) .. Mar 2025
    assert per_maand["2023-01"] == pytest.approx(12.0)
    assert per_maand["2023-02"] == 0
    assert min(per_maand) == "2023-01" and max(per_maand) == "2025-03"
    # the before window's mean as a labelled dashed segment: 2,00 (pilot) and 1,20
    teksten = {a["text"] for a in reeks["layout"]["annotations"]}
    assert {"<b>2,00</b>", "<b>1,20</b>", "<b>1,00</b>"} <= teksten


def test_engels_formulier_en_melding(app):
    i18n.ONTBREKEND.clear()
    at = app("pages/pilots.py", **(PARAMS | {"taal": "en"}))
    try:
        at.button(key="pilots_nieuw").click().run()
        # a name that exists: the refusal carries the name, in English
        at.text_input(key="pilots_form_naam").input("focus op inzetbaarheid")
        at.multiselect(key="pilots_form_pilot").set_value(["MLV-BVU-FZ-FD"])
        at.button(key="pilots_opslaan").click().run()
        assert not at.exception
        assert [e.value for e in at.error] == [
            "The pilot was not saved: a pilot named ‘focus op inzetbaarheid’ already exists; "
            "choose another name."
        ]
        at.text_input(key="pilots_form_naam").input(TESTNAAM)
        at.text_input(key="pilots_form_reden").input("Hoogste verzuim van de directie")
        at.button(key="pilots_opslaan").click().run()
        assert [e.value for e in at.error] == [
            "The pilot was not saved: the reason contains ‘hoogste’ and therefore counts as "
            "‘selected for high absence’; tick that, or describe the reason without the words "
            "hoog, hoge, hoogste, meeste or boven."
        ]
        assert not _ontbrekend_op_deze_pagina(), _ontbrekend_op_deze_pagina()
    finally:
        _ruim_op()
