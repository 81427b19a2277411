"""The numbers behind the Pilots charts: the rows a chart draws and the table that goes with it
(screen toggle, Excel). A suppressed group or unit has no number at all (`onderdrukt`)."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from dashboard import catalogus
from dashboard import format as fmt
from dashboard.i18n import N_, t
from dashboard.views import Context, periode_tekst
from dashboard.views.pilots.model import METRIEKEN, PILOT, VERGELIJKING, Effectkaart, PilotAnalyse
from dashboard.views.pilots.teksten import eenheid, groepsnaam, groepsnamen, label

Rij = dict[str, object]


def _waarde(frame: pl.DataFrame, periode: str, eenheid_: str, metriek: str) -> float | None:
    rij = frame.filter((pl.col("periode") == periode) & (pl.col("eenheid") == eenheid_))
    if rij.height == 0 or bool(rij["onderdrukt"][0]):
        return None
    w = rij[metriek][0]
    return float(w) if w is not None else None


def _eenheid_rij(frame: pl.DataFrame, code: str, naam: str, rol: str, totaal: bool) -> Rij:
    onderdrukt = bool(frame.filter(pl.col("eenheid") == code)["onderdrukt"].any())
    rij: Rij = {
        "eenheid": code,
        "naam": naam,
        "rol": rol,
        "totaal": totaal,
        "onderdrukt": onderdrukt,
    }
    for m in METRIEKEN:
        for p in ("voor", "na"):
            rij[f"{m}_{p}"] = None if onderdrukt else _waarde(frame, p, code, m)
    return rij


def eenheden_rijen(a: PilotAnalyse, ctx: Context) -> list[Rij]:
    """Before and after per group ('samen') and per unit: naam, rol, totaal, onderdrukt and
    `<metriek>_voor` / `<metriek>_na` (None where suppressed). A role without its group (no
    comparison group) has no rows."""
    taal = ctx.taal
    rijen = []
    for rol in (PILOT, VERGELIJKING):
        if a.perioden.filter(pl.col("eenheid") == rol).height == 0:
            continue
        samen = t("samen", taal)
        naam = f"{groepsnaam(rol, taal)} ({samen})"
        rijen.append(_eenheid_rij(a.perioden, rol, naam, rol, True))
        if a.per_eenheid.height:
            codes = a.per_eenheid.filter(pl.col("rol") == rol)["eenheid"].unique(
                maintain_order=True
            )
            for code in codes:
                rijen.append(_eenheid_rij(a.per_eenheid, code, ctx.boom.naam(code), rol, False))
    return rijen


def eenheden_tabel(a: PilotAnalyse, ctx: Context) -> pl.DataFrame:
    """The numbers behind the per-unit chart; hidden units show '< 10' in every number."""
    taal = ctx.taal
    schema = {
        t("Eenheid", taal): pl.String,
        t("Groep", taal): pl.String,
        t("Meldingsfrequentie voor", taal): pl.Float64,
        t("Meldingsfrequentie na", taal): pl.Float64,
        t("Verzuimpercentage voor", taal): pl.Float64,
        t("Verzuimpercentage na", taal): pl.Float64,
        "onderdrukt": pl.Boolean,
    }
    rijen = [
        [
            r["naam"],
            groepsnaam(str(r["rol"]), taal),
            r["meldingsfrequentie_voor"],
            r["meldingsfrequentie_na"],
            r["verzuimpercentage_voor"],
            r["verzuimpercentage_na"],
            r["onderdrukt"],
        ]
        for r in eenheden_rijen(a, ctx)
    ]
    return pl.DataFrame(rijen, schema=schema, orient="row")


def effect_rijen(a: PilotAnalyse, taal: str = "nl") -> list[Rij]:
    """One row per metric for the effect chart: label, unit, decimals, the naive change, the
    difference in differences with its interval, and the corrected effect (None where unknown)."""
    rijen: list[Rij] = []
    for k in a.kaarten:
        e = k.effect
        rijen.append(
            {
                "metriek": k.metriek,
                "label": label(k.metriek, taal),
                "eenheid": eenheid(k.metriek, taal),
                "decimalen": catalogus.metriek(k.metriek).decimalen,
                "naief": k.naief,
                "schatting": e.schatting if e else None,
                "laag": e.laag if e else None,
                "hoog": e.hoog if e else None,
                "gecorrigeerd": k.gecorrigeerd,
            }
        )
    return rijen


#: The quantities of the effect table: (row name, the value of a card, group and window whose
#: suppression the row shares).
_GROOTHEDEN: tuple[tuple[str, Callable[[PilotAnalyse, Effectkaart], object], str, str], ...] = (
    (N_("Pilotgroep voor"), lambda a, k: k.pilot_voor, PILOT, "voor"),
    (N_("Pilotgroep na"), lambda a, k: k.pilot_na, PILOT, "na"),
    (N_("Vergelijkingsgroep voor"), lambda a, k: k.vergelijk_voor, VERGELIJKING, "voor"),
    (N_("Vergelijkingsgroep na"), lambda a, k: k.vergelijk_na, VERGELIJKING, "na"),
    (N_("Verandering pilotgroep (zonder vergelijking)"), lambda a, k: k.naief, "", ""),
    (
        N_("Effect (verschil in verschillen)"),
        lambda a, k: k.effect.schatting if k.effect else None,
        "",
        "",
    ),
    (N_("95%-interval van"), lambda a, k: k.effect.laag if k.effect else None, "", ""),
    (N_("95%-interval tot"), lambda a, k: k.effect.hoog if k.effect else None, "", ""),
    (N_("Relatief effect (%)"), lambda a, k: k.effect.relatief if k.effect else None, "", ""),
    (
        N_("Verwachte daling door regressie naar het gemiddelde"),
        lambda a, k: k.regressie.verwachte_daling if k.regressie and k.regressie_tonen else None,
        "",
        "",
    ),
    (N_("Effect na aftrek regressie (grove schatting)"), lambda a, k: k.gecorrigeerd, "", ""),
    (N_("Overdispersie φ van de veranderingen"), lambda a, k: k.phi, "", ""),
    (N_("Jaarcorrelatie ρ"), lambda a, k: a.rho.get(k.metriek), "", ""),
)
#: The effect table's column per metric.
_EFFECT_KOLOMMEN = {
    "meldingsfrequentie": N_("Meldingsfrequentie (per jaar)"),
    "verzuimpercentage": N_("Verzuimpercentage (%)"),
}


def effect_tabel(a: PilotAnalyse, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the effect chart: one column per metric, one row per quantity."""
    rijen = []
    for naam, waarde, groep, periode in _GROOTHEDEN:
        rij: Rij = {t("Grootheid", taal): t(naam, taal)}
        for m in METRIEKEN:
            w = waarde(a, a.kaart(m))
            rij[t(_EFFECT_KOLOMMEN[m], taal)] = float(w) if isinstance(w, int | float) else None
        rij["onderdrukt"] = bool(
            groep
            and a.perioden.filter((pl.col("eenheid") == groep) & (pl.col("periode") == periode))[
                "onderdrukt"
            ].any()
        )
        rijen.append(rij)
    return pl.DataFrame(rijen)


def reeks_tabel(a: PilotAnalyse, soort: str = "3mnd", taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the monthly charts (both metrics, both groups)."""
    if a.reeks.height == 0:
        return pl.DataFrame()
    reeks = a.reeks.filter(pl.col("soort") == soort)
    return reeks.select(
        pl.col("maand").alias(t("Maand", taal)),
        pl.struct("van", "tot")
        .map_elements(
            lambda s: (
                periode_tekst(s["van"], s["tot"], taal)
                if s["van"].month != s["tot"].month
                else fmt.maand(s["van"], taal)
            ),
            return_dtype=pl.String,
        )
        .alias(t("Periode", taal)),
        pl.col("groep").replace_strict(groepsnamen(taal)).alias(t("Groep", taal)),
        pl.col("bezetting").alias(t("Bezetting", taal)),
        pl.col("meldingen").alias(t("Meldingen", taal)),
        *(pl.col(m).alias(label(m, taal)) for m in METRIEKEN),
        "onderdrukt",
    ).sort(t("Maand", taal), t("Groep", taal))
