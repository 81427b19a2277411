"""The steps of the consultation, each with one message: agenda, last time's agreements, the
three messages of the month, key figures, trend, the chosen departments, duration, the chosen
pilots, the survey and its chosen scales, the agreements. The same steps make the screen, the
deck and the workbook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import polars as pl

from dashboard import afspraken, pilots
from dashboard import format as fmt
from dashboard.charts import Grafiek
from dashboard.charts import afdelingen as afdelingen_grafiek
from dashboard.charts import duur as duur_grafiek
from dashboard.charts import enquete as enquete_grafiek
from dashboard.charts import pilots as pilot_grafiek
from dashboard.charts import trend as trend_grafiek
from dashboard.exports.overleg import boodschappen as boodschappen_mod
from dashboard.exports.overleg.keuze import Keuze, beoordeelbare_pilots, meting, opties, vastgesteld
from dashboard.exports.pptx import Dia
from dashboard.i18n import N_, t, tn
from dashboard.store import Store
from dashboard.views import Context, afdelingen, duur, enquete, overzicht
from dashboard.views import pilots as pilot_mod
from dashboard.views.afdelingen import teksten as afdelingen_teksten
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
    #: the three messages (only on the 'boodschappen' step)
    boodschappen: list[boodschappen_mod.Boodschap] = field(default_factory=list)

    def dia(self, voetnoot: str) -> Dia:
        """The step as a slide (its chart native where it can be, else its table or points)."""
        if self.grafiek is not None:
            dia = Dia.van(self.grafiek, notities=self.toelichting)
            dia.titel, dia.ondertitel = self.titel, self.ondertitel
            return dia
        punten = self.punten or [b.als_punt() for b in self.boodschappen]
        return Dia(
            self.titel,
            self.ondertitel,
            voetnoot,
            tabel=self.tabel,
            punten=punten,
            notities=self.toelichting,
        )


STAPNAMEN: dict[str, str] = {
    "agenda": N_("Agenda"),
    "vorige": N_("Afspraken vorige keer"),
    "boodschappen": N_("Drie boodschappen"),
    "kerncijfers": N_("Kerncijfers"),
    "trend": N_("Trend en vergelijking"),
    "afdelingen": N_("Afdelingen"),
    "duur": N_("Duur en signalen"),
    "pilot": N_("Pilot"),
    "enquete": N_("Medewerkersonderzoek"),
    "schaal": N_("Onderzoek en verzuim"),
    "afspraken": N_("Afspraken"),
    "inzoom": N_("Inzoomen"),
}

#: Shorter names where the step chooser has little room.
_KORT: dict[str, str] = {
    "vorige": N_("Vorige keer"),
    "boodschappen": N_("Boodschappen"),
    "trend": N_("Trend"),
    "duur": N_("Duur"),
    "enquete": N_("Onderzoek"),
    "schaal": N_("Schaal"),
}


def soort(sleutel: str) -> str:
    """The kind of a step key ('pilot:Naam' -> 'pilot')."""
    return sleutel.split(":", 1)[0]


def _argument(sleutel: str) -> str:
    return sleutel.split(":", 1)[1] if ":" in sleutel else ""


def kort(sleutel: str, taal: str = "nl") -> str:
    """Short name of a step (for the step chooser)."""
    s = soort(sleutel)
    return t(_KORT[s], taal) if s in _KORT else stapnaam(s, taal)


def stapnaam(sleutel: str, taal: str = "nl") -> str:
    """Display name of a step."""
    s = soort(sleutel)
    return t(STAPNAMEN[s], taal) if s in STAPNAMEN else sleutel


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


def _maand(ctx: Context) -> str:
    return fmt.maand(ctx.selectie.maand, ctx.taal, lang=True)


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


def _kerncijfers(store: Store, ctx: Context, keuze: Keuze) -> Stap:
    o = overzicht.bouw(store, ctx)
    return Stap(
        "kerncijfers", stapnaam("kerncijfers", ctx.taal), o.kop, ctx.ondertitel(_maand(ctx)),
        tabel=kerncijfer_tabel(o, ctx.taal),
    )  # fmt: skip


def _trend(store: Store, ctx: Context, keuze: Keuze) -> Stap:
    return _grafiekstap("trend", trend_grafiek.trend(overzicht.bouw(store, ctx), ctx), ctx)


def gekozen_afdelingen(store: Store, ctx: Context, keuze: Keuze) -> afdelingen.Afdelingen | None:
    """The chosen level over the 12 months up to the month, with only the chosen units shown
    (their intervals and funnel positions are those among all units of the level)."""
    if keuze.niveau is None or not keuze.eenheden:
        return None
    a = afdelingen.bouw(store, ctx, niveau=keuze.niveau, basis="r12")
    gekozen = set(keuze.eenheden)
    return replace(
        a, eenheden=a.eenheden.filter(pl.col("code").is_in(gekozen) | pl.col("code").is_null())
        if len(gekozen) < a.eenheden.height else a.eenheden,
    )  # fmt: skip


def _afdelingen(store: Store, ctx: Context, keuze: Keuze) -> Stap | None:
    """The chosen departments ranked over the 12 months up to the month."""
    a = gekozen_afdelingen(store, ctx, keuze)
    if a is None:
        return None
    stap = _grafiekstap("afdelingen", afdelingen_grafiek.ranking(a, ctx), ctx)
    if a.opmerking:
        stap.punten = [a.opmerking]
    return stap


def drilbaar(store: Store, ctx: Context, keuze: Keuze) -> list[tuple[str, str]]:
    """(code, name) of the departments of the Afdelingen step one can zoom into."""
    a = gekozen_afdelingen(store, ctx, keuze)
    return a.drilbaar() if a is not None else []


def _duur(store: Store, ctx: Context, keuze: Keuze) -> Stap:
    d = duur.bouw(store, ctx)
    g = duur_grafiek.duurklassen(d, ctx)
    punten = [f"{s.label}: {s.waarde}" + (f" ({s.delta})" if s.delta else "") for s in d.signalen]
    stap = _grafiekstap("duur", g, ctx, punten=punten)
    stap.titel = d.kop
    return stap


def _pilot_van(store: Store, ctx: Context, naam: str) -> pilots.Pilot | None:
    return next((p for p in beoordeelbare_pilots(store, ctx) if p.naam == naam), None)


def _pilot(store: Store, ctx: Context, naam: str) -> Stap | None:
    """One chosen pilot: the pilot and comparison groups over time, and the verdict."""
    pilot = _pilot_van(store, ctx, naam)
    if pilot is None:
        return None
    a = pilot_mod.bouw(store, ctx, pilot=pilot)
    g = pilot_grafiek.voor_na(a, ctx, "meldingsfrequentie")
    bevinding = pilot_teksten.bevinding(a.kaarten, ctx.taal)
    stap = _grafiekstap(f"pilot:{naam}", g, ctx, punten=[bevinding], toelichting=bevinding)
    stap.naam = f"{stapnaam('pilot', ctx.taal)}: {naam}"
    stap.tabel = pilot_tabellen.effect_tabel(a, ctx.taal)
    return stap


def _enquete(store: Store, ctx: Context, keuze: Keuze) -> Stap | None:
    """Demands against resources in the latest survey wave up to the month."""
    m = meting(store, ctx)
    if m is None:
        return None
    e = enquete.bouw(store, ctx, meting=m)
    return _grafiekstap("enquete", enquete_grafiek.eisen_hulpbronnen(e, ctx), ctx)


def _schaal(store: Store, ctx: Context, sleutel: str) -> Stap | None:
    """One chosen survey scale next to absence, per unit."""
    m = meting(store, ctx)
    if m is None:
        return None
    e = enquete.bouw(store, ctx, meting=m)
    if sleutel not in {s.sleutel for s in e.schalen}:
        return None
    stap = _grafiekstap(
        f"schaal:{sleutel}", enquete_grafiek.schaal_verzuim(e, ctx, schaal_sleutel=sleutel), ctx
    )
    schaal = next(s for s in e.schalen if s.sleutel == sleutel)
    stap.naam = enquete.schaal_label(schaal, ctx.taal)
    return stap


def _boodschappen(store: Store, ctx: Context, keuze: Keuze) -> Stap:
    lijst = boodschappen_mod.bouw(store, ctx, keuze)
    return Stap(
        "boodschappen",
        stapnaam("boodschappen", ctx.taal),
        t("Drie boodschappen van {maand}", ctx.taal, maand=_maand(ctx)),
        ctx.ondertitel(""),
        boodschappen=lijst,
        toelichting="\n".join(b.als_punt() for b in lijst),
    )


#: Steps without an argument, in the order of the consultation; a builder returns None when it
#: has nothing to show (no departments, no survey).
BOUWERS: dict[str, Callable[[Store, Context, Keuze], Stap | None]] = {
    "boodschappen": _boodschappen,
    "kerncijfers": _kerncijfers,
    "trend": _trend,
    "afdelingen": _afdelingen,
    "duur": _duur,
    "enquete": _enquete,
}


def keuze_van(store: Store, ctx: Context, keuze: Keuze | None = None) -> Keuze:
    """The meeting's choice with its standards filled in."""
    return vastgesteld(opties(store, ctx), keuze or Keuze())


def inhoud_sleutels(store: Store, ctx: Context, keuze: Keuze | None = None) -> list[str]:
    """The content steps of this consultation, found cheaply (no metrics): the page builds only
    the step on screen. Pilots and scales get a step each ('pilot:<naam>', 'schaal:<sleutel>')."""
    k = keuze_van(store, ctx, keuze)
    sleutels = ["boodschappen", "kerncijfers", "trend"]
    if k.eenheden:
        sleutels.append("afdelingen")
    sleutels.append("duur")
    sleutels += [f"pilot:{p}" for p in k.pilots or ()]
    if meting(store, ctx) is not None:
        sleutels.append("enquete")
        sleutels += [f"schaal:{s}" for s in k.schalen or ()]
    return sleutels


def stap(store: Store, ctx: Context, *, sleutel: str, keuze: Keuze | None = None) -> Stap | None:
    """One content step."""
    k = keuze_van(store, ctx, keuze)
    s = soort(sleutel)
    if s == "pilot":
        return _pilot(store, ctx, _argument(sleutel))
    if s == "schaal":
        return _schaal(store, ctx, _argument(sleutel))
    if s in BOUWERS:
        return BOUWERS[s](store, ctx, k)
    return None


def stappen(store: Store, ctx: Context, keuze: Keuze | None = None) -> list[Stap]:
    """All content steps of the consultation (agenda and agreements are added separately)."""
    k = keuze_van(store, ctx, keuze)
    uit = []
    for sleutel in inhoud_sleutels(store, ctx, k):
        s = stap(store, ctx, sleutel=sleutel, keuze=k)
        if s is not None:
            uit.append(s)
    return uit


def agenda(store: Store, ctx: Context, sleutels: list[str], keuze: Keuze | None = None) -> Stap:
    """The agenda: the steps in order, with what was chosen for each."""
    k = keuze_van(store, ctx, keuze)
    taal = ctx.taal
    punten = []
    for sleutel in sleutels:
        s = soort(sleutel)
        if s == "agenda":
            continue
        tekst = stapnaam(sleutel, taal)
        if s == "afdelingen" and k.eenheden is not None and k.niveau is not None:
            soort_ = afdelingen.soort(ctx.boom, list(k.eenheden))
            tekst += ": " + afdelingen_teksten.aantal(len(k.eenheden), soort_, taal)
        elif s == "pilot":
            tekst += f": {_argument(sleutel)}"
        elif s == "schaal":
            tekst = t(
                "Onderzoek: {schaal} en verzuim",
                taal,
                schaal=_schaal_label(_argument(sleutel), taal),
            )
        punten.append(tekst)
    titel = t(
        "Maandoverleg {org}, {maand}",
        taal,
        org=ctx.boom.naam(ctx.selectie.organisatie),
        maand=_maand(ctx),
    )
    peil = fmt.datum(ctx.peildatum, taal) if ctx.peildatum else "–"
    ondertitel = t(
        "Agenda · {eenheid} · peildatum {peil}", taal, eenheid=ctx.eenheid_tekst(), peil=peil
    )
    return Stap("agenda", stapnaam("agenda", taal), titel, ondertitel, punten=punten)


def _schaal_label(sleutel: str, taal: str) -> str:
    from dashboard import catalogus

    try:
        return enquete.schaal_label(catalogus.schaal(sleutel), taal)
    except KeyError:
        return sleutel


def inzoom(store: Store, ctx: Context, *, eenheid: str) -> Stap | None:
    """Zooming into one department during the meeting: its key figures and its trend."""
    if eenheid not in ctx.boom.eenheden:
        return None
    sub = replace(ctx, selectie=replace(ctx.selectie, eenheid=eenheid))
    o = overzicht.bouw(store, sub)
    g = trend_grafiek.trend(o, sub)
    return Stap(
        f"inzoom:{eenheid}",
        ctx.boom.naam(eenheid),
        o.kop,
        sub.ondertitel(_maand(ctx)),
        grafiek=g,
        tabel=kerncijfer_tabel(o, ctx.taal),
    )


def afspraken_stap(store: Store, ctx: Context) -> Stap:
    """The agreements of this consultation, for the deck."""
    sel = ctx.selectie
    lijst = afspraken.van_overleg(store, sel.organisatie, sel.maand)
    punten = [afspraak_regel(a, ctx.taal) for a in lijst]
    return Stap(
        "afspraken", stapnaam("afspraken", ctx.taal), t("Afspraken", ctx.taal),
        ctx.ondertitel(_maand(ctx)),
        punten=punten or [t("(nog geen afspraken vastgelegd)", ctx.taal)],
    )  # fmt: skip


def afspraak_regel(a: afspraken.Afspraak, taal: str) -> str:
    """'Plan van aanpak bespreken (Preventiemedewerker · uiterlijk 1 dec 2026 · open)'."""
    delen = [d for d in (a.eigenaar, _deadline(a, taal), statusnaam(a.status, taal)) if d]
    return f"{a.tekst} ({' · '.join(delen)})"


def _deadline(a: afspraken.Afspraak, taal: str) -> str:
    deadline = getattr(a, "deadline", None)
    return t("uiterlijk {datum}", taal, datum=fmt.datum(deadline, taal)) if deadline else ""


#: The statuses of an agreement, as shown.
STATUSNAMEN: dict[str, str] = {
    "open": N_("open"),
    "loopt": N_("loopt"),
    "afgerond": N_("afgerond"),
    "vervallen": N_("vervallen"),
}


def statusnaam(status: str, taal: str = "nl") -> str:
    """An agreement's status in the interface language."""
    return t(STATUSNAMEN[status], taal) if status in STATUSNAMEN else status


def vorige_stap(store: Store, ctx: Context) -> Stap | None:
    """The agreements of the previous consultation with their status."""
    sel = ctx.selectie
    maand, lijst = afspraken.vorige_keer(store, sel.organisatie, sel.maand)
    if maand is None:
        return None
    punten = [afspraak_regel(a, ctx.taal) for a in lijst]
    titel = t("Afspraken van {maand}", ctx.taal, maand=fmt.maand(maand, ctx.taal, lang=True))
    aantal = sum(a.status in ("open", "loopt") for a in lijst)
    ondertitel = tn(
        "{aantal} afspraak loopt nog",
        "{aantal} afspraken lopen nog",
        aantal,
        ctx.taal,
        aantal=aantal,
    )
    return Stap("vorige", stapnaam("vorige", ctx.taal), titel, ondertitel, punten=punten)
