"""The pilot page's description of a pilot: the difference in differences of two groups with
its interval, the noise of the units' changes (φ), and how much of a fall regression to the
mean alone would give.

These are descriptive: the verdict on a pilot is the covariance analysis across units
(`statistiek.pilot`). The difference in differences compares the pilot group's change with the
comparison group's (Poisson variances for reports, binomial on available days for the
verzuimpercentage, both times φ of the units' changes after Spiegelhalter: "Handling
over-dispersion of performance indicators", Qual Saf Health Care 2005;14:347-351, with
winsorised z-scores). Regression to the mean after Barnett, van der Pols & Dobson (2005),
"Regression to the mean: what it is and how to deal with it", Int J Epidemiol 34:215-220.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import polars as pl

from dashboard.statistiek.heterogeniteit import WINSOR, winsoriseer
from dashboard.statistiek.persoon import Z95

Getal = float | None
Metriek = Literal["verzuimpercentage", "meldingsfrequentie"]


def _getal(x: Getal) -> float | None:
    """x when it is a finite number; None for nulls and NaN (suppressed or empty groups)."""
    return x if x is not None and math.isfinite(x) else None


def phi_uit_z(z: Sequence[Getal], fractie: float = WINSOR) -> float:
    """Multiplicative overdispersion φ = mean of the winsorised squared z-scores, at least 1."""
    bekend = [w for w in map(_getal, z) if w is not None]
    if not bekend:
        return 1.0
    # floored at 1: a set of units less variable than chance is not evidence of underdispersion
    return max(1.0, statistics.fmean(w * w for w in winsoriseer(bekend, fractie)))


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
