"""What the client team chooses before the meeting: the level and departments to compare, the
pilots and the survey scales to discuss. Kept in the URL (a link reproduces the meeting) and with
the meeting; what is not chosen gets a standard that carries a meeting on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dashboard import pilots
from dashboard.hierarchy import Boom
from dashboard.periods import Maand
from dashboard.store import Store
from dashboard.views import Context, enquete
from dashboard.views import afdelingen as afdelingen_mod
from dashboard.views import pilots as pilot_mod

#: Fewer parts than this under the meeting's unit (a ministry with three directorates-general):
#: the standard compares the first level below it that has at least this many units.
MIN_VERGELIJKEN = 4
#: Separators in the URL: unit codes and scale keys never hold a comma; pilot names may.
_SCHEIDING = {"eenheden": ",", "pilots": "|", "schalen": ","}
#: The URL parameters of the choice (declared as the Maandoverleg's page parameters).
PARAMETERS: tuple[str, ...] = ("niveau", "eenheden", "pilots", "schalen")
#: An explicit empty choice in the URL ("none of them"), as opposed to "the standard".
GEEN = "-"


@dataclass(frozen=True)
class Keuze:
    """The meeting's choices; None means "the standard" (see `vastgesteld`)."""

    niveau: int | None = None
    eenheden: tuple[str, ...] | None = None
    pilots: tuple[str, ...] | None = None
    schalen: tuple[str, ...] | None = None

    def naar_url(self) -> dict[str, str]:
        """The choices as page parameters ('' = the standard, left out of the URL)."""
        uit = {"niveau": "" if self.niveau is None else str(self.niveau)}
        for naam, teken in _SCHEIDING.items():
            waarden = getattr(self, naam)
            uit[naam] = "" if waarden is None else (teken.join(waarden) or GEEN)
        return uit

    @classmethod
    def van_url(cls, params: Mapping[str, str]) -> Keuze:
        """From page parameters; unknown values are dropped later by `vastgesteld`."""
        niveau = params.get("niveau", "")
        lijsten: dict[str, tuple[str, ...] | None] = {}
        for naam, teken in _SCHEIDING.items():
            tekst = params.get(naam, "")
            if not tekst:
                lijsten[naam] = None
            elif tekst == GEEN:
                lijsten[naam] = ()
            else:
                lijsten[naam] = tuple(
                    dict.fromkeys(w.strip() for w in tekst.split(teken) if w.strip())
                )
        return cls(
            int(niveau) if niveau.isdigit() else None,
            lijsten["eenheden"],
            lijsten["pilots"],
            lijsten["schalen"],
        )


@dataclass(frozen=True)
class Opties:
    """What can be chosen for this meeting."""

    niveaus: tuple[int, ...]
    #: the units of every level, in the tree's order (level -> codes)
    eenheden: Mapping[int, tuple[str, ...]]
    #: pilots of the organisation with months after them to judge (newest first)
    pilots: tuple[str, ...]
    #: survey scales of the latest wave up to the month (key, label), empty without a survey
    schalen: tuple[tuple[str, str], ...]


def _delen(boom: Boom, ctx: Context, niveau: int) -> tuple[str, ...]:
    sel = ctx.selectie
    if niveau == afdelingen_mod.ONDERDELEN:
        return tuple(boom.kinderen.get(sel.eenheid, []))
    return tuple(boom.op_niveau(sel.organisatie, niveau))


def beoordeelbare_pilots(store: Store, ctx: Context) -> list[pilots.Pilot]:
    """Pilots of the organisation that ended before the month (there is an 'after' to judge)."""
    sel = ctx.selectie
    return [
        p
        for p in pilot_mod.van_organisatie(ctx.boom, pilots.lijst(store), sel.organisatie)
        if Maand.of(p.eind) < sel.maand
    ]


def meting(store: Store, ctx: Context) -> str | None:
    """The latest survey wave up to the month."""
    return enquete.standaard_meting(enquete.metingen(store, ctx), ctx.selectie.maand)


def opties(store: Store, ctx: Context) -> Opties:
    """Levels, units, pilots and scales one can choose for this meeting."""
    boom = ctx.boom
    niveaus = tuple(afdelingen_mod.niveaus(boom, ctx.selectie.organisatie))
    schalen: tuple[tuple[str, str], ...] = ()
    if meting(store, ctx) is not None:
        schalen = tuple((s.sleutel, s.label) for s in enquete.bouw(store, ctx).schalen)
    kandidaten = sorted(beoordeelbare_pilots(store, ctx), key=lambda p: p.eind, reverse=True)
    return Opties(
        niveaus,
        {n: _delen(boom, ctx, n) for n in niveaus},
        tuple(p.naam for p in kandidaten),
        schalen,
    )


def standaard_niveau(o: Opties) -> int:
    """The parts of the meeting's unit, or (when it has fewer than four) the first level below it
    with at least four units."""
    if len(o.eenheden.get(afdelingen_mod.ONDERDELEN, ())) >= MIN_VERGELIJKEN:
        return afdelingen_mod.ONDERDELEN
    for n in o.niveaus:
        if n != afdelingen_mod.ONDERDELEN and len(o.eenheden[n]) >= MIN_VERGELIJKEN:
            return n
    return afdelingen_mod.ONDERDELEN


def vastgesteld(o: Opties, keuze: Keuze) -> Keuze:
    """The choice with every standard filled in and every value that does not exist (any more)
    left out: level (see `standaard_niveau`), all its units, the most recent pilot, and the
    survey's standard scale (uitputting)."""
    niveau = keuze.niveau if keuze.niveau in o.niveaus else standaard_niveau(o)
    delen = o.eenheden.get(niveau, ())
    eenheden = delen if keuze.eenheden is None else tuple(e for e in keuze.eenheden if e in delen)
    if keuze.eenheden and not eenheden:  # a choice of another level: all of this one
        eenheden = delen
    pilots_ = (
        o.pilots[:1] if keuze.pilots is None else tuple(p for p in keuze.pilots if p in o.pilots)
    )
    sleutels = [s for s, _ in o.schalen]
    standaard = ("uitputting",) if "uitputting" in sleutels else tuple(sleutels[-1:])
    schalen = (
        standaard if keuze.schalen is None else tuple(s for s in keuze.schalen if s in sleutels)
    )
    return Keuze(niveau, eenheden, pilots_, schalen)
