"""Survey charts (JD-R): one `Grafiek` per chart of the Medewerkersonderzoek, built from the
view's data (dashboard.views.enquete): a heat map scale × unit, demands against resources, and a
scale against absence.

Suppressed units (fewer respondents than the minimum) never carry a number in a figure: the heat
map shows them as grey '< 10' cells without a z value, the scatters leave them out. The figures
themselves are drawn in `heatmap` and `spreiding`.
"""

from __future__ import annotations

from dashboard.catalogus import schaal
from dashboard.charts import Grafiek
from dashboard.charts.enquete import heatmap, spreiding
from dashboard.views import Context
from dashboard.views.enquete import Enquete, model, schaal_label, tabellen, teksten

__all__ = ["eisen_hulpbronnen", "schaal_verzuim", "scores"]


def scores(e: Enquete, ctx: Context, *, modus: str = "score") -> Grafiek:
    """Heat map scale × unit: scores against the organisation average ('score'), or the change
    against the previous wave ('verschil', only when there is one)."""
    if modus != "verschil" or e.vorige is None:
        modus = "score"
    kader = teksten.scores_kader(e, ctx, modus)
    fig = heatmap.figuur(
        tabellen.cellen(e, ctx.taal),
        kader,
        modus=modus,
        org_naam=ctx.boom.naam(ctx.selectie.organisatie),
        vorige=e.vorige,
        voet=teksten.voet(e, ctx, verzuim=False),
        min_respondenten=e.min_respondenten,
    )
    return Grafiek(fig, kader, tabellen.tabel_scores(e, ctx.taal))


def eisen_hulpbronnen(e: Enquete, ctx: Context) -> Grafiek:
    """Scatter per unit: job demands against job resources, size = respondents, colour = absence."""
    taal = ctx.taal
    org = e.organisatie
    kader = teksten.jdr_kader(e, ctx)
    fig = spreiding.eisen_hulpbronnen_figuur(
        model.met_kwadrant(e),
        kader,
        ref_eisen=org.get("eisen"),  # type: ignore[arg-type]
        ref_hulpbronnen=org.get("hulpbronnen"),  # type: ignore[arg-type]
        org_code=ctx.selectie.organisatie,
        eisen_schalen=[schaal_label(s, taal).lower() for s in e.schalen if s.groep == "taakeisen"],
        hulpbron_schalen=[
            schaal_label(s, taal).lower() for s in e.schalen if s.groep == "hulpbronnen"
        ],
        voet=teksten.voet(e, ctx, verzuim=True),
        min_respondenten=e.min_respondenten,
    )
    return Grafiek(fig, kader, tabellen.tabel_jdr(e, taal))


def schaal_verzuim(e: Enquete, ctx: Context, *, schaal_sleutel: str = "uitputting") -> Grafiek:
    """Scatter per unit: a scale's score against the verzuimpercentage of the wave's year (an
    unknown scale: the last one)."""
    if schaal_sleutel not in {s.sleutel for s in e.schalen} and e.schalen:
        schaal_sleutel = e.schalen[-1].sleutel
    s = e.samenhang.get(schaal_sleutel)
    sch = schaal(schaal_sleutel)
    kader = teksten.verzuim_kader(e, ctx, schaal_sleutel)
    fig = spreiding.schaal_verzuim_figuur(
        e.eenheden,
        kader,
        kolom=f"score_{schaal_sleutel}",
        schaal_label=schaal_label(sch, ctx.taal),
        bereik_schaal=sch.bereik,
        samenhang=s if s is not None and s.n >= model.MIN_EENHEDEN_SAMENHANG else None,
        verzuim_label=teksten.verzuim_tekst(e, ctx.taal),
        decimalen=sch.decimalen,
        voet=teksten.verzuim_voet(e, ctx, schaal_sleutel),
        min_respondenten=e.min_respondenten,
    )
    return Grafiek(fig, kader, tabellen.tabel_verzuim(e, schaal_sleutel, ctx.taal))
