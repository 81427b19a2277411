"""Settings: every VERZUIMZICHT_* value is checked; one outside its range stops the app with a
Dutch message instead of silently switching suppression off (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import config
from dashboard.config import ConfigFout, settings

ROOT = Path(__file__).parent.parent
NAMEN = (
    "VERZUIMZICHT_DB",
    "VERZUIMZICHT_MIN_GROEP",
    "VERZUIMZICHT_MIN_RESPONDENTEN",
    "VERZUIMZICHT_HORIZON_JAREN",
    "VERZUIMZICHT_DUCKDB_GEHEUGEN",
)


@pytest.fixture(autouse=True)
def schone_omgeving(monkeypatch: pytest.MonkeyPatch) -> None:
    for naam in NAMEN:
        monkeypatch.delenv(naam, raising=False)


def test_standaardwaarden():
    s = settings()
    assert (s.db_path, s.min_groep, s.min_respondenten, s.horizon_jaren, s.duckdb_geheugen) == (
        config.DEFAULT_DB, 10, 10, 10, "768MB",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("naam", "waarde", "veld", "uit"),
    [
        ("VERZUIMZICHT_MIN_GROEP", "15", "min_groep", 15),
        ("VERZUIMZICHT_MIN_GROEP", " 1 ", "min_groep", 1),
        ("VERZUIMZICHT_MIN_GROEP", "", "min_groep", 10),
        ("VERZUIMZICHT_MIN_RESPONDENTEN", "140", "min_respondenten", 140),
        ("VERZUIMZICHT_HORIZON_JAREN", "1", "horizon_jaren", 1),
        ("VERZUIMZICHT_HORIZON_JAREN", "50", "horizon_jaren", 50),
        ("VERZUIMZICHT_DUCKDB_GEHEUGEN", "2GB", "duckdb_geheugen", "2GB"),
        ("VERZUIMZICHT_DUCKDB_GEHEUGEN", "512 mb", "duckdb_geheugen", "512MB"),
        ("VERZUIMZICHT_DUCKDB_GEHEUGEN", "1,5GiB", "duckdb_geheugen", "1.5GiB"),
    ],
)
def test_geldige_waarden(monkeypatch, naam, waarde, veld, uit):
    monkeypatch.setenv(naam, waarde)
    assert getattr(settings(), veld) == uit


@pytest.mark.parametrize(
    ("naam", "waarde", "bereik"),
    [
        ("VERZUIMZICHT_MIN_GROEP", "-1", "1 of meer"),
        ("VERZUIMZICHT_MIN_GROEP", "0", "1 of meer"),
        ("VERZUIMZICHT_MIN_GROEP", "tien", "1 of meer"),
        ("VERZUIMZICHT_MIN_GROEP", "10.5", "1 of meer"),
        ("VERZUIMZICHT_MIN_GROEP", "²", "1 of meer"),
        ("VERZUIMZICHT_MIN_RESPONDENTEN", "-5", "1 of meer"),
        ("VERZUIMZICHT_MIN_RESPONDENTEN", "0", "1 of meer"),
        ("VERZUIMZICHT_HORIZON_JAREN", "0", "1 tot en met 50"),
        ("VERZUIMZICHT_HORIZON_JAREN", "51", "1 tot en met 50"),
        ("VERZUIMZICHT_HORIZON_JAREN", "veel", "1 tot en met 50"),
        ("VERZUIMZICHT_DUCKDB_GEHEUGEN", "veel", "64MB"),
        ("VERZUIMZICHT_DUCKDB_GEHEUGEN", "768", "64MB"),
        ("VERZUIMZICHT_DUCKDB_GEHEUGEN", "1KB", "64MB"),
        ("VERZUIMZICHT_DUCKDB_GEHEUGEN", "-2GB", "64MB"),
    ],
)
def test_waarde_buiten_bereik_stopt_met_een_duidelijke_melding(monkeypatch, naam, waarde, bereik):
    monkeypatch.setenv(naam, waarde)
    with pytest.raises(ConfigFout) as fout:
        settings()
    tekst = str(fout.value)
    assert tekst.startswith(f"Ongeldige instelling {naam}='{waarde}': ")
    assert bereik in tekst
    assert isinstance(fout.value, ValueError)


def test_onderdrukking_gaat_niet_uit_via_de_omgeving(monkeypatch):
    monkeypatch.setenv("VERZUIMZICHT_MIN_GROEP", "-1")
    with pytest.raises(ConfigFout, match="--min-groep 0"):
        settings()


def test_app_stopt_met_de_melding_zonder_traceback(demo_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("VERZUIMZICHT_DB", str(demo_db))
    monkeypatch.setenv("VERZUIMZICHT_MIN_GROEP", "-1")
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Ongeldige instelling VERZUIMZICHT_MIN_GROEP='-1': gebruik een geheel getal van 1 of "
        "meer (standaard 10). Kleine groepen worden altijd verborgen; alleen op de "
        "opdrachtregel kan dat uit, met --min-groep 0."
    ]
    # nothing else: no title, no numbers, no sidebar
    assert not at.title and not at.metric and not at.sidebar.children
