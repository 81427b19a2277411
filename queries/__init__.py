"""SQL files, one question per file, and a tiny loader."""

from __future__ import annotations

from functools import cache
from pathlib import Path

QUERY_DIR = Path(__file__).resolve().parent


@cache
def load(name: str) -> str:
    """The text of `queries/<name>.sql` (name may include a subfolder, e.g. `build/dienst`)."""
    path = (QUERY_DIR / f"{name}.sql").resolve()
    if QUERY_DIR not in path.parents:
        raise ValueError(f"query name outside the query folder: {name}")
    return path.read_text(encoding="utf-8")


def all_names() -> list[str]:
    """Every query name (used by the test that checks each file is used and runs)."""
    return sorted(str(p.relative_to(QUERY_DIR).with_suffix("")) for p in QUERY_DIR.rglob("*.sql"))
