"""Duur en signalen: absence by duration class, frequent absence and long absence per group.

Everything here is a count or a rate per group from the metrics API; no spell or employee is
ever listed. Per-unit numbers are the parts of the selected unit, so secondary suppression applies.

`bouw` gives the view's data; `reeksen` the frames and bands, `teksten` the findings and chart
frames, `signalen` the headline cards, `tabellen` the tables. The charts (dashboard/charts/duur)
combine them into one `Grafiek` each.
"""

from __future__ import annotations

import polars as pl

from dashboard import metrics
from dashboard.periods import Periode
from dashboard.store import Store
from dashboard.views import Context, verandering
from dashboard.views.duur.reeksen import (
    BANDEN,
    DAGEN,
    MAANDEN_DUUR,
    MAANDEN_LANGDURIG,
    MIJLPALEN,
    DuurEnSignalen,
    Signaal,
    met_aandelen,
    met_banden,
    rij,
    rij_r12,
)
from dashboard.views.duur.signalen import signalen
from dashboard.views.duur.teksten import kop, poortwachter_uitleg

__all__ = [
    "BANDEN",
    "DAGEN",
    "MAANDEN_DUUR",
    "MAANDEN_LANGDURIG",
    "MIJLPALEN",
    "DuurEnSignalen",
    "Signaal",
    "bouw",
    "poortwachter_uitleg",
]


def bouw(store: Store, ctx: Context) -> DuurEnSignalen:
    """Monthly series, rolling-year splits and the parts of the selected unit at the month's end."""
    sel = ctx.selectie
    m = sel.maand
    groep = ctx.groep
    eerste = metrics.eerste_maand(store)
    begin = m.plus(-(MAANDEN_DUUR - 1))
    if eerste is not None:
        begin = min(max(begin, eerste), m)
    maanden = metrics.kerncijfers(
        store, ctx.boom, metrics.periodes(ctx.boom, [groep], begin, m, "maand"), [groep],
        filter=sel.filter, min_groep=ctx.min_groep, met_nulverzuim=False,
    )  # fmt: skip
    # the rolling year up to the month and the two before it, only where the data covers them
    r12_ps = [
        Periode(f"r12_{i}", m.plus(-11 - 12 * i), m.plus(-12 * i))
        for i in range(3)
        if eerste is None or m.plus(-11 - 12 * i) >= eerste
    ]
    r12 = metrics.kerncijfers(
        store, ctx.boom, r12_ps, [groep],
        filter=sel.filter, min_groep=ctx.min_groep, met_nulverzuim=False,
    )  # fmt: skip
    heeft_delen = bool(ctx.boom.kinderen.get(sel.eenheid))
    delen = pl.DataFrame()
    if heeft_delen:
        delen = metrics.kerncijfers(
            store, ctx.boom, [Periode(str(m), m, m)],
            metrics.onderdelen(ctx.boom, sel.eenheid, ctx.toegang),
            filter=sel.filter, min_groep=ctx.min_groep,
            met_nulverzuim=False,
        )  # fmt: skip
        # the unit's own staff only as a part when there is anyone: an empty row says nothing
        delen = delen.filter(
            ~(pl.col("eenheid").str.ends_with(":direct") & pl.col("geen_gegevens"))
        )
        delen = met_banden(delen)
    maanden = met_banden(maanden)
    r12 = met_aandelen(r12)
    kaarten = signalen(
        rij(maanden, m), rij(maanden, m.plus(-12)), rij_r12(r12, 0), rij_r12(r12, 1), ctx
    )
    paren = {"maand": (Periode(str(m), m, m), Periode(str(m.plus(-12)), m.plus(-12), m.plus(-12)))}
    if len(r12_ps) >= 2:
        paren["r12"] = (r12_ps[0], r12_ps[1])
    rond = verandering.richtingen(store, ctx, paren)
    richtingen = tuple((b, rond.get((b, "verzuimpercentage"))) for b in ("maand", "r12"))
    return DuurEnSignalen(
        maanden, r12, delen, heeft_delen, kop(maanden, r12, ctx, dict(richtingen)), kaarten,
        richtingen,
    )  # fmt: skip
