"""Survey charts, what the heat map and the scatters share: colour scales, the respondent count,
the source line's place, axis ranges and steps, and where a dot's name goes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.i18n import t

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
#: A rectangle in data units: x0, x1, y0, y1.
Vak = tuple[float, float, float, float]


def n_tekst(respondenten: int | None, onderdrukt: bool, taal: str, minimum: int = 10) -> str:
    """'n = 134', or 'n < 10' for a suppressed group (never its count)."""
    if onderdrukt:
        return f"n < {minimum}"
    return f"n = {fmt.getal(respondenten, 0, taal)}"


def respondenten_tekst(respondenten: int | None, taal: str) -> str:
    """'n = 134 respondenten' (hover)."""
    return t("n = {n} respondenten", taal, n=fmt.getal(respondenten, 0, taal))


def verschuif_voet(fig: go.Figure, *, links: int = 0, omlaag: int = 0) -> None:
    """Move the source line that theme.opmaak put under the plot area (left, or further down)."""
    for a in fig.layout.annotations:
        if a.xref == "paper" and a.yref == "paper" and a.y == 0 and a.yshift == -36:
            a.xshift = -links
            a.yshift = -36 - omlaag
    if omlaag:
        fig.update_layout(margin={"b": fig.layout.margin.b + omlaag})


def melding(fig: go.Figure, tekst: str) -> None:
    """A message in the middle of an empty plot, without tick labels."""
    fig.add_annotation(
        text=tekst, xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
        font={"size": 16, "color": theme.GRIJS_DONKER}, bgcolor="white",
    )  # fmt: skip
    fig.update_xaxes(showticklabels=False)
    fig.update_yaxes(showticklabels=False)


def bereik(waarden: Sequence[float], rand: float = 0.12) -> list[float]:
    """An axis range around the values with a margin."""
    lo, hi = min(waarden), max(waarden)
    marge = max(0.08, (hi - lo) * rand)
    return [lo - marge, hi + marge]


def stap(as_bereik: Sequence[float]) -> float:
    """A tick step that stays distinct at one decimal ('3,4', never '3,4 3,4')."""
    breedte = as_bereik[1] - as_bereik[0]
    return next((s for s in (0.1, 0.2, 0.5, 1.0) if breedte / s <= 9), 2.0)


def posities(
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
