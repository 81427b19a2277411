"""Maandoverleg: the consultation of one client organisation and month as a fixed sequence of
steps, each with one message; the same steps make the screen, the PowerPoint deck and the
workbook (also `python -m dashboard export`).

It composes the views and their charts, so it sits with the exports (the layers in
.importlinter): the page shows a step's Grafiek, the deck makes it a slide.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from dashboard import afspraken, config, definitions, pilots
from dashboard import format as fmt
from dashboard.charts import Grafiek
from dashboard.charts import afdelingen as afdelingen_grafiek
from dashboard.charts import duur as duur_grafiek
from dashboard.charts import enquete as enquete_grafiek
from dashboard.charts import pilots as pilot_grafiek
from dashboard.charts import trend as trend_grafiek
from dashboard.exports.pptx import Dia
from dashboard.exports.pptx import deck as maak_deck
from dashboard.exports.xlsx import frame_naar_werkboek
from dashboard.hierarchy import laad_boom
from dashboard.i18n import N_, t
from dashboard.periods import Maand
from dashboard.selectie import Selectie
from dashboard.store import Store, open_lezen
from dashboard.views import Context, afdelingen, duur, enquete, overzicht
from dashboard.views import pilots as pilot_mod
from dashboard.views.pilots import tabellen as pilot_tabellen
from dashboard.views.pilots import teksten as pilot_teksten


@dataclass
class Stap:
    """One step of the consultation: a title that states the finding, and what shows it."""

    sleutel: str
    naam: str
    titel: str
    ondertitel: str = ""
    grafiek: Grafiek | None = None
    tabel: pl.DataFrame | None = None
    punten: list[str] = field(default_factory=list)
    toelichting: str = ""

    def dia(self, voetnoot: str) -> Dia:
        """The step as a slide (its chart native where it can be, else its table or points)."""
        if self.grafiek is not None:
            dia = Dia.van(self.grafiek, notities=self.toelichting)
            dia.titel, dia.ondertitel = self.titel, self.ondertitel
            return dia
        return Dia(
            self.titel,
            self.ondertitel,
            voetnoot,
            tabel=self.tabel,
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


def _grafiekstap(
    sleutel: str,
    g: Grafiek,
    ctx: Context,
    *,
    punten: list[str] | None = None,
    toelichting: str = "",
) -> Stap:
    """A step whose message is a chart (its title, subtitle and numbers)."""
    return Stap(
        sleutel, stapnaam(sleutel, ctx.taal), g.titel, g.ondertitel, grafiek=g, tabel=g.tabel,
        punten=punten or [], toelichting=toelichting,
    )  # fmt: skip


def _trend(store: Store, ctx: Context) -> Stap:
    return _grafiekstap("trend", trend_grafiek.trend(overzicht.bouw(store, ctx), ctx), ctx)


def _afdelingen(store: Store, ctx: Context) -> Stap | None:
    """The parts of the selected unit, ranked over the 12 months up to the month."""
    if not ctx.boom.kinderen.get(ctx.selectie.eenheid):
        return None
    a = afdelingen.bouw(store, ctx, basis="r12")
    return _grafiekstap("afdelingen", afdelingen_grafiek.ranking(a, ctx), ctx)


def _duur(store: Store, ctx: Context) -> Stap:
    d = duur.bouw(store, ctx)
    g = duur_grafiek.duurklassen(d, ctx)
    punten = [f"{s.label}: {s.waarde}" + (f" ({s.delta})" if s.delta else "") for s in d.signalen]
    stap = _grafiekstap("duur", g, ctx, punten=punten)
    stap.titel = d.kop
    return stap


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
    g = pilot_grafiek.voor_na(a, ctx, "meldingsfrequentie")
    bevinding = pilot_teksten.bevinding(a.kaarten, ctx.taal)
    stap = _grafiekstap("pilots", g, ctx, punten=[bevinding], toelichting=bevinding)
    stap.tabel = pilot_tabellen.effect_tabel(a, ctx.taal)
    return stap


def _enquete(store: Store, ctx: Context) -> Stap | None:
    """Demands against resources in the latest survey wave up to the month."""
    meting = _meting(store, ctx)
    if meting is None:
        return None
    e = enquete.bouw(store, ctx, meting=meting)
    return _grafiekstap("enquete", enquete_grafiek.eisen_hulpbronnen(e, ctx), ctx)


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
    titel = t("Afspraken van {maand}", ctx.taal, maand=fmt.maand(maand, ctx.taal, lang=True))
    return Stap("vorige", stapnaam("vorige", ctx.taal), titel, ctx.ondertitel(""), punten=punten)


def deck(store: Store, ctx: Context) -> bytes:
    """The whole consultation as one 16:9 PowerPoint deck."""
    sel = ctx.selectie
    peil = fmt.datum(ctx.peildatum, ctx.taal)
    voet = t("Bron: Verzuimzicht · peildatum {peil}", ctx.taal, peil=peil)
    alle = [
        s
        for s in (vorige_stap(store, ctx), *stappen(store, ctx), afspraken_stap(store, ctx))
        if s is not None
    ]
    titel = t("Maandoverleg {org}", ctx.taal, org=ctx.boom.naam(sel.organisatie))
    ondertitel = t(
        "{maand} · {eenheid} · peildatum {peil}", ctx.taal,
        maand=fmt.maand(sel.maand, ctx.taal, lang=True), eenheid=ctx.eenheid_tekst(), peil=peil,
    )  # fmt: skip
    return maak_deck(titel, ondertitel, [s.dia(voet) for s in alle], taal=ctx.taal)


def exporteer_overleg(
    db: Path, eenheid: str, maand: Maand, pptx: Path, xlsx: Path | None, min_groep: int | None
) -> int:
    """Write the deck (and the workbook); returns the CLI exit code."""
    store = open_lezen(db)
    try:
        boom = laad_boom(store)
        if eenheid not in boom.eenheden:
            print(f"fout: onbekende eenheid '{eenheid}'", file=sys.stderr)
            return 2
        organisatie = boom.eenheden[eenheid].organisatie
        laatste = boom.laatste_maand([organisatie])
        if laatste is None or maand > laatste:
            tekst = (
                f"de laatste maand met gegevens is {laatste}"
                if laatste
                else "er zijn geen gegevens"
            )
            print(f"fout: geen cijfers voor {maand}: {tekst}", file=sys.stderr)
            return 2
        minimum = config.settings().min_groep if min_groep is None else min_groep
        ctx = Context(boom, Selectie(organisatie, eenheid, maand), minimum)
        pptx.write_bytes(deck(store, ctx))
        print(f"PowerPoint geschreven: {pptx}")
        if xlsx is not None:
            xlsx.write_bytes(werkboek(store, ctx))
            print(f"Excel geschreven: {xlsx}")
    finally:
        store.close()
    return 0


def werkboek(store: Store, ctx: Context) -> bytes:
    """The numbers of every step as sheets, with the 'Toelichting' sheet."""
    bladen = {}
    for stap in stappen(store, ctx):
        if stap.tabel is not None:
            bladen[stap.naam] = stap.tabel
    buffer = io.BytesIO()
    instellingen = config.settings()
    frame_naar_werkboek(
        bladen,
        buffer,
        toelichting=[
            (t("Selectie", ctx.taal), ctx.eenheid_tekst()),
            (t("Maand", ctx.taal), fmt.maand(ctx.selectie.maand, ctx.taal, lang=True)),
            (t("Peildatum", ctx.taal), fmt.datum(ctx.peildatum, ctx.taal)),
            *definitions.toelichting_regels(ctx.min_groep, instellingen.min_respondenten, ctx.taal),
        ],
    )
    return buffer.getvalue()
