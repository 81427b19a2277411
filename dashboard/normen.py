"""Norms per client organisation: a target verzuimpercentage and meldingsfrequentie, set by an
adviseur; stored in the app database (dashboard/appdb.py) with an audit entry in the same
transaction. A later issue draws them in the charts."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from dashboard import appdb
from dashboard.rollen import LOKAAL, Gebruiker, vereis


class NormFout(ValueError):
    """A norm that cannot be stored; the message is Dutch."""


@dataclass(frozen=True)
class Norm:
    """The targets of one organisation; None: no target for that metric."""

    organisatie: str
    #: percent, e.g. 5.5 for 5,5%
    verzuimpercentage: float | None = None
    #: reports per employee per year
    meldingsfrequentie: float | None = None
    gewijzigd: dt.datetime | None = None
    gewijzigd_door: str = ""


def lees(bron: Any, organisatie: str) -> Norm | None:
    """The norm of `organisatie`, None when none was set. `bron`: a Store, a store path or an
    AppDb."""
    n = appdb.norm
    with appdb.van(bron).lees() as conn:
        rij = conn.execute(sa.select(n).where(n.c.organisatie == organisatie)).mappings().first()
    if rij is None:
        return None
    return Norm(
        rij["organisatie"], rij["verzuimpercentage"], rij["meldingsfrequentie"],
        rij["gewijzigd"], rij["gewijzigd_door"],
    )  # fmt: skip


def bewaar(bron: Any, norm: Norm, wie: Gebruiker = LOKAAL) -> Norm:
    """Store the norm (replacing the previous one); `wie` must be an adviseur of the
    organisation. Returns the norm as stored."""
    vereis(wie, "adviseur", norm.organisatie)
    _controleer(norm.verzuimpercentage, "verzuimpercentage", 0, 100)
    _controleer(norm.meldingsfrequentie, "meldingsfrequentie", 0, 24)
    nu = appdb.nu()
    waarden = {
        "verzuimpercentage": norm.verzuimpercentage,
        "meldingsfrequentie": norm.meldingsfrequentie,
        "gewijzigd": nu,
        "gewijzigd_door": wie.naam,
    }
    n = appdb.norm
    with appdb.van(bron).schrijf() as conn:
        bijgewerkt = conn.execute(
            n.update().where(n.c.organisatie == norm.organisatie).values(**waarden)
        ).rowcount
        if not bijgewerkt:
            conn.execute(n.insert().values(organisatie=norm.organisatie, **waarden))
        appdb.log(
            conn, wie, "norm_bewaard",
            f"verzuimpercentage {norm.verzuimpercentage}, meldingsfrequentie "
            f"{norm.meldingsfrequentie}", organisatie=norm.organisatie,
        )  # fmt: skip
    return Norm(norm.organisatie, norm.verzuimpercentage, norm.meldingsfrequentie, nu, wie.naam)


def _controleer(waarde: float | None, naam: str, laag: float, hoog: float) -> None:
    if waarde is None:
        return
    if (
        not isinstance(waarde, int | float)
        or not math.isfinite(waarde)
        or not (laag <= waarde <= hoog)
    ):
        raise NormFout(f"de norm voor de {naam} moet een getal van {laag} tot en met {hoog} zijn")
