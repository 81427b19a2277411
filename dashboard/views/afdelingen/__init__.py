"""Afdelingen: units of one level side by side (ranking, funnel, verzuimvenster, heat map,
control chart), told apart from noise.

`model` builds the data (one metrics-API call for the units, one for the reference unit, the
statistics on top), `teksten` states the findings, `tabellen` gives the numbers behind each
chart. The charts themselves are in dashboard.charts.afdelingen.
"""

from __future__ import annotations

from dashboard.views.afdelingen.model import (
    BASISSEN,
    EENHEID,
    HEATMAP_MAANDEN,
    METRIEKEN,
    MIN_FUNNEL,
    ONDERDELEN,
    SPC_BASIS,
    SPC_MAANDEN,
    Afdelingen,
    Regelkaart,
    bouw,
    heatmap_rijen,
    niveaus,
    perioden,
    regelkaart,
    soort,
    volgorde,
)
from dashboard.views.afdelingen.tabellen import tabel, tabel_maanden, tabel_regelkaart
from dashboard.views.afdelingen.teksten import (
    POSITIES,
    SOORTEN,
    Omvang,
    aantal,
    as_titel,
    funnel_titel,
    funnel_uitleg,
    heatmap_kader,
    heatmap_titel,
    kader,
    kop,
    niveau_label,
    omvang,
    ondertitel,
    positie_tekst,
    ranking_titel,
    ref_naam,
    regelkaart_kader,
    regelkaart_titel,
    regelkaart_uitleg,
    signaal_tekst,
    soort_woord,
    venster_titel,
    waarde_kort,
    waarde_tekst,
)

__all__ = [
    "BASISSEN", "EENHEID", "HEATMAP_MAANDEN", "METRIEKEN", "MIN_FUNNEL", "ONDERDELEN", "POSITIES",
    "SOORTEN", "SPC_BASIS", "SPC_MAANDEN", "Afdelingen", "Omvang", "Regelkaart", "aantal",
    "as_titel", "bouw", "funnel_titel", "funnel_uitleg", "heatmap_kader", "heatmap_rijen",
    "heatmap_titel", "kader", "kop", "niveau_label", "niveaus", "omvang", "ondertitel", "perioden",
    "positie_tekst", "ranking_titel", "ref_naam", "regelkaart", "regelkaart_kader",
    "regelkaart_titel", "regelkaart_uitleg", "signaal_tekst", "soort", "soort_woord", "tabel",
    "tabel_maanden", "tabel_regelkaart", "venster_titel", "volgorde", "waarde_kort",
    "waarde_tekst",
]  # fmt: skip
