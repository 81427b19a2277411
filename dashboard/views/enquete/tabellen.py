"""Medewerkersonderzoek, the frames the charts draw and the tables behind them (the table
alternative and the Excel sheet).

A suppressed row keeps its name and `onderdrukt`; its numbers are None (shown as '< 10').
"""

from __future__ import annotations

import polars as pl

from dashboard.catalogus import metriek, schaal
from dashboard.i18n import t
from dashboard.views.enquete.model import KWADRANTEN, Enquete, met_kwadrant
from dashboard.views.enquete.teksten import groep_label, kort_naam, schaal_label

_CELLEN = {
    "rij": pl.String, "referentie": pl.Boolean, "schaal": pl.String, "groep": pl.String,
    "richting": pl.Int64, "span": pl.Float64, "decimalen": pl.Int64, "score": pl.Float64,
    "vorige": pl.Float64, "verschil": pl.Float64, "gemiddelde": pl.Float64,
    "respondenten": pl.Int64, "eenheden_onderdrukt": pl.Int64, "onderdrukt": pl.Boolean,
}  # fmt: skip


def _verzuim_label(taal: str) -> str:
    return t(metriek("verzuimpercentage").label, taal)


def _gemiddelde_naam(naam: str, code: str, taal: str) -> str:
    # a long name would take half the heat map's width: the code then
    naam = kort_naam(naam)
    return t("Gemiddelde {naam}", taal, naam=naam if len(naam) <= 28 else code)


def cellen(e: Enquete, taal: str = "nl") -> pl.DataFrame:
    """One row per shown row (averages first, then the units) and scale: what the heat map draws."""
    org = e.organisatie
    rijen = []
    for ref, frame in ((True, e.referenties), (False, e.eenheden)):
        for r in frame.iter_rows(named=True):
            naam = _gemiddelde_naam(r["naam"], r["code"], taal) if ref else r["naam"]
            for s in e.schalen:
                score, vorige = r.get(f"score_{s.sleutel}"), r.get(f"vorige_{s.sleutel}")
                rijen.append(
                    {
                        "rij": naam,
                        "referentie": ref,
                        "schaal": schaal_label(s, taal),
                        "groep": groep_label(s.groep, taal),
                        "richting": s.richting,
                        "span": s.span,
                        "decimalen": s.decimalen,
                        "score": score,
                        "vorige": vorige,
                        "verschil": (
                            score - vorige if score is not None and vorige is not None else None
                        ),
                        "gemiddelde": org.get(f"score_{s.sleutel}"),
                        "respondenten": r["respondenten"],
                        "eenheden_onderdrukt": r["eenheden_onderdrukt"],
                        "onderdrukt": r["onderdrukt"],
                    }
                )
    return pl.DataFrame(rijen, schema=_CELLEN)


def tabel_scores(e: Enquete, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the heat map: score and change per scale, averages first."""
    kolommen: list[pl.Expr] = [
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("respondenten").alias(t("Respondenten", taal)),
    ]
    for s in e.schalen:
        label = schaal_label(s, taal).lower()
        kolommen.append(pl.col(f"score_{s.sleutel}").alias(t("Score {schaal}", taal, schaal=label)))
    for s in e.schalen:
        label = schaal_label(s, taal).lower()
        kolommen.append(
            (pl.col(f"score_{s.sleutel}") - pl.col(f"vorige_{s.sleutel}"))
            .round(s.decimalen + 1)
            .alias(t("Verschil {schaal}", taal, schaal=label))
        )
    referenties = e.referenties.with_columns(
        pl.Series(
            "naam",
            [t("Gemiddelde {naam}", taal, naam=n) for n in e.referenties["naam"].to_list()],
            dtype=pl.String,
        )
    )
    return pl.concat([referenties, e.eenheden], how="diagonal_relaxed").select(
        *kolommen, "onderdrukt"
    )


def tabel_jdr(e: Enquete, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the demands-resources chart."""
    return met_kwadrant(e).select(
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("respondenten").alias(t("Respondenten", taal)),
        pl.col("eisen").alias(t("Score taakeisen", taal)),
        pl.col("hulpbronnen").alias(t("Score hulpbronnen", taal)),
        pl.col("kwadrant")
        .replace_strict(
            {k: t(k, taal) for k in KWADRANTEN.values()}, default=None, return_dtype=pl.String
        )
        .alias(t("Kwadrant", taal)),
        pl.when(pl.col("onderdrukt"))
        .then(None)
        .otherwise(pl.col("verzuimpercentage"))
        .alias(_verzuim_label(taal)),
        "onderdrukt",
    )


def tabel_verzuim(e: Enquete, sleutel: str, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the survey-against-absence chart."""
    label = schaal_label(schaal(sleutel), taal).lower()
    kolom = f"score_{sleutel}"
    if kolom not in e.eenheden.columns:
        kolom = "eisen"
    return e.eenheden.select(
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("respondenten").alias(t("Respondenten", taal)),
        pl.col(kolom).alias(t("Score {schaal}", taal, schaal=label)),
        pl.when(pl.col("onderdrukt"))
        .then(None)
        .otherwise(pl.col("verzuimpercentage"))
        .alias(_verzuim_label(taal)),
        "onderdrukt",
    )
