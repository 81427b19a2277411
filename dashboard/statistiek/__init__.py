"""Telling signal from noise, with persons as the sampling unit (DESIGN 3, last paragraph).

Numbers and flags only: the views write the sentences. The statistical family of a metric
comes from the catalogue (`catalogus.Metriek.familie`), never from its name.

- `persoon`: a group's rate and its variance from the persons' sums (quasi-Poisson with persons
  as the units; the dispersion κ pooled from the ratio estimator's residuals), score intervals;
- `heterogeniteit`: the spread between units beyond chance, an additive τ² (Spiegelhalter's
  random-effects funnel, DerSimonian-Laird), with Cochran's χ² test; never from fewer than 15
  units, else from another level of the organisation (`doorgeven`) or not at all;
- `funnel` and `vergelijking`: funnel limits as a function of size, each unit's own interval and
  its position in the funnel;
- `spc`: seasonal factors, the control chart with persons as the sampling unit (Laney's p′ and
  u′ on the moving range where no person-level data are), and the rules of
  NHS England's Making Data Count;
- `pilot`: a pilot's effect at the level treatment was assigned (units): covariance analysis on
  the levels before (regression to the mean taken out), or a permutation test with few units,
  and the verdict that the interval allows;
- `samenhang`: Pearson's r with its interval, and the strength the interval supports.
"""

from dashboard.statistiek import funnel, heterogeniteit, persoon, pilot, samenhang, spc
from dashboard.statistiek.heterogeniteit import MIN_EENHEDEN, Heterogeniteit
from dashboard.statistiek.persoon import SOMMEN, Z95, Z998, Persoonsommen
from dashboard.statistiek.vergelijking import Vergelijking, vergelijk

__all__ = [
    "MIN_EENHEDEN",
    "SOMMEN",
    "Z95",
    "Z998",
    "Heterogeniteit",
    "Persoonsommen",
    "Vergelijking",
    "funnel",
    "heterogeniteit",
    "persoon",
    "pilot",
    "samenhang",
    "spc",
    "vergelijk",
]
