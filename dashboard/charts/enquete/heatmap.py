"""The survey heat map: scale × unit, the score against the organisation average or the change
against the previous wave, each in the favourable direction of its scale.

A suppressed unit (fewer respondents than the minimum) is a grey '< 10' cell without a z value,
without a score in its hover and without its respondent count, whatever the caller passes in.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.charts.enquete.opmaak import (
    GUNSTIG_SCHAAL,
    n_tekst,
    respondenten_tekst,
    verschuif_voet,
)
from dashboard.i18n import t, tn
from dashboard.veilig import plotly_namen, plotly_tekst
from dashboard.views import Kader
from dashboard.views.enquete.teksten import kort_naam


def figuur(
    cellen: pl.DataFrame,
    kader: Kader,
    *,
    modus: str = "score",
    org_naam: str = "",
    vorige: str | None = None,
    voet: str = "",
    min_respondenten: int = 10,
) -> go.Figure:
    """Scale × unit: the score (colour: against the organisation average, in the favourable
    direction of each scale) or the change against the previous wave.

    `cellen`: one row per row label and scale (rij, referentie, schaal, groep, richting, span,
    decimalen, score, vorige, verschil, gemiddelde, respondenten, eenheden_onderdrukt,
    onderdrukt), rows in display order (views.enquete.tabellen.cellen).
    """
    taal = kader.taal
    # unit names, scale names and waves come from the imported files: plain text in the figure
    cellen = plotly_namen(cellen, "rij", "schaal")
    org_naam = plotly_tekst(org_naam)
    vorige = plotly_tekst(vorige) if vorige is not None else None
    rijen = list(dict.fromkeys(cellen["rij"].to_list()))
    schalen = list(dict.fromkeys(cellen["schaal"].to_list()))
    groep_van = dict(zip(cellen["schaal"].to_list(), cellen["groep"].to_list(), strict=True))
    ri = {r: i for i, r in enumerate(rijen)}
    si = {s: j for j, s in enumerate(schalen)}

    def raster(waarde: object = None) -> list[list[Any]]:
        return [[waarde for _ in schalen] for _ in rijen]

    z, tekst, hover = raster(), raster(""), raster("")
    z_grijs, tekst_grijs, hover_grijs = raster(), raster(""), raster("")
    z_leeg, hover_leeg = raster(), raster("")
    labels: dict[int, str] = {}
    referentie_rijen, breedste = 0, 0.0
    for c in cellen.iter_rows(named=True):
        i, j = ri[c["rij"]], si[c["schaal"]]
        if j == 0:
            naam = f"<b>{c['rij']}</b>" if c["referentie"] else kort_naam(c["rij"])
            n = n_tekst(c["respondenten"], c["onderdrukt"], taal, min_respondenten)
            labels[i] = f"{naam}  <span style='color:{theme.GRIJS}'>{n}</span>"
            breedste = max(breedste, len(naam) * (8.4 if c["referentie"] else 7.4) + 8 * len(n))
            referentie_rijen += bool(c["referentie"])
        if c["onderdrukt"]:
            z_grijs[i][j], tekst_grijs[i][j] = 0, f"< {min_respondenten}"
            hover_grijs[i][j] = f"{c['rij']}<br>{c['schaal']}: " + t(
                "minder dan {n} respondenten, niet getoond", taal, n=min_respondenten
            )
            continue
        waarde = c["verschil"] if modus == "verschil" else c["score"]
        if waarde is None:
            z_leeg[i][j] = 0
            hover_leeg[i][j] = f"{c['rij']}<br>{c['schaal']}: {t('geen gegevens', taal)}"
            continue
        span, richting = c["span"] or 4.0, c["richting"] or 0
        decimalen = _decimalen(c)
        if modus == "verschil":
            kleur = waarde * richting / (0.0625 * span)
            tekst[i][j] = fmt.verschil(waarde, decimalen, "", taal)
        else:
            afwijking = (waarde - c["gemiddelde"]) if c["gemiddelde"] is not None else 0.0
            kleur = afwijking * richting / (0.125 * span)
            tekst[i][j] = fmt.getal(waarde, decimalen, taal)
        z[i][j] = max(-1.0, min(1.0, kleur))
        hover[i][j] = _cel_hover(c, org_naam, vorige, taal)

    fig = go.Figure()
    x, y = list(range(len(schalen))), list(range(len(rijen)))
    gemeen = {"x": x, "y": y, "xgap": 2, "ygap": 2, "hoverinfo": "text", "texttemplate": "%{text}"}
    fig.add_heatmap(
        z=z, text=tekst, hovertext=hover, zmin=-1, zmax=1, colorscale=GUNSTIG_SCHAAL,
        textfont={"size": 13}, name="", **gemeen,
        showscale=False,
    )  # fmt: skip
    if any(v is not None for r in z_grijs for v in r):
        fig.add_heatmap(
            z=z_grijs, text=tekst_grijs, hovertext=hover_grijs, showscale=False,
            colorscale=[[0, theme.ONDERDRUKT_KLEUR], [1, theme.ONDERDRUKT_KLEUR]],
            textfont={"size": 12, "color": theme.GRIJS_DONKER}, name=f"< {min_respondenten}", **gemeen,
        )  # fmt: skip
    if any(v is not None for r in z_leeg for v in r):
        fig.add_heatmap(
            z=z_leeg, text=[["–" if v is not None else "" for v in r] for r in z_leeg],
            hovertext=hover_leeg, showscale=False, colorscale=[[0, "#FFFFFF"], [1, "#FFFFFF"]],
            textfont={"size": 12, "color": theme.GRIJS}, name=t("geen gegevens", taal), **gemeen,
        )  # fmt: skip

    theme.opmaak(fig, kader, hoogte=max(380, 270 + 30 * len(rijen)), legenda=False, extra_voet=voet)
    # a fixed left margin for the unit names, so that the source line can start at the figure's
    # left edge (it is placed relative to the plot area)
    links = int(min(560, max(160, breedste + 20)))
    fig.update_layout(
        margin={"t": fig.layout.margin.t + 72, "r": 24, "l": links}, hovermode="closest"
    )
    verschuif_voet(fig, links=links - 12)
    fig.update_xaxes(
        side="top", tickmode="array", tickvals=x, ticktext=[_twee_regels(s) for s in schalen],
        showgrid=False, ticks="", showline=False, tickangle=0, tickfont={"size": 12},
        range=[-0.5, len(schalen) - 0.5], fixedrange=True,
    )  # fmt: skip
    # the JD-R group once above its columns
    for groep in dict.fromkeys(groep_van[s] for s in schalen):
        kolommen = [j for j, s in enumerate(schalen) if groep_van[s] == groep]
        fig.add_annotation(
            x=sum(kolommen) / len(kolommen), y=1, xref="x", yref="paper", yanchor="bottom",
            yshift=40, showarrow=False, text=f"<b>{groep}</b>",
            font={"size": 12, "color": theme.GRIJS_DONKER},
        )  # fmt: skip
    fig.update_yaxes(
        tickmode="array", tickvals=y, ticktext=[labels[i] for i in y], autorange="reversed",
        showgrid=False, ticks="", showline=False, automargin=False, fixedrange=True,
    )  # fmt: skip
    # the JD-R groups apart, and the averages apart from the units
    grenzen = [
        j for j in range(1, len(schalen)) if groep_van[schalen[j]] != groep_van[schalen[j - 1]]
    ]
    for j in grenzen:
        fig.add_shape(type="line", x0=j - 0.5, x1=j - 0.5, y0=-0.5, y1=len(rijen) - 0.5,
                      line={"color": theme.GRIJS_DONKER, "width": 2})  # fmt: skip
    if 0 < referentie_rijen < len(rijen):
        fig.add_shape(type="line", x0=-0.5, x1=len(schalen) - 0.5, y0=referentie_rijen - 0.5,
                      y1=referentie_rijen - 0.5, line={"color": theme.GRIJS_DONKER, "width": 2})  # fmt: skip
    return fig


def _decimalen(c: dict[str, Any]) -> int:
    d = c.get("decimalen")  # a frame without the column: one decimal
    return 1 if d is None else int(d)


def _twee_regels(label: str, breedte: int = 13) -> str:
    """A column label over at most two lines ('Emotionele<br>belasting', 'Ontwikkel-<br>...')."""
    if len(label) <= breedte:
        return label
    if " " in label:
        woorden = label.split(" ")
        for k in range(len(woorden) - 1, 0, -1):
            eerste = " ".join(woorden[:k])
            if len(eerste) <= breedte or k == 1:
                return f"{eerste}<br>{' '.join(woorden[k:])}"
    return f"{label[:9]}-<br>{label[9:]}"


def _cel_hover(c: dict[str, Any], org_naam: str, vorige: str | None, taal: str) -> str:
    decimalen = _decimalen(c)
    delen = [
        f"<b>{c['rij']}</b>",
        f"{c['schaal']}: {fmt.getal(c['score'], decimalen, taal)}",
        t(
            "gemiddelde {naam}: {score}",
            taal,
            naam=org_naam,
            score=fmt.getal(c["gemiddelde"], decimalen, taal),
        ),
    ]
    if vorige is not None:
        delen.append(
            f"{vorige}: {fmt.getal(c['vorige'], decimalen, taal)} "
            f"({fmt.verschil(c['verschil'], decimalen, '', taal)})"
            if c["vorige"] is not None
            else f"{vorige}: {t('geen vergelijking', taal)}"
        )
    delen.append(respondenten_tekst(c["respondenten"], taal))
    if c["eenheden_onderdrukt"]:
        delen.append(
            tn(
                "{k} eenheid met te weinig respondenten niet meegeteld",
                "{k} eenheden met te weinig respondenten niet meegeteld",
                c["eenheden_onderdrukt"],
                taal,
                k=c["eenheden_onderdrukt"],
            )
        )
    return "<br>".join(delen)
