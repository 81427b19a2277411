"""The same absence as spells or as events gives identical metrics (issue 12, section 1).

Random extracts come from tests/test_metrics_reference.py. Their spells are made whole (the
phases of one spell follow each other without a gap, as events can only describe), written once
as spells and once as the events a Visma or SIVI export would hold: a sick report at a spell's
first day, a partial recovery at each next phase, a full recovery the day after its last day.
Both are imported through the CLI; every cell of `metrics` must equal the day-by-day oracle
(tests/reference_model.py) for both files, so the two imports agree with each other too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from tests.test_metrics_reference import (
    _VAN_TOT,
    FASEN,
    LANGZAAM,
    ORG_KOLOMMEN,
    PERS,
    PERS_KOLOMMEN,
    VERZ_KOLOMMEN,
    Extract,
    _selecties,
    extracts,
    run_cli,
    schrijf_csv,
    vergelijk,
    voorbeeld_randgevallen,
)


def aaneengesloten(x: Extract) -> Extract:
    """The extract with the phases of each spell back to back (a gap between two phases of one
    spell closes at the next phase's first day): events cannot say 'absent again, same spell'."""
    verzuim: list[dict[str, Any]] = []
    vorige: dict[str, Any] | None = None
    for r in x.verzuim:
        r = dict(r)
        zelfde = (
            vorige is not None
            and r["melding_id"] is not None
            and r["melding_id"] == vorige["melding_id"]
        )
        if zelfde and vorige is not None and vorige["laatste_verzuimdag"] is not None:
            vorige["laatste_verzuimdag"] = r["eerste_verzuimdag"] - dt.timedelta(days=1)
        verzuim.append(r)
        vorige = r
    return Extract(x.organisatie, x.personeel, verzuim, x.peildatum)


def gevallen(x: Extract) -> list[list[dict[str, Any]]]:
    """The spells of an extract, each its phases in order (rows without melding_id alone)."""
    uit: list[list[dict[str, Any]]] = []
    for r in x.verzuim:
        if uit and r["melding_id"] is not None and uit[-1][0]["melding_id"] == r["melding_id"]:
            uit[-1].append(r)
        else:
            uit.append([r])
    return uit


KOP_AO = {
    "ao": "Percentage arbeidsongeschikt",
    "hersteld": "Percentage hersteld",
    "aanwezig": "Aanwezigheidspercentage",
}


def _percentage(ao: Decimal | None, vorm: str) -> str:
    if ao is None:
        return ""
    waarde = ao if vorm == "ao" else Decimal(100) - ao
    return format(waarde, "f").replace(".", ",")


def mutaties(
    x: Extract, vorm: str, op_datum: bool, soort_overal: bool, kies: Callable[[list[str]], str]
) -> list[dict[str, Any]]:
    """The events of the spells: ziekmelding, gedeeltelijk herstel, volledig herstel (with a
    spelling drawn per row), the file in employee order or in date order."""
    rijen: list[dict[str, Any]] = []
    for geval in gevallen(x):
        eerste = geval[0]
        soort = eerste["verzuimsoort"] or ""
        for i, fase in enumerate(geval):
            rijen.append(
                {
                    "mw": fase["medewerker_id"],
                    "datum": fase["eerste_verzuimdag"],
                    "soort": kies(["Ziekmelding", "ziek", "ZIEKMELDING"])
                    if i == 0
                    else kies(["Gedeeltelijk herstel", "deelherstel"]),
                    # a partial recovery needs the percentage that remains
                    "pct": _percentage(
                        fase["ao_percentage"] if fase["ao_percentage"] is not None or i == 0
                        else Decimal(100), vorm,
                    ),
                    "verzuimsoort": soort if i == 0 or soort_overal else "",
                }
            )  # fmt: skip
        laatste = geval[-1]["laatste_verzuimdag"]
        if laatste is not None:
            rijen.append(
                {
                    "mw": eerste["medewerker_id"],
                    "datum": laatste + dt.timedelta(days=1),
                    "soort": kies(["Volledig herstel", "herstel", "hersteld"]),
                    "pct": "",
                    "verzuimsoort": soort if soort_overal else "",
                }
            )
    if op_datum:
        # the file in date order over all employees: each employee's own order is kept
        rijen = sorted(rijen, key=lambda r: r["datum"])
    return rijen


def schrijf_mutaties(rijen: Sequence[dict[str, Any]], vorm: str, pad: Path) -> Path:
    """Events as a Dutch export: `;`, dd-mm-jjjj, Windows-1252, the systems' own headers."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["Personeelsnummer", "Mutatiedatum", "Soort mutatie", KOP_AO[vorm], "Verzuimsoort"])
    for r in rijen:
        w.writerow([r["mw"], f"{r['datum']:%d-%m-%Y}", r["soort"], r["pct"], r["verzuimsoort"]])
    pad.write_bytes(buf.getvalue().encode("cp1252"))
    return pad


def importeer_beide(x: Extract, rijen: Sequence[dict[str, Any]], vorm: str, map_: Path) -> tuple[Path, Path]:  # fmt: skip
    """Import the extract twice: absence as spells, and as events."""
    org = schrijf_csv(x.organisatie, ORG_KOLOMMEN, map_ / "organisatie.csv")
    pers = schrijf_csv(x.personeel, PERS_KOLOMMEN, map_ / "personeel.csv")
    dbs = []
    for naam, verzuim in (
        ("perioden", schrijf_csv(x.verzuim, VERZ_KOLOMMEN, map_ / "verzuim.csv")),
        ("mutaties", schrijf_mutaties(rijen, vorm, map_ / "mutaties.csv")),
    ):
        db = map_ / f"{naam}.duckdb"
        args = ["import", "--db", str(db), "--peildatum", x.peildatum.isoformat(),
                "--organisatie", str(org), "--personeel", str(pers)]  # fmt: skip
        if x.verzuim:
            args += ["--verzuim", str(verzuim)]
        run_cli(*args)
        dbs.append(db)
    return dbs[0], dbs[1]


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Extract, list[dict[str, Any]], str, list[str], list[tuple[str, str, str]]]:  # fmt: skip
    """An extract with whole spells, its events, a unit selection and a range for every --per."""
    x = aaneengesloten(draw(extracts()))
    vorm = draw(st.sampled_from(sorted(KOP_AO)))
    rijen = mutaties(
        x, vorm, draw(st.booleans()), draw(st.booleans()), lambda o: draw(st.sampled_from(o))
    )
    return x, rijen, vorm, _selecties(x, draw), [(per, *draw(_VAN_TOT)) for per in PERS]


def _randgevallen() -> tuple[Extract, list[dict[str, Any]], str, list[str], list[tuple[str, str, str]]]:  # fmt: skip
    x, eenheden, vragen = voorbeeld_randgevallen()
    x = aaneengesloten(x)
    return x, mutaties(x, "hersteld", True, False, lambda o: o[-1]), "hersteld", eenheden, vragen


@settings(max_examples=20, deadline=None, phases=FASEN, suppress_health_check=LANGZAAM)
@given(scenarios())
@example(_randgevallen())
def test_mutaties_en_perioden_gelijk_aan_referentie(
    scenario: tuple[Extract, list[dict[str, Any]], str, list[str], list[tuple[str, str, str]]],
) -> None:
    x, rijen, vorm, eenheden, vragen = scenario
    if any(len(g) > 1 for g in gevallen(x)):
        event("geval met gedeeltelijk herstel")
    if any(
        a[-1]["laatste_verzuimdag"] is not None
        and b[0]["medewerker_id"] == a[0]["medewerker_id"]
        and b[0]["eerste_verzuimdag"] == a[-1]["laatste_verzuimdag"] + dt.timedelta(days=1)
        for a, b in zip(gevallen(x), gevallen(x)[1:], strict=False)
    ):
        event("herstel en nieuwe ziekmelding op dezelfde dag")
    model = x.model()
    with tempfile.TemporaryDirectory() as tmp:
        perioden, mutaties_db = importeer_beide(x, rijen, vorm, Path(tmp))
        for per, van, tot in vragen:
            for selectie in ([], eenheden):
                verwacht, uit_perioden = vergelijk(model, perioden, van, tot, per, selectie, 0)
                _, uit_mutaties = vergelijk(model, mutaties_db, van, tot, per, selectie, 0)
                assert uit_mutaties == uit_perioden
                if any(r["meldingen"] for r in verwacht):
                    event("meldingen > 0")
