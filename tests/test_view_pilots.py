"""Pilots view and charts: before/after numbers equal the metrics API, the demo pilot's effect and
its regression-to-the-mean check, validation of the form, and no suppressed number in any figure."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math

import polars as pl
import pytest

from dashboard import metrics, pilots
from dashboard.charts import pilots as grafiek
from dashboard.hierarchy import laad_boom
from dashboard.periods import Maand, Periode
from dashboard.pilots import Pilot, PilotFout
from dashboard.selectie import Selectie
from dashboard.statistiek import verschil as stat
from dashboard.views import Context
from dashboard.views import pilots as view
from dashboard.views.pilots import samenvatting, teksten

PILOT = ("MLV-MOB-WV-WB", "MLV-MOB-WV-VM", "MLV-RWK-WB-WK")
VERGELIJK = ("MLV-MOB-WV-VV", "MLV-MOB-LM-MZ", "MLV-RWK-WB-WV", "MLV-RWK-RO-GO")


@pytest.fixture(scope="module")
def boom(demo_store):
    return laad_boom(demo_store)


@pytest.fixture(scope="module")
def ctx(boom):
    return Context(boom, Selectie("MLV", "MLV", Maand(2026, 10)))


@pytest.fixture(scope="module")
def focus(demo_store) -> Pilot:
    (p,) = [p for p in pilots.lijst(demo_store) if p.naam == "Focus op Inzetbaarheid"]
    return p


@pytest.fixture(scope="module")
def analyse(demo_store, ctx, focus):
    return view.bouw(demo_store, ctx, pilot=focus)


def _kaart(a: view.PilotAnalyse, metriek: str) -> view.Effectkaart:
    return next(k for k in a.kaarten if k.metriek == metriek)


def _getallen(obj: object) -> list[float]:
    """Every number in a JSON value."""
    if isinstance(obj, bool):
        return []
    if isinstance(obj, int | float):
        return [float(obj)]
    if isinstance(obj, dict):
        return [g for v in obj.values() for g in _getallen(v)]
    if isinstance(obj, list):
        return [g for v in obj for g in _getallen(v)]
    return []


def _teksten(obj: object) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _teksten(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _teksten(v)]
    return []


# -- windows and numbers -------------------------------------------------------------------------


def test_standaardvensters_zijn_12_hele_maanden_voor_en_na(focus):
    # pilot 01-02-2023 .. 31-08-2023: before Feb 2022 .. Jan 2023, after Sep 2023 .. Aug 2024
    assert view.standaard_vensters(focus) == (
        (Maand(2022, 2), Maand(2023, 1)),
        (Maand(2023, 9), Maand(2024, 8)),
    )
    p = Pilot("x", "", dt.date(2023, 2, 15), dt.date(2023, 8, 10), ("A",), ())
    # months the pilot only partly covers belong to neither window
    assert view.standaard_vensters(p) == (
        (Maand(2022, 2), Maand(2023, 1)),
        (Maand(2023, 9), Maand(2024, 8)),
    )


def test_voor_en_na_gelijk_aan_de_metrics_api(demo_store, boom, analyse):
    groep = metrics.Groep(
        "p", tuple(u for c in PILOT for u in boom.afstammelingen(c)), "pilotgroep"
    )
    voor = Periode("voor", Maand(2022, 2), Maand(2023, 1))
    na = Periode("na", Maand(2023, 9), Maand(2024, 8))
    api = metrics.kerncijfers(demo_store, boom, [voor, na], [groep], met_nulverzuim=False)
    for periode in ("voor", "na"):
        verwacht = api.filter(pl.col("periode") == periode).row(0, named=True)
        rij = analyse.perioden.filter(
            (pl.col("periode") == periode) & (pl.col("eenheid") == view.PILOT)
        ).row(0, named=True)
        for kolom in ("bezetting", "meldingen", "meldingsfrequentie", "verzuimpercentage"):
            assert rij[kolom] == pytest.approx(verwacht[kolom]), (periode, kolom)
    # by hand: 12 months, so meldingsfrequentie = meldingen / bezetting; the README has the pilot
    # departments at 2,04 in 2022 and 1,26 from Sep 2023 to Aug 2024
    voor_rij = analyse.perioden.filter(
        (pl.col("periode") == "voor") & (pl.col("eenheid") == view.PILOT)
    ).row(0, named=True)
    assert voor_rij["meldingsfrequentie"] == pytest.approx(
        voor_rij["meldingen"] / voor_rij["bezetting"]
    )
    k = _kaart(analyse, "meldingsfrequentie")
    assert round(k.pilot_voor, 2) == 2.01 and round(k.pilot_na, 2) == 1.26
    assert round(k.vergelijk_voor, 2) == 1.24 and round(k.vergelijk_na, 2) == 1.24


def test_maandreeks_gelijk_aan_de_metrics_api(demo_store, boom, analyse):
    groep = metrics.Groep(
        "p", tuple(u for c in PILOT for u in boom.afstammelingen(c)), "pilotgroep"
    )
    m = Maand(2023, 5)
    (rij,) = metrics.kerncijfers(
        demo_store, boom, [Periode(str(m), m, m)], [groep], met_nulverzuim=False
    ).to_dicts()
    (drie,) = metrics.kerncijfers(
        demo_store, boom, [Periode("d", Maand(2023, 4), Maand(2023, 6))], [groep],
        met_nulverzuim=False,
    ).to_dicts()  # fmt: skip
    reeks = analyse.reeks.filter(
        (pl.col("groep") == view.PILOT) & (pl.col("maand") == dt.date(2023, 5, 1))
    )
    maand = reeks.filter(pl.col("soort") == "maand").row(0, named=True)
    gecentreerd = reeks.filter(pl.col("soort") == "3mnd").row(0, named=True)
    assert maand["meldingsfrequentie"] == pytest.approx(rij["meldingsfrequentie"])
    assert maand["verzuimpercentage"] == pytest.approx(rij["verzuimpercentage"])
    # the 3-month value of May is April..June (centred)
    assert gecentreerd["meldingsfrequentie"] == pytest.approx(drie["meldingsfrequentie"])
    # the series runs from the before window to the after window, every month once per group
    maanden = analyse.reeks.filter((pl.col("groep") == view.PILOT) & (pl.col("soort") == "maand"))[
        "maand"
    ]
    assert maanden.min() == dt.date(2022, 2, 1) and maanden.max() == dt.date(2024, 8, 1)
    assert maanden.len() == 31 and maanden.n_unique() == 31


def test_snelle_tellingen_gelijk_aan_de_statistics_adapter(analyse):
    snel = view.tellingen(analyse.perioden)
    for periode in ("eerder", "voor", "na"):
        deel = analyse.perioden.filter(pl.col("periode") == periode)
        for eenheid, telling in stat.tellingen(deel).items():
            verwacht, gekregen = telling, snel[(periode, eenheid)]
            assert (verwacht is None) == (gekregen is None)
            if verwacht is not None and gekregen is not None:
                for veld in ("meldingen", "persoonsjaren", "verzuimdagen", "beschikbare_dagen"):
                    assert getattr(gekregen, veld) == pytest.approx(getattr(verwacht, veld))


# -- the effect ----------------------------------------------------------------------------------


def test_verschil_in_verschillen_van_de_demopilot(analyse):
    k = _kaart(analyse, "meldingsfrequentie")
    e = k.effect
    assert e is not None
    # pilot 2,01 → 1,26 against comparison 1,24 → 1,24: about −0,75 per year, clearly below 0
    assert e.schatting == pytest.approx(
        (k.pilot_na - k.pilot_voor) - (k.vergelijk_na - k.vergelijk_voor)
    )
    assert -0.80 < e.schatting < -0.70
    assert e.laag < e.schatting < e.hoog < 0
    assert -0.97 < e.laag < -0.88 and -0.62 < e.hoog < -0.52
    assert 1.0 <= k.phi < 2.0  # changes in reports are close to Poisson
    assert "daalde in de pilotgroep 0,75 per jaar meer" in k.tekst
    assert "groter dan toeval" in k.tekst
    # the absence rate: φ of tens, the interval holds 0, and the text says so
    v = _kaart(analyse, "verzuimpercentage")
    assert v.effect is not None and v.effect.laag < 0 < v.effect.hoog
    assert v.phi > 10
    assert "kan ook toeval zijn" in v.tekst
    # issue 10: the headline is no longer the difference in differences (the "voor" window is the
    # selection year, so it holds regression to the mean) but the RTM-adjusted effect across the
    # units of the pilot's level, with its interval
    assert (
        "meldingsfrequentie 0,37 per jaar lager dan zonder pilot te verwachten was" in analyse.kop
    )
    assert "verzuimpercentage: geen duidelijk effect" in analyse.kop


def test_rtm_gecorrigeerd_effect_zoals_de_audit(analyse, demo_store, ctx):
    # the audit (Barnett's ANCOVA across the MLV afdelingen on the selection-year level):
    # −0,43 per year (−0,73 to −0,14); here on the log scale, weighted by bezetting, turned back
    # into reports per year at the pilot group's level after: −0,43 (−0,72 to −0,19) on the
    # selection year alone. The pilot was chosen on high absence, so the year before the
    # selection year is a second level before (the audit: against the earlier baseline −18,5%,
    # not −37%): −0,37 (−0,64 to −0,14) per year, −22,6% (−33,6% to −9,7%)
    k = _kaart(analyse, "meldingsfrequentie")
    assert k.rtm is not None and k.rtm.methode == "ancova"
    assert k.rtm.pilot_eenheden == 3 and k.rtm.eenheden == 27
    assert k.rtm.niveaus_voor == 2 and k.rtm.vrijheidsgraden == 23
    assert k.rtm_absoluut is not None
    effect, laag, hoog = k.rtm_absoluut
    assert effect == pytest.approx(-0.37, abs=0.02)
    assert laag == pytest.approx(-0.64, abs=0.03) and hoog == pytest.approx(-0.14, abs=0.03)
    assert k.rtm.relatief == pytest.approx(-0.226, abs=0.01)
    assert k.oordeel == "daling"
    assert "ook het jaar daarvóór als uitgangsniveau" in k.tekst
    # a pilot chosen on the survey keeps the selection year as its one level before
    import dataclasses

    anders = view.bouw(
        demo_store, ctx, pilot=dataclasses.replace(analyse.pilot, geselecteerd_op="enquete")
    )
    k1 = _kaart(anders, "meldingsfrequentie")
    assert k1.rtm is not None and k1.rtm.niveaus_voor == 1
    assert k1.rtm_absoluut is not None
    assert k1.rtm_absoluut[0] == pytest.approx(-0.43, abs=0.02)
    assert "ook het jaar daarvóór" not in k1.tekst
    # the pre-trends are not parallel (the audit: placebo DiD +0,46 per year): the check says so
    assert k.pre_trend is not None and k.pre_trend.p is not None and k.pre_trend.p < 0.05
    assert "Let op: al vóór de pilot" in k.tekst
    assert _kaart(analyse, "verzuimpercentage").oordeel == "onzeker"


def test_regressie_naar_het_gemiddelde_met_de_cijfers_van_de_statisticus(demo_store, ctx, focus):
    # before window = calendar 2022 (the selection year): ρ(2021↔2022) over the MLV
    # departments 0,76, expected fall from regression alone about 0,26 per year
    a = view.bouw(demo_store, ctx, pilot=focus, voor_van=Maand(2022, 1), voor_tot=Maand(2022, 12))
    k = _kaart(a, "meldingsfrequentie")
    assert a.niveau == 3
    assert a.rho["meldingsfrequentie"] == pytest.approx(0.76, abs=0.01)
    assert k.effect is not None
    assert k.effect.schatting == pytest.approx(-0.754, abs=0.005)
    assert k.effect.laag == pytest.approx(-0.93, abs=0.01)
    assert k.effect.hoog == pytest.approx(-0.58, abs=0.01)
    assert k.regressie_tonen and k.regressie is not None
    assert k.regressie.verwachte_daling == pytest.approx(0.26, abs=0.01)
    # what is left for the pilot: the DiD plus the expected fall
    assert k.gecorrigeerd == pytest.approx(k.effect.schatting + k.regressie.verwachte_daling)
    assert k.regressie_tekst.startswith(
        "Een deel van deze daling was ook zonder pilot te verwachten:"
    )
    assert "ongeveer 0,26 per jaar" in k.regressie_tekst
    assert "ongeveer 0,49 per jaar aan de pilot zelf" in k.regressie_tekst
    # issue 10: the headline is the effect with regression to the mean taken out (ANCOVA across
    # units), so it no longer adds "deels door regressie naar het gemiddelde" to a raw DiD
    assert k.oordeel == "daling"
    assert "lager dan zonder pilot te verwachten was" in a.kop


def test_geen_regressiewaarschuwing_zonder_selectie_op_hoog_verzuim(demo_store, ctx, focus):
    zonder = Pilot(
        focus.naam, focus.omschrijving, focus.begin, focus.eind, focus.pilot_eenheden,
        focus.vergelijk_eenheden, "Vrijwillig aangemeld", focus.pilot_id,
    )  # fmt: skip
    a = view.bouw(demo_store, ctx, pilot=zonder)
    k = _kaart(a, "meldingsfrequentie")
    assert not k.regressie_tonen and k.gecorrigeerd is None
    # but the page still hints that the units were high before the pilot
    assert k.regressie_tekst.startswith("De meldingsfrequentie van de pilot-eenheden lag voor")
    assert "regressie naar het gemiddelde" not in a.kop


def test_naperiode_nog_niet_begonnen(demo_store, ctx):
    p = Pilot("Nieuw", "", dt.date(2026, 6, 1), dt.date(2026, 12, 31), PILOT, VERGELIJK)
    a = view.bouw(demo_store, ctx, pilot=p)
    assert a.na is None and all(k.effect is None for k in a.kaarten)
    assert "nog geen cijfers van na de pilot" in a.kop
    assert any("De naperiode begint in januari 2027" in m for m in a.meldingen)


# -- privacy -------------------------------------------------------------------------------------


def test_kleine_eenheid_en_de_volgende_kleinste_zijn_onderdrukt(demo_store, boom, ctx):
    # MLV-MOB-OV-RB has fewer than 10 people (data/demo/README.md); shown next to the pilot
    # group's total, the next smallest part is suppressed too
    p = Pilot(
        "Klein", "", dt.date(2023, 2, 1), dt.date(2023, 8, 31),
        ("MLV-MOB-OV-RB", "MLV-MOB-OV-SP", "MLV-MOB-OV-CA"), VERGELIJK,
    )  # fmt: skip
    a = view.bouw(demo_store, ctx, pilot=p)
    per = a.per_eenheid.filter(pl.col("rol") == view.PILOT)
    weg = set(per.filter(pl.col("onderdrukt"))["eenheid"].to_list())
    assert "MLV-MOB-OV-RB" in weg and len(weg) == 2
    assert (
        per.filter(pl.col("onderdrukt"))["meldingsfrequentie"].null_count()
        == per.filter(pl.col("onderdrukt")).height
    )
    # their real values (min_groep 0) appear nowhere in the figure or the table
    echte = metrics.kerncijfers(
        demo_store, boom, [a.voor, a.na], metrics.groepen(boom, sorted(weg)), min_groep=0,
        met_nulverzuim=False,
    )  # fmt: skip
    geheim = [
        float(x)
        for kolom in ("meldingsfrequentie", "verzuimpercentage", "bezetting")
        for x in echte[kolom].to_list()
    ]
    eenheden = grafiek.eenheden(a, ctx)
    fig = eenheden.figuur
    spec = json.loads(fig.to_json())
    # the data of every trace, and every text in the figure (hover, labels, annotations)
    getallen = [
        g for tr in spec["data"] for k in ("x", "y", "customdata") for g in _getallen(tr.get(k))
    ]
    for g in geheim:
        assert not any(math.isclose(g, x, rel_tol=1e-9) for x in getallen), g
    # a text that names a hidden unit carries no number besides '< 10'
    for naam in (boom.naam(c) for c in weg):
        over = [s for s in _teksten(spec) if naam in s]
        assert over, naam
        assert not any(ch.isdigit() for s in over for ch in s.replace("< 10", "")), over
    tabel = eenheden.tabel
    assert tabel is not None
    for naam in (boom.naam(c) for c in weg):
        rij = tabel.filter(pl.col("Eenheid") == naam).row(0, named=True)
        assert rij["onderdrukt"] and rij["Meldingsfrequentie voor"] is None
    labels = fig.layout.yaxis.categoryarray
    assert any(boom.naam("MLV-MOB-OV-RB") in lab and "< 10" in lab for lab in labels)


# -- figures -------------------------------------------------------------------------------------


def test_reeksfiguur_met_gearceerde_pilot_en_gemiddelden(analyse, ctx):
    fig = grafiek.voor_na(analyse, ctx, "meldingsfrequentie", "maand").figuur
    spec = json.loads(fig.to_json())
    assert spec["layout"]["separators"] == ",."
    (vlak,) = spec["layout"]["shapes"]
    assert vlak["x0"].startswith("2023-02-01") and vlak["x1"].startswith("2023-09-01")
    assert all("Oct" not in t for t in spec["layout"]["xaxis"]["ticktext"])
    lijn = next(tr for tr in spec["data"] if tr.get("name") == "Pilotgroep")
    verwacht = analyse.reeks.filter(
        (pl.col("groep") == view.PILOT) & (pl.col("soort") == "maand")
    ).sort("maand")["meldingsfrequentie"]
    assert lijn["y"] == pytest.approx(verwacht.to_list())
    # the before mean as a dashed segment at the API's value, labelled in Dutch
    k = _kaart(analyse, "meldingsfrequentie")
    segmenten = [
        tr for tr in spec["data"] if tr.get("line", {}).get("dash") == "dash" and tr["x"][0]
    ]
    assert any(tr["y"] == [pytest.approx(k.pilot_voor)] * 2 for tr in segmenten)
    assert any(a["text"] == "<b>2,01</b>" for a in spec["layout"]["annotations"])
    assert "Meldingsfrequentie in de pilotgroep daalde" in spec["layout"]["title"]["text"]
    assert "Focus op Inzetbaarheid" in spec["layout"]["title"]["subtitle"]["text"].replace(
        "<br>", " "
    )
    assert "voor: feb 2022 – jan 2023" in spec["layout"]["title"]["subtitle"]["text"].replace(
        "<br>", " "
    )


def test_effectfiguur_en_tabel(analyse, ctx):
    g = grafiek.effect(analyse, ctx)
    spec = json.loads(g.figuur.to_json())
    k = _kaart(analyse, "meldingsfrequentie")
    punt = next(tr for tr in spec["data"] if "error_x" in tr)
    assert punt["x"] == [pytest.approx(k.effect.schatting)]
    assert punt["error_x"]["arrayminus"] == [pytest.approx(k.effect.schatting - k.effect.laag)]
    tabel = g.tabel
    assert tabel is not None
    rij = tabel.filter(pl.col("Grootheid") == "Effect (verschil in verschillen)").row(0, named=True)
    assert rij["Meldingsfrequentie (per jaar)"] == pytest.approx(k.effect.schatting)


# -- the form ------------------------------------------------------------------------------------


def _maak(boom, bestaande=(), **kw):
    waarden = {
        "naam": "Nieuwe aanpak", "omschrijving": "", "begin": dt.date(2024, 1, 1),
        "eind": dt.date(2024, 6, 30), "pilot_eenheden": ["MLV-MOB-WV-WB"],
        "vergelijk_eenheden": ["MLV-MOB-WV-VV"], "reden": "", "hoog_verzuim": False,
    } | kw  # fmt: skip
    return view.maak_pilot(boom, list(bestaande), **waarden)


def test_formulier_validatie(boom, focus):
    eenheden = set(view.eenheid_opties(boom, "MLV"))
    eind_voor_begin = _maak(boom, eind=dt.date(2023, 12, 31))
    with pytest.raises(PilotFout, match="de einddatum ligt voor de begindatum"):
        eind_voor_begin.controleer(eenheden)
    with pytest.raises(PilotFout, match="er bestaat al een pilot met de naam"):
        _maak(boom, [focus], naam="focus op inzetbaarheid ")
    # editing the pilot itself keeps its name
    assert _maak(boom, [focus], naam=focus.naam, pilot_id=focus.pilot_id).naam == focus.naam
    with pytest.raises(PilotFout, match="valt onder pilot-eenheid"):
        _maak(boom, pilot_eenheden=["MLV-MOB-WV"], vergelijk_eenheden=["MLV-MOB-WV-VV"])
    with pytest.raises(PilotFout, match="valt onder vergelijkingseenheid"):
        _maak(boom, pilot_eenheden=["MLV-MOB-WV-WB"], vergelijk_eenheden=["MLV-MOB"])
    with pytest.raises(PilotFout, match="telt daardoor als"):
        _maak(boom, reden="Hoogste verzuim", hoog_verzuim=False)


def test_vinkje_hoog_verzuim_gaat_mee_in_de_reden(boom):
    p = _maak(boom, reden="Gekozen door de directie", hoog_verzuim=True)
    assert p.geselecteerd_op_hoog_verzuim
    assert pilots.reden_zonder_markering(p.selectie_reden) == "Gekozen door de directie"
    assert not _maak(boom, reden="Vrijwillig", hoog_verzuim=False).geselecteerd_op_hoog_verzuim
    # a reason that says so itself is stored as typed
    assert (
        _maak(boom, reden="Hoogste verzuim", hoog_verzuim=True).selectie_reden == "Hoogste verzuim"
    )


def test_lijst_en_eenheidlabels(boom, focus, demo_store):
    alle = pilots.lijst(demo_store)
    assert [p.naam for p in view.van_organisatie(boom, alle, "MLV")] == ["Focus op Inzetbaarheid"]
    assert [p.naam for p in view.van_organisatie(boom, alle, "DUV")] == ["Werkdruk Klantcontact"]
    tabel = view.lijst_tabel(boom, [focus])
    rij = tabel.row(0, named=True)
    assert rij["Periode"] == "01-02-2023 t/m 31-08-2023"
    assert rij["Pilot-eenheden"].startswith("Afdeling Wegbeheer, ")
    assert rij["Gekozen op hoog verzuim"] == "ja"
    opties = view.eenheid_opties(boom, "MLV")
    assert "MLV" not in opties and opties.index("MLV-MOB") < opties.index("MLV-MOB-WV-WB")
    assert view.eenheid_label(boom, "MLV-MOB-WV-WB") == "\u2003\u2003└ Afdeling Wegbeheer"


def test_kleinere_stijging_heet_geen_daling(demo_store, boom):
    # Werkdruk Klantcontact: the pilot's absence rate rose (9,0% → 9,7%) but less than the
    # comparison's (5,6% → 7,4%); the text must not call that a fall
    (p,) = [p for p in pilots.lijst(demo_store) if p.naam == "Werkdruk Klantcontact"]
    a = view.bouw(demo_store, Context(boom, Selectie("DUV", "DUV", Maand(2026, 10))), pilot=p)
    k = _kaart(a, "verzuimpercentage")
    assert k.naief is not None and k.naief > 0 and k.effect is not None and k.effect.schatting < 0
    assert k.tekst.startswith("Verzuimpercentage steeg in de pilotgroep 1,2 procentpunt minder")
    # issue 10: the demo now says it was chosen on the survey (geselecteerd_op 'enquete'), not
    # on high absence (the old keyword rule read "Hoogste" in its reason): only the hint remains,
    # and it never calls the pilot group's change a fall
    assert p.geselecteerd_op == "enquete" and not k.regressie_tonen
    assert k.regressie_tekst.startswith("De verzuimpercentage van de pilot-eenheden lag voor")
    assert "extra daling" not in k.regressie_tekst
    # the honest 'we cannot tell' case of the demo
    assert all(k.effect is not None and k.effect.laag < 0 < k.effect.hoog for k in a.kaarten)


# -- one place for each thing --------------------------------------------------------------------


def test_metrieken_uit_de_catalogus():
    from dashboard import catalogus

    assert set(view.METRIEKEN) == {m.sleutel for m in catalogus.met_keuze("pilot")}
    # labels, decimals and units from the catalogue; a change of a percentage is in procentpunt
    assert teksten.waarde_tekst(7.84, "verzuimpercentage") == "7,8%"
    assert teksten.waarde_tekst(2.014, "meldingsfrequentie") == "2,01"
    assert teksten.effect_getal(-0.754, "meldingsfrequentie", "en") == "−0.75 per year"
    assert teksten.effect_getal(-0.84, "verzuimpercentage") == "−0,8 procentpunt"
    assert teksten.as_titel("verzuimpercentage") == "Verzuimpercentage (%)"
    assert teksten.as_titel("meldingsfrequentie", "en") == "Notification frequency (per year)"


def test_grafieken_met_tabel_en_powerpointvorm(analyse, ctx):
    from dashboard.exports import pptx

    # the marker the native PowerPoint chart skips is the exports' own
    assert grafiek.ALLEEN_SCHERM == pptx.ALLEEN_SCHERM  # one marker, declared in charts
    reeks = grafiek.voor_na(analyse, ctx, "meldingsfrequentie")
    assert reeks.als_afbeelding == "" and reeks.tabel is not None
    assert reeks.titel.startswith("Meldingsfrequentie in de pilotgroep daalde")
    for g in (grafiek.effect(analyse, ctx), grafiek.eenheden(analyse, ctx)):
        # a forest or dumbbell plot in two panels goes into slides as a picture, with the reason
        assert "PowerPoint" in g.als_afbeelding and g.tabel is not None
        assert pptx.Dia.van(g).als_afbeelding == g.als_afbeelding


def test_samenvatting_van_de_statistiek_in_het_engels():
    # the numbers of test_statistiek_verschil.test_did_meldingsfrequentie_met_de_hand: pilot 2,0 → 1,2,
    # comparison 1,3 → 1,25 per person-year: −0,75, interval −1,22 to −0,28
    e = stat.verschil_in_verschillen(
        stat.Telling(200, 100, 0, 1), stat.Telling(120, 100, 0, 1),
        stat.Telling(130, 100, 0, 1), stat.Telling(125, 100, 0, 1), "meldingsfrequentie",
    )  # fmt: skip
    assert e is not None
    assert samenvatting.verschil_in_verschillen(e, "en") == (
        "The notification frequency fell 0.75 per year more in the pilot departments than in the "
        "comparison departments (95% interval 0.28 to 1.22). That difference is larger than "
        "chance alone would make plausible."
    )
    # excess 0,6 in the selection year, 0,2 the year before, ρ 0,5: expected fall 1/3 (see
    # test_statistiek_verschil.test_regressie_naar_het_gemiddelde_met_de_hand), rest −0,5 + 1/3
    r = stat.regressie_naar_gemiddelde(2.0, 1.4, [1.6], [1.4], rho=0.5, effect=-0.5)
    assert samenvatting.regressie_naar_gemiddelde(
        r, selectie=2.0, referentie=1.4, effect=-0.5, taal="en"
    ) == (
        "Note: the pilot departments were chosen after a year with a high notification frequency "
        "(2.00 per year against 1.40 average). Such a peak often falls back without any pilot "
        "too (regression to the mean). That alone makes a fall of about 0.33 per year to be "
        "expected. Of the measured fall of 0.50 per year more than in the comparison "
        "departments, about 0.17 per year may therefore be due to the pilot itself. This "
        "correction is a rough estimate with its own uncertainty."
    )


def test_duv_tekst_zegt_geen_daling_als_de_pilotgroep_steeg(demo_store, boom):
    # the audit: for DUV the text said "1,2 procentpunt extra daling" while the pilot group rose
    # from 9,04% to 9,68% (the comparison group rose more): that is a difference, not a fall
    werkdruk = next(p for p in pilots.lijst(demo_store) if p.naam == "Werkdruk Klantcontact")
    # as if it had been chosen on high absence (the audit's reading of the old keyword rule)
    werkdruk = dataclasses.replace(werkdruk, geselecteerd_op="hoog verzuim")
    org = boom.eenheden["DUV"].organisatie
    a = view.bouw(demo_store, Context(boom, Selectie(org, "DUV", Maand(2026, 10))), pilot=werkdruk)
    k = _kaart(a, "verzuimpercentage")
    assert k.pilot_voor is not None and k.pilot_na is not None and k.pilot_na > k.pilot_voor
    assert "extra daling" not in k.regressie_tekst
    assert "de pilotgroep steeg minder" in k.regressie_tekst
    assert k.oordeel == "onzeker"
