"""Settings, read from the environment once; defaults suit the local demo."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = PROJECT_ROOT / "data" / "demo"
BENCHMARK_DIR = PROJECT_ROOT / "data" / "benchmarks"
DEFAULT_DB = PROJECT_ROOT / "data" / "verzuimzicht.duckdb"

#: Groups with a bezetting below this are suppressed (DESIGN 4).
DEFAULT_MIN_GROEP = 10
#: Survey results need at least this many respondents (DESIGN 4).
DEFAULT_MIN_RESPONDENTEN = 10
#: Monthly facts reach this many whole calendar years back before the peildatum's year.
DEFAULT_HORIZON_JAREN = 10


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return max(0, int(raw))
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    """Deployment settings; one instance per process."""

    db_path: Path
    min_groep: int
    min_respondenten: int
    horizon_jaren: int
    duckdb_geheugen: str


def settings() -> Settings:
    """Read the settings from the environment (VERZUIMZICHT_*)."""
    db = os.environ.get("VERZUIMZICHT_DB", "").strip()
    return Settings(
        db_path=Path(db) if db else DEFAULT_DB,
        min_groep=_int_env("VERZUIMZICHT_MIN_GROEP", DEFAULT_MIN_GROEP),
        min_respondenten=_int_env("VERZUIMZICHT_MIN_RESPONDENTEN", DEFAULT_MIN_RESPONDENTEN),
        horizon_jaren=_int_env("VERZUIMZICHT_HORIZON_JAREN", DEFAULT_HORIZON_JAREN),
        duckdb_geheugen=os.environ.get("VERZUIMZICHT_DUCKDB_GEHEUGEN", "").strip() or "768MB",
    )
