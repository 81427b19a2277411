"""Persons as the sampling unit: a group's rate and its uncertainty from what each person
contributes (DESIGN 3, last paragraph).

A group's rate is R = Σyᵢ / Σnᵢ over its persons i: yᵢ absence days and nᵢ available days
(verzuimpercentage), or yᵢ new reports and nᵢ person-years (meldingsfrequentie). Absence comes
per person: one long spell puts months of days on one person, so the days of a group are far
from independent and a binomial over person-days is wildly overconfident.

The model is quasi-Poisson with persons as the units: Var(yᵢ) = κ·R·nᵢ, with one dispersion κ
per comparison, estimated from the spread of the persons around their own group's rate (the
ratio estimator's residuals Σᵢ(yᵢ − R·nᵢ)², pooled over the groups). A group's rate then has
variance κ·R/Σnᵢ: it behaves as a Poisson count on the effective exposure E = Σnᵢ/κ. The pooled κ
carries what the whole organisation shows about rare long spells; a small group's own residuals
(the ratio estimator Σᵢ(yᵢ − R·nᵢ)² / (Σnᵢ)² on its own) mostly miss them, and its intervals
would cover the truth in only about 80% of cases (tests/test_statistiek_kalibratie.py).

Everything here takes the five sums over persons that the metrics API returns per group and
period (`metrics.persoonsommen`): never a person's row.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Two-sided normal quantiles: 95% and the 99.8% ("three sigma") limits.
Z95 = 1.959963984540054
Z998 = 3.090232306167813

#: The names of the sums in a metrics-API frame (`metrics.persoonsommen`), in this order.
SOMMEN: tuple[str, ...] = ("personen", "n", "y", "yy", "nn", "yn")


@dataclass(frozen=True)
class Persoonsommen:
    """Sums over the persons i of one group and period: their number, Σnᵢ, Σyᵢ, Σyᵢ², Σnᵢ², Σyᵢnᵢ.

    nᵢ is the person's size (available days, or person-years), yᵢ their outcome (absence days,
    or new reports), both over all their months and units in the group.
    """

    personen: int
    n: float
    y: float
    yy: float
    nn: float
    yn: float

    @classmethod
    def uit(cls, rij: Mapping[str, object]) -> Persoonsommen | None:
        """From a row of `metrics.persoonsommen` (None for a hidden or empty group)."""
        waarden = [rij.get(k) for k in SOMMEN]
        if any(not isinstance(w, int | float) for w in waarden):
            return None
        personen, n, y, yy, nn, yn = (float(w) for w in waarden)  # type: ignore[arg-type]
        if personen < 1 or n <= 0:
            return None
        return cls(int(personen), n, y, yy, nn, yn)

    @property
    def ratio(self) -> float:
        """R = Σyᵢ / Σnᵢ."""
        return self.y / self.n

    def kwadratensom(self, r: float | None = None) -> float:
        """Σᵢ(yᵢ − r·nᵢ)² = Σy² − 2rΣyn + r²Σn², at the group's own rate unless r is given."""
        r = self.ratio if r is None else r
        # the sums are exact integers rounded once; a tiny negative is rounding, not a value
        return max(0.0, self.yy - 2 * r * self.yn + r * r * self.nn)

    def ratio_variantie(self) -> float | None:
        """The ratio estimator of the variance of R on this group's persons alone:
        Σᵢ(yᵢ − R·nᵢ)² / (Σnᵢ)² × m/(m−1) (None for a single person)."""
        if self.personen < 2:
            return None
        return self.kwadratensom() / self.n**2 * self.personen / (self.personen - 1)


def dispersie(groepen: Sequence[Persoonsommen | None]) -> float | None:
    """κ, the dispersion of persons: Var(yᵢ) = κ·R·nᵢ, pooled over the groups.

    Moment estimator from the residuals within each group: under the model
    E[Σᵢ(yᵢ − R̂·nᵢ)²] = κ·R·(Σn − Σn²/Σn), so κ̂ = Σ_g Σᵢ(yᵢ − R̂_g·nᵢ)² / Σ_g R̂_g(Σn − Σn²/Σn).
    Differences between the groups' rates do not enter: each group is measured around its own
    rate. None when the groups hold no information (no one, or no absence at all).
    """
    teller = noemer = 0.0
    for s in groepen:
        if s is None or s.n <= 0:
            continue
        teller += s.kwadratensom()
        noemer += s.ratio * (s.n - s.nn / s.n)
    if noemer <= 0 or teller <= 0:
        return None
    return teller / noemer


def blootstelling(n: float, kappa: float) -> float:
    """The effective exposure E = Σnᵢ/κ: the rate varies as a Poisson count on E, divided by E."""
    return n / kappa


def score_interval(r: float, e: float, z: float = Z95) -> tuple[float, float]:
    """The interval of a Poisson rate r on exposure e by the score (Wilson) method.

    The rates R with (r − R)² ≤ z²·R/e: r + z²/(2e) ± z·sqrt(r/e + z²/(4e²)). Never of zero width
    (a group without absence still gets an upper limit) and wider above than below, as the
    skewed distribution of absence asks.
    """
    q = z * z / e
    midden = r + q / 2
    marge = math.sqrt(r * q + q * q / 4)
    return max(0.0, midden - marge), midden + marge
