"""The one rule for a change in titles: calibrated on simulated persons whose truth is known,
and a hand-computed case for a share of persons."""

from __future__ import annotations

import math

import numpy as np

from dashboard.statistiek import Persoonsommen
from dashboard.statistiek.verandering import aandeel_richting, richting


def _groep(rng: np.random.Generator, personen: int, kans: float) -> Persoonsommen:
    """Persons with a year of 250 available days each; absence comes in spells (a person is
    ill or not, and then long: 5 to 120 days), so the days cluster in persons."""
    n = np.full(personen, 250.0)
    ziek = rng.random(personen) < kans
    y = np.where(ziek, rng.integers(5, 121, personen), 0).astype(float)
    return Persoonsommen(personen, n.sum(), y.sum(), (y * y).sum(), (n * n).sum(), (y * n).sum())


def test_geen_echte_verandering_wordt_zelden_een_verandering_genoemd():
    rng = np.random.default_rng(7)
    uitkomsten = [
        richting(_groep(rng, 400, 0.3), _groep(rng, 400, 0.3)) for _ in range(400)
    ]  # fmt: skip
    vals = sum(u != "gelijk" for u in uitkomsten) / len(uitkomsten)
    # the nominal 5%; independence of the two periods is the conservative side
    assert vals <= 0.07, vals


def test_een_echte_verdubbeling_wordt_gezien():
    rng = np.random.default_rng(11)
    uitkomsten = [richting(_groep(rng, 2000, 0.3), _groep(rng, 2000, 0.15)) for _ in range(100)]
    assert sum(u == "hoger" for u in uitkomsten) >= 95


def test_een_binomiale_toets_over_dagen_zou_te_vaak_een_verandering_zien():
    """The reason for persons as the unit: the same simulated data judged as independent days
    calls far more 'changes' where there are none."""
    rng = np.random.default_rng(7)
    dagen_vals = 0
    for _ in range(400):
        a, b = _groep(rng, 400, 0.3), _groep(rng, 400, 0.3)
        p = (a.y + b.y) / (a.n + b.n)
        z = (a.ratio - b.ratio) / math.sqrt(p * (1 - p) * (1 / a.n + 1 / b.n))
        dagen_vals += abs(z) > 1.96
    assert dagen_vals / 400 > 0.5


def test_aandeel_met_de_hand():
    # 60 of 500 persons (12%) against 40 of 500 (8%): pooled p = 0,1, se = sqrt(0,1 × 0,9 ×
    # (2/500)) = 0,01897; difference 0,04 = 2,11 se > 1,96: 'hoger'
    assert aandeel_richting(0.12, 500, 0.08, 500) == "hoger"
    # 12,8% against 12,4% of 4.950 persons (the demo's frequent verzuim): se = 0,0067, 0,6 se
    assert aandeel_richting(0.128, 4950, 0.124, 4950) == "gelijk"
    assert aandeel_richting(None, 500, 0.08, 500) is None
