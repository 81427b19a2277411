"""The versioned store: imports never wait for readers, readers never see half an import.

Real files, real second processes, real kill -9; no mock of DuckDB.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard import versies
from dashboard.cli import main
from dashboard.store import StoreFout, open_lezen
from tests.conftest import csv_bytes
from tests.test_ingest import ORG, PERS, VERZ

ROOT = Path(__file__).parent.parent


@pytest.fixture
def bestanden(tmp_path: Path) -> dict[str, Path]:
    paden = {}
    for soort, tekst in (("organisatie", ORG), ("personeel", PERS), ("verzuim", VERZ)):
        paden[soort] = tmp_path / f"{soort}.csv"
        paden[soort].write_bytes(csv_bytes(tekst))
    # a second absence extract that changes one spell (same number of rows: not suspicious)
    paden["verzuim2"] = tmp_path / "verzuim2.csv"
    paden["verzuim2"].write_bytes(csv_bytes(VERZ.replace("19-01-2024", "25-01-2024")))
    return paden


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def importeer(capsys, db: Path, b: dict[str, Path], verzuim: str = "verzuim") -> int:
    args = ["import", "--db", str(db), "--peildatum", "2024-03-31"]
    args += ["--organisatie", str(b["organisatie"]), "--personeel", str(b["personeel"])]
    args += ["--verzuim", str(b[verzuim])]
    return run(capsys, *args)[0]


def inhoud(db: Path) -> tuple[int, float]:
    """The latest import and the absence days of the active data (what a reader sees)."""
    s = open_lezen(db)
    try:
        imp = s.sql("select max(import_id) from import_log")[0][0]
        dagen = s.sql(
            "select coalesce(sum(verzuim_kort_e8 + verzuim_middellang_e8 + verzuim_lang_e8"
            " + verzuim_extra_lang_e8), 0) from feit"
        )[0][0]
        return int(imp or 0), float(dagen)
    finally:
        s.close()


_LEZER = """
import sys, time
from dashboard.store import open_lezen
s = open_lezen(sys.argv[1])
print("open", flush=True)
eind = time.monotonic() + float(sys.argv[2])
while time.monotonic() < eind:
    print(s.sql("select count(*) from import_log")[0][0], flush=True)
    time.sleep(0.05)
"""


def test_import_slaagt_terwijl_een_ander_proces_de_opslag_open_heeft(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    assert importeer(capsys, db, bestanden) == 0
    lezer = subprocess.Popen(
        [sys.executable, "-c", _LEZER, str(db), "6"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert lezer.stdout is not None and lezer.stdout.readline().strip() == "open"
        begin = time.monotonic()
        assert importeer(capsys, db, bestanden, "verzuim2") == 0
        assert time.monotonic() - begin < 5  # it did not wait for the reader
        assert lezer.poll() is None  # the reader is still reading
        assert inhoud(db)[0] == 2  # a new reader sees the new version at once
    finally:
        out, err = lezer.communicate(timeout=30)
    assert lezer.returncode == 0 and "Traceback" not in err, err
    # the process that had the old version open kept answering from it: never an error
    assert set(out.split()) == {"1"}


def test_lezer_tijdens_een_import_ziet_de_vorige_versie(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    assert importeer(capsys, db, bestanden) == 0
    voor = inhoud(db)
    with versies.nieuwe_versie(db, actie="test") as doel:
        with doel.schrijf() as cur:
            cur.execute("delete from verzuim_rij")
        # an app started now opens the current version, not the half-written one
        assert inhoud(db) == voor
    assert inhoud(db) == voor  # (no rebuild: facts unchanged, but the rows are gone)
    s = open_lezen(db)
    try:
        assert s.sql("select count(*) from verzuim_rij")[0][0] == 0
    finally:
        s.close()


def test_versies_herstel_heen_en_terug_en_naar(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    assert importeer(capsys, db, bestanden) == 0
    een = inhoud(db)
    assert importeer(capsys, db, bestanden, "verzuim2") == 0
    twee = inhoud(db)
    assert een[1] != twee[1]
    code, out, _ = run(capsys, "versies", "--db", str(db), "--formaat", "json")
    rijen = json.loads(out)
    assert code == 0 and [r["versie"] for r in rijen] == [3, 2, 1]
    assert rijen[0]["status"] == "huidig" and rijen[0]["actie"] == "import"
    assert "verzuim2.csv" in rijen[0]["bestanden"] and "verzuim" in rijen[0]["rijen"]
    assert rijen[0]["peildatum"].endswith("2024-03-31")

    code, out, _ = run(capsys, "herstel", "--db", str(db), "--gebruiker", "piet")
    assert code == 0 and "Versie 2 is teruggezet en vastgelegd als versie 4" in out
    assert inhoud(db)[1] == een[1]
    # twice is back again, never empty
    code, out, _ = run(capsys, "herstel", "--db", str(db))
    assert code == 0 and "Versie 3 is teruggezet" in out
    assert inhoud(db)[1] == twee[1]
    code, _, _ = run(capsys, "herstel", "--db", str(db), "--naar", "2")
    assert code == 0 and inhoud(db)[1] == een[1]
    lijst = versies.lijst(db)
    assert lijst[0].nummer == 6 and lijst[0].huidig and lijst[0].actie == "herstel"
    assert lijst[2].gebruiker == "piet"
    # import ids only go up (they are part of the app's cache keys)
    assert inhoud(db)[0] > twee[0]
    # a version that does not exist, or the current one: refused, nothing changed
    assert run(capsys, "herstel", "--db", str(db), "--naar", "99")[0] == 1
    assert run(capsys, "herstel", "--db", str(db), "--naar", "6")[0] == 1
    assert versies.huidig_nummer(db) == 6


def test_herstel_houdt_pilots_en_afspraken(tmp_path, bestanden, capsys):
    from dashboard import afspraken
    from dashboard.periods import Maand

    db = tmp_path / "s.duckdb"
    assert importeer(capsys, db, bestanden) == 0
    assert importeer(capsys, db, bestanden, "verzuim2") == 0
    s = open_lezen(db)
    org = s.sql("select organisatie from actief limit 1")[0][0]
    afspraken.bewaar(s, afspraken.Afspraak(org, Maand(2024, 3), "Gesprek plannen", "Jan", "open"))
    s.close()
    assert run(capsys, "herstel", "--db", str(db))[0] == 0
    s = open_lezen(db)
    try:
        assert [a.tekst for a in afspraken.van_overleg(s, org, Maand(2024, 3))] == [
            "Gesprek plannen"
        ]
    finally:
        s.close()


def test_oude_versies_worden_opgeruimd_de_laatste_blijven(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    assert importeer(capsys, db, bestanden) == 0
    lezer = open_lezen(db)  # a reader of version 2 while it is pruned
    for i in range(versies.BEWAREN + 1):
        assert importeer(capsys, db, bestanden, "verzuim2" if i % 2 else "verzuim") == 0
    lijst = versies.lijst(db)
    bewaard = [v.nummer for v in lijst if v.beschikbaar]
    assert len(bewaard) == versies.BEWAREN and lijst[0].huidig and lijst[0].nummer in bewaard
    assert not next(v for v in lijst if v.nummer == 2).beschikbaar
    # the reader of a removed version still reads it
    assert lezer.sql("select max(import_id) from import_log")[0][0] == 1
    lezer.close()
    assert run(capsys, "herstel", "--db", str(db), "--naar", "2")[0] == 1


def test_een_import_tegelijk(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    assert importeer(capsys, db, bestanden) == 0
    houder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom dashboard import versies\n"
         "with versies.slot(sys.argv[1]):\n    print('bezet', flush=True)\n    time.sleep(30)",
         str(db)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert houder.stdout is not None and houder.stdout.readline().strip() == "bezet"
        code, _, err = run(
            capsys, "import", "--db", str(db), "--peildatum", "2024-03-31",
            "--verzuim", str(bestanden["verzuim2"]),
        )  # fmt: skip
        assert code == 1 and "er loopt al een import of wijziging" in err
        assert "Traceback" not in err
        assert inhoud(db)[0] == 1
    finally:
        houder.kill()
        houder.wait()
    # the kernel frees the lock of a killed process: the next import works
    assert importeer(capsys, db, bestanden, "verzuim2") == 0


def test_slot_geweigerd_in_de_datalaag(tmp_path):
    db = tmp_path / "s.duckdb"
    with versies.slot(db):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                with versies.slot(db, wachten=0.2):
                    os._exit(3)
            except StoreFout:
                os._exit(0)
            os._exit(4)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def _kill_tijdens_import(db: Path, b: dict[str, Path], wacht: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "import", "--db", str(db), "--peildatum",
         "2024-03-31", "--verzuim", str(b["verzuim2"])],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(wacht)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.mark.slow
def test_kill_9_tijdens_een_import(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    assert importeer(capsys, db, bestanden) == 0
    een = inhoud(db)
    rng = random.Random(14)
    for _ in range(4):
        voor = inhoud(db)
        _kill_tijdens_import(db, bestanden, rng.uniform(0.3, 3.0))
        na = inhoud(db)  # opens without error, on the old or the new version
        assert na == voor or na[0] == voor[0] + 1
        assert importeer(capsys, db, bestanden) == 0
        assert not list(tmp_path.glob("s.duckdb.nieuw-*"))
        assert inhoud(db)[1] == een[1]


def test_herstel_maakt_de_opslag_nooit_leeg(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    assert importeer(capsys, db, bestanden) == 0  # version 1: the empty store, 2: the import
    code, _, err = run(capsys, "herstel", "--db", str(db))
    assert code == 1 and "leegmaken" in err
    assert inhoud(db)[0] == 1 and versies.huidig_nummer(db) == 2
