"""Charts of the Afdelingen view, each one `Grafiek`: ranking, funnel, verzuimvenster, heat map
and control chart.

The titles come from the view's texts (dashboard.views.afdelingen), the figures from the private
modules here. Suppressed units never carry a number: a grey "< 10" entry at zero (ranking), a
grey cell with z = None in the value layer (heat map), or only a name in the source line (funnel
and verzuimvenster).
"""

from __future__ import annotations

from dashboard.charts import Grafiek
from dashboard.charts.afdelingen import _funnel, _heatmap, _rangorde, _regelkaart, _venster
from dashboard.charts.afdelingen._opmaak import kort
from dashboard.i18n import t
from dashboard.views import Context
from dashboard.views import afdelingen as view

__all__ = ["funnel", "heatmap", "kort", "ranking", "regelkaart", "venster"]


def ranking(a: view.Afdelingen, ctx: Context, metriek: str = "verzuimpercentage") -> Grafiek:
    """Sorted bars with 95% intervals and the reference unit's value as a line."""
    kader = view.kader(a, ctx, view.ranking_titel(a, metriek, ctx.taal))
    fig = _rangorde.figuur(
        view.volgorde(a.eenheden, metriek),
        kader,
        metriek=metriek,
        referentie=(a.referentie_naam, a.ref_waarde(metriek)),
        markeer=a.markeer,
    )
    # native in PowerPoint: the intervals become the bars' own error bars
    return Grafiek(fig, kader, view.tabel(a, ctx.taal))


def funnel(a: view.Afdelingen, ctx: Context, metriek: str = "verzuimpercentage") -> Grafiek:
    """Rate against size with 95% and 99.8% limits around the pooled rate."""
    kader = view.kader(a, ctx, view.funnel_titel(a, metriek, ctx.taal))
    fig = _funnel.figuur(
        a.funnels[metriek],
        metriek,
        kader,
        schaal=a.funnel_schaal(metriek),
        onderdrukt=a.niet_getoond(),
        markeer=a.markeer,
    )
    return Grafiek(fig, kader, view.tabel(a, ctx.taal))


def venster(a: view.Afdelingen, ctx: Context) -> Grafiek:
    """Verzuimpercentage against meldingsfrequentie, bubble size = bezetting."""
    kader = view.kader(a, ctx, view.venster_titel(a, ctx.taal))
    ref_f, ref_p = a.kwadrant_lijnen()
    fig = _venster.figuur(
        a.eenheden,
        kader,
        referentie=(a.referentie_naam, ref_f, ref_p),
        onderdrukt=a.niet_getoond(),
        markeer=a.markeer,
    )
    return Grafiek(fig, kader, view.tabel(a, ctx.taal))


def heatmap(a: view.Afdelingen, ctx: Context) -> Grafiek:
    """Monthly verzuimpercentage per unit over the last 24 months, the reference unit on top."""
    kader = view.heatmap_kader(a, ctx)
    cellen, rijen = view.heatmap_rijen(a, view.ref_naam(a, ctx.taal))
    fig = _heatmap.figuur(cellen, rijen, kader, markeer=a.markeer)
    return Grafiek(
        fig,
        kader,
        view.tabel_maanden(a, ctx.taal),
        als_afbeelding=t("Een heatmap kan PowerPoint niet als eigen grafiek tekenen.", ctx.taal),
    )


def regelkaart(r: view.Regelkaart, ctx: Context) -> Grafiek:
    """The control chart of one unit."""
    kader = view.regelkaart_kader(r, ctx)
    fig = _regelkaart.figuur(r.reeks, kader, basis_maanden=r.basis_maanden)
    return Grafiek(fig, kader, view.tabel_regelkaart(r, ctx.taal))
