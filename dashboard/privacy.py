"""Suppression of small groups (DESIGN 4): a group is hidden when it is small or when the
publication pattern (dashboard.publicatie) hides it; then none of its numbers leaves the API."""

from __future__ import annotations

from typing import TypeVar

import polars as pl

from dashboard import publicatie
from dashboard.store import Store

#: Columns that describe the cell rather than the group; every other column is emptied when the
#: group is suppressed (also raw counts such as bezettingsdagen, so that nothing can be derived).
SLEUTEL_KOLOMMEN: frozenset[str] = frozenset(
    {"periode_id", "periode", "eenheid", "naam", "groep", "deel", "van", "tot", "k", "dagen",
     "onderdrukt", "geen_gegevens", "_volgorde", "_patroon", "reden_onderdrukt"}
)  # fmt: skip


FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)


def onderdruk(frame: FrameT, min_groep: int) -> FrameT:
    """Mark and empty the groups that may not be shown (0 turns suppression off).

    A group is hidden when its bezetting in the period is below `min_groep`, or when the
    publication pattern hides it in a month of the period (column `_patroon`, see
    dashboard.publicatie): the pattern is what keeps a hidden group from being recovered by
    subtracting shown numbers, on any view.
    """
    frame = frame.with_columns((pl.col("bezetting").fill_null(0) <= 0).alias("geen_gegevens"))
    if min_groep <= 0:
        return frame.with_columns(pl.lit(False).alias("onderdrukt"))
    namen = frame.collect_schema().names() if isinstance(frame, pl.LazyFrame) else frame.columns
    patroon = pl.col("_patroon").fill_null(False) if "_patroon" in namen else pl.lit(False)
    frame = frame.with_columns(
        ((pl.col("bezetting").fill_null(0) < min_groep) | patroon).alias("onderdrukt")
    )
    return leeg_onderdrukt(frame)


def leeg_onderdrukt(frame: FrameT) -> FrameT:
    """Empty every column but the keys in the rows marked `onderdrukt`."""
    namen = frame.collect_schema().names() if isinstance(frame, pl.LazyFrame) else frame.columns
    kolommen = [c for c in namen if c not in SLEUTEL_KOLOMMEN]
    return frame.with_columns(
        [pl.when(pl.col("onderdrukt")).then(None).otherwise(pl.col(c)).alias(c) for c in kolommen]
    )


# -- the publication pattern of a store ---------------------------------------------------------


def patroon(store: Store, min_groep: int) -> pl.DataFrame:
    """The pattern for a minimum group size: the stored one when it was built for that minimum,
    else computed once per store version (e.g. the CLI's `--min-groep 5`)."""
    if min_groep <= 0:
        return publicatie.leeg()

    def maak() -> pl.DataFrame:
        rij = store.query("publicatie_minimum").rows()
        if rij and rij[0][0] == min_groep:
            return store.query("publicatie_opgeslagen").with_columns(
                pl.col("maand").cast(pl.Date),
                pl.col("knoop").cast(pl.Int64),
                pl.col("dims").cast(pl.Int8),
                pl.col("reden").cast(pl.Int8),
            )
        cur = store.cursor()
        try:
            return publicatie.bereken(cur, min_groep)
        finally:
            cur.close()

    return store.onthoud(("publicatie", store.gegevensversie, min_groep), maak)
