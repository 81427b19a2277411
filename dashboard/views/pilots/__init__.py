"""Pilots: the list of pilots and the form to define one, and one pilot before and after with its
estimated effect.

- `formulier`: the list, the units a pilot can name, the form's values checked into a `Pilot`;
- `analyse`: the windows, the numbers per group and per unit, the effect per metric (`bouw`);
- `model`: what the analysis holds (`PilotAnalyse`, `Effectkaart`, the group labels);
- `teksten`: every sentence: the findings, the effect and regression to the mean, titles;
- `tabellen`: the numbers behind the charts (dashboard.charts.pilots draws them);
- `samenvatting`: the statistics' results (`dashboard.statistiek.verschil`) in its general words.
"""

from __future__ import annotations

from dashboard.views.pilots.analyse import (
    bouw,
    maandopties,
    standaard_vensters,
    tellingen,
    vensters_binnen,
)
from dashboard.views.pilots.formulier import (
    eenheid_label,
    eenheid_opties,
    lijst_tabel,
    maak_pilot,
    organisatie_van,
    van_organisatie,
)
from dashboard.views.pilots.model import (
    METRIEKEN,
    ORGANISATIE,
    PILOT,
    VERGELIJKING,
    Effectkaart,
    PilotAnalyse,
)

__all__ = [
    "METRIEKEN",
    "ORGANISATIE",
    "PILOT",
    "VERGELIJKING",
    "Effectkaart",
    "PilotAnalyse",
    "bouw",
    "eenheid_label",
    "eenheid_opties",
    "lijst_tabel",
    "maak_pilot",
    "maandopties",
    "organisatie_van",
    "standaard_vensters",
    "tellingen",
    "van_organisatie",
    "vensters_binnen",
]
