"""Roles from [toegang], enforced where data is written (no mock: real stores and pages)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import afspraken, pilots, versies
from dashboard.hierarchy import laad_boom
from dashboard.ingest.importer import Bestand, importeer
from dashboard.periods import Maand
from dashboard.rollen import LOKAAL, Gebruiker, Geweigerd, ToegangFout, uit_toegang
from dashboard.store import Store, open_lezen
from dashboard.ui import data
from tests.conftest import csv_bytes, importeer_teksten
from tests.test_ingest import ORG, PERS, VERZ

ROOT = Path(__file__).parent.parent
LEZER = Gebruiker("l@x.nl", "lezer", frozenset({"ORG"}))
ADVISEUR = Gebruiker("a@x.nl", "adviseur", frozenset({"ORG"}))
ANDER = Gebruiker("b@x.nl", "adviseur", frozenset({"ANDER"}))
BEHEERDER = Gebruiker("h@x.nl", "beheerder", None)


def test_toegang_lijst_is_lezer_en_tabel_met_rol():
    tabel = {
        "l@x.nl": ["ORG"],
        "a@x.nl": {"organisaties": ["ORG"], "rol": "adviseur"},
        "h@x.nl": {"organisaties": ["*"], "rol": "beheerder"},
    }
    assert uit_toegang("l@x.nl", tabel) == LEZER
    assert uit_toegang("A@X.nl", tabel).rol == "adviseur"
    assert uit_toegang("h@x.nl", tabel).organisaties is None
    assert uit_toegang("onbekend@x.nl", tabel).organisaties == frozenset()
    with pytest.raises(ToegangFout, match="onbekende rol 'baas'"):
        uit_toegang("x", {"x": {"organisaties": ["ORG"], "rol": "baas"}})


@pytest.fixture
def store() -> Store:
    s = Store(":memory:")
    assert importeer_teksten(s, dt.date(2024, 3, 31), organisatie=ORG, personeel=PERS).geslaagd
    return s


def _pilot() -> pilots.Pilot:
    return pilots.Pilot(
        naam="Proef", omschrijving="", begin=dt.date(2024, 2, 1), eind=dt.date(2024, 3, 31),
        pilot_eenheden=("A",), vergelijk_eenheden=("B",), selectie_reden="geloot",
    )  # fmt: skip


def test_lezer_kan_geen_pilot_maken_of_verwijderen(store):
    boom = laad_boom(store)
    with pytest.raises(Geweigerd, match="heeft de rol lezer en mag daarom niet pilots"):
        pilots.bewaar(store, _pilot(), boom, 0, wie=LEZER)
    with pytest.raises(Geweigerd, match="geen toegang tot ORG"):
        pilots.bewaar(store, _pilot(), boom, 0, wie=ANDER)
    assert pilots.lijst(store) == []
    pid = pilots.bewaar(store, _pilot(), boom, 0, wie=ADVISEUR)
    with pytest.raises(Geweigerd):
        pilots.verwijder(store, pid, wie=LEZER)
    assert len(pilots.lijst(store)) == 1
    pilots.verwijder(store, pid, wie=ADVISEUR)
    assert pilots.lijst(store) == []


def test_lezer_kan_geen_afspraak_wijzigen(store):
    a = afspraken.Afspraak("ORG", Maand(2024, 3), "Bellen", "Jan", "open")
    with pytest.raises(Geweigerd):
        afspraken.bewaar(store, a, wie=LEZER)
    with pytest.raises(Geweigerd):
        afspraken.bewaar(store, a, wie=ANDER)
    i = afspraken.bewaar(store, a, wie=ADVISEUR)
    with pytest.raises(Geweigerd):
        afspraken.zet_status(store, i, "afgerond", wie=LEZER)
    with pytest.raises(Geweigerd):
        afspraken.verwijder(store, i, wie=LEZER)
    assert [x.status for x in afspraken.van_overleg(store, "ORG", Maand(2024, 3))] == ["open"]
    afspraken.zet_status(store, i, "afgerond", wie=ADVISEUR)
    afspraken.verwijder(store, i, wie=ADVISEUR)


def test_alleen_een_beheerder_importeert_en_zet_terug(store, tmp_path):
    voor = store.sql("select count(*) from import_log")[0][0]
    bestand = [Bestand("verzuim", "v.csv", csv_bytes(VERZ))]
    for wie in (ADVISEUR, Gebruiker("h2", "beheerder", frozenset({"ANDER"}))):
        with pytest.raises(Geweigerd):
            importeer(store, bestand, peildatum=dt.date(2024, 3, 31), wie=wie)
    assert store.sql("select count(*) from import_log")[0][0] == voor
    assert importeer(store, bestand, peildatum=dt.date(2024, 3, 31), wie=BEHEERDER).geslaagd
    db = tmp_path / "s.duckdb"
    s = open_lezen(db) if db.exists() else None
    assert s is None
    from dashboard.store import open_of_maak

    s = open_of_maak(db)
    importeer_teksten(s, dt.date(2024, 3, 31), organisatie=ORG, personeel=PERS)
    s.close()
    with pytest.raises(Geweigerd, match="gegevens inlezen en terugzetten"):
        versies.herstel_naar(db, None, "a", wie=ADVISEUR)
    assert LOKAAL.heeft("beheerder")


def _pilots_pagina(db: Path, monkeypatch, toegang: object) -> AppTest:
    monkeypatch.setenv("VERZUIMZICHT_DB", str(db))
    monkeypatch.chdir(ROOT)
    data.store.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.secrets["auth"] = {"redirect_uri": "http://localhost/oauth2callback", "cookie_secret": "x"}
    at.secrets["toegang"] = {"p@duv.nl": toegang}
    at.user = {"email": "p@duv.nl", "is_logged_in": True}
    at.run()
    at.switch_page("pages/pilots.py")
    return at.run()


def test_pilotpagina_zonder_knoppen_voor_een_lezer(demo_db, monkeypatch):
    try:
        at = _pilots_pagina(demo_db, monkeypatch, ["DUV"])
        assert not at.exception
        sleutels = {b.key for b in at.button}
        assert not sleutels & {"pilots_nieuw", "pilots_bewerk", "pilots_verwijder"}
        assert any("doet een adviseur" in c.value for c in at.caption)
        at = _pilots_pagina(demo_db, monkeypatch, {"organisaties": ["DUV"], "rol": "adviseur"})
        assert not at.exception
        assert "pilots_nieuw" in {b.key for b in at.button}
    finally:
        data.store.clear()


def test_lopend_voor_draagt_open_afspraken_mee_en_toont_de_afgesloten(store):
    m8, m9, m10 = Maand(2024, 1), Maand(2024, 2), Maand(2024, 3)
    ids = {
        naam: afspraken.bewaar(store, afspraken.Afspraak("ORG", m, naam, "Jan", "open"))
        for naam, m in (("a", m8), ("b", m8), ("c", m9), ("d", m10))
    }
    afspraken.zet_status(store, ids["b"], "afgerond", in_overleg=m9)  # closed last time
    afspraken.zet_status(store, ids["c"], "vervallen", in_overleg=m10)  # closed now
    afspraken.zet_status(store, ids["a"], "loopt", in_overleg=m10)
    teksten = [a.tekst for a in afspraken.lopend_voor(store, "ORG", m10)]
    assert teksten == ["a", "c"]
    c = next(a for a in afspraken.lopend_voor(store, "ORG", m10) if a.tekst == "c")
    assert c.afgesloten_in == m10 and c.status == "vervallen"
    afspraken.zet_status(store, ids["c"], "open")  # reopened: carried again, not closed
    assert (
        next(a for a in afspraken.lopend_voor(store, "ORG", m10) if a.tekst == "c").afgesloten_in
        is None
    )
    assert afspraken.lopend_voor(store, "ANDER", m10) == []
