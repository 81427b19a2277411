"""The committed demo extracts (data/demo/): they import cleanly and tell the intended story.

The store is built once per module through the normal import path; every number is read through
the metrics API, as the app and the CLI read it. The ranges are the calibration targets of
data/demo/README.md.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from dashboard import metrics
from dashboard.hierarchy import Boom, laad_boom
from dashboard.ingest.importer import Bestand, importeer
from dashboard.periods import Maand, Periode, perioden
from dashboard.store import Store
from data.demo import generate

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"
PEILDATUM = dt.date(2026, 10, 31)
JAREN = range(2019, 2026)
#: Yearly verzuimpercentage of the ministry (CBS sector O, rounded), each within ± 0.4.
DOEL_PERCENTAGE = {2019: 5.5, 2020: 5.1, 2021: 5.2, 2022: 6.1, 2023: 6.0, 2024: 6.1, 2025: 6.3}

Demo = tuple[Store, Boom]


def _importeer(personeel: str) -> Store:
    store = Store(":memory:")
    bestanden = [
        Bestand.van_pad("organisatie", DEMO / "organisatie.csv"),
        Bestand.van_pad("personeel", DEMO / personeel),
        Bestand.van_pad("verzuim", DEMO / "verzuim.csv"),
        Bestand.van_pad("enquete", DEMO / "enquete.csv"),
    ]
    resultaat = importeer(store, bestanden, peildatum=PEILDATUM, gebruiker="test")
    assert resultaat.geslaagd, resultaat.rapport
    assert resultaat.rapport.height == 0
    assert resultaat.meldingen == []  # not even a notice
    return store


@pytest.fixture(scope="module")
def demo() -> Demo:
    """The demo extracts with personeel.xlsx, imported once."""
    store = _importeer("personeel.xlsx")
    return store, laad_boom(store)


def _cijfers(
    demo: Demo,
    eenheden: Sequence[str],
    ps: Sequence[Periode],
    *,
    uitsplitsing: str | None = None,
    min_groep: int = 0,
) -> pl.DataFrame:
    store, boom = demo
    groepen = metrics.groepen(boom, list(eenheden))
    return metrics.kerncijfers(
        store, boom, ps, groepen, uitsplitsing=uitsplitsing, min_groep=min_groep
    )


def _jaar(j: int) -> Periode:
    return Periode(str(j), Maand(j, 1), Maand(j, 12))


def _waarde(frame: pl.DataFrame, kolom: str, **waar: str) -> float:
    rij = frame.filter(*[pl.col(k) == v for k, v in waar.items()])
    assert rij.height == 1, waar
    return float(rij[kolom][0])


def _lees_csv(naam: str) -> pl.DataFrame:
    tekst = (DEMO / naam).read_bytes().decode("cp1252")
    return pl.read_csv(io.StringIO(tekst), separator=";", infer_schema=False)


def _pilot(naam: str) -> dict[str, str]:
    return _lees_csv("pilots.csv").filter(pl.col("naam") == naam).row(0, named=True)


# -- the files -----------------------------------------------------------------------------------


def test_import_zonder_bevindingen(demo: Demo) -> None:
    store, boom = demo
    # no absence day outside employment, no unknown unit: every day counts somewhere
    assert store.frame("select * from bevinding").height == 0
    assert boom.organisaties == ["DUV", "MLV"]
    assert boom.peildatum == {"DUV": PEILDATUM, "MLV": PEILDATUM}


def test_hierarchie_van_het_ministerie(demo: Demo) -> None:
    _, boom = demo
    assert len(boom.op_niveau("MLV", 1)) == 3  # directorates-general
    assert 11 <= len(boom.op_niveau("MLV", 2)) <= 13  # directorates
    afdelingen = boom.op_niveau("MLV", 3)
    assert 28 <= len(afdelingen) <= 36
    bezetting = _cijfers(demo, afdelingen, [_jaar(2019)])["bezetting"]
    assert bezetting.min() >= 6 and bezetting.max() <= 260
    totaal = _cijfers(demo, ["MLV", "DUV"], [_jaar(2023)])
    assert 4300 <= _waarde(totaal, "bezetting", eenheid="MLV") <= 4900
    assert 750 <= _waarde(totaal, "bezetting", eenheid="DUV") <= 900


def test_pseudoniemen_en_datums() -> None:
    personeel = _lees_csv("personeel.csv")
    verzuim = _lees_csv("verzuim.csv")
    for frame in (personeel, verzuim):
        assert frame["medewerker_id"].str.contains(r"^M\d{6}$").all()
    assert verzuim["melding_id"].str.contains(r"^ZM\d{7}$").all()
    eerste = verzuim["eerste_verzuimdag"].str.to_date("%d-%m-%Y")
    assert eerste.min() >= dt.date(2019, 1, 1)
    assert eerste.max() <= PEILDATUM
    assert personeel["begindatum"].str.to_date("%d-%m-%Y").min() == dt.date(2019, 1, 1)
    assert set(personeel["leeftijdsklasse"]) == {"15-24", "25-34", "35-44", "45-54", "55-64", "65+"}
    assert set(personeel["geslacht"]) == {"m", "v", "x"}
    factoren = personeel["deeltijdfactor"].value_counts().sort("count", descending=True)
    assert factoren["deeltijdfactor"][0] == "1,00"  # most work full time
    assert {"0,80", "0,90", "0,50"} <= set(factoren["deeltijdfactor"])


def test_zwangerschap_en_arbeidsongeval() -> None:
    verzuim = _lees_csv("verzuim.csv").with_columns(
        pl.col("eerste_verzuimdag").str.to_date("%d-%m-%Y").alias("begin"),
        pl.col("laatste_verzuimdag").str.to_date("%d-%m-%Y").alias("eind"),
    )
    zwanger = verzuim.filter(pl.col("verzuimsoort") == "zwangerschap")
    assert zwanger.height >= 100
    duur = zwanger.drop_nulls("eind").select((pl.col("eind") - pl.col("begin")).dt.total_days() + 1)
    assert (duur.to_series() == 112).mean() > 0.9  # 16 weeks, unless employment ended
    personeel = _lees_csv("personeel.csv").with_columns(
        pl.col("begindatum").str.to_date("%d-%m-%Y"),
        pl.col("einddatum").str.to_date("%d-%m-%Y").fill_null(PEILDATUM),
    )
    wie = zwanger.join(personeel, on="medewerker_id").filter(
        pl.col("begin").is_between(pl.col("begindatum"), pl.col("einddatum"))
    )
    assert wie.height == zwanger.height
    assert set(wie["geslacht"]) == {"v"}
    assert set(wie["leeftijdsklasse"]) <= {"25-34", "35-44", "45-54"}  # 25-44 at the start
    assert verzuim.filter(pl.col("verzuimsoort") == "arbeidsongeval").height >= 50


def test_deelherstel_als_fasen() -> None:
    verzuim = _lees_csv("verzuim.csv")
    fasen = verzuim.group_by("melding_id").agg(pl.len().alias("n"), pl.col("ao_percentage"))
    meerdere = fasen.filter(pl.col("n") > 1)
    assert meerdere.height > 1000
    # the first phase is the full incapacity, later phases are lower
    percentages = meerdere["ao_percentage"].to_list()
    assert all(p[0] == "100" and "100" not in p[1:] for p in percentages)
    assert verzuim["laatste_verzuimdag"].is_null().sum() > 100  # open spells


def test_pilots_csv_verwijst_naar_bestaande_eenheden(demo: Demo) -> None:
    _, boom = demo
    pilots = _lees_csv("pilots.csv")
    assert pilots.columns == list(generate.PILOTS_KOP)
    for rij in pilots.iter_rows(named=True):
        begin = dt.datetime.strptime(rij["begin"], "%d-%m-%Y").date()
        eind = dt.datetime.strptime(rij["eind"], "%d-%m-%Y").date()
        assert begin < eind <= PEILDATUM
        for code in rij["pilot_eenheden"].split("|") + rij["vergelijk_eenheden"].split("|"):
            assert code in boom.eenheden


# -- calibration ---------------------------------------------------------------------------------


def test_verzuimpercentage_per_jaar(demo: Demo) -> None:
    frame = _cijfers(demo, ["MLV"], [_jaar(j) for j in JAREN])
    for j, doel in DOEL_PERCENTAGE.items():
        assert abs(_waarde(frame, "verzuimpercentage", periode=str(j)) - doel) <= 0.4, j


def test_meldingsfrequentie_per_jaar(demo: Demo) -> None:
    frame = _cijfers(demo, ["MLV"], [_jaar(j) for j in JAREN])
    assert frame["meldingsfrequentie"].is_between(1.0, 1.6).all(), frame["meldingsfrequentie"]
    # covid: fewer reports in 2020-2021 than before and after
    f = dict(zip(frame["periode"], frame["meldingsfrequentie"], strict=True))
    assert max(f["2020"], f["2021"]) < min(f["2019"], f["2022"], f["2023"])


def test_duurklassen_van_beeindigde_meldingen(demo: Demo) -> None:
    rij = _cijfers(demo, ["MLV"], [Periode("2019-2025", Maand(2019, 1), Maand(2025, 12))])
    totaal = rij["beeindigd"][0]
    aandeel = {k: 100 * rij[f"beeindigd_{k}"][0] / totaal for k in metrics.DUURKLASSEN}
    assert 55 <= aandeel["kort"] <= 60, aandeel
    assert 27 <= aandeel["middellang"] <= 33, aandeel
    assert 10 <= aandeel["lang"] <= 13, aandeel
    assert 0.6 <= aandeel["extra_lang"] <= 1.5, aandeel


def test_corona_minder_korte_meer_lange_meldingen(demo: Demo) -> None:
    frame = _cijfers(demo, ["MLV"], [_jaar(j) for j in JAREN])
    frame = frame.with_columns((pl.col("beeindigd_kort") / pl.col("beeindigd")).alias("kort"))
    kort = dict(zip(frame["periode"], frame["kort"], strict=True))
    duur = dict(zip(frame["periode"], frame["gem_verzuimduur"], strict=True))
    for j in ("2020", "2021"):
        assert kort[j] < min(kort["2019"], kort["2022"]), j
        assert duur[j] > max(duur["2019"], duur["2022"]), j


def test_seizoen_en_omikron(demo: Demo) -> None:
    kwartalen = perioden(Maand(2019, 1), Maand(2025, 12), "kwartaal")
    frame = _cijfers(demo, ["MLV"], kwartalen)
    pct = dict(zip(frame["periode"], frame["verzuimpercentage"], strict=True))
    winter_hoger = [
        min(pct[f"{j}-K1"], pct[f"{j}-K4"]) > max(pct[f"{j}-K2"], pct[f"{j}-K3"]) for j in JAREN
    ]
    assert sum(winter_hoger) >= 6, pct
    assert max(pct, key=lambda k: pct[k]) == "2022-K1"  # the Omicron peak


def test_ouderen_minder_vaak_maar_langer(demo: Demo) -> None:
    frame = _cijfers(
        demo, ["MLV"], [Periode("2019-2025", Maand(2019, 1), Maand(2025, 12))],
        uitsplitsing="leeftijdsklasse",
    )  # fmt: skip
    jong, oud = frame.filter(pl.col("deel") == "25-34"), frame.filter(pl.col("deel") == "55-64")
    assert oud["meldingsfrequentie"][0] < 0.85 * jong["meldingsfrequentie"][0]
    assert oud["gem_verzuimduur"][0] > 1.5 * jong["gem_verzuimduur"][0]


# -- departments that differ for a reason --------------------------------------------------------


def test_kleine_afdelingen_worden_onderdrukt(demo: Demo) -> None:
    _, boom = demo
    afdelingen = boom.op_niveau("MLV", 3) + boom.op_niveau("DUV", 1)
    frame = _cijfers(demo, afdelingen, [_jaar(2025)], min_groep=10)
    onderdrukt = frame.filter(pl.col("onderdrukt"))
    assert onderdrukt["verzuimpercentage"].is_null().all()
    klein = onderdrukt.filter(pl.col("reden_onderdrukt") == "klein")
    assert klein.height >= 3
    open_ = _cijfers(demo, klein["eenheid"].to_list(), [_jaar(2025)])
    assert (open_["bezetting"] < 10).all() and (open_["bezetting"] > 0).all()
    # the others are hidden to protect a small one elsewhere: each is large itself
    beschermd = onderdrukt.filter(pl.col("reden_onderdrukt") == "bescherming")
    assert beschermd.height >= 3
    open_ = _cijfers(demo, beschermd["eenheid"].to_list(), [_jaar(2025)])
    assert (open_["bezetting"] >= 10).all()


def test_hoog_en_laag_verzuim_met_een_reden(demo: Demo) -> None:
    periode = [Periode("2019-2025", Maand(2019, 1), Maand(2025, 12))]
    pct = dict(
        _cijfers(demo, ["MLV", "MLV-BVU-FZ-FD", "MLV-BVU-IV-SD", "MLV-RWK-RO-OB", "MLV-MOB-DI-DA"],
                 periode).select("eenheid", "verzuimpercentage").iter_rows()
    )  # fmt: skip
    for hoog in ("MLV-BVU-FZ-FD", "MLV-BVU-IV-SD"):
        assert pct[hoog] > 1.2 * pct["MLV"], hoog
    for laag in ("MLV-RWK-RO-OB", "MLV-MOB-DI-DA"):
        assert pct[laag] < 0.85 * pct["MLV"], laag


def test_afdeling_met_oplopend_verzuim(demo: Demo) -> None:
    ps = [
        Periode("basis", Maand(2023, 1), Maand(2024, 12)),
        Periode("nu", Maand(2026, 1), Maand(2026, 10)),
    ]
    frame = _cijfers(demo, ["MLV-MOB-LM-LV"], ps)
    basis = _waarde(frame, "verzuimpercentage", periode="basis")
    assert _waarde(frame, "verzuimpercentage", periode="nu") > 1.4 * basis


# -- the pilot -----------------------------------------------------------------------------------

VOOR = Periode("2022", Maand(2022, 1), Maand(2022, 12))
NA = Periode("na", Maand(2023, 9), Maand(2024, 8))


def test_pilot_afdelingen_dalen(demo: Demo) -> None:
    pilot = _pilot("Focus op Inzetbaarheid")
    assert (pilot["begin"], pilot["eind"]) == ("01-02-2023", "31-08-2023")
    eenheden = pilot["pilot_eenheden"].split("|")
    assert len(eenheden) == 3
    frame = _cijfers(demo, eenheden, [_jaar(2021), VOOR, NA])
    dalingen = []
    for e in eenheden:
        voor = _waarde(frame, "meldingsfrequentie", eenheid=e, periode="2022")
        na = _waarde(frame, "meldingsfrequentie", eenheid=e, periode="na")
        # regression to the mean: selected after an unusually high 2022
        assert _waarde(frame, "meldingsfrequentie", eenheid=e, periode="2021") < 0.85 * voor
        dalingen.append(1 - na / voor)
    dalingen.sort()
    assert dalingen[0] >= 0.25 and dalingen[1] <= 0.35, dalingen
    assert 0.44 <= dalingen[2] <= 0.56, dalingen  # one department about halves


def test_vergelijkingsafdelingen_blijven_vlak(demo: Demo) -> None:
    eenheden = _pilot("Focus op Inzetbaarheid")["vergelijk_eenheden"].split("|")
    assert 3 <= len(eenheden) <= 4
    frame = _cijfers(demo, eenheden, [VOOR, NA])
    for e in eenheden:
        voor = _waarde(frame, "meldingsfrequentie", eenheid=e, periode="2022")
        na = _waarde(frame, "meldingsfrequentie", eenheid=e, periode="na")
        assert abs(na / voor - 1) <= 0.10, e
    # similar in size to the pilot departments
    bezetting = frame.filter(pl.col("periode") == "2022")["bezetting"]
    assert bezetting.is_between(120, 300).all()


def test_pilot_minder_frequent_verzuim(demo: Demo) -> None:
    eenheden = _pilot("Focus op Inzetbaarheid")["pilot_eenheden"].split("|")
    store, boom = demo
    groep = [metrics.Groep("pilot", tuple(eenheden))]
    frame = metrics.kerncijfers(store, boom, [VOOR, NA], groep, min_groep=0)
    voor = _waarde(frame, "frequent_verzuim_pct", periode="2022")
    assert _waarde(frame, "frequent_verzuim_pct", periode="na") < 0.6 * voor


# -- the survey ----------------------------------------------------------------------------------


def test_enquete_hangt_samen_met_verzuim(demo: Demo) -> None:
    store, _ = demo
    enquete = store.frame(
        "select meting, eenheid, respondenten, schaal, score from enquete_rij"
    ).pivot(on="schaal", index=["meting", "eenheid", "respondenten"], values="score")
    assert set(enquete["meting"]) == {"2020", "2022", "2024"}
    assert (enquete["respondenten"] < 10).sum() >= 4  # some results must be suppressed
    assert enquete["bevlogenheid"].is_between(0, 6).all()
    assert enquete["uitputting"].is_between(1, 5).all()
    afdelingen = enquete["eenheid"].unique().sort().to_list()
    cijfers = _cijfers(demo, afdelingen, [_jaar(2020), _jaar(2022), _jaar(2024)])
    samen = cijfers.select(
        pl.col("periode").alias("meting"), "eenheid", "bezetting", "verzuimpercentage"
    ).join(enquete, on=["meting", "eenheid"])
    groot = samen.filter(pl.col("bezetting") >= 20)
    assert (
        groot.select(pl.col("respondenten") / pl.col("bezetting"))
        .to_series()
        .is_between(0.55, 0.8)
        .all()
    )
    for meting, deel in groot.filter(pl.col("respondenten") >= 10).group_by("meting"):
        r = deel.select(
            pl.corr("uitputting", "verzuimpercentage").alias("uitputting"),
            pl.corr("werkdruk", "verzuimpercentage").alias("werkdruk"),
            pl.corr("bevlogenheid", "verzuimpercentage").alias("bevlogenheid"),
        ).row(0, named=True)
        assert r["uitputting"] > 0.3 and r["werkdruk"] > 0.3, (meting, r)
        assert r["bevlogenheid"] < -0.2, (meting, r)


# -- xlsx and csv, and the generator -------------------------------------------------------------


def test_personeel_csv_geeft_dezelfde_cijfers(demo: Demo) -> None:
    store_csv = _importeer("personeel.csv")
    _, boom = demo
    eenheden = sorted(boom.eenheden)
    ps = perioden(Maand(2019, 1), Maand(2026, 10), "maand")
    uit_xlsx = _cijfers(demo, eenheden, ps)
    uit_csv = _cijfers((store_csv, laad_boom(store_csv)), eenheden, ps)
    assert_frame_equal(uit_xlsx, uit_csv)


def test_generator_schrijft_steeds_dezelfde_bestanden(tmp_path: Path) -> None:
    eerste = generate.genereer(tmp_path / "een")
    tweede = generate.genereer(tmp_path / "twee")
    assert [p.name for p in eerste] == list(generate.BESTANDEN)
    for a, b in zip(eerste, tweede, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
        assert a.read_bytes() == (DEMO / a.name).read_bytes(), f"{a.name}: run `make demo`"
