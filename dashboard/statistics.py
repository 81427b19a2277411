"""Telling signal from noise (DESIGN 5): intervals, funnel limits, SPC charts and pilot effects.

The core functions take plain numbers (None = a suppressed or empty group: skipped, never an
error) and use only the standard library. The adapters at the end (`met_interval`, `funnel`,
`spc`, `telling`, `tellingen`) take a metrics-API frame, so a page can hand over what `kerncijfers` returned.

Methods and sources:
- Overdispersion (φ) and funnel limits: Spiegelhalter DJ (2005), "Funnel plots for comparing
  institutional performance", Stat Med 24:1185-1202, and "Handling over-dispersion of
  performance indicators", Qual Saf Health Care 14:347-351. Multiplicative φ from winsorised
  z-scores; the verzuimpercentage as a binomial proportion of available days.
- Poisson (meldingen): funnel limits by the normal approximation with a skewness term and a
  continuity correction (checked against the exact limits); intervals of an observed count by
  Byar's approximation (Breslow & Day 1987) of the exact Garwood interval.
- SPC: Laney DB (2002), "Improved control charts for attributes", Quality Engineering 14:531-537
  (the p′-chart), with the run and trend rules of Western Electric (1956) and Nelson (1984).
- Pilots: difference-in-differences with Poisson / overdispersed-binomial variances; regression
  to the mean after Barnett, van der Pols & Dobson (2005), "Regression to the mean: what it is
  and how to deal with it", Int J Epidemiol 34:215-220.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

import polars as pl

Getal = float | None
Metriek = Literal["verzuimpercentage", "meldingsfrequentie"]
Klasse = Literal["boven", "binnen", "onder"]

#: Two-sided normal quantiles: 95% and the 99.8% ("three sigma") funnel limits.
Z95 = 1.959963984540054
Z998 = 3.090232306167813
#: Spiegelhalter winsorises the z-scores at the 10% and 90% points before estimating φ.
WINSOR = 0.1
#: d2 for moving ranges of two points: sigma = mean moving range / 1.128.
D2 = 1.128
RUN = 8
TREND = 6

SIGNAAL_BUITEN = "buiten de grenzen"
SIGNAAL_BOVEN = f"{RUN} maanden boven het gemiddelde"
SIGNAAL_ONDER = f"{RUN} maanden onder het gemiddelde"
SIGNAAL_STIJGEND = f"{TREND} maanden stijgend"
SIGNAAL_DALEND = f"{TREND} maanden dalend"


def _getal(x: Getal) -> float | None:
    """x when it is a finite number; None for nulls and NaN (suppressed or empty groups)."""
    return x if x is not None and math.isfinite(x) else None


def _positief(x: Getal) -> float | None:
    """x when it is a finite number above 0 (a usable size or denominator)."""
    x = _getal(x)
    return x if x is not None and x > 0 else None


def _deel(teller: Getal, noemer: Getal) -> float | None:
    """teller / noemer, None when either is unknown or the denominator is not positive."""
    t, n = _getal(teller), _positief(noemer)
    return t / n if t is not None and n is not None else None


# -- overdispersion ------------------------------------------------------------------------------


def gepoold(tellers: Sequence[Getal], noemers: Sequence[Getal]) -> float | None:
    """Ratio of sums over the pairs where both are known and the denominator is positive."""
    som_t = som_n = 0.0
    for teller, noemer in zip(tellers, noemers, strict=True):
        t, n = _getal(teller), _positief(noemer)
        if t is not None and n is not None:
            som_t, som_n = som_t + t, som_n + n
    return som_t / som_n if som_n > 0 else None


def z_binomiaal(p: Getal, n: Getal, p0: float) -> float | None:
    """Spiegelhalter's z-score of a proportion p on n against target p0 (target's variance)."""
    p, n = _getal(p), _positief(n)
    if p is None or n is None or not 0 < p0 < 1:
        return None
    return (p - p0) / math.sqrt(p0 * (1 - p0) / n)


def z_poisson(waargenomen: Getal, verwacht: Getal) -> float | None:
    """z-score of an observed count against its expected count: (O - E) / sqrt(E)."""
    o, e = _getal(waargenomen), _positief(verwacht)
    if o is None or e is None:
        return None
    return (o - e) / math.sqrt(e)


def winsoriseer(z: Sequence[float], fractie: float = WINSOR) -> list[float]:
    """Pull the lowest and highest ⌊fractie·I⌋ values in to the next value inward."""
    k = math.floor(fractie * len(z))
    if k == 0:
        return list(z)
    gesorteerd = sorted(z)
    laag, hoog = gesorteerd[k], gesorteerd[-k - 1]
    return [min(max(w, laag), hoog) for w in z]


def phi_uit_z(z: Sequence[Getal], fractie: float = WINSOR) -> float:
    """Multiplicative overdispersion φ = mean of the winsorised squared z-scores, at least 1."""
    bekend = [w for w in map(_getal, z) if w is not None]
    if not bekend:
        return 1.0
    # floored at 1: a set of units less variable than chance is not evidence of underdispersion
    return max(1.0, statistics.fmean(w * w for w in winsoriseer(bekend, fractie)))


def overdispersie(p: Sequence[Getal], n: Sequence[Getal], p0: float | None = None) -> float:
    """φ of proportions p (fractions) on sizes n; target p0 defaults to the pooled proportion."""
    if p0 is None:
        tellers = [
            pi * ni if pi is not None and ni is not None else None
            for pi, ni in zip(p, n, strict=True)
        ]
        p0 = gepoold(tellers, n)
    if p0 is None:
        return 1.0
    return phi_uit_z([z_binomiaal(pi, ni, p0) for pi, ni in zip(p, n, strict=True)])


def overdispersie_poisson(
    aantallen: Sequence[Getal], blootstelling: Sequence[Getal], tempo0: float | None = None
) -> float:
    """φ of counts on exposures (person-years); expected = tempo0 × exposure, default pooled."""
    if tempo0 is None:
        tempo0 = gepoold(aantallen, blootstelling)
    if tempo0 is None:
        return 1.0
    z = []
    for o, e in zip(aantallen, blootstelling, strict=True):
        e = _getal(e)
        z.append(z_poisson(o, tempo0 * e) if e is not None else None)
    return phi_uit_z(z)


# -- intervals for ranking bars ------------------------------------------------------------------


def interval_percentage(
    p: Getal, n: Getal, phi: float = 1.0, z: float = Z95
) -> tuple[float | None, float | None]:
    """p ± z·sqrt(φ·p(1−p)/n) for a proportion p (fraction) on n days, in percent, in [0, 100].

    A Wald interval, as Spiegelhalter's normal approximation: with n in days it is accurate
    except for p at 0 or 1, where it has no width (a unit of ≥ 10 people never gets there in
    a year).
    """
    p, n = _getal(p), _positief(n)
    if p is None or n is None:
        return None, None
    marge = z * math.sqrt(phi * p * (1 - p) / n)
    return 100 * max(0.0, p - marge), 100 * min(1.0, p + marge)


def byar_interval(aantal: float, phi: float = 1.0, z: float = Z95) -> tuple[float, float]:
    """Confidence interval of a Poisson mean from an observed count (Byar), spread scaled by √φ.

    Byar's cube-root (Wilson-Hilferty) approximation of the exact Garwood interval:
    O(1 − 1/(9O) − z/(3√O))³ to (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
    """
    onder = 0.0
    if aantal > 0:
        onder = aantal * max(0.0, 1 - 1 / (9 * aantal) - z / (3 * math.sqrt(aantal))) ** 3
    o1 = aantal + 1
    boven = o1 * (1 - 1 / (9 * o1) + z / (3 * math.sqrt(o1))) ** 3
    schaal = math.sqrt(phi)
    return max(0.0, aantal - schaal * (aantal - onder)), aantal + schaal * (boven - aantal)


def poisson_grenzen(verwacht: float, phi: float = 1.0, z: float = Z95) -> tuple[float, float]:
    """Funnel limits for a count whose expected value is E, spread scaled by √φ.

    E ± z√E + (z² − 1)/6 − ½: the normal quantile, the first Cornish-Fisher term for the
    Poisson's skewness, and a half-count continuity correction. It stays within 0.05 count
    (95%) and 0.25 count (99.8%) of Spiegelhalter's interpolated exact Poisson limits for
    every E from 0.5 up; the tests check this. Overdispersion widens the spread around E by √φ,
    as in Spiegelhalter's multiplicative model.
    """
    schaal = math.sqrt(phi)

    def afwijking(zz: float) -> float:
        return zz * math.sqrt(verwacht) + (zz * zz - 1) / 6 - 0.5

    return max(0.0, verwacht + schaal * afwijking(-z)), verwacht + schaal * afwijking(z)


def interval_frequentie(
    meldingen: Getal, persoonsjaren: Getal, phi: float = 1.0, z: float = Z95
) -> tuple[float | None, float | None]:
    """Interval of a meldingsfrequentie (per year) from its count: Byar's, spread scaled by √φ."""
    o, py = _getal(meldingen), _positief(persoonsjaren)
    if o is None or py is None:
        return None, None
    onder, boven = byar_interval(o, phi, z)
    return onder / py, boven / py


# -- funnel plots --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Funnelgrens:
    """Funnel limits at one size, in the metric's units (percent, or reports per year)."""

    grootte: float
    onder_95: float
    boven_95: float
    onder_998: float
    boven_998: float


@dataclass(frozen=True)
class Funnelpositie:
    """Where one unit lies in the funnel; z_phi is its z-score divided by √φ."""

    z: float | None
    z_phi: float | None
    klasse_95: Klasse | None
    klasse_998: Klasse | None


def grootte_raster(kleinste: float, grootste: float, punten: int = 60) -> list[float]:
    """Sizes spaced evenly on a log scale, where the funnel bends most for the small units."""
    if kleinste <= 0 or grootste <= kleinste:
        return [grootste] if grootste > 0 else []
    punten = max(punten, 2)
    stap = math.log(grootste / kleinste) / (punten - 1)
    return [kleinste * math.exp(i * stap) for i in range(punten)]


def _grenzen(
    metriek: Metriek, doel: float, grootte: float, phi: float, z: float
) -> tuple[float, float]:
    """Lower and upper limit at one size, in the metric's units."""
    if metriek == "verzuimpercentage":
        p0 = doel / 100
        # normal approximation: with n in days (thousands and more) the binomial is symmetric
        marge = z * math.sqrt(phi * p0 * (1 - p0) / grootte)
        return 100 * max(0.0, p0 - marge), 100 * min(1.0, p0 + marge)
    onder, boven = poisson_grenzen(doel * grootte, phi, z)
    return onder / grootte, boven / grootte


def funnel_limieten(
    metriek: Metriek, doel: float, grootten: Sequence[float], phi: float = 1.0
) -> list[Funnelgrens]:
    """95% and 99.8% limits around `doel` for each size (available days, or person-years).

    verzuimpercentage: `doel` in percent, overdispersed binomial (normal approximation).
    meldingsfrequentie: `doel` per year, Poisson count limits (`poisson_grenzen`) divided by
    person-years.
    """
    result = []
    for n in grootten:
        if n <= 0:
            continue
        o95, b95 = _grenzen(metriek, doel, n, phi, Z95)
        o998, b998 = _grenzen(metriek, doel, n, phi, Z998)
        result.append(Funnelgrens(n, o95, b95, o998, b998))
    return result


def klasse(waarde: float, onder: float, boven: float) -> Klasse:
    """Position of a value against limits."""
    if waarde > boven:
        return "boven"
    if waarde < onder:
        return "onder"
    return "binnen"


def funnel_positie(
    metriek: Metriek, waarde: Getal, grootte: Getal, doel: float, phi: float = 1.0
) -> Funnelpositie:
    """z-score and position of one unit (value in the metric's units) against its own limits."""
    waarde, grootte = _getal(waarde), _positief(grootte)
    if waarde is None or grootte is None:
        return Funnelpositie(None, None, None, None)
    if metriek == "verzuimpercentage":
        z = z_binomiaal(waarde / 100, grootte, doel / 100)
    else:
        z = z_poisson(waarde * grootte, doel * grootte)
    g = funnel_limieten(metriek, doel, [grootte], phi)[0]
    # classified against the drawn limits (not by |z|), so the table always agrees with the plot
    return Funnelpositie(
        z,
        z / math.sqrt(phi) if z is not None else None,
        klasse(waarde, g.onder_95, g.boven_95),
        klasse(waarde, g.onder_998, g.boven_998),
    )


# -- SPC: Laney p′-chart -------------------------------------------------------------------------


@dataclass(frozen=True)
class SpcPunt:
    """One month of a p′-chart, in percent; signaal is a short Dutch label or empty."""

    p: float | None
    centrum: float | None
    ondergrens: float | None
    bovengrens: float | None
    signaal: str


def laney(
    tellers: Sequence[Getal],
    noemers: Sequence[Getal],
    basis: int | None = 24,
    spreiding: Literal["mr", "sd"] = "mr",
) -> list[SpcPunt]:
    """Laney p′-chart of monthly proportions (verzuimdagen / beschikbare dagen).

    Centre p̄ = pooled proportion over the first `basis` months (None: all); per month
    σ_p = sqrt(p̄(1−p̄)/n); σ_z = mean moving range of the baseline z-scores / 1.128; limits
    p̄ ± 3·σ_p·σ_z. σ_z carries the month-to-month variation that the binomial misses (clustered
    days), which a plain p-chart on n in days would flag as signals every month.

    `spreiding="sd"` takes σ_z as the standard deviation of the baseline z-scores instead.
    Monthly absence is autocorrelated (a long spell runs on into the next months; lag-1
    correlation about 0.5 in the demo), so moving ranges see only the short-term part of the
    variation and Laney's limits come out about a third too narrow there; the SD also holds
    seasonality and slow drift of the baseline, giving wider, more conservative limits.
    """
    eind = len(tellers) if basis is None else min(basis, len(tellers))
    p_bar = gepoold(tellers[:eind], noemers[:eind])
    p = [_deel(t, n) for t, n in zip(tellers, noemers, strict=True)]
    pct = [100 * w if w is not None else None for w in p]
    if p_bar is None or not 0 < p_bar < 1:
        return [SpcPunt(w, None, None, None, "") for w in pct]
    z = [z_binomiaal(pi, ni, p_bar) for pi, ni in zip(p, noemers, strict=True)]
    # a missing month breaks the chain of moving ranges rather than bridging the gap
    mr = [abs(b - a) for a, b in pairwise(z[:eind]) if a is not None and b is not None]
    sigma_z = statistics.fmean(mr) / D2 if mr else None
    if spreiding == "sd":
        basis_z = [w for w in z[:eind] if w is not None]
        sigma_z = statistics.stdev(basis_z) if len(basis_z) > 1 else None
    onder: list[float | None] = []
    boven: list[float | None] = []
    for noemer in noemers:
        ni = _positief(noemer)
        if sigma_z is None or ni is None:
            onder.append(None)
            boven.append(None)
            continue
        marge = 3 * math.sqrt(p_bar * (1 - p_bar) / ni) * sigma_z
        onder.append(100 * max(0.0, p_bar - marge))
        boven.append(100 * min(1.0, p_bar + marge))
    labels = signalen(pct, 100 * p_bar, onder, boven)
    return [
        SpcPunt(w, 100 * p_bar, o, b, s)
        for w, o, b, s in zip(pct, onder, boven, labels, strict=True)
    ]


def signalen(
    waarden: Sequence[Getal],
    centrum: float,
    onder: Sequence[Getal],
    boven: Sequence[Getal],
) -> list[str]:
    """Per point the strongest signal: outside the limits, a run of 8 on one side, 6 in a trend.

    A point is labelled when it completes (or extends) a run or trend; missing points break
    runs and trends, and a point on the centre line breaks a run.
    """
    labels = []
    kant = 0  # length of the current run; positive above the centre, negative below
    trend = 0  # consecutive increases (positive) or decreases (negative)
    vorige: float | None = None
    for w, o, b in zip(waarden, onder, boven, strict=True):
        if w is None:
            kant, trend, vorige = 0, 0, None
            labels.append("")
            continue
        teken = (w > centrum) - (w < centrum)
        kant = kant + teken if teken and kant * teken > 0 else teken
        stap = 0 if vorige is None else (w > vorige) - (w < vorige)
        trend = trend + stap if stap and trend * stap > 0 else stap
        vorige = w
        if (b is not None and w > b) or (o is not None and w < o):
            labels.append(SIGNAAL_BUITEN)
        elif abs(kant) >= RUN:
            labels.append(SIGNAAL_BOVEN if kant > 0 else SIGNAAL_ONDER)
        elif abs(trend) >= TREND - 1:  # six points make five steps
            labels.append(SIGNAAL_STIJGEND if trend > 0 else SIGNAAL_DALEND)
        else:
            labels.append("")
    return labels


# -- pilots: difference in differences -----------------------------------------------------------


@dataclass(frozen=True)
class Telling:
    """The counts of one group in one period, as the metrics are built from them."""

    meldingen: float
    persoonsjaren: float
    verzuimdagen: float
    beschikbare_dagen: float

    @property
    def meldingsfrequentie(self) -> float | None:
        """Reports per person-year (= meldingen / bezetting × 12 / k)."""
        return self.meldingen / self.persoonsjaren if self.persoonsjaren > 0 else None

    @property
    def verzuimpercentage(self) -> float | None:
        """100 × verzuimdagen / beschikbare dagen."""
        if self.beschikbare_dagen <= 0:
            return None
        return 100 * self.verzuimdagen / self.beschikbare_dagen


@dataclass(frozen=True)
class Effect:
    """A pilot effect: the difference in differences in the metric's units, and relative."""

    metriek: Metriek
    schatting: float
    laag: float
    hoog: float
    relatief: float | None
    relatief_laag: float | None
    relatief_hoog: float | None


def _waarde_en_variantie(
    t: Telling, metriek: Metriek, phi: float
) -> tuple[float, float, float] | None:
    """Level, its variance, and the variance of its log (inf when undefined); None if empty."""
    if metriek == "meldingsfrequentie":
        if t.persoonsjaren <= 0:
            return None
        r = t.meldingen / t.persoonsjaren
        # Poisson: var(O) = O, so var(O/PY) = O/PY², var(log r) = 1/O; φ for clustering
        var_log = phi / t.meldingen if t.meldingen > 0 else math.inf
        return r, phi * t.meldingen / t.persoonsjaren**2, var_log
    if t.beschikbare_dagen <= 0:
        return None
    p = t.verzuimdagen / t.beschikbare_dagen
    var_p = phi * p * (1 - p) / t.beschikbare_dagen
    var_log = phi * (1 - p) / (t.beschikbare_dagen * p) if p > 0 else math.inf
    return 100 * p, 100**2 * var_p, var_log


def _breuk(t: Telling, metriek: Metriek) -> tuple[float, float]:
    """Numerator and denominator of the metric (as a rate or a fraction, not in percent)."""
    if metriek == "meldingsfrequentie":
        return t.meldingen, t.persoonsjaren
    return t.verzuimdagen, t.beschikbare_dagen


def _variantie0(niveau0: float, noemer: float, metriek: Metriek) -> float:
    """Variance of a level at the target level (Poisson rate or binomial fraction)."""
    if metriek == "meldingsfrequentie":
        return niveau0 / noemer
    return niveau0 * (1 - niveau0) / noemer


def overdispersie_verandering(
    voor: Sequence[Telling | None], na: Sequence[Telling | None], metriek: Metriek
) -> float:
    """φ of the units' changes between two periods: the noise a difference in differences faces.

    Spiegelhalter's estimator applied to changes: z_i = (change_i − pooled change) / its sd at
    the pooled levels. Lasting differences between units cancel in a change, so for the
    verzuimpercentage this φ is far below the cross-sectional one. Leave the pilot units out:
    their change holds the effect being measured.
    """
    paren = [
        (_breuk(v, metriek), _breuk(n, metriek))
        for v, n in zip(voor, na, strict=True)
        if v is not None and n is not None
    ]
    paren = [(v, n) for v, n in paren if v[1] > 0 and n[1] > 0]
    if not paren:
        return 1.0
    b0 = sum(v[0] for v, _ in paren) / sum(v[1] for v, _ in paren)
    a0 = sum(n[0] for _, n in paren) / sum(n[1] for _, n in paren)
    z: list[Getal] = []
    for (tb, nb), (ta, na_) in paren:
        var = _variantie0(a0, na_, metriek) + _variantie0(b0, nb, metriek)
        z.append(((ta / na_ - tb / nb) - (a0 - b0)) / math.sqrt(var) if var > 0 else None)
    return phi_uit_z(z)


def verschil_in_verschillen(
    pilot_voor: Telling,
    pilot_na: Telling,
    vergelijk_voor: Telling,
    vergelijk_na: Telling,
    metriek: Metriek,
    phi: float = 1.0,
) -> Effect | None:
    """Difference in differences (pilot change − comparison change) with a 95% interval.

    Absolute: (after − before in the pilot) − (after − before in the comparison), in reports per
    year or percentage points; the four levels are independent, so the variances add (Poisson
    for meldingen, binomial on available days for the verzuimpercentage, both times φ). Relative:
    the ratio of the two after/before ratios, interval on the log scale. Take φ from
    `overdispersie_verandering` over the non-pilot units: absence days are clustered in spells,
    so the verzuimpercentage needs it (φ of tens); for meldingen it is usually near 1. The method
    assumes both groups would have changed alike without the pilot; it cannot see selection for
    high absence (see `regressie_naar_gemiddelde`). None when a group has no one in a period.
    """
    niveaus = [
        _waarde_en_variantie(t, metriek, phi)
        for t in (pilot_voor, pilot_na, vergelijk_voor, vergelijk_na)
    ]
    bekend = [n for n in niveaus if n is not None]
    if len(bekend) < len(niveaus):
        return None
    (pv, vpv, lpv), (pn, vpn, lpn), (vv, vvv, lvv), (vn, vvn, lvn) = bekend
    schatting = (pn - pv) - (vn - vv)
    marge = Z95 * math.sqrt(vpv + vpn + vvv + vvn)
    relatief = relatief_laag = relatief_hoog = None
    if min(pv, pn, vv, vn) > 0:
        log_rr = math.log(pn / pv) - math.log(vn / vv)
        log_marge = Z95 * math.sqrt(lpv + lpn + lvv + lvn)
        relatief = 100 * (math.exp(log_rr) - 1)
        relatief_laag = 100 * (math.exp(log_rr - log_marge) - 1)
        relatief_hoog = 100 * (math.exp(log_rr + log_marge) - 1)
    # in words: dashboard.views.pilots.samenvatting, and the page's own texts
    return Effect(
        metriek,
        schatting,
        schatting - marge,
        schatting + marge,
        relatief,
        relatief_laag,
        relatief_hoog,
    )


# -- pilots: regression to the mean --------------------------------------------------------------


@dataclass(frozen=True)
class Regressiecheck:
    """How much of a pilot's fall regression to the mean alone would produce."""

    verwachte_daling: float | None
    betrouwbaarheid: float | None
    aandeel: float | None
    rest: float | None
    #: the units were chosen for a high value (as told, or inferred from the numbers): the
    #: warning applies (dashboard.views.pilots.samenvatting words it)
    geselecteerd_op_hoog: bool


def jaarcorrelatie(vorig: Sequence[Getal], huidig: Sequence[Getal]) -> float | None:
    """Pearson correlation of the units' values in two years, in [0, 1] (None: too few units)."""
    paren = [(_getal(a), _getal(b)) for a, b in zip(vorig, huidig, strict=True)]
    xs = [a for a, b in paren if a is not None and b is not None]
    ys = [b for a, b in paren if a is not None and b is not None]
    if len(xs) < 3:
        return None
    try:
        r = statistics.correlation(xs, ys)
    except statistics.StatisticsError:  # constant values
        return None
    # a negative year-to-year correlation means no stable level at all: full regression
    return min(1.0, max(0.0, r))


def regressie_naar_gemiddelde(
    selectie: float,
    referentie: float,
    eerder: Sequence[float] = (),
    referentie_eerder: Sequence[float] = (),
    *,
    rho: float | None = None,
    effect: float | None = None,
    geselecteerd_op_hoog: bool | None = None,
) -> Regressiecheck:
    """Expected fall of the pilot units' excess over the reference from regression alone.

    Excess d = pilot level − reference level, in the selection year and in the years before it;
    the reference is the mean of the units the pilot units were chosen from (e.g. all
    departments of the ministry). With ρ, the year-to-year correlation of those units'
    values (`jaarcorrelatie`, at the level they were chosen), the pilot units' lasting excess is
    the mean of the m+1 excesses shrunk towards 0 by ρ_m = (m+1)ρ / (1+mρ) (Spearman-Brown), and
    the expected fall is d_sel − ρ_m·mean(d): with no earlier years, Barnett et al.'s
    (1 − ρ)(x − μ). Without ρ the earlier years are taken as the lasting level: expected fall =
    d_sel − mean(d_earlier). `effect` is the observed difference in differences (negative =
    fall); the result says which share of it regression alone would explain.

    What it cannot say: it assumes the units' lasting level is stable and that the comparison
    units follow the reference's trend; the estimate has its own uncertainty (not quantified
    here). It cannot show what the pilot did, only how much of the fall needs no pilot.
    `geselecteerd_op_hoog` None: inferred (selection year above the reference and above the
    units' earlier excess). The warning in words: dashboard.views.pilots.samenvatting.
    """
    d_sel = selectie - referentie
    d_eerder = [a - b for a, b in zip(eerder, referentie_eerder, strict=True)]
    blijvend: float | None = None
    if rho is not None:
        m = len(d_eerder)
        rho_m = (m + 1) * rho / (1 + m * rho) if rho > 0 else 0.0
        blijvend = rho_m * statistics.fmean([d_sel, *d_eerder])
    elif d_eerder:
        blijvend = statistics.fmean(d_eerder)
    verwacht = max(0.0, d_sel - blijvend) if blijvend is not None else None
    if geselecteerd_op_hoog is None:
        geselecteerd_op_hoog = d_sel > 0 and (not d_eerder or d_sel > statistics.fmean(d_eerder))
    aandeel = rest = None
    if verwacht is not None and effect is not None:
        rest = effect + verwacht
        aandeel = min(1.0, verwacht / -effect) if effect < 0 else None
    return Regressiecheck(verwacht, rho, aandeel, rest, geselecteerd_op_hoog)


# -- adapters for metrics-API frames -------------------------------------------------------------


def _kolom(frame: pl.DataFrame, naam: str) -> list[Getal]:
    """A column as floats, None for suppressed rows (their metric columns are null anyway)."""
    waarden = frame.get_column(naam).cast(pl.Float64).to_list()
    if "onderdrukt" in frame.columns:
        weg = frame.get_column("onderdrukt").fill_null(False).to_list()
        waarden = [None if w else v for v, w in zip(waarden, weg, strict=True)]
    return waarden


def persoonsjaren(frame: pl.DataFrame) -> list[Getal]:
    """Person-years per row: bezetting × k / 12, so that meldingsfrequentie = meldingen / it."""
    return [
        b * k / 12 if b is not None and k is not None else None
        for b, k in zip(_kolom(frame, "bezetting"), _kolom(frame, "k"), strict=True)
    ]


def _grootte_en_waarde(frame: pl.DataFrame, metriek: Metriek) -> tuple[list[Getal], list[Getal]]:
    if metriek == "verzuimpercentage":
        return _kolom(frame, "beschikbare_dagen"), _kolom(frame, "verzuimpercentage")
    return persoonsjaren(frame), _kolom(frame, "meldingsfrequentie")


def doel_en_phi(frame: pl.DataFrame, metriek: Metriek) -> tuple[float | None, float]:
    """Pooled target and overdispersion φ of the units in the frame (one period)."""
    if metriek == "verzuimpercentage":
        n, v = _kolom(frame, "beschikbare_dagen"), _kolom(frame, "verzuimdagen")
        p0 = gepoold(v, n)
        p = [_deel(t, m) for t, m in zip(v, n, strict=True)]
        return (100 * p0 if p0 is not None else None), overdispersie(p, n, p0)
    py, o = persoonsjaren(frame), _kolom(frame, "meldingen")
    tempo0 = gepoold(o, py)
    return tempo0, overdispersie_poisson(o, py, tempo0)


def _per_periode(frame: pl.DataFrame) -> list[pl.DataFrame]:
    if "periode" not in frame.columns:
        return [frame]
    return [deel for _, deel in frame.group_by("periode", maintain_order=True)]


def met_interval(
    frame: pl.DataFrame, metriek: Metriek = "verzuimpercentage", z: float = Z95
) -> pl.DataFrame:
    """The frame with `<metriek>_laag` / `_hoog` for ranking bars, φ estimated per period."""
    delen = []
    for deel in _per_periode(frame):
        _, phi = doel_en_phi(deel, metriek)
        if metriek == "verzuimpercentage":
            paren = [
                interval_percentage(_deel(v, n), n, phi, z)
                for v, n in zip(
                    _kolom(deel, "verzuimdagen"), _kolom(deel, "beschikbare_dagen"), strict=True
                )
            ]
        else:
            paren = [
                interval_frequentie(o, py, phi, z)
                for o, py in zip(_kolom(deel, "meldingen"), persoonsjaren(deel), strict=True)
            ]
        delen.append(
            deel.with_columns(
                pl.Series(f"{metriek}_laag", [a for a, _ in paren], pl.Float64),
                pl.Series(f"{metriek}_hoog", [b for _, b in paren], pl.Float64),
                pl.lit(phi).alias(f"{metriek}_phi"),
            )
        )
    if not delen:
        return frame.with_columns(
            pl.lit(None, pl.Float64).alias(f"{metriek}_{k}") for k in ("laag", "hoog", "phi")
        )
    return pl.concat(delen)


@dataclass(frozen=True)
class Funnel:
    """A funnel plot's content: target, φ, the units with their position, the limit curves."""

    metriek: Metriek
    doel: float | None
    phi: float
    eenheden: pl.DataFrame
    grenzen: pl.DataFrame


def funnel(
    frame: pl.DataFrame, metriek: Metriek, phi: float | None = None, punten: int = 60
) -> Funnel:
    """Funnel of the units of one period: target = pooled rate, φ estimated unless given.

    Sizes are beschikbare dagen (verzuimpercentage) or person-years (meldingsfrequentie).
    """
    if "periode" in frame.columns and frame.get_column("periode").n_unique() > 1:
        raise ValueError("een funnel toont één periode")
    doel, geschat = doel_en_phi(frame, metriek)
    phi = geschat if phi is None else phi
    grootten, waarden = _grootte_en_waarde(frame, metriek)
    if doel is None:
        posities = [Funnelpositie(None, None, None, None)] * frame.height
        raster: list[Funnelgrens] = []
    else:
        posities = [
            funnel_positie(metriek, w, g, doel, phi) for w, g in zip(waarden, grootten, strict=True)
        ]
        bekend = [g for g in map(_positief, grootten) if g is not None]
        # a little room on both sides so the outermost units sit inside the drawn curves
        raster = (
            funnel_limieten(
                metriek, doel, grootte_raster(0.8 * min(bekend), 1.2 * max(bekend), punten), phi
            )
            if bekend
            else []
        )
    eenheden = frame.with_columns(
        pl.Series("grootte", grootten, pl.Float64),
        pl.Series("z", [p.z for p in posities], pl.Float64),
        pl.Series("z_phi", [p.z_phi for p in posities], pl.Float64),
        pl.Series("klasse_95", [p.klasse_95 for p in posities], pl.String),
        pl.Series("klasse_998", [p.klasse_998 for p in posities], pl.String),
    )
    grenzen = pl.DataFrame(
        [vars(g) for g in raster],
        schema={k: pl.Float64 for k in Funnelgrens.__dataclass_fields__},
    )
    return Funnel(metriek, doel, phi, eenheden, grenzen)


def spc(
    frame: pl.DataFrame, basis: int | None = 24, spreiding: Literal["mr", "sd"] = "mr"
) -> pl.DataFrame:
    """The monthly series of one unit with Laney p′ centre, limits (percent) and signal."""
    punten = laney(
        _kolom(frame, "verzuimdagen"), _kolom(frame, "beschikbare_dagen"), basis, spreiding
    )
    return frame.with_columns(
        pl.Series("centrum", [p.centrum for p in punten], pl.Float64),
        pl.Series("ondergrens", [p.ondergrens for p in punten], pl.Float64),
        pl.Series("bovengrens", [p.bovengrens for p in punten], pl.Float64),
        pl.Series("signaal", [p.signaal for p in punten], pl.String),
    )


def telling(frame: pl.DataFrame) -> Telling:
    """The summed counts of the frame's rows (suppressed rows left out)."""

    def som(waarden: Sequence[Getal]) -> float:
        return sum(w for w in map(_getal, waarden) if w is not None)

    return Telling(
        meldingen=som(_kolom(frame, "meldingen")),
        persoonsjaren=som(persoonsjaren(frame)),
        verzuimdagen=som(_kolom(frame, "verzuimdagen")),
        beschikbare_dagen=som(_kolom(frame, "beschikbare_dagen")),
    )


def tellingen(frame: pl.DataFrame) -> dict[str, Telling | None]:
    """Counts per unit of a one-period frame (None for suppressed units), for φ of changes."""
    result: dict[str, Telling | None] = {}
    for i, eenheid in enumerate(frame.get_column("eenheid").to_list()):
        rij = frame.slice(i, 1)
        onderdrukt = "onderdrukt" in frame.columns and bool(rij.get_column("onderdrukt")[0])
        result[eenheid] = None if onderdrukt else telling(rij)
    return result
