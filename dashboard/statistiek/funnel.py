"""Funnel limits: how far a unit of a given size can lie from the target by chance.

The within-unit part is the persons' quasi-Poisson variation (`persoon`): a unit's rate varies as
a Poisson count on its effective exposure E = Σnᵢ/κ, divided by E. Its limits are the Poisson
limits of that count (normal quantile, the first Cornish-Fisher term for the Poisson's skewness
and a half-count continuity correction, after Spiegelhalter DJ, "Funnel plots for comparing
institutional performance", Stat Med 2005;24:1185-1202). The between-unit part τ² is added in
quadrature on each side: the random-effects funnel of the same paper.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from dashboard.statistiek.persoon import Z95, Z998

Klasse = Literal["boven", "binnen", "onder"]


def poisson_grenzen(verwacht: float, z: float = Z95) -> tuple[float, float]:
    """Limits for a Poisson count whose expected value is E: E ± z√E + (z² − 1)/6 − ½.

    Within 0.05 count (95%) and 0.25 count (99.8%) of Spiegelhalter's interpolated exact limits for
    every E from 0.5 up; the tests check this against scipy's Poisson quantiles.
    """

    def afwijking(zz: float) -> float:
        return zz * math.sqrt(verwacht) + (zz * zz - 1) / 6 - 0.5

    return max(0.0, verwacht + afwijking(-z)), verwacht + afwijking(z)


def grenzen(doel: float, e: float, tau2: float = 0.0, z: float = Z95) -> tuple[float, float]:
    """Lower and upper limit of a rate around `doel` at effective exposure e, with τ² added.

    The Poisson half-widths h₋, h₊ of the effective count (divided by e) and the between-unit
    spread combine as sqrt(h² + z²τ²): the normal random-effects funnel where the Poisson is
    symmetric, the Poisson funnel where τ² = 0.
    """
    onder, boven = poisson_grenzen(doel * e, z)
    h_onder, h_boven = doel - onder / e, boven / e - doel
    extra = z * z * tau2
    return max(0.0, doel - math.sqrt(h_onder**2 + extra)), doel + math.sqrt(h_boven**2 + extra)


def z_score(waarde: float, doel: float, e: float, tau2: float = 0.0) -> float | None:
    """(rate − target) / sqrt(target/e + τ²): the unit's distance from the target in standard
    deviations under no special difference."""
    variantie = doel / e + tau2
    return (waarde - doel) / math.sqrt(variantie) if variantie > 0 else None


def klasse(waarde: float, onder: float, boven: float) -> Klasse:
    """Position of a value against limits."""
    if waarde > boven:
        return "boven"
    if waarde < onder:
        return "onder"
    return "binnen"


@dataclass(frozen=True)
class Funnelgrens:
    """Funnel limits at one size (the size the unit's sums use), in the metric's units."""

    grootte: float
    onder_95: float
    boven_95: float
    onder_998: float
    boven_998: float


def limieten(
    doel: float, grootten: Sequence[float], kappa: float, tau2: float = 0.0, schaal: float = 1.0
) -> list[Funnelgrens]:
    """The 95% and 99.8% limits around `doel` (rate scale) at each size, times `schaal`."""
    uit = []
    for n in grootten:
        if n <= 0:
            continue
        e = n / kappa
        o95, b95 = grenzen(doel, e, tau2, Z95)
        o998, b998 = grenzen(doel, e, tau2, Z998)
        uit.append(Funnelgrens(n, schaal * o95, schaal * b95, schaal * o998, schaal * b998))
    return uit


def grootte_raster(kleinste: float, grootste: float, punten: int = 60) -> list[float]:
    """Sizes spaced evenly on a log scale, where the funnel bends most for the small units."""
    if kleinste <= 0 or grootste <= kleinste:
        return [grootste] if grootste > 0 else []
    punten = max(punten, 2)
    stap = math.log(grootste / kleinste) / (punten - 1)
    return [kleinste * math.exp(i * stap) for i in range(punten)]
