"""The organisation tree: units, their client organisation, levels, children and descendants."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from dashboard.periods import Maand, laatste_volledige_maand
from dashboard.store import Store


@dataclass(frozen=True)
class Eenheid:
    """One unit of the tree."""

    code: str
    naam: str
    ouder: str | None
    organisatie: str
    niveau: int
    nr: int


@dataclass
class Boom:
    """The whole tree of the active data, with the peildatum per client organisation."""

    eenheden: dict[str, Eenheid] = field(default_factory=dict)
    kinderen: dict[str, list[str]] = field(default_factory=dict)
    peildatum: dict[str, dt.date] = field(default_factory=dict)

    @property
    def organisaties(self) -> list[str]:
        """Root codes, by name."""
        roots = [e for e in self.eenheden.values() if e.ouder is None]
        return [e.code for e in sorted(roots, key=lambda e: e.naam.lower())]

    def afstammelingen(self, code: str) -> list[str]:
        """The unit and everything below it."""
        result, stapel = [], [code]
        while stapel:
            huidig = stapel.pop()
            result.append(huidig)
            stapel.extend(self.kinderen.get(huidig, []))
        return result

    def pad(self, code: str) -> list[str]:
        """Codes from the root down to the unit."""
        result: list[str] = []
        huidig: str | None = code
        while huidig is not None and huidig in self.eenheden:
            result.append(huidig)
            huidig = self.eenheden[huidig].ouder
        return result[::-1]

    def op_niveau(self, organisatie: str, niveau: int) -> list[str]:
        """Units at one depth under a client organisation, by name."""
        units = [
            e for e in self.eenheden.values() if e.organisatie == organisatie and e.niveau == niveau
        ]
        return [e.code for e in sorted(units, key=lambda e: e.naam.lower())]

    def diepte(self, organisatie: str) -> int:
        """The deepest level under an organisation (root = 0)."""
        return max(
            (e.niveau for e in self.eenheden.values() if e.organisatie == organisatie), default=0
        )

    def naam(self, code: str) -> str:
        """Display name of a unit (the code when unknown)."""
        e = self.eenheden.get(code)
        return e.naam if e else code

    def laatste_maand(self, organisaties: list[str] | None = None) -> Maand | None:
        """The last month that may be shown for these organisations (all when None)."""
        keuze = organisaties if organisaties is not None else list(self.peildatum)
        data = [self.peildatum[o] for o in keuze if o in self.peildatum]
        if not data:
            return None
        return laatste_volledige_maand(min(data))


def laad_boom(store: Store) -> Boom:
    """Read the tree and the peildatums from the store."""
    frame = store.query("boom_eenheden")
    boom = Boom()
    for code, naam, ouder, organisatie, niveau, nr in frame.iter_rows():
        boom.eenheden[code] = Eenheid(code, naam, ouder, organisatie, int(niveau), int(nr))
    for e in sorted(boom.eenheden.values(), key=lambda e: e.naam.lower()):
        if e.ouder is not None:
            boom.kinderen.setdefault(e.ouder, []).append(e.code)
    for organisatie, peildatum in store.query("boom_peildatums").iter_rows():
        boom.peildatum[organisatie] = peildatum
    return boom


def eenheden_frame(boom: Boom) -> pl.DataFrame:
    """The tree as a frame (code, naam, ouder, organisatie, niveau), in tree order."""
    rows = []

    def walk(code: str) -> None:
        e = boom.eenheden[code]
        rows.append((e.code, e.naam, e.ouder, e.organisatie, e.niveau))
        for kind in boom.kinderen.get(code, []):
            walk(kind)

    for root in boom.organisaties:
        walk(root)
    return pl.DataFrame(
        rows,
        schema={
            "eenheid": pl.String,
            "naam": pl.String,
            "ouder": pl.String,
            "organisatie": pl.String,
            "niveau": pl.Int64,
        },
        orient="row",
    )
