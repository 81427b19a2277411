"""The survey scatters: job demands against job resources per unit (size = respondents, colour =
absence), and one scale against the verzuimpercentage of the wave's year.

A suppressed unit is left out of both, whatever the caller passes in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

import plotly.graph_objects as go
import polars as pl

from dashboard import format as fmt
from dashboard.catalogus import metriek
from dashboard.charts import theme
from dashboard.charts.enquete.opmaak import (
    VERZUIM_SCHAAL,
    bereik,
    melding,
    posities,
    respondenten_tekst,
    stap,
    verschuif_voet,
)
from dashboard.i18n import t, tn
from dashboard.veilig import plotly_namen, plotly_tekst
from dashboard.views import Kader
from dashboard.views.enquete.model import KWADRANTEN, RISICO
from dashboard.views.enquete.teksten import kort_naam

#: Where each quadrant's name goes: x, y (in the plot's domain), x anchor, y anchor.
_HOEKEN: dict[str, tuple[float, float, str, str]] = {
    KWADRANTEN[(True, False)]: (0.995, 0.01, "right", "bottom"),
    KWADRANTEN[(True, True)]: (0.995, 0.99, "right", "top"),
    KWADRANTEN[(False, True)]: (0.005, 0.99, "left", "top"),
    KWADRANTEN[(False, False)]: (0.005, 0.01, "left", "bottom"),
}


class _Samenhang(Protocol):
    @property
    def helling(self) -> float | None: ...
    @property
    def snijpunt(self) -> float | None: ...


def _verzuim(pct: float | None, onderdrukt: bool, taal: str) -> str:
    m = metriek("verzuimpercentage")
    if onderdrukt or pct is None:
        return fmt.ONDERDRUKT
    return fmt.procent(pct, m.decimalen, taal)


# -- demands against resources -------------------------------------------------------------------


def eisen_hulpbronnen_figuur(
    frame: pl.DataFrame,
    kader: Kader,
    *,
    ref_eisen: float | None,
    ref_hulpbronnen: float | None,
    org_code: str,
    eisen_schalen: Sequence[str],
    hulpbron_schalen: Sequence[str],
    voet: str = "",
    min_respondenten: int = 10,
) -> go.Figure:
    """One bubble per unit: x = mean job demands, y = mean job resources, size = respondents,
    colour = verzuimpercentage; quadrants split at the organisation average.

    `frame`: naam, respondenten, onderdrukt, eisen, hulpbronnen, kwadrant (its Dutch label),
    verzuimpercentage, verzuim_onderdrukt (units with `onderdrukt` are left out).
    """
    taal = kader.taal
    frame = plotly_namen(frame, "naam")
    org_code = plotly_tekst(org_code)
    eisen_schalen = [plotly_tekst(s) for s in eisen_schalen]
    zichtbaar = frame.filter(
        ~pl.col("onderdrukt") & pl.col("eisen").is_not_null() & pl.col("hulpbronnen").is_not_null()
    )
    weg = frame.filter(pl.col("onderdrukt")).height
    if weg and zichtbaar.height:
        voet = tn(
            "{k} eenheid met minder dan {minimum} respondenten niet getoond.",
            "{k} eenheden met minder dan {minimum} respondenten niet getoond.",
            weg, taal, k=weg, minimum=min_respondenten,
        ) + " " + voet  # fmt: skip
    fig = go.Figure()
    grootste = max([1, *[r or 0 for r in zichtbaar["respondenten"].to_list()]])
    sizeref = 2.0 * grootste / 46**2
    maat = {"sizemode": "area", "sizeref": sizeref, "sizemin": 5}
    alle_labels = zichtbaar.height <= 12
    # names only where they matter: the units furthest into the risk quadrant
    risico = zichtbaar.filter(pl.col("kwadrant") == RISICO)
    if ref_eisen is not None and ref_hulpbronnen is not None and risico.height:
        afstand = (pl.col("eisen") - ref_eisen) + (ref_hulpbronnen - pl.col("hulpbronnen"))
        benoemd = set(risico.sort(afstand, descending=True)["naam"].head(6).to_list())
    else:
        benoemd = set()
    # names and their positions over all bubbles together, before they are split into two traces
    namen = [kort_naam(n) if alle_labels or n in benoemd else "" for n in zichtbaar["naam"]]
    xs = [*zichtbaar["eisen"].to_list(), *([ref_eisen] if ref_eisen is not None else [])]
    ys = [
        *zichtbaar["hulpbronnen"].to_list(),
        *([ref_hulpbronnen] if ref_hulpbronnen is not None else []),
    ]
    x_bereik = bereik(xs) if xs else [0.0, 1.0]
    # more room above and below: the quadrant names sit in the corners, names above the top dots
    y_bereik = bereik(ys, 0.2) if ys else [0.0, 1.0]
    y_bereik[1] += (y_bereik[1] - y_bereik[0]) * 0.08
    stralen = [max(2.5, 0.5 * math.sqrt(2 * (r or 0) / sizeref)) for r in zichtbaar["respondenten"]]
    zichtbaar = zichtbaar.with_columns(
        pl.Series("_label", namen, pl.String),
        pl.Series("_positie", posities(zichtbaar["eisen"].to_list(), zichtbaar["hulpbronnen"].to_list(),
                                       namen, stralen, x_bereik, y_bereik), pl.String),
    )  # fmt: skip
    met = zichtbaar.filter(
        ~pl.col("verzuim_onderdrukt") & pl.col("verzuimpercentage").is_not_null()
    )
    zonder = zichtbaar.filter(pl.col("verzuim_onderdrukt") | pl.col("verzuimpercentage").is_null())

    def hovers(deel: pl.DataFrame) -> list[str]:
        return [
            f"<b>{r['naam']}</b><br>{t('Taakeisen', taal)}: {fmt.getal(r['eisen'], 1, taal)}"
            f"<br>{t('Hulpbronnen', taal)}: {fmt.getal(r['hulpbronnen'], 1, taal)}"
            f"<br>{t(r['kwadrant'], taal) if r['kwadrant'] else ''}"
            f"<br>{respondenten_tekst(r['respondenten'], taal)}"
            f"<br>{t('Verzuim', taal)}: "
            + _verzuim(r["verzuimpercentage"], r["verzuim_onderdrukt"], taal)
            for r in deel.iter_rows(named=True)
        ]

    if met.height:
        pct = met["verzuimpercentage"].to_list()
        midden = sorted(pct)[len(pct) // 2]
        # at least one percentage point either side: a few close units are not painted as extremes
        kleur_bereik = {"cmin": min(min(pct), midden - 1), "cmax": max(max(pct), midden + 1)}
        eenheid = metriek("verzuimpercentage").eenheid
        fig.add_scatter(
            x=met["eisen"].to_list(), y=met["hulpbronnen"].to_list(), mode="markers+text",
            text=met["_label"].to_list(), textposition=met["_positie"].to_list(), textfont={"size": 11, "color": theme.GRIJS_DONKER},
            hovertext=hovers(met), hoverinfo="text", name=t("Eenheid", taal), showlegend=False,
            marker={
                "size": met["respondenten"].to_list(), **maat, "color": pct,
                "colorscale": VERZUIM_SCHAAL, **kleur_bereik, "line": {"color": theme.GRIJS_DONKER, "width": 1},
                "colorbar": {"title": {"text": f"{t('Verzuim', taal)} {eenheid}", "side": "top", "font": {"size": 12}},
                             "ticksuffix": eenheid, "thickness": 14, "outlinewidth": 0, "len": 0.8},
            },
        )  # fmt: skip
    if zonder.height:
        fig.add_scatter(
            x=zonder["eisen"].to_list(), y=zonder["hulpbronnen"].to_list(), mode="markers+text",
            text=zonder["_label"].to_list(), textposition=zonder["_positie"].to_list(), textfont={"size": 11},
            hovertext=hovers(zonder), hoverinfo="text",
            name=t("verzuim niet getoond", taal) + f" ({fmt.ONDERDRUKT})",
            marker={"size": zonder["respondenten"].to_list(), **maat, "color": theme.ONDERDRUKT_KLEUR,
                    "line": {"color": theme.GRIJS_DONKER, "width": 1}},
        )  # fmt: skip

    theme.opmaak(fig, kader, hoogte=620, legenda=zichtbaar.height > 0, extra_voet=voet)
    if zichtbaar.height:
        fig.update_xaxes(range=x_bereik, dtick=stap(x_bereik))
        fig.update_yaxes(range=y_bereik, dtick=stap(y_bereik))
    fig.update_xaxes(
        title={"text": t("Taakeisen (gemiddelde van {schalen})", taal, schalen=", ".join(eisen_schalen)),
               "font": {"size": 13}},
        tickformat=".1f", showgrid=True, gridcolor=theme.GRIJS_LICHT, zeroline=False,
    )  # fmt: skip
    fig.update_yaxes(
        title={"text": tn("Hulpbronnen (gemiddelde van {n} schaal)", "Hulpbronnen (gemiddelde van {n} schalen)",
                          len(hulpbron_schalen), taal),
               "font": {"size": 13}},
        tickformat=".1f",
    )  # fmt: skip
    if ref_eisen is not None and ref_hulpbronnen is not None and zichtbaar.height:
        lijn = {"color": theme.GRIJS, "width": 1.5, "dash": "dash"}
        fig.add_vline(x=ref_eisen, line=lijn)
        fig.add_hline(y=ref_hulpbronnen, line=lijn)
        # the lines explained in the legend: a label on the line would clash with the corners
        fig.add_scatter(
            x=[None], y=[None], mode="lines", line=lijn, hoverinfo="skip",
            name=t("gemiddelde {naam}", taal, naam=org_code),
        )  # fmt: skip
        for kw, (x, y, xa, ya) in _HOEKEN.items():
            is_risico = kw == RISICO
            fig.add_annotation(
                x=x, y=y, xref="x domain", yref="y domain", xanchor=xa, yanchor=ya, showarrow=False,
                text=f"<b>{t(kw, taal)}</b>" if is_risico else t(kw, taal),
                font={"size": 13 if is_risico else 12, "color": theme.ORANJE if is_risico else theme.GRIJS},
            )  # fmt: skip
    if zichtbaar.height == 0:
        melding(fig, t("Geen eenheden met ten minste {n} respondenten: scores niet getoond.", taal,
                       n=min_respondenten))  # fmt: skip
    verschuif_voet(fig, omlaag=26)
    fig.update_layout(hovermode="closest")
    return fig


# -- a scale against absence ---------------------------------------------------------------------


def schaal_verzuim_figuur(
    frame: pl.DataFrame,
    kader: Kader,
    *,
    kolom: str,
    schaal_label: str,
    bereik_schaal: tuple[float, float],
    samenhang: _Samenhang | None,
    verzuim_label: str,
    decimalen: int = 1,
    voet: str = "",
    min_respondenten: int = 10,
) -> go.Figure:
    """One dot per unit: the scale's score against the verzuimpercentage of the wave's year, with
    the least-squares line when a correlation is stated."""
    taal = kader.taal
    m = metriek("verzuimpercentage")
    schaal_label = plotly_tekst(schaal_label)
    punten = plotly_namen(frame, "naam").filter(
        ~pl.col("onderdrukt")
        & ~pl.col("verzuim_onderdrukt")
        & pl.col(kolom).is_not_null()
        & pl.col("verzuimpercentage").is_not_null()
    )
    fig = go.Figure()
    if punten.height:
        xs, ys = punten[kolom].to_list(), punten["verzuimpercentage"].to_list()
        # names next to the dots: all of them when few, else the extremes
        volgorde = sorted(range(len(ys)), key=lambda i: ys[i])
        extreem = set(volgorde[:2] + volgorde[-3:]) if len(ys) > 14 else set(range(len(ys)))
        teksten = [kort_naam(n) if i in extreem else "" for i, n in enumerate(punten["naam"])]
        fig.add_scatter(
            x=xs, y=ys, mode="markers+text", name=t("Eenheid", taal), showlegend=False,
            text=teksten,
            textposition=posities(
                xs, ys, teksten, [6.5] * len(xs), bereik(xs), [0.0, max(ys) * 1.1], hoogte=340
            ),
            textfont={"size": 11, "color": theme.GRIJS_DONKER},
            marker={"size": 13, "color": theme.LINTBLAUW, "opacity": 0.85,
                    "line": {"color": "white", "width": 1}},
            hovertext=[
                f"<b>{r['naam']}</b><br>{schaal_label}: {fmt.getal(r[kolom], decimalen, taal)}"
                f"<br>{t('Verzuim', taal)}: {fmt.procent(r['verzuimpercentage'], m.decimalen, taal)}"
                f"<br>{respondenten_tekst(r['respondenten'], taal)}"
                for r in punten.iter_rows(named=True)
            ],
            hoverinfo="text",
        )  # fmt: skip
        if (
            samenhang is not None
            and samenhang.helling is not None
            and samenhang.snijpunt is not None
        ):
            lo, hi = min(xs), max(xs)
            fig.add_scatter(
                x=[lo, hi], y=[samenhang.snijpunt + samenhang.helling * v for v in (lo, hi)],
                mode="lines", line={"color": theme.ORANJE, "width": 2.5, "dash": "dash"},
                name=t("rechte lijn door de punten (kleinste kwadraten)", taal), hoverinfo="skip",
            )  # fmt: skip
    theme.opmaak(fig, kader, hoogte=560, legenda=punten.height > 0, extra_voet=voet)
    van, tot = (fmt.getal(b, 0, taal) for b in bereik_schaal)
    fig.update_xaxes(
        title={"text": t("{schaal} (schaal {van}-{tot})", taal, schaal=schaal_label, van=van, tot=tot),
               "font": {"size": 13}},
        tickformat=".1f", showgrid=True, gridcolor=theme.GRIJS_LICHT, zeroline=False,
    )  # fmt: skip
    fig.update_yaxes(
        title={"text": f"{t(m.label, taal)} ({verzuim_label})", "font": {"size": 13}},
        ticksuffix=m.eenheid, tickformat=f".{m.decimalen}f", rangemode="tozero",
    )  # fmt: skip
    if punten.height:
        x_bereik = bereik(punten[kolom].to_list())
        fig.update_xaxes(range=x_bereik, dtick=stap(x_bereik))
    if punten.height == 0:
        melding(fig, t("Geen eenheden met ten minste {n} respondenten en verzuimcijfers.", taal,
                       n=min_respondenten))  # fmt: skip
    verschuif_voet(fig, omlaag=26)
    fig.update_layout(hovermode="closest")
    return fig
