"""SQL files, one question per file, and a tiny loader."""

from __future__ import annotations

from collections.abc import Mapping
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
