"""Problem reports of an import: one line per problem (file, row, column, value, reason)."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

RAPPORT_SCHEMA = {
    "bestand": pl.String,
    "rij": pl.Int64,
    "kolom": pl.String,
    "waarde": pl.String,
    "reden": pl.String,
}


def leeg_rapport() -> pl.DataFrame:
    """A report without problems."""
    return pl.DataFrame(schema=RAPPORT_SCHEMA)


def probleem(
    bestand: str, reden: str, kolom: str = "", rij: int | None = None, waarde: str = ""
) -> pl.DataFrame:
    """A report with one problem."""
    return pl.DataFrame(
        [{"bestand": bestand, "rij": rij, "kolom": kolom, "waarde": waarde, "reden": reden}],
        schema=RAPPORT_SCHEMA,
    )


def rij_problemen(
    bestand: str, frame: pl.DataFrame, mask: pl.Expr, kolom: str, reden: str, waarde: pl.Expr
) -> pl.DataFrame:
    """The rows of `frame` (with `__rij`) where `mask` holds, as problems."""
    return frame.filter(mask).select(
        pl.lit(bestand).alias("bestand"),
        pl.col("__rij").cast(pl.Int64).alias("rij"),
        pl.lit(kolom).alias("kolom"),
        waarde.cast(pl.String).fill_null("").alias("waarde"),
        pl.lit(reden).alias("reden"),
    )


def samenvoegen(delen: list[pl.DataFrame]) -> pl.DataFrame:
    """Concatenate reports, ordered by file and row."""
    delen = [d for d in delen if d.height]
    if not delen:
        return leeg_rapport()
    return pl.concat([d.cast(RAPPORT_SCHEMA) for d in delen]).sort(  # type: ignore[arg-type]
        ["bestand", "rij"], nulls_last=False, maintain_order=True
    )


@dataclass
class Meldingen:
    """Notices that do not stop an import (ignored columns, assumptions)."""

    regels: list[str] = field(default_factory=list)

    def add(self, tekst: str) -> None:
        """Add one notice."""
        if tekst not in self.regels:
            self.regels.append(tekst)


def rapport_tekst(rapport: pl.DataFrame, max_regels: int = 1000) -> str:
    """The report as Dutch text lines for the terminal."""
    regels = []
    for r in rapport.head(max_regels).iter_rows(named=True):
        plaats = r["bestand"]
        if r["rij"] is not None:
            plaats += f", rij {r['rij']}"
        if r["kolom"]:
            plaats += f", kolom '{r['kolom']}'"
        waarde = f" (waarde: '{r['waarde']}')" if r["waarde"] else ""
        regels.append(f"- {plaats}: {r['reden']}{waarde}")
    if rapport.height > max_regels:
        regels.append(
            f"... en nog {rapport.height - max_regels} problemen (zie het volledige rapport)"
        )
    return "\n".join(regels)
