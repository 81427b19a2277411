"""Suspicious imports are refused with a Dutch explanation unless confirmed (--bevestig)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.ingest.importer import Bestand, importeer
from dashboard.store import Store, VerdachteImport
from tests.conftest import csv_bytes, importeer_teksten
from tests.test_ingest import ORG, PERS, VERZ

PEIL = dt.date(2024, 3, 31)
#: one employee left of three: more than half of the staff rows would disappear
PERS_EEN = "\n".join(PERS.strip().splitlines()[:2])


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def telling(s: Store) -> tuple[int, int]:
    return (
        s.sql("select count(*) from import_log")[0][0],
        s.sql("select count(*) from personeel_rij")[0][0],
    )


@pytest.fixture
def store() -> Store:
    s = Store(":memory:")
    assert importeer_teksten(s, PEIL, organisatie=ORG, personeel=PERS, verzuim=VERZ).geslaagd
    return s


def test_meer_dan_de_helft_minder_rijen_geweigerd(store):
    voor = telling(store)
    with pytest.raises(VerdachteImport) as fout:
        importeer_teksten(store, PEIL, personeel=PERS_EEN)
    tekst = str(fout.value)
    assert "personeel-gegevens van ORG zouden van 3 naar 1 rijen gaan" in tekst
    assert "Er is niets veranderd" in tekst and "--bevestig" in tekst
    assert telling(store) == voor


def test_peildatum_terug_geweigerd(store):
    with pytest.raises(VerdachteImport, match="peildatum van ORG zou teruggaan van 31-03-2024"):
        importeer_teksten(store, dt.date(2024, 2, 29), verzuim=VERZ)


def test_bevestigd_wordt_wel_ingelezen(store):
    res = importeer(
        store,
        [Bestand("personeel", "p.csv", csv_bytes(PERS_EEN))],
        peildatum=PEIL,
        gebruiker="test",
        bevestig=True,
    )
    assert res.geslaagd and telling(store)[1] == 4


def test_gewone_vervanging_niet_verdacht(store):
    assert importeer_teksten(store, PEIL, verzuim=VERZ).geslaagd


def test_cli_weigert_en_bevestig(tmp_path: Path, capsys):
    db = tmp_path / "s.duckdb"
    paden = {}
    for soort, tekst in (("organisatie", ORG), ("personeel", PERS), ("verzuim", VERZ)):
        paden[soort] = tmp_path / f"{soort}.csv"
        paden[soort].write_bytes(csv_bytes(tekst))
    args = ["import", "--db", str(db), "--peildatum", "2024-03-31"]
    for soort, pad in paden.items():
        args += [f"--{soort}", str(pad)]
    assert run(capsys, *args)[0] == 0
    een = tmp_path / "een.csv"
    een.write_bytes(csv_bytes(PERS_EEN))
    kort = ["import", "--db", str(db), "--peildatum", "2024-03-31", "--personeel", str(een)]
    code, _, err = run(capsys, *kort)
    assert code == 1 and "Import geweigerd: deze import lijkt niet te kloppen" in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "versies", "--db", str(db), "--formaat", "json")
    assert out.count('"versie"') == 2  # nothing was added
    assert run(capsys, *kort, "--bevestig")[0] == 0
