"""All SQL lives in queries/: every file there is used by the code, and every query name the code
asks for has its file. (That every file also runs is checked over the whole suite: see
`pytest_sessionfinish` in tests/conftest.py, which fails a full run that never executed one.)"""

from __future__ import annotations

import ast
from pathlib import Path

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
