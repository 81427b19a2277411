"""Aggregated monthly extracts (issue 12, section 3), as far as reading and checking goes: the
wide layout and P-Direkt's monthly and daily files become one frame per unit and month, bad rows
are reported with `rij N`, and several files combine when they agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from dashboard.ingest import geaggregeerd as ga
from tests.conftest import csv_bytes

VOORBEELDEN = Path(__file__).parent.parent / "data" / "voorbeelden"
JAN, FEB = dt.date(2025, 1, 1), dt.date(2025, 2, 1)

MAAND_KOP = "organisatie;org_afk;soort;onderwerp;jaar;maand;maand_nr;aantal"
DAG_KOP = "organisatie;org_afk;soort;onderwerp;datum;jaar_mndnr;maand_nr;jaar_wknr;week_nr;aantal"


def lees(naam: str, inhoud: bytes | None = None) -> tuple[pl.DataFrame, pl.DataFrame, list[str]]:
    if inhoud is None:
        inhoud = (VOORBEELDEN / naam).read_bytes()
    return ga.lees_bestand(inhoud, naam)


def cijfers(frame: pl.DataFrame, *kolommen: str) -> list[tuple]:
    return frame.select("eenheid", "maand", *kolommen).rows()


def fouten(tekst: str) -> list[tuple[int | None, str, str]]:
    frame, rapport, _ = lees("g.csv", csv_bytes(tekst))
    assert frame.height == 0
    return [(r["rij"], r["kolom"], r["reden"]) for r in rapport.iter_rows(named=True)]


def test_brede_indeling():
    frame, rapport, meldingen = lees("geaggregeerd.csv")
    assert rapport.height == 0 and meldingen == []
    assert frame.columns == list(ga.KOLOMMEN_UIT)
    assert cijfers(frame, "verzuimdagen", "beschikbare_dagen", "verzuimpercentage", "meldingen",
                   "gemiddeld_aantal_medewerkers") == [
        ("VB-A", JAN, 112.5, 1860.0, 6.05, 9.0, 62.0),
        ("VB-A", FEB, 118.0, 1736.0, 6.8, 11.0, 62.0),
        ("VB-B", JAN, 20.0, 434.0, 4.61, 2.0, 14.0),
        ("VB-B", FEB, None, None, 5.2, 3.0, 14.0),  # a percentage only
    ]  # fmt: skip
    assert frame["__rij"].to_list() == [2, 3, 4, 5]


def test_pdirekt_maandbestand():
    frame, rapport, _ = lees("pdirekt_maand.csv")
    assert rapport.height == 0
    assert cijfers(frame, "naam", "verzuimpercentage", "verzuimpercentage_kort",
                   "verzuimpercentage_middellang", "verzuimpercentage_lang",
                   "verzuimpercentage_extra_lang") == [
        ("VB", JAN, "Voorbeeldministerie", 5.8, 1.2, 1.1, 2.0, 1.5),
        ("VB", FEB, "Voorbeeldministerie", 6.1, 1.4, 1.2, 2.0, 1.5),
        ("VB-A", JAN, "Voorbeeldministerie", 6.4, None, None, None, None),
        ("VB-A", FEB, "Voorbeeldministerie", 6.9, None, None, None, None),
    ]  # fmt: skip
    # no days, counts or headcount in this file
    assert frame["beschikbare_dagen"].null_count() == frame["meldingen"].null_count() == 4


def test_pdirekt_dagbestand_wordt_per_maand():
    frame, rapport, _ = lees("pdirekt_dag.csv")
    assert rapport.height == 0
    assert cijfers(frame, "meldingen", "gemiddeld_aantal_zieken", "dagen") == [
        ("VB", JAN, 5.0, pytest.approx((12 + 14 + 15) / 3), 3.0),  # 0 + 3 + 2 reports
        ("VB", FEB, 4.0, 11.0, 1.0),
    ]


def test_maandnaam_zonder_maandnummer():
    tekst = "org_afk;onderwerp;jaar;maand;aantal\nVB;zv%;2025;mrt;5,5\nVB;ZV%;2025;April;4,0\n"
    frame, rapport, _ = lees("m.csv", csv_bytes(tekst))
    assert rapport.height == 0
    assert cijfers(frame, "verzuimpercentage") == [
        ("VB", dt.date(2025, 3, 1), 5.5),
        ("VB", dt.date(2025, 4, 1), 4.0),
    ]


def test_onbekend_onderwerp_wordt_gemeld_en_genegeerd():
    tekst = f"{MAAND_KOP}\nX;VB;z;zv%;2025;jan;1;5\nX;VB;z;zmf;2025;jan;1;1,3\n"
    frame, rapport, meldingen = lees("m.csv", csv_bytes(tekst))
    assert rapport.height == 0 and frame.height == 1
    assert meldingen == ["Onderwerpen die niet worden gebruikt en zijn genegeerd: 'zmf'"]


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("eenheid;maand;verzuimpercentage\nA;2025-13;5\n", (2, "maand", "geen geldige maand")),
        ("eenheid;maand;verzuimpercentage\nA;2025-01;5\nA;2025-02;101\n",
         (3, "verzuimpercentage", "tussen 0 en 100")),
        ("eenheid;maand;verzuimdagen\nA;2025-01;-1\n", (2, "verzuimdagen", "negatief")),
        ("eenheid;maand;meldingen\nA;2025-01;2,5\n", (2, "meldingen", "geheel getal")),
        ("eenheid;maand;meldingen\nA;2025-01;veel\n", (2, "meldingen", "geen getal")),
        ("eenheid;maand;meldingen\nA;2025-01;1\nA;2025-1;2\n", (3, "maand", "eerdere rij")),
        ("eenheid;maand;meldingen\nA;2025-01;\n", (2, "maand", "geen enkel cijfer")),
        ("eenheid;maand;verzuimdagen;beschikbare_dagen\nA;2025-01;40;30\n",
         (2, "verzuimdagen", "meer verzuimdagen")),
        (f"{MAAND_KOP}\nX;VB;z;zv%;2025;jan;1;5\nX;VB;z;zv% 1-7;2025;jan;1;105\n",
         (3, "aantal", "tussen 0 en 100")),
        (f"{MAAND_KOP}\nX;VB;z;zv%;2025;jan;1;5\nX;VB;z;zv%;2025;jan;1;6\n",
         (3, "onderwerp", "eerdere rij")),
        (f"{MAAND_KOP}\nX;VB;z;zv%;2025;jan;2;5\n", (2, "maand", "andere maand")),
        (f"{MAAND_KOP}\nX;VB;z;zv%;2025;jan;13;5\n", (2, "maand_nr", "geen geldige maand")),
        (f"{MAAND_KOP}\nX;;z;zv%;2025;jan;1;5\n", (2, "org_afk", "ontbreekt")),
        (f"{DAG_KOP}\nX;VB;z;Aantal zieken;32-01-2025;;;;;3\n", (2, "datum", "geen geldige")),
        (f"{DAG_KOP}\nX;VB;z;Aantal ziekmeldingen;01-01-2025;;;;;1,5\n",
         (2, "aantal", "geheel getal")),
        (f"{DAG_KOP}\nX;VB;z;Aantal zieken;01-01-2025;;;;;3\nX;VB;z;Aantal zieken;01-01-2025;;;;;4\n",
         (3, "onderwerp", "eerdere rij")),
    ],
)  # fmt: skip
def test_foute_rijen_met_rijnummer(tekst, verwacht):
    rij, kolom, woord = verwacht
    gevonden = fouten(tekst)
    assert any(r == rij and k == kolom and woord in reden for r, k, reden in gevonden), gevonden


def test_koppen_zoals_geschreven_in_het_rapport():
    tekst = "Org_afk;Periode;ZV%\nA;2025-01;120\n"
    assert fouten(tekst) == [(2, "ZV%", "een percentage ligt tussen 0 en 100")]


def test_zonder_cijferkolom():
    assert fouten("eenheid;maand;opmerking_x\nA;2025-01;1\n")[0][2].startswith(
        "het bestand heeft geen kolom met cijfers"
    )


def test_geen_bekend_onderwerp():
    (fout,) = fouten(f"{MAAND_KOP}\nX;VB;z;zmf;2025;jan;1;5\n")
    assert fout[0] is None and "verwacht: zv%, zv% 1-7" in fout[2]


def test_nul_teken_en_identificerende_kolom_worden_geweigerd():
    # (a NUL in the first 64 KB: refused as binary; after them with its row)
    regels = "".join(f"E{i};2025-01;1\n" for i in range(8000))
    (fout,) = fouten("eenheid;maand;meldingen\n" + regels + "B\x00;2025-01;2\n")
    assert fout[0] == 8002 and "NUL-teken" in fout[2]
    rapport = lees("g.csv", csv_bytes("eenheid;maand;meldingen;e-mail\nA;2025-01;1;a@b.nl\n"))[1]
    assert rapport["kolom"].to_list() == ["e-mail"]


def test_maand_en_dagbestand_vullen_elkaar_aan():
    maand, _, _ = lees("pdirekt_maand.csv")
    dag, _, _ = lees("pdirekt_dag.csv")
    samen, rapport = ga.combineer([("pdirekt_maand.csv", maand), ("pdirekt_dag.csv", dag)])
    assert rapport.height == 0
    assert cijfers(samen, "verzuimpercentage", "meldingen") == [
        ("VB", JAN, 5.8, 5.0),
        ("VB", FEB, 6.1, 4.0),
        ("VB-A", JAN, 6.4, None),
        ("VB-A", FEB, 6.9, None),
    ]


def test_tegenstrijdige_bestanden_worden_geweigerd():
    maand, _, _ = lees("pdirekt_maand.csv")
    breed, _, _ = lees("b.csv", csv_bytes("org_afk;maand;zv%\nVB-A;2025-02;7,0\n"))
    samen, rapport = ga.combineer([("pdirekt_maand.csv", maand), ("b.csv", breed)])
    assert samen.height == 0
    assert rapport.select("bestand", "rij", "kolom").rows() == [("b.csv", 2, "verzuimpercentage")]
    assert "02-2025" in rapport["reden"][0] and "VB-A" in rapport["reden"][0]
