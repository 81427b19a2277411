"""The Afdelingen ranking: sorted horizontal bars with 95% intervals, coloured by funnel position;
suppressed units as a grey "< 10" entry at zero."""

from __future__ import annotations

from collections.abc import Collection

import plotly.graph_objects as go
import polars as pl

from dashboard import catalogus
from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.charts.afdelingen._opmaak import (
    KLEUREN,
    legenda_lijn,
    melding,
    onderdrukt_tekst,
    ruimte_voor_astitel,
    secundair_voet,
    vet,
    vlijn,
    voet_naast_namen,
    x_as,
    y_as,
)
from dashboard.i18n import t
from dashboard.veilig import plotly_namen, plotly_tekst
from dashboard.views import Kader
from dashboard.views import afdelingen as view


def figuur(
    frame: pl.DataFrame,
    kader: Kader,
    *,
    metriek: str = "verzuimpercentage",
    referentie: tuple[str, float | None] = ("", None),
    markeer: Collection[str] = (),
) -> go.Figure:
    """Horizontal bars in the frame's order (highest first) with 95% intervals.

    `frame`: one row per unit with eenheid, code, naam, onderdrukt, geen_gegevens, bezetting,
    the metric, `<metriek>_laag` / `_hoog` and `<metriek>_klasse_998`.
    """
    taal = kader.taal
    m = catalogus.metriek(metriek)
    # unit names come from the organisation file: plain text in ticks, hover and legend
    rijen = plotly_namen(frame, "naam").to_dicts()
    fig = go.Figure()
    getoond = [r for r in rijen if not r["onderdrukt"] and not r["geen_gegevens"]]
    # a funnel position needs a few units to compare with; below that, no classes at all
    met_klassen = len(getoond) >= view.MIN_FUNNEL
    for klasse, kleur in KLEUREN.items():
        deel = [r for r in getoond if _klasse(r, metriek, met_klassen) == klasse]
        if not deel:
            continue
        naam = view.POSITIES[klasse] if met_klassen else m.label
        waarden = [r[metriek] for r in deel]
        laag = [r[f"{metriek}_laag"] for r in deel]
        hoog = [r[f"{metriek}_hoog"] for r in deel]
        fig.add_bar(
            y=[r["eenheid"] for r in deel],
            x=waarden,
            orientation="h",
            name=t(naam, taal),
            marker={"color": kleur},
            error_x={
                "type": "data",
                "array": [h - w if h is not None else 0 for w, h in zip(waarden, hoog, strict=True)],
                "arrayminus": [w - lo if lo is not None else 0 for w, lo in zip(waarden, laag, strict=True)],
                "color": theme.GRIJS_DONKER, "thickness": 1.5, "width": 4,
            },
            customdata=[r["code"] for r in deel],
            hovertext=[_ranking_hover(r, metriek, taal, met_klassen) for r in deel],
            hoverinfo="text",
        )  # fmt: skip
    if getoond:
        # the value just right of the interval, so it never sits under the whisker
        fig.add_scatter(
            y=[r["eenheid"] for r in getoond],
            x=[r[f"{metriek}_hoog"] if r[f"{metriek}_hoog"] is not None else r[metriek] for r in getoond],
            mode="text",
            text=[f"  {view.waarde_kort(r[metriek], metriek, taal)}" for r in getoond],
            textposition="middle right",
            textfont={"size": 13, "color": "#1A1A1A"},
            customdata=[r["code"] for r in getoond],
            hoverinfo="skip",
            showlegend=False,
        )  # fmt: skip
    klein = onderdrukt_tekst(kader.min_groep)
    privacy, leeg_tekst = t("niet getoond (privacy)", taal), t("geen gegevens", taal)
    weg = [r for r in rijen if r["onderdrukt"] and not r["geen_gegevens"]]
    if weg:
        fig.add_scatter(
            y=[r["eenheid"] for r in weg],
            x=[0] * len(weg),
            mode="markers+text",
            marker={"symbol": "square", "size": 14, "color": theme.ONDERDRUKT_KLEUR},
            text=[klein] * len(weg),
            textposition="middle right",
            textfont={"size": 13, "color": theme.GRIJS_DONKER},
            name=f"{klein}: {privacy}",
            customdata=[r["code"] for r in weg],
            hovertext=[f"{r['naam']}: {klein} ({privacy})" for r in weg],
            hoverinfo="text",
        )  # fmt: skip
    leeg = [r for r in rijen if r["geen_gegevens"]]
    if leeg:
        fig.add_scatter(
            y=[r["eenheid"] for r in leeg],
            x=[0] * len(leeg),
            mode="text",
            text=[leeg_tekst] * len(leeg),
            textposition="middle right",
            textfont={"size": 13, "color": theme.GRIJS},
            customdata=[r["code"] for r in leeg],
            hovertext=[f"{r['naam']}: {leeg_tekst}" for r in leeg],
            hoverinfo="text",
            showlegend=False,
        )  # fmt: skip
    ref_naam, ref_waarde = referentie
    if ref_waarde is not None:
        vlijn(fig, ref_waarde, {"color": theme.GRIJS_DONKER, "dash": "dash", "width": 2})
        legenda_lijn(
            fig,
            f"{plotly_tekst(ref_naam)}: {view.waarde_kort(ref_waarde, metriek, taal)}",
            theme.GRIJS_DONKER,
            "dash",
        )
    hoogste = max([r[f"{metriek}_hoog"] or r[metriek] for r in getoond] + [ref_waarde or 0, 0.1])
    aantal = max(len(rijen), 1)
    theme.opmaak(
        fig,
        kader,
        hoogte=max(440, 276 + 30 * aantal),
        extra_voet=secundair_voet(kader) if weg else "",
    )
    ruimte_voor_astitel(fig)
    categorieen = [r["eenheid"] for r in rijen]
    y_as(
        fig,
        type="category",
        categoryorder="array",
        categoryarray=categorieen[::-1],
        tickmode="array",
        tickvals=categorieen,
        ticktext=[vet(r["naam"], r["code"] in markeer) for r in rijen],
        automargin=True,
        showgrid=False,
        tickfont={"size": 13},
    )
    x_as(
        fig,
        title={"text": view.as_titel(metriek, taal), "font": {"size": 13}},
        ticksuffix=m.eenheid,
        range=[0, hoogste * 1.16],
        showgrid=True,
        gridcolor=theme.GRIJS_LICHT,
    )
    y_as(fig, range=[-0.6, len(rijen) - 0.4])
    fig.update_layout(barmode="overlay", bargap=0.3, hovermode="closest", clickmode="event+select")
    voet_naast_namen(fig, [r["naam"] for r in rijen])
    if not getoond:
        melding(fig, t("Alle groepen zijn te klein om te tonen.", taal))
    return fig


def _klasse(r: dict[str, object], metriek: str, met_klassen: bool) -> str:
    """The unit's funnel position at 99.8%; 'binnen' when unknown or when there are no classes."""
    klasse = r.get(f"{metriek}_klasse_998") if met_klassen else None
    return str(klasse) if klasse else "binnen"


def _ranking_hover(r: dict[str, object], metriek: str, taal: str, met_klassen: bool) -> str:
    def w(x: object) -> str:
        return view.waarde_kort(x, metriek, taal)  # type: ignore[arg-type]

    laag, hoog = r[f"{metriek}_laag"], r[f"{metriek}_hoog"]
    label, interval = t(catalogus.metriek(metriek).label, taal), t("95%-interval", taal)
    regel = f"{label}: {w(r[metriek])}"
    if laag is not None and hoog is not None:
        regel += f" ({interval} {w(laag)} – {w(hoog)})"
    bezetting = fmt.getal(r["bezetting"], 0, taal)  # type: ignore[arg-type]
    regels = [f"<b>{r['naam']}</b>", regel, t("Bezetting", taal) + ": " + bezetting]
    tekst = view.positie_tekst(_klasse(r, metriek, met_klassen), taal) if met_klassen else None
    if tekst:
        regels.append(t("Funnel", taal) + ": " + tekst)
    if r["code"]:
        regels.append("<i>" + t("Klik om in te zoomen", taal) + "</i>")
    return "<br>".join(regels)
