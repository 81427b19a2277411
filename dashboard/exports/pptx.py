"""PowerPoint decks (16:9) with native, editable charts made from the same figures as the screen.

A figure's bar and line traces become a native column/bar/line chart with the data embedded, its
scatter traces a native XY chart; so users can restyle them in their own house style. Chart
types PowerPoint cannot draw natively (heat maps) become a 1600×900 image rendered on the server
(kaleido, when a Chromium is present) or, without one, a table; the slide notes say so.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
import polars as pl
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_PATTERN
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from dashboard import definitions
from dashboard import format as fmt
from dashboard.charts import ALLEEN_SCHERM, Grafiek
from dashboard.config import settings
from dashboard.i18n import t

BREEDTE, HOOGTE = Inches(13.333), Inches(7.5)
MARGE = Inches(0.5)
LINTBLAUW = RGBColor(0x01, 0x68, 0x9B)
DONKER = RGBColor(0x1A, 0x1A, 0x1A)
GRIJS = RGBColor(0x59, 0x59, 0x59)


_log = logging.getLogger(__name__)


@dataclass
class Dia:
    """One slide: a title that states the finding, subtitle, footnote, and a chart or text."""

    titel: str
    ondertitel: str = ""
    voetnoot: str = ""
    figuur: go.Figure | None = None
    punten: list[str] = field(default_factory=list)
    tabel: pl.DataFrame | None = None
    notities: str = ""
    #: why the chart goes in as a picture ('' = native when its traces allow it)
    als_afbeelding: str = ""

    @classmethod
    def van(cls, g: Grafiek, notities: str | None = None) -> Dia:
        """The slide of a chart: its title, subtitle and source line, the chart native where it
        can be; the notes hold the definitions and the privacy rule unless given."""
        return cls(
            g.titel,
            g.ondertitel,
            g.bron,
            figuur=g.figuur,
            notities=toelichting_notities(g.taal) if notities is None else notities,
            als_afbeelding=g.als_afbeelding,
        )


def toelichting_notities(taal: str = "nl") -> str:
    """The definitions and the privacy rule, for the notes of a slide."""
    instellingen = settings()
    return "\n".join(
        f"{k}: {v}"
        for k, v in definitions.toelichting_regels(
            instellingen.min_groep, instellingen.min_respondenten, taal
        )
    )


def deck(titel: str, ondertitel: str, dias: Sequence[Dia], *, taal: str = "nl") -> bytes:
    """A 16:9 deck: a title slide, then one slide per `Dia`."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = BREEDTE, HOOGTE
    leeg = prs.slide_layouts[6]
    _titeldia(prs.slides.add_slide(leeg), titel, ondertitel)
    for d in dias:
        slide = prs.slides.add_slide(leeg)
        notities = [d.notities] if d.notities else []
        boven = _kop(slide, d.titel, d.ondertitel)
        vak = (MARGE, boven, BREEDTE - 2 * MARGE, HOOGTE - boven - Inches(0.85))
        if d.figuur is not None:
            notitie = grafiek(slide, d.figuur, vak, taal=taal, als_afbeelding=d.als_afbeelding)
            if notitie:
                notities.append(notitie)
        elif d.tabel is not None:
            _tabel(slide, d.tabel, vak, taal)
        elif d.punten:
            _punten(slide, d.punten, vak)
        _voet(slide, d.voetnoot)
        if notities:
            slide.notes_slide.notes_text_frame.text = "\n\n".join(notities)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


# -- text ----------------------------------------------------------------------------------------


def _tekstvak(slide: Any, x: int, y: int, b: int, h: int, tekst: str, grootte: int, *,
              vet: bool = False, kleur: RGBColor = DONKER) -> Any:  # fmt: skip
    vak = slide.shapes.add_textbox(x, y, b, h)
    tf = vak.text_frame
    tf.word_wrap = True
    for i, regel in enumerate(tekst.split("\n")):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        run = p.add_run()
        run.text = regel
        run.font.size = Pt(grootte)
        run.font.bold = vet
        run.font.color.rgb = kleur
        run.font.name = "Arial"
    return vak


def _titeldia(slide: Any, titel: str, ondertitel: str) -> None:
    balk = slide.shapes.add_shape(1, 0, 0, BREEDTE, Inches(0.35))
    balk.fill.solid()
    balk.fill.fore_color.rgb = LINTBLAUW
    balk.line.fill.background()
    _tekstvak(slide, MARGE, Inches(2.4), BREEDTE - 2 * MARGE, Inches(1.6), titel, 40, vet=True)
    _tekstvak(
        slide, MARGE, Inches(4.1), BREEDTE - 2 * MARGE, Inches(1.4), ondertitel, 20, kleur=GRIJS
    )


def _kop(slide: Any, titel: str, ondertitel: str) -> int:
    """Title and subtitle, the title's size and height fitted to its length; returns where the
    content may start."""
    grootte = 28 if len(titel) <= 60 else 24 if len(titel) <= 110 else 20
    # about 0.62 em per character in bold type (Arial, or the wider DejaVu where Arial is missing)
    per_regel = int((BREEDTE - 2 * MARGE) / Pt(grootte * 0.62))
    regels = max(1, -(-len(titel) // per_regel))
    hoogte = int(Pt(grootte * 1.25 * regels) + Inches(0.15))
    boven = int(Inches(0.3))
    _tekstvak(slide, MARGE, boven, BREEDTE - 2 * MARGE, hoogte, titel, grootte, vet=True)
    y = boven + hoogte
    if ondertitel:
        _tekstvak(slide, MARGE, y, BREEDTE - 2 * MARGE, Inches(0.45), ondertitel, 14, kleur=GRIJS)
        y += int(Inches(0.55))
    return y + int(Inches(0.1))


def _voet(slide: Any, tekst: str) -> None:
    if tekst:
        _tekstvak(
            slide,
            MARGE,
            HOOGTE - Inches(0.75),
            BREEDTE - 2 * MARGE,
            Inches(0.6),
            tekst,
            10,
            kleur=GRIJS,
        )


def _punten(slide: Any, punten: Sequence[str], vak: tuple[int, int, int, int]) -> None:
    x, y, b, h = vak
    tf = slide.shapes.add_textbox(x, y, b, h).text_frame
    tf.word_wrap = True
    for i, punt in enumerate(punten):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        run = p.add_run()
        run.text = f"• {punt}"
        run.font.size = Pt(20)
        run.font.name = "Arial"
        p.space_after = Pt(10)


def _tabel(slide: Any, frame: pl.DataFrame, vak: tuple[int, int, int, int], taal: str) -> None:
    x, y, b, h = vak
    tekst = fmt.tabel_tekst(frame, taal).head(14)
    rijen, kolommen = tekst.height + 1, tekst.width
    vorm = slide.shapes.add_table(rijen, kolommen, x, y, b, min(h, Inches(0.4) * rijen))
    for j, kolom in enumerate(tekst.columns):
        cel = vorm.table.cell(0, j)
        cel.text = kolom
        _celletter(cel, 12, vet=True)
        for i, waarde in enumerate(tekst[kolom].to_list(), start=1):
            c = vorm.table.cell(i, j)
            c.text = waarde
            _celletter(c, 12)
            if j > 0:
                c.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def _celletter(cel: Any, grootte: int, vet: bool = False) -> None:
    for p in cel.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(grootte)
            r.font.bold = vet
            r.font.name = "Arial"


# -- charts --------------------------------------------------------------------------------------


def grafiek(
    slide: Any,
    fig: go.Figure,
    vak: tuple[int, int, int, int],
    *,
    taal: str = "nl",
    als_afbeelding: str = "",
) -> str:
    """Draw the figure natively when possible; returns a note for the slide notes ('' if native)."""
    sporen = [
        s for s in fig.data if s.visible is not False and getattr(s, "meta", None) != ALLEEN_SCHERM
    ]
    soorten = {s.type for s in sporen}
    # one native chart has one pair of axes: panels (subplots) become an image
    een_paneel = all((s.xaxis or "x") == "x" and (s.yaxis or "y") == "y" for s in sporen)
    if sporen and soorten <= {"bar", "scatter"} and een_paneel and not als_afbeelding:
        teken: Callable[[], None] | None = None
        if all(s.type == "scatter" and _numeriek(s.x) and _numeriek(s.y) for s in sporen):
            teken = functools.partial(_xy, slide, fig, sporen, vak)
        elif _categorisch(sporen):
            teken = functools.partial(_categorie, slide, fig, sporen, vak, taal)
        if teken is not None:
            vormen = len(slide.shapes)
            try:
                teken()
                return ""
            except Exception:
                # never a slide that fails without a word: log it, take away what was half
                # drawn, and put the chart in as a picture with a note that says why
                _log.exception("native PowerPoint chart failed: %s", fig.layout.title.text)
                for vorm in list(slide.shapes)[vormen:]:
                    vorm._element.getparent().remove(vorm._element)
                als_afbeelding = t(
                    "Deze grafiek kon niet als bewerkbare PowerPoint-grafiek worden gemaakt; hij "
                    "staat hier als afbeelding.",
                    taal,
                )
    notitie = _als_afbeelding(slide, fig, vak)
    return f"{als_afbeelding} {notitie}".strip() if als_afbeelding else notitie


def _categorisch(sporen: list[Any]) -> bool:
    """True when every trace is a series over one category axis that a native chart can hold:
    vertical bars and lines over months or names, or horizontal bars; no error bars, no loose
    markers (a dot plot or a ranking with intervals becomes an image instead)."""
    if any(_foutbalk(s) for s in sporen):
        return False
    if any(s.type == "bar" and s.orientation == "h" for s in sporen):
        return all(s.type == "bar" and s.orientation == "h" and _numeriek(s.x) for s in sporen)
    for s in sporen:
        if not _numeriek(s.y) or _numeriek(s.x):
            return False
        if s.type == "scatter" and "lines" not in (s.mode or ""):
            return False
    return True


def _foutbalk(spoor: Any) -> bool:
    for naam in ("error_x", "error_y"):
        fout = getattr(spoor, naam, None)
        if (
            fout is not None
            and fout.visible is not False
            and (fout.array is not None or fout.value)
        ):
            return True
    return False


def _numeriek(waarden: Any) -> bool:
    if waarden is None:
        return False
    lijst = list(waarden)
    return bool(lijst) and all(
        v is None or (isinstance(v, int | float) and not isinstance(v, bool)) for v in lijst
    )


def _label(v: Any, taal: str) -> str:
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, dt.date):
        return fmt.maand(v, taal) if v.day == 1 else fmt.datum(v, taal)
    if isinstance(v, str) and len(v) >= 10 and v[4] == "-" and v[7] == "-":
        try:
            d = dt.date.fromisoformat(v[:10])
            return fmt.maand(d, taal) if d.day == 1 else fmt.datum(d, taal)
        except ValueError:
            return v
    return str(v)


def _getal(v: Any) -> float | None:
    if v is None or isinstance(v, str):
        return None
    x = float(v)
    return None if math.isnan(x) or math.isinf(x) else x


def _getalnotatie(fig: go.Figure, as_: str = "y") -> str:
    as_obj = fig.layout.yaxis if as_ == "y" else fig.layout.xaxis
    suffix = as_obj.ticksuffix or ""
    decimalen = 2 if "frequentie" in (fig.layout.title.text or "").lower() else 1
    basis = "0." + "0" * decimalen
    return f'{basis}"{suffix}"' if suffix else basis


def _categorie(
    slide: Any, fig: go.Figure, sporen: list[Any], vak: tuple[int, int, int, int], taal: str
) -> None:
    liggend = all(s.type == "bar" and s.orientation == "h" for s in sporen)
    as_cat, as_val = ("y", "x") if liggend else ("x", "y")
    volgorde: list[Any] = []
    for s in sporen:
        for c in getattr(s, as_cat) or ():
            if c not in volgorde:
                volgorde.append(c)
    if not liggend and volgorde and all(_is_datum(c) for c in volgorde):
        # dates as text or as date objects sort the same way by their ISO form
        volgorde = sorted(volgorde, key=lambda c: str(c))
    data = CategoryChartData(number_format=_getalnotatie(fig, as_val))
    data.categories = [_label(c, taal) for c in volgorde]
    for s in sporen:
        waarden = dict(zip(_lijst(getattr(s, as_cat)), _lijst(getattr(s, as_val)), strict=False))
        reeks = [_getal(waarden.get(c)) for c in volgorde]
        if s.type == "scatter" and s.line is not None and s.line.shape == "hv":
            reeks = _trap(reeks, volgorde, waarden)
        data.add_series(s.name or "", reeks)
    alle_staven = all(s.type == "bar" for s in sporen)
    # monthly bars with lines over them (the trend): bars stay bars, lines stay lines
    gemengd = not alle_staven and any(s.type == "bar" for s in sporen)
    gestapeld = fig.layout.barmode in ("stack", "relative")
    if alle_staven or gemengd:
        if liggend:
            soort = XL_CHART_TYPE.BAR_STACKED if gestapeld else XL_CHART_TYPE.BAR_CLUSTERED
        else:
            soort = XL_CHART_TYPE.COLUMN_STACKED if gestapeld else XL_CHART_TYPE.COLUMN_CLUSTERED
    else:
        soort = XL_CHART_TYPE.LINE
    x, y, b, h = vak
    chart = slide.shapes.add_chart(soort, x, y, b, h, data).chart
    if gemengd:
        _lijnen_apart(chart, [s.type != "bar" for s in sporen])
        staafreeksen = [reeks for _, reeks in _staven_van(chart, sporen) if reeks is not None]
        if staafreeksen and _los_van_elkaar(sporen, as_cat):
            # bar series on different months (the hatched first month): full width, no gaps
            chart.plots[0].overlap = 100
        chart.plots[0].gap_width = 40
    _legenda(chart, len(sporen))
    va = chart.value_axis
    va.tick_labels.number_format = _getalnotatie(fig, as_val)
    va.tick_labels.number_format_is_linked = False
    va.has_major_gridlines = True
    va.major_gridlines.format.line.color.rgb = RGBColor(0xE6, 0xE6, 0xE6)
    va.tick_labels.font.size = Pt(12)
    ca = chart.category_axis
    ca.tick_labels.font.size = Pt(12)
    if liggend:
        ca.reverse_order = True  # the first bar on top, as on the screen
    if len(volgorde) > 24:
        _sla_labels_over(ca, 12 if len(volgorde) > 48 else 6)
    for s, reeks in _staven_van(chart, sporen):
        kleur = _kleur(s)
        if s.type == "bar":
            patroon = s.marker.pattern.shape if s.marker and s.marker.pattern else None
            if patroon:
                # a hatched bar (an incomplete month) stays hatched
                reeks.format.fill.patterned()
                reeks.format.fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
                reeks.format.fill.fore_color.rgb = _rgb(s.marker.pattern.fgcolor) or GRIJS
                reeks.format.fill.back_color.rgb = kleur
            else:
                reeks.format.fill.solid()
                reeks.format.fill.fore_color.rgb = kleur
        else:
            lijn = reeks.format.line
            lijn.color.rgb = kleur
            breedte = s.line.width if s.type == "scatter" and s.line and s.line.width else 2.0
            lijn.width = Pt(breedte if s.type == "scatter" else 1.25)
            streep = (s.line.dash if s.type == "scatter" and s.line else None) or "solid"
            if streep != "solid":
                lijn.dash_style = (
                    MSO_LINE_DASH_STYLE.DASH
                    if streep in ("dash", "longdash")
                    else MSO_LINE_DASH_STYLE.ROUND_DOT
                )
            reeks.smooth = False
            reeks.marker.style = (
                XL_MARKER_STYLE.NONE
                if s.type == "scatter" and "markers" not in (s.mode or "")
                else XL_MARKER_STYLE.CIRCLE
            )


def _staven_van(chart: Any, sporen: list[Any]) -> list[tuple[Any, Any]]:
    """Each trace with its chart series: one plot, or bars in the first and lines in the second
    (a combined chart keeps the traces' order within each)."""
    if len(chart.plots) == 1:
        return list(zip(sporen, chart.plots[0].series, strict=True))
    staven = iter(chart.plots[0].series)
    lijnen = iter(chart.plots[1].series)
    return [(s, next(staven) if s.type == "bar" else next(lijnen)) for s in sporen]


def _los_van_elkaar(sporen: list[Any], as_cat: str) -> bool:
    """True when no two bar traces have a value on the same category."""
    gezien: set[Any] = set()
    for s in sporen:
        if s.type != "bar":
            continue
        eigen = {str(c) for c in _lijst(getattr(s, as_cat))}
        if gezien & eigen:
            return False
        gezien |= eigen
    return True


def _lijnen_apart(chart: Any, lijn: list[bool]) -> None:
    """Move the series marked `lijn` out of the column chart into a line chart on the same axes
    (PowerPoint's combined chart: python-pptx draws one chart type, the XML holds several)."""
    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    staaf = plot_area.find(qn("c:barChart"))
    reeksen = staaf.findall(qn("c:ser"))
    lijnchart = etree.SubElement(plot_area, qn("c:lineChart"))
    staaf.addnext(lijnchart)
    etree.SubElement(lijnchart, qn("c:grouping")).set("val", "standard")
    etree.SubElement(lijnchart, qn("c:varyColors")).set("val", "0")
    for ser, is_lijn in zip(reeksen, lijn, strict=True):
        if not is_lijn:
            continue
        staaf.remove(ser)
        for naam in ("c:invertIfNegative", "c:pictureOptions", "c:shape"):
            for el in ser.findall(qn(naam)):
                ser.remove(el)
        marker = etree.Element(qn("c:marker"))
        etree.SubElement(marker, qn("c:symbol")).set("val", "none")
        # a line series: marker after spPr (or tx), smooth last
        na = ser.find(qn("c:spPr"))
        (na if na is not None else ser.find(qn("c:tx"))).addnext(marker)
        etree.SubElement(ser, qn("c:smooth")).set("val", "0")
        lijnchart.append(ser)
    etree.SubElement(lijnchart, qn("c:marker")).set("val", "1")
    for as_id in staaf.findall(qn("c:axId")):
        etree.SubElement(lijnchart, qn("c:axId")).set("val", as_id.get("val"))


def _rgb(kleur: Any) -> RGBColor | None:
    if isinstance(kleur, str) and kleur.startswith("#") and len(kleur) == 7:
        return RGBColor.from_string(kleur[1:].upper())
    return None


def _trap(
    reeks: list[float | None], volgorde: list[Any], waarden: dict[Any, Any]
) -> list[float | None]:
    """A step line (a quarter's value over its months) on a category axis: carry each value
    forward to the next point, within the trace's own range."""
    posities = [i for i, c in enumerate(volgorde) if c in waarden]
    if not posities:
        return reeks
    uit = list(reeks)
    laatste: float | None = None
    for i in range(posities[0], posities[-1] + 1):
        if uit[i] is not None:
            laatste = uit[i]
        else:
            uit[i] = laatste
    return uit


def _is_datum(c: Any) -> bool:
    return isinstance(c, dt.date) or (
        isinstance(c, str) and len(c) >= 10 and c[4] == "-" and c[7] == "-"
    )


def _lijst(waarden: Any) -> list[Any]:
    """A trace's x or y as a list: plotly keeps numpy arrays as given, and an array has no truth
    value (`arr or ()` raises), so test for None."""
    return [] if waarden is None else list(waarden)


def _xy(slide: Any, fig: go.Figure, sporen: list[Any], vak: tuple[int, int, int, int]) -> None:
    data = XyChartData()
    for s in sporen:
        reeks = data.add_series(s.name or "")
        for xv, yv in zip(_lijst(s.x), _lijst(s.y), strict=False):
            xg, yg = _getal(xv), _getal(yv)
            if xg is not None and yg is not None:
                reeks.add_data_point(xg, yg)
    x, y, b, h = vak
    chart = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, x, y, b, h, data).chart
    _legenda(chart, len(sporen))
    for as_, naam in ((chart.value_axis, "y"), (chart.category_axis, "x")):
        as_.tick_labels.number_format = _getalnotatie(fig, naam)
        as_.tick_labels.number_format_is_linked = False
        as_.tick_labels.font.size = Pt(12)
        titel = (fig.layout.yaxis if naam == "y" else fig.layout.xaxis).title.text
        if titel:
            as_.has_title = True
            as_.axis_title.text_frame.text = titel
            as_.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    for reeks, s in zip(chart.plots[0].series, sporen, strict=True):
        kleur = _kleur(s)
        if "lines" in (s.mode or ""):
            reeks.format.line.color.rgb = kleur
            reeks.format.line.width = Pt(1.5)
            if s.line and s.line.dash and s.line.dash != "solid":
                reeks.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            reeks.marker.style = XL_MARKER_STYLE.NONE
        else:
            reeks.format.line.fill.background()
            reeks.marker.style = XL_MARKER_STYLE.CIRCLE
            reeks.marker.size = 9
            reeks.marker.format.fill.solid()
            reeks.marker.format.fill.fore_color.rgb = kleur
        reeks.smooth = False
        _puntlabels(reeks, s)


def _puntlabels(reeks: Any, spoor: Any) -> None:
    """Point labels (unit names) of a scatter trace as the chart's data labels."""
    teksten = spoor.text
    if "text" not in (spoor.mode or "") or teksten is None or isinstance(teksten, str):
        return
    punten = [
        t for t, xv, yv in zip(list(teksten), _lijst(spoor.x), _lijst(spoor.y), strict=False)
        if _getal(xv) is not None and _getal(yv) is not None
    ]  # fmt: skip
    for i, tekst in enumerate(punten):
        if tekst:
            label = reeks.points[i].data_label
            label.has_text_frame = True
            label.text_frame.text = str(tekst).replace("<br>", " ")
            label.text_frame.paragraphs[0].runs[0].font.size = Pt(10)


def _legenda(chart: Any, aantal: int) -> None:
    chart.has_title = False
    chart.has_legend = aantal > 1
    if aantal > 1:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(12)


def _kleur(spoor: Any) -> RGBColor:
    kandidaten = []
    if spoor.type == "scatter" and spoor.line is not None:
        kandidaten.append(spoor.line.color)
    if spoor.marker is not None:
        kandidaten.append(spoor.marker.color)
    for k in kandidaten:
        kleur = _rgb(k)
        if kleur is not None:
            return kleur
    return LINTBLAUW


def _sla_labels_over(as_: Any, stap: int) -> None:
    """Show every `stap`-th category label (long monthly axes stay readable)."""
    cat_ax = as_._element
    for tag in ("c:tickLblSkip", "c:tickMarkSkip"):
        for oud in cat_ax.findall(qn(tag)):
            cat_ax.remove(oud)
    lbl = etree.Element(qn("c:tickLblSkip"), val=str(stap))
    mark = etree.Element(qn("c:tickMarkSkip"), val=str(stap))
    # the schema fixes the order: ... lblOffset, tickLblSkip, tickMarkSkip, noMultiLvlLbl
    anker = cat_ax.find(qn("c:lblOffset"))
    if anker is None:
        anker = cat_ax.find(qn("c:lblAlgn"))
    if anker is not None:
        anker.addnext(lbl)
    else:
        volgende = cat_ax.find(qn("c:noMultiLvlLbl"))
        if volgende is not None:
            volgende.addprevious(lbl)
        else:
            cat_ax.append(lbl)
    lbl.addnext(mark)


def _als_afbeelding(slide: Any, fig: go.Figure, vak: tuple[int, int, int, int]) -> str:
    from dashboard.exports.afbeelding import afbeelding, beschikbaar

    x, y, b, h = vak
    ok, reden = beschikbaar()
    if ok:
        # the slide has its own title, subtitle and footnote: render the plot area only
        kaal = go.Figure(fig)
        kaal.update_layout(title=None, margin={"t": 40, "b": 60})
        kaal.layout.annotations = [
            a for a in kaal.layout.annotations if a.yref != "paper" or a.y != 0
        ]
        png = afbeelding(kaal, "png", breedte=1600, hoogte=int(1600 * h / b))
        slide.shapes.add_picture(io.BytesIO(png), x, y, b, h)
        return (
            "Deze grafiek kan PowerPoint niet als eigen, bewerkbare grafiek tekenen (bijvoorbeeld "
            "een heatmap of een grafiek met panelen); hij staat hier als afbeelding van 1600 "
            "pixels breed, op de server gemaakt. De cijfers staan in de Excel-export."
        )
    vorm = slide.shapes.add_textbox(x, y, b, Emu(int(h / 4)))
    vorm.text_frame.text = f"Grafiek niet beschikbaar als afbeelding: {reden}"
    return f"Afbeelding niet gemaakt: {reden}"
