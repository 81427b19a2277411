"""Afdelingen view: numbers equal the metrics API, suppression (primary and secondary, also per
parent at a level of the tree) holds in every frame and figure, and titles claim only what the
funnel says."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import plotly.graph_objects as go
import polars as pl
import pytest

from dashboard import catalogus, metrics, statistiek
from dashboard import format as fmt
from dashboard.charts import afdelingen as grafiek
from dashboard.charts import theme
from dashboard.hierarchy import laad_boom
from dashboard.periods import Maand, Periode
from dashboard.selectie import Selectie
from dashboard.views import Context
from dashboard.views import afdelingen as view

OKT = Maand(2026, 10)
R12 = Periode("r12", OKT.plus(-11), OKT)


@pytest.fixture(scope="module")
def boom(demo_store):
    return laad_boom(demo_store)


def ctx_voor(boom, eenheid: str, maand: Maand = OKT, taal: str = "nl", min_groep: int = 10):
    org = boom.eenheden[eenheid].organisatie
    return Context(boom, Selectie(org, eenheid, maand, taal=taal), min_groep)


def rijen(frame: pl.DataFrame) -> dict[str, dict]:
    return {r["eenheid"]: r for r in frame.iter_rows(named=True)}


def api_onderdelen(store, boom, eenheid: str, periode: Periode = R12, min_groep: int = 10):
    return rijen(
        metrics.kerncijfers(
            store, boom, [periode], metrics.onderdelen(boom, eenheid),
            min_groep=min_groep,
        )
    )  # fmt: skip


# -- numbers -------------------------------------------------------------------------------------


def test_onderdelen_gelijk_aan_de_api(demo_store, boom):
    a = view.bouw(demo_store, ctx_voor(boom, "MLV-MOB"), basis="r12")
    api = api_onderdelen(demo_store, boom, "MLV-MOB")
    eigen = rijen(a.eenheden)
    # the four directies; MLV-MOB has no staff of its own, so its ':direct' part is left out
    assert set(eigen) == {"MLV-MOB-DI", "MLV-MOB-LM", "MLV-MOB-OV", "MLV-MOB-WV"}
    for code, rij in eigen.items():
        for kolom in ("bezetting", "verzuimpercentage", "meldingsfrequentie", "meldingen"):
            assert rij[kolom] == pytest.approx(api[code][kolom]), (code, kolom)
    (ref,) = metrics.kerncijfers(
        demo_store, boom, [R12], metrics.groepen(boom, ["MLV-MOB"])
    ).to_dicts()
    assert a.ref_waarde("verzuimpercentage") == pytest.approx(ref["verzuimpercentage"])
    assert a.ref_waarde("meldingsfrequentie") == pytest.approx(ref["meldingsfrequentie"])
    # parts add up to their parent (ratio of sums): the reference line is the parent's value
    dagen = sum(r["beschikbare_dagen"] for r in eigen.values())
    verzuim = sum(r["verzuimdagen"] for r in eigen.values())
    assert 100 * verzuim / dagen == pytest.approx(ref["verzuimpercentage"])


def test_maand_als_basis_en_een_jaar_eerder(demo_store, boom):
    a = view.bouw(demo_store, ctx_voor(boom, "DUV"), basis="maand")
    nu = api_onderdelen(demo_store, boom, "DUV", Periode("m", OKT, OKT))
    toen = api_onderdelen(demo_store, boom, "DUV", Periode("v", OKT.plus(-12), OKT.plus(-12)))
    for code, rij in rijen(a.eenheden).items():
        assert rij["verzuimpercentage"] == nu[code]["verzuimpercentage"]
        assert rij["onderdrukt"] == nu[code]["onderdrukt"]
    for code, rij in rijen(a.vorig).items():
        assert rij["verzuimpercentage"] == toen[code]["verzuimpercentage"]
    assert a.periode.k == 1 and a.periode.tot == OKT


def test_intervallen_en_funnel_komen_uit_de_statistiek(demo_store, boom):
    # issue 10: the intervals and funnel positions take persons as the sampling unit
    # (statistiek.vergelijk on the persons' sums of metrics.persoonsommen), no longer a binomial
    # over person-days with φ between units (statistics.met_interval / funnel)
    a = view.bouw(demo_store, ctx_voor(boom, "DUV"))
    delen = [g for g in metrics.onderdelen(boom, "DUV") if g.label != "DUV:direct"]
    api = metrics.kerncijfers(demo_store, boom, [R12], delen)
    sommen = metrics.persoonsommen(demo_store, boom, [R12], delen, ["verzuimpercentage"])
    invoer = api.join(
        sommen["verzuimpercentage"].select("eenheid", *statistiek.SOMMEN), on="eenheid"
    )
    # DUV has 5 directies: too few for τ²; no level of DUV has 15 units either
    v = statistiek.vergelijk(invoer, "dagen_per_persoon", schaal=100)
    eigen = rijen(a.eenheden)
    for r in v.eenheden.iter_rows(named=True):
        assert eigen[r["eenheid"]]["verzuimpercentage_laag"] == pytest.approx(r["laag"])
        assert eigen[r["eenheid"]]["verzuimpercentage_hoog"] == pytest.approx(r["hoog"])
        assert eigen[r["eenheid"]]["verzuimpercentage_klasse_998"] == r["klasse_998"]
        assert eigen[r["eenheid"]]["verzuimpercentage_klasse_95"] == r["klasse_95"]
    f = a.funnels["verzuimpercentage"]
    assert f.doel == pytest.approx(v.doel)
    assert f.heterogeniteit.bron == "geen" and f.heterogeniteit.tau2 == 0
    # with 5 units the texts say the comparison has little power, not that all is chance
    assert "weinig onderscheidend vermogen" in view.funnel_uitleg(a, "verzuimpercentage", "nl")
    assert "niet van toeval te onderscheiden" not in view.funnel_titel(a, "verzuimpercentage", "nl")


def test_tau2_van_een_ander_niveau_bij_weinig_eenheden(demo_store, boom):
    # the parts of one MLV directorate-general are few; τ² comes from MLV's 33 afdelingen
    a = view.bouw(demo_store, ctx_voor(boom, "MLV-MOB"))
    h = a.funnels["verzuimpercentage"].heterogeniteit
    assert a.getoond().height < 15
    assert h.bron == "niveau" and h.niveau == 3 and h.tau2 > 0
    assert "op niveau 3 van de organisatie" in view.funnel_uitleg(a, "verzuimpercentage", "nl")


def test_mlv_afdelingen_luchtvaart_boven_de_95_procent_grens(demo_store, boom):
    # the audit: with person-level variance and τ², Luchtvaart stands out (the old φ flagged no one)
    a = view.bouw(demo_store, ctx_voor(boom, "MLV"), niveau=3)
    lv = rijen(a.eenheden)["MLV-MOB-LM-LV"]
    assert lv["verzuimpercentage_klasse_95"] == "boven"
    assert lv["verzuimpercentage_laag"] < lv["verzuimpercentage"] < lv["verzuimpercentage_hoog"]
    h = a.funnels["verzuimpercentage"].heterogeniteit
    assert h.bron == "eenheden" and h.vrijheidsgraden == 26


def test_heatmap_titel_niet_duidelijk_anders_volgens_de_regel(demo_store, boom):
    # the three directoraten-generaal of MLV: DG Mobiliteit rose most (5,9% -> 6,3%), but by the
    # one rule for a change (persons as the sampling unit) no DG differs from a year earlier
    a = view.bouw(demo_store, ctx_voor(boom, "MLV"))
    richting = dict(
        zip(a.eenheden["eenheid"], a.eenheden["verzuimpercentage_richting"], strict=True)
    )
    assert richting == {"MLV-BVU": "gelijk", "MLV-MOB": "gelijk", "MLV-RWK": "gelijk"}
    assert view.heatmap_titel(a, "nl") == (
        "Geen directoraat-generaal duidelijk anders dan een jaar eerder (12 maanden); het grootste "
        "verschil: Directoraat-generaal Mobiliteit, van 5,9% naar 6,3%"
    )
    assert view.heatmap_titel(a, "en").startswith(
        "No directorate-general clearly different from a year earlier (12 months)"
    )


def test_heatmap_titel_hoger_volgens_de_regel(demo_store, boom):
    from dashboard.statistiek import Persoonsommen, verandering

    # the directies of MLV-MOB: only Luchtvaart en Maritieme Zaken is higher by the rule
    a = view.bouw(demo_store, ctx_voor(boom, "MLV-MOB"))
    richting = dict(
        zip(a.eenheden["eenheid"], a.eenheden["verzuimpercentage_richting"], strict=True)
    )
    assert richting == {
        "MLV-MOB-LM": "hoger", "MLV-MOB-DI": "gelijk", "MLV-MOB-OV": "gelijk", "MLV-MOB-WV": "gelijk",
    }  # fmt: skip
    # the column is the rule itself, on the persons' sums of the two periods
    nu, toen = view.perioden(OKT, "r12", metrics.eerste_maand(demo_store))
    sommen = metrics.persoonsommen(
        demo_store, boom, [nu, toen], metrics.groepen(boom, ["MLV-MOB-LM"]), ["verzuimpercentage"]
    )["verzuimpercentage"]
    per = {r["periode"]: Persoonsommen.uit(r) for r in sommen.iter_rows(named=True)}
    assert verandering.richting(per[nu.label], per[toen.label]) == "hoger"
    assert view.heatmap_titel(a, "nl") == (
        "Directie Luchtvaart en Maritieme Zaken hoger dan een jaar eerder: van 5,1% naar 7,8% "
        "(12 maanden)"
    )
    # a larger rise that the rule calls chance is not named; two units higher are counted
    twee = a.eenheden.with_columns(
        pl.when(pl.col("eenheid") == "MLV-MOB-WV")
        .then(pl.lit("hoger"))
        .otherwise(pl.col("verzuimpercentage_richting"))
        .alias("verzuimpercentage_richting")
    )
    assert view.heatmap_titel(dataclasses.replace(a, eenheden=twee), "nl").startswith(
        "2 directies hoger dan een jaar eerder, het meest Directie Luchtvaart en Maritieme Zaken: "
    )


@pytest.mark.parametrize("soort", ["ranking", "heatmap"])
def test_bronregel_begint_links_in_de_figuur_onder_lange_namen(demo_store, boom, soort):
    # the 12 directies of MLV: names up to 38 characters push the plot far to the right; the
    # source line is placed relative to the plot, and ran past its right edge at 1366×768
    ctx = ctx_voor(boom, "MLV")
    a = view.bouw(demo_store, ctx, niveau=2)
    fig = getattr(grafiek, soort)(a, ctx).figuur
    (voet,) = [x for x in fig.layout.annotations if x.text.startswith("Bron:")]
    links = fig.layout.margin.l
    # the plot starts right of the longest name (38 characters at 13 px, or 12 px on the heat
    # map, at about 0,53 em a character: at least 13 × 0,53 × 38 = 262 px, resp. 242 px) ...
    langste = max(len(n) for n in a.eenheden["naam"])
    assert langste == 38
    assert links >= (13 if soort == "ranking" else 12) * 0.53 * langste
    # ... and the source line starts at the figure's left edge, 8 px in (x = 0 of the plot,
    # shifted left by the margin): under the title, not under the plot
    assert voet.xref == "paper" and voet.x == 0 and voet.xanchor == "left"
    assert links + voet.xshift == 8
    # from there, no line is longer than the house style's source line (105 characters at
    # 11 px, about 580 px: it fits a chart of 880 px, the narrowest on a laptop)
    regels = voet.text.split("<br>")
    assert max(len(r) for r in regels) <= theme.TEKENS_VOET


def test_maanden_van_de_heatmap(demo_store, boom):
    a = view.bouw(demo_store, ctx_voor(boom, "MLV"))
    maanden = sorted(set(a.maanden["van"].to_list()))
    assert len(maanden) == view.HEATMAP_MAANDEN
    assert maanden[0] == dt.date(2024, 11, 1) and maanden[-1] == dt.date(2026, 10, 1)
    api = metrics.kerncijfers(
        demo_store, boom, [Periode("m", Maand(2025, 1), Maand(2025, 1))],
        metrics.onderdelen(boom, "MLV"),
    )  # fmt: skip
    jan = a.maanden.filter(pl.col("van") == dt.date(2025, 1, 1))
    for code, rij in rijen(jan).items():
        assert rij["verzuimpercentage"] == rijen(api)[code]["verzuimpercentage"]


# -- suppression ---------------------------------------------------------------------------------


def test_secundaire_onderdrukking_bij_precies_een_kleine_afdeling(demo_store, boom):
    # MLV-MOB-OV: Reizigersbelangen has fewer than 10 people (data/demo/README.md); without
    # secondary suppression Concessies en Aanbesteding would be shown and the small one could be
    # recovered from the directie's total
    a = view.bouw(demo_store, ctx_voor(boom, "MLV-MOB-OV"))
    eigen = rijen(a.eenheden)
    assert eigen["MLV-MOB-OV-RB"]["onderdrukt"] and eigen["MLV-MOB-OV-CA"]["onderdrukt"]
    assert not eigen["MLV-MOB-OV-SP"]["onderdrukt"]
    los = rijen(
        metrics.kerncijfers(
            demo_store, boom, [R12], metrics.groepen(boom, ["MLV-MOB-OV-CA", "MLV-MOB-OV-RB"])
        )
    )
    assert los["MLV-MOB-OV-RB"]["onderdrukt"]  # primary
    # large enough on its own, but hidden on every view: otherwise the directie's total minus
    # the shown parts would give Reizigersbelangen after all (the publication pattern)
    assert los["MLV-MOB-OV-CA"]["onderdrukt"]
    assert los["MLV-MOB-OV-CA"]["reden_onderdrukt"] == "bescherming"
    for code in ("MLV-MOB-OV-RB", "MLV-MOB-OV-CA"):
        assert all(eigen[code][k] is None for k in ("bezetting", "verzuimpercentage", "fte"))
        assert eigen[code]["verzuimpercentage_laag"] is None
        assert eigen[code]["verzuimpercentage_klasse_998"] is None


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_een_niveau_onderdrukt_per_ouder_zoals_de_api(demo_store, boom, niveau):
    """Each parent's parts at a level are suppressed exactly as on that parent's own view, so
    two views never together reveal a small unit."""
    a = view.bouw(demo_store, ctx_voor(boom, "MLV"), niveau=niveau)
    eigen = rijen(a.eenheden)
    assert set(eigen) == set(boom.op_niveau("MLV", niveau))
    ouders = {boom.eenheden[c].ouder for c in eigen}
    for ouder in ouders:
        api = api_onderdelen(demo_store, boom, ouder)
        for code, rij in api.items():
            if code.endswith(":direct"):
                continue
            assert eigen[code]["onderdrukt"] == rij["onderdrukt"], code
            assert eigen[code]["verzuimpercentage"] == rij["verzuimpercentage"], code
    if niveau == 3:
        # 3 small afdelingen, each the only small one of its directie: 6 hidden in all
        assert sum(r["onderdrukt"] for r in eigen.values()) == 6
        assert eigen["MLV-MOB-OV-CA"]["onderdrukt"]


# -- figures carry no suppressed number ---------------------------------------------------------


def _json(fig: go.Figure) -> dict:
    return json.loads(fig.to_json())


def _punten_van(spec: dict, code: str) -> list[dict]:
    """Every point of every trace that belongs to `code` (by customdata or category), with the
    values at that index."""
    uit = []
    for trace in spec["data"]:
        if trace["type"] == "heatmap":
            continue
        sleutels = trace.get("customdata") or []
        cats = trace.get("y") if trace.get("orientation") == "h" or trace.get("mode") else None
        for i in range(len(sleutels)):
            if sleutels[i] == code or (cats and i < len(cats) and cats[i] == code):
                punt = {}
                for k in ("x", "y", "text", "hovertext"):
                    w = trace.get(k)
                    if isinstance(w, list) and i < len(w):
                        punt[k] = w[i]
                maat = (trace.get("marker") or {}).get("size")
                if isinstance(maat, list):
                    punt["size"] = maat[i]
                uit.append(punt)
    return uit


def _geen_getal(tekst: str) -> bool:
    """Text without a metric: no percentage, no decimal number (only '< 10' and names)."""
    return "%" not in tekst and not re.search(r"\d[,.]\d", tekst)


def test_onderdrukte_eenheden_hebben_nergens_een_getal(demo_store, boom):
    ctx = ctx_voor(boom, "MLV")
    a = view.bouw(demo_store, ctx, niveau=3)
    weg = a.eenheden.filter(pl.col("onderdrukt"))["eenheid"].to_list()
    assert len(weg) == 6
    # their real numbers, computed without suppression: none of them may appear in any figure
    echt = rijen(
        metrics.kerncijfers(demo_store, boom, [R12], metrics.groepen(boom, weg), min_groep=0)
    )
    maanden = metrics.periodes(boom, metrics.groepen(boom, weg), OKT.plus(-23), OKT, "maand")
    per_maand = metrics.kerncijfers(
        demo_store, boom, maanden, metrics.groepen(boom, weg), min_groep=0
    )
    maandwaarden = {
        code: [v for v in per_maand.filter(pl.col("eenheid") == code)["verzuimpercentage"] if v]
        for code in weg
    }
    figuren = {
        "ranking": grafiek.ranking(a, ctx).figuur,
        "ranking_freq": grafiek.ranking(a, ctx, "meldingsfrequentie").figuur,
        "funnel": grafiek.funnel(a, ctx).figuur,
        "funnel_freq": grafiek.funnel(a, ctx, "meldingsfrequentie").figuur,
        "venster": grafiek.venster(a, ctx).figuur,
        "heatmap": grafiek.heatmap(a, ctx).figuur,
    }
    for naam, fig in figuren.items():
        spec = _json(fig)
        tekst = json.dumps(spec)
        for code in weg:
            r = echt[code]
            # (formatted values like '5,3' may belong to another unit; the full float is unique)
            getallen = [r["verzuimpercentage"], r["meldingsfrequentie"], r["bezetting"]]
            for waarde in getallen + maandwaarden[code]:
                if len(repr(waarde)) >= 8:  # a round value like 4.6 is not specific enough
                    assert repr(waarde)[:8] not in tekst, (naam, code)
            for punt in _punten_van(spec, code):
                assert punt.get("x") in (0, None), (naam, code, punt)
                assert "size" not in punt, (naam, code)
                assert all(_geen_getal(str(punt.get(k, ""))) for k in ("text", "hovertext"))
            if naam.startswith(("funnel", "venster")):
                # not plotted at all; named only in the source line
                assert not _punten_van(spec, code)
    rang = _json(figuren["ranking"])
    onder10 = [tr for tr in rang["data"] if tr.get("text") and "< 10" in tr["text"]]
    assert len(onder10) == 1 and sorted(onder10[0]["customdata"]) == sorted(weg)


def test_heatmap_onderdrukte_cellen_zijn_grijs_zonder_getal(demo_store, boom):
    ctx = ctx_voor(boom, "MLV-MOB-OV")
    a = view.bouw(demo_store, ctx)
    spec = _json(grafiek.heatmap(a, ctx).figuur)
    waarden, grijs = (tr for tr in spec["data"] if tr["type"] == "heatmap")
    rij = {code: i for i, code in enumerate(waarden["y"])}
    assert waarden["y"][0] == "MLV-MOB-OV"  # the total on top
    for code in ("MLV-MOB-OV-RB", "MLV-MOB-OV-CA"):
        i = rij[code]
        assert all(z is None for z in waarden["z"][i])
        assert all(z == 1 for z in grijs["z"][i]) and set(grijs["text"][i]) == {"< 10"}
        assert all(_geen_getal(h) for h in waarden["hovertext"][i])
    sp = rij["MLV-MOB-OV-SP"]
    jan = waarden["x"].index("2026-01-01")
    verwacht = a.maanden.filter(
        (pl.col("eenheid") == "MLV-MOB-OV-SP") & (pl.col("van") == dt.date(2026, 1, 1))
    )["verzuimpercentage"][0]
    assert waarden["z"][sp][jan] == pytest.approx(verwacht)
    assert all(z is None for z in grijs["z"][sp])
    assert spec["layout"]["separators"] == ",."
    assert "jan 2026" in spec["layout"]["xaxis"]["ticktext"]


# -- a hand-computed store -----------------------------------------------------------------------

ORGANISATIE = """
eenheid;naam;bovenliggende_eenheid
ORG;Organisatie;
A;Afdeling Alfa;ORG
B;Afdeling Beta;ORG
C;Afdeling Gamma;ORG
"""
# A 12, B 3, C 20 full-time people from 01-01-2026
PERSONEEL = "medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor\n" + "\n".join(
    f"{u.lower()}{i};{u};01-01-2026;;1"
    for u, n in (("A", 12), ("B", 3), ("C", 20))
    for i in range(n)
)
VERZUIM = """
medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag
c0;s1;01-03-2026;10-03-2026
a0;s2;01-03-2026;05-03-2026
b0;s3;01-03-2026;31-03-2026
"""


def test_met_de_hand(maak_store):
    store, boom = maak_store(
        dt.date(2026, 3, 31), organisatie=ORGANISATIE, personeel=PERSONEEL, verzuim=VERZUIM
    )
    ctx = Context(boom, Selectie("ORG", "ORG", Maand(2026, 3)), 10)
    a = view.bouw(store, ctx, basis="maand")
    eigen = rijen(a.eenheden)
    # C: 10 absence days of 20 × 31 = 620 available days -> 1,6129%; one report among 20
    # people in one month -> 1 / 20 × 12 = 0,60 per year
    assert eigen["C"]["verzuimpercentage"] == pytest.approx(100 * 10 / 620)
    assert eigen["C"]["meldingsfrequentie"] == pytest.approx(0.6)
    # B (3 people) is too small; A (12) is the smallest other part and is hidden too
    assert eigen["B"]["onderdrukt"] and eigen["A"]["onderdrukt"]
    # the total: (10 + 5 + 31) / (35 × 31) = 46 / 1085 = 4,2396%
    assert a.ref_waarde("verzuimpercentage") == pytest.approx(100 * 46 / 1085)
    assert not a.funnel_mogelijk()
    fig = grafiek.ranking(a, ctx).figuur
    tekst = fig.to_json()
    # A 5/372 = 1,344%; B 31/93 = 33,33%: nowhere, neither as a number nor as text
    for waarde in (100 * 5 / 372, 100 * 31 / 93):
        assert fmt.procent(waarde) not in tekst and repr(waarde)[:6] not in tekst
    assert fmt.procent(100 * 10 / 620) in tekst and "4,2%" in tekst
    titel = view.ranking_titel(a, "verzuimpercentage", "nl")
    assert titel == (
        "Afdeling Gamma het hoogst (1,6%); te weinig afdelingen met cijfers om verschillen te toetsen"
    )
    # without suppression all three are shown, with their own numbers
    b = view.bouw(store, dataclasses.replace(ctx, min_groep=0), basis="maand")
    assert rijen(b.eenheden)["B"]["verzuimpercentage"] == pytest.approx(100 * 31 / 93)


# -- titles --------------------------------------------------------------------------------------


def test_boven_alleen_uit_de_funnel(demo_store, boom):
    a = view.bouw(demo_store, ctx_voor(boom, "MLV"), niveau=3)
    # the highest afdeling is not above the 99.8% limits in the demo: no claim of "boven"
    hoogste = view.volgorde(a.eenheden, "verzuimpercentage").row(0, named=True)
    assert hoogste["verzuimpercentage_klasse_998"] == "binnen"
    assert view.ranking_titel(a, "verzuimpercentage", "nl") == (
        f"Geen afdeling duidelijk boven het gemiddelde; {hoogste['naam']} het hoogst "
        f"({fmt.procent(hoogste['verzuimpercentage'])})"
    )
    # once the funnel places two units above, the title counts them (and only them)
    boven = a.eenheden.with_columns(
        pl.when(pl.col("eenheid").is_in(["MLV-RWK-RO-OB", "MLV-MOB-DI-DA"]))
        .then(pl.lit("boven"))
        .otherwise(pl.col("verzuimpercentage_klasse_998"))
        .alias("verzuimpercentage_klasse_998")
    )
    b = dataclasses.replace(a, eenheden=boven)
    assert view.ranking_titel(b, "verzuimpercentage", "nl").startswith(
        "2 afdelingen duidelijk boven het gemiddelde; "
    )
    assert view.funnel_titel(b, "verzuimpercentage", "nl").startswith("2 afdelingen boven de 99,8%")


def test_meldingsfrequentie_luchtvaart_boven_de_funnel(demo_store, boom):
    # the demo's Luchtvaart reports more and more often (data/demo/README.md)
    a = view.bouw(demo_store, ctx_voor(boom, "MLV"), niveau=3)
    lv = rijen(a.eenheden)["MLV-MOB-LM-LV"]
    assert lv["meldingsfrequentie_klasse_998"] == "boven"
    titel = view.funnel_titel(a, "meldingsfrequentie", "nl")
    assert titel.startswith("Afdeling Luchtvaart boven de 99,8%-grens")
    spec = _json(grafiek.funnel(a, ctx_voor(boom, "MLV"), "meldingsfrequentie").figuur)
    namen = [t for tr in spec["data"] for t in (tr.get("text") or []) if t]
    assert "Luchtvaart" in namen


def test_blad_toont_de_zusters(demo_store, boom):
    a = view.bouw(demo_store, ctx_voor(boom, "MLV-MOB-LM-LV"))
    assert a.referentie == "MLV-MOB-LM"
    assert set(a.eenheden["eenheid"].to_list()) == {"MLV-MOB-LM-LV", "MLV-MOB-LM-MZ"}
    assert a.markeer == frozenset({"MLV-MOB-LM-LV"})
    assert "heeft geen onderliggende eenheden" in a.opmerking
    spec = _json(grafiek.ranking(a, ctx_voor(boom, "MLV-MOB-LM-LV")).figuur)
    assert "<b>Afdeling Luchtvaart</b>" in spec["layout"]["yaxis"]["ticktext"]


def test_engels(demo_store, boom):
    ctx = ctx_voor(boom, "MLV", taal="en")
    a = view.bouw(demo_store, ctx, niveau=3)
    assert view.kop(a, ctx) == "Departments compared"
    assert view.ranking_titel(a, "verzuimpercentage", "en").startswith(
        "No department clearly above average; Afdeling Luchtvaart highest ("
    )
    spec = _json(grafiek.ranking(a, ctx).figuur)
    assert spec["layout"]["separators"] == ".,"
    legenda = [tr.get("name") for tr in spec["data"] if tr.get("showlegend") is not False]
    assert "within the limits" in legenda and "< 10: not shown (privacy)" in legenda


# -- control chart -------------------------------------------------------------------------------


def test_regelkaart_seizoensgecorrigeerd(demo_store, boom):
    # issue 10: seasonal factors from whole earlier years, each month's σ from the persons
    # (their covariance over the months), the Making Data Count rules (statistiek.spc)
    ctx = ctx_voor(boom, "MLV")
    r = view.regelkaart(demo_store, ctx, eenheid="MLV-MOB-LM-LV")
    groep = metrics.groepen(boom, ["MLV-MOB-LM-LV"])
    alles = metrics.kerncijfers(
        demo_store, boom, metrics.periodes(boom, groep, Maand(2019, 1), OKT, "maand"), groep
    )
    mt = catalogus.metriek("verzuimpercentage")
    seizoen = statistiek.spc.seizoen_van(alles, mt, OKT.plus(-11).eerste_dag)
    assert seizoen is not None and r.seizoensjaren == seizoen.jaren == (2021, 2022, 2023, 2024)
    cov = metrics.spc_covariantie(
        demo_store, boom, groep[0],
        statistiek.spc.kaartmaanden(alles.tail(36), mt, seizoen, 24), "verzuimpercentage",
    )  # fmt: skip
    verwacht = statistiek.spc.regelkaart(alles.tail(36), mt, seizoen, basis=24, cov=cov)
    laney = statistiek.spc.regelkaart(alles.tail(36), mt, seizoen, basis=24)
    # persons as the sampling unit: a long spell spans months, so the limits are wider than the
    # moving range's
    breed = (verwacht["bovengrens"] - verwacht["ondergrens"]).mean()
    smal = (laney["bovengrens"] - laney["ondergrens"]).mean()
    assert breed > 1.2 * smal
    assert r.reeks.height == 36 and r.basis_maanden == 24
    assert r.reeks["bovengrens"].to_list() == pytest.approx(verwacht["bovengrens"].to_list())
    assert r.reeks["signaal"].to_list() == verwacht["signaal"].to_list()
    # the demo's Luchtvaart climbs through 2025-2026: months outside the limits at the end
    assert statistiek.spc.BUITEN in r.reeks["signaal"].to_list()[-12:]
    titel = view.regelkaart_titel(r, "nl")
    assert "met een signaal in de laatste 12 maanden" in titel and "seizoensgecorrigeerd" in titel
    # Luchtvaart climbs: every signalled month lies above its season's expectation
    assert titel.endswith("maanden met een signaal in de laatste 12 maanden, hoger dan verwacht")
    # MLV: Dec 2025 and Jan 2026 above, Sep and Oct 2026 below; the title says both sides
    mlv = view.regelkaart(demo_store, ctx, eenheid="MLV")
    assert view.regelkaart_titel(mlv, "nl") == (
        "Regelkaart Ministerie van Leefomgeving en Vervoer (seizoensgecorrigeerd): 4 maanden met "
        "een signaal in de laatste 12 maanden, 2 hoger en 2 lager dan verwacht"
    )
    assert view.regelkaart_titel(mlv, "en").endswith(
        "4 months with a signal in the last 12 months, 2 higher and 2 lower than expected"
    )
    spec = _json(grafiek.regelkaart(r, ctx).figuur)
    assert any(a["text"] == "buiten de grenzen" for a in spec["layout"]["annotations"])


def test_regelkaart_mlv_geen_seizoenssignaal(demo_store, boom):
    # the audit: MLV's "6 maanden dalend" was the normal fall from February to August; adjusted
    # for the seasons no trend or run of the season remains in 2026
    r = view.regelkaart(demo_store, ctx_voor(boom, "MLV"), eenheid="MLV")
    jaar = r.reeks.filter(pl.col("van") >= dt.date(2026, 1, 1))["signaal"].to_list()
    assert not {statistiek.spc.STIJGEND, statistiek.spc.DALEND} & set(jaar)


def test_tabel(demo_store, boom):
    a = view.bouw(demo_store, ctx_voor(boom, "MLV-MOB-OV"))
    t = view.tabel(a)
    assert t.columns[0] == "Eenheid" and t.columns[-1] == "onderdrukt"
    sp = t.filter(pl.col("Eenheid") == "Afdeling Spoorbeleid").row(0, named=True)
    assert sp["Verzuimpercentage"] == rijen(a.eenheden)["MLV-MOB-OV-SP"]["verzuimpercentage"]
    weg = t.filter(pl.col("onderdrukt"))
    assert weg.height == 2 and weg["Verzuimpercentage"].is_null().all()
    assert weg["Bezetting"].is_null().all()
    m = view.tabel_maanden(a)
    assert m["Eenheid"][0] == "Directie Openbaar Vervoer en Spoor (totaal)"
    assert m.filter(pl.col("onderdrukt"))["Verzuimpercentage"].is_null().all()
