"""One look for every chart: palette, fonts, Dutch formats, and title/subtitle/source in the figure.

What is exported (modebar PNG, server-side image, slides) is what is shown, so everything a
reader needs to understand a chart lives inside the figure itself.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

import plotly.graph_objects as go

from dashboard import format as fmt
from dashboard.i18n import t
from dashboard.periods import Maand
from dashboard.veilig import plotly_platte_tekst, plotly_tekst
from dashboard.views import Kader

#: Rijkshuisstijl lintblauw first, then the Okabe-Ito colours (safe for colour-blind readers).
LINTBLAUW = "#01689B"
PALET: tuple[str, ...] = (
    LINTBLAUW, "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#F0E442",
)  # fmt: skip
ORANJE = "#E17000"
GRIJS_DONKER = "#535353"
GRIJS = "#8C8C8C"
GRIJS_LICHT = "#E6E6E6"
ONDERDRUKT_KLEUR = "#C8C8C8"
ACHTERGROND = "#FFFFFF"
LETTER = "Source Sans 3, Source Sans Pro, Segoe UI, Arial, sans-serif"

#: Characters per line of a chart's title (21 px bold), subtitle (14 px) and source line (11 px),
#: so that they fit a chart about 880 px wide (the source line starts where the plot starts, which
#: long unit names on a bar chart's axis push to the right).
TEKENS_TITEL, TEKENS_ONDERTITEL, TEKENS_VOET = 64, 105, 105

#: Export size of every chart image (16:9).
BREEDTE, HOOGTE = 1600, 900


def opmaak(
    fig: go.Figure, kader: Kader, *, hoogte: int = 540, legenda: bool = True, extra_voet: str = ""
) -> go.Figure:
    """Apply the house style: title and subtitle on top, legend under them, source line below.

    The frame's texts are plain text (they name units, pilots and scales from imported files):
    escaped here, once for every figure, so that plotly never reads a tag in them.
    """
    # a chart is as wide as a laptop's main column (about 900 px at 1366×768): lines are broken
    # for that width, so a title never runs out of the figure there (plotly does not wrap)
    voet = _breek(
        plotly_tekst(kader.voetnoot + (f" {extra_voet}" if extra_voet else "")), TEKENS_VOET
    )
    titel = _breek(plotly_tekst(kader.titel), TEKENS_TITEL)
    ondertitel = _breek(plotly_tekst(kader.ondertitel), TEKENS_ONDERTITEL)
    kopregels = titel.count("<br>") + ondertitel.count("<br>")
    voetregels = voet.count("<br>") + 1
    kop = 92 + 24 * kopregels
    boven = kop + (24 * _legendaregels(fig) + 10 if legenda else 0)
    onder = 62 + 15 * voetregels
    # one layout update, no named template: plotly validates every property it is given, and a
    # template costs more to apply than the few settings it would contribute here
    as_x = {
        "showgrid": False,
        "showline": True,
        "ticks": "outside",
        "linecolor": GRIJS,
        "tickfont": {"size": 13},
        "zeroline": False,
    }
    as_y = {
        "showgrid": True,
        "gridcolor": GRIJS_LICHT,
        "showline": True,
        "zeroline": False,
        "linecolor": GRIJS,
        "tickfont": {"size": 13},
    }
    assen = {naam: (as_x if naam.startswith("xaxis") else as_y) for naam in _assen(fig)}
    fig.update_layout(
        template=_LEEG_SJABLOON,
        # what the title block and the source line take of the margins (`voor_presentatie`)
        meta={"kop": kop, "voet": onder - 62},
        height=hoogte,
        paper_bgcolor=ACHTERGROND,
        plot_bgcolor=ACHTERGROND,
        font={"family": LETTER, "size": 15, "color": "#1A1A1A"},
        colorway=list(PALET),
        separators=fmt.separators(kader.taal),
        title={
            "text": f"<b>{titel}</b>",
            "subtitle": {"text": ondertitel, "font": {"size": 14, "color": GRIJS_DONKER}},
            "x": 0.01,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 16},
            "font": {"size": 21},
        },
        margin={"l": 72, "r": 30, "t": boven, "b": onder},
        hoverlabel={"font": {"family": LETTER, "size": 14}, "bgcolor": "white"},
        showlegend=legenda,
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.01,
            "yanchor": "bottom",
            "font": {"size": 13},
        },
        annotations=[
            *fig.layout.annotations,
            {
                "text": voet, "xref": "paper", "yref": "paper", "x": 0, "y": 0, "xanchor": "left",
                "yanchor": "top", "yshift": -36, "showarrow": False, "align": "left",
                "font": {"size": 11, "color": GRIJS},
            },
        ],
        **assen,
    )  # fmt: skip
    return fig


_LEEG_SJABLOON = go.layout.Template()

#: Smallest chart text on the shared screen (px at 1080 lines): readable from the back of a room.
PRESENTATIE_LETTER = 18
#: How much larger chart text is on the shared screen than on a laptop.
PRESENTATIE_FACTOR = 1.4
_LETTERS = ("font", "tickfont", "textfont", "insidetextfont", "outsidetextfont")


def voor_presentatie(fig: go.Figure, hoogte: int) -> go.Figure:
    """The chart for the 1920×1080 stage of the presentation mode: a copy without its title,
    subtitle and source line (the stage shows them as large text above and below it), every text
    at least 18 px, margins grown with the text."""
    d = fig.to_dict()
    layout = d.setdefault("layout", {})
    meta = layout.get("meta") or {}
    kop, voet = int(meta.get("kop", 0)), int(meta.get("voet", 0))
    _groter(d)
    f = PRESENTATIE_FACTOR
    marge = layout.get("margin") or {}
    layout["margin"] = {
        "t": round(max(float(marge.get("t", 80)) - kop, 0) * f) + 12,
        "b": round(max(float(marge.get("b", 62)) - voet, 0) * f),
        "l": round(float(marge.get("l", 72)) * f),
        "r": round(float(marge.get("r", 30)) * f),
    }
    layout["title"] = {"text": ""}
    layout["annotations"] = [
        a
        for a in layout.get("annotations", [])
        if not (a.get("yref") == "paper" and a.get("y") == 0 and a.get("yanchor") == "top")
    ]
    layout["height"] = hoogte
    return go.Figure(d)


def _groter(knoop: object, sleutel: str = "") -> None:
    """Every font size in a figure's dict scaled up to at least PRESENTATIE_LETTER."""
    if isinstance(knoop, dict):
        if sleutel in _LETTERS or sleutel == "title_font":
            grootte = knoop.get("size")
            basis = 15 if grootte is None else grootte
            if isinstance(basis, int | float):
                knoop["size"] = max(PRESENTATIE_LETTER, round(basis * PRESENTATIE_FACTOR))
        for k, v in knoop.items():
            _groter(v, k)
    elif isinstance(knoop, list):
        for v in knoop:
            _groter(v, sleutel)


def _legendaregels(fig: go.Figure, breedte: float = 840) -> int:
    """How many rows the horizontal legend takes on a laptop-wide chart (13 px entries packed
    greedily), so that the space above the plot fits it and it never covers the subtitle."""
    regels, rij = 1, 0.0
    for spoor in fig.data:
        if spoor.showlegend is False or not spoor.name:
            continue
        breed = 46 + 7.4 * len(str(spoor.name))
        if rij and rij + breed > breedte:
            regels, rij = regels + 1, 0.0
        rij += breed
    return regels


def melding_klein(fig: go.Figure, kader: Kader) -> None:
    """Say in the middle of an empty chart that its group is too small to show."""
    tekst = t(
        "Deze groep is kleiner dan {n} medewerkers: de cijfers worden niet getoond.",
        kader.taal,
        n=kader.min_groep,
    )
    fig.add_annotation(
        text=tekst, xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
        font={"size": 16, "color": GRIJS_DONKER}, bgcolor="white",
    )  # fmt: skip


def _assen(fig: go.Figure) -> list[str]:
    """Names of the figure's cartesian axes ('xaxis', 'yaxis', 'xaxis2', ...)."""
    namen = {"xaxis", "yaxis"}
    for spoor in fig.data:
        for attr, basis in (("xaxis", "xaxis"), ("yaxis", "yaxis")):
            ref = getattr(spoor, attr, None)
            if isinstance(ref, str) and len(ref) > 1:
                namen.add(basis + ref[1:])
    for naam in fig.layout:
        if naam.startswith(("xaxis", "yaxis")):
            namen.add(naam)
    return sorted(namen)


def _breek(tekst: str, breedte: int) -> str:
    """Wrap long text with <br> so that titles and notes never run out of the image."""
    if len(tekst) <= breedte:
        return tekst
    regels, huidig = [], ""
    for woord in tekst.split(" "):
        if huidig and len(huidig) + 1 + len(woord) > breedte:
            regels.append(huidig)
            huidig = woord
        else:
            huidig = f"{huidig} {woord}".strip()
    regels.append(huidig)
    return "<br>".join(regels)


def _is_voet(a: go.layout.Annotation) -> bool:
    """Whether an annotation is the source line `opmaak` puts under the plot."""
    return a.yref == "paper" and a.y == 0 and a.yanchor == "top"


def voet_vanaf_links(fig: go.Figure, inspringen: int = 8) -> None:
    """Start the source line at the figure's left edge (`inspringen` px in) instead of the plot's.

    `xref="paper"` places it relative to the plot area, so under a wide left margin (long names
    on the y axis) it started right of the names and ran past the plot's right edge on a laptop.
    Plotly 7.1 has no `xref="container"` for annotations: the line is shifted left by the left
    margin in px, which must then be the plot's real left edge (a margin that fits the names,
    not one that automargin grows; `voet_naast_namen` in charts/afdelingen sets it).
    """
    links = int(fig.layout.margin.l or 0)
    for a in fig.layout.annotations:
        if _is_voet(a):
            a.xshift = -max(links - inspringen, 0)


def titel_van(fig: go.Figure) -> str:
    """A figure's title as plain text."""
    return _platte_tekst(fig.layout.title.text)


def ondertitel_van(fig: go.Figure) -> str:
    """A figure's subtitle as plain text."""
    sub = fig.layout.title.subtitle
    return _platte_tekst(sub.text if sub is not None else "")


def voetnoot_van(fig: go.Figure) -> str:
    """A figure's source line (the annotation `opmaak` puts under the plot) as plain text."""
    for a in fig.layout.annotations:
        if _is_voet(a):
            return _platte_tekst(a.text)
    return ""


def _platte_tekst(html: str | None) -> str:
    tekst = (html or "").replace("<b>", "").replace("</b>", "").replace("<br>", " ").strip()
    return plotly_platte_tekst(tekst)


def maand_as(
    fig: go.Figure, maanden: Sequence[dt.date], taal: str = "nl", *, rij: int | None = None
) -> None:
    """Dutch month ticks ('jan 2024') on a date x-axis, at a readable spacing."""
    if not maanden:
        return
    aantal = len(maanden)
    stap = 1 if aantal <= 13 else 3 if aantal <= 40 else 6 if aantal <= 80 else 12
    # ticks on January (and every `stap` months after it) so that years line up
    waarden = [m for m in maanden if (m.month - 1) % stap == 0]
    teksten = [fmt.maand(m, taal) for m in waarden]
    kwargs = {"row": rij, "col": 1} if rij else {}
    fig.update_xaxes(tickmode="array", tickvals=waarden, ticktext=teksten, **kwargs)


def maandlabels(maanden: Sequence[dt.date], taal: str = "nl", lang: bool = True) -> list[str]:
    """Hover labels for months ('oktober 2026')."""
    return [fmt.maand(Maand.of(m), taal, lang=lang) for m in maanden]


def bestandsnaam(titel: str) -> str:
    """A file name from a chart title: lower case, ascii, hyphens."""
    ascii_ = unicodedata.normalize("NFKD", titel).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return (slug or "grafiek")[:80]


def plotly_config(titel: str) -> dict[str, object]:
    """Modebar settings: a 1600×900 PNG download named after the title, no plotly logo."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": "png",
            "filename": bestandsnaam(titel),
            "width": BREEDTE,
            "height": HOOGTE,
            "scale": 1,
        },
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
    }
