"""Charts of Duur en signalen: one `Grafiek` per chart of the page (duration classes by month
and over rolling years, ended spells by length, frequent and long absence per part and over
time), built from stacked parts over months or per group, or a monthly line.

Suppressed groups never carry a number: their bars are empty, their hover and label say
'< n' on grey, and their rows are marked by an annotation instead of a value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from dashboard import catalogus, metrics
from dashboard import format as fmt
from dashboard.charts import Grafiek, theme
from dashboard.charts.theme import LINTBLAUW, PALET
from dashboard.i18n import t
from dashboard.veilig import plotly_namen, plotly_tekst
from dashboard.views import Context, Kader
from dashboard.views import duur as view
from dashboard.views.duur import reeksen, tabellen, teksten

#: Duration classes from short to extra long: cool to warm (Okabe-Ito, safe for colour-blind readers).
KLASSE_KLEUREN: dict[str, str] = {
    "kort": PALET[4],
    "middellang": LINTBLAUW,
    "lang": PALET[1],
    "extra_lang": PALET[5],
}
#: Open spells by band between Poortwachter milestones, in the same cool-to-warm order.
BAND_KLEUREN: tuple[str, ...] = (PALET[4], LINTBLAUW, PALET[1], PALET[5])


@dataclass(frozen=True)
class Deel:
    """One part of a stacked chart: its column, legend label, colour, and optional count column."""

    kolom: str
    label: str
    kleur: str
    aantal_kolom: str | None = None


def _klasse_delen(taal: str) -> list[Deel]:
    """The four duration classes as chart parts (percent of available days)."""
    return [
        Deel(
            f"verzuimpercentage_{k}",
            t(catalogus.metriek(f"verzuimpercentage_{k}").label, taal),
            KLASSE_KLEUREN[k],
        )
        for k in metrics.DUURKLASSEN
    ]


def _band_delen(taal: str) -> list[Deel]:
    """The milestone bands as chart parts (open spells at the month's end)."""
    return [
        Deel(kolom, t(label, taal), kleur)
        for (kolom, label), kleur in zip(view.BANDEN, BAND_KLEUREN, strict=True)
    ]


def _label(sleutel: str, taal: str) -> str:
    return t(catalogus.metriek(sleutel).label, taal)


# -- the charts of the page ------------------------------------------------------------------------


def duurklassen(d: view.DuurEnSignalen, ctx: Context) -> Grafiek:
    """Monthly verzuimpercentage stacked by duration class, over the last 36 months."""
    taal = ctx.taal
    m = catalogus.metriek("verzuimpercentage")
    kader = teksten.kader_duurklassen(d, ctx)
    fig = _gestapeld_maanden(
        d.maanden, kader, _klasse_delen(taal),
        totaal_kolom=m.sleutel, totaal_label=t(m.label, taal),
        decimalen=m.decimalen, suffix=m.eenheid, y_titel=f"{t(m.label, taal)} ({m.eenheid})",
    )  # fmt: skip
    return Grafiek(fig, kader, tabellen.tabel_duur(d, taal))


def voortschrijdend(d: view.DuurEnSignalen, ctx: Context) -> Grafiek:
    """The verzuimpercentage of the rolling year by duration class, against the years before."""
    taal = ctx.taal
    m = catalogus.metriek("verzuimpercentage")
    kader = teksten.kader_r12(d, ctx)
    fig = _gestapeld_liggend(
        tabellen.r12_labels(d.r12, taal), kader, _klasse_delen(taal),
        categorie_kolom="label", totaal_kolom=m.sleutel,
        totaal_label=t(m.label, taal), decimalen=m.decimalen, suffix=m.eenheid,
    )  # fmt: skip
    return Grafiek(fig, kader, tabellen.tabel_r12(d, taal))


def beeindigd(d: view.DuurEnSignalen, ctx: Context) -> Grafiek:
    """The ended spells of each rolling year by their whole length, as shares with counts."""
    taal = ctx.taal
    kader = teksten.kader_beeindigd(d, ctx)
    delen = [
        Deel(f"aandeel_{k}", _label(f"verzuimpercentage_{k}", taal), KLASSE_KLEUREN[k], f"beeindigd_{k}")
        for k in metrics.DUURKLASSEN
    ]  # fmt: skip
    fig = _gestapeld_liggend(
        tabellen.r12_labels(d.r12, taal), kader, delen,
        categorie_kolom="label", totaal_kolom="beeindigde_meldingen",
        totaal_label=_label("beeindigde_meldingen", taal), decimalen=0, suffix="%",
        totaal_is_som=False,
    )  # fmt: skip
    return Grafiek(fig, kader, tabellen.tabel_beeindigd(d, taal))


def frequent_eenheden(d: view.DuurEnSignalen, ctx: Context) -> Grafiek:
    """Frequent absence per part of the selected unit at the month's end, highest first."""
    taal = ctx.taal
    m = catalogus.metriek("frequent_verzuim_pct")
    kader = teksten.kader_frequent_eenheden(d, ctx)
    nu = reeksen.rij(d.maanden, ctx.selectie.maand)
    referentie = None
    if nu is not None and reeksen.zichtbaar(nu):
        waarde = fmt.procent(nu[m.sleutel], m.decimalen, taal)
        referentie = (nu[m.sleutel], f"{ctx.boom.naam(ctx.selectie.eenheid)} {waarde}")
    fig = _gestapeld_liggend(
        reeksen.delen_gesorteerd(d.delen, m.sleutel), kader,
        [Deel(m.sleutel, t(m.label, taal), LINTBLAUW, "frequent_verzuim")],
        categorie_kolom="naam", totaal_kolom=None, decimalen=m.decimalen, suffix=m.eenheid,
        referentie=referentie, aantal_label=t("medewerkers", taal),
    )  # fmt: skip
    return Grafiek(fig, kader, tabellen.tabel_frequent_eenheden(d, taal))


def frequent_trend(d: view.DuurEnSignalen, ctx: Context) -> Grafiek:
    """Frequent absence of the selected unit at each month's end."""
    taal = ctx.taal
    m = catalogus.metriek("frequent_verzuim_pct")
    kader = teksten.kader_frequent_trend(d, ctx)
    fig = _lijn_maanden(
        d.maanden, kader, kolom=m.sleutel, aantal_kolom="frequent_verzuim",
        label=t(m.label, taal), aantal_label=t("medewerkers", taal),
        decimalen=m.decimalen, suffix=m.eenheid, y_titel=f"{t(m.label, taal)} ({m.eenheid})",
    )  # fmt: skip
    return Grafiek(fig, kader, tabellen.tabel_frequent_trend(d, taal))


def langdurig_eenheden(d: view.DuurEnSignalen, ctx: Context) -> Grafiek:
    """Open spells past the Poortwachter milestones per part of the selected unit."""
    taal = ctx.taal
    kader = teksten.kader_langdurig_eenheden(d, ctx)
    fig = _gestapeld_liggend(
        reeksen.delen_gesorteerd(d.delen, "langdurig"), kader, _band_delen(taal),
        categorie_kolom="naam", totaal_kolom="langdurig",
        totaal_label=t("Voorbij week 6", taal), decimalen=0, suffix="", aantal_label=None,
        per_100_kolom="langdurig_per_100",
    )  # fmt: skip
    return Grafiek(fig, kader, tabellen.tabel_langdurig_eenheden(d, taal))


def langdurig_trend(d: view.DuurEnSignalen, ctx: Context) -> Grafiek:
    """Open spells past week 6 at each month's end over 24 months, by milestone band."""
    taal = ctx.taal
    kader = teksten.kader_langdurig_trend(d, ctx)
    fig = _gestapeld_maanden(
        d.maanden.tail(view.MAANDEN_LANGDURIG), kader, _band_delen(taal),
        totaal_kolom="langdurig", totaal_label=t("Voorbij week 6", taal),
        decimalen=0, suffix="", y_titel=t("Open meldingen", taal), totaal_tekst=True,
    )  # fmt: skip
    return Grafiek(fig, kader, tabellen.tabel_langdurig_trend(d, taal))


def _tekstkleur(kleur: str) -> str:
    """White on dark fills, near-black on light ones."""
    r, g, b = (int(kleur[i : i + 2], 16) for i in (1, 3, 5))
    return "#1A1A1A" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "white"


def _waarde(x: float | None, decimalen: int, suffix: str, taal: str) -> str:
    return f"{fmt.getal(x, decimalen, taal)}{suffix}" if x is not None else "–"


def _status(rij: dict, kader: Kader) -> str | None:
    """'< 10' for a suppressed group, 'geen gegevens' for an empty one, None when shown."""
    if rij.get("geen_gegevens"):
        return t("geen gegevens", kader.taal)
    if rij.get("onderdrukt"):
        return f"< {kader.min_groep}"
    return None


def _legenda_onderdrukt(fig: go.Figure, kader: Kader) -> None:
    fig.add_scatter(
        x=[None], y=[None], mode="markers", name=f"{t('onderdrukt', kader.taal)} (< {kader.min_groep})",
        marker={"symbol": "square", "color": theme.ONDERDRUKT_KLEUR, "size": 12}, hoverinfo="skip",
    )  # fmt: skip


def _telas(decimalen: int, hoogste: float) -> dict[str, object]:
    """Ticks for an axis of counts: whole numbers only, one by one when the counts are small."""
    if decimalen > 0:
        return {}
    return {"tickformat": ",d", **({"dtick": 1} if hoogste <= 8 else {})}


def _gestapeld_maanden(
    frame: pl.DataFrame,
    kader: Kader,
    delen: Sequence[Deel],
    *,
    totaal_kolom: str,
    totaal_label: str,
    decimalen: int,
    suffix: str,
    y_titel: str,
    totaal_tekst: bool = False,
) -> go.Figure:
    """Monthly stacked bars whose parts add up to `totaal_kolom` (one row per month, `van`)."""
    taal = kader.taal
    rijen = frame.to_dicts()
    x = [r["van"] for r in rijen]
    labels = theme.maandlabels(x, taal)
    status = [_status(r, kader) for r in rijen]
    fig = go.Figure()
    for deel in delen:
        fig.add_bar(
            x=x,
            y=[None if s else r[deel.kolom] for r, s in zip(rijen, status, strict=True)],
            name=deel.label,
            marker_color=deel.kleur,
            hovertext=[
                f"{m}: {s}"
                if s
                else f"{m}<br>{deel.label}: {_waarde(r[deel.kolom], decimalen, suffix, taal)}"
                f"<br>{totaal_label}: {_waarde(r[totaal_kolom], decimalen, suffix, taal)}"
                for m, r, s in zip(labels, rijen, status, strict=True)
            ],
            hoverinfo="text",
        )
    if totaal_tekst:
        fig.add_scatter(
            x=x,
            y=[None if s else r[totaal_kolom] for r, s in zip(rijen, status, strict=True)],
            text=[
                "" if s else _waarde(r[totaal_kolom], decimalen, suffix, taal)
                for r, s in zip(rijen, status, strict=True)
            ],
            mode="text", textposition="top center", textfont={"size": 12, "color": theme.GRIJS_DONKER},
            showlegend=False, hoverinfo="skip",
        )  # fmt: skip
    onderdrukt = [
        m for m, r, s in zip(x, rijen, status, strict=True) if s and not r["geen_gegevens"]
    ]
    if onderdrukt:
        # suppressed months: a grey marker on the baseline, as in the other trend charts
        fig.add_scatter(
            x=onderdrukt, y=[0] * len(onderdrukt), mode="markers",
            marker={"symbol": "square", "color": theme.ONDERDRUKT_KLEUR, "size": 9},
            name=f"{t('onderdrukt', taal)} (< {kader.min_groep})",
            hovertext=[f"{m}: < {kader.min_groep}" for m in theme.maandlabels(onderdrukt, taal)],
            hoverinfo="text",
        )  # fmt: skip
    theme.opmaak(fig, kader)
    theme.maand_as(fig, x, taal)
    fig.update_yaxes(
        title={"text": y_titel, "font": {"size": 13}},
        ticksuffix=suffix,
        rangemode="tozero",
        **_telas(
            decimalen,
            max(
                (r[totaal_kolom] or 0 for r, s in zip(rijen, status, strict=True) if not s),
                default=0,
            ),
        ),
    )
    fig.update_layout(
        barmode="stack", bargap=0.15, hovermode="closest", legend={"traceorder": "normal"}
    )
    if rijen and all(status):
        theme.melding_klein(fig, kader)
    return fig


def _gestapeld_liggend(
    frame: pl.DataFrame,
    kader: Kader,
    delen: Sequence[Deel],
    *,
    categorie_kolom: str,
    totaal_kolom: str | None,
    decimalen: int,
    suffix: str,
    totaal_label: str = "",
    totaal_is_som: bool = True,
    referentie: tuple[float, str] | None = None,
    aantal_label: str | None = None,
    per_100_kolom: str | None = None,
) -> go.Figure:
    """Horizontal stacked bars, one per row of `frame` in its order (the first on top).

    Parts are labelled inside; the total (`totaal_kolom`) stands at the end of each bar. When the
    parts are shares of a count (`totaal_is_som=False`), the end label is that count.
    Suppressed rows get an empty bar and a grey '< n' label; empty groups 'geen gegevens'.
    """
    taal = kader.taal
    # the categories are unit names (from the organisation file): plain text in ticks and hover
    rijen = plotly_namen(frame, categorie_kolom).to_dicts()
    cats = [str(r[categorie_kolom]) for r in rijen]
    status = [_status(r, kader) for r in rijen]
    fig = go.Figure()

    def hover(r: dict, deel: Deel, s: str | None) -> str:
        if s:
            return f"{r[categorie_kolom]}: {s}"
        regels = [
            f"<b>{r[categorie_kolom]}</b>",
            f"{deel.label}: {_waarde(r[deel.kolom], decimalen, suffix, taal)}",
        ]
        if deel.aantal_kolom:
            regels[-1] += (
                f" ({fmt.getal(r[deel.aantal_kolom], 0, taal)}{' ' + aantal_label if aantal_label else ''})"
            )
        if totaal_kolom and totaal_is_som:
            regels.append(f"{totaal_label}: {_waarde(r[totaal_kolom], decimalen, suffix, taal)}")
        elif totaal_kolom:
            regels.append(f"{totaal_label}: {fmt.getal(r[totaal_kolom], 0, taal)}")
        if per_100_kolom:
            regels.append(f"{fmt.getal(r[per_100_kolom], 1, taal)} {t('per 100 in dienst', taal)}")
        return "<br>".join(regels)

    def label(r: dict, deel: Deel, s: str | None) -> str:
        if s or r[deel.kolom] is None:
            return ""
        tekst = _waarde(r[deel.kolom], decimalen, suffix, taal)
        if deel.aantal_kolom and len(delen) == 1:
            tekst += f" ({fmt.getal(r[deel.aantal_kolom], 0, taal)})"
        return tekst

    for deel in delen:
        fig.add_bar(
            x=[None if s else r[deel.kolom] for r, s in zip(rijen, status, strict=True)],
            y=cats,
            orientation="h",
            name=deel.label,
            marker_color=deel.kleur,
            text=[label(r, deel, s) for r, s in zip(rijen, status, strict=True)],
            textposition="inside",
            insidetextanchor="middle",
            textangle=0,
            textfont={"color": _tekstkleur(deel.kleur), "size": 13},
            hovertext=[hover(r, deel, s) for r, s in zip(rijen, status, strict=True)],
            hoverinfo="text",
        )
    if totaal_kolom:
        eind = [
            None if s else sum((r[d.kolom] or 0.0) for d in delen)
            for r, s in zip(rijen, status, strict=True)
        ]
        tekst = [
            ""
            if s
            else _waarde(r[totaal_kolom], decimalen, suffix, taal)
            if totaal_is_som
            else f"n = {fmt.getal(r[totaal_kolom], 0, taal)}"
            for r, s in zip(rijen, status, strict=True)
        ]
        fig.add_scatter(
            x=eind, y=cats, text=tekst, mode="text", textposition="middle right",
            textfont={"size": 13, "color": "#1A1A1A"}, showlegend=False, hoverinfo="skip",
        )  # fmt: skip
    for cat, r, s in zip(cats, rijen, status, strict=True):
        if s:
            grijs = not r.get("geen_gegevens")
            fig.add_annotation(
                x=0, xref="paper", xanchor="left", y=cat, yref="y", text=f" {s} ",
                showarrow=False, bgcolor=theme.ONDERDRUKT_KLEUR if grijs else "white",
                bordercolor=theme.ONDERDRUKT_KLEUR, borderwidth=1,
                font={"size": 13, "color": "#1A1A1A" if grijs else theme.GRIJS_DONKER},
            )  # fmt: skip
    if any(s and not r.get("geen_gegevens") for r, s in zip(rijen, status, strict=True)):
        _legenda_onderdrukt(fig, kader)
    legenda = len(delen) > 1 or any(status) or referentie is not None
    hoogte = max(400, 250 + 44 * len(rijen))
    theme.opmaak(fig, kader, hoogte=hoogte, legenda=legenda)
    fig.update_yaxes(
        type="category", categoryorder="array", categoryarray=cats, autorange="reversed",
        automargin=True, showgrid=False, ticks="",
    )  # fmt: skip
    # no axis title: the subtitle names the measure, and the source line sits right under the axis
    fig.update_xaxes(
        ticksuffix=suffix, rangemode="tozero", showgrid=True, gridcolor=theme.GRIJS_LICHT,
    )  # fmt: skip
    # room at the end of the longest bar for its total
    hoogste = max(
        (
            sum((r[d.kolom] or 0.0) for d in delen)
            for r, s in zip(rijen, status, strict=True)
            if not s
        ),
        default=0.0,
    )
    if referentie is not None:
        hoogste = max(hoogste, referentie[0])
    if hoogste > 0:
        fig.update_xaxes(range=[0, hoogste * 1.12])
    if suffix == "":
        fig.update_xaxes(**_telas(decimalen, hoogste))
    if referentie is not None:
        waarde, ref_tekst = referentie
        lijn = {"color": theme.GRIJS_DONKER, "width": 2, "dash": "dash"}
        fig.add_vline(x=waarde, line=lijn)
        # named in the legend: a label at the line would collide with the bars' totals
        fig.add_scatter(
            x=[None], y=[None], mode="lines", line=lijn, name=plotly_tekst(ref_tekst),
            hoverinfo="skip",
        )  # fmt: skip
    fig.update_layout(
        barmode="stack",
        bargap=0.3,
        hovermode="closest",
        uniformtext={"minsize": 11, "mode": "hide"},
        legend={"traceorder": "normal"},
    )
    if rijen and all(status):
        theme.melding_klein(fig, kader)
    return fig


def _lijn_maanden(
    frame: pl.DataFrame,
    kader: Kader,
    *,
    kolom: str,
    aantal_kolom: str,
    label: str,
    aantal_label: str,
    decimalen: int,
    suffix: str,
    y_titel: str,
) -> go.Figure:
    """A monthly line of one metric (with its count in the hover), the last value labelled."""
    taal = kader.taal
    rijen = frame.to_dicts()
    x: list[dt.date] = [r["van"] for r in rijen]
    labels = theme.maandlabels(x, taal)
    status = [_status(r, kader) for r in rijen]
    y = [None if s else r[kolom] for r, s in zip(rijen, status, strict=True)]
    fig = go.Figure()
    fig.add_scatter(
        x=x,
        y=y,
        mode="lines+markers+text",
        name=label,
        line={"color": LINTBLAUW, "width": 3},
        marker={"size": 6},
        text=[""] * (len(y) - 1) + ([_waarde(y[-1], decimalen, suffix, taal)] if y else []),
        textposition="top center",
        textfont={"size": 14, "color": LINTBLAUW},
        hovertext=[
            f"{m}: {s}"
            if s
            else f"{m}: {_waarde(r[kolom], decimalen, suffix, taal)} "
            f"({fmt.getal(r[aantal_kolom], 0, taal)} {aantal_label})"
            for m, r, s in zip(labels, rijen, status, strict=True)
        ],
        hoverinfo="text",
    )
    onderdrukt = [
        m for m, r, s in zip(x, rijen, status, strict=True) if s and not r["geen_gegevens"]
    ]
    if onderdrukt:
        fig.add_scatter(
            x=onderdrukt, y=[0] * len(onderdrukt), mode="markers",
            marker={"symbol": "square", "color": theme.ONDERDRUKT_KLEUR, "size": 9},
            name=f"{t('onderdrukt', taal)} (< {kader.min_groep})",
            hovertext=[f"{m}: < {kader.min_groep}" for m in theme.maandlabels(onderdrukt, taal)],
            hoverinfo="text",
        )  # fmt: skip
    theme.opmaak(fig, kader, hoogte=460, legenda=bool(onderdrukt))
    theme.maand_as(fig, x, taal)
    zichtbaar = [v for v in y if v is not None]
    fig.update_yaxes(
        title={"text": y_titel, "font": {"size": 13}}, ticksuffix=suffix, rangemode="tozero",
        range=[0, max(zichtbaar) * 1.18] if zichtbaar else None,
    )  # fmt: skip
    fig.update_layout(hovermode="closest")
    if rijen and all(status):
        theme.melding_klein(fig, kader)
    return fig
