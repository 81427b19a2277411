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
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
import polars as pl
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
)
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


def _regelhoogte(tekst: str, grootte: int, breedte: int) -> int:
    """The estimated height of bold text wrapped in a box `breedte` wide: about 0.62 em per
    character (Arial, or the wider DejaVu where Arial is missing) and 1.25 em per line."""
    per_regel = max(1, int(breedte / Pt(grootte * 0.62)))
    regels = sum(max(1, -(-len(regel) // per_regel)) for regel in tekst.split("\n"))
    return int(Pt(grootte * 1.25 * regels))


def _titeldia(slide: Any, titel: str, ondertitel: str) -> None:
    balk = slide.shapes.add_shape(1, 0, 0, BREEDTE, Inches(0.35))
    balk.fill.solid()
    balk.fill.fore_color.rgb = LINTBLAUW
    balk.line.fill.background()
    breedte = BREEDTE - 2 * MARGE
    # a long title wraps: smaller type, and the subtitle goes below the title's estimated height
    # instead of at a fixed place, so the two never print over each other
    grootte = 40 if len(titel) <= 70 else 32 if len(titel) <= 140 else 24
    hoogte = _regelhoogte(titel, grootte, breedte) + int(Inches(0.15))
    sub = _regelhoogte(ondertitel, 20, breedte) + int(Inches(0.15)) if ondertitel else 0
    boven = max(int(Inches(0.6)), min(int(Inches(2.4)), int(HOOGTE - hoogte - sub) // 2))
    _tekstvak(slide, MARGE, boven, breedte, hoogte, titel, grootte, vet=True)
    if ondertitel:
        _tekstvak(slide, MARGE, boven + hoogte, breedte, sub, ondertitel, 20, kleur=GRIJS)


def _kop(slide: Any, titel: str, ondertitel: str) -> int:
    """Title and subtitle, the title's size and height fitted to its length; returns where the
    content may start."""
    grootte = 28 if len(titel) <= 60 else 24 if len(titel) <= 110 else 20
    hoogte = _regelhoogte(titel, grootte, BREEDTE - 2 * MARGE) + int(Inches(0.15))
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


def _rol(spoor: Any, liggend: bool) -> str:
    """What a trace is in a native category chart: 'legenda' (a legend entry only, x and y
    None), 'tekst' (labels: the total right of stacked bars, a value after an interval, '< 10' at
    a suppressed unit) or 'data' (a series)."""
    if spoor.type != "scatter":
        return "data"
    if not any(v is not None for v in _lijst(spoor.x) + _lijst(spoor.y)):
        return "legenda"
    modus = spoor.mode or ""
    if "text" in modus and "lines" not in modus and ("markers" not in modus or liggend):
        return "tekst"
    return "data"


def _categorisch(sporen: list[Any]) -> bool:
    """True when every trace is a series over one category axis that a native chart can hold:
    vertical bars and lines over months or names, or horizontal bars (bars with their error bars),
    plus label traces; no loose markers and no error bars on markers (a dot plot or a forest plot
    becomes an image instead)."""
    liggend = any(s.type == "bar" and s.orientation == "h" for s in sporen)
    data = [s for s in sporen if _rol(s, liggend) == "data"]
    if not data or any(_foutbalk(s) for s in data if s.type != "bar"):
        return False
    if liggend:
        return all(s.type == "bar" and s.orientation == "h" and _numeriek(s.x) for s in data)
    for s in data:
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
    slide: Any, fig: go.Figure, alle: list[Any], vak: tuple[int, int, int, int], taal: str
) -> None:
    liggend = any(s.type == "bar" and s.orientation == "h" for s in alle)
    sporen = [s for s in alle if _rol(s, liggend) == "data"]
    teksten = [s for s in alle if _rol(s, liggend) == "tekst"]
    as_cat, as_val = ("y", "x") if liggend else ("x", "y")
    volgorde: list[Any] = []
    for s in sporen + teksten:
        for c in getattr(s, as_cat) or ():
            if c not in volgorde:
                volgorde.append(c)
    if not liggend and volgorde and all(_is_datum(c) for c in volgorde):
        # dates as text or as date objects sort the same way by their ISO form
        volgorde = sorted(volgorde, key=lambda c: str(c))
    gestapeld = fig.layout.barmode in ("stack", "relative")
    alle_staven = all(s.type == "bar" for s in sporen)
    band = None if any(s.type == "bar" for s in sporen) else _band(fig, volgorde)
    data = CategoryChartData(number_format=_getalnotatie(fig, as_val))
    data.categories = _categorielabels(fig, as_cat, volgorde, taal)
    if band is not None:
        data.add_series(band[0], band[1])
    for s in sporen:
        waarden = dict(zip(_lijst(getattr(s, as_cat)), _lijst(getattr(s, as_val)), strict=False))
        reeks = [_getal(waarden.get(c)) for c in volgorde]
        if s.type == "scatter" and s.line is not None and s.line.shape == "hv":
            reeks = _trap(reeks, volgorde, waarden)
        data.add_series(s.name or "", reeks)
    labelreeks = bool(teksten) and alle_staven and gestapeld
    if labelreeks:
        # labels after the stack (a total, 'n = ...'): a series of zeros on top of the stack with
        # the texts as its data labels at its base, so they move with the bars when edited
        data.add_series(" ", [0.0 if _tekst_bij(teksten, as_cat, c) else None for c in volgorde])
    # monthly bars with lines over them (the trend): bars stay bars, lines stay lines
    gemengd = not alle_staven and any(s.type == "bar" for s in sporen)
    if alle_staven or gemengd or band is not None:
        if liggend:
            soort = XL_CHART_TYPE.BAR_STACKED if gestapeld else XL_CHART_TYPE.BAR_CLUSTERED
        else:
            soort = XL_CHART_TYPE.COLUMN_STACKED if gestapeld else XL_CHART_TYPE.COLUMN_CLUSTERED
    else:
        soort = XL_CHART_TYPE.LINE
    x, y, b, h = vak
    chart = slide.shapes.add_chart(soort, x, y, b, h, data).chart
    if band is not None:
        _lijnen_apart(chart, [False] + [True] * len(sporen))
        _band_opmaak(chart, band[2])
    if gemengd:
        _lijnen_apart(chart, [s.type != "bar" for s in sporen])
        staafreeksen = [reeks for _, reeks in _staven_van(chart, sporen) if reeks is not None]
        if staafreeksen and _los_van_elkaar(sporen, as_cat):
            # bar series on different months (the hatched first month): full width, no gaps
            chart.plots[0].overlap = 100
        chart.plots[0].gap_width = 40
    elif alle_staven and not gestapeld and len(sporen) > 1 and _los_van_elkaar(sporen, as_cat):
        # a ranking coloured by class: one series per class, each unit in one of them; overlap
        # keeps every bar full width in its own row, as plotly's barmode 'overlay' does
        chart.plots[0].overlap = 100
    if labelreeks:
        _labelreeks(chart, teksten, as_cat, volgorde)
    elif teksten:
        _labels_op_punten(chart, sporen, teksten, as_cat, volgorde)
    in_legenda = [s for s in alle if s.showlegend is not False and _rol(s, liggend) == "data"]
    _legenda(chart, len(in_legenda) + (band is not None))
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
    paren = (
        list(zip(sporen, chart.plots[1].series, strict=True))
        if band is not None
        else _staven_van(chart, sporen)
    )
    if liggend:
        _staande_lijnen(slide, fig, chart, alle, vak)
    for s, reeks in paren:
        kleur = _kleur(s)
        if s.type == "bar":
            _foutbalken(reeks, s, as_cat, "error_x" if liggend else "error_y", volgorde)
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


def _categorielabels(fig: go.Figure, as_cat: str, volgorde: list[Any], taal: str) -> list[str]:
    """The category labels as on the screen: the axis' tick texts when it names every category
    (a ranking by unit code shows the unit names), else the categories themselves."""
    as_obj = fig.layout.yaxis if as_cat == "y" else fig.layout.xaxis
    waarden, teksten = _lijst(as_obj.tickvals), _lijst(as_obj.ticktext)
    if waarden and len(waarden) == len(teksten):
        namen = {str(w): str(tk) for w, tk in zip(waarden, teksten, strict=True)}
        if all(str(c) in namen for c in volgorde):
            return [namen[str(c)] for c in volgorde]
    return [_label(c, taal) for c in volgorde]


def _tekst_bij(teksten: list[Any], as_cat: str, categorie: Any) -> str:
    """The label text the label traces give a category ('' if none)."""
    for s in teksten:
        tekst = s.text
        if tekst is None:
            continue
        lijst = [tekst] * len(_lijst(getattr(s, as_cat))) if isinstance(tekst, str) else list(tekst)
        for c, tk in zip(_lijst(getattr(s, as_cat)), lijst, strict=False):
            if c == categorie and tk:
                return str(tk).replace("<br>", " ").strip()
    return ""


def _punt_label(punt: Any, tekst: str, positie: XL_LABEL_POSITION) -> None:
    label = punt.data_label
    label.has_text_frame = True
    label.text_frame.text = tekst
    label.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    label.position = positie


def _labelreeks(chart: Any, teksten: list[Any], as_cat: str, volgorde: list[Any]) -> None:
    reeks = list(chart.plots[0].series)[-1]
    reeks.format.fill.background()
    reeks.format.line.fill.background()
    for i, c in enumerate(volgorde):
        tekst = _tekst_bij(teksten, as_cat, c)
        if tekst:
            _punt_label(reeks.points[i], tekst, XL_LABEL_POSITION.INSIDE_BASE)
    _zonder_legenda(chart, len(list(chart.plots[0].series)) - 1)


def _labels_op_punten(
    chart: Any, sporen: list[Any], teksten: list[Any], as_cat: str, volgorde: list[Any]
) -> None:
    """Label texts on the bar of the series that holds the category (a ranking's values after
    their intervals), or on the line's point."""
    for s, reeks in _staven_van(chart, sporen):
        eigen = {str(c) for c in _lijst(getattr(s, as_cat))}
        boven = XL_LABEL_POSITION.OUTSIDE_END if s.type == "bar" else XL_LABEL_POSITION.ABOVE
        for i, c in enumerate(volgorde):
            tekst = _tekst_bij(teksten, as_cat, c) if str(c) in eigen else ""
            if tekst:
                _punt_label(reeks.points[i], tekst, boven)
                eigen.discard(str(c))


def _zonder_legenda(chart: Any, idx: int) -> None:
    """Take series `idx` out of the legend (a helper series: labels, a reference line)."""
    if not chart.has_legend:
        return
    legenda = chart.legend._element
    regel = etree.Element(qn("c:legendEntry"))
    etree.SubElement(regel, qn("c:idx")).set("val", str(idx))
    etree.SubElement(regel, qn("c:delete")).set("val", "1")
    # the schema fixes the order: legendPos, legendEntry*, layout, overlay, ...
    positie = legenda.find(qn("c:legendPos"))
    if positie is not None:
        positie.addnext(regel)
    else:
        legenda.insert(0, regel)


def _foutbalken(reeks: Any, spoor: Any, as_cat: str, naam: str, volgorde: list[Any]) -> None:
    """A bar trace's error bars (a ranking's 95% intervals) as the series' own error bars: python-
    pptx has no API for them, the chart XML has (c:errBars with custom plus and minus values)."""
    fout = getattr(spoor, naam, None)
    if fout is None or fout.visible is False:
        return
    cats = _lijst(getattr(spoor, as_cat))
    n = len(cats)
    if fout.array is not None:
        plus = _lijst(fout.array)
        minus = (
            _lijst(fout.arrayminus)
            if fout.arrayminus is not None and fout.symmetric is not True
            else plus
        )
    elif fout.value:
        plus = [fout.value] * n
        minus = [
            fout.valueminus
            if fout.valueminus is not None and fout.symmetric is False
            else fout.value
        ] * n
    else:
        return
    if fout.type == "percent":
        waarden = _lijst(getattr(spoor, "x" if as_cat == "y" else "y"))
        plus = [
            (_getal(p) or 0) * (_getal(w) or 0) / 100 for p, w in zip(plus, waarden, strict=False)
        ]
        minus = [
            (_getal(m) or 0) * (_getal(w) or 0) / 100 for m, w in zip(minus, waarden, strict=False)
        ]
    per_cat_plus = {str(c): _getal(v) or 0.0 for c, v in zip(cats, plus, strict=False)}
    per_cat_min = {str(c): _getal(v) or 0.0 for c, v in zip(cats, minus, strict=False)}
    balken = etree.Element(qn("c:errBars"))
    etree.SubElement(balken, qn("c:errBarType")).set("val", "both")
    etree.SubElement(balken, qn("c:errValType")).set("val", "cust")
    etree.SubElement(balken, qn("c:noEndCap")).set("val", "0")
    for tag, per_cat in (("c:plus", per_cat_plus), ("c:minus", per_cat_min)):
        lit = etree.SubElement(etree.SubElement(balken, qn(tag)), qn("c:numLit"))
        etree.SubElement(lit, qn("c:formatCode")).text = "General"
        etree.SubElement(lit, qn("c:ptCount")).set("val", str(len(volgorde)))
        for i, c in enumerate(volgorde):
            pt = etree.SubElement(lit, qn("c:pt"))
            pt.set("idx", str(i))
            etree.SubElement(pt, qn("c:v")).text = repr(per_cat.get(str(c), 0.0))
    kleur = _rgb(fout.color) or RGBColor(0x53, 0x53, 0x53)
    dikte = int(Pt(fout.thickness or 1.5))
    balken.append(
        etree.fromstring(
            f'<c:spPr xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:ln w="{dikte}">'
            f'<a:solidFill><a:srgbClr val="{kleur}"/></a:solidFill></a:ln></c:spPr>'
        )
    )
    # the schema fixes the order: ... dLbls, trendline, errBars, cat, val, ...
    ser = reeks._element
    ser.find(qn("c:cat")).addprevious(balken)


def _staande_lijnen(
    slide: Any, fig: go.Figure, chart: Any, alle: list[Any], vak: tuple[int, int, int, int]
) -> None:
    """Vertical reference lines over horizontal bars (the reference unit's value) as connectors
    over the plot area. A bar chart has no second kind of series that could draw them, so the
    plot area gets a fixed place and the value axis the figure's range, and a line is put where
    its value falls; its name stays in the legend through the legend-only trace's series."""
    vormen = [
        v
        for v in fig.layout.shapes
        if v.type == "line" and v.xref == "x" and v.x0 == v.x1 and v.yref in ("y domain", "paper")
    ]
    bereik = _lijst(fig.layout.xaxis.range)
    if not vormen or len(bereik) != 2 or any(_getal(v) is None for v in bereik):
        return
    laag, hoog = float(bereik[0]), float(bereik[1])
    va = chart.value_axis
    va.minimum_scale, va.maximum_scale = laag, hoog
    links, boven, breed, hoogte = 0.3, 0.03, 0.66, 0.8
    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    oud = plot_area.find(qn("c:layout"))
    if oud is not None:
        plot_area.remove(oud)
    plot_area.insert(
        0,
        etree.fromstring(
            '<c:layout xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            '<c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/>'
            f'<c:yMode val="edge"/><c:x val="{links}"/><c:y val="{boven}"/><c:w val="{breed}"/>'
            f'<c:h val="{hoogte}"/></c:manualLayout></c:layout>'
        ),
    )
    x, y, b, h = vak
    for vorm in vormen:
        waarde = _getal(vorm.x0)
        if waarde is None or not laag <= waarde <= hoog:
            continue
        px = int(x + b * (links + breed * (waarde - laag) / ((hoog - laag) or 1.0)))
        lijn = slide.shapes.add_connector(
            1, px, int(y + h * boven), px, int(y + h * (boven + hoogte))
        )
        lijn.line.color.rgb = _rgb(vorm.line.color) or GRIJS
        lijn.line.width = Pt(vorm.line.width or 1.5)
        if vorm.line.dash and vorm.line.dash != "solid":
            lijn.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        namen = [
            sp.name
            for sp in alle
            if _rol(sp, True) == "legenda" and sp.name and sp.line.color == vorm.line.color
        ]
        if namen:
            # the line's name (the legend entry on the screen) next to its top
            _tekstvak(slide, px + int(Pt(4)), int(y), int(b * 0.3), int(Pt(18)), namen[0], 11,
                      kleur=_rgb(vorm.line.color) or GRIJS)  # fmt: skip


def _band(fig: go.Figure, volgorde: list[Any]) -> tuple[str, list[float | None], str] | None:
    """A shaded period over the full height (a vrect: the pilot) as a series: 1 on the months
    from x0 up to x1, its name the label the chart puts in it, and its colour with opacity."""
    for vorm in fig.layout.shapes:
        vol = vorm.yref in ("paper", "y domain") and vorm.y0 == 0 and vorm.y1 == 1
        if vorm.type != "rect" or vorm.xref != "x" or not vorm.fillcolor or not vol:
            continue
        van, tot = str(vorm.x0)[:10], str(vorm.x1)[:10]
        waarden: list[float | None] = [1.0 if van <= str(c)[:10] < tot else None for c in volgorde]
        if not any(waarden):
            continue
        naam = ""
        for a in fig.layout.annotations:
            if a.xref == "x" and a.yref == "paper" and van <= str(a.x)[:10] < tot and a.text:
                naam = re.sub(r"<[^>]+>", "", a.text)
                break
        return naam, waarden, vorm.fillcolor
    return None


def _band_opmaak(chart: Any, kleur: str) -> None:
    """The band as columns without gaps on hidden axes of their own, 0 to 1: it stays full height
    and on its months when the user edits the data, resizes the chart or changes the value axis;
    a rectangle drawn over the plot area would not (which is why it is a series)."""
    reeks = chart.plots[0].series[0]
    rgb, alpha = _rgba(kleur)
    reeks.format.fill.solid()
    reeks.format.fill.fore_color.rgb = rgb
    srgb = reeks._element.find(qn("c:spPr")).find(".//" + qn("a:srgbClr"))
    etree.SubElement(srgb, qn("a:alpha")).set("val", str(round(alpha * 100000)))
    reeks.format.line.fill.background()
    chart.plots[0].gap_width = 0
    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    staaf = plot_area.find(qn("c:barChart"))
    cat_id, val_id = "90001", "90002"
    for oud in staaf.findall(qn("c:axId")):
        staaf.remove(oud)
    for as_id in (cat_id, val_id):
        etree.SubElement(staaf, qn("c:axId")).set("val", as_id)
    ns = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
    cat_ax = etree.fromstring(
        f'<c:catAx {ns}><c:axId val="{cat_id}"/><c:scaling><c:orientation val="minMax"/>'
        f'</c:scaling><c:delete val="1"/><c:axPos val="b"/><c:majorTickMark val="none"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="none"/><c:crossAx val="{val_id}"/>'
        f'<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        f'<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
    )
    val_ax = etree.fromstring(
        f'<c:valAx {ns}><c:axId val="{val_id}"/><c:scaling><c:orientation val="minMax"/>'
        f'<c:max val="1"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="r"/>'
        f'<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="none"/>'
        f'<c:spPr><a:ln xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<a:noFill/></a:ln></c:spPr><c:crossAx val="{cat_id}"/>'
        f'<c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>'
    )
    laatste_as = plot_area.findall(qn("c:valAx"))[-1]
    laatste_as.addnext(cat_ax)
    cat_ax.addnext(val_ax)


def _rgba(kleur: str) -> tuple[RGBColor, float]:
    """A plotly colour ('#RRGGBB' or 'rgba(r,g,b,a)') as RGB and opacity."""
    rgb = _rgb(kleur)
    if rgb is not None:
        return rgb, 1.0
    getallen = re.findall(r"[\d.]+", kleur)
    if kleur.startswith("rgb") and len(getallen) >= 3:
        r, g, b = (int(float(v)) for v in getallen[:3])
        return RGBColor(r, g, b), float(getallen[3]) if len(getallen) > 3 else 1.0
    return LINTBLAUW, 0.15


def _staven_van(chart: Any, sporen: list[Any]) -> list[tuple[Any, Any]]:
    """Each trace with its chart series: one plot, or bars in the first and lines in the second
    (a combined chart keeps the traces' order within each)."""
    if len(chart.plots) == 1:
        # a label series of zeros may follow the traces' series
        return list(zip(sporen, list(chart.plots[0].series)[: len(sporen)], strict=True))
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
        for xv, yv in _xy_punten(s):
            reeks.add_data_point(xv, yv)
    bereik_x, bereik_y = _bereik(fig, sporen, "x"), _bereik(fig, sporen, "y")
    lijnen = _lijnvormen(fig, bereik_x, bereik_y)
    for _, punten in lijnen:
        reeks = data.add_series(" ")
        for xv, yv in punten:
            reeks.add_data_point(xv, yv)
    x, y, b, h = vak
    chart = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, x, y, b, h, data).chart
    _legenda(chart, len([s for s in sporen if s.showlegend is not False]))
    for as_, naam in ((chart.value_axis, "y"), (chart.category_axis, "x")):
        as_.tick_labels.number_format = _getalnotatie(fig, naam)
        as_.tick_labels.number_format_is_linked = False
        as_.tick_labels.font.size = Pt(12)
        as_obj = fig.layout.yaxis if naam == "y" else fig.layout.xaxis
        titel = as_obj.title.text
        if titel:
            as_.has_title = True
            as_.axis_title.text_frame.text = titel
            as_.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
        vast = _lijst(as_obj.range)
        if len(vast) == 2 and all(_getal(v) is not None for v in vast):
            # the axis as on the screen: the reference lines span exactly this range
            as_.minimum_scale, as_.maximum_scale = _getal(vast[0]), _getal(vast[1])
    alle = list(chart.plots[0].series)
    for reeks, s in zip(alle, sporen, strict=False):
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
            _punten_opmaak(reeks, s)
        reeks.smooth = False
        _puntlabels(reeks, s)
    for i, ((vorm, _), reeks) in enumerate(zip(lijnen, alle[len(sporen) :], strict=True)):
        # a reference line (quadrant border, average) as a series with a line and no markers:
        # it keeps its data place when the chart is resized or restyled
        lijn = vorm.line
        reeks.format.line.color.rgb = _rgb(lijn.color) or GRIJS
        reeks.format.line.width = Pt(lijn.width or 1.5)
        if lijn.dash and lijn.dash != "solid":
            reeks.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        reeks.marker.style = XL_MARKER_STYLE.NONE
        reeks.smooth = False
        _zonder_legenda(chart, len(sporen) + i)


def _xy_punten(spoor: Any) -> list[tuple[float, float]]:
    punten = []
    for xv, yv in zip(_lijst(spoor.x), _lijst(spoor.y), strict=False):
        xg, yg = _getal(xv), _getal(yv)
        if xg is not None and yg is not None:
            punten.append((xg, yg))
    return punten


def _bereik(fig: go.Figure, sporen: list[Any], as_: str) -> tuple[float, float]:
    """An axis' range: as the figure sets it, else the data's with 5% either side."""
    vast = _lijst((fig.layout.xaxis if as_ == "x" else fig.layout.yaxis).range)
    if len(vast) == 2 and all(_getal(v) is not None for v in vast):
        return float(vast[0]), float(vast[1])
    waarden = [p[0 if as_ == "x" else 1] for s in sporen for p in _xy_punten(s)]
    if not waarden:
        return 0.0, 1.0
    laag, hoog = min(waarden), max(waarden)
    rand = (hoog - laag) * 0.05 or 1.0
    return laag - rand, hoog + rand


def _lijnvormen(
    fig: go.Figure, bereik_x: tuple[float, float], bereik_y: tuple[float, float]
) -> list[tuple[Any, list[tuple[float, float]]]]:
    """The figure's line shapes (quadrant borders, averages) as two points in data units; a
    domain or paper reference (0..1 of the plot) becomes the axis' range."""

    def punt(waarde: Any, ref: str | None, bereik: tuple[float, float]) -> float | None:
        getal = _getal(waarde)
        if getal is None:
            return None
        if ref and (ref.endswith("domain") or ref == "paper"):
            return bereik[0] + getal * (bereik[1] - bereik[0])
        return getal

    lijnen = []
    for vorm in fig.layout.shapes:
        if vorm.type != "line" or vorm.visible is False:
            continue
        x0, x1 = punt(vorm.x0, vorm.xref, bereik_x), punt(vorm.x1, vorm.xref, bereik_x)
        y0, y1 = punt(vorm.y0, vorm.yref, bereik_y), punt(vorm.y1, vorm.yref, bereik_y)
        if None not in (x0, x1, y0, y1):
            lijnen.append((vorm, [(x0, y0), (x1, y1)]))
    return lijnen  # type: ignore[return-value]


def _punten_opmaak(reeks: Any, spoor: Any) -> None:
    """Per-point marker colour (a colour scale over a value: absence) and size (bubbles: the
    respondents) as on the screen; PowerPoint's marker size is 2..72 pt."""
    marker = spoor.marker
    if marker is None:
        return
    n = len(_xy_punten(spoor))
    houden = [
        _getal(xv) is not None and _getal(yv) is not None
        for xv, yv in zip(_lijst(spoor.x), _lijst(spoor.y), strict=False)
    ]
    kleuren = _puntkleuren(marker, houden)
    groottes = _puntgroottes(marker, houden)
    rand = _rgb(marker.line.color) if marker.line is not None else None
    for i in range(n):
        punt = reeks.points[i]
        if kleuren:
            punt.marker.style = XL_MARKER_STYLE.CIRCLE
            punt.marker.format.fill.solid()
            punt.marker.format.fill.fore_color.rgb = kleuren[i]
        if groottes:
            punt.marker.size = groottes[i]
        if rand is not None:
            punt.marker.format.line.color.rgb = rand
    if rand is not None and not kleuren and not groottes:
        reeks.marker.format.line.color.rgb = rand


def _puntkleuren(marker: Any, houden: list[bool]) -> list[RGBColor]:
    from plotly.colors import sample_colorscale

    kleuren = marker.color
    if kleuren is None or isinstance(kleuren, str):
        return []
    lijst = [k for k, h in zip(list(kleuren), houden, strict=False) if h]
    if all(isinstance(k, str) for k in lijst):
        return [_rgba(k)[0] for k in lijst]
    getallen = [_getal(k) for k in lijst]
    bekend = [g for g in getallen if g is not None]
    if not bekend or marker.colorscale is None:
        return []
    laag = marker.cmin if marker.cmin is not None else min(bekend)
    hoog = marker.cmax if marker.cmax is not None else max(bekend)
    schaal = [[float(p), k] for p, k in marker.colorscale]
    delen = [
        min(1.0, max(0.0, ((g if g is not None else laag) - laag) / ((hoog - laag) or 1.0)))
        for g in getallen
    ]
    return [_rgba(k)[0] for k in sample_colorscale(schaal, delen)]


def _puntgroottes(marker: Any, houden: list[bool]) -> list[int]:
    groottes = marker.size
    if groottes is None or isinstance(groottes, int | float):
        return []
    ref = marker.sizeref or 1.0
    uit = []
    for v, h in zip(list(groottes), houden, strict=False):
        if not h:
            continue
        g = _getal(v) or 0.0
        # plotly's bubble size: radius sqrt(v / 2 / sizeref) px in area mode, v / 2 / sizeref
        # in diameter mode, at least sizemin; the diameter twice that, 0.75 pt per px
        straal = math.sqrt(g / 2 / ref) if marker.sizemode == "area" else g / 2 / ref
        px = 2 * max(straal, marker.sizemin or 0)
        uit.append(min(72, max(2, round(px * 0.75))))
    return uit


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
