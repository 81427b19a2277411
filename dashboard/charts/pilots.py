"""Pilot charts: before/after series with the pilot shaded, the estimated effects, and per unit.

One public function per chart takes the view's analysis and returns a `Grafiek` (title from the
view's texts, the table from its numbers). Figures are built in one go from plain trace and
annotation dicts (plotly validates each `add_*` call separately, which made these figures cost
more than the data behind them); the panels are laid out by hand for the same reason.

PowerPoint: a forest or dumbbell plot on a category axis, in two panels, has no native chart
form, so those go in as a picture (`als_afbeelding`); the before/after series becomes a native
line chart of the two groups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboard import catalogus
from dashboard import format as fmt
from dashboard.charts import ALLEEN_SCHERM, Grafiek, theme
from dashboard.i18n import t
from dashboard.veilig import plotly_tekst
from dashboard.views import Context, Kader, periode_tekst
from dashboard.views.pilots import teksten
from dashboard.views.pilots.model import METRIEKEN, PILOT, VERGELIJKING, PilotAnalyse
from dashboard.views.pilots.tabellen import (
    eenheden_rijen,
    eenheden_tabel,
    effect_rijen,
    effect_tabel,
    reeks_tabel,
)

PILOT_KLEUR = theme.LINTBLAUW
VERGELIJK_KLEUR = theme.PALET[1]
KLEUREN = {PILOT: PILOT_KLEUR, VERGELIJKING: VERGELIJK_KLEUR}

Dict = dict[str, Any]


def _doorzichtig(kleur: str, alpha: float) -> str:
    """'#01689B' -> 'rgba(1,104,155,alpha)': the theme's colour as a light fill."""
    r, g, b = (int(kleur[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


#: A month's value is drawn in the middle of its month (x stays the first day), so it lines up
#: with the exact dates of the shaded pilot period.
MIDDEN_VAN_DE_MAAND = {"xperiod": "M1", "xperiodalignment": "middle"}


def _volgende_maand(d: dt.date) -> dt.date:
    return dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)


def _paneeltitel(tekst: str, xref: str, yref: str) -> Dict:
    """A title left-aligned just above a panel."""
    return {
        "text": tekst, "x": 0, "xref": xref, "xanchor": "left", "y": 1, "yref": yref,
        "yanchor": "bottom", "yshift": 6, "showarrow": False,
        "font": {"size": 14, "color": "#1A1A1A"},
    }  # fmt: skip


# -- the charts of the view ----------------------------------------------------------------------


def voor_na(
    a: PilotAnalyse, ctx: Context, metriek: str = "meldingsfrequentie", soort: str = "3mnd"
) -> Grafiek:
    """Monthly (or centred 3-month) values of both groups, the pilot shaded, before/after means."""
    taal = ctx.taal
    reeks = a.reeks.filter(pl.col("soort") == soort) if a.reeks.height else a.reeks
    kader = teksten.kader(
        a, ctx, teksten.reeks_titel(a, metriek, taal), teksten.reeks_uitleg(metriek, soort, taal)
    )
    vensters = {}
    if a.voor is not None:
        vensters["voor"] = (a.voor.begin, a.voor.eind)
    if a.na is not None:
        vensters["na"] = (a.na.begin, a.na.eind)
    fig = _voor_na(
        reeks,
        a.perioden.filter(pl.col("eenheid").is_in([PILOT, VERGELIJKING])),
        kader,
        metriek=metriek,
        pilot=(a.pilot.begin, a.pilot.eind),
        vensters=vensters,
        namen=teksten.groepsnamen(taal),
    )
    return Grafiek(fig, kader, reeks_tabel(a, soort, taal))


def effect(a: PilotAnalyse, ctx: Context) -> Grafiek:
    """The estimated effects as a small forest plot: naive, difference in differences, corrected."""
    taal = ctx.taal
    kader = teksten.kader(a, ctx, teksten.effect_titel(a, taal))
    return Grafiek(
        _effecten(effect_rijen(a, taal), kader),
        kader,
        effect_tabel(a, taal),
        als_afbeelding=t(
            "Een forest plot van de effecten kan PowerPoint niet als eigen grafiek tekenen.", taal
        ),
    )


def eenheden(a: PilotAnalyse, ctx: Context) -> Grafiek:
    """Before and after per unit, with both groups together, for both metrics."""
    taal = ctx.taal
    rijen = eenheden_rijen(a, ctx)
    kader = teksten.kader(a, ctx, teksten.eenheden_titel(rijen, taal))
    fig = _per_eenheid(
        rijen,
        kader,
        namen=teksten.groepsnamen(taal),
        vensters={
            "voor": periode_tekst(a.voor.van, a.voor.tot, taal) if a.voor else "",
            "na": periode_tekst(a.na.van, a.na.tot, taal) if a.na else "",
        },
    )
    return Grafiek(
        fig,
        kader,
        eenheden_tabel(a, ctx),
        als_afbeelding=t(
            "Voor en na per eenheid in twee panelen kan PowerPoint niet als eigen grafiek tekenen.",
            taal,
        ),
    )


# -- before and after, month by month ------------------------------------------------------------


def _voor_na(
    reeks: pl.DataFrame,
    perioden: pl.DataFrame,
    kader: Kader,
    *,
    metriek: str,
    pilot: tuple[dt.date, dt.date],
    vensters: Mapping[str, tuple[dt.date, dt.date]],
    namen: Mapping[str, str],
) -> go.Figure:
    """Both groups' series, the pilot period shaded, and each window's mean as a segment.

    `reeks`: metrics-API rows with `groep`, `maand` (first day), `van`, `tot`, the metric and
    `onderdrukt`; `perioden`: rows with `periode` ('voor'/'na'), `eenheid` (the group) and the
    metric. Suppressed values are left out (a gap, a grey mark on the baseline).
    """
    taal = kader.taal
    onderdrukt_tekst = t("onderdrukt", taal)
    suffix = catalogus.metriek(metriek).eenheid
    # group names may carry pilot or unit names: plain text in legend and hover
    namen = {g: plotly_tekst(n) for g, n in namen.items()}
    sporen: list[Dict] = []
    notities: list[Dict] = []
    hoogste = 0.0
    maanden: list[dt.date] = []
    for groep, naam in namen.items():
        deel = reeks.filter(pl.col("groep") == groep).sort("maand") if reeks.height else reeks
        if deel.height == 0:
            continue
        kleur = KLEUREN.get(groep, theme.GRIJS_DONKER)
        x = deel["maand"].to_list()
        maanden = sorted(set(maanden) | set(x))
        onderdrukt = deel["onderdrukt"].to_list()
        y = [None if o else v for v, o in zip(deel[metriek].to_list(), onderdrukt, strict=True)]
        hoogste = max([hoogste, *[v for v in y if v is not None]])
        perioden_tekst = [
            fmt.maand(v, taal, lang=True)
            if (v.year, v.month) == (w.year, w.month)
            else f"{fmt.maand(v, taal)} – {fmt.maand(w, taal)}"
            for v, w in zip(deel["van"].to_list(), deel["tot"].to_list(), strict=True)
        ]
        sporen.append(
            {
                "type": "scatter", "x": x, "y": y, "mode": "lines+markers", **MIDDEN_VAN_DE_MAAND,
                "name": naam, "line": {"color": kleur, "width": 3},
                "marker": {"size": 6, "color": kleur}, "connectgaps": False, "hoverinfo": "text",
                "hovertext": [
                    f"{naam} · {p}: {teksten.waarde_tekst(v, metriek, taal)}"
                    for p, v in zip(perioden_tekst, y, strict=True)
                ],
            }
        )  # fmt: skip
        weg = [m for m, o in zip(x, onderdrukt, strict=True) if o]
        if weg:
            sporen.append(
                {
                    "type": "scatter", "x": weg, "y": [0] * len(weg), **MIDDEN_VAN_DE_MAAND,
                    "mode": "markers", "hoverinfo": "text", "meta": ALLEEN_SCHERM,
                    "marker": {"symbol": "square", "color": theme.ONDERDRUKT_KLEUR, "size": 9},
                    "name": f"{naam}: {onderdrukt_tekst} ({fmt.ONDERDRUKT})",
                    "hovertext": [
                        f"{naam} · {fmt.maand(m, taal, lang=True)}: {fmt.ONDERDRUKT}" for m in weg
                    ],
                }
            )  # fmt: skip
    gemiddelden, notities_gem = _gemiddelden(perioden, metriek, vensters, namen, taal)
    sporen += gemiddelden
    notities += notities_gem
    for w in perioden[metriek].drop_nulls().to_list() if perioden.height else []:
        hoogste = max(hoogste, float(w))
    # the windows named along the top, inside the plot
    benoemd = {"voor": t("voorperiode", taal), "na": t("naperiode", taal)}
    boven = {"y": 1, "xref": "x", "yref": "paper", "yanchor": "top", "showarrow": False}
    for sleutel, (begin, eind) in vensters.items():
        notities.append(
            boven | {"x": begin + (eind - begin) / 2, "text": benoemd.get(sleutel, sleutel),
                     "font": {"size": 13, "color": theme.GRIJS_DONKER}}
        )  # fmt: skip
    notities.append(
        boven | {"x": pilot[0] + (pilot[1] - pilot[0]) / 2, "text": "<b>" + t("pilot", taal) + "</b>",
                 "font": {"size": 13, "color": PILOT_KLEUR}}
    )  # fmt: skip
    # a legend entry for the dashed means
    sporen.append(
        {
            "type": "scatter", "x": [None], "y": [None], "mode": "lines", "hoverinfo": "skip",
            "name": t("gemiddelde voor- en naperiode", taal), "meta": ALLEEN_SCHERM,
            "line": {"color": theme.GRIJS_DONKER, "width": 2, "dash": "dash"},
        }
    )  # fmt: skip
    vlak = {
        "type": "rect", "xref": "x", "yref": "paper", "x0": pilot[0],
        "x1": pilot[1] + dt.timedelta(days=1), "y0": 0, "y1": 1, "layer": "below",
        "fillcolor": _doorzichtig(PILOT_KLEUR, 0.14), "line": {"width": 0},
    }  # fmt: skip
    fig = go.Figure(
        data=sporen,
        layout={
            "shapes": [vlak],
            "annotations": notities,
            "hovermode": "closest",
            "xaxis": {"range": [maanden[0], _volgende_maand(maanden[-1])]} if maanden else {},
            "yaxis": {
                "title": {"text": teksten.as_titel(metriek, taal), "font": {"size": 13}},
                "ticksuffix": suffix,
                "range": [0, hoogste * 1.18 if hoogste > 0 else 1],
            },
        },
    )
    theme.opmaak(fig, kader, hoogte=520)
    theme.maand_as(fig, maanden, taal)
    return fig


def _gemiddelden(
    perioden: pl.DataFrame,
    metriek: str,
    vensters: Mapping[str, tuple[dt.date, dt.date]],
    namen: Mapping[str, str],
    taal: str,
) -> tuple[list[Dict], list[Dict]]:
    """Each group's mean over each window as a dashed segment with its value."""
    gemiddelde = t("gemiddelde", taal)
    sporen: list[Dict] = []
    notities: list[Dict] = []
    if perioden.height == 0:
        return sporen, notities
    for sleutel, (begin, eind) in vensters.items():
        rijen = perioden.filter(pl.col("periode") == sleutel)
        waarden = {
            g: (None if o else v)
            for g, v, o in rijen.select("eenheid", metriek, "onderdrukt").iter_rows()
            if g in namen
        }
        bekend = sorted((v, g) for g, v in waarden.items() if v is not None)
        for i, (v, g) in enumerate(bekend):
            kleur = KLEUREN.get(g, theme.GRIJS_DONKER)
            tekst = teksten.waarde_tekst(v, metriek, taal)
            periode = f"{fmt.datum(begin, taal)} – {fmt.datum(eind, taal)}"
            sporen.append(
                {
                    "type": "scatter", "x": [begin, eind + dt.timedelta(days=1)], "y": [v, v],
                    "mode": "lines", "showlegend": False, "hoverinfo": "text",
                    # a segment over exact dates has no place on a native chart's month axis
                    "meta": ALLEEN_SCHERM,
                    "line": {"color": kleur, "width": 2.5, "dash": "dash"},
                    "hovertext": f"{namen[g]}, {gemiddelde} {periode}: {tekst}",
                }
            )  # fmt: skip
            # the lower value labelled under its line, the higher above: they never collide
            hoger = i == len(bekend) - 1
            notities.append(
                {
                    "x": begin, "y": v, "xanchor": "left", "yanchor": "bottom" if hoger else "top",
                    "yshift": 3 if hoger else -3, "text": f"<b>{tekst}</b>", "showarrow": False,
                    "font": {"size": 14, "color": kleur}, "bgcolor": "rgba(255,255,255,0.8)",
                }
            )  # fmt: skip
    return sporen, notities


# -- the estimated effects -----------------------------------------------------------------------


def _effecten(rijen: Sequence[Mapping[str, object]], kader: Kader) -> go.Figure:
    """A small forest plot per metric (one panel each, stacked): the naive change, the difference
    in differences with its 95% interval, and (when the units were chosen for high absence) the
    effect after taking off the expected regression to the mean.

    `rijen`: one mapping per metric with label, eenheid, decimalen, naief, schatting, laag, hoog,
    gecorrigeerd (None where unknown). The rows say what each mark is, so there is no legend.
    """
    taal = kader.taal
    zonder_vergelijking, tot = t("pilotgroep zonder vergelijking", taal), t("tot", taal)
    grof = t("grove schatting", taal)
    n = max(len(rijen), 1)
    cat_naief = t("Pilotgroep voor → na", taal)
    cat_did = t("Effect t.o.v. vergelijking", taal)
    cat_rtm = t("Na aftrek regressie", taal)
    categorieen = [cat_naief, cat_did]
    if any(isinstance(r.get("gecorrigeerd"), float) for r in rijen):
        categorieen.append(cat_rtm)
    sporen: list[Dict] = []
    notities: list[Dict] = []
    lijnen: list[Dict] = []
    layout: Dict = {}
    tussen = 0.2 if n > 1 else 0.0
    hoogte_paneel = (1 - tussen * (n - 1)) / n
    for i, r in enumerate(rijen, start=1):
        dec = int(r["decimalen"])  # type: ignore[call-overload]
        eenheid = str(r["eenheid"])
        xa, ya = ("x", "y") if i == 1 else (f"x{i}", f"y{i}")

        def tekst(x: object, dec: int = dec) -> str:
            return fmt.verschil(x, dec, "", taal) if isinstance(x, float) else "–"

        if isinstance(r.get("naief"), float):
            sporen.append(
                {
                    "type": "scatter", "x": [r["naief"]], "y": [cat_naief], "xaxis": xa,
                    "yaxis": ya, "mode": "markers+text", "text": [tekst(r["naief"])],
                    "textposition": "middle right", "textfont": {"color": theme.GRIJS_DONKER},
                    "marker": {"symbol": "diamond-open", "size": 13, "color": theme.GRIJS_DONKER,
                               "line": {"width": 2}},
                    "hoverinfo": "text",
                    "hovertext": f"{r['label']}, {zonder_vergelijking}: "
                    f"{tekst(r['naief'])} {eenheid}",
                }
            )  # fmt: skip
        s, lo, hi = r.get("schatting"), r.get("laag"), r.get("hoog")
        if isinstance(s, float) and isinstance(lo, float) and isinstance(hi, float):
            interval = f"{tekst(lo)} {tot} {tekst(hi)}"
            sporen.append(
                {
                    "type": "scatter", "x": [s], "y": [cat_did], "xaxis": xa, "yaxis": ya,
                    "mode": "markers", "hoverinfo": "text",
                    "marker": {"symbol": "circle", "size": 14, "color": PILOT_KLEUR},
                    "error_x": {"type": "data", "symmetric": False, "array": [hi - s],
                                "arrayminus": [s - lo], "color": PILOT_KLEUR, "thickness": 3,
                                "width": 9},
                    "hovertext": f"{r['label']}: {tekst(s)} {eenheid} (95%: {interval})",
                }
            )  # fmt: skip
            # the numbers beside the interval's right end, where they never cover the bar
            sporen.append(
                {
                    "type": "scatter", "x": [hi], "y": [cat_did], "xaxis": xa, "yaxis": ya,
                    "mode": "text", "hoverinfo": "skip", "textposition": "middle right",
                    "text": [f"  <b>{tekst(s)}</b> (95%: {interval})"],
                    "textfont": {"color": PILOT_KLEUR, "size": 14},
                }
            )  # fmt: skip
        g = r.get("gecorrigeerd")
        if isinstance(g, float):
            sporen.append(
                {
                    "type": "scatter", "x": [g], "y": [cat_rtm], "xaxis": xa, "yaxis": ya,
                    "mode": "markers+text", "text": [tekst(g)], "textposition": "middle right",
                    "textfont": {"color": theme.ORANJE}, "hoverinfo": "text",
                    "marker": {"symbol": "circle-open", "size": 13, "color": theme.ORANJE,
                               "line": {"width": 2.5}},
                    "hovertext": f"{r['label']}: {tekst(g)} {eenheid} ({grof})",
                }
            )  # fmt: skip
        waarden = [x for x in (r.get("naief"), s, lo, hi, g) if isinstance(x, float)]
        breedte = max([abs(x) for x in waarden] + [10**-dec])
        boven = 1 - (i - 1) * (hoogte_paneel + tussen)
        naam_x = "xaxis" if i == 1 else f"xaxis{i}"
        naam_y = "yaxis" if i == 1 else f"yaxis{i}"
        # room on the right for the interval's numbers
        layout[naam_x] = {
            "anchor": ya, "range": [-1.15 * breedte, 2.1 * breedte], "zeroline": False,
            "showgrid": True, "gridcolor": theme.GRIJS_LICHT,
        }  # fmt: skip
        layout[naam_y] = {
            "anchor": xa, "domain": [max(0.0, round(boven - hoogte_paneel, 6)), min(1.0, round(boven, 6))],
            "type": "category",
            "categoryorder": "array", "categoryarray": categorieen[::-1],
            "range": [-0.6, len(categorieen) - 0.4], "showgrid": False, "automargin": True,
        }  # fmt: skip
        lijnen.append(
            {
                "type": "line", "xref": xa, "yref": f"{ya} domain", "x0": 0, "x1": 0, "y0": 0,
                "y1": 1, "line": {"color": theme.GRIJS, "width": 1.5},
            }
        )  # fmt: skip
        notities.append(
            _paneeltitel(f"<b>{r['label']}</b> ({eenheid})", f"{xa} domain", f"{ya} domain")
        )
    fig = go.Figure(data=sporen, layout=layout | {"shapes": lijnen, "annotations": notities})
    theme.opmaak(fig, kader, hoogte=230 + n * (80 + 42 * len(categorieen)), legenda=False)
    return fig


# -- per unit ------------------------------------------------------------------------------------


def _per_eenheid(
    rijen: Sequence[Mapping[str, object]],
    kader: Kader,
    *,
    namen: Mapping[str, str],
    vensters: Mapping[str, str],
) -> go.Figure:
    """Before (open) and after (filled) per unit and per group, one panel per metric.

    `rijen`: naam, rol ('pilotgroep' / 'vergelijkingsgroep'), totaal, onderdrukt and
    `<metriek>_voor` / `<metriek>_na`. A suppressed row shows '< 10' and no number at all.
    """
    taal = kader.taal
    te_klein = t("te klein om te tonen", taal)
    # unit names come from the organisation file: plain text in ticks, hover and legend
    rijen = [{**r, "naam": plotly_tekst(r["naam"])} for r in rijen]
    namen = {g: plotly_tekst(n) for g, n in namen.items()}
    labels = []
    for r in rijen:
        naam = str(r["naam"])
        if r["onderdrukt"]:
            naam = f"{naam} ({fmt.ONDERDRUKT})"
        labels.append(f"<b>{naam}</b>" if r["totaal"] else naam)
    sporen: list[Dict] = []
    notities: list[Dict] = []
    layout: Dict = {}
    for kol, m in enumerate(METRIEKEN, start=1):
        xa = "x" if kol == 1 else f"x{kol}"
        # grey connectors first, so the markers lie on top
        xs: list[object] = []
        ys: list[object] = []
        for r, lab in zip(rijen, labels, strict=True):
            v, n = r.get(f"{m}_voor"), r.get(f"{m}_na")
            if isinstance(v, float) and isinstance(n, float):
                xs += [v, n, None]
                ys += [lab, lab, None]
        sporen.append(
            {
                "type": "scatter", "x": xs, "y": ys, "xaxis": xa, "yaxis": "y", "mode": "lines",
                "line": {"color": theme.GRIJS, "width": 2}, "showlegend": False,
                "hoverinfo": "skip",
            }
        )  # fmt: skip
        for rol in (PILOT, VERGELIJKING):
            kleur = KLEUREN[rol]
            for venster, symbool in (("voor", "circle-open"), ("na", "circle")):
                keuze = [
                    (r, lab)
                    for r, lab in zip(rijen, labels, strict=True)
                    if r["rol"] == rol and isinstance(r.get(f"{m}_{venster}"), float)
                ]
                if not keuze:
                    continue
                periode = vensters.get(venster, "")
                sporen.append(
                    {
                        "type": "scatter", "x": [r[f"{m}_{venster}"] for r, _ in keuze],
                        "y": [lab for _, lab in keuze], "xaxis": xa, "yaxis": "y",
                        "mode": "markers", "name": f"{namen.get(rol, rol)} {t(venster, taal)}",
                        "legendgroup": f"{rol}{venster}", "showlegend": kol == 1,
                        "marker": {"symbol": symbool, "size": 13, "color": kleur,
                                   "line": {"width": 2.5, "color": kleur}},
                        "hoverinfo": "text",
                        "hovertext": [
                            f"{r['naam']} · {t(venster, taal)} ({periode}): "
                            f"{teksten.waarde_tekst(r[f'{m}_{venster}'], m, taal)}"  # type: ignore[arg-type]
                            for r, _ in keuze
                        ],
                    }
                )  # fmt: skip
        suffix = catalogus.metriek(m).eenheid
        naam_x = "xaxis" if kol == 1 else f"xaxis{kol}"
        layout[naam_x] = {
            "domain": [0, 0.475] if kol == 1 else [0.525, 1], "anchor": "y",
            "rangemode": "tozero", "showgrid": True, "gridcolor": theme.GRIJS_LICHT,
            "ticksuffix": suffix,
        }  # fmt: skip
        titel = f"<b>{teksten.label(m, taal)}</b> ({suffix or teksten.eenheid(m, taal)})"
        notities.append(_paneeltitel(titel, f"{xa} domain", "paper"))
        for r, lab in zip(rijen, labels, strict=True):
            if r["onderdrukt"]:
                notities.append(
                    {
                        "x": 0.02, "xref": f"{xa} domain", "y": lab, "yref": "y",
                        "xanchor": "left", "showarrow": False,
                        "text": f"{te_klein} ({fmt.ONDERDRUKT})",
                        "font": {"size": 12, "color": theme.GRIJS},
                    }
                )  # fmt: skip
    layout["yaxis"] = {
        "type": "category", "categoryorder": "array", "categoryarray": labels[::-1],
        "range": [-0.6, len(labels) - 0.4], "showgrid": True, "gridcolor": theme.GRIJS_LICHT,
        "automargin": True,
    }  # fmt: skip
    fig = go.Figure(data=sporen, layout=layout | {"annotations": notities})
    theme.opmaak(fig, kader, hoogte=max(460, 270 + 36 * len(rijen)))
    # the legend sits right above the plot area in the house style: move it up over the panel
    # titles
    marge = fig.layout.margin
    ruimte = 34
    hoogte = fig.layout.height - marge.t - marge.b
    fig.update_layout(margin={"t": marge.t + ruimte}, legend={"y": 1 + ruimte / max(hoogte, 1)})
    return fig
