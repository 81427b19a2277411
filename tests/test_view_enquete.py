"""Medewerkersonderzoek view: respondent-weighted means computed by hand from the demo CSV, small
units suppressed everywhere (also in averages and in the figure JSON), the absence next to the
survey equal to the metrics API, and the correlation on the demo data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import statistics
from pathlib import Path

import pytest

from dashboard import catalogus, metrics
from dashboard.charts import enquete as grafieken
from dashboard.config import DEMO_DIR
from dashboard.format import tabel_tekst
from dashboard.hierarchy import laad_boom
from dashboard.periods import Maand, Periode
from dashboard.selectie import Selectie
from dashboard.views import Context, enquete

WORTEL = Path(__file__).parent.parent
SCHALEN = tuple(s.sleutel for s in catalogus.SCHALEN)


def demo_enquete() -> list[dict]:
    """The demo survey as the extract has it (';', Windows-1252, decimal comma)."""
    tekst = (DEMO_DIR / "enquete.csv").read_bytes().decode("cp1252")
    rijen = []
    for r in csv.DictReader(io.StringIO(tekst), delimiter=";"):
        rijen.append(
            {
                "meting": r["meting"],
                "eenheid": r["eenheid"],
                "n": int(r["respondenten"]),
                **{s: float(r[s].replace(",", ".")) for s in SCHALEN},
            }
        )
    return rijen


def gewogen(rijen: list[dict], schaal: str) -> float:
    return sum(r["n"] * r[schaal] for r in rijen) / sum(r["n"] for r in rijen)


@pytest.fixture(scope="module")
def boom(demo_store):
    return laad_boom(demo_store)


OKTOBER_2026 = Maand(2026, 10)


def ctx_voor(boom, eenheid: str, maand: Maand = OKTOBER_2026, taal: str = "nl") -> Context:
    return Context(boom, Selectie(boom.eenheden[eenheid].organisatie, eenheid, maand, taal=taal))


@pytest.fixture(scope="module")
def ro(demo_store, boom):
    """Directie Ruimtelijke Ordening, 2024: GO (134), OB (156) and IZ with 9 respondents."""
    return enquete.bouw(demo_store, ctx_voor(boom, "MLV-RWK-RO"))


@pytest.fixture(scope="module")
def mlv(demo_store, boom):
    return enquete.bouw(demo_store, ctx_voor(boom, "MLV"))


# -- waves -----------------------------------------------------------------------------------------


def test_metingen_en_de_meting_bij_de_maand(demo_store, boom):
    assert enquete.metingen(demo_store, ctx_voor(boom, "MLV")) == ("2020", "2022", "2024")
    # the latest wave not after the selected month's year
    assert enquete.standaard_meting(("2020", "2022", "2024"), Maand(2023, 6)) == "2022"
    assert enquete.standaard_meting(("2020", "2022", "2024"), Maand(2026, 10)) == "2024"
    assert enquete.standaard_meting(("2020", "2022"), Maand(2019, 1)) == "2022"
    assert enquete.jaar_van("najaar 2024") == 2024
    assert enquete.jaar_van("golf B") is None


def test_verzuimperiode_is_het_jaar_van_de_meting():
    assert enquete.verzuimperiode("2024", Maand(2026, 10)) == Periode(
        "2024", Maand(2024, 1), Maand(2024, 12)
    )
    # the year is not complete yet: the 12 months up to the last month with data
    assert enquete.verzuimperiode("2026", Maand(2026, 10)) == Periode(
        "2026", Maand(2025, 11), Maand(2026, 10)
    )
    assert enquete.verzuimperiode("2027", Maand(2026, 10)) is None
    assert enquete.verzuimperiode("golf B", Maand(2026, 10)) is None


def test_vorige_meting(ro, demo_store, boom):
    assert (ro.meting, ro.vorige) == ("2024", "2022")
    e = enquete.bouw(demo_store, ctx_voor(boom, "MLV-RWK-RO"), meting="2020")
    assert (e.meting, e.vorige) == ("2020", None)
    assert e.verzuim_periode == Periode("2020", Maand(2020, 1), Maand(2020, 12))


# -- respondent-weighted means, small units left out -----------------------------------------------


def test_directie_is_gewogen_gemiddelde_zonder_de_kleine_afdeling(ro):
    sel = ro.referenties.filter(ro.referenties["eenheid"] == "sel").row(0, named=True)
    # 2024: OB 156 × 2,43 + GO 134 × 2,90 = 379,08 + 388,60 = 767,68; / 290 = 2,647172...
    # IZ (9 respondents, werkdruk 3,00) counts nowhere; with it: 794,68 / 299 = 2,65779
    assert sel["respondenten"] == 290
    assert sel["score_werkdruk"] == pytest.approx(767.68 / 290)
    assert sel["score_werkdruk"] != pytest.approx(794.68 / 299)
    # uitputting: (156 × 1,99 + 134 × 2,37) / 290 = (310,44 + 317,58) / 290 = 628,02 / 290
    assert sel["score_uitputting"] == pytest.approx(628.02 / 290)
    # 2022: IZ had 10 respondents, so it counts: (132 × 2,48 + 142 × 2,83 + 10 × 2,69) / 284
    assert sel["vorige_werkdruk"] == pytest.approx((327.36 + 401.86 + 26.90) / 284)
    # the selected unit's cards carry the same numbers
    kaart = next(k for k in ro.kaarten if k.schaal.sleutel == "werkdruk")
    assert kaart.score == pytest.approx(767.68 / 290)
    assert kaart.verschil == pytest.approx(767.68 / 290 - 756.12 / 284)
    assert kaart.waarde() == "2,6"


def test_organisatie_is_gewogen_gemiddelde_van_de_csv(mlv):
    rijen = [
        r
        for r in demo_enquete()
        if r["meting"] == "2024" and r["eenheid"].startswith("MLV") and r["n"] >= 10
    ]
    org = mlv.referenties.row(0, named=True)
    assert org["respondenten"] == sum(r["n"] for r in rijen)
    for schaal in SCHALEN:
        assert org[f"score_{schaal}"] == pytest.approx(gewogen(rijen, schaal)), schaal


def test_afdelingen_tellen_op_tot_de_organisatie(mlv):
    # the units shown add up to the organisation: its score is their respondent-weighted mean
    getoond = mlv.eenheden.filter(~mlv.eenheden["onderdrukt"])
    org = mlv.referenties.row(0, named=True)
    assert getoond["respondenten"].sum() == org["respondenten"]
    for schaal in ("werkdruk", "bevlogenheid"):
        som = (getoond["respondenten"] * getoond[f"score_{schaal}"]).sum()
        assert som / getoond["respondenten"].sum() == pytest.approx(org[f"score_{schaal}"])
    # every department with its own data: 33, of which 4 under 10 respondents in 2024
    assert mlv.eenheden.height == 33
    assert sorted(mlv.eenheden.filter(mlv.eenheden["onderdrukt"])["eenheid"].to_list()) == [
        "MLV-BVU-CB-OP", "MLV-MOB-OV-RB", "MLV-RWK-KL-GE", "MLV-RWK-RO-IZ",
    ]  # fmt: skip


def test_onderliggende_eenheden_zijn_de_directoraten(demo_store, boom):
    e = enquete.bouw(demo_store, ctx_voor(boom, "MLV"), niveau="onderliggend")
    assert e.niveau == "onderliggend"
    assert e.niveaus == {"afdelingen": 33, "onderliggend": 3}
    assert set(e.eenheden["eenheid"].to_list()) == {"MLV-BVU", "MLV-MOB", "MLV-RWK"}
    mob = e.eenheden.filter(e.eenheden["eenheid"] == "MLV-MOB").row(0, named=True)
    rijen = [
        r
        for r in demo_enquete()
        if r["meting"] == "2024" and r["eenheid"].startswith("MLV-MOB-") and r["n"] >= 10
    ]
    assert mob["respondenten"] == sum(r["n"] for r in rijen)
    assert mob["score_steun_leidinggevende"] == pytest.approx(
        gewogen(rijen, "steun_leidinggevende")
    )
    # one department of MOB (RB, 5 respondents) was left out, and that is said
    assert mob["eenheden_onderdrukt"] == 1


def test_niveaus_die_samenvallen_worden_niet_twee_keer_aangeboden(demo_store, boom):
    # a directorate's children are its departments: one level only
    e = enquete.bouw(demo_store, ctx_voor(boom, "MLV-RWK-RO"), niveau="onderliggend")
    assert e.niveaus == {"afdelingen": 3}
    assert e.niveau == "afdelingen"


def test_minimum_respondenten_is_instelbaar(demo_store, boom, monkeypatch):
    e = enquete.bouw(demo_store, ctx_voor(boom, "MLV-RWK-RO"), min_respondenten=140)
    # only OB (156) remains: GO (134) and IZ (9) are suppressed and count in no average
    sel = e.referenties.filter(e.referenties["eenheid"] == "sel").row(0, named=True)
    assert sel["respondenten"] == 156
    assert sel["score_werkdruk"] == pytest.approx(2.43)
    monkeypatch.setenv("VERZUIMZICHT_MIN_RESPONDENTEN", "140")
    assert enquete.bouw(demo_store, ctx_voor(boom, "MLV-RWK-RO")).min_respondenten == 140


def test_eenheid_met_eigen_gegevens_en_onderdelen(maak_store):
    store, boom = maak_store(
        dt.date(2024, 12, 31),
        organisatie="""
        eenheid;naam;bovenliggende_eenheid
        ORG;Organisatie;
        A;Directie A;ORG
        A1;Afdeling A1;A
        A2;Afdeling A2;A
        B;Afdeling B;ORG
        """,
        enquete="""
        meting;eenheid;respondenten;werkdruk;autonomie
        2024;A;12;3,0;3,5
        2024;A1;20;2,0;4,0
        2024;A2;5;5,0;1,0
        2024;B;30;4,0;2,0
        """,
    )
    ctx = Context(boom, Selectie("ORG", "A", Maand(2024, 12)))
    e = enquete.bouw(store, ctx, meting="2024", niveau="onderliggend")
    rijen = {r["naam"]: r for r in e.eenheden.iter_rows(named=True)}
    # A's own respondents are a part next to its children; A2 (5) is suppressed
    assert set(rijen) == {"Afdeling A1", "Afdeling A2", "Directie A (direct)"}
    assert rijen["Afdeling A2"]["onderdrukt"] and rijen["Afdeling A2"]["score_werkdruk"] is None
    sel = e.referenties.filter(e.referenties["eenheid"] == "sel").row(0, named=True)
    # (12 × 3,0 + 20 × 2,0) / 32 = 76 / 32 = 2,375
    assert sel["score_werkdruk"] == pytest.approx(76 / 32)
    org = e.referenties.row(0, named=True)
    # (12 × 3,0 + 20 × 2,0 + 30 × 4,0) / 62 = 196 / 62
    assert org["score_werkdruk"] == pytest.approx(196 / 62)


# -- privacy in figures and tables -----------------------------------------------------------------


def test_onderdrukte_afdeling_heeft_nergens_een_score(ro, boom):
    ctx = ctx_voor(boom, "MLV-RWK-RO")
    iz = ro.eenheden.filter(ro.eenheden["eenheid"] == "MLV-RWK-RO-IZ").row(0, named=True)
    assert iz["onderdrukt"]
    assert iz["respondenten"] is None
    assert all(v is None for k, v in iz.items() if k.startswith(("score_", "vorige_")))
    for modus in ("score", "verschil"):
        spec = json.loads(grafieken.scores(ro, ctx, modus=modus).figuur.to_json())
        ticks = spec["layout"]["yaxis"]["ticktext"]
        i = next(k for k, tekst in enumerate(ticks) if "Internationale Zaken" in tekst)
        assert "n < 10" in ticks[i] and "n = " not in ticks[i]
        sporen = {tr["name"]: tr for tr in spec["data"]}
        hoofd, grijs = sporen[""], sporen["< 10"]
        assert hoofd["z"][i] == [None] * 8
        assert hoofd["text"][i] == [""] * 8 and hoofd["hovertext"][i] == [""] * 8
        assert grijs["text"][i] == ["< 10"] * 8
        for tr in spec["data"]:
            for tekst in [*tr["text"][i], *tr["hovertext"][i]]:
                # nothing but the threshold: no score, no respondent count
                assert not any(c.isdigit() for c in tekst.replace("10", "")), tekst
    for fig in (
        grafieken.eisen_hulpbronnen(ro, ctx).figuur,
        grafieken.schaal_verzuim(ro, ctx).figuur,
    ):
        assert "Internationale Zaken" not in fig.to_json()


def test_figuren_van_de_organisatie_zonder_kleine_afdelingen(mlv, boom):
    ctx = ctx_voor(boom, "MLV")
    klein = {"Reizigersbelangen", "Geluid en Externe Veiligheid", "Operationele Paraatheid"}
    for fig in (
        grafieken.eisen_hulpbronnen(mlv, ctx).figuur,
        grafieken.schaal_verzuim(mlv, ctx).figuur,
    ):
        tekst = fig.to_json()
        assert not any(naam in tekst for naam in klein)
    # the heat map shows them, grey, with '< 10' and no number
    spec = json.loads(grafieken.scores(mlv, ctx).figuur.to_json())
    grijs = next(tr for tr in spec["data"] if tr["name"] == "< 10")
    rijen = [i for i, r in enumerate(grijs["text"]) if r[0] == "< 10"]
    assert len(rijen) == 4
    hoofd = spec["data"][0]
    assert all(all(v is None for v in hoofd["z"][i]) for i in rijen)


def test_tabel_toont_onderdrukte_afdeling_als_kleiner_dan_10(ro, boom):
    tabel = grafieken.scores(ro, ctx_voor(boom, "MLV-RWK-RO")).tabel
    assert tabel is not None
    assert tabel.columns[:3] == ["Eenheid", "Respondenten", "Score werkdruk"]
    assert tabel["Eenheid"].to_list()[:2] == [
        "Gemiddelde Ministerie van Leefomgeving en Vervoer",
        "Gemiddelde Directie Ruimtelijke Ordening",
    ]
    iz = tabel.filter(tabel["Eenheid"] == "Afdeling Internationale Zaken")
    assert iz["onderdrukt"].to_list() == [True]
    assert all(iz[c][0] is None for c in tabel.columns if c not in ("Eenheid", "onderdrukt"))
    weergave = tabel_tekst(tabel, "nl").filter(
        tabel_tekst(tabel, "nl")["Eenheid"] == "Afdeling Internationale Zaken"
    )
    assert set(weergave.row(0)[1:]) == {"< 10"}
    # Dutch: one decimal with a comma
    ob = tabel_tekst(tabel, "nl").filter(
        tabel_tekst(tabel, "nl")["Eenheid"] == "Afdeling Omgevingsbeleid"
    )
    assert ob["Score werkdruk"].to_list() == ["2,4"]


# -- absence next to the survey --------------------------------------------------------------------


def test_verzuim_naast_de_enquete_is_dat_van_de_metrics_api(mlv, demo_store, boom):
    groepen = metrics.groepen(boom, ["MLV-BVU-IV-SD", "MLV-MOB-DI-DA"])
    api = metrics.kerncijfers(
        demo_store, boom, [Periode("2024", Maand(2024, 1), Maand(2024, 12))], groepen
    )
    verwacht = dict(zip(api["eenheid"].to_list(), api["verzuimpercentage"].to_list(), strict=True))
    for code, pct in verwacht.items():
        rij = mlv.eenheden.filter(mlv.eenheden["eenheid"] == code).row(0, named=True)
        assert rij["verzuimpercentage"] == pytest.approx(pct)


def test_samenhang_uitputting_en_verzuim_is_positief(mlv):
    s = mlv.samenhang["uitputting"]
    paren = mlv.eenheden.filter(
        ~mlv.eenheden["onderdrukt"] & ~mlv.eenheden["verzuim_onderdrukt"]
    ).select("score_uitputting", "verzuimpercentage")
    # independent check with the standard library; 26 of the 29 afdelingen: the absence of
    # three is hidden to protect a small sibling (the publication pattern)
    assert s.n == paren.height == 26
    assert s.r == pytest.approx(
        statistics.correlation(*[paren[c].to_list() for c in paren.columns])
    )
    assert s.r > 0.4
    assert s.laag is not None and s.hoog is not None and 0 < s.laag < s.r < s.hoog < 1
    # bevlogenheid goes the other way (data/demo/README.md)
    assert mlv.samenhang["bevlogenheid"].r < 0
    tekst = enquete.samenhang_tekst(mlv, "uitputting")
    assert "hoger verzuim" in tekst and "geen bewijs van oorzaak en gevolg" in tekst
    assert "r = 0,55" in tekst


def test_samenhang_niet_bij_te_weinig_eenheden(ro):
    assert "Te weinig afdelingen (2)" in enquete.samenhang_tekst(ro, "uitputting")


def test_kwadranten_tegen_het_gemiddelde_van_de_organisatie():
    assert enquete.kwadrant(3.0, 3.2, 2.6, 3.6) == "hoge eisen, weinig hulpbronnen"
    assert enquete.kwadrant(2.0, 3.9, 2.6, 3.6) == "lage eisen, veel hulpbronnen"
    assert enquete.kwadrant(None, 3.9, 2.6, 3.6) is None


def test_jdr_figuur_en_titels(mlv, boom):
    ctx = ctx_voor(boom, "MLV")
    spec = json.loads(grafieken.eisen_hulpbronnen(mlv, ctx).figuur.to_json())
    bollen = spec["data"][0]
    sd = mlv.eenheden.filter(mlv.eenheden["eenheid"] == "MLV-BVU-IV-SD").row(0, named=True)
    i = bollen["x"].index(sd["eisen"])
    assert bollen["y"][i] == pytest.approx(sd["hulpbronnen"])
    assert bollen["marker"]["size"][i] == sd["respondenten"] == 182
    assert bollen["marker"]["color"][i] == pytest.approx(sd["verzuimpercentage"])
    titel = spec["layout"]["title"]["text"]
    assert titel.startswith("<b>Hoge eisen en weinig hulpbronnen in 10 van 29 afdelingen")
    assert spec["layout"]["separators"] == ",."
    assert (
        "meting 2024 · verzuim jan 2024 – dec 2024" in spec["layout"]["title"]["subtitle"]["text"]
    )
    # the heat map's finding: the largest unfavourable deviation from the organisation average
    hm = grafieken.scores(mlv, ctx).figuur.layout.title.text.replace("<br>", " ")
    assert hm == "<b>Werkdruk het hoogst bij Afdeling ICT-Servicedesk: 3,6 tegen 3,0 gemiddeld</b>"


def test_engels(demo_store, boom):
    ctx = ctx_voor(boom, "MLV", taal="en")
    e = enquete.bouw(demo_store, ctx)
    assert e.kop.startswith("Employee survey 2024")
    fig = grafieken.schaal_verzuim(e, ctx).figuur
    assert fig.layout.title.text.startswith("<b>More exhaustion, higher absence")
    assert fig.layout.separators == ".,"


def test_grafieken_tonen_een_onderdrukte_rij_nooit_ook_niet_als_de_aanroeper_scores_meegeeft():
    # the chart builders guard themselves: a suppressed row that still carries numbers (a careless
    # caller) shows '< 10' and nothing else
    import polars as pl

    from dashboard.charts.enquete import heatmap, spreiding
    from dashboard.views import Kader

    kader = Kader("Titel", "Ondertitel", None, 0)

    def als_tekst(fig) -> str:
        # the figure without plotly's template (its colour scales are full of digits)
        spec = json.loads(fig.to_json())
        spec["layout"].pop("template", None)
        return json.dumps(spec, ensure_ascii=False)

    cellen = pl.DataFrame(
        {
            "rij": ["Gemiddelde X", "Klein"], "referentie": [True, False],
            "schaal": ["Werkdruk", "Werkdruk"], "groep": ["Taakeisen", "Taakeisen"],
            "richting": [-1, -1], "span": [4.0, 4.0], "score": [2.5, 3.21], "vorige": [2.4, 3.77],
            "verschil": [0.1, -0.56], "gemiddelde": [2.5, 2.5], "respondenten": [40, 7],
            "eenheden_onderdrukt": [1, 0], "onderdrukt": [False, True],
        }
    )  # fmt: skip
    for modus in ("score", "verschil"):
        tekst = als_tekst(heatmap.figuur(cellen, kader, modus=modus))
        for verboden in ("3,2", "3.21", "3,8", "3.77", "0,6", "0.56", "n = 7"):
            assert verboden not in tekst, (modus, verboden)
    frame = pl.DataFrame(
        {
            "naam": ["Groot", "Klein"], "respondenten": [40, 7], "onderdrukt": [False, True],
            "eisen": [2.5, 3.33], "hulpbronnen": [3.5, 2.22], "kwadrant": [None, None],
            "verzuimpercentage": [5.0, 9.99], "verzuim_onderdrukt": [False, False],
            "score_uitputting": [2.0, 3.33],
        }
    )  # fmt: skip
    for fig in (
        spreiding.eisen_hulpbronnen_figuur(
            frame, kader, ref_eisen=2.6, ref_hulpbronnen=3.6, org_code="X", eisen_schalen=[],
            hulpbron_schalen=[],
        ),
        spreiding.schaal_verzuim_figuur(
            frame, kader, kolom="score_uitputting", schaal_label="Uitputting",
            bereik_schaal=(1, 5), samenhang=None, verzuim_label="",
        ),
    ):  # fmt: skip
        tekst = als_tekst(fig)
        assert "Klein" not in tekst and "3.33" not in tekst and "9.99" not in tekst


def test_verandering_noemt_de_sterkste_verslechtering(mlv, boom):
    # Luchtvaart, uitputting: 2,38 (2022) -> 2,85 (2024), +0,47 on a 1-5 scale: the largest change
    # for the worse (data/demo/README.md: 'rising werkdruk and uitputting')
    g = grafieken.scores(mlv, ctx_voor(boom, "MLV"), modus="verschil")
    titel = g.figuur.layout.title.text.replace("<br>", " ")
    assert titel == (
        "<b>Uitputting het sterkst gestegen bij Afdeling Luchtvaart: van 2,4 naar 2,9 sinds 2022</b>"
    )
    lv = mlv.eenheden.filter(mlv.eenheden["eenheid"] == "MLV-MOB-LM-LV").row(0, named=True)
    assert lv["score_uitputting"] - lv["vorige_uitputting"] == pytest.approx(0.47)


def test_onzekere_samenhang_heet_geen_duidelijke_samenhang(demo_store, boom):
    # DG Mobiliteit: 9 departments, r = 0,25 with a 95% interval around 0
    ctx = ctx_voor(boom, "MLV-MOB")
    e = enquete.bouw(demo_store, ctx)
    s = e.samenhang["uitputting"]
    assert s.n == 9 and s.laag < 0 < s.hoog
    assert grafieken.schaal_verzuim(e, ctx).figuur.layout.title.text.startswith(
        "<b>Geen duidelijke samenhang tussen uitputting en verzuim"
    )
    assert "dat kan toeval zijn" in enquete.samenhang_tekst(e, "uitputting")


def test_organisatie_zonder_enquete(maak_store):
    store, boom = maak_store(
        dt.date(2024, 12, 31),
        organisatie="""
        eenheid;naam;bovenliggende_eenheid
        ORG;Organisatie;
        A;Afdeling A;ORG
        """,
    )
    ctx = Context(boom, Selectie("ORG", "ORG", Maand(2024, 12)))
    assert enquete.metingen(store, ctx) == ()
    e = enquete.bouw(store, ctx)
    assert e.meting is None and e.eenheden.height == 0 and e.zichtbaar == 0
    assert e.kop == "Medewerkersonderzoek: geen enquêtegegevens"
