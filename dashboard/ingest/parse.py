"""Parse text cells the way Dutch HR systems write them: dd-mm-jjjj dates, decimal commas."""

from __future__ import annotations

import polars as pl

_EXCEL_EPOCH = pl.date(1899, 12, 30)
_DMY = r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"
_YMD = r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$"
_YYYYMMDD = r"^(\d{4})(\d{2})(\d{2})$"
_SERIAL = r"^(\d{1,5})(?:\.0+)?$"


def datum(kolom: str) -> pl.Expr:
    """Date from `dd-mm-jjjj`, `d-m-jjjj`, `jjjj-mm-dd`, `jjjjmmdd` or an Excel serial number."""
    tekst = pl.col(kolom).str.strip_chars()

    def ymd(jaar: pl.Expr, maand: pl.Expr, dag: pl.Expr) -> pl.Expr:
        iso = pl.format("{}-{}-{}", jaar, maand.str.zfill(2), dag.str.zfill(2))
        return iso.str.strptime(pl.Date, "%Y-%m-%d", strict=False)

    dmy = ymd(tekst.str.extract(_DMY, 3), tekst.str.extract(_DMY, 2), tekst.str.extract(_DMY, 1))
    iso = ymd(tekst.str.extract(_YMD, 1), tekst.str.extract(_YMD, 2), tekst.str.extract(_YMD, 3))
    compact = ymd(
        tekst.str.extract(_YYYYMMDD, 1),
        tekst.str.extract(_YYYYMMDD, 2),
        tekst.str.extract(_YYYYMMDD, 3),
    )
    serial_n = tekst.str.extract(_SERIAL, 1).cast(pl.Int64, strict=False)
    serial = (
        pl.when(serial_n.is_between(367, 73050))  # 1901-01-01 .. 2099-12-31
        .then(_EXCEL_EPOCH + pl.duration(days=serial_n))
        .otherwise(None)
        .cast(pl.Date)
    )
    result = pl.coalesce(dmy, iso, compact, serial)
    return pl.when(result.dt.year().is_between(1900, 2100)).then(result).otherwise(None)


def getal(kolom: str) -> pl.Expr:
    """Number from `0,8`, `0.8`, `1.234,5`, `80%`; null when the text is not a number."""
    tekst = pl.col(kolom).str.strip_chars().str.strip_suffix("%").str.strip_chars()
    heeft_komma = tekst.str.contains(",", literal=True)
    heeft_punt = tekst.str.contains(".", literal=True)
    genormaliseerd = (
        pl.when(heeft_komma & heeft_punt)
        .then(tekst.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True))
        .when(heeft_komma)
        .then(tekst.str.replace(",", ".", literal=True))
        .otherwise(tekst)
    )
    ok = genormaliseerd.str.contains(r"^[+-]?(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
    return pl.when(ok).then(genormaliseerd.cast(pl.Float64, strict=False)).otherwise(None)


def ongeldig(ruw: str, geparsed: str) -> pl.Expr:
    """True where a cell has text that did not parse."""
    return pl.col(ruw).is_not_null() & pl.col(geparsed).is_null()


def _via_uniek(reeks: pl.Series, expr: pl.Expr, dtype: pl.DataType) -> pl.Series:
    """Parse each distinct text once (extracts repeat the same dates and factors millions of times)."""
    uniek = reeks.drop_nulls().unique()
    geparsed = pl.DataFrame({"x": uniek}).select(expr.alias("y"))["y"]
    return reeks.replace_strict(uniek, geparsed, default=None, return_dtype=dtype).alias(reeks.name)


def datum_reeks(reeks: pl.Series) -> pl.Series:
    """`datum` for a whole column, parsing each distinct value once."""
    return _via_uniek(reeks, datum("x"), pl.Date())


def getal_reeks(reeks: pl.Series) -> pl.Series:
    """`getal` for a whole column, parsing each distinct value once."""
    return _via_uniek(reeks, getal("x"), pl.Float64())
