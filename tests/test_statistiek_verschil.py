"""The pilot page's description (dashboard.statistiek.verschil): the difference in differences
with its interval, φ of the units' changes, regression to the mean, by hand and on the demo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st_

from dashboard import metrics
from dashboard.hierarchy import Boom, laad_boom
from dashboard.periods import Maand, Periode
from dashboard.statistiek import verschil as st
from dashboard.store import Store
from dashboard.views.pilots import samenvatting

METRIEKEN: tuple[st.Metriek, ...] = ("verzuimpercentage", "meldingsfrequentie")


def test_winsorisatie_trekt_de_uitersten_in() -> None:
    # I = 10: ⌊0.1 × 10⌋ = 1 value each side; -4 becomes -2 (next lowest), 6 becomes 2.
    # winsorised squares: 8 × 4 + 2 × 0 = 32, φ = 32 / 10 = 3.2 (unwinsorised: 76 / 10 = 7.6)
    z = [-4.0, -2.0, -2.0, -2.0, 0.0, 0.0, 2.0, 2.0, 2.0, 6.0]
    assert st.winsoriseer(z) == [-2.0, -2.0, -2.0, -2.0, 0.0, 0.0, 2.0, 2.0, 2.0, 2.0]
    assert st.phi_uit_z(z) == pytest.approx(3.2)
    assert st.phi_uit_z([None, 0.5]) == 1.0  # never below 1; empty groups skipped


def _afdelingen_frame() -> pl.DataFrame:
    """A metrics-API-like frame: three units and one suppressed unit (metric columns null)."""
    return pl.DataFrame(
        {
            "periode": ["2025"] * 4,
            "eenheid": ["A", "B", "C", "D"],
            "bezetting": [100.0, 100.0, 100.0, None],
            "k": [12, 12, 12, 12],
            "beschikbare_dagen": [10_000.0, 10_000.0, 10_000.0, None],
            "verzuimdagen": [400.0, 500.0, 600.0, None],
            "verzuimpercentage": [4.0, 5.0, 6.0, None],
            "meldingen": [80.0, 100.0, 120.0, None],
            "meldingsfrequentie": [0.8, 1.0, 1.2, None],
            "onderdrukt": [False, False, False, True],
        }
    )


def _t(
    meldingen: float, persoonsjaren: float, dagen: float = 0, beschikbaar: float = 1
) -> st.Telling:
    return st.Telling(meldingen, persoonsjaren, dagen, beschikbaar)


def test_did_meldingsfrequentie_met_de_hand() -> None:
    # pilot 200 → 120 reports on 100 person-years (2.0 → 1.2), comparison 130 → 125 (1.3 → 1.25)
    # DiD = (1.2 − 2.0) − (1.25 − 1.3) = −0.75; var = (200 + 120 + 130 + 125) / 100² = 0.0575,
    # se = 0.239792, 1.96 × se = 0.469983: interval −1.219983 to −0.280017.
    # relative: (1.2 / 2.0) / (1.25 / 1.3) = 0.624, −37.6%; log-se = sqrt(1/200 + 1/120 + 1/130
    # + 1/125) = 0.170369, exp(log 0.624 ± 1.96 × 0.170369) − 1 = −55.3% to −12.9%
    e = st.verschil_in_verschillen(
        _t(200, 100), _t(120, 100), _t(130, 100), _t(125, 100), "meldingsfrequentie"
    )
    assert e is not None
    assert e.schatting == pytest.approx(-0.75)
    assert e.laag == pytest.approx(-1.219983, abs=1e-5)
    assert e.hoog == pytest.approx(-0.280017, abs=1e-5)
    assert e.relatief == pytest.approx(-37.6)
    assert e.relatief_laag == pytest.approx(-55.31, abs=0.01)
    assert e.relatief_hoog == pytest.approx(-12.87, abs=0.01)
    assert samenvatting.verschil_in_verschillen(e) == (
        "De meldingsfrequentie daalde in de pilotafdelingen 0,75 per jaar meer dan in de "
        "vergelijkingsafdelingen (95%-interval 0,28 tot 1,22). Dat verschil is groter dan "
        "toeval alleen aannemelijk maakt."
    )


def test_did_verzuimpercentage_met_phi_met_de_hand() -> None:
    # pilot 7% → 5%, comparison 6% → 6%, 10,000 days each: DiD = −2 pp. With φ = 10:
    # var = 10 × (.07 × .93 + .05 × .95 + .06 × .94 × 2) / 10,000 = 2.254e-4 → 2.254 pp²,
    # se = 1.50133 pp, 1.96 × se = 2.94255: −4.94 to 0.94, which holds 0
    e = st.verschil_in_verschillen(
        _t(0, 1, 700, 10_000),
        _t(0, 1, 500, 10_000),
        _t(0, 1, 600, 10_000),
        _t(0, 1, 600, 10_000),
        "verzuimpercentage",
        phi=10,
    )
    assert e is not None
    assert e.schatting == pytest.approx(-2.0)
    assert (e.laag, e.hoog) == pytest.approx((-4.94255, 0.94255), abs=1e-4)
    assert samenvatting.verschil_in_verschillen(e, pilot="de pilot").startswith(
        "Het verzuimpercentage daalde in de pilot 2,00 procentpunt meer dan in de "
        "vergelijkingsafdelingen (95%-interval -0,94 tot 4,94). Het interval bevat 0"
    )


@given(
    st_.integers(1, 5000),
    st_.floats(10, 5000),
    st_.floats(0.001, 0.3),
    st_.integers(1, 5000),
    st_.floats(10, 5000),
    st_.floats(0.001, 0.3),
    st_.floats(1, 50),
)
def test_did_van_gelijke_groepen_is_nul(
    o1: int, py1: float, p1: float, o2: int, py2: float, p2: float, phi: float
) -> None:
    # the same counts in pilot and comparison: no difference in differences
    voor = st.Telling(o1, py1, p1 * py1 * 365, py1 * 365)
    na = st.Telling(o2, py2, p2 * py2 * 365, py2 * 365)
    for metriek in METRIEKEN:
        e = st.verschil_in_verschillen(voor, na, voor, na, metriek, phi)
        assert e is not None
        assert e.schatting == pytest.approx(0, abs=1e-9)
        assert e.laag < 0 < e.hoog
        assert e.relatief == pytest.approx(0, abs=1e-9)
        assert "Het interval bevat 0" in samenvatting.verschil_in_verschillen(e)


def test_did_zonder_mensen_in_een_groep_geeft_geen_schatting() -> None:
    leeg = st.Telling(0, 0, 0, 0)
    for metriek in METRIEKEN:
        assert st.verschil_in_verschillen(_t(10, 10), leeg, _t(10, 10), _t(10, 10), metriek) is None


def test_phi_van_veranderingen_met_de_hand() -> None:
    # two units on 100 person-years: 100 → 120 and 100 → 80 reports. Pooled rates 1.0 and 1.0,
    # changes +0.2 and −0.2 against a pooled change 0; var = 1/100 + 1/100 = 0.02,
    # z = ±0.2 / 0.141421 = ±1.41421, φ = (2 + 2) / 2 = 2
    voor = [_t(100, 100), _t(100, 100), None]
    na = [_t(120, 100), _t(80, 100), _t(5, 5)]
    assert st.overdispersie_verandering(voor, na, "meldingsfrequentie") == pytest.approx(2.0)
    # equal changes everywhere: nothing beyond chance, φ = 1
    gelijk = [_t(100, 100, 500, 10_000), _t(50, 50, 300, 6_000)]
    assert st.overdispersie_verandering(gelijk, gelijk, "verzuimpercentage") == 1.0


def test_regressie_naar_het_gemiddelde_met_de_hand() -> None:
    # excess in the selection year 2.0 − 1.4 = 0.6, the year before 1.6 − 1.4 = 0.2.
    # ρ = 0.5 over m = 1 earlier year: ρ_1 = 2 × 0.5 / 1.5 = 2/3; lasting excess
    # 2/3 × mean(0.6, 0.2) = 0.26667; expected fall 0.6 − 0.26667 = 0.33333.
    # the observed DiD −0.5 leaves −0.5 + 0.33333 = −0.16667; share 0.33333 / 0.5 = 2/3
    r = st.regressie_naar_gemiddelde(2.0, 1.4, [1.6], [1.4], rho=0.5, effect=-0.5)
    assert r.verwachte_daling == pytest.approx(1 / 3)
    assert r.rest == pytest.approx(-1 / 6)
    assert r.aandeel == pytest.approx(2 / 3)
    assert r.geselecteerd_op_hoog
    waarschuwing = samenvatting.regressie_naar_gemiddelde(
        r, selectie=2.0, referentie=1.4, effect=-0.5
    )
    assert "regressie naar het gemiddelde" in waarschuwing
    assert "ongeveer 0,33 per jaar te verwachten" in waarschuwing
    assert "ongeveer 0,17 per jaar aan de pilot zelf" in waarschuwing
    # without ρ the year before is the lasting level: 0.6 − 0.2 = 0.4
    assert st.regressie_naar_gemiddelde(2.0, 1.4, [1.6], [1.4]).verwachte_daling == pytest.approx(
        0.4
    )
    # Barnett's (1 − ρ)(x − μ) when there are no earlier years: 0.5 × 0.6 = 0.3
    assert st.regressie_naar_gemiddelde(2.0, 1.4, rho=0.5).verwachte_daling == pytest.approx(0.3)


def test_geen_waarschuwing_zonder_selectie_op_hoog_verzuim() -> None:
    # the units were below the reference in the selection year
    r = st.regressie_naar_gemiddelde(1.2, 1.4, [1.3], [1.4], rho=0.5)
    assert not r.geselecteerd_op_hoog
    assert samenvatting.regressie_naar_gemiddelde(r, selectie=1.2, referentie=1.4) == ""
    assert r.verwachte_daling == 0.0
    # told explicitly that they were not chosen for a high value
    hoog = st.regressie_naar_gemiddelde(2.0, 1.4, [1.6], [1.4], geselecteerd_op_hoog=False)
    assert not hoog.geselecteerd_op_hoog
    assert samenvatting.regressie_naar_gemiddelde(hoog, selectie=2.0, referentie=1.4) == ""


def test_jaarcorrelatie() -> None:
    assert st.jaarcorrelatie([1, 2, 3, None], [2, 4, 6, 1]) == pytest.approx(1.0)
    assert st.jaarcorrelatie([1, 2, 3], [3, 2, 1]) == 0.0  # negative: no lasting level
    assert st.jaarcorrelatie([1, 2], [1, 2]) is None
    assert st.jaarcorrelatie([1, 1, 1], [1, 2, 3]) is None


def test_telling_laat_onderdrukte_rijen_weg() -> None:
    t = st.telling(_afdelingen_frame())
    # 300 reports; person-years 3 × 100 × 12 / 12 = 300; 1,500 of 30,000 days
    assert t == st.Telling(300, 300, 1500, 30_000)
    assert t.meldingsfrequentie == 1.0 and t.verzuimpercentage == pytest.approx(5.0)
    per = st.tellingen(_afdelingen_frame())
    assert per["D"] is None and per["A"] == st.Telling(80, 100, 400, 10_000)


# -- the demo data -------------------------------------------------------------------------------

PILOT = ["MLV-MOB-WV-WB", "MLV-MOB-WV-VM", "MLV-RWK-WB-WK"]
VERGELIJK = ["MLV-MOB-WV-VV", "MLV-MOB-LM-MZ", "MLV-RWK-WB-WV", "MLV-RWK-RO-GO"]
J2021 = Periode("2021", Maand(2021, 1), Maand(2021, 12))
VOOR = Periode("2022", Maand(2022, 1), Maand(2022, 12))
NA = Periode("na", Maand(2023, 9), Maand(2024, 8))

Demo = tuple[Store, Boom]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The demo store, built once for this module through the normal import path."""
    from dashboard.demo import bouw_demo_store

    pad: Path = tmp_path_factory.mktemp("statistiek") / "demo.duckdb"
    bouw_demo_store(pad)
    store = Store(pad, read_only=True)
    yield store, laad_boom(store)
    store.close()


def _afdelingen_mlv(demo: Demo, ps: list[Periode], min_groep: int = 10) -> pl.DataFrame:
    store, boom = demo
    groepen = metrics.groepen(boom, boom.op_niveau("MLV", 3))
    return metrics.kerncijfers(store, boom, ps, groepen, min_groep=min_groep, met_nulverzuim=False)


def _tellingen(demo: Demo, eenheden: list[str], p: Periode) -> st.Telling:
    store, boom = demo
    frame = metrics.kerncijfers(
        store, boom, [p], metrics.groepen(boom, eenheden), min_groep=0, met_nulverzuim=False
    )
    return st.telling(frame)


def test_demo_pilot_focus_op_inzetbaarheid(demo: Demo) -> None:
    pv, pn = _tellingen(demo, PILOT, VOOR), _tellingen(demo, PILOT, NA)
    vv, vn = _tellingen(demo, VERGELIJK, VOOR), _tellingen(demo, VERGELIJK, NA)
    # φ of the changes 2022 → after, over the departments outside the pilot
    afdelingen = _afdelingen_mlv(demo, [J2021, VOOR, NA])
    overig = afdelingen.filter(~pl.col("eenheid").is_in(PILOT))
    voor = st.tellingen(overig.filter(pl.col("periode") == "2022"))
    na = st.tellingen(overig.filter(pl.col("periode") == "na"))
    phi = st.overdispersie_verandering(
        [voor[e] for e in voor], [na[e] for e in voor], "meldingsfrequentie"
    )
    assert 1.0 <= phi < 2.0  # changes in reports are close to Poisson
    e = st.verschil_in_verschillen(pv, pn, vv, vn, "meldingsfrequentie", phi)
    assert e is not None
    # the README: pilot 2.04 → 1.26, comparison 1.26 → 1.24, so about −0.76 per year
    assert -0.85 < e.schatting < -0.65
    assert e.hoog < 0
    assert samenvatting.verschil_in_verschillen(e).startswith(
        "De meldingsfrequentie daalde in de pilotafdelingen 0,7"
    )

    # regression to the mean: ρ = the departments' 2021 → 2022 correlation (they were chosen
    # as departments); the reference is the whole ministry they were chosen from
    jaar21 = afdelingen.filter(pl.col("periode") == "2021").sort("eenheid")
    jaar22 = afdelingen.filter(pl.col("periode") == "2022").sort("eenheid")
    rho = st.jaarcorrelatie(
        jaar21["meldingsfrequentie"].to_list(), jaar22["meldingsfrequentie"].to_list()
    )
    assert rho is not None and 0.3 < rho < 0.95
    selectie = pv.meldingsfrequentie or 0
    referentie = _tellingen(demo, ["MLV"], VOOR).meldingsfrequentie or 0
    r = st.regressie_naar_gemiddelde(
        selectie,
        referentie,
        [_tellingen(demo, PILOT, J2021).meldingsfrequentie or 0],
        [_tellingen(demo, ["MLV"], J2021).meldingsfrequentie or 0],
        rho=rho,
        effect=e.schatting,
    )
    waarschuwing = samenvatting.regressie_naar_gemiddelde(
        r,
        selectie=selectie,
        referentie=referentie,
        effect=e.schatting,
        referentie_label="in het hele ministerie",
    )
    assert waarschuwing.startswith("Let op: de pilotafdelingen zijn gekozen")
    # regression explains a real part of the fall, but not all of it
    assert r.verwachte_daling is not None and 0.1 < r.verwachte_daling < -e.schatting
    assert r.rest is not None and r.rest < 0
