"""dashboard.statistics: hand-computed cases, properties, and the stories of the demo data."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st_

from dashboard import metrics
from dashboard import statistics as st
from dashboard.hierarchy import Boom, laad_boom
from dashboard.periods import Maand, Periode
from dashboard.store import Store
from dashboard.views.pilots import samenvatting

METRIEKEN: tuple[st.Metriek, ...] = ("verzuimpercentage", "meldingsfrequentie")

# -- overdispersion ------------------------------------------------------------------------------


def test_phi_van_drie_eenheden_met_de_hand() -> None:
    # p = 4%, 5%, 6% on 10,000 days each: pooled p0 = 5%, var0 = .05 × .95 / 10,000 = 4.75e-6,
    # z = ±0.01 / sqrt(4.75e-6), z² = 1e-4 / 4.75e-6 = 21.0526 (and 0 for the middle one);
    # I = 3, so ⌊0.1 × 3⌋ = 0 values are winsorised: φ = (2 × 21.0526) / 3 = 14.0351
    phi = st.overdispersie([0.04, 0.05, 0.06], [10_000, 10_000, 10_000])
    assert phi == pytest.approx(2 * (1e-4 / 4.75e-6) / 3)
    assert phi == pytest.approx(14.0351, abs=1e-4)


def test_winsorisatie_trekt_de_uitersten_in() -> None:
    # I = 10: ⌊0.1 × 10⌋ = 1 value each side; -4 becomes -2 (next lowest), 6 becomes 2.
    # winsorised squares: 8 × 4 + 2 × 0 = 32, φ = 32 / 10 = 3.2 (unwinsorised: 76 / 10 = 7.6)
    z = [-4.0, -2.0, -2.0, -2.0, 0.0, 0.0, 2.0, 2.0, 2.0, 6.0]
    assert st.winsoriseer(z) == [-2.0, -2.0, -2.0, -2.0, 0.0, 0.0, 2.0, 2.0, 2.0, 2.0]
    assert st.phi_uit_z(z) == pytest.approx(3.2)


def test_phi_slaat_lege_eenheden_over() -> None:
    # the same three units plus a suppressed one (None) and one without days: same φ
    phi = st.overdispersie([0.04, None, 0.05, 0.06, 0.05], [10_000, None, 10_000, 10_000, 0])
    assert phi == pytest.approx(14.0351, abs=1e-4)
    assert st.overdispersie([None], [None]) == 1.0


def test_phi_poisson_met_de_hand() -> None:
    # 80 and 120 reports on 100 person-years each: pooled rate 1.0, E = 100 each,
    # z = ±20 / 10 = ±2, φ = (4 + 4) / 2 = 4
    assert st.overdispersie_poisson([80, 120], [100, 100]) == pytest.approx(4.0)


@given(
    st_.lists(
        st_.tuples(st_.floats(0.001, 0.3), st_.floats(100, 1e6)),
        min_size=1,
        max_size=40,
    )
)
def test_phi_is_minstens_1(eenheden: list[tuple[float, float]]) -> None:
    assert st.overdispersie([p for p, _ in eenheden], [n for _, n in eenheden]) >= 1.0


# -- intervals -----------------------------------------------------------------------------------


def test_interval_percentage_met_de_hand() -> None:
    # p = 5% on 10,000 days, φ = 14.0351 (from the test above), z = 2:
    # φ × p(1-p) / n = 14.0351 × 4.75e-6 = 6.6667e-5, sqrt = 0.0081650, × 2 = 1.6330 pp
    phi = 2 * (1e-4 / 4.75e-6) / 3
    laag, hoog = st.interval_percentage(0.05, 10_000, phi, z=2)
    assert laag == pytest.approx(5 - 1.63299, abs=1e-4)
    assert hoog == pytest.approx(5 + 1.63299, abs=1e-4)


def test_interval_percentage_binnen_0_en_100_en_leeg_bij_null() -> None:
    laag, _ = st.interval_percentage(0.01, 50, phi=100)
    assert laag == 0.0
    assert st.interval_percentage(None, 1000) == (None, None)
    assert st.interval_percentage(0.05, None) == (None, None)
    assert st.interval_percentage(0.05, 0) == (None, None)


def test_byar_interval_met_de_hand() -> None:
    # O = 10, z = 1.96: 10 × (1 − 1/90 − 1.96 / (3√10))³ = 10 × 0.782286³ = 4.7873;
    # 11 × (1 − 1/99 + 1.96 / (3√11))³ = 11 × 1.186886³ = 18.3916
    # (the exact Garwood interval is 4.7954 to 18.3904)
    onder, boven = st.byar_interval(10, z=1.96)
    assert onder == pytest.approx(4.7873, abs=1e-3)
    assert boven == pytest.approx(18.3916, abs=1e-3)
    # as a rate: 10 reports in 8 person-years
    laag, hoog = st.interval_frequentie(10, 8, z=1.96)
    assert laag == pytest.approx(4.7873 / 8, abs=1e-3)
    assert hoog == pytest.approx(18.3916 / 8, abs=1e-3)


# -- funnel limits -------------------------------------------------------------------------------


def test_poissongrens_met_de_hand() -> None:
    # E = 100, z = 1.96: 100 ∓ 1.96 × 10 + (1.96² − 1) / 6 − 0.5 = 100 ∓ 19.6 + 0.4736 − 0.5
    # = 80.3736 and 119.5736 (the interpolated exact Poisson limits: 80.37 and 119.58)
    onder, boven = st.poisson_grenzen(100, z=1.96)
    assert onder == pytest.approx(80.3736, abs=1e-4)
    assert boven == pytest.approx(119.5736, abs=1e-4)
    # φ = 4 doubles the spread around E: 100 − 2 × 19.6264 and 100 + 2 × 19.5736
    onder, boven = st.poisson_grenzen(100, phi=4, z=1.96)
    assert onder == pytest.approx(100 - 2 * 19.6264, abs=1e-4)
    assert boven == pytest.approx(100 + 2 * 19.5736, abs=1e-4)


def _exacte_poissongrens(verwacht: float, kans: float) -> float:
    """Spiegelhalter's interpolated exact Poisson quantile (Stat Med 2005, appendix)."""
    r, cdf, vorige = 0, math.exp(-verwacht), 0.0
    while cdf < kans:
        r += 1
        vorige = cdf
        cdf += math.exp(r * math.log(verwacht) - verwacht - math.lgamma(r + 1))
    return max(0.0, r - (cdf - kans) / (cdf - vorige))


@pytest.mark.parametrize("verwacht", [0.5, 1, 2, 5, 10, 20, 50, 100, 500, 2000])
def test_poissongrenzen_volgen_de_exacte_grenzen(verwacht: float) -> None:
    for z, staart, marge in ((st.Z95, 0.025, 0.05), (st.Z998, 0.001, 0.25)):
        onder, boven = st.poisson_grenzen(verwacht, z=z)
        assert onder == pytest.approx(_exacte_poissongrens(verwacht, staart), abs=marge)
        assert boven == pytest.approx(_exacte_poissongrens(verwacht, 1 - staart), abs=marge)


@pytest.mark.parametrize("metriek", ["verzuimpercentage", "meldingsfrequentie"])
@pytest.mark.parametrize("phi", [1.0, 3.0, 100.0])
def test_funnel_verbreedt_bij_kleinere_eenheden(metriek: st.Metriek, phi: float) -> None:
    doel = 5.5 if metriek == "verzuimpercentage" else 1.2
    grootten = st.grootte_raster(5, 500_000, 40)
    grenzen = st.funnel_limieten(metriek, doel, grootten, phi)
    assert len(grenzen) == 40
    for klein, groot in pairwise(grenzen):
        assert klein.grootte < groot.grootte
        assert klein.boven_998 >= groot.boven_998 and klein.boven_95 >= groot.boven_95
        assert klein.onder_998 <= groot.onder_998 and klein.onder_95 <= groot.onder_95
    for g in grenzen:
        assert g.onder_998 <= g.onder_95 <= doel <= g.boven_95 <= g.boven_998


def test_funnelpositie_met_de_hand() -> None:
    # target 5% on 10,000 days: sd0 = sqrt(4.75e-6) = 0.0021794; a unit at 6.5%:
    # z = 0.015 / 0.0021794 = 6.8825; with φ = 4, z_φ = 3.4412 and the 99.8% upper limit is
    # 5 + 100 × 3.0902 × sqrt(4 × 4.75e-6) = 5 + 1.3470 = 6.3470 < 6.5: above both limits
    pos = st.funnel_positie("verzuimpercentage", 6.5, 10_000, 5.0, phi=4)
    assert pos.z == pytest.approx(6.8825, abs=1e-4)
    assert pos.z_phi == pytest.approx(3.4412, abs=1e-4)
    assert (pos.klasse_95, pos.klasse_998) == ("boven", "boven")
    # a unit at 6.2%: z_φ = 0.012 / 0.0043589 = 2.753, above the 95% but within the 99.8% limit
    pos = st.funnel_positie("verzuimpercentage", 6.2, 10_000, 5.0, phi=4)
    assert (pos.klasse_95, pos.klasse_998) == ("boven", "binnen")
    # 1 report per year on 100 person-years against 1.5: E = 150, O = 100; the 95% lower
    # limit is 150 − 1.96 × 12.247 + 0.4736 − 0.5 = 125.97 reports, so 'onder' at 95%;
    # the 99.8% limit: 150 − 37.846 + (9.5495 − 1) / 6 − 0.5 = 113.08, still 'onder'
    pos = st.funnel_positie("meldingsfrequentie", 1.0, 100, 1.5)
    assert pos.z == pytest.approx(-50 / math.sqrt(150))
    assert (pos.klasse_95, pos.klasse_998) == ("onder", "onder")
    assert st.funnel_positie("meldingsfrequentie", None, 100, 1.5).klasse_998 is None


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


def test_funnel_van_een_frame() -> None:
    f = st.funnel(_afdelingen_frame(), "verzuimpercentage")
    # pooled 1,500 / 30,000 = 5%; φ = 14.0351 as in the hand case above
    assert f.doel == pytest.approx(5.0)
    assert f.phi == pytest.approx(14.0351, abs=1e-4)
    eenheden = f.eenheden
    assert eenheden["z"].to_list()[:3] == pytest.approx([-4.5883, 0.0, 4.5883], abs=1e-4)
    assert eenheden["z"][3] is None and eenheden["klasse_998"][3] is None
    assert eenheden["klasse_998"].to_list()[:3] == ["binnen", "binnen", "binnen"]
    assert f.grenzen.height == 60
    assert f.grenzen["grootte"].min() == pytest.approx(8_000)
    assert f.grenzen["grootte"].max() == pytest.approx(12_000)
    # meldingen: 300 on 300 person-years (bezetting 100 × 12 / 12), z = ±2, φ = 8 / 3
    f = st.funnel(_afdelingen_frame(), "meldingsfrequentie")
    assert f.doel == pytest.approx(1.0)
    assert f.phi == pytest.approx(8 / 3)
    assert f.eenheden["grootte"].to_list()[:3] == [100.0, 100.0, 100.0]


def test_funnel_van_een_leeg_frame_geeft_geen_fout() -> None:
    leeg = _afdelingen_frame().filter(pl.col("onderdrukt"))
    f = st.funnel(leeg, "verzuimpercentage")
    assert f.doel is None and f.phi == 1.0 and f.grenzen.height == 0
    assert f.eenheden["klasse_95"].to_list() == [None]


def test_met_interval_per_periode() -> None:
    frame = pl.concat([_afdelingen_frame(), _afdelingen_frame().with_columns(periode=pl.lit("x"))])
    uit = st.met_interval(frame)
    assert uit.height == 8
    # per period: 5% ± 1.96 × sqrt(φ × 4.75e-6 / 0.05 × 0.05 ...) -- the middle unit: p = 5%,
    # φ × p(1−p)/n = 6.6667e-5 as in the hand case, 1.96 × 0.0081650 = 1.6003 pp
    midden = uit.filter(pl.col("eenheid") == "B")
    assert midden["verzuimpercentage_laag"].to_list() == pytest.approx([3.3997, 3.3997], abs=1e-3)
    assert uit.filter(pl.col("onderdrukt"))["verzuimpercentage_hoog"].to_list() == [None, None]
    freq = st.met_interval(_afdelingen_frame(), "meldingsfrequentie")
    assert freq["meldingsfrequentie_laag"][3] is None
    assert freq["meldingsfrequentie_phi"][0] == pytest.approx(8 / 3)


def test_met_interval_op_een_leeg_frame() -> None:
    leeg = st.met_interval(_afdelingen_frame().clear())
    assert leeg.height == 0
    assert {"verzuimpercentage_laag", "verzuimpercentage_hoog"} <= set(leeg.columns)


# -- SPC -----------------------------------------------------------------------------------------


def test_laney_met_de_hand() -> None:
    # 50, 60, 40, 50 days on 1,000 each: p̄ = 200 / 4,000 = 5%, σ_p = sqrt(.05 × .95 / 1000)
    # = 0.0068920; z = 0, +1.45095, −1.45095, 0; moving ranges 1.45095, 2.90191, 1.45095,
    # mean 1.93460, σ_z = 1.93460 / 1.128 = 1.71507; limits 5% ± 3 × 0.68920 × 1.71507
    # = 5 ± 3.5461 (percent)
    punten = st.laney([50, 60, 40, 50], [1000] * 4, basis=None)
    assert [p.p for p in punten] == pytest.approx([5.0, 6.0, 4.0, 5.0])
    assert punten[0].centrum == pytest.approx(5.0)
    assert punten[0].ondergrens == pytest.approx(5 - 3.5461, abs=1e-4)
    assert punten[0].bovengrens == pytest.approx(5 + 3.5461, abs=1e-4)
    assert [p.signaal for p in punten] == ["", "", "", ""]
    # σ_z as the SD of the z-scores: sqrt(2 × 1.45095² / 3) = 1.18470; 3 × 0.68920 × 1.18470
    # = 2.4495
    sd = st.laney([50, 60, 40, 50], [1000] * 4, basis=None, spreiding="sd")
    assert sd[0].bovengrens == pytest.approx(5 + 2.4495, abs=1e-4)


def test_laney_basisvenster_en_ontbrekende_maand() -> None:
    # baseline = the first 4 months (as above); a fifth month at 9% is outside 8.5461;
    # a missing month gets no limits and no signal, and does not raise
    punten = st.laney([50, 60, 40, 50, 90, None], [1000, 1000, 1000, 1000, 1000, None], basis=4)
    assert punten[4].centrum == pytest.approx(5.0)
    assert punten[4].signaal == st.SIGNAAL_BUITEN
    assert punten[5].p is None and punten[5].bovengrens is None and punten[5].signaal == ""
    assert st.laney([None, None], [None, None])[0].centrum is None


def test_signaalregels() -> None:
    geen = [None] * 12
    # 8 points above the centre: the 8th and later are labelled
    boven = st.signalen([1, 2, 1, 2, 1, 2, 1, 2, 1], 0, geen[:9], geen[:9])
    assert boven == [""] * 7 + [st.SIGNAAL_BOVEN] * 2
    # a point on the centre line breaks the run; a missing point too
    assert st.signalen([1] * 7 + [0] + [1] * 4, 0, geen, geen) == [""] * 12
    # the missing point breaks the run: only the 8th point after it completes one
    na_gat = st.signalen([-1] * 4 + [None] + [-1] * 8, 0, [None] * 13, [None] * 13)
    assert na_gat == [""] * 12 + [st.SIGNAAL_ONDER]
    # six points steadily rising (five steps), around the centre so no run of 8
    assert st.signalen([-3, -2, -1, 1, 2, 3], 0, geen[:6], geen[:6])[-1] == st.SIGNAAL_STIJGEND
    assert st.signalen([3, 2, 1, -1, -2], 0, geen[:5], geen[:5]) == [""] * 5
    assert st.signalen([3, 2, 1, -1, -2, -3], 0, geen[:6], geen[:6])[-1] == st.SIGNAAL_DALEND
    # outside the limits wins over a run
    assert st.signalen([1] * 8, 0, [-5] * 8, [0.5] * 8) == [st.SIGNAAL_BUITEN] * 8


def _reeks(rng: random.Random, niveaus: list[float], dagen: float = 6000) -> list[float]:
    """Monthly absence days with independent noise around each month's level (sd 0.4 pp)."""
    return [dagen * max(0.0, rng.gauss(p, 0.004)) for p in niveaus]


def test_geplante_stap_geeft_signalen() -> None:
    rng = random.Random(7)
    # 24 months at 5%, then 12 at 6.5%: a step of almost four times the month-to-month noise
    tellers = _reeks(rng, [0.05] * 24 + [0.065] * 12)
    punten = st.laney(tellers, [6000] * 36, basis=24)
    na = [p.signaal for p in punten[24:]]
    assert sum(1 for s in na if s) >= 10
    assert sum(1 for p in punten[:24] if p.signaal) <= 2


def test_vlakke_ruisreeks_geeft_zelden_een_signaal() -> None:
    gesignaleerd = totaal = 0
    for seed in range(30):
        rng = random.Random(seed)
        punten = st.laney(_reeks(rng, [0.05] * 48), [6000] * 48, basis=24)
        gesignaleerd += sum(1 for p in punten if p.signaal)
        totaal += len(punten)
    # independent noise: outside 3σ 0.3%, runs of 8 and trends of 6 a few percent of points
    assert gesignaleerd / totaal < 0.05


def test_spc_van_een_frame() -> None:
    frame = pl.DataFrame(
        {
            "periode": ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"],
            "verzuimdagen": [50.0, 60.0, 40.0, 50.0, None],
            "beschikbare_dagen": [1000.0, 1000.0, 1000.0, 1000.0, None],
            "onderdrukt": [False, False, False, False, True],
        }
    )
    uit = st.spc(frame, basis=None)
    assert uit["bovengrens"].to_list()[:4] == pytest.approx([8.5461] * 4, abs=1e-4)
    assert uit["bovengrens"][4] is None
    assert uit["signaal"].to_list() == [""] * 5


# -- pilots --------------------------------------------------------------------------------------


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


def test_demo_luchtvaart_geeft_spc_signaal_in_2025_2026(demo: Demo) -> None:
    _, boom = demo
    ps = metrics.periodes(
        boom, metrics.groepen(boom, ["MLV"]), Maand(2023, 1), Maand(2026, 12), "maand"
    )
    frame = _afdelingen_mlv(demo, ps)
    buiten_laat: dict[str, int] = {}
    for spreiding in ("mr", "sd"):
        for (eenheid,), reeks in frame.group_by("eenheid"):
            if reeks["onderdrukt"].any():
                continue
            kaart = st.spc(reeks.sort("periode"), basis=24, spreiding=spreiding)  # 2023-2024
            laat = kaart.filter(pl.col("periode") >= "2025-01")
            buiten_laat[str(eenheid)] = laat.filter(
                pl.col("verzuimpercentage") > pl.col("bovengrens")
            ).height
            if eenheid == "MLV-MOB-LM-LV":
                assert (laat["signaal"] != "").sum() >= 10, spreiding
                assert (kaart.filter(pl.col("periode") < "2025-01")["signaal"] != "").sum() <= 6
        # Luchtvaart climbs: more months above its upper limit than any other department
        hoogste = max(buiten_laat, key=lambda e: buiten_laat[e])
        assert hoogste == "MLV-MOB-LM-LV", (spreiding, buiten_laat)
        assert buiten_laat["MLV-MOB-LM-LV"] >= 6


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
