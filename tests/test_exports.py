"""The Maandoverleg deck, the workbook and chart conversions: the same numbers as the metrics API,
native editable charts, and never a suppressed number in any export."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import plotly.graph_objects as go
import polars as pl
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from dashboard import afspraken, metrics
from dashboard import format as fmt
from dashboard.exports import overleg as mo
from dashboard.exports import pptx
from dashboard.exports.xlsx import frame_naar_werkboek
from dashboard.hierarchy import laad_boom
from dashboard.periods import Maand
from dashboard.selectie import Selectie
from dashboard.views import Context

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ctx(demo_store):
    return Context(laad_boom(demo_store), Selectie("MLV", "MLV", Maand(2026, 10)))


@pytest.fixture(scope="module")
def deck(demo_store, ctx):
    return Presentation(io.BytesIO(mo.deck(demo_store, ctx)))


def _grafieken(prs):
    return [(i, s) for i, slide in enumerate(prs.slides) for s in slide.shapes if s.has_chart]


def test_deck_is_16_9_met_titeldia_en_een_dia_per_stap(deck, demo_store, ctx):
    assert (deck.slide_width, deck.slide_height) == (pptx.BREEDTE, pptx.HOOGTE)
    stappen = mo.stappen(demo_store, ctx)
    # title slide + the agenda + the steps with content + the agreements (no earlier meeting in
    # the demo)
    assert len(deck.slides) == 1 + 1 + len(stappen) + 1
    titels = [
        next(s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text)
        for slide in deck.slides
    ]
    assert titels[0].startswith("Maandoverleg Ministerie van Leefomgeving en Vervoer")
    assert titels[1] == "Maandoverleg Ministerie van Leefomgeving en Vervoer, oktober 2026"
    assert [t for t in titels[2:-1]] == [s.titel for s in stappen]
    assert titels[-1] == "Afspraken"


def test_trenddia_staven_en_lijnen_bewerkbaar_met_de_cijfers_van_de_api(deck, demo_store, ctx):
    """The trend slide is a combined native chart as on the screen: monthly bars (the first
    month hatched, apart) under the rolling-year and benchmark lines."""
    (_, vorm), *_ = [
        (i, s)
        for i, s in _grafieken(deck)
        if len(s.chart.plots) == 2 and s.chart.plots[1].series[0].name.startswith("Voortschr")
    ]
    chart = vorm.chart
    staven, lijnen = chart.plots
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert staven.overlap == 100  # the hatched month and the others side by side, full width
    categorieen = list(staven.categories)
    assert categorieen[0] == "jan 2019" and categorieen[-1] == "okt 2026"
    boom = ctx.boom
    groepen = metrics.groepen(boom, ["MLV"])
    reeks = metrics.kerncijfers(
        demo_store,
        boom,
        metrics.periodes(boom, groepen, Maand(2019, 1), Maand(2026, 10), "maand"),
        groepen,
    )
    maand = next(s for s in staven.series if s.name.startswith("Verzuimpercentage"))
    waarden = reeks["verzuimpercentage"].to_list()
    # the extract's first month is its own, hatched series: too low by construction
    assert next(iter(maand.values)) is None
    assert list(maand.values)[1:] == pytest.approx(waarden[1:])
    begin = next(s for s in staven.series if s.name.startswith("onvolledig"))
    assert next(iter(begin.values)) == pytest.approx(waarden[0])
    assert all(v is None for v in list(begin.values)[1:])
    assert begin.format.fill.type == 2  # MSO_FILL.PATTERNED: hatched as on the screen
    namen = [s.name for s in lijnen.series]
    assert (
        "CBS sector openbaar bestuur (kwartaal)" in namen
        and "Voortschrijdend jaargemiddelde" in namen
    )
    # the lines share the bars' axes
    assert list(lijnen.categories) == categorieen


def test_gestapelde_duurklassen_tellen_op_tot_het_totaal(deck, demo_store, ctx):
    gestapeld = [
        s.chart for _, s in _grafieken(deck) if s.chart.chart_type == XL_CHART_TYPE.COLUMN_STACKED
    ]
    assert gestapeld, "the duration-class step is a native stacked column chart"
    chart = gestapeld[0]
    reeksen = [list(s.values) for s in chart.plots[0].series]
    totalen = [sum(v or 0 for v in kolom) for kolom in zip(*reeksen, strict=True)]
    boom = ctx.boom
    groepen = metrics.groepen(boom, ["MLV"])
    laatste = metrics.kerncijfers(
        demo_store,
        boom,
        metrics.periodes(boom, groepen, Maand(2026, 10), Maand(2026, 10), "maand"),
        groepen,
    )["verzuimpercentage"][0]
    assert totalen[-1] == pytest.approx(laatste)


def test_geen_onderdrukt_getal_in_een_dia_van_een_kleine_eenheid(demo_store):
    # MLV-MOB-OV has a part under 10 (Reizigersbelangen) and a part hidden with it
    boom = laad_boom(demo_store)
    ctx = Context(boom, Selectie("MLV", "MLV-MOB-OV", Maand(2026, 10)))
    prs = Presentation(io.BytesIO(mo.deck(demo_store, ctx)))
    klein = metrics.groepen(boom, ["MLV-MOB-OV-RB"])
    echt = metrics.kerncijfers(
        demo_store, boom, metrics.periodes(boom, klein, Maand(2024, 1), Maand(2026, 10), "maand"), klein,
        min_groep=0,
    )  # fmt: skip
    geheim = {round(v, 6) for v in echt["verzuimpercentage"].drop_nulls().to_list() if v > 0}
    for _, vorm in _grafieken(prs):
        for reeks in vorm.chart.plots[0].series:
            if "Reizigers" in reeks.name:
                assert all(v is None for v in reeks.values)
        for plot in vorm.chart.plots:
            for i, categorie in enumerate(plot.categories):
                if "Reizigers" in str(categorie):
                    assert all(r.values[i] is None for r in plot.series)
    # and none of its real monthly values appears as a value in any chart of the deck
    waarden = {
        round(v, 6)
        for _, vorm in _grafieken(prs)
        for plot in vorm.chart.plots
        for reeks in plot.series
        for v in reeks.values
        if v is not None
    }
    assert not (geheim & waarden)


def test_werkboek_met_waarden_notaties_en_toelichting(tmp_path, demo_db):
    uit = tmp_path / "overleg.xlsx"
    deck_pad = tmp_path / "overleg.pptx"
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "export", "--db", str(demo_db), "--eenheid", "MLV",
         "--maand", "2026-10", "--pptx", str(deck_pad), "--xlsx", str(uit)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert deck_pad.stat().st_size > 20000
    wb = openpyxl.load_workbook(uit)
    assert "Toelichting" in wb.sheetnames
    toelichting = {r[0].value: r[1].value for r in wb["Toelichting"].iter_rows(min_row=2)}
    # dates as the reader writes them (DESIGN 1: 31-10-2026)
    assert toelichting["Peildatum"] == "31-10-2026" and "Privacy" in toelichting
    trend = wb[mo.stapnaam("trend")]
    kop = [c.value for c in trend[1]]
    assert kop[:3] == ["Maand", "Bezetting", "Verzuimpercentage"]
    assert trend.freeze_panes == "A2"
    # the newest month first: October 2026, its percentage with one decimal
    assert trend["A2"].number_format == "dd-mm-yyyy"
    assert trend["C2"].number_format == "0.0"


def test_export_cli_gebruiksfouten(tmp_path, demo_db, capsys):
    from dashboard.cli import main

    # a copy: in this test process the app tests may hold the original open for writing
    demo_db = shutil.copy(demo_db, tmp_path / "kopie.duckdb")

    assert (
        main(
            [
                "export",
                "--db",
                str(demo_db),
                "--eenheid",
                "XYZ",
                "--maand",
                "2026-10",
                "--pptx",
                str(tmp_path / "x.pptx"),
            ]
        )
        == 2
    )
    assert (
        main(
            [
                "export",
                "--db",
                str(demo_db),
                "--eenheid",
                "MLV",
                "--maand",
                "2027-01",
                "--pptx",
                str(tmp_path / "x.pptx"),
            ]
        )
        == 2
    )
    assert "laatste maand" in capsys.readouterr().err


def test_onderdrukte_rij_in_werkboek_toont_alleen_kleiner_dan(tmp_path):
    frame = pl.DataFrame(
        {"Eenheid": ["A", "B"], "Verzuimpercentage": [5.25, None], "onderdrukt": [False, True]}
    )
    pad = tmp_path / "t.xlsx"
    frame_naar_werkboek({"Blad": frame}, str(pad))
    ws = openpyxl.load_workbook(pad)["Blad"]
    assert [c.value for c in ws[1]] == ["Eenheid", "Verzuimpercentage"]
    assert ws["B2"].value == 5.25 and ws["B2"].number_format == "0.0"
    assert ws["B3"].value == fmt.ONDERDRUKT


def test_staafgrafiek_met_onderdrukte_maand_heeft_een_lege_cel():
    fig = go.Figure(
        [go.Bar(x=["2026-01-01", "2026-02-01", "2026-03-01"], y=[5.1, None, 4.9], name="Verzuim")]
    )
    fig.update_layout(title_text="Test", yaxis_ticksuffix="%")
    prs = Presentation(io.BytesIO(pptx.deck("T", "", [pptx.Dia("T", figuur=fig)])))
    (vorm,) = [s for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert vorm.chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(vorm.chart.plots[0].categories) == ["jan 2026", "feb 2026", "mrt 2026"]
    assert list(vorm.chart.plots[0].series[0].values) == [5.1, None, 4.9]
    assert vorm.chart.value_axis.tick_labels.number_format == '0.0"%"'


def test_afspraken_vorige_keer_komen_in_het_volgende_overleg(demo_db, tmp_path):
    from dashboard.store import Store

    kopie = tmp_path / "a.duckdb"
    shutil.copy(demo_db, kopie)
    store = Store(kopie)
    try:
        afspraken.bewaar(
            store, afspraken.Afspraak("MLV", Maand(2026, 9), "Gesprek met DG over Luchtvaart", "HR")
        )
        boom = laad_boom(store)
        ctx = Context(boom, Selectie("MLV", "MLV", Maand(2026, 10)))
        vorige = mo.vorige_stap(store, ctx)
        assert vorige is not None and vorige.titel == "Afspraken van september 2026"
        assert vorige.punten == ["Gesprek met DG over Luchtvaart (HR · open)"]
        prs = Presentation(io.BytesIO(mo.deck(store, ctx)))
        # title slide, agenda, then last time's agreements
        teksten = [s.text_frame.text for s in prs.slides[2].shapes if s.has_text_frame]
        assert "Afspraken van september 2026" in teksten
    finally:
        store.close()


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (libreoffice-impress) is niet geïnstalleerd",
)
def test_deck_opent_in_libreoffice(tmp_path, demo_store, ctx):
    pad = tmp_path / "overleg.pptx"
    pad.write_bytes(mo.deck(demo_store, ctx))
    proc = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", str(pad), "--outdir", str(tmp_path)],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    pdf = tmp_path / "overleg.pdf"
    assert pdf.exists(), proc.stderr
    import re

    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes())) >= 7


def _alle_afdelingen_grafieken(demo_store):
    from dashboard.charts import afdelingen as grafiek
    from dashboard.views import afdelingen as view

    c = Context(laad_boom(demo_store), Selectie("MLV", "MLV", Maand(2026, 10)))
    a = view.bouw(demo_store, c, niveau=view.ONDERDELEN, basis="r12")
    return [grafiek.ranking(a, c), grafiek.funnel(a, c), grafiek.venster(a, c)]


def test_afdelingen_dias_worden_bewerkbare_grafieken(demo_store):
    """The review's failure: the funnel's numpy arrays made `_xy` raise ('truth value of an
    array'), and the page deck came out empty. Every Afdelingen chart now becomes a slide, the
    funnel a native XY chart, and no slide says it failed."""
    grafieken = _alle_afdelingen_grafieken(demo_store)
    prs = Presentation(
        io.BytesIO(pptx.deck("Afdelingen", "MLV", [pptx.Dia.van(g) for g in grafieken]))
    )
    assert len(prs.slides) == 1 + len(grafieken)
    soorten = {s.chart.chart_type for _, s in _grafieken(prs)}
    assert XL_CHART_TYPE.XY_SCATTER in soorten
    notities = " ".join(slide.notes_slide.notes_text_frame.text for slide in prs.slides)
    assert "kon niet als bewerkbare" not in notities


def test_een_grafiek_die_niet_lukt_wordt_een_afbeelding_met_uitleg(demo_store, monkeypatch):
    """When drawing a native chart fails, the slide still comes out: nothing half-drawn, the
    chart as a picture (or the reason it cannot be one), and the notes say what happened."""

    def stuk(*_args, **_kwargs):
        raise ValueError("kapot")

    monkeypatch.setattr(pptx, "_xy", stuk)
    monkeypatch.setattr(pptx, "_categorie", stuk)
    g = _alle_afdelingen_grafieken(demo_store)[1]
    prs = Presentation(io.BytesIO(pptx.deck("Afdelingen", "MLV", [pptx.Dia.van(g)])))
    dia = prs.slides[1]
    assert not any(s.has_chart for s in dia.shapes)
    assert any(s.shape_type == 13 for s in dia.shapes) or any(
        s.has_text_frame and "niet beschikbaar" in s.text_frame.text for s in dia.shapes
    )
    assert "kon niet als bewerkbare PowerPoint-grafiek" in dia.notes_slide.notes_text_frame.text
