"""All SQL lives in queries/: every file there is used by the code, and every query name the code
asks for has its file. (That every file also runs is checked over the whole suite: see
`pytest_sessionfinish` in tests/conftest.py, which fails a full run that never executed one.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import queries

ROOT = Path(__file__).resolve().parent.parent
BRONNEN = [
    p
    for map_ in ("dashboard", "bench", "pages")
    for p in (ROOT / map_).rglob("*.py")
] + [ROOT / "app.py"]  # fmt: skip
#: Calls that take a query name: store.query(name, ...), queries.load(name), vraag(cur, name, ...)
_AANROEPEN = {"query": 0, "load": 0, "sql": 0, "vraag": 1}


def _letterlijke_teksten() -> set[str]:
    teksten = set()
    for pad in BRONNEN:
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
                teksten.add(knoop.value)
    return teksten


def _gevraagde_namen() -> dict[str, str]:
    namen = {}
    for pad in BRONNEN:
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if not isinstance(knoop, ast.Call):
                continue
            f = knoop.func
            naam = (
                f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            )
            plek = _AANROEPEN.get(naam)
            if plek is None or len(knoop.args) <= plek:
                continue
            arg = knoop.args[plek]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                namen[arg.value] = f"{pad.relative_to(ROOT)}:{knoop.lineno}"
    return namen


def test_elk_sql_bestand_wordt_gebruikt():
    teksten = _letterlijke_teksten()
    ongebruikt = [n for n in queries.all_names() if n not in teksten]
    assert not ongebruikt, f"SQL files no code names: {ongebruikt}"


def test_elke_gevraagde_query_heeft_een_bestand():
    bestaand = set(queries.all_names())
    # only names that look like query names (store.query also gets SQL text in a few places)
    ontbreekt = {
        n: plek
        for n, plek in _gevraagde_namen().items()
        if " " not in n and "\n" not in n and n not in bestaand
    }
    assert not ontbreekt, ontbreekt


def test_de_controle_kan_falen(tmp_path, monkeypatch):
    """A file no code names is found."""
    (tmp_path / "nergens_gebruikt.sql").write_text("select 1", encoding="utf-8")
    monkeypatch.setattr(queries, "QUERY_DIR", tmp_path)
    assert queries.all_names() == ["nergens_gebruikt"]
    assert "nergens_gebruikt" not in _letterlijke_teksten()


def test_bouwvolgorde_volgt_wat_de_sql_leest_schrijft_en_weggooit():
    from dashboard import store

    fasen = (store.BOUW_VOORAF, store.BOUW_PER_BLOK, store.BOUW_DAARNA)
    # every build file is in one phase (kalender_blok names each block inside the loop)
    bouw = [n for n in queries.all_names() if n.startswith("build/")]
    assert sorted([*(n for f in fasen for n in f), "build/kalender_blok"]) == sorted(bouw)
    for fase in fasen:
        for i, stap in enumerate(fase):
            _, leest, weg = queries.tabellen(stap)
            for later in fase[i + 1 :]:
                # nothing a step reads is made by a step after it in its phase
                assert not (queries.tabellen(later)[0] & leest), (stap, later)
                # and a step that drops a table comes after every step that uses it
                assert not (weg & (queries.tabellen(later)[0] | queries.tabellen(later)[1]))
        # listed the other way round, the derived order is valid as well
        omgekeerd = queries.bouwvolgorde(tuple(reversed(sorted(fase))))
        assert sorted(omgekeerd) == sorted(fase) and all(_geldig(omgekeerd))
    # what the parser sees, by hand: melding_start reads dienst, melding and peil
    assert queries.tabellen("build/melding_start")[1] == {"dienst", "melding", "peil"}
    assert "melding" in queries.tabellen("build/melding")[0]
    assert "reeks" in queries.tabellen("build/opruimen")[2]


def _geldig(volgorde: tuple[str, ...]) -> list[bool]:
    gezien: set[str] = set()
    uit = []
    for stap in volgorde:
        leest = queries.tabellen(stap)[1]
        later = {
            t for s in volgorde if s not in gezien and s != stap for t in queries.tabellen(s)[0]
        }
        uit.append(not (leest & later))
        gezien.add(stap)
    return uit


def test_bouwvolgorde_weigert_een_kringloop(monkeypatch):
    teksten = {
        "a": "create table a as select * from b",
        "b": "create table b as select * from a",
    }
    monkeypatch.setattr(queries, "load", lambda naam: teksten[naam])
    with pytest.raises(ValueError, match="cycle"):
        queries.bouwvolgorde(("a", "b"))
    # and without the cycle, b goes first because a reads it
    teksten["b"] = "create table b as select 1"
    assert queries.bouwvolgorde(("a", "b")) == ("b", "a")
