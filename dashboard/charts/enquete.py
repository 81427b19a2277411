"""Survey charts (JD-R): a heat map scale × unit, demands against resources, a scale against absence.

Suppressed units (fewer respondents than the minimum) never carry a number in a figure: the heat
map shows them as grey '< 10' cells without a z value, the scatters leave them out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Protocol

import plotly.graph_objects as go
import polars as pl

from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.i18n import t
from dashboard.veilig import plotly_namen, plotly_tekst
from dashboard.views import Kader

#: Diverging, colour-blind safe: orange = less favourable, blue = more favourable.
GUNSTIG_SCHAAL: list[list[Any]] = [
    [0.0, theme.ORANJE],
    [0.25, "#F0B27A"],
    [0.5, "#FFFFFF"],
    [0.75, "#8DBAD6"],
    [1.0, theme.LINTBLAUW],
]
#: Absence colour: blue below the middle, orange above it.
VERZUIM_SCHAAL: list[list[Any]] = [
    [0.0, theme.LINTBLAUW],
    [0.5, "#F2F2F2"],
    [1.0, theme.ORANJE],
]
_RISICO = "hoge eisen, weinig hulpbronnen"
#: A rectangle in data units: x0, x1, y0, y1.
Vak = tuple[float, float, float, float]


class _Samenhang(Protocol):
    @property
    def helling(self) -> float | None: ...
    @property
    def snijpunt(self) -> float | None: ...


def kort_naam(naam: str) -> str:
    """A unit name for a label inside a chart: without the unit-type word in front."""
    for voorvoegsel in ("Afdeling ", "Directie ", "Directoraat-generaal "):
        if naam.startswith(voorvoegsel):
            return naam[len(voorvoegsel) :]
    return naam


def _n_tekst(respondenten: int | None, onderdrukt: bool, taal: str, minimum: int = 10) -> str:
    if onderdrukt:
        return f"n < {minimum}"
    return f"n = {fmt.getal(respondenten, 0, taal)}"


# -- heat map ------------------------------------------------------------------------------------


def heatmap(
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
    score, vorige, verschil, gemiddelde, respondenten, eenheden_onderdrukt, onderdrukt), rows in
    display order.
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
            n_tekst = _n_tekst(c["respondenten"], c["onderdrukt"], taal, min_respondenten)
            labels[i] = f"{naam}  <span style='color:{theme.GRIJS}'>{n_tekst}</span>"
            breedste = max(
                breedste, len(naam) * (8.4 if c["referentie"] else 7.4) + 8 * len(n_tekst)
            )
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
        if modus == "verschil":
            kleur = waarde * richting / (0.0625 * span)
            tekst[i][j] = fmt.verschil(waarde, 1, "", taal)
        else:
            afwijking = (waarde - c["gemiddelde"]) if c["gemiddelde"] is not None else 0.0
            kleur = afwijking * richting / (0.125 * span)
            tekst[i][j] = fmt.getal(waarde, 1, taal)
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
    _verschuif_voet(fig, links=links - 12)
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


def _verschuif_voet(fig: go.Figure, *, links: int = 0, omlaag: int = 0) -> None:
    """Move the source line that theme.opmaak put under the plot area (left, or further down)."""
    for a in fig.layout.annotations:
        if a.xref == "paper" and a.yref == "paper" and a.y == 0 and a.yshift == -36:
            a.xshift = -links
            a.yshift = -36 - omlaag
    if omlaag:
        fig.update_layout(margin={"b": fig.layout.margin.b + omlaag})


def _cel_hover(c: dict[str, Any], org_naam: str, vorige: str | None, taal: str) -> str:
    delen = [
        f"<b>{c['rij']}</b>",
        f"{c['schaal']}: {fmt.getal(c['score'], 1, taal)}",
        f"{t('gemiddelde', taal)} {org_naam}: {fmt.getal(c['gemiddelde'], 1, taal)}",
    ]
    if vorige is not None:
        delen.append(
            f"{vorige}: {fmt.getal(c['vorige'], 1, taal)} ({fmt.verschil(c['verschil'], 1, '', taal)})"
            if c["vorige"] is not None
            else f"{vorige}: {t('geen vergelijking', taal)}"
        )
    delen.append(_n_tekst(c["respondenten"], False, taal) + " " + t("respondenten", taal))
    if c["eenheden_onderdrukt"]:
        delen.append(
            t(
                "1 eenheid met te weinig respondenten niet meegeteld",
                taal,
                k=c["eenheden_onderdrukt"],
            )
            if c["eenheden_onderdrukt"] == 1
            else t(
                "{k} eenheden met te weinig respondenten niet meegeteld",
                taal,
                k=c["eenheden_onderdrukt"],
            )
        )
    return "<br>".join(delen)


# -- demands against resources -------------------------------------------------------------------


def eisen_hulpbronnen(
    frame: pl.DataFrame,
    kader: Kader,
    *,
    ref_eisen: float | None,
    ref_hulpbronnen: float | None,
    org_code: str,
    eisen_schalen: Sequence[str],
    hulpbron_schalen: Sequence[str],
    verzuim_label: str,
    voet: str = "",
    min_respondenten: int = 10,
) -> go.Figure:
    """One bubble per unit: x = mean job demands, y = mean job resources, size = respondents,
    colour = verzuimpercentage; quadrants split at the organisation average.

    `frame`: naam, respondenten, onderdrukt, eisen, hulpbronnen, kwadrant, verzuimpercentage,
    verzuim_onderdrukt (units with `onderdrukt` are left out).
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
        voet = (
            (t('1 eenheid met minder dan {n} respondenten niet getoond.', taal, k=weg, n=min_respondenten) if weg == 1 else t('{k} eenheden met minder dan {n} respondenten niet getoond.', taal, k=weg, n=min_respondenten)) + " " + voet
        )  # fmt: skip
    fig = go.Figure()
    grootste = max([1, *[r or 0 for r in zichtbaar["respondenten"].to_list()]])
    sizeref = 2.0 * grootste / 46**2
    maat = {"sizemode": "area", "sizeref": sizeref, "sizemin": 5}
    alle_labels = zichtbaar.height <= 12
    # names only where they matter: the units furthest into the risk quadrant
    risico = zichtbaar.filter(pl.col("kwadrant") == _RISICO)
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
    x_bereik = _bereik(xs) if xs else [0.0, 1.0]
    # more room above and below: the quadrant names sit in the corners, names above the top dots
    y_bereik = _bereik(ys, 0.2) if ys else [0.0, 1.0]
    y_bereik[1] += (y_bereik[1] - y_bereik[0]) * 0.08
    stralen = [max(2.5, 0.5 * math.sqrt(2 * (r or 0) / sizeref)) for r in zichtbaar["respondenten"]]
    zichtbaar = zichtbaar.with_columns(
        pl.Series("_label", namen, pl.String),
        pl.Series("_positie", _posities(zichtbaar["eisen"].to_list(), zichtbaar["hulpbronnen"].to_list(),
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
            f"<br>{_n_tekst(r['respondenten'], False, taal)} {t('respondenten', taal)}"
            f"<br>{t('Verzuim', taal)}: "
            + (
                fmt.procent(r["verzuimpercentage"], 1, taal)
                if not r["verzuim_onderdrukt"] and r["verzuimpercentage"] is not None
                else fmt.ONDERDRUKT
            )
            for r in deel.iter_rows(named=True)
        ]

    if met.height:
        pct = met["verzuimpercentage"].to_list()
        midden = sorted(pct)[len(pct) // 2]
        # at least one percentage point either side: a few close units are not painted as extremes
        kleur_bereik = {"cmin": min(min(pct), midden - 1), "cmax": max(max(pct), midden + 1)}
        fig.add_scatter(
            x=met["eisen"].to_list(), y=met["hulpbronnen"].to_list(), mode="markers+text",
            text=met["_label"].to_list(), textposition=met["_positie"].to_list(), textfont={"size": 11, "color": theme.GRIJS_DONKER},
            hovertext=hovers(met), hoverinfo="text", name=t("Eenheid", taal), showlegend=False,
            marker={
                "size": met["respondenten"].to_list(), **maat, "color": pct,
                "colorscale": VERZUIM_SCHAAL, **kleur_bereik, "line": {"color": theme.GRIJS_DONKER, "width": 1},
                "colorbar": {"title": {"text": t("Verzuim", taal) + " %", "side": "top", "font": {"size": 12}},
                             "ticksuffix": "%", "thickness": 14, "outlinewidth": 0, "len": 0.8},
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
        fig.update_xaxes(range=x_bereik, dtick=_stap(x_bereik))
        fig.update_yaxes(range=y_bereik, dtick=_stap(y_bereik))
    fig.update_xaxes(
        title={"text": t("Taakeisen", taal) + f" ({t('gemiddelde van', taal)} {', '.join(eisen_schalen)})",
               "font": {"size": 13}},
        tickformat=".1f", showgrid=True, gridcolor=theme.GRIJS_LICHT, zeroline=False,
    )  # fmt: skip
    fig.update_yaxes(
        title={"text": t("Hulpbronnen", taal) + f" ({t('gemiddelde van', taal)} {len(hulpbron_schalen)} {t('schalen', taal)})",
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
            name=f"{t('gemiddelde', taal)} {org_code}",
        )  # fmt: skip
        for kw, (x, y, xa, ya) in {
            _RISICO: (0.995, 0.01, "right", "bottom"),
            "hoge eisen, veel hulpbronnen": (0.995, 0.99, "right", "top"),
            "lage eisen, veel hulpbronnen": (0.005, 0.99, "left", "top"),
            "lage eisen, weinig hulpbronnen": (0.005, 0.01, "left", "bottom"),
        }.items():
            is_risico = kw == _RISICO
            fig.add_annotation(
                x=x, y=y, xref="x domain", yref="y domain", xanchor=xa, yanchor=ya, showarrow=False,
                text=f"<b>{t(kw, taal)}</b>" if is_risico else t(kw, taal),
                font={"size": 13 if is_risico else 12, "color": theme.ORANJE if is_risico else theme.GRIJS},
            )  # fmt: skip
    if zichtbaar.height == 0:
        _melding(fig, t("Geen eenheden met ten minste {n} respondenten: scores niet getoond.", taal,
                        n=min_respondenten))  # fmt: skip
    _verschuif_voet(fig, omlaag=26)
    fig.update_layout(hovermode="closest")
    return fig


def _stap(bereik: Sequence[float]) -> float:
    """A tick step that stays distinct at one decimal ('3,4', never '3,4 3,4')."""
    breedte = bereik[1] - bereik[0]
    return next((s for s in (0.1, 0.2, 0.5, 1.0) if breedte / s <= 9), 2.0)


def _posities(
    xs: Sequence[float],
    ys: Sequence[float],
    teksten: Sequence[str],
    stralen: Sequence[float],
    x_bereik: Sequence[float],
    y_bereik: Sequence[float],
    *,
    breedte: float = 1000,
    hoogte: float = 380,
) -> list[str]:
    """A text position per dot ('top center', 'bottom center', 'middle right', 'middle left'):
    the first where its name overlaps no other name and no other dot, else the least bad one.
    Sizes in pixels, for a plot area of about `breedte` × `hoogte`."""
    px = (x_bereik[1] - x_bereik[0]) / breedte
    py = (y_bereik[1] - y_bereik[0]) / hoogte
    bezet: list[tuple[int, Vak]] = [
        (i, (x - r * px, x + r * px, y - r * py, y + r * py))
        for i, (x, y, r) in enumerate(zip(xs, ys, stralen, strict=True))
    ]
    uit = ["top center"] * len(xs)
    for i in sorted(range(len(xs)), key=lambda k: (-ys[k], xs[k])):
        if not teksten[i]:
            continue
        x, y, r = xs[i], ys[i], stralen[i]
        w, h = len(teksten[i]) * 6.3 * px, 14 * py
        boven, opzij = (r + 2) * py, (r + 4) * px
        opties = {
            "top center": (x - w / 2, x + w / 2, y + boven, y + boven + h),
            "bottom center": (x - w / 2, x + w / 2, y - boven - h, y - boven),
            "middle right": (x + opzij, x + opzij + w, y - h / 2, y + h / 2),
            "middle left": (x - opzij - w, x - opzij, y - h / 2, y + h / 2),
        }

        kosten = {o: _overlap(vak, bezet, i, x_bereik, y_bereik) for o, vak in opties.items()}
        keuze = min(kosten, key=lambda o: (kosten[o] > 0, kosten[o]))
        uit[i] = keuze
        bezet.append((-1, opties[keuze]))
    return uit


def _overlap(
    vak: Vak, bezet: Sequence[tuple[int, Vak]], eigen: int, xb: Sequence[float], yb: Sequence[float]
) -> float:
    """Area of `vak` on other names and dots, or outside the plot (a cut-off name is as bad)."""
    w, h = vak[1] - vak[0], vak[3] - vak[2]
    buiten = (max(0.0, xb[0] - vak[0]) + max(0.0, vak[1] - xb[1])) * h + (
        max(0.0, yb[0] - vak[2]) + max(0.0, vak[3] - yb[1])
    ) * w
    return buiten + sum(
        max(0.0, min(vak[1], b[1]) - max(vak[0], b[0]))
        * max(0.0, min(vak[3], b[3]) - max(vak[2], b[2]))
        for k, b in bezet
        if k != eigen
    )


def _bereik(waarden: Sequence[float], rand: float = 0.12) -> list[float]:
    lo, hi = min(waarden), max(waarden)
    marge = max(0.08, (hi - lo) * rand)
    return [lo - marge, hi + marge]


def _melding(fig: go.Figure, tekst: str) -> None:
    fig.add_annotation(
        text=tekst, xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
        font={"size": 16, "color": theme.GRIJS_DONKER}, bgcolor="white",
    )  # fmt: skip
    fig.update_xaxes(showticklabels=False)
    fig.update_yaxes(showticklabels=False)


# -- a scale against absence ---------------------------------------------------------------------


def schaal_verzuim(
    frame: pl.DataFrame,
    kader: Kader,
    *,
    kolom: str,
    schaal_label: str,
    bereik: tuple[float, float],
    samenhang: _Samenhang | None,
    verzuim_label: str,
    voet: str = "",
    min_respondenten: int = 10,
) -> go.Figure:
    """One dot per unit: the scale's score against the verzuimpercentage of the wave's year, with
    the least-squares line when a correlation is stated."""
    taal = kader.taal
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
            textposition=_posities(
                xs, ys, teksten, [6.5] * len(xs), _bereik(xs), [0.0, max(ys) * 1.1], hoogte=340
            ),
            textfont={"size": 11, "color": theme.GRIJS_DONKER},
            marker={"size": 13, "color": theme.LINTBLAUW, "opacity": 0.85,
                    "line": {"color": "white", "width": 1}},
            hovertext=[
                f"<b>{r['naam']}</b><br>{schaal_label}: {fmt.getal(r[kolom], 1, taal)}"
                f"<br>{t('Verzuim', taal)}: {fmt.procent(r['verzuimpercentage'], 1, taal)}"
                f"<br>{_n_tekst(r['respondenten'], False, taal)} {t('respondenten', taal)}"
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
    fig.update_xaxes(
        title={"text": f"{schaal_label} ({t('schaal', taal)} {fmt.getal(bereik[0], 0, taal)}-{fmt.getal(bereik[1], 0, taal)})",
               "font": {"size": 13}},
        tickformat=".1f", showgrid=True, gridcolor=theme.GRIJS_LICHT, zeroline=False,
    )  # fmt: skip
    fig.update_yaxes(
        title={"text": f"{t('Verzuimpercentage', taal)} ({verzuim_label})", "font": {"size": 13}},
        ticksuffix="%", tickformat=".1f", rangemode="tozero",
    )  # fmt: skip
    if punten.height:
        x_bereik = _bereik(punten[kolom].to_list())
        fig.update_xaxes(range=x_bereik, dtick=_stap(x_bereik))
    if punten.height == 0:
        _melding(fig, t("Geen eenheden met ten minste {n} respondenten en verzuimcijfers.", taal,
                        n=min_respondenten))  # fmt: skip
    _verschuif_voet(fig, omlaag=26)
    fig.update_layout(hovermode="closest")
    return fig
