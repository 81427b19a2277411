"""Units side by side on one rate in one period: each unit's interval, the funnel, the positions.

Takes a metrics-API frame, one row per unit, with the rate and the persons' sums of that rate
(`metrics.persoonsommen`, columns `persoon.SOMMEN`); suppressed units (`onderdrukt`) and units
without sums are carried along without numbers. Returns numbers and flags only; the views write
the sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from dashboard.catalogus import Familie
from dashboard.statistiek import funnel as fn
from dashboard.statistiek.heterogeniteit import Heterogeniteit, schat
from dashboard.statistiek.persoon import (
    SOMMEN,
    Z95,
    Z998,
    Persoonsommen,
    blootstelling,
    dispersie,
    score_interval,
)

#: The families whose persons' variation is quasi-Poisson (days of a person, reports per
#: person-year); a share of persons (nulverzuim) would be binomial over persons instead.
FAMILIES: tuple[Familie, ...] = ("dagen_per_persoon", "telling_per_persoonjaar")


@dataclass(frozen=True)
class Vergelijking:
    """The comparison of units on one rate: target, dispersion, spread between units, units, limits.

    `doel` in the metric's units (the pooled rate of the units with numbers). `kappa`: the
    persons' dispersion (`persoon.dispersie`). `eenheden`: the input frame with `grootte` (Σnᵢ),
    `laag` / `hoog` (the unit's own 95% interval), `z` (against the target, with τ²),
    `klasse_95` / `klasse_998` (against the drawn limits). `grenzen`: the limit curves.
    """

    familie: Familie
    schaal: float
    doel: float | None
    kappa: float | None
    heterogeniteit: Heterogeniteit
    eenheden: pl.DataFrame
    grenzen: pl.DataFrame

    def grenzen_bij(self, grootten: list[float]) -> pl.DataFrame:
        """The limit curves at other sizes (a wider raster for the chart)."""
        if self.doel is None or self.kappa is None:
            return _grenzen_frame([])
        doel = self.doel / self.schaal
        return _grenzen_frame(
            fn.limieten(doel, grootten, self.kappa, self.heterogeniteit.tau2, self.schaal)
        )


def _grenzen_frame(raster: list[fn.Funnelgrens]) -> pl.DataFrame:
    return pl.DataFrame(
        [vars(g) for g in raster],
        schema={k: pl.Float64 for k in fn.Funnelgrens.__dataclass_fields__},
    )


def sommen(frame: pl.DataFrame) -> list[Persoonsommen | None]:
    """The persons' sums per row; None for suppressed rows and rows without sums."""
    weg = (
        frame.get_column("onderdrukt").fill_null(False).to_list()
        if "onderdrukt" in frame.columns
        else [False] * frame.height
    )
    kolommen = [frame.get_column(k).to_list() for k in SOMMEN]
    return [
        None if verborgen else Persoonsommen.uit(dict(zip(SOMMEN, waarden, strict=True)))
        for verborgen, *waarden in zip(weg, *kolommen, strict=True)
    ]


def heterogeniteit(
    frame: pl.DataFrame,
    kappa: float | None = None,
    groepen_: Sequence[Persoonsommen | None] | None = None,
) -> Heterogeniteit:
    """τ² among the units of the frame (no τ² from fewer than 15: bron 'geen'); `groepen_`: the
    frame's `sommen` when the caller has them already."""
    groepen = [s for s in (sommen(frame) if groepen_ is None else groepen_) if s is not None]
    kappa = kappa if kappa is not None else dispersie(groepen)
    if kappa is None or not groepen:
        return schat([], [])
    doel = sum(s.y for s in groepen) / sum(s.n for s in groepen)
    return schat([s.ratio for s in groepen], [kappa * doel / s.n for s in groepen])


def vergelijk(
    frame: pl.DataFrame,
    familie: Familie,
    *,
    schaal: float = 1.0,
    tussen: Heterogeniteit | None = None,
    punten: int = 60,
) -> Vergelijking:
    """Intervals, z-scores and funnel positions of the frame's units (one period).

    `schaal`: from the rate to the metric's units (100 for a percentage). `tussen`: the spread
    between units when it comes from elsewhere (another level); by default estimated among these
    units, which needs at least 15 of them.
    """
    if familie not in FAMILIES:
        raise ValueError(f"geen vergelijking voor de familie {familie}")
    groepen = sommen(frame)
    bekend = [s for s in groepen if s is not None]
    kappa = dispersie(bekend)
    h = tussen if tussen is not None else heterogeniteit(frame, kappa, groepen)
    doel = sum(s.y for s in bekend) / sum(s.n for s in bekend) if bekend else None
    laag: list[float | None] = [None] * frame.height
    hoog, z = list(laag), list(laag)
    k95: list[fn.Klasse | None] = [None] * frame.height
    k998 = list(k95)
    raster: list[fn.Funnelgrens] = []
    if doel is not None and kappa is not None:
        for i, s in enumerate(groepen):
            if s is None:
                continue
            e = blootstelling(s.n, kappa)
            lo, hi = score_interval(s.ratio, e, Z95)
            laag[i], hoog[i] = schaal * lo, schaal * hi
            z[i] = fn.z_score(s.ratio, doel, e, h.tau2)
            # classified against the drawn limits, so the table always agrees with the plot
            o95, b95 = fn.grenzen(doel, e, h.tau2, Z95)
            o998, b998 = fn.grenzen(doel, e, h.tau2, Z998)
            k95[i] = fn.klasse(s.ratio, o95, b95)
            k998[i] = fn.klasse(s.ratio, o998, b998)
        grootten = [s.n for s in bekend]
        raster = fn.limieten(
            doel,
            fn.grootte_raster(0.8 * min(grootten), 1.2 * max(grootten), punten),
            kappa,
            h.tau2,
            schaal,
        )
    eenheden = frame.with_columns(
        pl.Series("grootte", [s.n if s else None for s in groepen], pl.Float64),
        pl.Series("laag", laag, pl.Float64),
        pl.Series("hoog", hoog, pl.Float64),
        pl.Series("z", z, pl.Float64),
        pl.Series("klasse_95", k95, pl.String),
        pl.Series("klasse_998", k998, pl.String),
    )
    return Vergelijking(
        familie,
        schaal,
        schaal * doel if doel is not None else None,
        kappa,
        h,
        eenheden,
        _grenzen_frame(raster),
    )
