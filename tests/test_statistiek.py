"""dashboard.statistiek: hand-computed cases (the arithmetic in the comments), and comparisons with
statsmodels and scipy on simulated data whose truth is known."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.meta_analysis import combine_effects

from dashboard.statistiek import funnel as fn
from dashboard.statistiek import heterogeniteit as het
from dashboard.statistiek import persoon, pilot, samenhang, spc, vergelijk
from dashboard.statistiek.persoon import Z95, Persoonsommen


def _sommen(n: list[float], y: list[float]) -> Persoonsommen:
    a, b = np.asarray(n, float), np.asarray(y, float)
    return Persoonsommen(len(a), a.sum(), b.sum(), (b * b).sum(), (a * a).sum(), (a * b).sum())


# -- persons ---------------------------------------------------------------------------------------


def test_ratio_en_kwadratensom_met_de_hand() -> None:
    # persons n = 100, 200, 100 available days, y = 10, 0, 30 absence days: R = 40 / 400 = 0,1;
    # residuals y − R·n = 10 − 10, 0 − 20, 30 − 10 = 0, −20, 20: Σ² = 800;
    # from the sums: Σy² = 1000, Σyn = 1000 + 0 + 3000 = 4000, Σn² = 60 000:
    # 1000 − 2·0,1·4000 + 0,01·60 000 = 1000 − 800 + 600 = 800
    s = _sommen([100, 200, 100], [10, 0, 30])
    assert s.ratio == pytest.approx(0.1)
    assert s.kwadratensom() == pytest.approx(800)
    # ratio estimator: 800 / 400² × 3/2 = 0,0075
    assert s.ratio_variantie() == pytest.approx(0.0075)
    assert _sommen([100], [10]).ratio_variantie() is None


def test_ratio_variantie_is_de_cluster_robuuste_poisson_glm() -> None:
    # statsmodels: a Poisson GLM of the persons' days on their exposure, with the cluster-robust
    # covariance (each person a cluster; small-sample factor G/(G − 1) × (N − 1)/(N − K) =
    # 80/79 × 1), gives Var(log R̂); times R² it is the ratio estimator
    # Σ(y − R·n)² / (Σn)² × m/(m − 1)
    rng = np.random.default_rng(7)
    n = rng.choice([110.0, 220.0], 80)
    y = np.minimum(n, rng.poisson(0.8, 80) * rng.geometric(0.2, 80).astype(float))
    glm = sm.GLM(y, np.ones((80, 1)), family=sm.families.Poisson(), offset=np.log(n))
    uit = glm.fit(cov_type="cluster", cov_kwds={"groups": np.arange(80)})
    r = math.exp(uit.params[0])
    s = _sommen(list(n), list(y))
    assert r == pytest.approx(s.ratio)
    assert uit.cov_params()[0, 0] * r * r == pytest.approx(s.ratio_variantie(), rel=1e-9)


def test_dispersie_vindt_de_ware_kappa() -> None:
    # quasi-Poisson persons with known κ = 5: y = 5 × Poisson(R·n / 5) has mean R·n, variance 5·R·n
    rng = np.random.default_rng(3)
    groepen = []
    for rate in (0.04, 0.06, 0.05, 0.08):  # the groups' rates differ: κ must not see that
        n = rng.choice([100.0, 200.0], 3000)
        groepen.append(_sommen(list(n), list(5 * rng.poisson(rate * n / 5))))
    kappa = persoon.dispersie(groepen)
    assert kappa == pytest.approx(5, rel=0.05)
    assert persoon.dispersie([None, _sommen([100, 100], [0, 0])]) is None


def test_score_interval_met_de_hand() -> None:
    # r = 0,05 on exposure e = 400: q = 1,96² / 400 = 0,0096036; midpoint r + q/2 = 0,0548018;
    # margin sqrt(0,05 × 0,0096036 + 0,0096036²/4) = sqrt(0,00048018 + 0,00002306) = 0,022433
    laag, hoog = persoon.score_interval(0.05, 400)
    assert laag == pytest.approx(0.0548018 - 0.022433, abs=1e-6)
    assert hoog == pytest.approx(0.0548018 + 0.022433, abs=1e-6)
    # both bounds solve (r − R)² = z²·R/e
    for grens in (laag, hoog):
        assert (0.05 - grens) ** 2 == pytest.approx(Z95**2 * grens / 400, rel=1e-9)
    # no absence: [0, z²/e]
    assert persoon.score_interval(0.0, 400) == pytest.approx((0.0, Z95**2 / 400))


# -- heterogeneity ------------------------------------------------------------------------------


def test_cochran_en_tau2_met_de_hand() -> None:
    # y = 1, 2, 3 with variances 1, 1, 1: ȳ = 2, Q = 1 + 0 + 1 = 2 on 2 df, p = e^(−1) = 0,3679;
    # DL: τ² = (Q − df) / (Σw − Σw²/Σw) = (2 − 2) / (3 − 1) = 0
    q, df, p = het.cochran([1, 2, 3], [1, 1, 1])
    assert (q, df) == (2, 2)
    assert p == pytest.approx(math.exp(-1))
    # y = 0, 4 with variances 1, 1: ȳ = 2, Q = 4 + 4 = 8 on 1 df; τ² = (8 − 1) / (2 − 1) = 7
    h = het.schat([0, 4], [1, 1], fractie=0, minimum=2)
    assert h.tau2 == pytest.approx(7)
    assert h.bron == "eenheden"


def test_tau2_is_dersimonian_laird_van_statsmodels() -> None:
    rng = np.random.default_rng(11)
    v = rng.uniform(0.5, 3, 30)
    y = rng.normal(0, np.sqrt(v + 0.8))  # true τ² = 0,8
    h = het.schat(list(y), list(v), fractie=0)
    ref = combine_effects(y, v, method_re="dl")
    assert h.tau2 == pytest.approx(ref.tau2, rel=1e-9)
    assert h.q == pytest.approx(ref.q, rel=1e-9)


def test_geen_tau2_uit_minder_dan_15_eenheden() -> None:
    y, v = [0.0, 4.0, 1.0, 9.0] * 3, [1.0] * 12
    h = het.schat(y, v)
    assert h.bron == "geen" and h.tau2 == 0
    assert h.q is not None and h.p is not None  # the χ² test is still reported
    assert het.schat(y + y[:3], v + v[:3]).bron == "eenheden"  # 15 units


def test_winsoriseer_met_de_hand() -> None:
    # 10 values, 10%: the lowest (−9) to the next (1), the highest (20) to the next (8)
    assert het.winsoriseer([-9, 1, 2, 3, 4, 5, 6, 7, 8, 20]) == [1, 1, 2, 3, 4, 5, 6, 7, 8, 8]
    assert het.winsoriseer([3, 1, 2]) == [3, 1, 2]  # ⌊0,3⌋ = 0: nothing


def test_doorgeven_met_de_hand() -> None:
    # τ² = 2 among departments; a directorate of two equal halves: Σs² = 0,5, of one: 1;
    # mean 0,75: τ² = 1,5 for the directorates
    h = het.Heterogeniteit(2.0, 27, "eenheden")
    d = het.doorgeven(h, [[0.5, 0.5], [1.0]], niveau=3)
    assert d.tau2 == pytest.approx(1.5)
    assert (d.bron, d.niveau) == ("niveau", 3)
    assert het.doorgeven(het.GEEN, [[1.0]], 3) is het.GEEN


# -- funnel --------------------------------------------------------------------------------------


@pytest.mark.parametrize("z", [fn.Z95, fn.Z998])
def test_poisson_grenzen_volgen_de_exacte_kwantielen(z: float) -> None:
    # the normal limits with the skewness term against scipy's exact Poisson quantiles, as
    # Spiegelhalter interpolates them (the count where the cdf crosses the tail probability)
    alfa = stats.norm.sf(z)
    for e in (5.0, 20.0, 100.0, 1000.0):
        onder, boven = fn.poisson_grenzen(e, z)
        assert abs(boven - stats.poisson.ppf(1 - alfa, e)) <= 1.0
        assert abs(onder - stats.poisson.ppf(alfa, e)) <= 1.0


def test_grenzen_met_de_hand() -> None:
    # target 0,05 on effective exposure 10 000: count 500, Poisson limits
    # 500 ± 1,96·√500 + (1,96² − 1)/6 − 0,5 = 500 ± 43,827 + 0,4736 − 0,5: [456,147; 543,801];
    # half-widths /10 000: 0,0043853 and 0,0043801; with τ² = 1e-5: extra = 1,96² × 1e-5 =
    # 3,8415e-5, upper limit 0,05 + sqrt(0,0043801² + 3,8415e-5) = 0,05 + 0,0075903
    onder, boven = fn.grenzen(0.05, 10_000, 0.0)
    assert onder == pytest.approx(0.0456147, abs=1e-6)
    assert boven == pytest.approx(0.0543801, abs=1e-6)
    assert fn.grenzen(0.05, 10_000, 1e-5)[1] == pytest.approx(0.05 + 0.0075903, abs=1e-6)


def test_vergelijking_klassen_en_kolommen() -> None:
    # four units of 300 persons (too few for τ²): the one with 2,5 times the absence is flagged
    rng = np.random.default_rng(5)
    rijen = []
    for i, factor in enumerate((1.0, 1.0, 2.5, 1.0)):
        n = np.full(300, 220.0)
        y = np.minimum(n, rng.poisson(1.0 * factor, 300) * rng.geometric(0.15, 300))
        s = _sommen(list(n), list(y))
        rijen.append({"eenheid": f"E{i}", "onderdrukt": False, **vars(s)})
    rijen.append({"eenheid": "weg", "onderdrukt": True, **dict.fromkeys(persoon.SOMMEN)})
    v = vergelijk(pl.DataFrame(rijen), "dagen_per_persoon", schaal=100)
    assert v.heterogeniteit.bron == "geen"
    klassen = v.eenheden["klasse_998"].to_list()
    assert klassen[2] == "boven" and "boven" not in klassen[:2] + klassen[3:4]
    assert klassen[4] is None and v.eenheden["laag"][4] is None
    assert v.grenzen.height == 60
    with pytest.raises(ValueError):
        vergelijk(pl.DataFrame(rijen), "aandeel_personen")


# -- control chart -----------------------------------------------------------------------------


def test_seizoensfactoren_met_de_hand() -> None:
    # two years, the same pattern: January and February twice the other months' rate.
    # Each year: 10 months at 1, 2 at 2 of 100 → the year's rate 14/12 per 100; January's ratio
    # 2 / (14/12) = 1,7143, the others 0,8571; their mean is already 1
    maanden = {(j, m): (2.0 if m <= 2 else 1.0, 100.0) for j in (2022, 2023) for m in range(1, 13)}
    s = spc.seizoensfactoren(maanden)
    assert s is not None and s.jaren == (2022, 2023)
    assert s.factoren[0] == pytest.approx(24 / 14)
    assert s.factoren[5] == pytest.approx(12 / 14)
    # one whole year is not enough; months from `voor` on do not count
    assert spc.seizoensfactoren(maanden, (2023, 1)) is None


def test_laney_met_de_hand() -> None:
    # 4 months of 10 000 days, 500, 520, 480, 500 absence days, no seasons: centre 0,05;
    # binomial sd sqrt(0,05 × 0,95 / 10 000) = 0,0021794; z = 0, 0,9177, −0,9177, 0;
    # moving ranges 0,9177, 1,8353, 0,9177: mean 1,2236, σ_z = 1,2236 / 1,128 = 1,0847;
    # limits 0,05 ± 3 × 1,0847 × 0,0021794 = 0,05 ± 0,0070922 (in %: 4,2908 to 5,7092)
    punten = spc.laney([500, 520, 480, 500], [10_000] * 4, "dagen_per_persoon", schaal=100)
    assert punten[0].centrum == pytest.approx(5.0)
    assert punten[0].bovengrens == pytest.approx(5.70922, abs=1e-4)
    assert punten[0].ondergrens == pytest.approx(4.29078, abs=1e-4)
    assert [p.signaal for p in punten] == ["", "", "", ""]
    # with a seasonal factor 1,2 for the second month its expected value is 1,2 × the centre
    # (the centre: 2080 / (10 000 × (1 + 1,2 + 1 + 1)) = 0,049524)
    s = spc.laney([500, 600, 480, 500], [10_000] * 4, "dagen_per_persoon", factoren=[1, 1.2, 1, 1])
    assert s[1].verwacht == pytest.approx(1.2 * 2080 / 42_000)


def test_regels_met_de_hand() -> None:
    nul = [0.1, -0.1] * 6
    assert set(spc.regels(nul, nul)) == {""}
    # beyond 3σ
    assert spc.regels([0.1, 3.2, -0.1], [1, 2, 1])[1] == spc.BUITEN
    # two of three beyond 2σ on the same side: points 1 and 3 (not the middle one)
    assert spc.regels([0.1, 2.2, 0.5, 2.4, -0.1], [1, 3, 2, 3, 1]) == [
        "",
        spc.TWEE_VAN_DRIE,
        "",
        spc.TWEE_VAN_DRIE,
        "",
    ]
    # ... but not on opposite sides
    assert set(spc.regels([2.2, -2.2, 0.1], [2, 1, 2])) == {""}
    # a shift of 7 above the line; 6 is not enough
    zes = [0.5] * 6 + [-0.5]
    assert set(spc.regels(zes, [1, 2] * 3 + [1])) == {""}
    zeven = [0.5] * 7 + [-0.5]
    assert spc.regels(zeven, [1, 2] * 4) == [spc.VERSCHUIVING_BOVEN] * 7 + [""]
    # a trend of 7 points (6 steps) falling; 6 points is not enough
    z = [0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -0.1]
    assert spc.regels(z, [8, 7, 6, 5, 4, 3, 2, 9]) == [spc.DALEND] * 7 + [""]
    assert set(spc.regels(z[:6], [6, 5, 4, 3, 2, 1])) == {""}
    # a missing month ends every run
    assert set(spc.regels([0.5] * 3 + [None] + [0.5] * 4, [1, 2] * 4)) == {""}


def test_seizoenscyclus_geeft_geen_signaal_met_de_hand() -> None:
    # 24 months that follow the seasons exactly, with a ±0,5% wobble so the moving range is not 0
    # (its sign flips each month and each year, so the factors of two years average it out):
    # without seasonal adjustment the fall from February to August is a 7-point trend; with the
    # factors of two earlier years, nothing
    cyclus = [1.16, 1.12, 1.05, 0.98, 0.93, 0.90, 0.87, 0.88, 0.95, 1.02, 1.06, 1.08]
    gem = sum(cyclus) / 12
    cyclus = [c / gem for c in cyclus]
    teller = [500 * cyclus[i % 12] * (1.005 if (i + i // 12) % 2 else 0.995) for i in range(48)]
    noemer = [10_000.0] * 48
    maanden = {(2022 + i // 12, i % 12 + 1): (teller[i], noemer[i]) for i in range(48)}
    s = spc.seizoensfactoren(maanden, (2024, 1))
    assert s is not None
    f = [s.factoren[i % 12] for i in range(24)]
    gecorrigeerd = spc.laney(teller[24:], noemer[24:], "dagen_per_persoon", factoren=f)
    assert {p.signaal for p in gecorrigeerd} == {""}
    ruw = spc.laney(teller[24:], noemer[24:], "dagen_per_persoon")
    assert spc.DALEND in {p.signaal for p in ruw}


# -- pilot ---------------------------------------------------------------------------------------


def _eenheden(rng: np.random.Generator, effect: float = 1.0) -> list[pilot.Eenheidsniveaus]:
    mu = rng.normal(0.2, 0.15, 20)
    voor = mu + rng.normal(0, 0.1, 20)
    d = np.argsort(-voor)[:4]
    na = mu + rng.normal(0, 0.1, 20) + np.where(np.isin(np.arange(20), d), math.log(effect), 0)
    return [
        pilot.Eenheidsniveaus(f"E{i}", i in d, math.exp(na[i]), (math.exp(voor[i]),), 100.0 + i)
        for i in range(20)
    ]


def test_ancova_is_de_wls_van_statsmodels_met_de_hand_gecontroleerd() -> None:
    eenheden = _eenheden(np.random.default_rng(2), effect=0.7)
    uit = pilot.ancova(eenheden)
    assert uit is not None and uit.methode == "ancova"
    y = np.log([e.na for e in eenheden])
    x = np.column_stack(
        [np.ones(20), np.log([e.voor[0] for e in eenheden]), [e.pilot for e in eenheden]]
    )
    ref = sm.WLS(y, x, weights=[e.gewicht for e in eenheden]).fit()
    assert uit.delta == pytest.approx(ref.params[2])
    assert (uit.delta_laag, uit.delta_hoog) == pytest.approx(tuple(ref.conf_int()[2]))
    assert uit.vrijheidsgraden == 17
    # relative: exp(δ) − 1; absolute at a level after of 1,0: 1 − exp(−δ)... with the sign kept
    assert uit.relatief == pytest.approx(math.expm1(ref.params[2]))
    assert uit.absoluut(1.0)[0] == pytest.approx(-math.expm1(-ref.params[2]))


def test_permutatie_zonder_vrijheidsgraden_en_het_oordeel() -> None:
    # 4 units, 2 pilot, 2 levels before: the covariance analysis has 4 − 4 = 0 degrees of
    # freedom, so the permutation test answers; C(4, 2) = 6 assignments: p at least 1/6,
    # the interval cannot exclude 0 and the verdict is `onzeker`
    e = [
        pilot.Eenheidsniveaus("A", True, 1.0, (1.5, 1.6), 100),
        pilot.Eenheidsniveaus("B", True, 1.1, (1.4, 1.7), 100),
        pilot.Eenheidsniveaus("C", False, 1.3, (1.2, 1.3), 100),
        pilot.Eenheidsniveaus("D", False, 1.2, (1.1, 1.2), 100),
    ]
    uit = pilot.schat(e)
    assert uit is not None and uit.methode == "permutatie"
    assert uit.p is not None and uit.p >= 1 / 6
    assert uit.oordeel == "onzeker"
    # two units: nothing left to compare after the covariates
    assert pilot.schat(e[1:3]) is None
    assert pilot.oordeel(-0.5, -0.1) == "daling"
    assert pilot.oordeel(0.1, 0.5) == "stijging"
    assert pilot.oordeel(-0.1, None) == "onzeker"


# -- survey --------------------------------------------------------------------------------------


def test_pearson_en_sterkte() -> None:
    rng = np.random.default_rng(9)
    x = rng.normal(size=20)
    y = 0.6 * x + rng.normal(scale=0.8, size=20)
    c = samenhang.pearson(list(x), list(y))
    assert c.r is not None and c.r == pytest.approx(np.corrcoef(x, y)[0, 1])
    # Fisher: tanh(atanh(r) ± 1,96/√17)
    assert c.laag == pytest.approx(math.tanh(math.atanh(c.r) - Z95 / math.sqrt(17)), abs=1e-9)
    assert samenhang.sterkte(0.52, 0.8) == "sterk"
    assert samenhang.sterkte(0.26, 0.78) == "zwak"  # the audit's r 0,57: not 'sterk'
    assert samenhang.sterkte(0.31, 0.7) == "matig"
    assert samenhang.sterkte(-0.8, -0.55) == "sterk"
    assert samenhang.sterkte(-0.1, 0.6) == "onzeker"
    assert samenhang.pearson([1, 2], [3, 4]).r is None


def test_enquete_woorden_volgen_het_interval() -> None:
    # the audit: r 0,57 with interval 0,26 to 0,78 was called "sterke samenhang"; its bound
    # nearest to 0 is 0,26, so the survey page now says "zwak"
    from dashboard.views.enquete import teksten

    assert teksten.sterkte(0.57, 0.26, 0.78) == "zwak"
    assert teksten.sterkte(0.75, 0.55, 0.88) == "sterk"
    assert teksten.sterkte(-0.6, -0.8, -0.35) == "matig"
    assert teksten.sterkte(0.57) == "sterk"  # no interval known: by |r| as before
