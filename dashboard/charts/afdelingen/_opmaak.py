"""What the Afdelingen charts share: the funnel colours, short names, axes, lines and legend
entries set directly (fast), and the source-line layout for charts with names on the y axis."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.i18n import t
from dashboard.views import Kader

#: Funnel position (99.8% limits) -> colour, in the order of the legend (texts: views POSITIES).
KLEUREN: dict[str, str] = {"boven": theme.ORANJE, "binnen": "#7FAFCB", "onder": theme.PALET[2]}
_VOORVOEGSELS = (("Directoraat-generaal ", "DG "), ("Directie ", ""), ("Afdeling ", ""))


def kort(naam: str) -> str:
    """A label for inside a plot: without the kind of unit in front ('Afdeling ', 'Directie ')."""
    for voor, vervang in _VOORVOEGSELS:
        if naam.startswith(voor) and len(naam) > len(voor) + 2:
            return vervang + naam[len(voor) :]
    return naam


def onderdrukt_tekst(min_groep: int) -> str:
    """'< 10': what a suppressed group shows."""
    return f"< {min_groep}"


def vet(naam: str, vet: bool) -> str:
    """The name in bold when `vet` (the selected unit)."""
    return f"<b>{naam}</b>" if vet else naam


def secundair_voet(kader: Kader) -> str:
    """The secondary-suppression rule, for the source line of a chart that hides groups."""
    return t(
        "Verborgen eenheden zijn te klein of verborgen om een kleine eenheid ernaast te beschermen; "
        "dezelfde keuze geldt op elke pagina, zodat niets terug te rekenen is.",
        kader.taal,
    )


def niet_in_de_grafiek(namen: Sequence[str], kader: Kader) -> str:
    """The footnote naming the units left out for privacy ('' when none)."""
    if not namen:
        return ""
    return t(
        "Niet in de grafiek ({klein}, privacy): {namen}.",
        kader.taal,
        klein=onderdrukt_tekst(kader.min_groep),
        namen=", ".join(namen),
    )


def arr(waarden: Sequence[object]) -> np.ndarray:
    """Values as an object array: plotly validates a list element by element (more than the whole
    chart costs for a heat map) but takes an array at once. Object, not float: the figure JSON
    then keeps plain lists with null for a missing value, not base64 floats with NaN."""
    return np.array(waarden, dtype=object)


# Plotly's update_xaxes / add_vline walk every layout property on each call (tens of ms per
# call); these set the one axis of these single-plot charts directly.
def x_as(fig: go.Figure, **instellingen: object) -> None:
    fig.update_layout(xaxis=instellingen)


def y_as(fig: go.Figure, **instellingen: object) -> None:
    fig.update_layout(yaxis=instellingen)


# (opacity 1: the house template's shape defaults make shapes 30% opaque)


def vlijn(fig: go.Figure, x: object, lijn: dict[str, object]) -> None:
    fig.add_shape(
        type="line", xref="x", x0=x, x1=x, yref="y domain", y0=0, y1=1, line=lijn, opacity=1
    )


def hlijn(fig: go.Figure, y: object, lijn: dict[str, object]) -> None:
    fig.add_shape(
        type="line", xref="x domain", x0=0, x1=1, yref="y", y0=y, y1=y, line=lijn, opacity=1
    )


def legenda_blokje(fig: go.Figure, naam: str, kleur: str, rand: str | None = None) -> None:
    """A legend entry without data (x and y empty)."""
    fig.add_scatter(
        x=[None], y=[None], mode="markers", name=naam, hoverinfo="skip",
        marker={"symbol": "square", "size": 13, "color": kleur,
                "line": {"color": rand or kleur, "width": 1}},
    )  # fmt: skip


def legenda_bol(fig: go.Figure, naam: str, kleur: str) -> None:
    fig.add_scatter(
        x=[None], y=[None], mode="markers", name=naam, hoverinfo="skip",
        marker={"size": 13, "color": kleur, "opacity": 0.72},
    )  # fmt: skip


def legenda_lijn(fig: go.Figure, naam: str, kleur: str, stijl: str, breedte: float = 2) -> None:
    fig.add_scatter(
        x=[None], y=[None], mode="lines", name=naam, hoverinfo="skip",
        line={"color": kleur, "dash": stijl, "width": breedte},
    )  # fmt: skip


def ruimte_voor_astitel(fig: go.Figure, extra: int = 26) -> None:
    """Move the source line down: the house style puts it right under the ticks, where an
    x-axis title would run over it."""
    for annotatie in fig.layout.annotations:
        if annotatie.yref == "paper" and annotatie.yshift == -36:
            annotatie.yshift = -36 - extra
            break
    fig.update_layout(margin={"b": (fig.layout.margin.b or 0) + extra})


#: Width of a unit name on the y axis per character and px of type (measured in Chromium: 6,6 px
#: per character at 13 px; bold a little wider), and the room between the names and the plot.
NAAM_EM, NAAM_RUIMTE = 0.53, 18


def voet_naast_namen(fig: go.Figure, namen: Sequence[str], letter: float = 13) -> None:
    """A chart with long names on the y axis: a left margin that fits the names (`letter` px),
    and the source line from the figure's left edge. It is placed relative to the plot area, so
    it started right of the names and ran past the plot's right edge of a laptop-wide chart."""
    langste = max((len(n) for n in namen), default=0)
    links = max(int(fig.layout.margin.l or 0), round(langste * letter * NAAM_EM + NAAM_RUIMTE))
    fig.update_layout(margin={"l": links})
    theme.voet_vanaf_links(fig)


def melding(fig: go.Figure, tekst: str) -> None:
    fig.add_annotation(
        text=tekst, xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
        font={"size": 16, "color": theme.GRIJS_DONKER}, bgcolor="white",
    )  # fmt: skip
