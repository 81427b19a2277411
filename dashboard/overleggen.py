"""Meetings (overleggen) of the monthly consultation: per organisation and month the level or
unit of the meeting and what was chosen beforehand (departments, pilots, survey scales). Stored
in the app database (dashboard/appdb.py); a change needs an adviseur and is audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from dashboard import appdb
from dashboard.periods import Maand
from dashboard.rollen import LOKAAL, Gebruiker, vereis


@dataclass(frozen=True)
class Overleg:
    """One meeting: organisation, month, the level/unit it is about and the choices made."""

    organisatie: str
    maand: Maand
    #: the unit the meeting is about (None: the organisation as a whole)
    eenheid: str | None = None
    #: the hierarchy level of the departments shown (None: the one below `eenheid`)
    niveau: int | None = None
    eenheden: tuple[str, ...] = ()
    pilots: tuple[str, ...] = ()
    schalen: tuple[str, ...] = ()
    aangemaakt_door: str = ""
    gewijzigd: dt.datetime | None = None


def lees(bron: Any, organisatie: str, maand: Maand) -> Overleg | None:
    """The meeting of `organisatie` in `maand`, None when nothing was prepared. `bron`: a
    Store, a store path or an AppDb."""
    o = appdb.overleg
    with appdb.van(bron).lees() as conn:
        rij = (
            conn.execute(
                sa.select(o).where(o.c.organisatie == organisatie, o.c.maand == maand.eerste_dag)
            )
            .mappings()
            .first()
        )
    if rij is None:
        return None
    return Overleg(
        rij["organisatie"], Maand.of(rij["maand"]), rij["eenheid"], rij["niveau"],
        tuple(rij["eenheden"]), tuple(rij["pilots"]), tuple(rij["schalen"]),
        rij["aangemaakt_door"], rij["gewijzigd"],
    )  # fmt: skip


def bewaar(bron: Any, overleg: Overleg, wie: Gebruiker = LOKAAL) -> Overleg:
    """Store the meeting's choices (replacing earlier ones for that organisation and month);
    `wie` must be an adviseur of the organisation. Returns the meeting as stored."""
    vereis(wie, "adviseur", overleg.organisatie)
    nu = appdb.nu()
    o = appdb.overleg
    keuzes = {
        "eenheid": overleg.eenheid,
        "niveau": overleg.niveau,
        "eenheden": list(overleg.eenheden),
        "pilots": list(overleg.pilots),
        "schalen": list(overleg.schalen),
        "gewijzigd": nu,
        "gewijzigd_door": wie.naam,
    }
    waar = (o.c.organisatie == overleg.organisatie, o.c.maand == overleg.maand.eerste_dag)
    with appdb.van(bron).schrijf() as conn:
        eerder = conn.execute(sa.select(o.c.aangemaakt_door).where(*waar)).scalar()
        if eerder is None:
            conn.execute(
                o.insert().values(
                    organisatie=overleg.organisatie, maand=overleg.maand.eerste_dag,
                    aangemaakt=nu, aangemaakt_door=wie.naam, **keuzes,
                )
            )  # fmt: skip
        else:
            conn.execute(o.update().where(*waar).values(**keuzes))
        appdb.log(
            conn, wie, "overleg_bewaard",
            f"{overleg.eenheid or overleg.organisatie}: {len(overleg.eenheden)} eenheden, "
            f"{len(overleg.pilots)} pilots, {len(overleg.schalen)} schalen",
            organisatie=overleg.organisatie, maand=str(overleg.maand),
        )  # fmt: skip
    return Overleg(
        overleg.organisatie, overleg.maand, overleg.eenheid, overleg.niveau, overleg.eenheden,
        overleg.pilots, overleg.schalen, eerder or wie.naam, nu,
    )  # fmt: skip
