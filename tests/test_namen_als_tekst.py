"""Names from imported files are plain text everywhere (issue 8): a unit or pilot named with
markdown, HTML or a formula never renders bold, fetches an image, becomes a live link, or runs as
a formula in a workbook.

The demo extracts with three units and a pilot renamed go through the normal import; the app
runs on that store in AppTest, and every markdown text on the page and every text in the figure
JSON is checked.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from dashboard.veilig import markdown_tekst, plotly_tekst

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"
#: the root organisation: markdown bold, an image that would fetch a remote URL, an HTML link
KWAAD = '**vet** ![x](https://voorbeeld.invalid/x.png) <a href="https://voorbeeld.invalid">link</a>'
#: a directorate: HTML bold and an image tag, a markdown link, a Streamlit colour directive
KWAAD_DG = (
    "<b>Mobiliteit</b> <img src=x onerror=alert(1)> [klik](https://voorbeeld.invalid) :red[rood]"
)
#: a directorate whose name is a spreadsheet formula
FORMULE = '=HYPERLINK("https://voorbeeld.invalid","klik")'
#: the demo pilot
KWAAD_PILOT = "__Focus__ <i>op</i> ![p](https://voorbeeld.invalid/p.png)"
#: an extra survey scale (its key is the header normalised: no spaces, no slash)
KWAAD_SCHAAL_KOP = "**Plezier** <b>rood</b>"
KWAAD_SCHAAL = "**plezier**<b>rood<b>"
NAMEN = {"MLV": KWAAD, "MLV-MOB": KWAAD_DG, "MLV-RWK": FORMULE}
PARAMS = {"org": "MLV", "maand": "2026-10", "vgl": "vorig_jaar", "taal": "nl"}


def bouw_kwaad_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store with the names above, built through the normal import."""
    from dashboard.demo import bouw_demo_store

    bron = tmp_path_factory.mktemp("kwaad_bron")
    for pad in DEMO.iterdir():
        if pad.is_file():
            shutil.copy(pad, bron / pad.name)
    org = list(
        csv.reader(io.StringIO((DEMO / "organisatie.csv").read_text("cp1252")), delimiter=";")
    )
    for rij in org[1:]:
        rij[1] = NAMEN.get(rij[0], rij[1])
    uit = io.StringIO()
    csv.writer(uit, delimiter=";", lineterminator="\n").writerows(org)
    (bron / "organisatie.csv").write_text(uit.getvalue(), "cp1252")
    enquete = (DEMO / "enquete.csv").read_text("utf-8").splitlines()
    kolom = enquete[0].split(";").index("bevlogenheid")
    enquete = [enquete[0] + f";{KWAAD_SCHAAL_KOP}"] + [
        r + ";" + r.split(";")[kolom] for r in enquete[1:]
    ]
    (bron / "enquete.csv").write_text("\n".join(enquete) + "\n", "utf-8")
    pilots = (DEMO / "pilots.csv").read_text("utf-8")
    (bron / "pilots.csv").write_text(pilots.replace("Focus op Inzetbaarheid", KWAAD_PILOT), "utf-8")
    db = tmp_path_factory.mktemp("kwaad") / "kwaad.duckdb"
    bouw_demo_store(db, bron=bron)
    return db


@pytest.fixture(scope="module")
def kwaad_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bouw_kwaad_db(tmp_path_factory)


@pytest.fixture
def kwaad_app(kwaad_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., AppTest]]:
    from dashboard.ui import data

    monkeypatch.setenv("VERZUIMZICHT_DB", str(kwaad_db))
    monkeypatch.chdir(ROOT)
    data.store.clear()
    st.cache_data.clear()

    def start(pagina: str, **params: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
        for k, v in {**PARAMS, **params}.items():
            at.query_params[k] = v
        at.run()
        at.switch_page(pagina)
        at.run()
        assert not at.exception, at.exception
        return at

    yield start
    data.store.clear()
    st.cache_data.clear()


# -- what renders --------------------------------------------------------------------------------

#: Element types whose options are plain text in Streamlit (a name there is shown as it is).
_OPTIES_ZONDER_MARKDOWN = {"selectbox", "multiselect"}


def _markdown_teksten(at: AppTest) -> list[str]:
    """Every text Streamlit renders as markdown: bodies, labels, options, help, table cells."""
    teksten: list[str] = []

    def verzamel(waarde: object, sleutel: str, soort: str) -> None:
        if isinstance(waarde, dict):
            for k, v in waarde.items():
                verzamel(v, k, soort)
        elif isinstance(waarde, list):
            for v in waarde:
                verzamel(v, sleutel, soort)
        elif isinstance(waarde, str) and (
            sleutel in ("body", "label", "help", "content")
            or (sleutel == "options" and soort not in _OPTIES_ZONDER_MARKDOWN)
        ):
            teksten.append(waarde)

    def loop(knoop: object) -> None:
        proto = getattr(knoop, "proto", None)
        if proto is not None and hasattr(proto, "DESCRIPTOR"):
            soort = getattr(knoop, "type", "")
            if soort not in ("plotly_chart", "arrow_data_frame", "dataframe"):
                verzamel(MessageToDict(proto), "", soort)
        for kind in getattr(knoop, "children", {}).values():
            loop(kind)

    loop(at._tree)
    # st.table cells are markdown too
    for tabel in at.table:
        for rij in tabel.value.astype(str).itertuples(index=False):
            teksten += list(rij)
    return teksten


#: What a markdown renderer would turn into bold, an image, a link, a tag or a directive: the
#: marker without the backslash that escapes it.
_WERKT = re.compile(r"(?<!\\)(\*\*|__|!\[|\[(?=[^\]]*\]\()|<(?=[A-Za-z/])|:red\[)|https?://|www\.")


def _werkende_opmaak(teksten: list[str]) -> list[str]:
    """The texts that hold (part of) a name with markdown or HTML that would work."""
    delen = ("vet", "Mobiliteit", "voorbeeld", "Focus", "rood", "klik", "lezier")
    return [t for t in teksten if any(d in t for d in delen) and _WERKT.search(t)]


def _figuur_teksten(at: AppTest) -> list[str]:
    teksten: list[str] = []

    def verzamel(waarde: object) -> None:
        if isinstance(waarde, dict):
            for v in waarde.values():
                verzamel(v)
        elif isinstance(waarde, list):
            for v in waarde:
                verzamel(v)
        elif isinstance(waarde, str):
            teksten.append(waarde)

    for grafiek in at.get("plotly_chart"):
        verzamel(json.loads(grafiek.proto.spec))
    return teksten


def _html_in_figuren(teksten: list[str]) -> list[str]:
    """Texts of a figure with a tag from a name: the product writes only <b>, <i>, <br>, <span>."""
    return [
        t
        for t in teksten
        if re.search(r"<(?!/?(?:b|i|br|span)\b)[A-Za-z/]|<b>Mobiliteit|<i>op</i>|<b>rood", t)
    ]


def test_overzicht_toont_de_naam_als_tekst(kwaad_app):
    at = kwaad_app("pages/overzicht.py", eenheid="MLV")
    teksten = _markdown_teksten(at)
    # the subtitle under the title names the organisation, escaped
    (onder,) = [c.value for c in at.main.caption if "Peildatum" in c.value]
    assert onder == f"{markdown_tekst(KWAAD)} · Peildatum 31-10-2026"
    assert not _werkende_opmaak(teksten)
    figuren = _figuur_teksten(at)
    assert not _html_in_figuren(figuren)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["title"]["subtitle"]["text"].startswith(plotly_tekst(KWAAD))


def test_afdelingen_toont_namen_als_tekst(kwaad_app):
    at = kwaad_app("pages/afdelingen.py", eenheid="MLV")
    teksten = _markdown_teksten(at)
    assert not _werkende_opmaak(teksten)
    assert any(markdown_tekst(KWAAD) in t for t in teksten)  # 'onderdelen van ...'
    figuren = _figuur_teksten(at)
    assert not _html_in_figuren(figuren)
    ranking = json.loads(at.get("plotly_chart")[0].proto.spec)
    ticks = ranking["layout"]["yaxis"]["ticktext"]
    assert plotly_tekst(KWAAD_DG) in ticks and FORMULE in ticks
    assert plotly_tekst(KWAAD) in ranking["layout"]["title"]["subtitle"]["text"].replace(
        "<br>", " "
    )


def test_afdelingen_terugknop_en_melding_met_de_naam_van_de_ouder(kwaad_app):
    at = kwaad_app("pages/afdelingen.py", eenheid="MLV-MOB")
    (terug,) = [b for b in at.button if b.proto.label.startswith("Terug naar")]
    assert terug.proto.label == f"Terug naar {markdown_tekst(KWAAD)}"
    assert not _werkende_opmaak(_markdown_teksten(at))
    assert not _html_in_figuren(_figuur_teksten(at))


def test_pilots_toont_pilot_en_eenheden_als_tekst(kwaad_app):
    at = kwaad_app("pages/pilots.py", eenheid="MLV")
    assert at.title[0].value == f"Pilots van {markdown_tekst(KWAAD)}"
    teksten = _markdown_teksten(at)
    assert not _werkende_opmaak(teksten)
    assert markdown_tekst(KWAAD_PILOT) in at.table[0].value.iloc[:, 0].tolist()
    assert not _html_in_figuren(_figuur_teksten(at))


def test_medewerkersonderzoek_toont_schaalnaam_en_eenheden_als_tekst(kwaad_app):
    at = kwaad_app("pages/medewerkersonderzoek.py", eenheid="MLV", schaal=KWAAD_SCHAAL)
    teksten = _markdown_teksten(at)
    assert not _werkende_opmaak(teksten)
    assert markdown_tekst(KWAAD_SCHAAL.capitalize()) in teksten  # the scale's card
    figuren = _figuur_teksten(at)
    assert not _html_in_figuren(figuren)
    assert any(plotly_tekst(KWAAD_SCHAAL.capitalize()) in t for t in figuren)


@pytest.mark.parametrize("pagina", ["pages/duur_en_signalen.py", "pages/maandoverleg.py"])
def test_andere_paginas_tonen_namen_als_tekst(kwaad_app, pagina):
    at = kwaad_app(pagina, eenheid="MLV")
    assert not _werkende_opmaak(_markdown_teksten(at))
    assert not _html_in_figuren(_figuur_teksten(at))


# -- 4. what is written: no live formula ---------------------------------------------------------


def _formules(inhoud: bytes) -> tuple[list[str], list[str]]:
    """(formula cells, text cells holding the formula name) of a workbook."""
    wb = openpyxl.load_workbook(io.BytesIO(inhoud))
    cellen = [c for ws in wb.worksheets for rij in ws.iter_rows() for c in rij]
    return (
        [str(c.value) for c in cellen if c.data_type == "f"],
        [str(c.value) for c in cellen if isinstance(c.value, str) and "HYPERLINK" in c.value],
    )


def test_afdelingen_excel_schrijft_de_formulenaam_als_tekst(kwaad_db):
    from dashboard.charts import afdelingen as grafiek
    from dashboard.exports import xlsx
    from dashboard.hierarchy import laad_boom
    from dashboard.periods import Maand
    from dashboard.selectie import Selectie
    from dashboard.store import Store
    from dashboard.views import Context
    from dashboard.views import afdelingen as view

    kopie = kwaad_db.with_name("kwaad_lezen.duckdb")
    shutil.copy(kwaad_db, kopie)
    store = Store(kopie, read_only=True)
    try:
        ctx = Context(laad_boom(store), Selectie("MLV", "MLV", Maand(2026, 10)))
        a = view.bouw(store, ctx)
        inhoud = xlsx.grafiek_werkboek(grafiek.ranking(a, ctx))
    finally:
        store.close()
    formules, teksten = _formules(inhoud)
    assert formules == []
    assert "'" + FORMULE in teksten


def test_export_xlsx_schrijft_de_formulenaam_als_tekst(kwaad_db, tmp_path):
    kopie = tmp_path / "kopie.duckdb"
    shutil.copy(kwaad_db, kopie)
    xlsx, deck = tmp_path / "overleg.xlsx", tmp_path / "overleg.pptx"
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "export", "--db", str(kopie), "--eenheid", "MLV",
         "--maand", "2026-10", "--pptx", str(deck), "--xlsx", str(xlsx)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    formules, teksten = _formules(xlsx.read_bytes())
    assert formules == []
    # the meeting's standard level is the directies (at least four units); with the DGs chosen
    # (level 0: the parts of MLV) the unit named as a formula is in the workbook, as text
    from dashboard.exports import overleg
    from dashboard.hierarchy import laad_boom
    from dashboard.periods import Maand
    from dashboard.selectie import Selectie
    from dashboard.store import open_lezen
    from dashboard.views import Context

    store = open_lezen(kopie)
    try:
        ctx = Context(laad_boom(store), Selectie("MLV", "MLV", Maand(2026, 10)))
        werkboek = overleg.werkboek(store, ctx, overleg.Keuze(niveau=0))
    finally:
        store.close()
    formules, teksten = _formules(werkboek)
    assert formules == []
    assert "'" + FORMULE in teksten
