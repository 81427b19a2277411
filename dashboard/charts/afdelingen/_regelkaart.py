"""The Afdelingen control chart: a unit's monthly verzuimpercentage with the Laney p′ centre
line and limits, the end of the baseline, and its signals marked and named."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.charts.afdelingen._opmaak import arr, melding, onderdrukt_tekst, vlijn, y_as
from dashboard.i18n import t
from dashboard.views import Kader
from dashboard.views import afdelingen as view


def figuur(reeks: pl.DataFrame, kader: Kader, *, basis_maanden: int = 24) -> go.Figure:
    """Monthly verzuimpercentage with the seasonally expected line and the Laney p′ limits
    around it; signals marked.

    `reeks`: statistiek.spc.regelkaart output (van, verzuimpercentage, verwacht, centrum,
    ondergrens, bovengrens, signaal, onderdrukt).
    """
    taal = kader.taal
    fig = go.Figure()
    x = reeks["van"].to_list()
    y = [
        None if o else v
        for v, o in zip(
            reeks["verzuimpercentage"].to_list(), reeks["onderdrukt"].to_list(), strict=True
        )
    ]
    signaal = reeks["signaal"].to_list()
    maandnamen = theme.maandlabels(x, taal)
    if any(v is not None for v in y):
        fig.add_scatter(
            x=x, y=arr(reeks["bovengrens"].to_list()), mode="lines", name=t("Regelgrenzen (3σ)", taal),
            line={"color": theme.GRIJS_DONKER, "width": 1.5, "dash": "dash", "shape": "spline"},
            hoverinfo="skip",
        )  # fmt: skip
        fig.add_scatter(
            x=x, y=arr(reeks["ondergrens"].to_list()), mode="lines", showlegend=False,
            line={"color": theme.GRIJS_DONKER, "width": 1.5, "dash": "dash", "shape": "spline"},
            hoverinfo="skip",
        )  # fmt: skip
        fig.add_scatter(
            x=x, y=arr(reeks["verwacht"].to_list()), mode="lines",
            name=t("Verwacht (gemiddelde basisperiode, seizoensgecorrigeerd)", taal),
            line={"color": theme.GRIJS, "width": 2}, hoverinfo="skip",
        )  # fmt: skip
        fig.add_scatter(
            x=x, y=arr(y), mode="lines+markers", name=t("Verzuimpercentage per maand", taal),
            line={"color": theme.LINTBLAUW, "width": 2.5}, marker={"size": 7},
            hovertext=[
                f"{m}: {fmt.procent(v, 1, taal) if v is not None else onderdrukt_tekst(kader.min_groep)}"
                + ("<br>" + t("Signaal", taal) + ": " + view.signaal_tekst(s, taal) if s else "")
                for m, v, s in zip(maandnamen, y, signaal, strict=True)
            ],
            hoverinfo="text",
        )  # fmt: skip
        punten = [(m, v, s) for m, v, s in zip(x, y, signaal, strict=True) if s and v is not None]
        if punten:
            fig.add_scatter(
                x=[p[0] for p in punten], y=[p[1] for p in punten], mode="markers",
                name=t("Signaal", taal), hoverinfo="skip",
                marker={"size": 13, "color": theme.ORANJE, "symbol": "diamond",
                        "line": {"color": "white", "width": 1}},
            )  # fmt: skip
        # one label per run of the same signal, at its last month; above the line for high
        # values, below for low ones, and staggered when labels follow each other closely
        centrum = reeks["verwacht"].to_list()
        vorige: int | None = None
        trap = 0
        for i, (m, v, s) in enumerate(zip(x, y, signaal, strict=True)):
            if not s or v is None or (i + 1 < len(x) and signaal[i + 1] == s):
                continue
            trap = trap + 1 if vorige is not None and i - vorige <= 4 else 0
            vorige = i
            boven = centrum[i] is None or v >= centrum[i]
            afstand = 30 + 22 * (trap % 3)
            fig.add_annotation(
                x=m, y=v, text=view.signaal_tekst(s, taal), showarrow=True, arrowhead=0, ax=0,
                ay=-afstand if boven else afstand, arrowcolor=theme.ORANJE,
                font={"size": 12, "color": theme.ORANJE}, bgcolor="rgba(255,255,255,0.9)",
            )  # fmt: skip
        if 0 < basis_maanden < len(x):
            grens = x[basis_maanden - 1] + (x[basis_maanden] - x[basis_maanden - 1]) / 2
            vlijn(fig, grens, {"color": theme.GRIJS, "dash": "dot", "width": 1.5})
            fig.add_annotation(
                x=grens, y=1, yref="paper", text=t("einde basisperiode", taal), showarrow=False,
                xanchor="right", yanchor="top", font={"size": 12, "color": theme.GRIJS},
            )  # fmt: skip
    theme.opmaak(fig, kader, hoogte=540)
    theme.maand_as(fig, x, taal)
    hoogste = max(
        [v for v in y if v is not None]
        + [v for v in reeks["bovengrens"].to_list() if v is not None]
        + [1.0]
    )
    y_as(
        fig,
        # room above the highest point for the signal labels
        range=[0, hoogste * 1.18],
        ticksuffix="%",
        title={"text": view.as_titel("verzuimpercentage", taal), "font": {"size": 13}},
    )
    fig.update_layout(hovermode="closest")
    if not any(v is not None for v in y):
        melding(
            fig,
            t(
                "Deze groep is kleiner dan {n} medewerkers: de cijfers worden niet getoond.",
                taal,
                n=kader.min_groep,
            ),
        )
    return fig
