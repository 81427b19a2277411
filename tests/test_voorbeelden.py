"""The example files of data/voorbeelden/ (README, "Extract formats"): each imports through the
CLI, and the layouts of one kind that describe the same people and absence give the same metrics
(hours per week against the factor, events against spells)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_metrics_reference import run_cli

VOORBEELDEN = Path(__file__).parent.parent / "data" / "voorbeelden"
PEIL = "2025-03-31"
#: The absence files: spells, and the same absence as events in Visma's and AFAS's spelling.
VERZUIM = ("verzuim.csv", "verzuim_mutaties.csv", "verzuim_mutaties_afas.csv")
PERSONEEL = ("personeel.csv", "personeel_uren.csv")


def importeer(db: Path, **bestanden: str) -> str:
    args = ["import", "--db", str(db), "--peildatum", PEIL]
    for soort, naam in bestanden.items():
        args += [f"--{soort}", str(VOORBEELDEN / naam)]
    return run_cli(*args)


def metrics(db: Path) -> str:
    return run_cli(
        "metrics", "--db", str(db), "--van", "2024-01", "--tot", "2025-03", "--per", "maand",
        "--eenheid", "VB-A", "--eenheid", "VB-B", "--min-groep", "0",
    )  # fmt: skip


def test_elk_voorbeeld_is_gedocumenteerd():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for pad in sorted(VOORBEELDEN.iterdir()):
        assert f"data/voorbeelden/{pad.name}" in readme, pad.name


@pytest.mark.parametrize("personeel", PERSONEEL)
@pytest.mark.parametrize("verzuim", VERZUIM)
def test_voorbeelden_importeren_en_geven_dezelfde_cijfers(tmp_path, personeel, verzuim):
    db = tmp_path / "s.duckdb"
    uit = importeer(
        db, organisatie="organisatie.csv", personeel=personeel, verzuim=verzuim,
        enquete="enquete.csv",
    )  # fmt: skip
    assert "geslaagd" in uit
    if personeel == "personeel_uren.csv":
        assert "deeltijdfactor = 'Arbeidsomvang' / 36 uur" in uit
    if verzuim != "verzuim.csv":
        assert "samengevoegd tot 6 verzuimmeldingen" in uit
    basis = tmp_path / "basis.duckdb"
    importeer(
        basis, organisatie="organisatie.csv", personeel="personeel.csv", verzuim="verzuim.csv"
    )
    cijfers = metrics(db)
    assert cijfers == metrics(basis)
    # not vacuous: absence in both units, with a partial recovery (V002's 50% from 17-02-2025)
    assert cijfers.count("\n") == 1 + 15 * 2
    feb = next(r for r in cijfers.splitlines() if r.startswith("2025-02,VB-A,"))
    assert feb.split(",")[5] not in ("", "0")
