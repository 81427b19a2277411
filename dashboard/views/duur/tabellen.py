"""Duur en signalen, the tables behind the charts (the table alternative and the Excel sheet).

Column names from the catalogue; a suppressed row keeps its name and `onderdrukt`, its numbers
are None (shown as '< 10').
"""

from __future__ import annotations

import polars as pl

from dashboard import catalogus, metrics
from dashboard import format as fmt
from dashboard.i18n import t
from dashboard.views.duur.reeksen import (
    MAANDEN_LANGDURIG,
    MIJLPALEN,
    DuurEnSignalen,
    delen_gesorteerd,
)


def _label(sleutel: str, taal: str) -> str:
    return t(catalogus.metriek(sleutel).label, taal)


def _met_eenheid(sleutel: str, taal: str) -> str:
    """'Frequent verzuim (%)'."""
    return f"{_label(sleutel, taal)} ({catalogus.metriek(sleutel).eenheid})"


def r12_labels(frame: pl.DataFrame, taal: str) -> pl.DataFrame:
    """Rolling periods labelled 'nov 2025 – okt 2026', the latest first."""
    return frame.with_columns(
        pl.Series(
            "label",
            [
                f"{fmt.maand(v, taal)} – {fmt.maand(x, taal)}"
                for v, x in zip(frame["van"].to_list(), frame["tot"].to_list(), strict=True)
            ],
            dtype=pl.String,
        )
    )


def _procent_kolommen(taal: str) -> list[pl.Expr]:
    return [
        pl.col(f"verzuimpercentage_{k}").alias(
            t("Verzuimpercentage {klasse}", taal, klasse=_label(f"verzuimpercentage_{k}", taal))
        )
        for k in metrics.DUURKLASSEN
    ]


def tabel_duur(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """The monthly split behind the duration chart, latest month first."""
    return d.maanden.select(
        pl.col("van").alias(t("Maand", taal)),
        pl.col("verzuimpercentage").alias(_label("verzuimpercentage", taal)),
        *_procent_kolommen(taal),
        "onderdrukt",
    ).sort(t("Maand", taal), descending=True)


def tabel_r12(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """The rolling-year split behind the rolling chart."""
    return r12_labels(d.r12, taal).select(
        pl.col("label").alias(t("Periode", taal)),
        pl.col("verzuimpercentage").alias(_label("verzuimpercentage", taal)),
        *_procent_kolommen(taal),
        "onderdrukt",
    )


def tabel_beeindigd(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """Ended spells of each rolling year by whole length: counts and shares."""
    klassen = {k: _label(f"verzuimpercentage_{k}", taal) for k in metrics.DUURKLASSEN}
    return r12_labels(d.r12, taal).select(
        pl.col("label").alias(t("Periode", taal)),
        pl.col("beeindigde_meldingen").cast(pl.Int64).alias(_label("beeindigde_meldingen", taal)),
        *[
            pl.col(f"beeindigd_{k}").cast(pl.Int64).alias(f"{naam} ({t('aantal', taal)})")
            for k, naam in klassen.items()
        ],
        *[pl.col(f"aandeel_{k}").alias(f"{naam} (%)") for k, naam in klassen.items()],
        "onderdrukt",
    )


def _frequent_kolommen(taal: str) -> list[pl.Expr]:
    return [
        pl.col("eind_in_dienst").cast(pl.Int64).alias(t("In dienst op de laatste dag", taal)),
        pl.col("frequent_verzuim").cast(pl.Int64).alias(_label("frequent_verzuim", taal)),
        pl.col("frequent_verzuim_pct").alias(_met_eenheid("frequent_verzuim_pct", taal)),
    ]


def tabel_frequent_eenheden(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """Frequent absence per part at the month's end."""
    return delen_gesorteerd(d.delen, "frequent_verzuim_pct").select(
        pl.col("naam").alias(t("Eenheid", taal)), *_frequent_kolommen(taal), "onderdrukt"
    )


def tabel_frequent_trend(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """Frequent absence of the selected unit at each month's end, latest first."""
    return d.maanden.select(
        pl.col("van").alias(t("Maand", taal)), *_frequent_kolommen(taal), "onderdrukt"
    ).sort(t("Maand", taal), descending=True)


def _mijlpaal_kolommen(taal: str) -> list[pl.Expr]:
    return [pl.col(kolom).cast(pl.Int64).alias(t(label, taal)) for kolom, label in MIJLPALEN]


def tabel_langdurig_eenheden(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """Open spells past each milestone per part at the month's end (cumulative counts)."""
    return delen_gesorteerd(d.delen, "langdurig").select(
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("eind_in_dienst").cast(pl.Int64).alias(t("In dienst op de laatste dag", taal)),
        *_mijlpaal_kolommen(taal),
        pl.col("langdurig_per_100").alias(t("Voorbij week 6 per 100 in dienst", taal)),
        "onderdrukt",
    )


def tabel_langdurig_trend(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """Open spells past each milestone at each month's end, latest first."""
    return (
        d.maanden.tail(MAANDEN_LANGDURIG)
        .select(
            pl.col("van").alias(t("Maand", taal)),
            pl.col("eind_in_dienst").cast(pl.Int64).alias(t("In dienst op de laatste dag", taal)),
            *_mijlpaal_kolommen(taal),
            "onderdrukt",
        )
        .sort(t("Maand", taal), descending=True)
    )
