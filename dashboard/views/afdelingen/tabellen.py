"""Afdelingen, the tables: the numbers behind each chart (screen table, Excel, CSV)."""

from __future__ import annotations

import polars as pl

from dashboard import catalogus
from dashboard.i18n import t
from dashboard.views.afdelingen.model import Afdelingen, Regelkaart, volgorde
from dashboard.views.afdelingen.teksten import POSITIES, ref_naam, signaal_tekst


def _label(sleutel: str, taal: str) -> str:
    return t(catalogus.metriek(sleutel).label, taal)


def tabel(a: Afdelingen, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the ranking, funnel and verzuimvenster, one row per unit."""
    vorig = a.vorig.select(
        "eenheid", pl.col("verzuimpercentage").alias("_vorig_pct"),
        pl.col("meldingsfrequentie").alias("_vorig_freq"),
    )  # fmt: skip
    frame = volgorde(a.eenheden, "verzuimpercentage").join(
        vorig, on="eenheid", how="left", maintain_order="left"
    )

    def positie(kolom: str) -> pl.Expr:
        return pl.col(kolom).replace_strict(
            {k: t(v, taal) for k, v in POSITIES.items()}, default=None, return_dtype=pl.String
        )

    return frame.select(
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("bezetting").alias(_label("bezetting", taal)),
        pl.col("fte").alias(_label("fte", taal)),
        pl.col("verzuimpercentage").alias(_label("verzuimpercentage", taal)),
        pl.col("verzuimpercentage_laag").alias(t("Verzuimpercentage 95%-interval van", taal)),
        pl.col("verzuimpercentage_hoog").alias(t("Verzuimpercentage 95%-interval tot", taal)),
        positie("verzuimpercentage_klasse_998").alias(t("Verzuimpercentage in de funnel", taal)),
        pl.col("_vorig_pct").alias(t("Verzuimpercentage een jaar eerder", taal)),
        pl.col("meldingen").alias(_label("meldingen", taal)),
        pl.col("meldingsfrequentie").alias(_label("meldingsfrequentie", taal)),
        pl.col("meldingsfrequentie_laag").alias(t("Meldingsfrequentie 95%-interval van", taal)),
        pl.col("meldingsfrequentie_hoog").alias(t("Meldingsfrequentie 95%-interval tot", taal)),
        positie("meldingsfrequentie_klasse_998").alias(t("Meldingsfrequentie in de funnel", taal)),
        pl.col("_vorig_freq").alias(t("Meldingsfrequentie een jaar eerder", taal)),
        pl.col("gem_verzuimduur").alias(_label("gem_verzuimduur", taal)),
        "onderdrukt",
    )


def tabel_maanden(a: Afdelingen, taal: str = "nl") -> pl.DataFrame:
    """The heat map's numbers: one row per unit and month."""
    namen = dict(zip(a.eenheden["eenheid"].to_list(), a.eenheden["naam"].to_list(), strict=True))
    namen[a.referentie] = ref_naam(a, taal)
    volg = [a.referentie, *volgorde(a.eenheden, "verzuimpercentage")["eenheid"].to_list()]
    rang = {e: i for i, e in enumerate(volg)}
    kolommen = ["eenheid", "van", "bezetting", "verzuimpercentage", "meldingen", "onderdrukt"]
    frame = pl.concat([a.ref_maanden.select(kolommen), a.maanden.select(kolommen)])
    return (
        frame.with_columns(
            pl.col("eenheid").replace_strict(rang, return_dtype=pl.Int64).alias("_rang"),
            pl.col("eenheid").replace_strict(namen, return_dtype=pl.String).alias("_naam"),
        )
        .sort(["_rang", "van"])
        .select(
            pl.col("_naam").alias(t("Eenheid", taal)),
            pl.col("van").alias(t("Maand", taal)),
            pl.col("bezetting").alias(_label("bezetting", taal)),
            pl.col("verzuimpercentage").alias(_label("verzuimpercentage", taal)),
            pl.col("meldingen").alias(_label("meldingen", taal)),
            "onderdrukt",
        )
    )


def tabel_regelkaart(r: Regelkaart, taal: str = "nl") -> pl.DataFrame:
    """The control chart's numbers per month."""
    signalen = {s: signaal_tekst(s, taal) for s in r.reeks["signaal"].unique().to_list()}
    return r.reeks.select(
        pl.col("van").alias(t("Maand", taal)),
        pl.col("verzuimpercentage").alias(_label("verzuimpercentage", taal)),
        pl.col("verwacht").alias(t("Verwacht, seizoensgecorrigeerd (%)", taal)),
        pl.col("ondergrens").alias(t("Ondergrens (%)", taal)),
        pl.col("bovengrens").alias(t("Bovengrens (%)", taal)),
        pl.col("signaal")
        .replace_strict(signalen, return_dtype=pl.String)
        .alias(t("Signaal", taal)),
        "onderdrukt",
    ).sort(t("Maand", taal), descending=True)
