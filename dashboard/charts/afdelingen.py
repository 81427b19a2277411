"""Charts of the Afdelingen view: ranking, funnel, heat map, verzuimvenster and control chart.

Suppressed units never carry a number: they appear as a grey "< 10" entry at zero (ranking), a
grey cell with z = None in the value layer (heat map), or only by name in a footnote (funnel and
verzuimvenster).
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Collection, Sequence

import numpy as np
import plotly.graph_objects as go
import polars as pl

from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.i18n import t
from dashboard.statistics import Funnel
from dashboard.veilig import plotly_namen, plotly_tekst
from dashboard.views import Kader

#: Fewer units with numbers than this: no funnel and no funnel classes (nothing to compare with).
MIN_FUNNEL = 3

METRIEKEN: dict[str, tuple[str, str, int]] = {
    # key: (label, unit suffix, decimals)
    "verzuimpercentage": ("Verzuimpercentage", "%", 1),
    "meldingsfrequentie": ("Meldingsfrequentie", "", 2),
}

#: Funnel position (99.8% limits) -> colour and legend text.
KLASSEN: tuple[tuple[str, str, str], ...] = (
    ("boven", theme.ORANJE, "boven de 99,8%-grens"),
    ("binnen", "#7FAFCB", "binnen de grenzen"),
    ("onder", theme.PALET[2], "onder de 99,8%-grens"),
)
_KLEUR = {k: kleur for k, kleur, _ in KLASSEN}
#: Sequential scale for the heat map: never white, so an empty cell ("geen gegevens") stands out.
SCHAAL = [[0.0, "#EEF4F8"], [0.35, "#9CC3DA"], [0.7, theme.LINTBLAUW], [1.0, "#0B2E45"]]
_VOORVOEGSELS = (("Directoraat-generaal ", "DG "), ("Directie ", ""), ("Afdeling ", ""))


def kort(naam: str) -> str:
    """A label for inside a plot: without the kind of unit in front ('Afdeling ', 'Directie ')."""
    for voor, vervang in _VOORVOEGSELS:
        if naam.startswith(voor) and len(naam) > len(voor) + 2:
            return vervang + naam[len(voor) :]
    return naam


def _waarde(x: float | None, metriek: str, taal: str) -> str:
    _, suffix, dec = METRIEKEN[metriek]
    return f"{fmt.getal(x, dec, taal)}{suffix}"


def _onderdrukt_tekst(min_groep: int) -> str:
    return f"< {min_groep}"


def _vet(naam: str, vet: bool) -> str:
    return f"<b>{naam}</b>" if vet else naam


def secundair_voet(kader: Kader) -> str:
    """The secondary-suppression rule, for the source line of a chart that hides groups."""
    return t(
        "Verborgen eenheden zijn te klein of verborgen om een kleine eenheid ernaast te beschermen; "
        "dezelfde keuze geldt op elke pagina, zodat niets terug te rekenen is.",
        kader.taal,
    )


def _n(waarden: Sequence[object]) -> np.ndarray:
    """Values as an object array: plotly validates a list element by element (more than the whole
    chart costs for a heat map) but takes an array at once. Object, not float: the figure JSON
    then keeps plain lists with null for a missing value, not base64 floats with NaN."""
    return np.array(waarden, dtype=object)


_s = _n


# Plotly's update_xaxes / add_vline walk every layout property on each call (tens of ms per
# call); these set the one axis of these single-plot charts directly.


def _x(fig: go.Figure, **instellingen: object) -> None:
    fig.update_layout(xaxis=instellingen)


def _y(fig: go.Figure, **instellingen: object) -> None:
    fig.update_layout(yaxis=instellingen)


# (opacity 1: the house template's shape defaults make shapes 30% opaque)


def _vlijn(fig: go.Figure, x: object, lijn: dict[str, object]) -> None:
    fig.add_shape(
        type="line", xref="x", x0=x, x1=x, yref="y domain", y0=0, y1=1, line=lijn, opacity=1
    )


def _hlijn(fig: go.Figure, y: object, lijn: dict[str, object]) -> None:
    fig.add_shape(
        type="line", xref="x domain", x0=0, x1=1, yref="y", y0=y, y1=y, line=lijn, opacity=1
    )


def _legenda_blokje(fig: go.Figure, naam: str, kleur: str, rand: str | None = None) -> None:
    """A legend entry without data (x and y empty)."""
    fig.add_scatter(
        x=[None], y=[None], mode="markers", name=naam, hoverinfo="skip",
        marker={"symbol": "square", "size": 13, "color": kleur,
                "line": {"color": rand or kleur, "width": 1}},
    )  # fmt: skip


def _legenda_bol(fig: go.Figure, naam: str, kleur: str) -> None:
    fig.add_scatter(
        x=[None], y=[None], mode="markers", name=naam, hoverinfo="skip",
        marker={"size": 13, "color": kleur, "opacity": 0.72},
    )  # fmt: skip


def _legenda_lijn(fig: go.Figure, naam: str, kleur: str, stijl: str, breedte: float = 2) -> None:
    fig.add_scatter(
        x=[None], y=[None], mode="lines", name=naam, hoverinfo="skip",
        line={"color": kleur, "dash": stijl, "width": breedte},
    )  # fmt: skip


def _ruimte_voor_astitel(fig: go.Figure, extra: int = 26) -> None:
    """Move the source line down: the house style puts it right under the ticks, where an
    x-axis title would run over it."""
    for annotatie in fig.layout.annotations:
        if annotatie.yref == "paper" and annotatie.yshift == -36:
            annotatie.yshift = -36 - extra
            break
    fig.update_layout(margin={"b": (fig.layout.margin.b or 0) + extra})


def _voet_naast_namen(fig: go.Figure, namen: Sequence[str]) -> None:
    """Re-wrap the source line for a chart with long names on the y axis: it starts where the
    plot starts, right of the names, so the house style's line length would run out of the
    image. Widths are estimates for a chart about 1240 px wide (the screen; the image is wider)."""
    langste = max((len(n) for n in namen), default=0)
    tekens = max(70, int((1240 - 7.0 * langste - 60) / 6.2))
    for annotatie in fig.layout.annotations:
        if annotatie.yref == "paper" and annotatie.y == 0 and (annotatie.yshift or 0) <= -36:
            regels = annotatie.text.count("<br>") + 1
            annotatie.text = "<br>".join(textwrap.wrap(annotatie.text.replace("<br>", " "), tekens))
            extra = 15 * (annotatie.text.count("<br>") + 1 - regels)
            fig.update_layout(margin={"b": (fig.layout.margin.b or 0) + max(extra, 0)})
            return


def _melding(fig: go.Figure, tekst: str) -> None:
    fig.add_annotation(
        text=tekst, xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
        font={"size": 16, "color": theme.GRIJS_DONKER}, bgcolor="white",
    )  # fmt: skip


# -- ranking -------------------------------------------------------------------------------------


def ranking(
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
    label, suffix, _ = METRIEKEN[metriek]
    # unit names come from the organisation file: plain text in ticks, hover and legend
    rijen = plotly_namen(frame, "naam").to_dicts()
    fig = go.Figure()
    getoond = [r for r in rijen if not r["onderdrukt"] and not r["geen_gegevens"]]
    # a funnel position needs a few units to compare with; below that, no classes at all
    met_klassen = len(getoond) >= MIN_FUNNEL
    for klasse, kleur, naam in KLASSEN:
        deel = [r for r in getoond if _klasse(r, metriek, met_klassen) == klasse]
        if not deel:
            continue
        if not met_klassen:
            naam = label
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
            text=[f"  {_waarde(r[metriek], metriek, taal)}" for r in getoond],
            textposition="middle right",
            textfont={"size": 13, "color": "#1A1A1A"},
            customdata=[r["code"] for r in getoond],
            hoverinfo="skip",
            showlegend=False,
        )  # fmt: skip
    klein = _onderdrukt_tekst(kader.min_groep)
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
            name=f"{klein}: {t('niet getoond (privacy)', taal)}",
            customdata=[r["code"] for r in weg],
            hovertext=[f"{r['naam']}: {klein} ({t('niet getoond (privacy)', taal)})" for r in weg],
            hoverinfo="text",
        )  # fmt: skip
    leeg = [r for r in rijen if r["geen_gegevens"]]
    if leeg:
        fig.add_scatter(
            y=[r["eenheid"] for r in leeg],
            x=[0] * len(leeg),
            mode="text",
            text=[t("geen gegevens", taal)] * len(leeg),
            textposition="middle right",
            textfont={"size": 13, "color": theme.GRIJS},
            customdata=[r["code"] for r in leeg],
            hovertext=[f"{r['naam']}: {t('geen gegevens', taal)}" for r in leeg],
            hoverinfo="text",
            showlegend=False,
        )  # fmt: skip
    ref_naam, ref_waarde = referentie
    if ref_waarde is not None:
        _vlijn(fig, ref_waarde, {"color": theme.GRIJS_DONKER, "dash": "dash", "width": 2})
        _legenda_lijn(
            fig,
            f"{plotly_tekst(ref_naam)}: {_waarde(ref_waarde, metriek, taal)}",
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
    _ruimte_voor_astitel(fig)
    categorieen = [r["eenheid"] for r in rijen]
    _y(
        fig,
        type="category",
        categoryorder="array",
        categoryarray=categorieen[::-1],
        tickmode="array",
        tickvals=categorieen,
        ticktext=[_vet(r["naam"], r["code"] in markeer) for r in rijen],
        automargin=True,
        showgrid=False,
        tickfont={"size": 13},
    )
    _x(
        fig,
        title={"text": t(label, taal) + (f" ({suffix})" if suffix else ""), "font": {"size": 13}},
        ticksuffix=suffix,
        range=[0, hoogste * 1.16],
        showgrid=True,
        gridcolor=theme.GRIJS_LICHT,
    )
    _y(fig, range=[-0.6, len(rijen) - 0.4])
    fig.update_layout(barmode="overlay", bargap=0.3, hovermode="closest", clickmode="event+select")
    _voet_naast_namen(fig, [r["naam"] for r in rijen])
    if not getoond:
        _melding(fig, t("Alle groepen zijn te klein om te tonen.", taal))
    return fig


def _klasse(r: dict[str, object], metriek: str, met_klassen: bool) -> str:
    """The unit's funnel position at 99.8%; 'binnen' when unknown or when there are no classes."""
    klasse = r.get(f"{metriek}_klasse_998") if met_klassen else None
    return str(klasse) if klasse else "binnen"


def _ranking_hover(r: dict[str, object], metriek: str, taal: str, met_klassen: bool) -> str:
    waarde, laag, hoog = r[metriek], r[f"{metriek}_laag"], r[f"{metriek}_hoog"]
    regels = [
        f"<b>{r['naam']}</b>",
        f"{t(METRIEKEN[metriek][0], taal)}: {_waarde(waarde, metriek, taal)}"  # type: ignore[arg-type]
        + (
            f" ({t('95%-interval', taal)} {_waarde(laag, metriek, taal)} – {_waarde(hoog, metriek, taal)})"  # type: ignore[arg-type]
            if laag is not None and hoog is not None
            else ""
        ),
        f"{t('Bezetting', taal)}: {fmt.getal(r['bezetting'], 0, taal)}",  # type: ignore[arg-type]
    ]
    tekst = (
        {k: n for k, _, n in KLASSEN}.get(_klasse(r, metriek, met_klassen)) if met_klassen else None
    )
    if tekst:
        regels.append(f"{t('Funnel', taal)}: {t(tekst, taal)}")
    if r["code"]:
        regels.append(f"<i>{t('Klik om in te zoomen', taal)}</i>")
    return "<br>".join(regels)


# -- funnel --------------------------------------------------------------------------------------


def funnel(
    f: Funnel,
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
    metriek = f.metriek
    label, suffix, _ = METRIEKEN[metriek]
    fig = go.Figure()
    g = f.grenzen
    xs = [x * schaal for x in g["grootte"].to_list()]
    xa = _n(xs)
    if g.height:
        # the 99.8% band lightly filled: the funnel's shape is what the eye should take in
        fig.add_scatter(
            x=xa, y=_n(g["onder_998"].to_list()), mode="lines", hoverinfo="skip", showlegend=False,
            line={"color": theme.GRIJS_DONKER, "width": 1.5},
        )  # fmt: skip
        fig.add_scatter(
            x=xa, y=_n(g["boven_998"].to_list()), mode="lines", hoverinfo="skip",
            name=t("99,8%-grenzen", taal), fill="tonexty", fillcolor="rgba(1,104,155,0.06)",
            line={"color": theme.GRIJS_DONKER, "width": 1.5},
        )  # fmt: skip
        for kolom, tonen in (("onder_95", False), ("boven_95", True)):
            fig.add_scatter(
                x=xa, y=_n(g[kolom].to_list()), mode="lines", hoverinfo="skip",
                name=t("95%-grenzen", taal), showlegend=tonen,
                line={"color": theme.GRIJS, "width": 1.5, "dash": "dash"},
            )  # fmt: skip
    if f.doel is not None:
        _hlijn(fig, f.doel, {"color": theme.LINTBLAUW, "width": 2})
        _legenda_lijn(
            fig,
            f"{t('Gemiddelde van deze eenheden', taal)}: {_waarde(f.doel, metriek, taal)}",
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

    for klasse, kleur, naam in KLASSEN:
        deel = [r for r in e if (r["klasse_998"] or "binnen") == klasse]
        if not deel:
            continue
        buiten = klasse != "binnen"
        fig.add_scatter(
            x=[r["grootte"] * schaal for r in deel],
            y=[r[metriek] for r in deel],
            mode="markers+text",
            name=t(naam, taal),
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
    extra = ""
    if onderdrukt:
        extra = t(
            "Niet in de grafiek ({klein}, privacy): {namen}.",
            taal,
            klein=_onderdrukt_tekst(kader.min_groep),
            namen=", ".join(onderdrukt),
        )
    theme.opmaak(fig, kader, hoogte=620, extra_voet=extra)
    _ruimte_voor_astitel(fig)
    as_titel = (
        t("Omvang: FTE (gemiddeld over de periode)", taal)
        if metriek == "verzuimpercentage"
        else t("Omvang: bezetting (gemiddeld aantal medewerkers)", taal)
    )
    _x(
        fig,
        title={"text": as_titel, "font": {"size": 13}},
        type="log" if log else "linear",
        showgrid=True,
        gridcolor=theme.GRIJS_LICHT,
        separatethousands=True,
    )
    if log and xs:
        # 1-2-5 ticks with Dutch numbers instead of plotly's log labels ('2', '5' between decades)
        stappen = [m * 10**e for e in range(0, 6) for m in (1, 2, 5)]
        ticks = [v for v in stappen if min(xs) <= v <= max(xs)]
        _x(fig, tickmode="array", tickvals=ticks, ticktext=[fmt.getal(v, 0, taal) for v in ticks])
    if not log and xs:
        _x(fig, range=[0, max(xs) * 1.03])
    waarden = [r[metriek] for r in e] + ([f.doel] if f.doel is not None else [])
    if e and g.height:
        # show the outer limits where the middle-sized unit sits, not only the points
        midden = sorted(r["grootte"] for r in e)[len(e) // 2]
        dichtst = min(range(g.height), key=lambda i: abs(g["grootte"][i] - midden))
        waarden += [g["onder_998"][dichtst], g["boven_998"][dichtst]]
    if waarden:
        laag, hoog = min(waarden), max(waarden)
        marge = max((hoog - laag) * 0.15, 0.5 if metriek == "verzuimpercentage" else 0.1)
        _y(fig, range=[max(0.0, laag - marge), hoog + marge])
    _y(
        fig,
        title={"text": t(label, taal) + (f" ({suffix})" if suffix else ""), "font": {"size": 13}},
        ticksuffix=suffix,
    )
    fig.update_layout(hovermode="closest", clickmode="event+select")
    if not e:
        _melding(fig, t("Alle groepen zijn te klein om te tonen.", taal))
    return fig


def _funnel_hover(r: dict[str, object], metriek: str, schaal: float, taal: str) -> str:
    grootte = float(r["grootte"]) * schaal  # type: ignore[arg-type]
    maat = (
        f"{fmt.getal(grootte, 1, taal)} {t('FTE', taal)}"
        if metriek == "verzuimpercentage"
        else f"{t('bezetting', taal)} {fmt.getal(grootte, 0, taal)}"
    )
    tekst = {k: n for k, _, n in KLASSEN}.get(str(r["klasse_998"]), "")
    regels = [
        f"<b>{r['naam']}</b>",
        f"{t(METRIEKEN[metriek][0], taal)}: {_waarde(r[metriek], metriek, taal)} · {maat}",  # type: ignore[arg-type]
    ]
    if tekst:
        regels.append(t(tekst, taal))
    return "<br>".join(regels)


# -- verzuimvenster ------------------------------------------------------------------------------


def venster(
    frame: pl.DataFrame,
    kader: Kader,
    *,
    referentie: tuple[str, float | None, float | None] = ("", None, None),
    onderdrukt: Sequence[str] = (),
    markeer: Collection[str] = (),
) -> go.Figure:
    """Verzuimpercentage (y) against meldingsfrequentie (x), bubble area = bezetting, with
    quadrant lines at the reference unit's values."""
    taal = kader.taal
    e = (
        plotly_namen(frame, "naam")
        .filter(~pl.col("onderdrukt") & ~pl.col("geen_gegevens"))
        .to_dicts()
    )
    fig = go.Figure()
    ref_naam, ref_f, ref_p = referentie
    ref_naam = plotly_tekst(ref_naam)
    xs = [r["meldingsfrequentie"] for r in e] + ([ref_f] if ref_f is not None else [])
    ys = [r["verzuimpercentage"] for r in e] + ([ref_p] if ref_p is not None else [])
    # room around the bubbles, so the quadrant names in the corners stay free
    bx, by = (_bereik(xs, 0.22), _bereik(ys, 0.22)) if xs and ys else ([0.0, 1.0], [0.0, 1.0])
    weggelaten = 0
    if e:
        grootste = max(float(r["bezetting"]) for r in e)
        sizeref = 2 * grootste / 52**2
        teksten, posities = _plaats_namen(
            e, [kort(r["naam"]) for r in e], bx, by, sizeref, (ref_f, ref_p), markeer
        )
        teksten = [
            _vet(tekst, r["code"] in markeer) if tekst else ""
            for tekst, r in zip(teksten, e, strict=True)
        ]
        weggelaten = sum(1 for tekst in teksten if not tekst)
        fig.add_scatter(
            x=[r["meldingsfrequentie"] for r in e],
            y=[r["verzuimpercentage"] for r in e],
            mode="markers+text",
            marker={
                "size": [r["bezetting"] for r in e], "sizemode": "area",
                "sizeref": sizeref, "sizemin": 5,
                "color": [theme.ORANJE if r["code"] in markeer else theme.LINTBLAUW for r in e],
                "opacity": 0.72, "line": {"color": "white", "width": 1},
            },
            text=teksten,
            textposition=posities,
            textfont={"size": 12, "color": "#1A1A1A"},
            customdata=[r["code"] for r in e],
            hovertext=[_venster_hover(r, taal) for r in e],
            hoverinfo="text",
            showlegend=False,
        )  # fmt: skip
        _legenda_bol(fig, t("Eenheid (grootte = bezetting)", taal), theme.LINTBLAUW)
        if any(r["code"] in markeer for r in e):
            _legenda_bol(fig, t("Gekozen eenheid", taal), theme.ORANJE)
    if ref_f is not None and ref_p is not None:
        lijn = {"color": theme.GRIJS_DONKER, "dash": "dash", "width": 1.5}
        _vlijn(fig, ref_f, lijn)
        _hlijn(fig, ref_p, lijn)
        _legenda_lijn(
            fig,
            t(
                "{naam}: {f} per jaar, {p}",
                taal,
                naam=ref_naam,
                f=fmt.getal(ref_f, 2, taal),
                p=fmt.procent(ref_p, 1, taal),
            ),
            theme.GRIJS_DONKER,
            "dash",
            1.5,
        )
        for tekst, x, y in _KWADRANTEN:
            fig.add_annotation(
                text=f"<i>{t(tekst, taal)}</i>", xref="x domain", yref="y domain", x=x, y=y,
                xanchor="right" if x > 0.5 else "left", yanchor="top" if y > 0.5 else "bottom",
                showarrow=False, font={"size": 14, "color": theme.GRIJS},
            )  # fmt: skip
    extra = ""
    if onderdrukt:
        extra = t(
            "Niet in de grafiek ({klein}, privacy): {namen}.",
            taal,
            klein=_onderdrukt_tekst(kader.min_groep),
            namen=", ".join(onderdrukt),
        )
    if weggelaten:
        extra += " " + t(
            "Waar namen elkaar zouden overlappen staat de naam alleen bij aanwijzen en in de tabel.",
            taal,
        )
    theme.opmaak(fig, kader, hoogte=VENSTER_HOOGTE, extra_voet=extra.strip())
    _ruimte_voor_astitel(fig)
    if xs and ys:
        _x(fig, range=bx)
        _y(fig, range=by)
    _x(fig,
        title={"text": t("Meldingsfrequentie (meldingen per medewerker per jaar)", taal), "font": {"size": 13}},
        showgrid=True, gridcolor=theme.GRIJS_LICHT,
    )  # fmt: skip
    _y(fig, title={"text": t("Verzuimpercentage (%)", taal), "font": {"size": 13}}, ticksuffix="%")
    fig.update_layout(hovermode="closest", clickmode="event+select")
    if not e:
        _melding(fig, t("Alle groepen zijn te klein om te tonen.", taal))
    return fig


def _bereik(waarden: Sequence[float], marge: float) -> list[float]:
    laag, hoog = min(waarden), max(waarden)
    ruimte = max(hoog - laag, abs(hoog) * 0.1, 0.1) * marge
    return [max(0.0, laag - ruimte), hoog + ruimte]


VENSTER_HOOGTE = 660
#: Quadrant names and their corner (x, y in the axes' domain).
_KWADRANTEN = (
    ("vaak en lang", 0.99, 0.98),
    ("vaak kort", 0.99, 0.02),
    ("weinig maar lang", 0.01, 0.98),
    ("weinig en kort", 0.01, 0.02),
)
#: Approximate plot area of the verzuimvenster in pixels (on screen and in the 1600×900 image),
#: used only to keep names from overlapping.
_VENSTER_PX = (1150.0, 380.0)

_Vak = tuple[float, float, float, float]


def _plaats_namen(
    e: Sequence[dict[str, object]],
    namen: Sequence[str],
    bx: Sequence[float],
    by: Sequence[float],
    sizeref: float,
    midden: tuple[float | None, float | None],
    markeer: Collection[str],
) -> tuple[list[str], list[str]]:
    """Names where they fit: the most remarkable units first (furthest from the reference point),
    each at the first free spot around its bubble; a name that fits nowhere is left out."""
    breedte, hoogte = _VENSTER_PX

    def px(r: dict[str, object]) -> tuple[float, float]:
        x = (float(r["meldingsfrequentie"]) - bx[0]) / (bx[1] - bx[0]) * breedte  # type: ignore[arg-type]
        y = (float(r["verzuimpercentage"]) - by[0]) / (by[1] - by[0]) * hoogte  # type: ignore[arg-type]
        return x, y

    punten = [px(r) for r in e]
    stralen = [math.sqrt(float(r["bezetting"]) / sizeref) / 2 for r in e]  # type: ignore[arg-type]
    mx = (
        (float(midden[0]) - bx[0]) / (bx[1] - bx[0]) * breedte
        if midden[0] is not None
        else breedte / 2
    )
    my = (
        (float(midden[1]) - by[0]) / (by[1] - by[0]) * hoogte
        if midden[1] is not None
        else hoogte / 2
    )
    bezet: list[_Vak] = [
        (0, hoogte - 22, 150, hoogte), (breedte - 150, hoogte - 22, breedte, hoogte),
        (0, 0, 150, 22), (breedte - 150, 0, breedte, 22),
    ]  # fmt: skip
    volgorde = sorted(
        range(len(e)),
        key=lambda i: (
            e[i]["code"] not in markeer,
            -math.hypot((punten[i][0] - mx) / breedte, (punten[i][1] - my) / hoogte),
        ),
    )
    teksten, posities = [""] * len(e), ["top center"] * len(e)
    for i in volgorde:
        (x, y), r = punten[i], stralen[i]
        w, h = 6.8 * len(namen[i]) + 4, 16.0
        kandidaten: list[tuple[str, _Vak]] = [
            ("top center", (x - w / 2, y + r + 1, x + w / 2, y + r + 1 + h)),
            ("bottom center", (x - w / 2, y - r - 1 - h, x + w / 2, y - r - 1)),
            ("middle right", (x + r + 2, y - h / 2, x + r + 2 + w, y + h / 2)),
            ("middle left", (x - r - 2 - w, y - h / 2, x - r - 2, y + h / 2)),
            ("top right", (x + r * 0.7, y + r * 0.7, x + r * 0.7 + w, y + r * 0.7 + h)),
            ("top left", (x - r * 0.7 - w, y + r * 0.7, x - r * 0.7, y + r * 0.7 + h)),
            ("bottom right", (x + r * 0.7, y - r * 0.7 - h, x + r * 0.7 + w, y - r * 0.7)),
            ("bottom left", (x - r * 0.7 - w, y - r * 0.7 - h, x - r * 0.7, y - r * 0.7)),
        ]
        bellen = [
            (px_ - rr, py_ - rr, px_ + rr, py_ + rr)
            for j, ((px_, py_), rr) in enumerate(zip(punten, stralen, strict=True))
            if j != i
        ]
        for positie, vak in kandidaten:
            binnen = vak[0] >= 0 and vak[2] <= breedte and vak[1] >= 0 and vak[3] <= hoogte
            if binnen and not any(_overlapt(vak, ander) for ander in [*bezet, *bellen]):
                teksten[i], posities[i] = namen[i], positie
                bezet.append(vak)
                break
    return teksten, posities


def _overlapt(a: _Vak, b: _Vak) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _venster_hover(r: dict[str, object], taal: str) -> str:
    return "<br>".join(
        [
            f"<b>{r['naam']}</b>",
            f"{t('Meldingsfrequentie', taal)}: {fmt.getal(r['meldingsfrequentie'], 2, taal)} {t('per jaar', taal)}",  # type: ignore[arg-type]
            f"{t('Verzuimpercentage', taal)}: {fmt.procent(r['verzuimpercentage'], 1, taal)}",  # type: ignore[arg-type]
            f"{t('Bezetting', taal)}: {fmt.getal(r['bezetting'], 0, taal)}",  # type: ignore[arg-type]
        ]
    )


# -- heat map ------------------------------------------------------------------------------------


def heatmap(
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
    klein = _onderdrukt_tekst(kader.min_groep)
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
            hover[i][j] = kop + f"{klein} ({t('niet getoond (privacy)', taal)})"
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
        return _s(
            [
                [h if v is not None else "" for h, v in zip(hr, lr, strict=True)]
                for hr, lr in zip(hover, laag, strict=True)
            ]
        )

    fig.add_heatmap(
        x=maanden, y=codes, z=_n(z), zmin=0, zmax=max(zmax, 1), colorscale=SCHAAL,
        hovertext=_s(hover), hoverinfo="text", xgap=1, ygap=1, hoverongaps=False,
        colorbar={"title": {"text": t("Verzuim-%", taal), "font": {"size": 13}, "side": "right"},
                  "ticksuffix": "%", "len": 1 if len(codes) < 10 else 0.7, "lenmode": "fraction",
                  "thickness": 14, "outlinewidth": 0},
        name=t("Verzuimpercentage", taal),
    )  # fmt: skip
    if heeft_grijs:
        fig.add_heatmap(
            x=maanden, y=codes, z=_n(grijs), zmin=0, zmax=1, showscale=False,
            colorscale=[[0, theme.ONDERDRUKT_KLEUR], [1, theme.ONDERDRUKT_KLEUR]],
            text=_s([[klein if v is not None else "" for v in regel] for regel in grijs]),
            texttemplate="%{text}", textfont={"size": 10, "color": theme.GRIJS_DONKER},
            hovertext=alleen(grijs), hoverinfo="text", xgap=1, ygap=1, hoverongaps=False,
            name=klein,
        )  # fmt: skip
    if heeft_wit:
        fig.add_heatmap(
            x=maanden, y=codes, z=_n(wit), zmin=0, zmax=1, showscale=False,
            colorscale=[[0, "#FFFFFF"], [1, "#FFFFFF"]],
            text=_s([["–" if v is not None else "" for v in regel] for regel in wit]),
            texttemplate="%{text}", textfont={"size": 11, "color": theme.GRIJS},
            hovertext=alleen(wit), hoverinfo="text", xgap=1, ygap=1, hoverongaps=False,
            name=t("geen gegevens", taal),
        )  # fmt: skip
    _legenda_blokje(fig, f"{klein}: {t('niet getoond (privacy)', taal)}", theme.ONDERDRUKT_KLEUR)
    _legenda_blokje(fig, f"– {t('geen gegevens', taal)}", "#FFFFFF", theme.GRIJS)
    theme.opmaak(
        fig,
        kader,
        hoogte=max(420, 270 + 27 * len(codes)),
        extra_voet=secundair_voet(kader) if heeft_grijs else "",
    )
    theme.maand_as(fig, maanden, taal)
    _y(
        fig,
        type="category",
        categoryorder="array",
        categoryarray=codes,
        tickmode="array",
        tickvals=codes,
        ticktext=[_vet(namen[c], i == 0 or c in markeer) for i, c in enumerate(codes)],
        autorange="reversed",
        automargin=True,
        showgrid=False,
        tickfont={"size": 12},
    )
    _x(fig, showgrid=False, ticks="", side="bottom")
    if len(codes) > 1:
        # the total apart from its parts (in domain units: the y axis is categorical, reversed)
        scheiding = 1 - 1 / len(codes)
        fig.add_shape(
            type="line", xref="paper", x0=0, x1=1, yref="paper", y0=scheiding,
            y1=scheiding, line={"color": "#1A1A1A", "width": 2}, layer="above", opacity=1,
        )  # fmt: skip
    fig.update_layout(plot_bgcolor="#FFFFFF", hovermode="closest")
    _voet_naast_namen(fig, [naam for _, naam in rijen])
    return fig


# -- control chart -------------------------------------------------------------------------------


def regelkaart(reeks: pl.DataFrame, kader: Kader, *, basis_maanden: int = 24) -> go.Figure:
    """Monthly verzuimpercentage with the Laney p′ centre line and limits; signals marked.

    `reeks`: statistics.spc output (van, verzuimpercentage, centrum, ondergrens, bovengrens,
    signaal, onderdrukt).
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
            x=x, y=_n(reeks["bovengrens"].to_list()), mode="lines", name=t("Regelgrenzen (Laney p′, 3σ)", taal),
            line={"color": theme.GRIJS_DONKER, "width": 1.5, "dash": "dash", "shape": "spline"},
            hoverinfo="skip",
        )  # fmt: skip
        fig.add_scatter(
            x=x, y=_n(reeks["ondergrens"].to_list()), mode="lines", showlegend=False,
            line={"color": theme.GRIJS_DONKER, "width": 1.5, "dash": "dash", "shape": "spline"},
            hoverinfo="skip",
        )  # fmt: skip
        fig.add_scatter(
            x=x, y=_n(reeks["centrum"].to_list()), mode="lines",
            name=t("Middenlijn (gemiddelde basisperiode)", taal),
            line={"color": theme.GRIJS, "width": 2}, hoverinfo="skip",
        )  # fmt: skip
        fig.add_scatter(
            x=x, y=_n(y), mode="lines+markers", name=t("Verzuimpercentage per maand", taal),
            line={"color": theme.LINTBLAUW, "width": 2.5}, marker={"size": 7},
            hovertext=[
                f"{m}: {fmt.procent(v, 1, taal) if v is not None else _onderdrukt_tekst(kader.min_groep)}"
                + (f"<br>{t('Signaal', taal)}: {t(s, taal)}" if s else "")
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
        centrum = reeks["centrum"].to_list()
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
                x=m, y=v, text=t(s, taal), showarrow=True, arrowhead=0, ax=0,
                ay=-afstand if boven else afstand, arrowcolor=theme.ORANJE,
                font={"size": 12, "color": theme.ORANJE}, bgcolor="rgba(255,255,255,0.9)",
            )  # fmt: skip
        if 0 < basis_maanden < len(x):
            grens = x[basis_maanden - 1] + (x[basis_maanden] - x[basis_maanden - 1]) / 2
            _vlijn(fig, grens, {"color": theme.GRIJS, "dash": "dot", "width": 1.5})
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
    _y(
        fig,
        # room above the highest point for the signal labels
        range=[0, hoogste * 1.18],
        ticksuffix="%",
        title={"text": t("Verzuimpercentage (%)", taal), "font": {"size": 13}},
    )
    fig.update_layout(hovermode="closest")
    if not any(v is not None for v in y):
        _melding(
            fig,
            t(
                "Deze groep is kleiner dan {n} medewerkers: de cijfers worden niet getoond.",
                taal,
                n=kader.min_groep,
            ),
        )
    return fig
