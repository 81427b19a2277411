"""Suppression of small groups (DESIGN 4): primary by bezetting, secondary among parts of a total."""

from __future__ import annotations

from typing import TypeVar

import polars as pl

#: Columns that describe the cell rather than the group; every other column is emptied when the
#: group is suppressed (also raw counts such as bezettingsdagen, so that nothing can be derived).
SLEUTEL_KOLOMMEN: frozenset[str] = frozenset(
    {"periode_id", "periode", "eenheid", "naam", "groep", "deel", "van", "tot", "k", "dagen",
     "onderdrukt", "geen_gegevens", "_volgorde"}
)  # fmt: skip


FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)


def onderdruk(frame: FrameT, min_groep: int, delen_van: list[str] | None = None) -> FrameT:
    """Mark and empty groups with bezetting below `min_groep` (0 turns suppression off).

    `delen_van`: columns that identify one total whose rows are its parts (e.g. period and parent
    unit); when exactly one part of a total is suppressed, the next smallest part is suppressed
    too, so the hidden part cannot be recovered by subtraction.
    """
    frame = frame.with_columns((pl.col("bezetting").fill_null(0) <= 0).alias("geen_gegevens"))
    if min_groep <= 0:
        return frame.with_columns(pl.lit(False).alias("onderdrukt"))
    frame = frame.with_columns((pl.col("bezetting").fill_null(0) < min_groep).alias("onderdrukt"))
    if delen_van:
        frame = frame.with_columns(
            _secundair(delen_van).alias("onderdrukt"),
        )
    return leeg_onderdrukt(frame)


def leeg_onderdrukt(frame: FrameT) -> FrameT:
    """Empty every column but the keys in the rows marked `onderdrukt`."""
    namen = frame.collect_schema().names() if isinstance(frame, pl.LazyFrame) else frame.columns
    kolommen = [c for c in namen if c not in SLEUTEL_KOLOMMEN]
    return frame.with_columns(
        [pl.when(pl.col("onderdrukt")).then(None).otherwise(pl.col(c)).alias(c) for c in kolommen]
    )


def _secundair(delen_van: list[str]) -> pl.Expr:
    # parts without anyone in them hide nothing, so they do not count as suppressed parts
    aantal = (pl.col("onderdrukt") & ~pl.col("geen_gegevens")).sum().over(delen_van)
    delen = pl.len().over(delen_van)
    # rank among the parts that are not yet suppressed, smallest bezetting first
    kleinste = (
        pl.when(~pl.col("onderdrukt")).then(pl.col("bezetting")).otherwise(None)
        .rank("ordinal").over(delen_van)
    )  # fmt: skip
    extra = (aantal == 1) & (delen > 1) & ~pl.col("onderdrukt") & (kleinste == 1)
    return pl.col("onderdrukt") | extra
