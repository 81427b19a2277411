"""Correlation across units (survey scale against absence): Pearson's r with its 95% interval,
and a strength word that the interval supports.

With a few dozen units r is uncertain: r = 0,57 on 20 units has the interval 0,17 to 0,81. The
strength therefore follows the bound nearest to 0 (Fisher's z interval, scipy.stats.pearsonr):
'sterk' only when even that bound is at least 0,5, 'matig' from 0,3, 'zwak' above 0, and no
direction at all when the interval contains 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from scipy import stats

Sterkte = Literal["onzeker", "zwak", "matig", "sterk"]
#: Strength by the bound of the interval nearest to 0.
STERKTEN: tuple[tuple[float, Sterkte], ...] = ((0.5, "sterk"), (0.3, "matig"), (0.0, "zwak"))


@dataclass(frozen=True)
class Correlatie:
    """Pearson's r of n pairs, its 95% interval (None with 3 pairs or fewer, or |r| = 1) and the
    least-squares line y = snijpunt + helling·x."""

    n: int
    r: float | None
    laag: float | None
    hoog: float | None
    helling: float | None
    snijpunt: float | None

    @property
    def sterkte(self) -> Sterkte:
        """How strong a correlation the interval supports."""
        return sterkte(self.laag, self.hoog)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> Correlatie:
    """r, Fisher's 95% interval and the fitted line (None where the data do not allow it)."""
    n = len(xs)
    if n < 3 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return Correlatie(n, None, None, None, None, None)
    uitkomst = stats.pearsonr(xs, ys)
    r = float(uitkomst.statistic)
    laag = hoog = None
    if n > 3 and abs(r) < 1:
        ci = uitkomst.confidence_interval(0.95)
        laag, hoog = float(ci.low), float(ci.high)
    lijn = stats.linregress(xs, ys)
    helling: float | None = float(lijn.slope)
    snijpunt: float | None = float(lijn.intercept)
    if not (math.isfinite(float(lijn.slope)) and math.isfinite(float(lijn.intercept))):
        helling = snijpunt = None
    return Correlatie(n, r, laag, hoog, helling, snijpunt)


def sterkte(laag: float | None, hoog: float | None) -> Sterkte:
    """'onzeker' when the interval contains 0 (or is unknown), else the strength of its bound
    nearest to 0."""
    if laag is None or hoog is None or laag <= 0 <= hoog:
        return "onzeker"
    grens = min(abs(laag), abs(hoog))
    return next(naam for drempel, naam in STERKTEN if grens >= drempel)
