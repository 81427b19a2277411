"""Trend charts: monthly values with the rolling 12-month line and benchmarks; seasonality."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import plotly.graph_objects as go
import polars as pl

from dashboard import benchmarks, catalogus
from dashboard import format as fmt
from dashboard.charts import Grafiek, theme
from dashboard.i18n import t
from dashboard.views import Context, Kader, overzicht


def trend(
    o: overzicht.Overzicht,
    ctx: Context,
    *,
    metriek: str = "verzuimpercentage",
    benchmarks_tonen: bool = True,
) -> Grafiek:
    """The Overzicht trend: monthly bars, the rolling 12-month line and the benchmarks."""
    toon = overzicht.benchmarks_tonen(ctx, metriek, benchmarks_tonen)
    kader = overzicht.trend_kader(o, ctx, metriek)
    fig = _trend(
        o.maanden, o.voortschrijdend, kader, metriek=metriek,
        cbs=benchmarks.cbs_sector_o() if toon else None,
        rijk=benchmarks.rijk_maand() if toon else None,
        onvolledig=[m.eerste_dag for m in o.onvolledig],
    )  # fmt: skip
    return Grafiek(fig, kader, overzicht.tabel(o, ctx.taal))


def seizoen(o: overzicht.Overzicht, ctx: Context) -> Grafiek:
    """Each month against the same month of earlier years."""
    kader = overzicht.seizoen_kader(o, ctx)
    return Grafiek(_seizoen(o.maanden, kader), kader, overzicht.tabel(o, ctx.taal))


def _waardetekst(waarde: float | None, onderdrukt: bool, metriek: str, taal: str) -> str:
    if onderdrukt:
        return f"{t('onderdrukt', taal)} ({fmt.ONDERDRUKT})"
    if waarde is None:
        return t("geen gegevens", taal)
    m = catalogus.metriek(metriek)
    return f"{fmt.getal(waarde, m.decimalen, taal)}{m.eenheid}"


def _trend(
    maanden: pl.DataFrame,
    voortschrijdend: pl.DataFrame,
    kader: Kader,
    *,
    metriek: str = "verzuimpercentage",
    cbs: pl.DataFrame | None = None,
    rijk: pl.DataFrame | None = None,
    onvolledig: Sequence[dt.date] = (),
) -> go.Figure:
    """Monthly bars, the rolling 12-month line, and optional benchmark lines; months at the
    start of the extract (`onvolledig`) drawn apart, hatched, as too low by construction.

    `maanden` / `voortschrijdend`: metrics-API frames (one row per month, column `van` the
    month's first day). `cbs`: van/tot/pct quarters; `rijk`: maand/pct.
    """
    taal = kader.taal
    label, suffix = catalogus.metriek(metriek).label, catalogus.metriek(metriek).eenheid
    fig = go.Figure()
    x = maanden["van"].to_list()
    y = maanden[metriek].to_list()
    onderdrukt = maanden["onderdrukt"].to_list()
    hover = [
        f"{m}: {_waardetekst(v, o, metriek, taal)}"
        for m, v, o in zip(theme.maandlabels(x, taal), y, onderdrukt, strict=True)
    ]
    heel = [m not in onvolledig for m in x]
    fig.add_bar(
        x=[m for m, h in zip(x, heel, strict=True) if h],
        y=[v for v, h in zip(y, heel, strict=True) if h],
        name=f"{t(label, taal)} ({t('maand', taal)})",
        marker_color="#9CC3DA",
        hovertext=[tekst for tekst, h in zip(hover, heel, strict=True) if h],
        hoverinfo="text",
    )
    if not all(heel):
        fig.add_bar(
            x=[m for m, h in zip(x, heel, strict=True) if not h],
            y=[v for v, h in zip(y, heel, strict=True) if not h],
            name=t("onvolledig: begin van het extract", taal),
            marker={"color": theme.GRIJS_LICHT, "pattern": {"shape": "/", "fgcolor": theme.GRIJS}},
            hovertext=[
                t(
                    "{waarde}; onvolledig: het extract begint in deze maand, verzuim dat eerder "
                    "begon ontbreekt",
                    taal,
                    waarde=tekst,
                )
                for tekst, h in zip(hover, heel, strict=True)
                if not h
            ],
            hoverinfo="text",
        )
    if any(onderdrukt):
        # suppressed months: a grey marker on the baseline, distinct from "no data"
        xs = [m for m, o in zip(x, onderdrukt, strict=True) if o]
        fig.add_scatter(
            x=xs,
            y=[0] * len(xs),
            mode="markers",
            marker={"symbol": "square", "color": theme.ONDERDRUKT_KLEUR, "size": 9},
            name=f"{t('onderdrukt', taal)} ({fmt.ONDERDRUKT})",
            hovertext=[f"{m}: {fmt.ONDERDRUKT}" for m in theme.maandlabels(xs, taal)],
            hoverinfo="text",
        )
    if voortschrijdend.height:
        # rolling periods: label them by their last month
        eind = voortschrijdend["tot"].to_list()
        maand_eind = [dt.date(d.year, d.month, 1) for d in eind]
        yr = voortschrijdend[metriek].to_list()
        fig.add_scatter(
            x=maand_eind,
            y=yr,
            mode="lines",
            line={"color": theme.LINTBLAUW, "width": 3},
            name=t("Voortschrijdend jaargemiddelde", taal),
            hovertext=[
                t("12 maanden t/m {m}: {w}", taal, m=m, w=_waardetekst(v, o, metriek, taal))
                for m, v, o in zip(
                    theme.maandlabels(maand_eind, taal),
                    yr,
                    voortschrijdend["onderdrukt"].to_list(),
                    strict=True,
                )
            ],
            hoverinfo="text",
        )
    van, tot = (min(x), max(x)) if x else (None, None)
    if cbs is not None and cbs.height and van is not None and tot is not None:
        kw = cbs.filter((pl.col("tot") >= van) & (pl.col("van") <= tot)).sort("van")
        if kw.height:
            # a step line: each quarter's value holds over its three months
            xs = [*kw["van"].to_list(), dt.date(kw["tot"][-1].year, kw["tot"][-1].month, 1)]
            ys = [*kw["pct"].to_list(), kw["pct"][-1]]
            tekst = [
                f"CBS sector O {r['van'].year}-K{(r['van'].month + 2) // 3}: "
                f"{fmt.procent(r['pct'], 1, taal)}"
                + (f" ({t('voorlopig', taal)})" if r["voorlopig"] else "")
                for r in kw.iter_rows(named=True)
            ]
            fig.add_scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"color": theme.PALET[1], "width": 2.5, "dash": "dash", "shape": "hv"},
                name=t("CBS sector openbaar bestuur (kwartaal)", taal),
                hovertext=[*tekst, tekst[-1]],
                hoverinfo="text",
            )
    if rijk is not None and rijk.height and van is not None and tot is not None:
        rk = rijk.filter(pl.col("maand").is_between(van, tot))
        if rk.height:
            einde: dt.date = rk["maand"].to_list()[-1]
            # the series ends (SOURCES.md): the legend says so, and so does a note at its end
            naam = t("Het Rijk volgens P-Direkt (maand)", taal)
            if einde < tot:
                naam = t(
                    "Het Rijk volgens P-Direkt (maand, t/m {maand})",
                    taal,
                    maand=fmt.maand(einde, taal),
                )
                fig.add_annotation(
                    x=einde, y=rk["pct"][-1], text=t("reeks stopt", taal), showarrow=True,
                    arrowhead=0, ax=28, ay=-26, font={"size": 12, "color": theme.GRIJS_DONKER},
                )  # fmt: skip
            fig.add_scatter(
                x=rk["maand"].to_list(),
                y=rk["pct"].to_list(),
                mode="lines",
                line={"color": theme.GRIJS_DONKER, "width": 2, "dash": "dot"},
                name=naam,
                hovertext=[
                    t("Het Rijk {m}: {w}", taal, m=m, w=fmt.procent(v, 1, taal))
                    for m, v in zip(
                        theme.maandlabels(rk["maand"].to_list(), taal),
                        rk["pct"].to_list(),
                        strict=True,
                    )
                ],
                hoverinfo="text",
            )
    theme.opmaak(fig, kader, extra_voet=_benchmark_bron(cbs, rijk, taal))
    theme.maand_as(fig, x, taal)
    fig.update_yaxes(
        title={
            "text": f"{t(label, taal)}{' (' + suffix + ')' if suffix else ''}",
            "font": {"size": 13},
        },
        ticksuffix=suffix,
        rangemode="tozero",
    )
    fig.update_layout(bargap=0.15, hovermode="closest")
    if y and all(o for o in onderdrukt):
        theme.melding_klein(fig, kader)
    return fig


def _benchmark_bron(cbs: pl.DataFrame | None, rijk: pl.DataFrame | None, taal: str) -> str:
    from dashboard.benchmarks import CBS_BRON, RIJK_BRON

    delen = []
    if cbs is not None and cbs.height:
        delen.append(CBS_BRON)
    if rijk is not None and rijk.height:
        delen.append(RIJK_BRON)
    return t("Bron benchmarks: {bronnen}.", taal, bronnen="; ".join(delen)) if delen else ""


def _seizoen(
    maanden: pl.DataFrame, kader: Kader, *, metriek: str = "verzuimpercentage", jaren: int = 4
) -> go.Figure:
    """Same months of earlier years: one line per year over jan..dec, the latest year emphasised."""
    taal = kader.taal
    label, suffix = catalogus.metriek(metriek).label, catalogus.metriek(metriek).eenheid
    frame = maanden.with_columns(
        pl.col("van").dt.year().alias("jaar"), pl.col("van").dt.month().alias("mnd")
    )
    laatste_jaren = sorted(frame["jaar"].unique().to_list())[-jaren:]
    fig = go.Figure()
    namen = [fmt.maandnaam(i, taal, lang=False) for i in range(1, 13)]
    for i, jaar in enumerate(laatste_jaren):
        deel = frame.filter(pl.col("jaar") == jaar).sort("mnd")
        waarden = {m: (v, o) for m, v, o in deel.select("mnd", metriek, "onderdrukt").iter_rows()}
        ys = [
            None if waarden.get(m, (None, False))[1] else waarden.get(m, (None, False))[0]
            for m in range(1, 13)
        ]
        nieuwste = jaar == laatste_jaren[-1]
        fig.add_scatter(
            x=namen,
            y=ys,
            mode="lines+markers",
            name=str(jaar),
            line={
                "width": 4 if nieuwste else 2,
                "color": theme.LINTBLAUW
                if nieuwste
                else theme.PALET[(i % (len(theme.PALET) - 1)) + 1],
            },
            marker={"size": 7 if nieuwste else 5},
            hovertext=[
                f"{fmt.maandnaam(m, taal)} {jaar}: {_waardetekst(waarden.get(m, (None, False))[0], waarden.get(m, (None, False))[1], metriek, taal)}"
                for m in range(1, 13)
            ],
            hoverinfo="text",
            opacity=1 if nieuwste else 0.75,
        )
    theme.opmaak(fig, kader, hoogte=460)
    fig.update_yaxes(
        ticksuffix=suffix, rangemode="tozero", title={"text": t(label, taal), "font": {"size": 13}}
    )
    fig.update_xaxes(type="category")
    return fig
