"""Public benchmark series (CBS sector O quarterly, Rijk monthly) with their source lines."""

from __future__ import annotations

import datetime as dt
from functools import cache

import polars as pl

from dashboard.config import BENCHMARK_DIR
from dashboard.periods import Maand

CBS_BRON = "CBS StatLine, tabel 80072ned (CC BY 4.0)"
RIJK_BRON = "P-Direkt, verzuimcijfers Rijk, via boukevanderpol/zv_perc (CC0)"
CBS_SECTOR_O = "417400"


@cache
def cbs_sector_o() -> pl.DataFrame:
    """Quarterly absence % of sector O (public administration): van, tot (dates), pct, voorlopig."""
    frame = pl.read_csv(
        BENCHMARK_DIR / "cbs_80072ned_ziekteverzuimpercentage.csv", infer_schema=False
    )
    kwartalen = frame.filter(
        (pl.col("sector_code") == CBS_SECTOR_O)
        & pl.col("periode_code").str.contains("KW")
        & pl.col("verzuimpercentage").is_not_null()
    )
    rijen = []
    for code, pct, status in kwartalen.select(
        "periode_code", "verzuimpercentage", "status"
    ).iter_rows():
        jaar, kwartaal = int(code[:4]), int(code[-2:])
        van = Maand(jaar, 3 * kwartaal - 2)
        rijen.append(
            {
                "van": van.eerste_dag,
                "tot": van.plus(2).laatste_dag,
                "pct": float(pct),
                "voorlopig": status != "Definitief",
            }
        )
    return pl.DataFrame(
        rijen, schema={"van": pl.Date, "tot": pl.Date, "pct": pl.Float64, "voorlopig": pl.Boolean}
    )


@cache
def rijk_maand() -> pl.DataFrame:
    """Monthly absence % of the central government as a whole: maand (date), pct and its parts."""
    frame = pl.read_csv(BENCHMARK_DIR / "rijk_verzuimpercentage_maand.csv")
    return frame.select(
        pl.concat_str([pl.col("maand"), pl.lit("-01")]).str.to_date("%Y-%m-%d").alias("maand"),
        pl.col("verzuimpercentage").alias("pct"),
        pl.col("kort_1_7").alias("kort"),
        pl.col("middellang_8_42").alias("middellang"),
        pl.col("lang_43_365").alias("lang"),
        pl.col("extra_lang_366_plus").alias("extra_lang"),
    )


def in_bereik(
    frame: pl.DataFrame, van: dt.date, tot: dt.date, kolom: str = "maand"
) -> pl.DataFrame:
    """Rows whose date lies in [van, tot]."""
    return frame.filter(pl.col(kolom).is_between(van, tot))
