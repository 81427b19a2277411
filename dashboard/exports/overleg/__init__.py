"""Maandoverleg: the consultation of one client organisation and month as a sequence of steps,
each with one message; the same steps make the screen, the PowerPoint deck and the workbook
(also `python -m dashboard export`).

It composes the views and their charts, so it sits with the exports (the layers in
.importlinter): the page shows a step's Grafiek, the deck makes it a slide.

- `keuze`: what the client team chose before the meeting (level, departments, pilots, scales);
- `stappen`: the steps, one builder each (agenda, messages, key figures, ..., agreements);
- `boodschappen`: the three messages of the month;
- `bestanden`: the deck and the workbook of the whole meeting, and the CLI export.
"""

from __future__ import annotations

from dashboard.exports.overleg.bestanden import (
    afspraken_tabel,
    alle_stappen,
    deck,
    exporteer_overleg,
    werkboek,
)
from dashboard.exports.overleg.boodschappen import Boodschap
from dashboard.exports.overleg.keuze import Keuze, Opties, opties, vastgesteld
from dashboard.exports.overleg.stappen import (
    STAPNAMEN,
    STATUSNAMEN,
    Stap,
    afspraak_regel,
    afspraken_stap,
    agenda,
    drilbaar,
    inhoud_sleutels,
    inzoom,
    keuze_van,
    kort,
    soort,
    stap,
    stapnaam,
    stappen,
    statusnaam,
    vorige_stap,
)

__all__ = [
    "STAPNAMEN",
    "STATUSNAMEN",
    "Boodschap",
    "Keuze",
    "Opties",
    "Stap",
    "afspraak_regel",
    "afspraken_stap",
    "afspraken_tabel",
    "agenda",
    "alle_stappen",
    "deck",
    "drilbaar",
    "exporteer_overleg",
    "inhoud_sleutels",
    "inzoom",
    "keuze_van",
    "kort",
    "opties",
    "soort",
    "stap",
    "stapnaam",
    "stappen",
    "statusnaam",
    "vastgesteld",
    "vorige_stap",
    "werkboek",
]
