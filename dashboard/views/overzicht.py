"""Overzicht: headline numbers of the month and the rolling 12 months, and the monthly trend."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from dashboard import benchmarks, metrics
from dashboard import format as fmt
from dashboard.charts import trend
from dashboard.i18n import N_, t
from dashboard.periods import Maand, Periode
from dashboard.store import Store
from dashboard.views import Context, niet_getoond_tekst, periode_tekst


@dataclass(frozen=True)
class Kaart:
    """One headline number for the month and for the rolling 12 months, each against last year."""

    sleutel: str
    label: str
    maand: float | None
    maand_vorig_jaar: float | None
    r12: float | None
    r12_vorig_jaar: float | None
    onderdrukt: bool
    suffix: str
    decimalen: int
    lager_is_beter: bool = True
    reden: str | None = None

    def waarde(self, basis: str, taal: str = "nl") -> str:
        """The number as shown ('5,3%'), '< 10' when suppressed."""
        if self.onderdrukt:
            return fmt.ONDERDRUKT
        x = self.r12 if basis == "r12" else self.maand
        return f"{fmt.getal(x, self.decimalen, taal)}{self.suffix}" if x is not None else "–"

    def vorig(self, basis: str, taal: str = "nl") -> str:
        """The value a year earlier, as shown."""
        x = self.r12_vorig_jaar if basis == "r12" else self.maand_vorig_jaar
        if self.onderdrukt or x is None:
            return "–"
        return f"{fmt.getal(x, self.decimalen, taal)}{self.suffix}"

    def verschil(self, basis: str) -> float | None:
        """Change against the same period a year earlier."""
        nu, toen = (
            (self.r12, self.r12_vorig_jaar)
            if basis == "r12"
            else (self.maand, self.maand_vorig_jaar)
        )
        if self.onderdrukt or nu is None or toen is None:
            return None
        return nu - toen


@dataclass(frozen=True)
class Overzicht:
    """The content of the Overzicht view."""

    kaarten: list[Kaart]
    maanden: pl.DataFrame
    voortschrijdend: pl.DataFrame
    kop: str
    frequent_aantal: float | None


_KAARTEN = (
    # key, label, suffix, decimals, lower is better
    ("verzuimpercentage", "Verzuimpercentage", "%", 1, True),
    ("meldingsfrequentie", "Meldingsfrequentie", "", 2, True),
    ("gem_verzuimduur", "Gemiddelde verzuimduur", "", 1, True),
    ("nulverzuimpercentage", "Nulverzuim", "%", 1, False),
    ("frequent_verzuim_pct", "Frequent verzuim", "%", 1, True),
)


def bouw(store: Store, ctx: Context, *, vanaf: Maand | None = None) -> Overzicht:
    """Headline cards and the monthly and rolling series up to the selected month."""
    sel = ctx.selectie
    m = sel.maand
    groep = ctx.groep
    ps = [
        Periode(str(m), m, m),
        Periode(str(m.plus(-12)), m.plus(-12), m.plus(-12)),
        Periode("r12", m.plus(-11), m),
        Periode("r12_vorig", m.plus(-23), m.plus(-12)),
    ]
    kop = metrics.kerncijfers(
        store, ctx.boom, ps, [groep], filter=sel.filter, min_groep=ctx.min_groep
    )
    rij = {r["periode"]: r for r in kop.to_dicts()}
    nu, vj, r12, r12v = rij[str(m)], rij[str(m.plus(-12))], rij["r12"], rij["r12_vorig"]
    reden = nu["reden_onderdrukt"] or r12["reden_onderdrukt"]
    kaarten = [
        Kaart(
            sleutel, label, nu[sleutel], vj[sleutel], r12[sleutel], r12v[sleutel],
            bool(nu["onderdrukt"]) or bool(r12["onderdrukt"]), suffix, dec, lager, reden,
        )
        for sleutel, label, suffix, dec, lager in _KAARTEN
    ]  # fmt: skip
    begin = vanaf or metrics.eerste_maand(store) or m.plus(-35)
    begin = min(begin, m)
    maanden = metrics.kerncijfers(
        store, ctx.boom, metrics.periodes(ctx.boom, [groep], begin, m, "maand"), [groep],
        filter=sel.filter, min_groep=ctx.min_groep,
    )  # fmt: skip
    r12_reeks = metrics.kerncijfers(
        store, ctx.boom, metrics.periodes(ctx.boom, [groep], begin.plus(11), m, "voortschrijdend"), [groep],
        filter=sel.filter, min_groep=ctx.min_groep, met_nulverzuim=False,
    )  # fmt: skip
    return Overzicht(kaarten, maanden, r12_reeks, _kop(kaarten[0], m, ctx), nu["frequent_verzuim"])


def _kop(kaart: Kaart, m: Maand, ctx: Context) -> str:
    """The finding in one sentence, e.g. 'Verzuim in oktober 2026 0,4 procentpunt lager dan vorig
    jaar (5,3%)', for the month or for the 12 months up to it (the sidebar's comparison)."""
    taal = ctx.taal
    basis = "r12" if ctx.selectie.vergelijking == "r12" else "maand"
    maand = f"{fmt.maandnaam(m.maand, taal)} {m.jaar}"
    wanneer = (
        t("in de 12 maanden t/m {maand}", taal, maand=maand)
        if basis == "r12"
        else t("in {maand}", taal, maand=maand)
    )
    vergeleken = t("een jaar eerder", taal) if basis == "r12" else t("vorig jaar", taal)
    if kaart.onderdrukt:
        waarom = niet_getoond_tekst(kaart.reden, ctx.min_groep, taal)
        return t("Verzuim {wanneer}: {waarde}", taal, wanneer=wanneer, waarde=waarom)
    waarde = kaart.waarde(basis, taal)
    d = kaart.verschil(basis)
    if d is None:
        return t("Verzuim {wanneer}: {waarde}", taal, wanneer=wanneer, waarde=waarde)
    if abs(d) < 0.05:
        return t(
            "Verzuim {wanneer} gelijk aan {vergeleken} ({waarde})",
            taal, wanneer=wanneer, vergeleken=vergeleken, waarde=waarde,
        )  # fmt: skip
    zin = (
        N_("Verzuim {wanneer} {d} procentpunt hoger dan {vergeleken} ({waarde})")
        if d > 0
        else N_("Verzuim {wanneer} {d} procentpunt lager dan {vergeleken} ({waarde})")
    )
    return t(
        zin, taal, wanneer=wanneer, d=fmt.getal(abs(d), 1, taal), vergeleken=vergeleken,
        waarde=waarde,
    )  # fmt: skip


def trend_figuur(
    o: Overzicht, ctx: Context, *, metriek: str = "verzuimpercentage", benchmarks_tonen: bool = True
) -> go.Figure:
    """The monthly trend with the rolling 12-month line (and the benchmarks for the percentage)."""
    label = trend.METRIEKEN[metriek][0]
    van = o.maanden["van"].min() if o.maanden.height else None
    tot = o.maanden["van"].max() if o.maanden.height else None
    titel = _trend_titel(o.voortschrijdend, metriek, ctx)
    kader = ctx.kader(
        titel, f"{t(label, ctx.taal)} · " + periode_tekst(van, tot, ctx.taal) if van else ""
    )
    toon = benchmarks_tonen and metriek == "verzuimpercentage" and ctx.selectie.filter.leeg
    return trend.trend(
        o.maanden, o.voortschrijdend, kader, metriek=metriek,
        cbs=benchmarks.cbs_sector_o() if toon else None,
        rijk=benchmarks.rijk_maand() if toon else None,
    )  # fmt: skip


def _trend_titel(r12: pl.DataFrame, metriek: str, ctx: Context) -> str:
    label = t(trend.METRIEKEN[metriek][0], ctx.taal)
    geldig = r12.filter(~pl.col("onderdrukt") & pl.col(metriek).is_not_null())
    if geldig.height < 13:
        return label
    nu, toen = geldig[metriek][-1], geldig[metriek][-13]
    _, suffix, dec = trend.METRIEKEN[metriek]
    a, b = fmt.getal(toen, dec, ctx.taal) + suffix, fmt.getal(nu, dec, ctx.taal) + suffix
    zin = (
        N_("{label} over 12 maanden stijgt: van {a} een jaar eerder naar {b}")
        if nu > toen
        else N_("{label} over 12 maanden daalt: van {a} een jaar eerder naar {b}")
        if nu < toen
        else N_("{label} over 12 maanden stabiel: van {a} een jaar eerder naar {b}")
    )
    return t(zin, ctx.taal, label=label, a=a, b=b)


def seizoen_figuur(o: Overzicht, ctx: Context) -> go.Figure:
    """Each month against the same month of earlier years."""
    taal = ctx.taal
    titel = t("Seizoenspatroon: dezelfde maanden in eerdere jaren", taal)
    van = o.maanden["van"].min() if o.maanden.height else None
    tot = o.maanden["van"].max() if o.maanden.height else None
    return trend.seizoen(o.maanden, ctx.kader(titel, periode_tekst(van, tot, taal) if van else ""))


def tabel(o: Overzicht, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the trend, for the table toggle and the Excel download."""
    r12 = o.voortschrijdend.select(
        pl.col("tot").dt.truncate("1mo").alias("van"),
        pl.col("verzuimpercentage").alias("r12_pct"),
        pl.col("meldingsfrequentie").alias("r12_freq"),
    )
    return (
        o.maanden.join(r12, on="van", how="left")
        .select(
            pl.col("van").alias("Maand"),
            pl.col("bezetting").alias("Bezetting"),
            pl.col("verzuimpercentage").alias("Verzuimpercentage"),
            pl.col("r12_pct").alias("Verzuimpercentage 12 mnd"),
            pl.col("meldingen").alias("Meldingen"),
            pl.col("meldingsfrequentie").alias("Meldingsfrequentie"),
            pl.col("r12_freq").alias("Meldingsfrequentie 12 mnd"),
            pl.col("gem_verzuimduur").alias("Gemiddelde verzuimduur"),
            pl.col("nulverzuimpercentage").alias("Nulverzuimpercentage"),
            pl.col("frequent_verzuim").alias("Frequent verzuim"),
            "onderdrukt",
        )
        .sort("Maand", descending=True)
    )
