"""When a change is a change: one rule for every title that says 'stijgt', 'daalt', 'hoger' or
'lager' (issue: titles contradicted each other on the same 6,4 -> 6,3).

A rate now against the same group's rate a year earlier, with persons as the sampling unit
(`persoon`): each rate varies as a Poisson count on its effective exposure Σnᵢ/κ, κ pooled over
the two periods. The two periods are treated as independent; the same persons in both make the
true difference less variable, so the rule is conservative: it calls fewer changes, never more.
A change is a change when the 95% interval of the difference leaves out 0.

For a share of persons (frequent verzuim: persons with 3 or more reports) the persons are the
trials: the two-proportion test on the numbers of persons.
"""

from __future__ import annotations

import math
from typing import Literal

from dashboard.statistiek.persoon import Z95, Persoonsommen, dispersie

Richting = Literal["hoger", "lager", "gelijk"]


def richting(
    nu: Persoonsommen | None, toen: Persoonsommen | None, z: float = Z95
) -> Richting | None:
    """'hoger', 'lager' or 'gelijk' (the difference is within chance); None without the sums."""
    if nu is None or toen is None:
        return None
    kappa = dispersie([nu, toen])
    if kappa is None:
        # no spread to measure (no absence in either period): equal rates are equal
        return "gelijk" if nu.ratio == toen.ratio else None
    variantie = kappa * (nu.ratio / nu.n + toen.ratio / toen.n)
    return _oordeel(nu.ratio - toen.ratio, variantie, z)


def aandeel_richting(
    p_nu: float | None, n_nu: float | None, p_toen: float | None, n_toen: float | None,
    z: float = Z95,
) -> Richting | None:  # fmt: skip
    """The same rule for a share of persons p (0-1) among n persons."""
    if None in (p_nu, n_nu, p_toen, n_toen) or not n_nu or not n_toen:
        return None
    assert p_nu is not None and p_toen is not None and n_nu is not None and n_toen is not None
    samen = (p_nu * n_nu + p_toen * n_toen) / (n_nu + n_toen)
    variantie = samen * (1 - samen) * (1 / n_nu + 1 / n_toen)
    return _oordeel(p_nu - p_toen, variantie, z)


def _oordeel(verschil: float, variantie: float, z: float) -> Richting:
    if variantie <= 0:
        return "gelijk" if verschil == 0 else ("hoger" if verschil > 0 else "lager")
    if abs(verschil) < z * math.sqrt(variantie):
        return "gelijk"
    return "hoger" if verschil > 0 else "lager"
