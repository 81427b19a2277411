"""The Afdelingen funnel plot: each unit's rate against its size, with the 95% and 99.8% limits
around the pooled rate, so small units are not over-read. Suppressed units are not plotted; they
are named in the source line."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

import plotly.graph_objects as go
import polars as pl

from dashboard import catalogus
from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.charts.afdelingen._opmaak import (
    KLEUREN,
    arr,
    hlijn,
    kort,
    legenda_lijn,
    melding,
    niet_in_de_grafiek,
    ruimte_voor_astitel,
    x_as,
    y_as,
)
from dashboard.i18n import t
from dashboard.statistiek import Vergelijking
from dashboard.veilig import plotly_namen
from dashboard.views import Kader
from dashboard.views import afdelingen as view


def figuur(
    f: Vergelijking,
    metriek: str,
    kader: Kader,
    *,
    schaal: float = 1.0,
    onderdrukt: Sequence[str] = (),
    markeer: Collection[str] = (),
) -> go.Figure:
    """Rate against size with the 95% and 99.8% limits around the target.

    Sizes in `f` are the statistics' own (beschikbare dagen, person-years); `schaal` turns them
    into what the reader knows (FTE, bezetting) on the x axis.
    """
    taal = kader.taal
    mt, omvang = catalogus.metriek(metriek), view.omvang(metriek)
    fig = go.Figure()
    g = f.grenzen
    xs = [x * schaal for x in g["grootte"].to_list()]
    xa = arr(xs)
    if g.height:
        # the 99.8% band lightly filled: the funnel's shape is what the eye should take in
        fig.add_scatter(
            x=xa, y=arr(g["onder_998"].to_list()), mode="lines", hoverinfo="skip", showlegend=False,
            line={"color": theme.GRIJS_DONKER, "width": 1.5},
        )  # fmt: skip
        fig.add_scatter(
            x=xa, y=arr(g["boven_998"].to_list()), mode="lines", hoverinfo="skip",
            name=t("99,8%-grenzen", taal), fill="tonexty", fillcolor="rgba(1,104,155,0.06)",
            line={"color": theme.GRIJS_DONKER, "width": 1.5},
        )  # fmt: skip
        for kolom, tonen in (("onder_95", False), ("boven_95", True)):
            fig.add_scatter(
                x=xa, y=arr(g[kolom].to_list()), mode="lines", hoverinfo="skip",
                name=t("95%-grenzen", taal), showlegend=tonen,
                line={"color": theme.GRIJS, "width": 1.5, "dash": "dash"},
            )  # fmt: skip
    if f.doel is not None:
        hlijn(fig, f.doel, {"color": theme.LINTBLAUW, "width": 2})
        legenda_lijn(
            fig,
            t("Gemiddelde van deze eenheden", taal)
            + ": "
            + view.waarde_kort(f.doel, metriek, taal),
            theme.LINTBLAUW,
            "solid",
        )
    e = (
        plotly_namen(f.eenheden, "naam")
        .filter(~pl.col("onderdrukt") & ~pl.col("geen_gegevens") & pl.col("grootte").is_not_null())
        .to_dicts()
    )
    grootten = [r["grootte"] * schaal for r in e]
    log = bool(grootten) and min(grootten) > 0 and max(grootten) / min(grootten) > 12

    def positie(x: float) -> str:
        # names of units at the right end run to the left, so they stay inside the image
        laag, hoog = (min(xs), max(xs)) if xs else (0.0, 1.0)
        if log and laag > 0:
            plek = math.log(x / laag) / max(math.log(hoog / laag), 1e-9)
        else:
            plek = x / max(hoog, 1e-9)
        return "middle left" if plek > 0.75 else "middle right"

    for klasse, kleur in KLEUREN.items():
        deel = [r for r in e if (r["klasse_998"] or "binnen") == klasse]
        if not deel:
            continue
        buiten = klasse != "binnen"
        fig.add_scatter(
            x=[r["grootte"] * schaal for r in deel],
            y=[r[metriek] for r in deel],
            mode="markers+text",
            name=t(view.POSITIES[klasse], taal),
            marker={"size": 13 if buiten else 11, "color": kleur,
                    "line": {"color": "white", "width": 1.5}},
            # named: units outside the 99.8% limits, and those past the 95% limits (worth a look)
            text=[
                kort(r["naam"])
                if buiten or r["code"] in markeer or r["klasse_95"] != "binnen"
                else ""
                for r in deel
            ],
            textposition=[positie(r["grootte"] * schaal) for r in deel],
            textfont={"size": 12, "color": "#1A1A1A"},
            customdata=[r["code"] for r in deel],
            hovertext=[_funnel_hover(r, metriek, schaal, taal) for r in deel],
            hoverinfo="text",
        )  # fmt: skip
    theme.opmaak(fig, kader, hoogte=620, extra_voet=niet_in_de_grafiek(onderdrukt, kader))
    ruimte_voor_astitel(fig)
    x_as(
        fig,
        title={"text": t(omvang.as_titel, taal), "font": {"size": 13}},
        type="log" if log else "linear",
        showgrid=True,
        gridcolor=theme.GRIJS_LICHT,
        separatethousands=True,
    )
    if log and xs:
        # 1-2-5 ticks with Dutch numbers instead of plotly's log labels ('2', '5' between decades)
        stappen = [m * 10**e for e in range(0, 6) for m in (1, 2, 5)]
        ticks = [v for v in stappen if min(xs) <= v <= max(xs)]
        x_as(fig, tickmode="array", tickvals=ticks, ticktext=[fmt.getal(v, 0, taal) for v in ticks])
    if not log and xs:
        x_as(fig, range=[0, max(xs) * 1.03])
    waarden = [r[metriek] for r in e] + ([f.doel] if f.doel is not None else [])
    if e and g.height:
        # show the outer limits where the middle-sized unit sits, not only the points
        midden = sorted(r["grootte"] for r in e)[len(e) // 2]
        dichtst = min(range(g.height), key=lambda i: abs(g["grootte"][i] - midden))
        waarden += [g["onder_998"][dichtst], g["boven_998"][dichtst]]
    if waarden:
        laag, hoog = min(waarden), max(waarden)
        marge = max((hoog - laag) * 0.15, 0.5 if mt.eenheid == "%" else 0.1)
        y_as(fig, range=[max(0.0, laag - marge), hoog + marge])
    y_as(
        fig,
        title={"text": view.as_titel(metriek, taal), "font": {"size": 13}},
        ticksuffix=mt.eenheid,
    )
    fig.update_layout(hovermode="closest", clickmode="event+select")
    if not e:
        melding(fig, t("Alle groepen zijn te klein om te tonen.", taal))
    return fig


def _funnel_hover(r: dict[str, object], metriek: str, schaal: float, taal: str) -> str:
    omvang = view.omvang(metriek)
    grootte = float(r["grootte"]) * schaal  # type: ignore[arg-type]
    maat = t(omvang.hover, taal, x=fmt.getal(grootte, omvang.decimalen, taal))
    waarde = view.waarde_kort(r[metriek], metriek, taal)  # type: ignore[arg-type]
    regels = [
        f"<b>{r['naam']}</b>",
        t(catalogus.metriek(metriek).label, taal) + f": {waarde} · {maat}",
    ]
    tekst = view.positie_tekst(str(r["klasse_998"]), taal)
    if tekst:
        regels.append(tekst)
    return "<br>".join(regels)
