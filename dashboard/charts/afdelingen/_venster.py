"""The verzuimvenster: verzuimpercentage against meldingsfrequentie, bubble area = bezetting,
with quadrant lines at the reference unit's values ("vaak en lang", "weinig maar lang", ...).
Names are placed where they fit; suppressed units are named only in the source line."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

import plotly.graph_objects as go
import polars as pl

from dashboard import catalogus
from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.charts.afdelingen._opmaak import (
    hlijn,
    kort,
    legenda_bol,
    legenda_lijn,
    melding,
    niet_in_de_grafiek,
    ruimte_voor_astitel,
    vet,
    vlijn,
    x_as,
    y_as,
)
from dashboard.i18n import N_, t
from dashboard.veilig import plotly_namen, plotly_tekst
from dashboard.views import Kader
from dashboard.views import afdelingen as view


def figuur(
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
            vet(tekst, r["code"] in markeer) if tekst else ""
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
        legenda_bol(fig, t("Eenheid (grootte = bezetting)", taal), theme.LINTBLAUW)
        if any(r["code"] in markeer for r in e):
            legenda_bol(fig, t("Gekozen eenheid", taal), theme.ORANJE)
    if ref_f is not None and ref_p is not None:
        lijn = {"color": theme.GRIJS_DONKER, "dash": "dash", "width": 1.5}
        vlijn(fig, ref_f, lijn)
        hlijn(fig, ref_p, lijn)
        legenda_lijn(
            fig,
            t(
                "{naam}: {f} per jaar, {p}",
                taal,
                naam=ref_naam,
                f=fmt.getal(ref_f, catalogus.metriek("meldingsfrequentie").decimalen, taal),
                p=view.waarde_tekst(ref_p, "verzuimpercentage", taal),
            ),
            theme.GRIJS_DONKER,
            "dash",
            1.5,
        )
        for tekst, x, y in _KWADRANTEN:
            fig.add_annotation(
                text="<i>" + t(tekst, taal) + "</i>", xref="x domain", yref="y domain", x=x, y=y,
                xanchor="right" if x > 0.5 else "left", yanchor="top" if y > 0.5 else "bottom",
                showarrow=False, font={"size": 14, "color": theme.GRIJS},
            )  # fmt: skip
    extra = niet_in_de_grafiek(onderdrukt, kader)
    if weggelaten:
        extra += " " + t(
            "Waar namen elkaar zouden overlappen staat de naam alleen bij aanwijzen en in de tabel.",
            taal,
        )
    theme.opmaak(fig, kader, hoogte=VENSTER_HOOGTE, extra_voet=extra.strip())
    ruimte_voor_astitel(fig)
    if xs and ys:
        x_as(fig, range=bx)
        y_as(fig, range=by)
    x_as(fig,
        title={"text": t("Meldingsfrequentie (meldingen per medewerker per jaar)", taal), "font": {"size": 13}},
        showgrid=True, gridcolor=theme.GRIJS_LICHT,
    )  # fmt: skip
    y_as(
        fig, title={"text": t("Verzuimpercentage (%)", taal), "font": {"size": 13}}, ticksuffix="%"
    )
    fig.update_layout(hovermode="closest", clickmode="event+select")
    if not e:
        melding(fig, t("Alle groepen zijn te klein om te tonen.", taal))
    return fig


def _bereik(waarden: Sequence[float], marge: float) -> list[float]:
    laag, hoog = min(waarden), max(waarden)
    ruimte = max(hoog - laag, abs(hoog) * 0.1, 0.1) * marge
    return [max(0.0, laag - ruimte), hoog + ruimte]


VENSTER_HOOGTE = 660
#: Quadrant names and their corner (x, y in the axes' domain).
_KWADRANTEN = (
    (N_("vaak en lang"), 0.99, 0.98),
    (N_("vaak kort"), 0.99, 0.02),
    (N_("weinig maar lang"), 0.01, 0.98),
    (N_("weinig en kort"), 0.01, 0.02),
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
    regels = [f"<b>{r['naam']}</b>"]
    for sleutel in ("meldingsfrequentie", "verzuimpercentage"):
        waarde = view.waarde_tekst(r[sleutel], sleutel, taal)  # type: ignore[arg-type]
        regels.append(t(catalogus.metriek(sleutel).label, taal) + ": " + waarde)
    bezetting = fmt.getal(r["bezetting"], 0, taal)  # type: ignore[arg-type]
    regels.append(t("Bezetting", taal) + ": " + bezetting)
    return "<br>".join(regels)
