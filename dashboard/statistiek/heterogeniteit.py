"""Differences between units that remain after the persons' chance variation: an additive τ².

Spiegelhalter's random-effects funnel (Spiegelhalter DJ, "Handling over-dispersion of
performance indicators", Qual Saf Health Care 2005;14:347-351): z-scores against the target on
the within-unit variance, winsorised at 10% so that the units one wants to find do not widen
the limits themselves, then the DerSimonian-Laird moment estimator
τ² = (I·φ̂ − (I − 1)) / (Σw − Σw²/Σw), w = 1/variance. Without winsorising this is exactly
DerSimonian-Laird (statsmodels' `combine_effects(..., method_re="dl")`; the tests compare).
The χ² test of no differences is Cochran's Q = Σ w(y − ȳ_w)² on I − 1 degrees of freedom.

τ² is never estimated from fewer than 15 units: with a handful, the spread between units is
itself a guess. Then it comes from another level of the organisation (`doorgeven`), or there is
none and the comparison says plainly that it has little power.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from scipy import stats

#: Fewest units τ² (or any spread between units) is estimated from.
MIN_EENHEDEN = 15
#: Spiegelhalter winsorises the z-scores at the 10% and 90% points before estimating φ.
WINSOR = 0.1

Bron = Literal["eenheden", "niveau", "geen"]


@dataclass(frozen=True)
class Heterogeniteit:
    """The spread between units beyond chance, and where it was estimated.

    `tau2` on the rate's own scale (a fraction, or reports per person-year). `bron`: 'eenheden'
    estimated from the compared units, 'niveau' from the units at `niveau` (`doorgeven`), 'geen'
    not estimated (fewer than 15 units anywhere): then `tau2` is 0. `q`, `p`: Cochran's Q and its
    χ² p-value on `vrijheidsgraden`, among the units it was estimated from (or the compared units).
    """

    tau2: float
    eenheden: int
    bron: Bron
    q: float | None = None
    vrijheidsgraden: int = 0
    p: float | None = None
    phi: float | None = None
    niveau: int | None = None

    @property
    def tau(self) -> float:
        """τ, the standard deviation of the units' true rates around the target."""
        return math.sqrt(self.tau2)


GEEN = Heterogeniteit(0.0, 0, "geen")


def winsoriseer(z: Sequence[float], fractie: float = WINSOR) -> list[float]:
    """Pull the lowest and highest ⌊fractie·I⌋ values in to the next value inward."""
    k = math.floor(fractie * len(z))
    if k == 0:
        return list(z)
    gesorteerd = sorted(z)
    laag, hoog = gesorteerd[k], gesorteerd[-k - 1]
    return [min(max(w, laag), hoog) for w in z]


def cochran(waarden: Sequence[float], varianties: Sequence[float]) -> tuple[float, int, float]:
    """Cochran's Q = Σ w(y − ȳ_w)² with w = 1/variance, its degrees of freedom and χ² p-value."""
    w = [1 / v for v in varianties]
    gemiddeld = sum(wi * y for wi, y in zip(w, waarden, strict=True)) / sum(w)
    q = sum(wi * (y - gemiddeld) ** 2 for wi, y in zip(w, waarden, strict=True))
    df = len(waarden) - 1
    return q, df, float(stats.chi2.sf(q, df))


def schat(
    waarden: Sequence[float],
    varianties: Sequence[float],
    *,
    fractie: float = WINSOR,
    minimum: int = MIN_EENHEDEN,
) -> Heterogeniteit:
    """τ² of units with rates `waarden` and within-unit variances under the target (same scale).

    The target is the inverse-variance mean (for variances proportional to 1/size, the pooled
    rate). Fewer than `minimum` units: no τ² (bron 'geen'), only the χ² test for information.
    """
    paren = [(y, v) for y, v in zip(waarden, varianties, strict=True) if v > 0]
    if len(paren) < 2:
        return replace(GEEN, eenheden=len(paren))
    ys, vs = [y for y, _ in paren], [v for _, v in paren]
    q, df, p = cochran(ys, vs)
    if len(paren) < minimum:
        return Heterogeniteit(0.0, len(paren), "geen", q, df, p)
    w = [1 / v for v in vs]
    doel = sum(wi * y for wi, y in zip(w, ys, strict=True)) / sum(w)
    z = [(y - doel) * math.sqrt(wi) for y, wi in zip(ys, w, strict=True)]
    phi = sum(zi * zi for zi in winsoriseer(z, fractie)) / len(z)
    noemer = sum(w) - sum(wi * wi for wi in w) / sum(w)
    tau2 = max(0.0, (len(z) * phi - (len(z) - 1)) / noemer)
    return Heterogeniteit(tau2, len(z), "eenheden", q, df, p, phi)


def doorgeven(
    h: Heterogeniteit, aandelen: Sequence[Sequence[float]], niveau: int
) -> Heterogeniteit:
    """τ² of groups made of units at `niveau`, from τ² estimated among those units.

    A group's rate is the size-weighted mean of its units' rates, so independent unit effects of
    variance τ² give the group an effect of variance τ²·Σs², s the units' shares of the group's
    size. One τ² for all groups (the mean of their Σs²), so the funnel's limits stay one curve.
    """
    sommen = [sum(s * s for s in a) for a in aandelen if a]
    if h.bron == "geen" or not sommen:
        return h
    return replace(h, tau2=h.tau2 * sum(sommen) / len(sommen), bron="niveau", niveau=niveau)
