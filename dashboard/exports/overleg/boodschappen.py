"""The three messages of the month: what stands out, each with the numbers it rests on and the
step that shows it.

Candidates come from the views, and only from what their statistics call real: a department
above the funnel's limits, a pilot whose interval excludes no effect, a signal on the control
chart of the meeting's unit in the last three months, the year-on-year change of the headline
rates when its interval excludes zero. When fewer than three stand out, the headline numbers fill
the list, worded as they are ("gelijk", "geen duidelijk verschil"), never as a change.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard import format as fmt
from dashboard.exports.overleg.keuze import Keuze, beoordeelbare_pilots, meting
from dashboard.i18n import N_, t
from dashboard.statistiek import spc
from dashboard.store import Store
from dashboard.views import Context, afdelingen, enquete, overzicht
from dashboard.views import pilots as pilot_mod
from dashboard.views.afdelingen import teksten as afdelingen_teksten
from dashboard.views.pilots import teksten as pilot_teksten

AANTAL = 3
#: Months back in which a control-chart signal counts as news.
SIGNAAL_MAANDEN = 3


@dataclass(frozen=True)
class Boodschap:
    """One message: the sentence, the numbers it rests on, the step that shows it, and how much
    it stands out (higher first)."""

    tekst: str
    onderbouwing: str
    stap: str
    gewicht: float

    def als_punt(self) -> str:
        """The message as one line (slide, notes)."""
        return f"{self.tekst} — {self.onderbouwing}" if self.onderbouwing else self.tekst


def _afdelingen(store: Store, ctx: Context, keuze: Keuze) -> list[Boodschap]:
    """Departments above the funnel's 99,8% limit: the rule the Afdelingen title uses for
    "duidelijk boven het gemiddelde", so that the message and the step's title never disagree
    (a unit only beyond the 95% limit is, by that title, not clearly above)."""
    from dashboard.exports.overleg.stappen import gekozen_afdelingen

    a = gekozen_afdelingen(store, ctx, keuze)
    if a is None or not a.funnel_mogelijk():
        return []
    taal = ctx.taal
    ref = a.ref_waarde("verzuimpercentage")
    uit = []
    getoond = afdelingen.volgorde(a.getoond(), "verzuimpercentage")
    for r in getoond.iter_rows(named=True):
        k998 = r.get("verzuimpercentage_klasse_998")
        if k998 != "boven":
            continue
        waarde = afdelingen_teksten.waarde_tekst(r["verzuimpercentage"], "verzuimpercentage", taal)
        tekst = t("{naam} ligt duidelijk boven het gemiddelde", taal, naam=r["naam"])
        interval = ""
        if (
            r.get("verzuimpercentage_laag") is not None
            and r.get("verzuimpercentage_hoog") is not None
        ):
            interval = t(
                "95%-interval {laag} tot {hoog}",
                taal,
                laag=fmt.getal(r["verzuimpercentage_laag"], 1, taal),
                hoog=fmt.getal(r["verzuimpercentage_hoog"], 1, taal),
            )
        vergeleken = (
            t(
                "tegen {ref} voor {naam}",
                taal,
                ref=fmt.getal(ref, 1, taal) + "%",
                naam=a.referentie_naam,
            )
            if ref is not None
            else ""
        )
        onderbouwing = ", ".join(
            d
            for d in (t("verzuim 12 maanden {waarde}", taal, waarde=waarde), interval, vergeleken)
            if d
        )
        uit.append(Boodschap(tekst, onderbouwing, "afdelingen", 3.0))
    return uit[:2]


def _signalen(store: Store, ctx: Context) -> list[Boodschap]:
    """A signal on the control chart of the meeting's unit in the last months."""
    r = afdelingen.regelkaart(store, ctx, eenheid=ctx.selectie.eenheid)
    reeks = r.reeks.filter(pl.col("signaal").fill_null("") != "")
    if reeks.is_empty() or "van" not in reeks.columns:
        return []
    grens = ctx.selectie.maand.plus(1 - SIGNAAL_MAANDEN).eerste_dag
    recent = reeks.filter(pl.col("van") >= grens)
    if recent.is_empty():
        return []
    laatste = recent.row(-1, named=True)
    taal = ctx.taal
    waarde, verwacht = laatste.get("verzuimpercentage"), laatste.get("verwacht")
    # a month past a limit says which side, as the chart's label does (a rule for runs and
    # trends names its direction itself); the expected value is the season's (the chart is
    # seasonally adjusted), so a seasonal fall is no signal and the message says so in numbers
    sjabloon = _SIGNAAL
    zijde = laatste["signaal"] in (spc.BUITEN, spc.TWEE_VAN_DRIE)
    if zijde and waarde is not None and verwacht is not None:
        sjabloon = _SIGNAAL_HOGER if waarde >= verwacht else _SIGNAAL_LAGER
    tekst = t(
        sjabloon,
        taal,
        naam=r.naam,
        signaal=afdelingen_teksten.signaal_tekst(laatste["signaal"], taal),
    )
    maand = fmt.maand(laatste["van"], taal, lang=True)
    onder, boven = laatste.get("ondergrens"), laatste.get("bovengrens")
    if waarde is None:
        onderbouwing = t("{maand}: {waarde}", taal, maand=maand, waarde="–")
    elif verwacht is None or onder is None or boven is None:
        onderbouwing = t("{maand}: {waarde}", taal, maand=maand, waarde=_pct(waarde, taal))
    else:
        onderbouwing = t(
            "{maand}: {waarde}, verwacht voor de tijd van het jaar {verwacht} (grenzen {onder} "
            "tot {boven})",
            taal, maand=maand, waarde=_pct(waarde, taal), verwacht=_pct(verwacht, taal),
            onder=_pct(onder, taal), boven=_pct(boven, taal),
        )  # fmt: skip
    return [Boodschap(tekst, onderbouwing, "trend", 2.5)]


_SIGNAAL = N_("Signaal in de regelkaart van {naam}: {signaal}")
_SIGNAAL_HOGER = N_("Signaal in de regelkaart van {naam}: {signaal}, hoger dan verwacht")
_SIGNAAL_LAGER = N_("Signaal in de regelkaart van {naam}: {signaal}, lager dan verwacht")


def _pct(x: float, taal: str) -> str:
    return fmt.getal(x, 1, taal) + "%"


def _pilots(store: Store, ctx: Context, keuze: Keuze) -> list[Boodschap]:
    """Chosen pilots whose effect interval excludes no effect."""
    uit = []
    gekozen = set(keuze.pilots or ())
    for p in beoordeelbare_pilots(store, ctx):
        if p.naam not in gekozen:
            continue
        a = pilot_mod.bouw(store, ctx, pilot=p)
        duidelijk = [
            k
            for k in a.kaarten
            if k.effect is not None and (k.effect.hoog < 0 or k.effect.laag > 0)
        ]
        if not duidelijk:
            uit.append(
                Boodschap(
                    t("Pilot {naam}: nog geen duidelijk effect", ctx.taal, naam=p.naam),
                    pilot_teksten.bevinding(a.kaarten, ctx.taal),
                    f"pilot:{p.naam}",
                    0.5,
                )
            )
            continue
        uit.append(
            Boodschap(
                t("Pilot {naam}", ctx.taal, naam=p.naam),
                pilot_teksten.bevinding(duidelijk, ctx.taal),
                f"pilot:{p.naam}",
                2.4,
            )
        )
    return uit


def _kerncijfers(store: Store, ctx: Context) -> list[Boodschap]:
    """The headline: always a candidate, weighted by whether its change is real."""
    o = overzicht.bouw(store, ctx)
    kaart = o.kaarten[0]
    basis = "r12" if ctx.selectie.vergelijking == "r12" else "maand"
    onderbouwing = t(
        "{waarde} tegen {vorig} een jaar eerder",
        ctx.taal,
        waarde=kaart.waarde(basis, ctx.taal),
        vorig=kaart.vorig(basis, ctx.taal),
    )
    return [Boodschap(o.kop, onderbouwing, "kerncijfers", 1.0)]


def _enquete(store: Store, ctx: Context) -> list[Boodschap]:
    """The survey's finding on demands and resources (when there is a wave)."""
    m = meting(store, ctx)
    if m is None:
        return []
    e = enquete.bouw(store, ctx, meting=m)
    return [Boodschap(e.kop, enquete.meting_tekst(e, ctx.taal), "enquete", 0.8)]


def bouw(store: Store, ctx: Context, keuze: Keuze) -> list[Boodschap]:
    """The three messages: what stands out most, one per step at most where there is choice."""
    kandidaten = [
        *_afdelingen(store, ctx, keuze),
        *_signalen(store, ctx),
        *_pilots(store, ctx, keuze),
        *_kerncijfers(store, ctx),
        *_enquete(store, ctx),
    ]
    kandidaten.sort(key=lambda b: -b.gewicht)
    gekozen: list[Boodschap] = []
    for b in kandidaten:  # first one per step, then the rest
        if all(g.stap != b.stap for g in gekozen):
            gekozen.append(b)
    for b in kandidaten:
        if len(gekozen) >= AANTAL:
            break
        if b not in gekozen:
            gekozen.append(b)
    return sorted(gekozen[:AANTAL], key=lambda b: -b.gewicht)
