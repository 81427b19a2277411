"""Duur en signalen, the numbers: the frames of the view and the bands between milestones.

Everything here is a count or a rate per group from the metrics API; no spell or employee is
ever listed.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard import metrics
from dashboard.i18n import N_
from dashboard.periods import Maand

#: Months of the duration-class trend, and of the long-absence trend.
MAANDEN_DUUR = 36
MAANDEN_LANGDURIG = 24

#: Day numbers of each duration class (DESIGN 3), as the cards and findings name them.
DAGEN: dict[str, str] = {
    "kort": "1-7",
    "middellang": "8-42",
    "lang": "43-365",
    "extra_lang": "366+",
}

#: Open spells at the month's end by how long they have run: bands that add up to `langdurig`.
#: (column, label) — the label names the Poortwachter milestones the band lies between.
BANDEN: tuple[tuple[str, str], ...] = (
    ("band_6_42", N_("6-42 weken")),
    ("band_42_52", N_("42-52 weken")),
    ("band_52_91", N_("52-91 weken")),
    ("band_91", N_("meer dan 91 weken")),
)

#: Cumulative milestone counts of the API: (column, label).
MIJLPALEN: tuple[tuple[str, str], ...] = (
    ("langdurig", N_("Voorbij week 6")),
    ("voorbij_week42", N_("Voorbij week 42")),
    ("voorbij_week52", N_("Voorbij week 52")),
    ("voorbij_week91", N_("Voorbij week 91")),
)


@dataclass(frozen=True)
class Signaal:
    """One headline number of the page, ready to show."""

    label: str
    waarde: str
    delta: str | None
    onderschrift: str
    uitleg: str
    lager_is_beter: bool = True
    #: the change rounds to zero: shown without an arrow or colour
    gelijk: bool = False


@dataclass(frozen=True)
class DuurEnSignalen:
    """The content of the Duur en signalen view."""

    maanden: pl.DataFrame
    r12: pl.DataFrame
    delen: pl.DataFrame
    heeft_delen: bool
    kop: str
    signalen: list[Signaal]
    #: the one rule for a change of the total verzuimpercentage, per basis ('maand', 'r12')
    richtingen: tuple[tuple[str, str | None], ...] = ()

    def richting(self, basis: str) -> str | None:
        """'hoger', 'lager' or 'gelijk' (within chance) against a year earlier."""
        return dict(self.richtingen).get(basis)


def met_banden(frame: pl.DataFrame) -> pl.DataFrame:
    """Open spells by band between milestones: differences of the cumulative counts."""
    if frame.is_empty():
        return frame
    return frame.with_columns(
        (pl.col("langdurig") - pl.col("voorbij_week42")).alias("band_6_42"),
        (pl.col("voorbij_week42") - pl.col("voorbij_week52")).alias("band_42_52"),
        (pl.col("voorbij_week52") - pl.col("voorbij_week91")).alias("band_52_91"),
        pl.col("voorbij_week91").alias("band_91"),
        pl.when(pl.col("eind_in_dienst") > 0)
        .then(pl.col("langdurig") * 100 / pl.col("eind_in_dienst"))
        .otherwise(None)
        .alias("langdurig_per_100"),
    )


def met_aandelen(frame: pl.DataFrame) -> pl.DataFrame:
    """Shares of the ended spells by duration class (by whole length), in percent."""
    if frame.is_empty():
        return frame
    kolommen = [f"beeindigd_{k}" for k in metrics.DUURKLASSEN]
    totaal = pl.sum_horizontal(kolommen)
    return frame.with_columns(
        *[
            pl.when(totaal > 0).then(pl.col(c) * 100 / totaal).otherwise(None).alias(f"aandeel_{k}")
            for c, k in zip(kolommen, metrics.DUURKLASSEN, strict=True)
        ],
        pl.when(totaal > 0)
        .then((pl.col("beeindigd_lang") + pl.col("beeindigd_extra_lang")) * 100 / totaal)
        .otherwise(None)
        .alias("aandeel_langer_dan_6_weken"),
    )


def rij(frame: pl.DataFrame, m: Maand) -> dict | None:
    """The row of month `m`, if there is one."""
    rijen = frame.filter(pl.col("periode") == str(m)).to_dicts()
    return rijen[0] if rijen else None


def rij_r12(frame: pl.DataFrame, jaren_terug: int) -> dict | None:
    """The rolling year ending `jaren_terug` years before the month, if the data covers it."""
    rijen = frame.filter(pl.col("periode") == f"r12_{jaren_terug}").to_dicts()
    return rijen[0] if rijen else None


def zichtbaar(r: dict | None) -> bool:
    """The group has numbers to show (not suppressed, not empty)."""
    return r is not None and not r["onderdrukt"] and not r["geen_gegevens"]


def delen_gesorteerd(delen: pl.DataFrame, kolom: str) -> pl.DataFrame:
    """Parts with a number first (highest on top), then suppressed parts, then empty ones."""
    return delen.sort(
        [
            pl.col("geen_gegevens"),
            pl.col("onderdrukt"),
            pl.col(kolom).fill_null(-1.0),
            pl.col("naam"),
        ],
        descending=[False, False, True, False],
    )
