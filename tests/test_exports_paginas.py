"""Every export on every page produces a file that opens: the page's PowerPoint (made with
progress, in two clicks) and, for every chart on the page, its Excel workbook and its one-slide
PowerPoint. A failing export says so in Dutch."""

from __future__ import annotations

import io

import openpyxl
import pytest
from pptx import Presentation

from dashboard.exports import pptx, xlsx

SEL = {"org": "MLV", "eenheid": "MLV", "maand": "2026-10", "vgl": "vorig_jaar", "taal": "nl"}
PAGINAS = [
    ("pages/overzicht.py", "overzicht_pptx"),
    ("pages/afdelingen.py", "afdelingen_pptx"),
    ("pages/duur_en_signalen.py", "duur_pptx"),
    ("pages/pilots.py", "pilots_pptx"),
    ("pages/medewerkersonderzoek.py", "enquete_pptx"),
]


@pytest.mark.parametrize(("pagina", "knop"), PAGINAS)
def test_elke_export_van_de_pagina_opent(app, pagina, knop):
    at = app(pagina, **SEL)
    assert not at.exception
    figuren = list(at.session_state["_figuren"])
    assert figuren, "the page shows charts"
    for g in figuren:
        wb = openpyxl.load_workbook(io.BytesIO(xlsx.grafiek_werkboek(g)))
        assert wb.sheetnames and wb[wb.sheetnames[0]].max_row >= 2, g.titel
        dia = Presentation(io.BytesIO(pptx.deck(g.titel, g.ondertitel, [pptx.Dia.van(g)])))
        assert len(dia.slides) == 2, g.titel
        # never the note of a chart that failed to draw natively
        assert "kon niet als bewerkbare" not in dia.slides[1].notes_slide.notes_text_frame.text
    at.button(key=knop).click().run()
    assert not at.exception and not at.error
    deck = Presentation(io.BytesIO(at.session_state[f"{knop}_klaar"]))
    assert len(deck.slides) == 1 + len(figuren)
    assert any(b.key == f"{knop}_opslaan" for b in at.get("download_button"))


def test_een_pagina_powerpoint_die_mislukt_zegt_het(app, monkeypatch):
    def stuk(*_a, **_k):
        raise RuntimeError("kapot")

    monkeypatch.setattr(pptx, "deck", stuk)
    at = app("pages/overzicht.py", **SEL)
    at.button(key="overzicht_pptx").click().run()
    assert not at.exception
    assert at.error[0].value.startswith("Het bestand kon niet worden gemaakt")
    assert not any(b.key == "overzicht_pptx_opslaan" for b in at.get("download_button"))
