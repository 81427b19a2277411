"""SQL files, one question per file, and a tiny loader."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

QUERY_DIR = Path(__file__).resolve().parent


@cache
def load(name: str) -> str:
    """The text of `queries/<name>.sql` (name may include a subfolder, e.g. `build/dienst`)."""
    path = (QUERY_DIR / f"{name}.sql").resolve()
    if QUERY_DIR not in path.parents:
        raise ValueError(f"query name outside the query folder: {name}")
    return path.read_text(encoding="utf-8")


#: The query names this process has run (`sql`): the test suite checks that a full run ran every
#: file (tests/conftest.py, `pytest_sessionfinish`).
GEDRAAID: set[str] = set()


def sql(name: str) -> str:
    """The text of `queries/<name>.sql` to run now (`load`, and noted in `GEDRAAID`)."""
    tekst = load(name)
    GEDRAAID.add(name)
    return tekst


def all_names() -> list[str]:
    """Every query name (used by the test that checks each file is used and runs)."""
    return sorted(str(p.relative_to(QUERY_DIR).with_suffix("")) for p in QUERY_DIR.rglob("*.sql"))


def vraag(
    cur: duckdb.DuckDBPyConnection,
    name: str,
    params: Mapping[str, Any] | None = None,
    relaties: Mapping[str, pl.DataFrame] | None = None,
) -> pl.DataFrame:
    """Run `queries/<name>.sql` on a cursor with bound parameters and registered input frames."""
    for naam, frame in (relaties or {}).items():
        cur.register(naam, frame)
    try:
        return cur.sql(sql(name), params=dict(params or {})).pl()
    finally:
        for naam in relaties or {}:
            cur.unregister(naam)


_MAAKT = re.compile(
    r"\b(?:create\s+(?:or\s+replace\s+)?(?:temp\s+|temporary\s+)?table\s+(?:if\s+not\s+exists\s+)?"
    r"|insert\s+into\s+)(\w+)",
    re.IGNORECASE,
)
_LEEST = re.compile(r"\b(?:from|join)\s+(\w+)", re.IGNORECASE)
_CTE = re.compile(r"\b(\w+)\s+as\s*\(", re.IGNORECASE)
_WEG = re.compile(r"\bdrop\s+table\s+(?:if\s+exists\s+)?(?:temp\.)?(\w+)", re.IGNORECASE)
_COMMENTAAR = re.compile(r"--[^\n]*")


def tabellen(name: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The tables `queries/<name>.sql` writes (create/insert), reads (from/join, its own CTE
    names and the tables it writes left out) and drops, from the statement text without its
    comments."""
    tekst = _COMMENTAAR.sub("", load(name))
    maakt = {m.lower() for m in _MAAKT.findall(tekst)}
    eigen = {m.lower() for m in _CTE.findall(tekst)}
    leest = {m.lower() for m in _LEEST.findall(tekst)} - eigen - maakt
    weg = {m.lower() for m in _WEG.findall(tekst)}
    return frozenset(maakt), frozenset(leest), frozenset(weg)


def bouwvolgorde(namen: Sequence[str]) -> tuple[str, ...]:
    """The build steps `namen` in an order where every step comes after the steps whose tables
    it reads, and a step that drops a table after every step that uses it (the dependencies are
    what the SQL itself writes, reads and drops). Among steps that do not depend on each other
    the given order stands; a cycle is an error."""
    t = {n: tabellen(n) for n in namen}
    nodig = {
        n: {
            m for m in namen
            if m != n and (t[m][0] & t[n][1] or t[n][2] & (t[m][0] | t[m][1]))
        }
        for n in namen
    }  # fmt: skip
    uit: list[str] = []
    while len(uit) < len(namen):
        klaar = [n for n in namen if n not in uit and nodig[n] <= set(uit)]
        if not klaar:
            rest = [n for n in namen if n not in uit]
            raise ValueError(f"cycle among build steps: {rest}")
        uit.append(klaar[0])
    return tuple(uit)
