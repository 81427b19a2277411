"""Settings, read from the environment once; defaults suit the local demo."""

from __future__ import annotations

import os
import re
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
#: DuckDB memory limit (it spills to disk beyond it).
DEFAULT_DUCKDB_GEHEUGEN = "768MB"
#: Hours of a full-time week (the Rijk's working week): deeltijdfactor = contract hours / this.
DEFAULT_VOLTIJD_UREN = 36.0


#: Bounds of the settings that are whole numbers: (lowest, highest or None).
_GRENZEN: dict[str, tuple[int, int | None]] = {
    "VERZUIMZICHT_MIN_GROEP": (1, None),
    "VERZUIMZICHT_MIN_RESPONDENTEN": (1, None),
    "VERZUIMZICHT_HORIZON_JAREN": (1, 50),
}
_GEHEUGEN = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(KB|MB|GB|TB|KIB|MIB|GIB|TIB)$", re.IGNORECASE)
_EENHEID = {"KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "KIB": 2**10, "MIB": 2**20,
            "GIB": 2**30, "TIB": 2**40}  # fmt: skip
#: Below this DuckDB cannot build the monthly facts of even a small organisation.
_MIN_GEHEUGEN = 64e6


class ConfigFout(ValueError):
    """A VERZUIMZICHT_* setting that is not allowed; the message is Dutch and names the variable,
    its value and what is allowed. The app and the CLI stop on it: a setting is never guessed."""


def _ruw(naam: str) -> str:
    return os.environ.get(naam, "").strip()


def _geheel(naam: str, standaard: int) -> int:
    raw = _ruw(naam)
    if not raw:
        return standaard
    laag, hoog = _GRENZEN[naam]
    bereik = f"{laag} of meer" if hoog is None else f"{laag} tot en met {hoog}"
    if re.fullmatch(r"[0-9]{1,9}", raw) is None or not (
        laag <= int(raw) and (hoog is None or int(raw) <= hoog)
    ):
        uitleg = (
            " Kleine groepen worden altijd verborgen; alleen op de opdrachtregel kan dat uit, "
            "met --min-groep 0."
            if naam == "VERZUIMZICHT_MIN_GROEP"
            else ""
        )
        raise ConfigFout(
            f"Ongeldige instelling {naam}='{raw}': gebruik een geheel getal van {bereik} "
            f"(standaard {standaard}).{uitleg}"
        )
    return int(raw)


def _geheugen(naam: str, standaard: str) -> str:
    raw = _ruw(naam)
    if not raw:
        return standaard
    m = _GEHEUGEN.match(raw)
    if m is None or float(m.group(1).replace(",", ".")) * _EENHEID[m.group(2).upper()] < (
        _MIN_GEHEUGEN
    ):
        raise ConfigFout(
            f"Ongeldige instelling {naam}='{raw}': gebruik een hoeveelheid geheugen van ten "
            f"minste 64MB, zoals 768MB of 2GB (standaard {standaard})."
        )
    eenheid = m.group(2).upper().replace("I", "i")
    return f"{m.group(1).replace(',', '.')}{eenheid}"


def _map(naam: str) -> Path | None:
    raw = _ruw(naam)
    if not raw:
        return None
    pad = Path(raw)
    fout = f"Ongeldige instelling {naam}='{raw}': "
    if not pad.is_absolute():
        raise ConfigFout(
            f"{fout}gebruik het volledige pad van een map, zoals /var/tmp/verzuimzicht "
            "(standaard: naast de gegevensopslag)."
        )
    if pad.exists() and not pad.is_dir():
        raise ConfigFout(f"{fout}dat is een bestand, geen map.")
    if not pad.exists() and not pad.parent.is_dir():
        raise ConfigFout(
            f"{fout}de map {pad.parent} bestaat niet; gebruik een bestaande map of een nieuwe "
            "map in een bestaande map."
        )
    return pad


def _uren(naam: str, standaard: float) -> float:
    raw = _ruw(naam)
    if not raw:
        return standaard
    if re.fullmatch(r"[0-9]{1,2}(?:[.,][0-9]{1,2})?", raw) is None or not (
        12 <= float(raw.replace(",", ".")) <= 60
    ):
        raise ConfigFout(
            f"Ongeldige instelling {naam}='{raw}': gebruik het aantal uren van een voltijdse "
            f"werkweek, van 12 tot en met 60, zoals 36 of 38,5 (standaard {standaard:g})."
        )
    return float(raw.replace(",", "."))


def _database_url(naam: str) -> str | None:
    raw = _ruw(naam)
    if not raw:
        return None
    if re.fullmatch(r"(postgresql(\+psycopg)?|sqlite)://\S*", raw) is None:
        raise ConfigFout(
            f"Ongeldige instelling {naam}: gebruik een database-URL zoals "
            "postgresql://gebruiker:wachtwoord@server:5432/verzuimzicht of "
            "sqlite:////var/lib/verzuimzicht/app.sqlite (standaard: SQLite naast de "
            "gegevensopslag)."
        )
    return raw


@dataclass(frozen=True)
class Settings:
    """Deployment settings; one instance per process."""

    db_path: Path
    min_groep: int
    min_respondenten: int
    horizon_jaren: int
    duckdb_geheugen: str
    #: Hours of a full-time week: an extract with hours per week gets factor hours / this.
    voltijd_uren: float = DEFAULT_VOLTIJD_UREN
    #: Where DuckDB spills beyond its memory limit; None: next to the store (see store.py).
    duckdb_tijdelijk: Path | None = None
    #: The app database (audit log) as a URL; None: SQLite beside the store (dashboard/appdb.py).
    app_db: str | None = None


def settings() -> Settings:
    """Read the settings from the environment (VERZUIMZICHT_*); raises ConfigFout for a value
    outside its range (an empty value means the default)."""
    db = _ruw("VERZUIMZICHT_DB")
    return Settings(
        db_path=Path(db) if db else DEFAULT_DB,
        min_groep=_geheel("VERZUIMZICHT_MIN_GROEP", DEFAULT_MIN_GROEP),
        min_respondenten=_geheel("VERZUIMZICHT_MIN_RESPONDENTEN", DEFAULT_MIN_RESPONDENTEN),
        horizon_jaren=_geheel("VERZUIMZICHT_HORIZON_JAREN", DEFAULT_HORIZON_JAREN),
        duckdb_geheugen=_geheugen("VERZUIMZICHT_DUCKDB_GEHEUGEN", DEFAULT_DUCKDB_GEHEUGEN),
        voltijd_uren=_uren("VERZUIMZICHT_VOLTIJD_UREN", DEFAULT_VOLTIJD_UREN),
        duckdb_tijdelijk=_map("VERZUIMZICHT_DUCKDB_TIJDELIJK"),
        app_db=_database_url("VERZUIMZICHT_APP_DB"),
    )
