"""Maandoverleg: the consultation of one client organisation and month as a fixed sequence of
steps, each with one message; the same steps make the PowerPoint deck and the workbook."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import plotly.graph_objects as go
import polars as pl

from dashboard import afspraken, pilots
from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.exports.pptx import Dia
from dashboard.i18n import N_, t
from dashboard.periods import Maand
from dashboard.store import Store
from dashboard.views import Context, afdelingen, duur, enquete, overzicht
from dashboard.views import pilots as pilot_mod


@dataclass
class Stap:
    """One step of the consultation: a title that states the finding, and what shows it."""

    sleutel: str
    naam: str
    titel: str
    ondertitel: str = ""
    figuur: go.Figure | None = None
    tabel: pl.DataFrame | None = None
    punten: list[str] = field(default_factory=list)
    toelichting: str = ""

    def dia(self, voetnoot: str) -> Dia:
        """The step as a slide (its chart native, its table as a table)."""
        tabel = self.tabel if self.figuur is None else None
        if self.figuur is not None:
            return Dia(
                self.titel,
                self.ondertitel,
                theme.voetnoot_van(self.figuur) or voetnoot,
                figuur=self.figuur,
                notities=self.toelichting,
            )
        return Dia(
            self.titel,
            self.ondertitel,
            voetnoot,
            tabel=tabel,
            punten=self.punten,
            notities=self.toelichting,
        )


STAPNAMEN: dict[str, str] = {
    "vorige": N_("Afspraken vorige keer"),
    "kerncijfers": N_("Kerncijfers"),
    "trend": N_("Trend en vergelijking"),
    "afdelingen": N_("Afdelingen"),
    "duur": N_("Duur en signalen"),
    "pilots": N_("Pilots"),
    "enquete": N_("Medewerkersonderzoek"),
    "afspraken": N_("Afspraken"),
}

#: Shorter names where the step chooser has little room.
_KORT: dict[str, str] = {
    "vorige": N_("Vorige keer"),
    "trend": N_("Trend"),
    "duur": N_("Duur"),
    "enquete": N_("Onderzoek"),
}


def kort(sleutel: str, taal: str = "nl") -> str:
    """Short name of a step (for the step chooser)."""
    if sleutel in _KORT:
        return t(_KORT[sleutel], taal)
    return stapnaam(sleutel, taal)


def stapnaam(sleutel: str, taal: str = "nl") -> str:
    """Display name of a step."""
    return t(STAPNAMEN[sleutel], taal) if sleutel in STAPNAMEN else sleutel


def kerncijfer_tabel(o: overzicht.Overzicht, taal: str = "nl") -> pl.DataFrame:
    """The headline numbers as a table: metric, month, last year, 12 months, a year earlier."""
    rijen = []
    for k in o.kaarten:
        rijen.append(
            {
                t("Maatstaf", taal): t(k.label, taal),
                t("Deze maand", taal): k.waarde("maand", taal),
                t("Zelfde maand vorig jaar", taal): k.vorig("maand", taal),
                t("12 maanden", taal): k.waarde("r12", taal),
                t("12 maanden een jaar eerder", taal): k.vorig("r12", taal),
            }
        )
    return pl.DataFrame(rijen)


def _kerncijfers(store: Store, ctx: Context) -> Stap:
    o = overzicht.bouw(store, ctx)
    sel = ctx.selectie
    return Stap(
        "kerncijfers",
        stapnaam("kerncijfers", ctx.taal),
        o.kop,
        ctx.ondertitel(fmt.maand(sel.maand, ctx.taal, lang=True)),
        tabel=kerncijfer_tabel(o, ctx.taal),
    )


def _trend(store: Store, ctx: Context) -> Stap:
    o = overzicht.bouw(store, ctx)
    from dashboard.charts import trend as trend_grafiek

    fig = trend_grafiek.trend(o, ctx).figuur
    return Stap(
        "trend", stapnaam("trend", ctx.taal), theme.titel_van(fig), ctx.ondertitel(""), figuur=fig,
        tabel=overzicht.tabel(o, ctx.taal),
    )  # fmt: skip


def _afdelingen(store: Store, ctx: Context) -> Stap | None:
    """The parts of the selected unit, ranked over the 12 months up to the month."""
    if not ctx.boom.kinderen.get(ctx.selectie.eenheid):
        return None
    a = afdelingen.bouw(store, ctx, basis="r12")
    from dashboard.charts import afdelingen as afdelingen_grafiek

    fig = afdelingen_grafiek.ranking(a, ctx).figuur
    return Stap(
        "afdelingen", stapnaam("afdelingen", ctx.taal), theme.titel_van(fig), ctx.ondertitel(""), figuur=fig,
        tabel=afdelingen.tabel(a, ctx.taal),
    )  # fmt: skip


def _duur(store: Store, ctx: Context) -> Stap:
    d = duur.bouw(store, ctx)
    from dashboard.charts import duur as duur_grafiek

    g = duur_grafiek.duurklassen(d, ctx)
    fig = g.figuur
    punten = [f"{s.label}: {s.waarde}" + (f" ({s.delta})" if s.delta else "") for s in d.signalen]
    return Stap(
        "duur", stapnaam("duur", ctx.taal), d.kop, ctx.ondertitel(""), figuur=fig, punten=punten,
        tabel=g.tabel,
    )  # fmt: skip


def _laatste_pilot(store: Store, ctx: Context) -> pilots.Pilot | None:
    """The most recent pilot of the organisation that has months after it to judge."""
    sel = ctx.selectie
    kandidaten = [
        p
        for p in pilot_mod.van_organisatie(ctx.boom, pilots.lijst(store), sel.organisatie)
        if Maand.of(p.eind) < sel.maand
    ]
    return max(kandidaten, key=lambda p: p.eind) if kandidaten else None


def _meting(store: Store, ctx: Context) -> str | None:
    """The latest survey wave up to the month."""
    return enquete.standaard_meting(enquete.metingen(store, ctx), ctx.selectie.maand)


def _pilot(store: Store, ctx: Context) -> Stap | None:
    """The most recent pilot with months after it: the pilot and comparison groups over time."""
    pilot = _laatste_pilot(store, ctx)
    if pilot is None:
        return None
    a = pilot_mod.bouw(store, ctx, pilot=pilot)
    from dashboard.charts import pilots as pilot_grafiek  # moves to exports with the deck
    from dashboard.views.pilots import tabellen as pilot_tabellen
    from dashboard.views.pilots import teksten as pilot_teksten

    fig = pilot_grafiek.voor_na(a, ctx, "meldingsfrequentie").figuur
    return Stap(
        "pilots", stapnaam("pilots", ctx.taal), theme.titel_van(fig), ctx.ondertitel(pilot.naam), figuur=fig,
        punten=[pilot_teksten.bevinding(a.kaarten, ctx.taal)], tabel=pilot_tabellen.effect_tabel(a, ctx.taal),
        toelichting=pilot_teksten.bevinding(a.kaarten, ctx.taal),
    )  # fmt: skip


def _enquete(store: Store, ctx: Context) -> Stap | None:
    """Demands against resources in the latest survey wave up to the month."""
    meting = _meting(store, ctx)
    if meting is None:
        return None
    e = enquete.bouw(store, ctx, meting=meting)
    from dashboard.charts import enquete as enquete_grafiek  # moves to exports with the deck

    g = enquete_grafiek.eisen_hulpbronnen(e, ctx)
    fig = g.figuur
    return Stap(
        "enquete", stapnaam("enquete", ctx.taal), theme.titel_van(fig), ctx.ondertitel(t("meting {m}", ctx.taal, m=meting)),
        figuur=fig, tabel=g.tabel,
    )  # fmt: skip


#: The step builders in the order of the consultation; each may be left out when it has nothing
#: to show (no pilot, no survey) by returning None.
BOUWERS: dict[str, Callable[[Store, Context], Stap | None]] = {
    "kerncijfers": _kerncijfers,
    "trend": _trend,
    "afdelingen": _afdelingen,
    "duur": _duur,
    "pilots": _pilot,
    "enquete": _enquete,
}


def stappen(store: Store, ctx: Context) -> list[Stap]:
    """All steps of the consultation with content (the agreements steps are added separately)."""
    uit = []
    for bouwer in BOUWERS.values():
        stap = bouwer(store, ctx)
        if stap is not None:
            uit.append(stap)
    return uit


def inhoud_sleutels(store: Store, ctx: Context) -> list[str]:
    """Which content steps this consultation has, found cheaply (no metrics): the page builds only
    the step on screen."""
    sleutels = ["kerncijfers", "trend"]
    if ctx.boom.kinderen.get(ctx.selectie.eenheid):
        sleutels.append("afdelingen")
    sleutels.append("duur")
    if _laatste_pilot(store, ctx) is not None:
        sleutels.append("pilots")
    if _meting(store, ctx) is not None:
        sleutels.append("enquete")
    return sleutels


def stap(store: Store, ctx: Context, *, sleutel: str) -> Stap | None:
    """One content step."""
    return BOUWERS[sleutel](store, ctx)


def afspraken_stap(store: Store, ctx: Context) -> Stap:
    """The agreements of this consultation, for the deck."""
    sel = ctx.selectie
    lijst = afspraken.van_overleg(store, sel.organisatie, sel.maand)
    punten = [f"{a.tekst}" + (f" ({a.eigenaar})" if a.eigenaar else "") for a in lijst]
    return Stap(
        "afspraken", stapnaam("afspraken", ctx.taal), t("Afspraken", ctx.taal),
        ctx.ondertitel(fmt.maand(sel.maand, ctx.taal, lang=True)),
        punten=punten or [t("(nog geen afspraken vastgelegd)", ctx.taal)],
    )  # fmt: skip


def vorige_stap(store: Store, ctx: Context) -> Stap | None:
    """The agreements of the previous consultation with their status."""
    sel = ctx.selectie
    maand, lijst = afspraken.vorige_keer(store, sel.organisatie, sel.maand)
    if maand is None:
        return None
    punten = [f"[{a.status}] {a.tekst}" + (f" ({a.eigenaar})" if a.eigenaar else "") for a in lijst]
    return Stap("vorige", stapnaam("vorige", ctx.taal), f"Afspraken van {fmt.maand(maand, ctx.taal, lang=True)}",
                ctx.ondertitel(""), punten=punten)  # fmt: skip


def deck(store: Store, ctx: Context) -> bytes:
    """The whole consultation as one 16:9 PowerPoint deck."""
    from dashboard.exports.pptx import deck as maak_deck

    sel = ctx.selectie
    voet = f"Bron: Verzuimzicht · peildatum {fmt.datum(ctx.peildatum, ctx.taal)}"
    alle = [
        s
        for s in (vorige_stap(store, ctx), *stappen(store, ctx), afspraken_stap(store, ctx))
        if s is not None
    ]
    titel = f"Maandoverleg {ctx.boom.naam(sel.organisatie)}"
    ondertitel = f"{fmt.maand(sel.maand, ctx.taal, lang=True)} · {ctx.eenheid_tekst()} · peildatum {fmt.datum(ctx.peildatum, ctx.taal)}"
    return maak_deck(titel, ondertitel, [s.dia(voet) for s in alle], taal=ctx.taal)
