"""The pilots of an organisation as a list, the units a pilot can name, and the form's values
checked and turned into a `Pilot`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from dashboard import pilots
from dashboard.hierarchy import Boom
from dashboard.i18n import N_, t
from dashboard.pilots import Pilot, PilotFout
from dashboard.views.pilots.teksten import periode_van


def organisatie_van(boom: Boom, pilot: Pilot) -> str | None:
    """The client organisation of a pilot: that of its first unit still in the tree."""
    for code in (*pilot.pilot_eenheden, *pilot.vergelijk_eenheden):
        if code in boom.eenheden:
            return boom.eenheden[code].organisatie
    return None


def van_organisatie(boom: Boom, pilots_: Sequence[Pilot], organisatie: str) -> list[Pilot]:
    """The pilots of one client organisation, in the store's order (newest first)."""
    return [p for p in pilots_ if organisatie_van(boom, p) == organisatie]


def eenheid_opties(boom: Boom, organisatie: str) -> list[str]:
    """The units a pilot can name: every unit under the organisation, in tree order."""
    volgorde: list[str] = []

    def loop(code: str) -> None:
        volgorde.append(code)
        for kind in boom.kinderen.get(code, []):
            loop(kind)

    loop(organisatie)
    return volgorde[1:]


def eenheid_label(boom: Boom, code: str) -> str:
    """A unit's name, indented by its depth (as in the sidebar)."""
    e = boom.eenheden.get(code)
    if e is None:
        return code
    return ("\u2003" * (e.niveau - 1) + "└ " if e.niveau > 1 else "") + e.naam


#: The list's columns, in order.
_KOLOMMEN = (
    N_("Pilot"),
    N_("Periode"),
    N_("Pilot-eenheden"),
    N_("Vergelijkingseenheden"),
    N_("Waarom gekozen"),
    N_("Gekozen op hoog verzuim"),
)


def lijst_tabel(boom: Boom, pilots_: Sequence[Pilot], taal: str = "nl") -> pl.DataFrame:
    """The pilots as a table: name, period, units by name, why they were chosen."""

    def namen(codes: Sequence[str]) -> str:
        return ", ".join(boom.naam(c) for c in codes) or "–"

    ja, nee = t("ja", taal), t("nee", taal)
    kolommen = [
        [p.naam for p in pilots_],
        [periode_van(p, taal) for p in pilots_],
        [namen(p.pilot_eenheden) for p in pilots_],
        [namen(p.vergelijk_eenheden) for p in pilots_],
        [pilots.reden_zonder_markering(p.selectie_reden) or "–" for p in pilots_],
        [ja if p.geselecteerd_op_hoog_verzuim else nee for p in pilots_],
    ]
    koppen = [t(k, taal) for k in _KOLOMMEN]
    return pl.DataFrame(
        dict(zip(koppen, kolommen, strict=True)), schema=dict.fromkeys(koppen, pl.String)
    )


def maak_pilot(
    boom: Boom,
    bestaande: Sequence[Pilot],
    *,
    naam: str,
    omschrijving: str,
    begin: dt.date | None,
    eind: dt.date | None,
    pilot_eenheden: Sequence[str],
    vergelijk_eenheden: Sequence[str],
    reden: str,
    hoog_verzuim: bool,
    pilot_id: int | None = None,
    geselecteerd_op: str = "",
) -> Pilot:
    """A pilot from the form's values; PilotFout for what `Pilot.controleer` does not see.

    The names must be unique: `pilots.bewaar` updates a pilot with the same name, so a new pilot
    with an existing name would silently replace it. A comparison unit may not lie under a pilot
    unit or above it (its people would be in both groups). The tick "geselecteerd op hoog
    verzuim" is stored with the reason (`pilots.reden_met_vinkje`) and sets the field
    `geselecteerd_op` ('hoog verzuim', or the pilot's own `geselecteerd_op` when that is already
    a high value; unticked: the pilot's own non-high value, else 'anders').
    """
    if begin is None or eind is None:
        raise PilotFout(N_("vul een begin- en een einddatum in"))
    schoon = naam.strip()
    for p in bestaande:
        if p.pilot_id != pilot_id and p.naam.strip().lower() == schoon.lower() and schoon:
            raise PilotFout(
                N_("er bestaat al een pilot met de naam ‘{naam}’; kies een andere naam"),
                naam=schoon,
            )
    pilot_set = set(pilot_eenheden)
    for v in vergelijk_eenheden:
        for e in pilot_eenheden:
            if v != e and e in boom.pad(v):
                raise PilotFout(
                    N_("vergelijkingseenheid ‘{v}’ valt onder pilot-eenheid ‘{e}’"),
                    v=boom.naam(v),
                    e=boom.naam(e),
                )
            if v != e and v in boom.pad(e):
                raise PilotFout(
                    N_("pilot-eenheid ‘{e}’ valt onder vergelijkingseenheid ‘{v}’"),
                    v=boom.naam(v),
                    e=boom.naam(e),
                )
    return Pilot(
        naam=schoon,
        omschrijving=omschrijving.strip(),
        begin=begin,
        eind=eind,
        pilot_eenheden=tuple(dict.fromkeys(pilot_eenheden)),
        vergelijk_eenheden=tuple(
            v for v in dict.fromkeys(vergelijk_eenheden) if v not in pilot_set
        ),
        selectie_reden=pilots.reden_met_vinkje(reden, hoog_verzuim),
        pilot_id=pilot_id,
        geselecteerd_op=(
            (geselecteerd_op if geselecteerd_op in pilots.OP_HOOG else "hoog verzuim")
            if hoog_verzuim
            else (
                geselecteerd_op
                if geselecteerd_op and geselecteerd_op not in pilots.OP_HOOG
                else "anders"
            )
        ),
    )
