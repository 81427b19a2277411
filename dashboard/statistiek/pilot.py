"""A pilot's effect, judged where treatment was assigned: at the level of units.

A pilot is given to a few units, often because their absence was high. Their next year is then
expected to be lower anyway (regression to the mean), and their persons are not independent
draws: what varies between the pilot and the other units is whole units. So the effect is
estimated across units by analysis of covariance on the level before (Barnett AG, van der Pols
JC, Dobson AJ, "Regression to the mean: what it is and how to deal with it", Int J Epidemiol
2005;34:215-220): log(level after) = α + β·log(levels before) + δ·pilot, weighted least squares
with each unit's size as weight (statsmodels). Regressing on the level the units were chosen
on takes out what regression to the mean alone would give; δ is the RTM-adjusted effect on the
log scale, exp(δ) − 1 the relative effect, with its t-based 95% interval.

The t-based interval is used whenever the model keeps at least two residual degrees of freedom
(7 units, 3 in the pilot: 3): its t quantile widens the interval for few units as it should.
Only below that, a permutation test across the units (every choice of as many units as the
pilot took, the same covariance analysis each time), with the interval by inverting the test;
that interval may be unbounded, and the test is not exact when the units were chosen on the
level that is the covariate. The verdict follows the interval: `daling` when it lies below 0, `stijging`
above 0, `onzeker` otherwise.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import statsmodels.api as sm

Oordeel = Literal["daling", "stijging", "onzeker"]
Methode = Literal["ancova", "permutatie"]

#: Fewest residual degrees of freedom for the covariance analysis's own (t-based) interval. With
#: few units the t quantile widens the interval as it should: in simulation (7 units, 3 chosen on
#: their high year, no effect) it calls 4,5% of placebo pilots, the permutation test 17%, because
#: units chosen on the covariate are not exchangeable (tests/test_statistiek_kalibratie.py).
MIN_VRIJHEIDSGRADEN = 2
#: At most this many assignments in the permutation test (a seeded sample beyond it).
MAX_PERMUTATIES = 5000
ALPHA = 0.05


@dataclass(frozen=True)
class Eenheidsniveaus:
    """One unit of the analysis: its level after, its levels before (oldest first), its size."""

    eenheid: str
    pilot: bool
    na: float
    voor: tuple[float, ...]
    gewicht: float


@dataclass(frozen=True)
class Pilotschatting:
    """The effect on the log scale and as a relative change, with its 95% interval and p-value.

    `relatief_laag` / `relatief_hoog` None: the interval is unbounded on that side (a
    permutation test with too few units).
    """

    methode: Methode
    delta: float
    delta_laag: float | None
    delta_hoog: float | None
    p: float | None
    eenheden: int
    pilot_eenheden: int
    vrijheidsgraden: int | None = None
    #: How many levels before were covariates (2: the selection year and the year before it).
    niveaus_voor: int = 1

    @property
    def relatief(self) -> float:
        """exp(δ) − 1: −0,2 is 20% lower than expected without the pilot."""
        return math.expm1(self.delta)

    @property
    def relatief_laag(self) -> float | None:
        return math.expm1(self.delta_laag) if self.delta_laag is not None else None

    @property
    def relatief_hoog(self) -> float | None:
        return math.expm1(self.delta_hoog) if self.delta_hoog is not None else None

    def absoluut(self, niveau_na: float) -> tuple[float, float | None, float | None]:
        """The effect in the metric's units, for a pilot group at `niveau_na` after the pilot:
        its level minus the level expected without the pilot, niveau_na·(1 − exp(−δ))."""

        def van(d: float | None) -> float | None:
            return niveau_na * -math.expm1(-d) if d is not None else None

        effect = van(self.delta)
        assert effect is not None
        return effect, van(self.delta_laag), van(self.delta_hoog)

    @property
    def oordeel(self) -> Oordeel:
        """The verdict the interval allows."""
        return oordeel(self.delta_laag, self.delta_hoog)


def oordeel(laag: float | None, hoog: float | None) -> Oordeel:
    """'daling' when the interval lies wholly below 0, 'stijging' wholly above, else 'onzeker'."""
    if hoog is not None and hoog < 0:
        return "daling"
    if laag is not None and laag > 0:
        return "stijging"
    return "onzeker"


def _matrices(
    eenheden: Sequence[Eenheidsniveaus],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """log(after), the covariates (constant and log levels before), the weights and the pilot
    dummy of the units with every level positive; None without both pilot and other units."""
    bruikbaar = [e for e in eenheden if e.na > 0 and e.gewicht > 0 and e.voor and min(e.voor) > 0]
    if not bruikbaar or len({len(e.voor) for e in bruikbaar}) != 1:
        return None
    d = np.array([1.0 if e.pilot else 0.0 for e in bruikbaar])
    if d.sum() == 0 or d.sum() == len(d):
        return None
    y = np.log([e.na for e in bruikbaar])
    x = sm.add_constant(np.log([list(e.voor) for e in bruikbaar]), has_constant="add")
    w = np.array([e.gewicht for e in bruikbaar])
    return y, x, w, d


def ancova(eenheden: Sequence[Eenheidsniveaus]) -> Pilotschatting | None:
    """Weighted covariance analysis on the log levels with its t-based 95% interval (None when
    it has too few degrees of freedom)."""
    m = _matrices(eenheden)
    if m is None:
        return None
    y, x, w, d = m
    uitkomst = sm.WLS(y, np.column_stack([x, d]), weights=w).fit()
    df = int(uitkomst.df_resid)
    if df < MIN_VRIJHEIDSGRADEN:
        return None
    laag, hoog = uitkomst.conf_int(ALPHA)[-1]
    return Pilotschatting(
        "ancova",
        float(uitkomst.params[-1]),
        float(laag),
        float(hoog),
        float(uitkomst.pvalues[-1]),
        len(y),
        int(d.sum()),
        df,
        x.shape[1] - 1,
    )


def permutatie(
    eenheden: Sequence[Eenheidsniveaus], *, seed: int = 20_261_201
) -> Pilotschatting | None:
    """The permutation test across units: the covariance analysis's δ for every choice of as
    many units as the pilot took; p-value and 95% interval by inverting the test.

    Frisch-Waugh: with M the weighted residual maker of the covariates, the δ of assignment S
    for outcomes y is (d_S'WM y)/(d_S'WM d_S); under an effect δ₀ the pilot units' outcomes
    shifted back by δ₀ are exchangeable, and δ_S is linear in δ₀, so every assignment is
    computed once.
    """
    m = _matrices(eenheden)
    if m is None:
        return None
    y, x, w, d = m
    n, k = len(y), int(d.sum())
    wx = x * w[:, None]
    maker = np.eye(n) - x @ np.linalg.pinv(x.T @ wx) @ wx.T  # weighted residual maker M
    pilot = tuple(int(i) for i in np.flatnonzero(d))
    if math.comb(n, k) <= MAX_PERMUTATIES:
        keuzes = [tuple(c) for c in itertools.combinations(range(n), k)]
    else:
        rng = np.random.default_rng(seed)
        keuzes = [pilot] + [
            tuple(sorted(rng.choice(n, k, replace=False).tolist()))
            for _ in range(MAX_PERMUTATIES - 1)
        ]
    dummies = np.zeros((len(keuzes), n))
    for i, c in enumerate(keuzes):
        dummies[i, list(c)] = 1.0
    gewogen = (dummies * w[None, :]) @ maker  # rows: d_S' W M
    noemer = (gewogen * dummies).sum(axis=1)
    bruikbaar = noemer > 1e-12
    a = gewogen @ y / np.where(bruikbaar, noemer, 1.0)
    b = gewogen @ d / np.where(bruikbaar, noemer, 1.0)
    a, b = a[bruikbaar], b[bruikbaar]
    noemer_pilot = float((w * d) @ maker @ d)
    if not a.size or noemer_pilot <= 1e-12:
        return None  # the covariates leave nothing to compare (as many units as parameters)
    waargenomen = float((w * d) @ maker @ y / noemer_pilot)

    def p_bij(delta0: float) -> float:
        t = np.abs(a - delta0 * b)
        return float(np.mean(t >= abs(waargenomen - delta0) - 1e-12))

    spreiding = float(np.max(np.abs(a - waargenomen))) + 1e-6
    raster = np.linspace(waargenomen - 4 * spreiding, waargenomen + 4 * spreiding, 4001)
    aanvaard = [r for r in raster if p_bij(float(r)) > ALPHA]
    laag = hoog = None
    if aanvaard and aanvaard[0] > raster[0]:
        laag = float(aanvaard[0])
    if aanvaard and aanvaard[-1] < raster[-1]:
        hoog = float(aanvaard[-1])
    return Pilotschatting(
        "permutatie", waargenomen, laag, hoog, p_bij(0.0), n, k, None, x.shape[1] - 1
    )


def schat(eenheden: Sequence[Eenheidsniveaus]) -> Pilotschatting | None:
    """The covariance analysis, or the permutation test when it has too few degrees of freedom."""
    uitkomst = ancova(eenheden)
    return uitkomst if uitkomst is not None else permutatie(eenheden)
