"""The Afdelingen heat map: month × unit, the reference unit on top as the total. Suppressed cells
are grey with "< 10" (no number in any layer), months without data white with a dash."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Sequence

import numpy as np
import plotly.graph_objects as go
import polars as pl

from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.charts.afdelingen._opmaak import (
    arr,
    legenda_blokje,
    onderdrukt_tekst,
    secundair_voet,
    vet,
    voet_naast_namen,
    x_as,
    y_as,
)
from dashboard.i18n import t
from dashboard.veilig import plotly_tekst
from dashboard.views import Kader

#: Sequential scale: never white, so an empty cell ("geen gegevens") stands out.
SCHAAL = [[0.0, "#EEF4F8"], [0.35, "#9CC3DA"], [0.7, theme.LINTBLAUW], [1.0, "#0B2E45"]]


def figuur(
    frame: pl.DataFrame,
    rijen: Sequence[tuple[str, str]],
    kader: Kader,
    *,
    markeer: Collection[str] = (),
) -> go.Figure:
    """Units (rows, in the given order, the first one set apart as the total) × months.

    `frame`: eenheid, van (first day of the month), verzuimpercentage, onderdrukt, geen_gegevens.
    Three layers: the values (z None where suppressed or empty), a grey layer with "< 10" for
    suppressed cells, and "geen gegevens" left white with a dash.
    """
    taal = kader.taal
    klein = onderdrukt_tekst(kader.min_groep)
    privacy = t("niet getoond (privacy)", taal)
    rijen = [(code, plotly_tekst(naam)) for code, naam in rijen]
    maanden: list[dt.date] = sorted(set(frame["van"].to_list()))
    kolom = {m: i for i, m in enumerate(maanden)}
    codes = [code for code, _ in rijen]
    rij = {code: i for i, code in enumerate(codes)}
    namen = dict(rijen)
    z: list[list[float | None]] = [[None] * len(maanden) for _ in codes]
    grijs: list[list[int | None]] = [[None] * len(maanden) for _ in codes]
    wit: list[list[int | None]] = [[None] * len(maanden) for _ in codes]
    hover: list[list[str]] = [[t("geen gegevens", taal)] * len(maanden) for _ in codes]
    maandnamen = {m: fmt.maand(m, taal, lang=True) for m in maanden}
    for r in frame.iter_rows(named=True):
        if r["eenheid"] not in rij:
            continue
        i, j = rij[r["eenheid"]], kolom[r["van"]]
        kop = f"<b>{namen[r['eenheid']]}</b><br>{maandnamen[r['van']]}: "
        if r["geen_gegevens"]:
            wit[i][j] = 1
            hover[i][j] = kop + t("geen gegevens", taal)
        elif r["onderdrukt"]:
            grijs[i][j] = 1
            hover[i][j] = kop + f"{klein} ({privacy})"
        else:
            z[i][j] = r["verzuimpercentage"]
            hover[i][j] = kop + fmt.procent(r["verzuimpercentage"], 1, taal)
    waarden = sorted(v for regel in z for v in regel if v is not None)
    zmax = math.ceil(waarden[int(0.97 * (len(waarden) - 1))]) if waarden else 10
    fig = go.Figure()
    heeft_grijs = any(v is not None for regel in grijs for v in regel)
    heeft_wit = any(v is not None for regel in wit for v in regel)

    def alleen(laag: list[list[int | None]]) -> np.ndarray:
        # each layer carries the hover texts of its own cells only
        return arr(
            [
                [h if v is not None else "" for h, v in zip(hr, lr, strict=True)]
                for hr, lr in zip(hover, laag, strict=True)
            ]
        )

    fig.add_heatmap(
        x=maanden, y=codes, z=arr(z), zmin=0, zmax=max(zmax, 1), colorscale=SCHAAL,
        hovertext=arr(hover), hoverinfo="text", xgap=1, ygap=1, hoverongaps=False,
        colorbar={"title": {"text": t("Verzuim-%", taal), "font": {"size": 13}, "side": "right"},
                  "ticksuffix": "%", "len": 1 if len(codes) < 10 else 0.7, "lenmode": "fraction",
                  "thickness": 14, "outlinewidth": 0},
        name=t("Verzuimpercentage", taal),
    )  # fmt: skip
    if heeft_grijs:
        fig.add_heatmap(
            x=maanden, y=codes, z=arr(grijs), zmin=0, zmax=1, showscale=False,
            colorscale=[[0, theme.ONDERDRUKT_KLEUR], [1, theme.ONDERDRUKT_KLEUR]],
            text=arr([[klein if v is not None else "" for v in regel] for regel in grijs]),
            texttemplate="%{text}", textfont={"size": 10, "color": theme.GRIJS_DONKER},
            hovertext=alleen(grijs), hoverinfo="text", xgap=1, ygap=1, hoverongaps=False,
            name=klein,
        )  # fmt: skip
    if heeft_wit:
        fig.add_heatmap(
            x=maanden, y=codes, z=arr(wit), zmin=0, zmax=1, showscale=False,
            colorscale=[[0, "#FFFFFF"], [1, "#FFFFFF"]],
            text=arr([["–" if v is not None else "" for v in regel] for regel in wit]),
            texttemplate="%{text}", textfont={"size": 11, "color": theme.GRIJS},
            hovertext=alleen(wit), hoverinfo="text", xgap=1, ygap=1, hoverongaps=False,
            name=t("geen gegevens", taal),
        )  # fmt: skip
    legenda_blokje(fig, f"{klein}: {privacy}", theme.ONDERDRUKT_KLEUR)
    legenda_blokje(fig, "– " + t("geen gegevens", taal), "#FFFFFF", theme.GRIJS)
    theme.opmaak(
        fig,
        kader,
        hoogte=max(420, 270 + 27 * len(codes)),
        extra_voet=secundair_voet(kader) if heeft_grijs else "",
    )
    theme.maand_as(fig, maanden, taal)
    y_as(
        fig,
        type="category",
        categoryorder="array",
        categoryarray=codes,
        tickmode="array",
        tickvals=codes,
        ticktext=[vet(namen[c], i == 0 or c in markeer) for i, c in enumerate(codes)],
        autorange="reversed",
        automargin=True,
        showgrid=False,
        tickfont={"size": 12},
    )
    x_as(fig, showgrid=False, ticks="", side="bottom")
    if len(codes) > 1:
        # the total apart from its parts (in domain units: the y axis is categorical, reversed)
        scheiding = 1 - 1 / len(codes)
        fig.add_shape(
            type="line", xref="paper", x0=0, x1=1, yref="paper", y0=scheiding,
            y1=scheiding, line={"color": "#1A1A1A", "width": 2}, layer="above", opacity=1,
        )  # fmt: skip
    fig.update_layout(plot_bgcolor="#FFFFFF", hovermode="closest")
    voet_naast_namen(fig, [naam for _, naam in rijen], letter=12)
    return fig
