"""The same extracts as canonical CSV, as Dutch-Excel CSV and as XLSX give identical metrics.

(a) UTF-8, comma-separated, ISO dates, canonical headers, laatste_verzuimdag;
(b) Windows-1252, `;`-separated, dd-mm-jjjj dates, decimal commas, other header spellings and
    column order, hersteldatum (= last absence day + 1) instead of laatste_verzuimdag;
(c) XLSX with real Excel dates and numbers, title rows above the header row.

The texts are compared exactly.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import tempfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import given, settings

from tests.test_metrics_reference import (
    FASEN,
    LANGZAAM,
    ORG_KOLOMMEN,
    PERS,
    PERS_KOLOMMEN,
    VERZ_KOLOMMEN,
    Extract,
    extracts,
    metrics_args,
    run_cli,
    schrijf_csv,
    voorbeeld_randgevallen,
)

#: Unit names with accents, so that the encoding matters.
NAMEN = ("Ministerie van Financiën", "Coördinatie", "Café-team", "Directie Zuid é", "Reünie")

# -- (b): Dutch spreadsheet CSV -----------------------------------------------------------------

#: (header as written, canonical column) in the order written. Every header normalises (case,
#: spaces, underscores, hyphens ignored) to a canonical name or a documented alias.
KOPPEN_B: dict[str, list[tuple[str, str]]] = {
    "organisatie": [
        ("Naam", "naam"),
        ("Eenheid", "eenheid"),
        ("Bovenliggende-Eenheid", "bovenliggende_eenheid"),
    ],
    "personeel": [
        ("Eenheid Code", "eenheid"),
        ("Medewerker ID", "medewerker_id"),
        ("Deeltijd factor", "deeltijdfactor"),
        ("Begin datum", "begindatum"),
        ("EIND_DATUM", "einddatum"),
        ("Leeftijds klasse", "leeftijdsklasse"),
    ],
    "verzuim": [
        ("Medewerker ID", "medewerker_id"),
        ("Melding ID", "melding_id"),
        ("Eerste verzuimdag", "eerste_verzuimdag"),
        ("Herstel datum", "hersteldatum"),
        ("AO percentage", "ao_percentage"),
        ("Soort verzuim", "verzuimsoort"),
    ],
}


def _hersteld(rijen: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Absence rows with hersteldatum (first day back) instead of the last absence day."""
    uit = []
    for r in rijen:
        r = dict(r)
        laatste = r.pop("laatste_verzuimdag")
        r["hersteldatum"] = None if laatste is None else laatste + dt.timedelta(days=1)
        uit.append(r)
    return uit


def _nl(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.strftime("%d-%m-%Y")
    if isinstance(v, Decimal):
        return format(v, "f").replace(".", ",")
    return str(v)


def schrijf_nl_csv(rijen: Sequence[dict[str, Any]], soort: str, pad: Path) -> Path:
    """Windows-1252, ';', dd-mm-jjjj, decimal commas, CRLF, other header spellings."""
    koppen = KOPPEN_B[soort]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow([kop for kop, _ in koppen])
    for r in rijen:
        w.writerow([_nl(r.get(kolom)) for _, kolom in koppen])
    pad.write_bytes(buf.getvalue().encode("cp1252"))
    return pad


# -- (c): XLSX ----------------------------------------------------------------------------------


def _excel(v: Any) -> Any:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v  # dates stay dates: openpyxl writes them as real Excel dates


def schrijf_xlsx(rijen: Sequence[dict[str, Any]], kolommen: Sequence[str], pad: Path) -> Path:
    """A workbook with two title rows and an empty row above a Title Case header."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Blad1"
    ws.append(["Extract uit het HR-systeem"])
    ws.append(["Aangemaakt op", dt.date(2025, 1, 6)])
    ws.append([])
    ws.append([k.replace("_", " ").title() for k in kolommen])
    for r in rijen:
        ws.append([_excel(r.get(k)) for k in kolommen])
    for rij in ws.iter_rows(min_row=5):
        for cel in rij:
            if isinstance(cel.value, dt.date):
                cel.number_format = "dd-mm-yyyy"
    wb.save(pad)
    return pad


# -- running ------------------------------------------------------------------------------------

Schrijver = Callable[[Extract, Path], dict[str, Path]]


def formaat_a(x: Extract, map_: Path) -> dict[str, Path]:
    return {
        "organisatie": schrijf_csv(x.organisatie, ORG_KOLOMMEN, map_ / "organisatie.csv"),
        "personeel": schrijf_csv(x.personeel, PERS_KOLOMMEN, map_ / "personeel.csv"),
        "verzuim": schrijf_csv(x.verzuim, VERZ_KOLOMMEN, map_ / "verzuim.csv"),
    }


def formaat_b(x: Extract, map_: Path) -> dict[str, Path]:
    return {
        "organisatie": schrijf_nl_csv(x.organisatie, "organisatie", map_ / "organisatie.csv"),
        "personeel": schrijf_nl_csv(x.personeel, "personeel", map_ / "personeel.csv"),
        "verzuim": schrijf_nl_csv(_hersteld(x.verzuim), "verzuim", map_ / "verzuim.csv"),
    }


def formaat_c(x: Extract, map_: Path) -> dict[str, Path]:
    return {
        "organisatie": schrijf_xlsx(x.organisatie, ORG_KOLOMMEN, map_ / "organisatie.xlsx"),
        "personeel": schrijf_xlsx(x.personeel, PERS_KOLOMMEN, map_ / "personeel.xlsx"),
        "verzuim": schrijf_xlsx(x.verzuim, VERZ_KOLOMMEN, map_ / "verzuim.xlsx"),
    }


def met_accenten(x: Extract) -> Extract:
    """The same extract with accented unit names (names are not part of the metrics)."""
    x = copy.deepcopy(x)
    for i, r in enumerate(x.organisatie):
        r["naam"] = f"{NAMEN[i % len(NAMEN)]} {r['eenheid']}"
    return x


def uitvoer(x: Extract, map_: Path, schrijver: Schrijver, eenheden: Sequence[str]) -> str:
    """Import the extract in one format into a fresh store; all metrics output as one text."""
    map_.mkdir()
    db = map_ / "store.duckdb"
    args = ["import", "--db", str(db), "--peildatum", x.peildatum.isoformat()]
    for soort, pad in schrijver(x, map_).items():
        if soort != "verzuim" or x.verzuim:  # a header-only file is refused as empty
            args += [f"--{soort}", str(pad)]
    run_cli(*args)
    teksten = []
    for per in PERS:
        for selectie in ([], eenheden):
            teksten.append(run_cli(*metrics_args(db, "2022-01", "2024-12", per, selectie, 0)))
    return "".join(teksten)


def controleer(x: Extract, map_: Path, eenheden: Sequence[str]) -> None:
    """All three formats give exactly the same metrics text."""
    x = met_accenten(x)
    a = uitvoer(x, map_ / "a", formaat_a, eenheden)
    b = uitvoer(x, map_ / "b", formaat_b, eenheden)
    c = uitvoer(x, map_ / "c", formaat_c, eenheden)
    assert a.count("\n") > 2 * len(PERS)  # there are data rows, not only headers
    assert b == a, "Windows-1252 ;-CSV gives other metrics than UTF-8"
    assert c == a, "XLSX gives other metrics than UTF-8 CSV"


def test_herimport_geeft_dezelfde_uitvoer(tmp_path: Path) -> None:
    """Importing the same files again gives the same metrics, to the last digit.

    Eight employees in one unit for March 2023, part-time factors 0.8, 1.2, 0.7, 0.9, 1.1, 0.3,
    0.6 and 1.3: beschikbare_dagen is 213.9 after some imports and 213.89999999999998 after others
    (fte 6.9 or 6.8999999999999995): the product adds floats in an order that depends on thread
    scheduling during the import (the order of the input rows does not matter; queries on one
    store are stable). So this fails intermittently: often on a busy machine, rarely on an idle
    one. Displayed values rarely change, but CSV/Excel exports of one extract are not
    reproducible, and a value on a rounding boundary (x.x5) can flip in the dashboard.
    """
    factoren = ("0.8", "1.2", "0.7", "0.9", "1.1", "0.3", "0.6", "1.3")
    x = Extract(
        organisatie=[{"eenheid": "EH01", "naam": "Café", "bovenliggende_eenheid": None}],
        personeel=[
            {
                "medewerker_id": f"mw{i:03d}",
                "eenheid": "EH01",
                "begindatum": dt.date(2023, 3, 1),
                "einddatum": None,
                "deeltijdfactor": Decimal(f),
            }
            for i, f in enumerate(factoren, start=1)
        ],
        verzuim=[],
        peildatum=dt.date(2023, 3, 31),
    )
    uitkomsten = set()
    for i in range(10):
        map_ = tmp_path / str(i)
        map_.mkdir()
        db = map_ / "store.duckdb"
        paden = formaat_a(x, map_)
        run_cli(
            "import",
            "--db", str(db),
            "--peildatum", "2023-03-31",
            "--organisatie", str(paden["organisatie"]),
            "--personeel", str(paden["personeel"]),
        )  # fmt: skip
        uitkomsten.add(run_cli(*metrics_args(db, "2023-03", "2023-03", "maand", [], 0)))
    assert len(uitkomsten) == 1, "\n".join(sorted(uitkomsten))


def test_randgevallen_in_drie_formaten(tmp_path: Path) -> None:
    """The hand-picked edge cases (transfers, phases, pregnancy, open spells) in all formats."""
    x, eenheden, _ = voorbeeld_randgevallen()
    controleer(x, tmp_path, eenheden)


def test_nl_csv_is_echt_windows_1252(tmp_path: Path) -> None:
    """Format (b) really is what it claims: cp1252 bytes (not UTF-8), ';', dd-mm-jjjj, 0,8."""
    x = met_accenten(voorbeeld_randgevallen()[0])
    paden = formaat_b(x, tmp_path)
    org = paden["organisatie"].read_bytes()
    assert "Financiën".encode("cp1252") in org and "Financiën".encode() not in org
    pers = paden["personeel"].read_text(encoding="cp1252")
    assert pers.startswith("Eenheid Code;Medewerker ID;Deeltijd factor;Begin datum;")
    assert ";0,8;16-01-2023;" in pers
    verz = paden["verzuim"].read_text(encoding="cp1252")
    assert "mw001;;05-01-2023;09-01-2023;;" in verz  # last day 8 January: back on the 9th


@settings(max_examples=5, deadline=None, phases=FASEN, suppress_health_check=LANGZAAM)
@given(extracts())
def test_willekeurige_extracten_in_drie_formaten(x: Extract) -> None:
    """Random valid extracts give identical metrics in all three formats."""
    with tempfile.TemporaryDirectory() as tmp:
        controleer(x, Path(tmp), [x.bladen()[0], *x.ouders()[:1]])
