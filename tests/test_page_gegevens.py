"""Gegevens in AppTest: the history and current data of the demo store, uploads that are refused
(identifier, bad rows, unreadable files) without changing anything, a real import, the restore
with its confirmation, an empty store, and the read-only view of a signed-in user."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.store import Store
from dashboard.ui import data
from dashboard.views import gegevens as view

ROOT = Path(__file__).parent.parent
DEMO = ROOT / "data" / "demo"
CSV = "text/csv"


#: A column that only this table of the page has.
_KENMERK = {
    "gegevens_geschiedenis": "SHA-256",
    "gegevens_actief": "Import",
    "gegevens_problemen": "Reden",
}


def _tabel(at: AppTest, welke: str):
    return next(d.value for d in at.dataframe if _KENMERK[welke] in d.value.columns)


def _opslag_telling() -> tuple[int, int, int]:
    """Imports, active snapshots, absence rows: what a refused import must leave alone."""
    s = data.store()
    return (
        s.sql("select count(*) from import_log")[0][0],
        s.sql("select count(*) from actief")[0][0],
        s.sql("select count(*) from verzuim_rij")[0][0],
    )


def _laatste_actie() -> tuple[int, str]:
    return data.store().sql("select import_id, actie from import_log order by import_id desc")[0]


@pytest.fixture
def eigen_app(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., AppTest]]:
    """The app on a private copy of the demo store (imports here must not touch the shared one).

    The app keeps one store per process (st.cache_resource), so it is cleared before and after.
    """
    pad = tmp_path / "geg.duckdb"
    shutil.copy(demo_db, pad)
    monkeypatch.setenv("VERZUIMZICHT_DB", str(pad))
    monkeypatch.chdir(ROOT)
    data.store.clear()
    st.cache_data.clear()

    def start(pad_: Path | None = None, **params: str) -> AppTest:
        if pad_ is not None:
            monkeypatch.setenv("VERZUIMZICHT_DB", str(pad_))
            data.store.clear()
            st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        at.switch_page("pages/gegevens.py")
        at.run()
        return at

    yield start
    data.store.clear()
    st.cache_data.clear()


def upload(at: AppTest, *bestanden: tuple[str, bytes]) -> AppTest:
    uploader = next(u for u in at.get("file_uploader") if u.key.startswith("gegevens_upload_"))
    uploader.set_value([(naam, inhoud, CSV) for naam, inhoud in bestanden])
    return at.run()


def importeren(at: AppTest) -> AppTest:
    return at.button(key="gegevens_importeren").click().run()


def test_geschiedenis_en_huidige_gegevens_van_de_demo(app, demo_store):
    at = app("pages/gegevens.py", org="MLV", eenheid="MLV", maand="2026-10")
    assert not at.exception
    assert at.title[0].value == "Gegevens"
    assert [s.value for s in at.subheader] == [
        "Extracten inlezen",
        "Huidige gegevens",
        "Importgeschiedenis",
    ]
    assert at.caption[0].value == (
        "Peildatum: Dienst Uitvoering Vergunningen 31-10-2026 · "
        "Ministerie van Leefomgeving en Vervoer 31-10-2026"
    )
    geschiedenis = _tabel(at, "gegevens_geschiedenis")
    # the demo store: one import of four files
    assert geschiedenis["Nr."].tolist() == [1, 1, 1, 1]
    assert geschiedenis["Bestand"].tolist() == [
        "organisatie.csv",
        "personeel.xlsx",
        "verzuim.csv",
        "enquete.csv",
    ]
    assert geschiedenis["Rijen gelezen"].tolist() == ["57", "15.579", "62.252", "120"]
    assert set(geschiedenis["Status"]) == {"actief"}
    actief = _tabel(at, "gegevens_actief")
    verwacht = view.actieve_tabel(view.actieve_gegevens(demo_store, None))
    assert actief["Rijen"].tolist() == verwacht["Rijen"].to_list()
    assert actief.shape == (8, 8)
    assert at.success[0].value.startswith("Geen bevindingen")
    # the column help is generated from the ingest's definitions
    help_tabel = at.dataframe[-1].value
    assert len(help_tabel) == view.kolommen_tabel().height
    assert [b.label for b in at.button] == ["Vorige gegevens terugzetten…"]


def test_engels(app):
    at = app("pages/gegevens.py", org="MLV", eenheid="MLV", maand="2026-10", taal="en")
    assert not at.exception
    assert at.title[0].value == "Data"
    assert at.subheader[0].value == "Import extracts"
    assert list(_tabel(at, "gegevens_geschiedenis").columns)[:4] == ["No.", "Time", "By", "Action"]


def test_bsn_kolom_geweigerd_met_uitleg_rapport_en_zonder_wijziging(eigen_app):
    at = eigen_app()
    voor = _opslag_telling()
    bsn = b"medewerker_id;bsn;eerste_verzuimdag\nM100056;123456782;01-10-2026\n"
    upload(at, ("verzuim_bsn.csv", bsn))
    assert (
        at.selectbox(key=next(s.key for s in at.selectbox if "gegevens_soort" in s.key)).value
        == "verzuim"
    )
    importeren(at)
    assert not at.exception
    assert at.error[0].value == (
        "Import geweigerd: 1 probleem in verzuim_bsn.csv. Er is niets veranderd."
    )
    uitleg = next(m.value for m in at.markdown if "Identificerende" in m.value)
    assert "Kolom 'bsn' in verzuim_bsn.csv: kolom bevat een burgerservicenummer (BSN)" in uitleg
    problemen = _tabel(at, "gegevens_problemen")
    assert problemen.to_dict("records") == [
        {
            "Bestand": "verzuim_bsn.csv",
            "Rij": "",  # a problem of the whole column
            "Kolom": "bsn",
            "Waarde": "",
            "Reden": "kolom bevat een burgerservicenummer (BSN); dat mag niet worden ingelezen",
        }
    ]
    knop = at.get("download_button")[0]
    assert knop.label == "Download probleemrapport (Excel)"
    assert _opslag_telling() == voor


def test_windows1252_met_ongeldige_datum_geeft_rij_kolom_en_waarde(eigen_app):
    at = eigen_app()
    voor = _opslag_telling()
    inhoud = (
        "Pseudoniem;Datum ziekmelding;Hersteldatum;Functie café\r\n"
        "M100056;12-06-2024;27-06-2024;x\r\n"
        "M100056;31-02-2025;;y\r\n"
    ).encode("cp1252")
    upload(at, ("verzuim_1252.csv", inhoud))
    importeren(at)
    assert not at.exception
    assert at.error[0].value.startswith("Import geweigerd: ")
    problemen = _tabel(at, "gegevens_problemen")
    rij = problemen[problemen["Waarde"] == "31-02-2025"].iloc[0]
    # the header is line 1, so the second data row is line 3 in the file; the report names the
    # column as the user wrote it
    assert (rij["Rij"], rij["Kolom"]) == ("3", "Datum ziekmelding")
    assert _opslag_telling() == voor


def test_lege_en_niet_spreadsheet_bestanden_worden_direct_gemeld(eigen_app):
    at = eigen_app()
    upload(at, ("leeg.csv", b""), ("rapport.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
    assert not at.exception
    fouten = [e.value for e in at.error]
    assert "Kan niet worden gelezen: het bestand is leeg." in fouten
    assert "Kan niet worden gelezen: dit is geen CSV- of Excel-bestand maar een PDF-document." in (
        fouten
    )
    # without a kind there is nothing to import; the user is told why
    assert at.button(key="gegevens_importeren").disabled
    assert any("Kies eerst de soort van: leeg.csv, rapport.csv." in c.value for c in at.caption)


def test_gekozen_soort_wordt_gebruikt(eigen_app):
    at = eigen_app()
    upload(at, ("verzuim.csv", (DEMO / "verzuim.csv").read_bytes()))
    soort = next(s for s in at.selectbox if s.key.startswith("gegevens_soort_"))
    assert soort.value == "verzuim"
    soort.set_value("personeel").run()
    importeren(at)
    assert not at.exception
    assert (
        at.error[0].value == "Import geweigerd: 1 probleem in verzuim.csv. Er is niets veranderd."
    )
    assert "personeel-extract" in _tabel(at, "gegevens_problemen")["Reden"].iloc[0]


def test_import_en_terugzetten(eigen_app):
    at = eigen_app()
    upload(at, ("verzuim.csv", (DEMO / "verzuim.csv").read_bytes()))
    captions = [c.value for c in at.caption]
    assert any("al eerder ingelezen (import 1 van " in c and "nog actief" in c for c in captions)
    assert (
        "Leeg gelaten: de peildatum wordt de laatste datum in het verzuimextract (31-10-2026)."
        in captions
    )
    importeren(at)
    assert not at.exception
    assert at.success[0].value == "Import geslaagd (import 2)."
    samenvatting = [m.value for m in at.markdown]
    assert "- verzuim: 62.252 rijen ingelezen uit verzuim.csv" in samenvatting
    assert any(
        "laatste datum in het verzuimextract is gebruikt (31-10-2026)" in i.value for i in at.info
    )
    # the uploader is emptied so that the same files are not imported twice by accident
    assert [u.key for u in at.get("file_uploader")] == ["gegevens_upload_1"]
    geschiedenis = _tabel(at, "gegevens_geschiedenis")
    assert geschiedenis["Nr."].tolist()[0] == 2
    assert geschiedenis["Door"].tolist()[0] == "lokaal"
    assert geschiedenis["Status"].tolist() == ["actief", *["deels vervangen"] * 4]

    at.button(key="gegevens_herstel").click().run()
    vraag = next(w.value for w in at.warning if w.value.startswith("Hiermee draait u import 2"))
    assert vraag.endswith("terug: verzuim.csv (verzuim).")
    assert _laatste_actie() == (2, "import")  # nothing happened yet: the user must confirm
    at.button(key="gegevens_herstel_ja").click().run()
    assert not at.exception
    assert at.success[0].value == "Import 2 is teruggedraaid; de vorige gegevens zijn weer actief."
    geschiedenis = _tabel(at, "gegevens_geschiedenis")
    assert geschiedenis["Actie"].tolist()[:2] == ["terugzetten", "import"]
    assert geschiedenis["Status"].tolist()[1] == "teruggedraaid"
    assert set(view.actieve_gegevens(data.store(), None)["import_id"]) == {1}


def test_terugzetten_annuleren_verandert_niets(eigen_app):
    at = eigen_app()
    at.button(key="gegevens_herstel").click().run()
    assert any(
        "Daarna zijn er geen verzuim- of personeelsgegevens meer" in e.value for e in at.error
    )
    at.button(key="gegevens_herstel_nee").click().run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Vorige gegevens terugzetten…"]
    assert _laatste_actie() == (1, "import")


def test_lege_opslag_toont_de_upload_en_neemt_de_eerste_gegevens_op(eigen_app, tmp_path):
    leeg = tmp_path / "leeg.duckdb"
    Store(leeg).close()
    at = eigen_app(leeg)
    assert not at.exception
    assert at.title[0].value == "Gegevens"
    assert any(i.value == "Er zijn nog geen gegevens ingelezen." for i in at.info)
    assert not at.get("selectbox") or all(not s.key.startswith("sel_") for s in at.selectbox)
    upload(
        at,
        ("organisatie.csv", (DEMO / "organisatie.csv").read_bytes()),
        ("personeel.csv", (DEMO / "personeel.csv").read_bytes()),
        ("verzuim.csv", (DEMO / "verzuim.csv").read_bytes()),
    )
    importeren(at)
    assert not at.exception
    assert at.success[0].value == "Import geslaagd (import 1)."
    # after the rerun the shared sidebar has an organisation to show
    assert at.selectbox(key="sel_org").value == "MLV"
    assert len(_tabel(at, "gegevens_actief")) == 6


def test_aangemelde_gebruiker_ziet_alleen_de_eigen_organisatie_en_kan_niet_importeren(
    demo_db, monkeypatch
):
    monkeypatch.setenv("VERZUIMZICHT_DB", str(demo_db))
    monkeypatch.chdir(ROOT)
    data.store.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.secrets["auth"] = {"redirect_uri": "http://localhost/oauth2callback", "cookie_secret": "x"}
    at.secrets["toegang"] = {"p@duv.nl": ["DUV"]}
    at.user = {"email": "p@duv.nl", "is_logged_in": True}
    at.run()
    at.switch_page("pages/gegevens.py")
    at.run()
    try:
        assert not at.exception
        assert not at.get("file_uploader")
        assert at.info[0].value.startswith("Extracten worden ingelezen door de gegevensbeheerder")
        actief = _tabel(at, "gegevens_actief")
        assert set(actief["Organisatie"]) == {"Dienst Uitvoering Vergunningen"}
        geschiedenis = _tabel(at, "gegevens_geschiedenis")
        assert set(geschiedenis["Organisaties"]) == {"DUV"}
        # the demo files hold both organisations: their sizes are not shown to a DUV user
        assert set(geschiedenis["Rijen gelezen"]) == {"niet getoond"}
        assert not [b for b in at.button if b.key and b.key.startswith("gegevens_herstel")]
    finally:
        data.store.clear()
