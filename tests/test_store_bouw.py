"""The facts build (dashboard.store._herbouw): blocks of months, the spill directory and its
setting.

The build takes the months in blocks so that its joins and sorts stay in memory at any number of
employees (bench: 1x, 2x, 4x the central government). Blocks must not change a single number:
the demo store rebuilt with one month per block (94 blocks, every spell that crosses a month
crosses a block) must hold exactly the facts of the same store built in one block.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import queries
from dashboard import store as store_module
from dashboard.config import ConfigFout, settings
from dashboard.store import Store, tijdelijke_map

_FEITEN = ("medewerker_maand", "feit", "feit_eenheid", "bevinding", "publicatie")
_BLOKKEN = queries.load("build/maandblok").replace("create or replace temp table maandblok as", "")


def _verschil(store: Store, tabel: str) -> int:
    """Rows in one table and not in the other (multisets, both ways)."""
    rij = store.sql(
        f"select count(*) from ((select * from {tabel} except all select * from ander.{tabel})"
        f" union all (select * from ander.{tabel} except all select * from {tabel}))"
    )
    return int(rij[0][0])


def test_een_maand_per_blok_geeft_dezelfde_feiten(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    een_blok = tmp_path / "een_blok.duckdb"
    shutil.copy(demo_db, een_blok)
    kopie = tmp_path / "per_maand.duckdb"
    shutil.copy(demo_db, kopie)
    opslag = Store(kopie)
    with opslag.schrijf() as cur:
        cur.execute("delete from bouwversie")  # the next open rebuilds the facts
    # the demo (8,874 employees) fits in one block by default: one block against 94
    assert len(opslag.sql(_BLOKKEN, {"rijen": store_module.BLOK_RIJEN})) == 1
    opslag.close()

    monkeypatch.setattr(store_module, "BLOK_RIJEN", 1)
    per_maand = Store(kopie)
    try:
        assert per_maand.bouwtijden  # this open rebuilt the facts
        blokken = per_maand.sql(_BLOKKEN, {"rijen": 1})
        assert len(blokken) == per_maand.sql("select count(*) from kalender")[0][0] == 94
        assert all(van == tot for _, van, tot, _ in blokken)
        per_maand.sql(f"attach '{een_blok}' as ander (read_only)")
        for tabel in _FEITEN:
            assert _verschil(per_maand, tabel) == 0, tabel
        n = per_maand.sql("select count(*), (select count(*) from ander.feit) from feit")[0]
        assert n[0] == n[1] > 100_000
        # the blocks come in month order and each is sorted: medewerker_maand is stored by month
        terug = per_maand.sql(
            "select count(*) filter (where maand < vorige) from (select maand, "
            "lag(maand) over (order by rowid) as vorige from medewerker_maand)"
        )
        assert terug[0][0] == 0
        # the block steps' temporary tables are gone after the build
        assert per_maand.sql("select table_name from duckdb_tables() where temporary") == []
    finally:
        per_maand.close()


def test_tijdelijke_map_naast_de_opslag_of_per_proces(tmp_path: Path) -> None:
    import os

    db = tmp_path / "opslag.duckdb"
    assert tijdelijke_map(db) == tmp_path.resolve() / "opslag.duckdb.tmp"
    # read-only processes may share a store on storage they cannot write to
    lezen = tijdelijke_map(db, read_only=True)
    assert lezen.parent != tmp_path.resolve() and lezen.name == f"verzuimzicht-{os.getpid()}.tmp"
    store = Store(db)
    try:
        rij = store.sql("select current_setting('temp_directory')")
        assert rij[0][0] == str(tmp_path.resolve() / "opslag.duckdb.tmp")
    finally:
        store.close()


def test_tijdelijke_map_instelling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERZUIMZICHT_DUCKDB_TIJDELIJK", str(tmp_path))
    assert settings().duckdb_tijdelijk == tmp_path
    assert tijdelijke_map(tmp_path / "x.duckdb") == tmp_path / "x.duckdb.tmp"
    store = Store(":memory:")
    try:
        rij = store.sql("select current_setting('temp_directory')")
        assert Path(rij[0][0]).parent == tmp_path
    finally:
        store.close()
    # a new directory inside an existing one is fine (DuckDB creates it when it spills)
    monkeypatch.setenv("VERZUIMZICHT_DUCKDB_TIJDELIJK", str(tmp_path / "nieuw"))
    assert settings().duckdb_tijdelijk == tmp_path / "nieuw"


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        ("tmp/verzuimzicht", "volledige pad"),
        ("./spill", "volledige pad"),
        ("BESTAND", "geen map"),
        ("/bestaat/niet/spill", "bestaat niet"),
    ],
)
def test_tijdelijke_map_ongeldig(
    waarde: str, tekst: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if waarde == "BESTAND":
        bestand = tmp_path / "een_bestand"
        bestand.write_text("x")
        waarde = str(bestand)
    monkeypatch.setenv("VERZUIMZICHT_DUCKDB_TIJDELIJK", waarde)
    with pytest.raises(ConfigFout, match="VERZUIMZICHT_DUCKDB_TIJDELIJK") as fout:
        settings()
    assert tekst in str(fout.value)
