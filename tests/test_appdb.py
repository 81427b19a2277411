"""The app database on SQLite (WAL, beside the store) and on PostgreSQL, for real: norms,
meetings and the audit log through one SQLAlchemy Core code path, with role checks.

PostgreSQL runs when VERZUIMZICHT_TEST_PG names a database (.ci/run starts Debian's postgresql
with .ci/postgres and sets it); otherwise those cases are skipped with that reason."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from dashboard import appdb, normen, overleggen
from dashboard.periods import Maand
from dashboard.rollen import Gebruiker, Geweigerd

ROOT = Path(__file__).parent.parent
ADVISEUR = Gebruiker("a@x.nl", "adviseur", frozenset({"MLV"}))
LEZER = Gebruiker("l@x.nl", "lezer", frozenset({"MLV"}))
PG = os.environ.get("VERZUIMZICHT_TEST_PG", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> Iterator[appdb.AppDb]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 's.app.sqlite'}"
        yield appdb.open_url(url)
        appdb.vergeet(url)
        return
    if not PG:
        pytest.skip("VERZUIMZICHT_TEST_PG is niet gezet: .ci/run start PostgreSQL (.ci/postgres)")
    # a schema of its own per test, so that tests never see each other's rows
    schema = f"t_{uuid.uuid4().hex[:12]}"
    beheer = sa.create_engine(PG)
    with beheer.begin() as conn:
        conn.execute(sa.text(f"create schema {schema}"))
    url = f"{PG}?options=-csearch_path%3D{schema}"
    try:
        yield appdb.open_url(url)
    finally:
        appdb.vergeet(url)
        with beheer.begin() as conn:
            conn.execute(sa.text(f"drop schema {schema} cascade"))
        beheer.dispose()


def test_norm_lezen_bewaren_en_rol(db):
    assert normen.lees(db, "MLV") is None
    with pytest.raises(Geweigerd, match="rol lezer"):
        normen.bewaar(db, normen.Norm("MLV", 5.5, 1.2), LEZER)
    with pytest.raises(Geweigerd, match="geen toegang tot DUV"):
        normen.bewaar(db, normen.Norm("DUV", 5.5, 1.2), ADVISEUR)
    with pytest.raises(normen.NormFout, match="van 0 tot en met 100"):
        normen.bewaar(db, normen.Norm("MLV", 150.0, None), ADVISEUR)
    normen.bewaar(db, normen.Norm("MLV", 5.5, 1.2), ADVISEUR)
    normen.bewaar(db, normen.Norm("MLV", 5.0, None), ADVISEUR)
    n = normen.lees(db, "MLV")
    assert n is not None and (n.verzuimpercentage, n.meldingsfrequentie) == (5.0, None)
    assert n.gewijzigd_door == "a@x.nl"
    log = appdb.lees_log(db)
    assert [r["actie"] for r in log] == ["norm bewaard", "norm bewaard"]
    assert log[0]["organisatie"] == "MLV" and log[0]["rol"] == "adviseur"


def test_overleg_lezen_en_bewaren(db):
    m = Maand(2026, 10)
    assert overleggen.lees(db, "MLV", m) is None
    o = overleggen.Overleg("MLV", m, "MLV-A", 2, ("MLV-A1", "MLV-A2"), ("Proef",), ("werkdruk",))
    with pytest.raises(Geweigerd):
        overleggen.bewaar(db, o, LEZER)
    overleggen.bewaar(db, o, ADVISEUR)
    overleggen.bewaar(
        db, overleggen.Overleg("MLV", m, "MLV-A", 2, ("MLV-A1",), (), ()),
        Gebruiker("b@x.nl", "adviseur", None),
    )  # fmt: skip
    terug = overleggen.lees(db, "MLV", m)
    assert terug is not None and terug.eenheden == ("MLV-A1",) and terug.pilots == ()
    assert terug.aangemaakt_door == "a@x.nl" and terug.niveau == 2
    assert overleggen.lees(db, "MLV", Maand(2026, 9)) is None
    assert appdb.lees_log(db)[0]["maand"] == "2026-10"


def test_twee_processen_schrijven_tegelijk(db):
    """Two processes write to one app database at once: every change lands, none is lost."""
    code = (
        "import sys\nfrom dashboard import appdb\nfrom dashboard.rollen import LOKAAL\n"
        "db = appdb.open_url(sys.argv[1])\n"
        "for i in range(25):\n"
        "    appdb.schrijf_log(db, LOKAAL, 'export', f'{sys.argv[2]} {i}')\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, db.url, naam], cwd=ROOT)
        for naam in ("een", "twee")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    onderwerpen = {r["onderwerp"] for r in appdb.lees_log(db)}
    assert len(onderwerpen) == 50


def test_sqlite_in_wal_naast_de_opslag(tmp_path):
    pad = tmp_path / "verzuimzicht.duckdb"
    url = appdb.url_voor(pad)
    assert url.endswith("verzuimzicht.app.sqlite")
    db = appdb.open_url(url)
    try:
        with db.lees() as conn:
            assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"
    finally:
        appdb.vergeet(url)
