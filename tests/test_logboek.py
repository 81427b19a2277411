"""The audit log: imports, restores, exports and changes to pilots and agreements, with who and
when; `python -m dashboard logboek` (real SQLite app database beside the store)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dashboard import afspraken, appdb, pilots
from dashboard.cli import main
from dashboard.hierarchy import laad_boom
from dashboard.periods import Maand
from dashboard.rollen import Gebruiker
from dashboard.store import open_lezen
from tests.conftest import csv_bytes
from tests.test_ingest import ORG, PERS, VERZ

ADVISEUR = Gebruiker("a@x.nl", "adviseur", frozenset({"ORG"}))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_logboek_van_import_herstel_pilot_en_afspraak(tmp_path: Path, capsys):
    db = tmp_path / "s.duckdb"
    args = ["import", "--db", str(db), "--peildatum", "2024-03-31", "--gebruiker", "piet"]
    for soort, tekst in (("organisatie", ORG), ("personeel", PERS), ("verzuim", VERZ)):
        (tmp_path / f"{soort}.csv").write_bytes(csv_bytes(tekst))
        args += [f"--{soort}", str(tmp_path / f"{soort}.csv")]
    assert run(capsys, *args)[0] == 0
    assert run(capsys, *args)[0] == 0
    assert run(capsys, "herstel", "--db", str(db), "--gebruiker", "jan")[0] == 0
    s = open_lezen(db)
    try:
        p = pilots.Pilot(
            naam="Proef", omschrijving="", begin=dt.date(2024, 2, 1), eind=dt.date(2024, 3, 31),
            pilot_eenheden=("A",), vergelijk_eenheden=("B",), selectie_reden="geloot",
        )  # fmt: skip
        pid = pilots.bewaar(s, p, laad_boom(s), 0, wie=ADVISEUR)
        s.close()
        s = open_lezen(db)
        pilots.verwijder(s, pid, wie=ADVISEUR)
        a = afspraken.Afspraak("ORG", Maand(2024, 3), "Bellen", "Jan", "open")
        i = afspraken.bewaar(s, a, wie=ADVISEUR)
        s.close()
        s = open_lezen(db)
        afspraken.zet_status(s, i, "afgerond", wie=ADVISEUR)
    finally:
        s.close()
    code, out, _ = run(capsys, "logboek", "--db", str(db), "--formaat", "json")
    assert code == 0
    rijen = json.loads(out)
    assert [r["actie"] for r in rijen] == [
        "status van afspraak gewijzigd",
        "afspraak bewaard",
        "pilot verwijderd",
        "pilot bewaard",
        "versie teruggezet",
        "gegevens ingelezen",
        "gegevens ingelezen",
    ]
    assert rijen[-1]["gebruiker"] == "piet" and rijen[-1]["organisatie"] == "ORG"
    assert rijen[-1]["maand"] == "2024-03" and "verzuim.csv (verzuim)" in rijen[-1]["onderwerp"]
    assert rijen[4]["gebruiker"] == "jan" and rijen[4]["rol"] == "beheerder"
    assert rijen[3]["gebruiker"] == "a@x.nl" and rijen[3]["onderwerp"] == "Proef"
    assert rijen[1]["maand"] == "2024-03" and rijen[1]["organisatie"] == "ORG"
    code, out, _ = run(capsys, "logboek", "--db", str(db))
    assert out.splitlines()[0] == ",".join(appdb.LOG_KOLOMMEN)
    # the log lives beside the store, in its own SQLite file (WAL)
    assert (tmp_path / "s.app.sqlite").exists()
    # a reader of one organisation sees only entries about it (or about none in particular)
    assert len(appdb.lees_log(db, frozenset({"ANDER"}))) == 1


def test_logboek_van_een_onbekende_opslag(tmp_path, capsys):
    code, _, err = run(capsys, "logboek", "--db", str(tmp_path / "niet.duckdb"))
    assert code == 2 and "niet gevonden" in err


def test_app_db_instelling_streng(tmp_path, monkeypatch):
    import pytest

    from dashboard.config import ConfigFout, settings

    monkeypatch.setenv("VERZUIMZICHT_APP_DB", "mysql://x")
    with pytest.raises(ConfigFout, match="Ongeldige instelling VERZUIMZICHT_APP_DB"):
        settings()
    eigen = tmp_path / "elders" / "app.sqlite"
    monkeypatch.setenv("VERZUIMZICHT_APP_DB", f"sqlite:///{eigen}")
    appdb.vergeet()
    try:
        appdb.schrijf_log(tmp_path / "s.duckdb", ADVISEUR, "norm_bewaard", "5,5%")
        assert eigen.exists() and not (tmp_path / "s.app.sqlite").exists()
        assert appdb.lees_log(tmp_path / "s.duckdb")[0]["onderwerp"] == "5,5%"
    finally:
        appdb.vergeet()
