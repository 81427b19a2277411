"""Duur en signalen as data: hand-computed numbers on a small store, equality with the metrics API
on the demo store, and no number of a suppressed group anywhere in a figure."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from dashboard import metrics
from dashboard.charts import duur as grafiek
from dashboard.hierarchy import laad_boom
from dashboard.periods import Periode
from dashboard.selectie import Selectie
from dashboard.views import Context, duur
from dashboard.views.duur import teksten
from tests.duur_data import BESTANDEN, OKT, PEILDATUM

# The small organisation of tests/duur_data.py (its docstring has the people and spells).


@pytest.fixture(scope="module")
def klein():
    from dashboard.store import Store
    from tests.conftest import importeer_teksten

    store = Store(":memory:")
    res = importeer_teksten(store, PEILDATUM, **BESTANDEN)
    assert res.geslaagd, res.rapport
    boom = laad_boom(store)
    ctx = Context(boom, Selectie("ORG", "ORG", OKT), min_groep=10)
    return store, ctx, duur.bouw(store, ctx)


def _rij(frame, periode: str) -> dict:
    (rij,) = frame.filter(frame["periode"] == periode).to_dicts()
    return rij


def _deel(d, eenheid: str) -> dict:
    (rij,) = d.delen.filter(d.delen["eenheid"] == eenheid).to_dicts()
    return rij


# -- hand-computed ---------------------------------------------------------------------------------


def test_duurklassen_in_oktober_2026_handberekend(klein):
    _, _, d = klein
    okt = _rij(d.maanden, "2026-10")
    # available days 50 × 31 = 1550. Absence days in October 2026 by day number:
    #   kort:       d2 days 1-7                                  =  7
    #   middellang: d2 days 8-31                                 = 24
    #   lang:       b1 days 274-304 at 50% (15,5) + a2 (31)      = 46,5
    #   extra lang: b2 days 366-396, d1 1005-1035, c1 488-518    = 93
    assert okt["verzuimpercentage_kort"] == pytest.approx(100 * 7 / 1550)
    assert okt["verzuimpercentage_middellang"] == pytest.approx(100 * 24 / 1550)
    assert okt["verzuimpercentage_lang"] == pytest.approx(3.0)  # 46,5 / 1550
    assert okt["verzuimpercentage_extra_lang"] == pytest.approx(6.0)  # 93 / 1550
    assert okt["verzuimpercentage"] == pytest.approx(11.0)  # 170,5 / 1550


def _als_verandering(d):
    """The view as it reads when the rule for a change calls the difference real (the words
    that name the class driving it; with 50 persons the rule itself says 'within chance')."""
    return replace(d, richtingen=(("maand", "hoger"), ("r12", "hoger")))


def test_kop_noemt_de_duurklasse_die_de_stijging_draagt(klein):
    _, ctx, d = klein
    # October 2025: kort 7 + middellang 24 (b2 days 1-31), lang 31 (c1 days 123-153),
    # extra lang 31 (d1 days 640-670): 93 / 1550 = 6,0%. Change +5,0: lang +1,0, extra lang +4,0.
    # Six persons hold every absence day: with persons as the sampling unit +5,0 is within chance
    assert d.richting("maand") == "gelijk"
    assert d.kop == "Verzuim in oktober 2026 niet duidelijk anders dan vorig jaar (6,0% → 11,0%)"
    assert (
        teksten.kop(d.maanden, d.r12, ctx, {"maand": "hoger"})
        == "Vooral extra lang verzuim stijgt: totaal 5,0 procentpunt hoger dan in oktober 2025"
    )
    d = _als_verandering(d)
    titel = grafiek.duurklassen(d, ctx).figuur.layout.title.text.replace("<br>", " ")
    assert "Verzuim in oktober 2026 5,0 procentpunt hoger dan vorig jaar (11,0%)" in titel
    assert "stijging van extra lang verzuim (366+ dagen: +4,0 procentpunt)" in titel


def test_signalen_handberekend(klein):
    _, _, d = klein
    kaarten = {s.label: s for s in d.signalen}
    assert kaarten["Lang"].waarde == "3,0%"
    assert kaarten["Lang"].delta == "+1,0 %-punt"
    assert kaarten["Kort"].gelijk  # 7 days in both Octobers
    # frequent: b3, d3, d4 and a1 of the 50 in service on 31-10-2026 = 8,0%; none a year earlier
    assert kaarten["Frequent verzuim"].waarde == "8,0%"
    assert "aantal 4" in kaarten["Frequent verzuim"].onderschrift
    # past week 6: b1, b2, d1, a2, c1 = 5; a year earlier d1 and c1 (n = 153) = 2
    assert kaarten["Open > 6 weken"].waarde == "5"
    assert kaarten["Open > 6 weken"].delta == "+3"
    assert "voorbij week 52: 3" in kaarten["Open > 6 weken"].onderschrift  # b2, d1, c1


def test_delen_secundair_onderdrukt_en_lege_eigen_staf_weg(klein):
    _, _, d = klein
    assert sorted(d.delen["eenheid"].to_list()) == ["A", "B", "C", "D"]  # no 'ORG:direct'
    assert _deel(d, "C")["onderdrukt"]  # 3 people
    assert _deel(d, "A")["onderdrukt"]  # next smallest (12), else A = ORG - B - C - D
    for eenheid in ("A", "C"):
        rij = _deel(d, eenheid)
        assert rij["frequent_verzuim"] is None and rij["langdurig"] is None
        assert rij["band_42_52"] is None
    b, dd = _deel(d, "B"), _deel(d, "D")
    assert (b["frequent_verzuim"], b["eind_in_dienst"]) == (1, 15)
    assert b["frequent_verzuim_pct"] == pytest.approx(100 / 15)
    assert dd["frequent_verzuim_pct"] == pytest.approx(10.0)  # d3, d4 of 20
    # bands between milestones: B has b1 (week 42-52) and b2 (52-91); D has d1 (> 91)
    assert [b[k] for k, _ in duur.BANDEN] == [0, 1, 1, 0]
    assert [dd[k] for k, _ in duur.BANDEN] == [0, 0, 0, 1]
    assert b["langdurig_per_100"] == pytest.approx(200 / 15)


def test_langdurige_titels_handberekend(klein):
    _, ctx, d = klein
    titel = grafiek.langdurig_trend(d, ctx).figuur.layout.title.text.replace("<br>", " ")
    assert titel == (
        "<b>Open meldingen langer dan 6 weken: 5 eind oktober 2026, 3 meer dan een jaar eerder (2)</b>"
    )
    titel = grafiek.langdurig_eenheden(d, ctx).figuur.layout.title.text.replace("<br>", " ")
    assert (
        "5 open meldingen langer dan 6 weken, waarvan 5 voorbij week 42 en 3 voorbij week 52"
        in titel
    )
    assert "de meeste bij Afdeling B (2)" in titel


def test_beeindigde_meldingen_naar_hele_lengte(klein):
    _, _, d = klein
    r12 = _rij(d.r12, "r12_0")
    # ended in Nov 2025 - Oct 2026: the twelve 2-day spells of b3, d3, d4, a1 (all kort)
    assert r12["beeindigd_kort"] == 12
    assert r12["beeindigde_meldingen"] == 12
    assert r12["aandeel_kort"] == pytest.approx(100.0)
    assert r12["aandeel_langer_dan_6_weken"] == pytest.approx(0.0)


# -- privacy in the figures ------------------------------------------------------------------------


def _sporen_per_categorie(fig, categorie: str):
    """(trace, index) of every trace that has a point on the category row."""
    for spoor in fig.to_plotly_json()["data"]:
        ys = spoor.get("y")
        if ys is None:
            continue
        for i, y in enumerate(list(ys)):
            if y == categorie:
                yield spoor, i


_ALLEEN_ONDERDRUKT = re.compile(r"^[^0-9]*< 10\s*$")


@pytest.mark.parametrize("figuur", ["frequent_eenheden", "langdurig_eenheden"])
def test_onderdrukte_delen_dragen_geen_getal(klein, figuur):
    _, ctx, d = klein
    fig = getattr(grafiek, figuur)(d, ctx).figuur
    for naam in ("Afdeling A", "Afdeling C"):
        gezien = 0
        for spoor, i in _sporen_per_categorie(fig, naam):
            gezien += 1
            assert list(spoor["x"])[i] is None
            for veld in ("text", "hovertext", "customdata"):
                waarden = spoor.get(veld)
                if waarden is None or isinstance(waarden, str):
                    continue
                tekst = list(waarden)[i]
                assert tekst in ("", None) or _ALLEEN_ONDERDRUKT.match(tekst), (naam, veld, tekst)
        assert gezien >= 1
        labels = [a.text.strip() for a in fig.layout.annotations if a.y == naam]
        assert labels == ["< 10"]
    # A's own numbers (1 frequent of 12 = 8,3%; its open spell) appear nowhere
    spec = json.dumps(fig.to_plotly_json()["data"])
    assert "8,3" not in spec and "8.33" not in spec
    # and the shown parts do carry their numbers
    b = next(s for s, i in _sporen_per_categorie(fig, "Afdeling B") if s.get("name"))
    assert any(x is not None for x in b["x"])


def test_tabellen_tonen_onderdrukte_delen_zonder_getal(klein):
    _, ctx, d = klein
    tabel = grafiek.langdurig_eenheden(d, ctx).tabel
    assert tabel is not None
    assert tabel.columns[:3] == ["Eenheid", "In dienst op de laatste dag", "Voorbij week 6"]
    rijen = {r["Eenheid"]: r for r in tabel.to_dicts()}
    assert rijen["Afdeling C"]["onderdrukt"]
    assert {k: v for k, v in rijen["Afdeling C"].items() if k not in ("Eenheid", "onderdrukt")} == {
        k: None for k in tabel.columns if k not in ("Eenheid", "onderdrukt")
    }
    assert rijen["Afdeling B"]["Voorbij week 42"] == 2
    assert tabel["Voorbij week 6"].dtype.is_integer()
    # highest first, suppressed parts last
    assert tabel["Eenheid"].to_list()[:2] == ["Afdeling B", "Afdeling D"]


# -- the demo store: the view gives the API's numbers ----------------------------------------------


@pytest.fixture(scope="module")
def demo(demo_store):
    boom = laad_boom(demo_store)

    def maak(eenheid: str, vgl: str = "vorig_jaar", taal: str = "nl"):
        ctx = Context(boom, Selectie("MLV", eenheid, OKT, vgl, taal=taal), min_groep=10)
        return ctx, duur.bouw(demo_store, ctx)

    return demo_store, boom, maak


def test_maandreeks_gelijk_aan_de_api_en_klassen_tellen_op(demo):
    store, boom, maak = demo
    ctx, d = maak("MLV")
    groepen = metrics.groepen(boom, ["MLV"])
    api = metrics.kerncijfers(
        store, boom, metrics.periodes(boom, groepen, OKT.plus(-35), OKT, "maand"), groepen
    )
    assert d.maanden["periode"].to_list() == api["periode"].to_list()
    assert d.maanden.height == 36
    for k in metrics.DUURKLASSEN:
        kolom = f"verzuimpercentage_{k}"
        assert d.maanden[kolom].to_list() == pytest.approx(api[kolom].to_list())
    for kolom in (
        "frequent_verzuim",
        "langdurig",
        "voorbij_week42",
        "voorbij_week52",
        "voorbij_week91",
    ):
        assert d.maanden[kolom].to_list() == api[kolom].to_list()
    # the figure's stacked bars are the API's classes and add up to the total
    spec = grafiek.duurklassen(d, ctx).figuur.to_plotly_json()
    staven = [s for s in spec["data"] if s["type"] == "bar"]
    assert len(staven) == 4
    som = [sum(v) for v in zip(*(list(s["y"]) for s in staven), strict=True)]
    assert som == pytest.approx(api["verzuimpercentage"].to_list())


def test_delen_gelijk_aan_de_api_met_secundaire_onderdrukking(demo):
    store, boom, maak = demo
    _, d = maak("MLV-MOB-OV")
    api = metrics.kerncijfers(
        store, boom, [Periode(str(OKT), OKT, OKT)], metrics.onderdelen(boom, "MLV-MOB-OV"),
    )  # fmt: skip
    verwacht = {r["eenheid"]: r for r in api.to_dicts() if not r["geen_gegevens"]}
    assert set(d.delen["eenheid"].to_list()) == set(verwacht)
    for rij in d.delen.to_dicts():
        api_rij = verwacht[rij["eenheid"]]
        assert rij["onderdrukt"] == api_rij["onderdrukt"]
        assert rij["frequent_verzuim"] == api_rij["frequent_verzuim"]
        assert rij["langdurig"] == api_rij["langdurig"]
    # Reizigersbelangen has fewer than 10 people (data/demo/README.md); one more part goes with it
    assert _deel(d, "MLV-MOB-OV-RB")["onderdrukt"]
    assert d.delen["onderdrukt"].sum() == 2


def test_banden_tellen_op_tot_langdurig(demo):
    _, _, maak = demo
    _, d = maak("MLV")
    for frame in (d.maanden, d.delen):
        for rij in frame.filter(~frame["onderdrukt"]).to_dicts():
            assert sum(rij[k] for k, _ in duur.BANDEN) == rij["langdurig"]
            assert min(rij[k] for k, _ in duur.BANDEN) >= 0


def test_kleine_eenheid_alles_onderdrukt(demo):
    _, _, maak = demo
    ctx, d = maak("MLV-MOB-OV-RB")
    assert not d.heeft_delen
    assert all(s.waarde == "< 10" for s in d.signalen)
    assert "te klein" in d.kop
    for figuur in (grafiek.duurklassen, grafiek.voortschrijdend, grafiek.frequent_trend):
        for spoor in figuur(d, ctx).figuur.to_plotly_json()["data"]:
            if spoor["type"] == "bar" or spoor.get("name") == "Frequent verzuim":
                waarden = spoor["x"] if spoor.get("orientation") == "h" else spoor["y"]
                assert all(v is None for v in waarden)
                # the hover names the month or period, then only '< 10'
                assert all(t.rsplit(": ", 1)[1] == "< 10" for t in spoor["hovertext"])


def test_engels_zonder_nederlandse_resten(demo):
    _, _, maak = demo
    ctx, d = maak("MLV", taal="en")
    assert d.kop.startswith("Mainly ") or d.kop.startswith("Absence ")
    assert [s.label for s in d.signalen] == [
        "Short", "Medium", "Long", "Extra long", "Frequent absence", "Open > 6 weeks",
    ]  # fmt: skip
    spec = grafiek.langdurig_eenheden(d, ctx).figuur.to_plotly_json()
    namen = [s.get("name") for s in spec["data"] if s["type"] == "bar"]
    assert namen == ["6-42 weeks", "42-52 weeks", "52-91 weeks", "more than 91 weeks"]
    assert spec["layout"]["separators"] == ".,"
    for woord in ("meldingen", "verzuim", "eind ", "weken"):
        assert woord not in spec["layout"]["title"]["text"]


# -- the texts, by hand: rolling year, English, one spell ------------------------------------------


def test_voortschrijdend_jaar_handberekend(klein):
    store, ctx, _ = klein
    ctx12 = Context(ctx.boom, Selectie("ORG", "ORG", OKT, "r12"), min_groep=10)
    d = duur.bouw(store, ctx12)
    # available days: 50 × 365 in both rolling years (nov-oct, no 29 February) = 18.250.
    # Nov 2025 - Oct 2026 by day number (b1 at 50%):
    #   kort        d2 7 + the twelve 2-day spells 24 + b1 3,5 + a2 7           =   41,5
    #   middellang  d2 24 + b1 17,5 + a2 35 + b2 days 32-42 (11)                 =   87,5
    #   lang        b1 131 + a2 262 + b2 days 43-365 (323) + c1 days 154-365 (212) = 928
    #   extra lang  b2 31 + c1 153 + d1 365                                       =  549
    #   total 1.606 -> 8,8%
    # Nov 2024 - Oct 2025: b2 days 1-31 (kort 7, middellang 24), c1 days 1-153 (7, 35, lang 111),
    #   d1 days 306-670 (lang 60, extra lang 305): 549 -> 3,0%
    # change 1.057 / 18.250 = +5,8 pp; lang moved most: (928 - 171) / 18.250 = +4,1 pp
    # (within chance for 50 persons, see above; the words when the rule calls it real:)
    assert d.kop == (
        "Verzuim over 12 maanden t/m oktober 2026 niet duidelijk anders dan een jaar eerder "
        "(3,0% → 8,8%)"
    )
    assert teksten.kop(d.maanden, d.r12, ctx12, {"r12": "hoger"}) == (
        "Vooral lang verzuim stijgt: over 12 maanden 5,8 procentpunt hoger dan een jaar eerder"
    )
    d = _als_verandering(d)
    assert grafiek.voortschrijdend(d, ctx12).titel == (
        "Verzuim over 12 maanden t/m oktober 2026 5,8 procentpunt hoger dan een jaar eerder "
        "(8,8%), vooral door stijging van lang verzuim (43-365 dagen: +4,1 procentpunt)"
    )
    kaarten = {s.label: s for s in d.signalen}
    assert kaarten["Middellang"].waarde == "0,5%"  # 87,5 / 18.250
    # 59 / 18.250 = 0,3% a year earlier; the cards say they show 12 months
    assert kaarten["Middellang"].onderschrift == "12 mnd · 8-42 dagen · vorig jaar 0,3%"
    assert kaarten["Middellang"].delta == "+0,2 %-punt"  # 0,479 - 0,323
    # frequent absence and open spells stay counts at the month's end
    assert kaarten["Frequent verzuim"].waarde == "8,0%"


def test_engelse_titels_en_kaarten_handberekend(klein):
    store, ctx, _ = klein
    en = Context(ctx.boom, Selectie("ORG", "ORG", OKT, taal="en"), min_groep=10)
    d = duur.bouw(store, en)
    # the numbers of the Dutch tests above, in English words and formats
    assert d.kop == ("Absence in October 2026 not clearly different from last year (6.0% → 11.0%)")
    assert teksten.kop(d.maanden, d.r12, en, {"maand": "hoger"}) == (
        "Mainly extra long absence rising: total 5.0 percentage points higher than in October 2025"
    )
    d = _als_verandering(d)
    assert grafiek.duurklassen(d, en).titel == (
        "Absence in October 2026 5.0 percentage points higher than last year (11.0%), mainly from "
        "a rise in extra long absence (366+ days: +4.0 pp)"
    )
    assert grafiek.langdurig_eenheden(d, en).titel == (
        "At the end of October 2026, 5 open spells longer than 6 weeks, 5 past week 42 and 3 past "
        "week 52; most in Afdeling B (2)"
    )
    assert grafiek.langdurig_trend(d, en).titel == (
        "Open spells longer than 6 weeks: 5 at the end of October 2026, 3 more than a year "
        "earlier (2)"
    )
    # B 1 of 15 = 6,7%, D 2 of 20 = 10,0%: D is highest
    assert grafiek.frequent_eenheden(d, en).titel == (
        "At the end of October 2026, 8.0% of employees had frequent absence (4); highest in "
        "Afdeling D (10.0%)"
    )
    # nobody had three spells in the 12 months to October 2025
    assert grafiek.frequent_trend(d, en).titel == (
        "Frequent absence rising: 8.0% at the end of October 2026 against 0.0% a year earlier"
    )
    # the twelve ended spells are all short; none ended in the year before
    assert grafiek.beeindigd(d, en).titel == (
        "Of the spells that ended in the 12 months to October 2026, 0% lasted longer than 6 weeks"
    )
    kaarten = {s.label: s for s in d.signalen}
    assert (kaarten["Long"].waarde, kaarten["Long"].delta) == ("3.0%", "+1.0 pp")
    assert kaarten["Long"].onderschrift == "43-365 days · last year 2.0%"  # c1: 31 / 1.550
    assert kaarten["Open > 6 weeks"].onderschrift == "past week 52: 3 · last year 2"
    assert kaarten["Frequent absence"].onderschrift == "count 4 · last year 0.0%"


EEN_MELDING = {
    "organisatie": "eenheid;naam;bovenliggende_eenheid\nORG;Organisatie;\nX;Afdeling X;ORG\n"
    "Y;Afdeling Y;ORG",
    "personeel": "\n".join(
        ["medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor"]
        + [f"{e.lower()}{i};{e};01-01-2019;;1" for e in "XY" for i in range(1, 13)]
    ),
    # x1 open since 01-01-2026: day 304 on 31-10-2026, past week 42 (>= 295), not 52
    "verzuim": "medewerker_id;eerste_verzuimdag;laatste_verzuimdag\nx1;01-01-2026;",
}


@pytest.mark.parametrize(
    "taal, titel",
    [
        (
            "nl",
            "Eind oktober 2026 1 open melding langer dan 6 weken, waarvan 1 voorbij week 42 en 0 "
            "voorbij week 52; de meeste bij Afdeling X (1)",
        ),
        (
            "en",
            "At the end of October 2026, 1 open spell longer than 6 weeks, 1 past week 42 and 0 "
            "past week 52; most in Afdeling X (1)",
        ),
    ],
)
def test_een_open_melding_in_het_enkelvoud(maak_store, taal, titel):
    store, boom = maak_store(PEILDATUM, **EEN_MELDING)
    ctx = Context(boom, Selectie("ORG", "ORG", OKT, taal=taal), min_groep=10)
    d = duur.bouw(store, ctx)
    assert grafiek.langdurig_eenheden(d, ctx).titel == titel
