"""Overzicht: headline numbers of the month and the rolling 12 months, and the monthly trend."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard import catalogus, metrics
from dashboard import format as fmt
from dashboard.i18n import N_, t
from dashboard.periods import Maand, Periode
from dashboard.store import Store
from dashboard.views import Context, Kader, niet_getoond_tekst, periode_tekst, verandering
from dashboard.views.verandering import Richting


@dataclass(frozen=True)
class Kaart:
    """One headline number for the month and for the rolling 12 months, each against last year."""

    metriek: catalogus.Metriek
    maand: float | None
    maand_vorig_jaar: float | None
    r12: float | None
    r12_vorig_jaar: float | None
    onderdrukt: bool
    reden: str | None = None
    #: whether the change against a year earlier is more than chance, per basis ('maand',
    #: 'r12'); None where the metric has no such rule or the numbers are hidden
    richtingen: tuple[tuple[str, Richting | None], ...] = ()

    def richting(self, basis: str) -> Richting | None:
        """'hoger', 'lager' or 'gelijk' (within chance) against a year earlier."""
        return dict(self.richtingen).get(basis)

    @property
    def sleutel(self) -> str:
        """The metric's key."""
        return self.metriek.sleutel

    @property
    def label(self) -> str:
        """The metric's label (Dutch source text; translate with t)."""
        return self.metriek.label

    @property
    def kort_label(self) -> str:
        """The label where space is short."""
        return self.metriek.kort

    @property
    def suffix(self) -> str:
        """What follows the number: '%' or nothing."""
        return self.metriek.eenheid

    @property
    def decimalen(self) -> int:
        """Decimals shown (DESIGN 3: percentages one, frequency two, duration one)."""
        return self.metriek.decimalen

    @property
    def lager_is_beter(self) -> bool:
        """True when a fall is good news."""
        return self.metriek.lager_is_beter is not False

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
    #: months at the very start of the absence extract: spells that began before it are
    #: missing there, so their absence is too low (marked on the chart, in no comparison)
    onvolledig: tuple[Maand, ...] = ()


#: The card metrics with a person-level model for the change (metrics.persoonsommen).
_MET_REGEL = ("verzuimpercentage", "meldingsfrequentie")


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
    # the one rule for a change (persons as the sampling unit), for the metrics that have it
    rond = verandering.richtingen(
        store, ctx, {"maand": (ps[0], ps[1]), "r12": (ps[2], ps[3])}, _MET_REGEL
    )
    rond.update({("maand", "frequent_verzuim_pct"): verandering.aandeel(nu, vj)})
    kaarten = [
        Kaart(
            m_, nu[m_.sleutel], vj[m_.sleutel], r12[m_.sleutel], r12v[m_.sleutel],
            bool(nu["onderdrukt"]) or bool(r12["onderdrukt"]), reden,
            tuple((b, rond.get((b, m_.sleutel))) for b in ("maand", "r12")),
        )
        for m_ in catalogus.met_keuze("kaart")
    ]  # fmt: skip
    eerste = metrics.eerste_maand(store)
    begin = vanaf or eerste or m.plus(-35)
    begin = min(begin, m)
    onvolledig = (eerste,) if eerste is not None and begin <= eerste <= m else ()
    maanden = metrics.kerncijfers(
        store, ctx.boom, metrics.periodes(ctx.boom, [groep], begin, m, "maand"), [groep],
        filter=sel.filter, min_groep=ctx.min_groep,
    )  # fmt: skip
    r12_reeks = metrics.kerncijfers(
        # a rolling year that holds an incomplete month is left out: it would be too low
        store, ctx.boom,
        metrics.periodes(ctx.boom, [groep], begin.plus(11 + len(onvolledig)), m, "voortschrijdend"),
        [groep],
        filter=sel.filter, min_groep=ctx.min_groep, met_nulverzuim=False,
    )  # fmt: skip
    return Overzicht(
        kaarten, maanden, r12_reeks, _kop(kaarten[0], m, ctx), nu["frequent_verzuim"], onvolledig
    )


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
    r = kaart.richting(basis)
    if abs(d) < 0.05 and r != "hoger" and r != "lager":
        return t(
            "Verzuim {wanneer} gelijk aan {vergeleken} ({waarde})",
            taal, wanneer=wanneer, vergeleken=vergeleken, waarde=waarde,
        )  # fmt: skip
    if r == "gelijk":
        # a difference within chance is said as such, with both numbers
        return t(
            "Verzuim {wanneer} {waarde}: niet duidelijk anders dan {vergeleken} ({vorig})",
            taal, wanneer=wanneer, waarde=waarde, vergeleken=vergeleken,
            vorig=kaart.vorig(basis, taal),
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


def trend_titel(o: Overzicht, metriek: str, ctx: Context) -> str:
    """The trend's finding: the rolling 12 months against a year earlier."""
    r12 = o.voortschrijdend
    m_ = catalogus.metriek(metriek)
    label = t(m_.label, ctx.taal)
    geldig = r12.filter(~pl.col("onderdrukt") & pl.col(metriek).is_not_null())
    if geldig.height < 13:
        return label
    nu, toen = geldig[metriek][-1], geldig[metriek][-13]
    a = fmt.getal(toen, m_.decimalen, ctx.taal) + m_.eenheid
    b = fmt.getal(nu, m_.decimalen, ctx.taal) + m_.eenheid
    # the direction only where the one rule for a change says so (the same as the cards')
    kaart = next((k for k in o.kaarten if k.sleutel == metriek), None)
    r = kaart.richting("r12") if kaart is not None else None
    zin = (
        N_("{label} over 12 maanden stijgt: van {a} een jaar eerder naar {b}")
        if r == "hoger"
        else N_("{label} over 12 maanden daalt: van {a} een jaar eerder naar {b}")
        if r == "lager"
        else N_(
            "{label} over 12 maanden niet duidelijk veranderd: van {a} een jaar eerder naar {b}"
        )
        if r == "gelijk"
        else N_("{label} over 12 maanden: van {a} een jaar eerder naar {b}")
    )
    return t(zin, ctx.taal, label=label, a=a, b=b)


def trend_kader(o: Overzicht, ctx: Context, metriek: str) -> Kader:
    """The frame of the trend chart: its finding, the metric and the months shown."""
    van = o.maanden["van"].min() if o.maanden.height else None
    tot = o.maanden["van"].max() if o.maanden.height else None
    label = t(catalogus.metriek(metriek).label, ctx.taal)
    periode = f"{label} · " + periode_tekst(van, tot, ctx.taal) if van else ""
    return ctx.kader(trend_titel(o, metriek, ctx), periode)


def seizoen_kader(o: Overzicht, ctx: Context) -> Kader:
    """The frame of the seasonality chart."""
    van = o.maanden["van"].min() if o.maanden.height else None
    tot = o.maanden["van"].max() if o.maanden.height else None
    return ctx.kader(
        t("Seizoenspatroon: dezelfde maanden in eerdere jaren", ctx.taal),
        periode_tekst(van, tot, ctx.taal) if van else "",
    )


def benchmarks_tonen(ctx: Context, metriek: str, gevraagd: bool) -> bool:
    """Benchmarks are drawn for the absence rate of the whole group only (the public series
    have no attribute breakdown)."""
    return gevraagd and metriek == "verzuimpercentage" and ctx.selectie.filter.leeg


def tabel(o: Overzicht, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the trend, for the table toggle and the Excel download."""
    naam = {
        "Maand": t("Maand", taal),
        "Bezetting": t("Bezetting", taal),
        "Verzuimpercentage": t("Verzuimpercentage", taal),
        "Verzuimpercentage 12 mnd": t("Verzuimpercentage 12 mnd", taal),
        "Meldingen": t("Meldingen", taal),
        "Meldingsfrequentie": t("Meldingsfrequentie", taal),
        "Meldingsfrequentie 12 mnd": t("Meldingsfrequentie 12 mnd", taal),
        "Gemiddelde verzuimduur": t("Gemiddelde verzuimduur", taal),
        "Nulverzuimpercentage": t("Nulverzuimpercentage", taal),
        "Frequent verzuim": t("Frequent verzuim (aantal)", taal),
    }
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
        .rename(naam)
    )
