"""Native PowerPoint charts keep what their titles claim: the scatter's colours, sizes and
reference lines, the shaded pilot period, the ranking's intervals as error bars, and the simple
bars and lines of the Duur en signalen deck."""

from __future__ import annotations

import io
import shutil
import subprocess

import plotly.graph_objects as go
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu

from dashboard.charts import duur as duur_grafiek
from dashboard.exports import pptx
from dashboard.hierarchy import laad_boom
from dashboard.periods import Maand
from dashboard.selectie import Selectie
from dashboard.views import Context
from dashboard.views import duur as duur_view

AFBEELDING = 13  # MSO_SHAPE_TYPE.PICTURE


def _dia(fig: go.Figure, titel: str = "T"):
    prs = Presentation(io.BytesIO(pptx.deck("Deck", "", [pptx.Dia(titel, figuur=fig)])))
    return prs.slides[1]


def _grafiek(dia):
    grafieken = [s for s in dia.shapes if s.has_chart]
    assert len(grafieken) == 1, dia.notes_slide.notes_text_frame.text
    assert not any(s.shape_type == AFBEELDING for s in dia.shapes)
    return grafieken[0].chart


def _spreiding() -> go.Figure:
    fig = go.Figure()
    fig.add_scatter(
        x=[2.2, 2.5, 2.9], y=[3.8, 3.6, 3.4], mode="markers", name="Eenheid",
        marker={"color": [4.0, 6.0, 9.0], "colorscale": [[0, "#01689B"], [1, "#E17000"]],
                "cmin": 4.0, "cmax": 9.0, "size": [50, 100, 200], "sizemode": "area",
                "sizeref": 0.2, "sizemin": 5},
    )  # fmt: skip
    fig.add_shape(type="line", xref="x", x0=2.6, x1=2.6, yref="y domain", y0=0, y1=1)
    fig.add_shape(type="line", xref="x domain", x0=0, x1=1, yref="y", y0=3.65, y1=3.65)
    fig.update_layout(xaxis_range=[2.0, 3.0], yaxis_range=[3.2, 4.0])
    return fig


def test_spreiding_houdt_kleur_grootte_en_kwadrantlijnen():
    chart = _grafiek(_dia(_spreiding()))
    assert chart.chart_type == XL_CHART_TYPE.XY_SCATTER
    ser = chart.plots[0]._element.findall(qn("c:ser"))
    punten = ser[0].findall(qn("c:dPt"))
    kleuren = [p.find(".//" + qn("a:srgbClr")).get("val") for p in punten]
    # the ends of the colour scale: 4.0 -> #01689B, 9.0 -> #E17000
    assert kleuren[0] == "01689B" and kleuren[2] == "E17000" and len(set(kleuren)) == 3
    groottes = [int(p.find(qn("c:marker")).find(qn("c:size")).get("val")) for p in punten]
    # area mode: radius sqrt(v / 2 / 0.2) px = 11.2, 15.8, 22.4; diameter twice that, 0.75 pt
    # per px: 16.8, 23.7, 33.5 pt
    assert groottes == [17, 24, 34]
    # two reference lines: series with two points each, lines and no markers
    lijnen = ser[1:]
    assert len(lijnen) == 2
    xs = [[float(v.text) for v in s.find(qn("c:xVal")).iter(qn("c:v"))] for s in lijnen]
    ys = [[float(v.text) for v in s.find(qn("c:yVal")).iter(qn("c:v"))] for s in lijnen]
    # the vertical line spans the y axis' range, the horizontal one the x axis' range
    assert (xs[0], ys[0]) == ([2.6, 2.6], [3.2, 4.0])
    assert (xs[1], ys[1]) == ([2.0, 3.0], [3.65, 3.65])
    for s in lijnen:
        assert s.find(qn("c:marker")).find(qn("c:symbol")).get("val") == "none"
    assert chart.value_axis.minimum_scale == 3.2 and chart.value_axis.maximum_scale == 4.0


def _pilotfiguur() -> go.Figure:
    maanden = [f"2023-{m:02d}-01" for m in range(1, 13)]
    fig = go.Figure()
    fig.add_scatter(x=maanden, y=[2.0 - m / 20 for m in range(12)], mode="lines", name="Pilot")
    fig.add_vrect(x0="2023-04-01", x1="2023-07-01", fillcolor="rgba(1,104,155,0.14)", line_width=0)
    fig.add_annotation(x="2023-05-15", y=1, xref="x", yref="paper", text="<b>pilot</b>")
    return fig


def test_pilotperiode_blijft_als_staafreeks_op_een_tweede_as():
    chart = _grafiek(_dia(_pilotfiguur()))
    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    staaf = plot_area.find(qn("c:barChart"))
    assert staaf is not None and plot_area.find(qn("c:lineChart")) is not None
    band = staaf.find(qn("c:ser"))
    assert band.find(qn("c:tx")).find(".//" + qn("c:v")).text == "pilot"
    waarden = {
        int(pt.get("idx")): float(pt.find(qn("c:v")).text)
        for pt in band.find(qn("c:val")).iter(qn("c:pt"))
    }
    # April, May and June (x1 = 1 July is where the period ends): categories 3, 4 and 5
    assert waarden == {3: 1.0, 4: 1.0, 5: 1.0}
    assert staaf.find(qn("c:gapWidth")).get("val") == "0"
    # on its own hidden axes, 0..1, so the band stays full height whatever the data
    assert len(plot_area.findall(qn("c:valAx"))) == 2
    assert {a.get("val") for a in staaf.findall(qn("c:axId"))} != {
        a.get("val") for a in plot_area.find(qn("c:lineChart")).findall(qn("c:axId"))
    }
    alpha = band.find(qn("c:spPr")).find(".//" + qn("a:alpha"))
    assert alpha is not None and int(alpha.get("val")) == 14000


def _rangorde() -> go.Figure:
    fig = go.Figure()
    fig.add_bar(
        y=["A", "B"], x=[7.5, 5.0], orientation="h", name="binnen de grenzen",
        error_x={"type": "data", "array": [0.75, 0.5], "arrayminus": [0.25, 0.5]},
    )  # fmt: skip
    fig.add_bar(
        y=["C"], x=[4.0], orientation="h", name="lager",
        error_x={"type": "data", "array": [1.0], "arrayminus": [0.5]},
    )  # fmt: skip
    fig.add_scatter(
        y=["A", "B", "C"], x=[8.25, 5.5, 5.0], mode="text", text=["7,5%", "5,0%", "4,0%"]
    )
    fig.update_layout(
        barmode="overlay",
        yaxis={"tickmode": "array", "tickvals": ["A", "B", "C"], "ticktext": ["Eén", "Twee", "Drie"]},
    )  # fmt: skip
    return fig


def _getallen(el) -> dict[int, float]:
    return {int(pt.get("idx")): float(pt.find(qn("c:v")).text) for pt in el.iter(qn("c:pt"))}


def test_rangorde_intervallen_als_eigen_foutbalken(tmp_path):
    dia = _dia(_rangorde())
    chart = _grafiek(dia)
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(chart.plots[0].categories) == ["Eén", "Twee", "Drie"]
    ser = chart.plots[0]._element.findall(qn("c:ser"))
    foutbalken = [s.find(qn("c:errBars")) for s in ser]
    assert all(f is not None for f in foutbalken)
    for f in foutbalken:
        assert f.find(qn("c:errBarType")).get("val") == "both"
        assert f.find(qn("c:errValType")).get("val") == "cust"
    # per category A, B, C; a unit that is not in the series gets 0
    assert _getallen(foutbalken[0].find(qn("c:plus"))) == {0: 0.75, 1: 0.5, 2: 0.0}
    assert _getallen(foutbalken[0].find(qn("c:minus"))) == {0: 0.25, 1: 0.5, 2: 0.0}
    assert _getallen(foutbalken[1].find(qn("c:plus"))) == {0: 0.0, 1: 0.0, 2: 1.0}
    # the value labels stay, on the point of the series that holds the unit
    labels = [
        (i, p.data_label.text_frame.text)
        for s in chart.plots[0].series
        for i, p in enumerate(s.points)
        if p.data_label.has_text_frame
    ]
    assert sorted(labels) == [(0, "7,5%"), (1, "5,0%"), (2, "4,0%")]
    # the XML is valid: it opens again, and LibreOffice renders it
    pad = tmp_path / "rangorde.pptx"
    pad.write_bytes(pptx.deck("Deck", "", [pptx.Dia("T", figuur=_rangorde())]))
    Presentation(str(pad))
    if shutil.which("soffice"):
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", str(pad), "--outdir", str(tmp_path)],
            capture_output=True, timeout=240, check=False,
        )  # fmt: skip
        assert (tmp_path / "rangorde.pdf").exists()


#: charts of the Duur en signalen deck PowerPoint cannot draw natively: none (all bars and lines)
DUUR_AFBEELDINGEN: list[str] = []


def test_duur_deck_is_bewerkbaar(demo_store):
    ctx = Context(laad_boom(demo_store), Selectie("MLV", "MLV", Maand(2026, 10)))
    d = duur_view.bouw(demo_store, ctx)
    maak = [
        duur_grafiek.duurklassen, duur_grafiek.voortschrijdend, duur_grafiek.beeindigd,
        duur_grafiek.frequent_eenheden, duur_grafiek.frequent_trend,
        duur_grafiek.langdurig_eenheden, duur_grafiek.langdurig_trend,
    ]  # fmt: skip
    grafieken = [f(d, ctx) for f in maak]
    prs = Presentation(io.BytesIO(pptx.deck("Duur", "MLV", [pptx.Dia.van(g) for g in grafieken])))
    dias = list(prs.slides)[1:]
    afbeeldingen = [
        g.titel
        for g, dia in zip(grafieken, dias, strict=True)
        if any(s.shape_type == AFBEELDING for s in dia.shapes)
    ]
    assert len(afbeeldingen) <= len(DUUR_AFBEELDINGEN), afbeeldingen
    # the totals right of the stacked bars stay, as labels: 'n = ...' on the ended absences
    beeindigd = next(s for s in dias[2].shapes if s.has_chart).chart
    teksten = [
        p.data_label.text_frame.text
        for s in beeindigd.plots[0].series
        for p in s.points
        if p.data_label.has_text_frame
    ]
    assert len(teksten) == 3 and all(tekst.startswith("n = ") for tekst in teksten)


def test_titeldia_ondertitel_onder_de_titel_bij_elke_lengte():
    for lengte in (10, 60, 120, 240):
        prs = Presentation(io.BytesIO(pptx.deck("Woord " * (lengte // 6), "Ondertitel", [])))
        vakken = [s for s in prs.slides[0].shapes if s.has_text_frame and s.text_frame.text]
        titel, ondertitel = vakken[0], vakken[1]
        grootte = titel.text_frame.paragraphs[0].runs[0].font.size.pt
        # at least 0.55 em per bold character, 1.2 em per line: the wrapped title needs this
        per_regel = titel.width / Emu(12700) / (0.55 * grootte)
        nodig = -(-len(titel.text_frame.text) // int(per_regel)) * 1.2 * grootte * 12700
        assert titel.height >= nodig, lengte
        assert ondertitel.top >= titel.top + titel.height, lengte
        assert ondertitel.top + ondertitel.height <= pptx.HOOGTE, lengte
