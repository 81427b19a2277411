"""Input-side refusals of DESIGN 2.6 that a probe found open (issue 8): identifiers inside the
columns the product uses, medical columns under other headers, and reports that repeated the
refused values."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from dashboard.exports.xlsx import rapport_xlsx
from dashboard.ingest.identifiers import maskeer
from dashboard.ingest.report import rapport_tekst
from dashboard.store import Store
from dashboard.views.gegevens import is_privacyprobleem, rapport_csv, rapport_scherm
from tests.conftest import importeer_teksten
from tests.test_ingest import ORG, PEIL, VERZ, weiger

KOP = "Medewerker ID;eenheid;begindatum;einddatum;deeltijdfactor;Leeftijds klasse;geslacht;Schaal groep"
RIJEN = [
    ["M100056", "A", "01-01-2024", "", "1", "25-34", "v", "schaal 8-10"],
    ["M100297", "A", "01-01-2024", "", "0,8", "35-44", "m", "schaal 11-13"],
    ["M100325", "B", "01-01-2024", "", "1", "65+", "x", "schaal 14+"],
]
KOLOM = {"medewerker_id": 0, "leeftijdsklasse": 5, "schaalgroep": 7}
#: the headers as this file writes them (the report must name them so)
GESCHREVEN = {"medewerker_id": "Medewerker ID", "leeftijdsklasse": "Leeftijds klasse",
              "schaalgroep": "Schaal groep"}  # fmt: skip


def personeel(kolom: str | None = None, waarde: str = "", rij: int = 1) -> str:
    """The three employees; `waarde` in `kolom` of row `rij` (0-based) when given."""
    rijen = [list(r) for r in RIJEN]
    if kolom is not None:
        rijen[rij][KOLOM[kolom]] = waarde
    return "\n".join([KOP, *(";".join(r) for r in rijen)])


def met_kolom(tekst: str, kop: str, waarde: str) -> str:
    """A CSV text with one more column `kop`, `waarde` in every data row."""
    regels = tekst.strip().splitlines()
    return "\n".join([regels[0] + f";{kop}"] + [r.strip() + f";{waarde}" for r in regels[1:]])


def verzuim_pers() -> str:
    """Staff for VERZ (employees p1 and p2)."""
    return "\n".join(
        [
            "medewerker_id;eenheid;begindatum;deeltijdfactor",
            "p1;A;01-01-2024;1",
            "p2;A;01-01-2024;1",
            "p3;B;01-01-2024;1",
        ]
    )


def alle_rapportvormen(rapport: pl.DataFrame) -> str:
    """Everything a user can see of a report: screen table, terminal text, Excel and CSV."""
    scherm, _ = rapport_scherm(rapport)
    wb = openpyxl.load_workbook(io.BytesIO(rapport_xlsx(rapport)))
    cellen = [str(c.value) for ws in wb.worksheets for rij in ws.iter_rows() for c in rij]
    return "\n".join(
        [
            scherm.write_csv(),
            rapport_tekst(rapport),
            "\n".join(cellen),
            rapport_csv(rapport).decode("utf-8"),
        ]
    )


# -- 1. identifiers inside the columns the product uses ------------------------------------------

# 123463919 passes the 11-test: 9*1+8*2+7*3+6*4+5*6+4*3+3*9+2*1-1*9 = 132 = 12*11
BSN_VORMEN = [
    ("medewerker_id", "123-46-3919"),
    ("medewerker_id", "BSN 123463919"),
    ("medewerker_id", "NL123463919"),
    ("medewerker_id", "1234.63.919"),
    ("schaalgroep", "schaal 8-10 (123463919)"),
    ("schaalgroep", "schaal 8-10 123463919"),
]


@pytest.mark.parametrize(("kolom", "waarde"), BSN_VORMEN)
def test_bsn_in_een_gebruikte_kolom_wordt_geweigerd(kolom, waarde):
    rapport = weiger(organisatie=ORG, personeel=personeel(kolom, waarde))
    assert rapport["kolom"].to_list() == [GESCHREVEN[kolom]]
    assert rapport["rij"].to_list() == [None]
    assert "burgerservicenummer" in rapport["reden"][0]
    assert "123463919" not in alle_rapportvormen(rapport)
    assert waarde not in alle_rapportvormen(rapport)
    assert rapport["waarde"][0] == maskeer(waarde)


@pytest.mark.parametrize(
    ("kolom", "waarde"),
    [
        ("schaalgroep", "Jan de Vries"),
        ("schaalgroep", "Anna van der Berg-Jansen"),
        ("schaalgroep", "Jansen, J."),
        ("schaalgroep", "J.P. de Groot"),
        ("schaalgroep", "Pieter Bakker"),
        ("medewerker_id", "Jan Jansen"),
        ("medewerker_id", "Vries, Jan de"),
        ("medewerker_id", "Fatima el Amrani"),
    ],
)
def test_persoonsnaam_als_waarde_wordt_geweigerd(kolom, waarde):
    rapport = weiger(organisatie=ORG, personeel=personeel(kolom, waarde))
    assert rapport["kolom"].to_list() == [GESCHREVEN[kolom]]
    assert "namen van personen" in rapport["reden"][0]
    assert waarde not in alle_rapportvormen(rapport)
    assert is_privacyprobleem(rapport["reden"][0])


def test_pseudoniemen_en_schaalbanden_blijven_gewoon_ingelezen(maak_store):
    banden = ["schaal 8-10", "Schaal 11-13", "Hoger Kader", "Middenkader", "schaal 14+"]
    ids = ["M100056", "mw-00123", "A1B2C3", "100000001", "M 100297"]
    tekst = "\n".join(
        ["medewerker_id;eenheid;begindatum;deeltijdfactor;schaalgroep"]
        + [f"{i};A;01-01-2024;1;{b}" for i, b in zip(ids, banden, strict=True)]
    )
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=tekst)
    assert sorted(store.frame("select distinct schaalgroep from personeel_rij")["schaalgroep"]) == [
        "Hoger Kader",
        "Middenkader",
        "Schaal 11-13",
        "schaal 14+",
        "schaal 8-10",
    ]


@pytest.mark.parametrize("waarde", ["20 jaar", "47", "34-34", "45 jr", "01-01-1980", "oud"])
def test_leeftijdsklasse_moet_een_klasse_zijn(waarde):
    rapport = weiger(organisatie=ORG, personeel=personeel("leeftijdsklasse", waarde))
    assert rapport["kolom"].to_list() == ["Leeftijds klasse"]
    assert rapport["rij"].to_list() == [None]
    assert "leeftijdsklasse" in rapport["reden"][0]
    assert waarde not in alle_rapportvormen(rapport)
    assert is_privacyprobleem(rapport["reden"][0])


def test_leeftijdsklassen_zoals_systemen_ze_schrijven(maak_store):
    klassen = ["<25", "25-34", "35 - 44", "45-54 jaar", "55 t/m 64", "65+", "65 jaar en ouder"]
    tekst = "\n".join(
        ["medewerker_id;eenheid;begindatum;deeltijdfactor;leeftijdsklasse"]
        + [f"m{i};A;01-01-2024;1;{k}" for i, k in enumerate(klassen)]
    )
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=tekst)
    assert store.sql("select count(*) from personeel_rij")[0][0] == 7


@pytest.mark.parametrize(
    "kop", ["Geb", "geb.", "gebdat", "geb datum", "Geb. datum", "DOB", "gebdt"]
)
def test_geboortedatum_onder_een_afkorting_wordt_geweigerd(kop):
    rapport = weiger(organisatie=ORG, personeel=met_kolom(personeel(), kop, "01-01-1980"))
    assert rapport["kolom"].to_list() == [kop]
    assert "geboortedatum" in rapport["reden"][0]


@pytest.mark.parametrize("kop", ["Gebouw", "Gebruiker", "Gebied"])
def test_woorden_die_met_geb_beginnen_zijn_geen_geboortedatum(maak_store, kop):
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=met_kolom(personeel(), kop, "Noord"))
    assert store.sql("select count(*) from personeel_rij")[0][0] == 3


# -- 2. medical columns under other headers ------------------------------------------------------

MEDISCHE_KOPPEN = [
    "diagnosis", "Diagnoses", "Reason", "Reasons", "Cause", "Illness", "Condition",
    "Medical notes", "Symptoms", "Comments", "Reden", "Reden verzuim", "Verzuimreden", "Ziekte",
    "Soort ziekte", "Klachten", "Remarks", "Medication",
]  # fmt: skip


@pytest.mark.parametrize("kop", MEDISCHE_KOPPEN)
def test_medische_kolom_in_verzuim_wordt_geweigerd(kop):
    verz = met_kolom(VERZ, kop, "hernia")
    rapport = weiger(organisatie=ORG, personeel=verzuim_pers(), verzuim=verz)
    assert rapport["kolom"].to_list() == [kop]
    assert "medische informatie" in rapport["reden"][0]
    assert "hernia" not in alle_rapportvormen(rapport)


@pytest.mark.parametrize("kop", ["Reden", "Comments", "Ziekte", "Opmerking"])
def test_medische_kolom_in_personeel_wordt_geweigerd(kop):
    rapport = weiger(organisatie=ORG, personeel=met_kolom(personeel(), kop, "burn-out"))
    assert rapport["kolom"].to_list() == [kop]
    assert "medische informatie" in rapport["reden"][0]


def test_gewone_verzuimkolommen_blijven_werken(maak_store):
    verz = "\n".join(
        [
            # ('Eerste ziektedag' and 'Percentage arbeidsongeschikt' are aliases since issue 12:
            # beside 'Ziekmeldingsdatum' and 'Percentage AO' they would be doubled columns)
            "Medewerker ID;Melding ID;Datum herstel;Percentage AO;Soort verzuim;"
            "Eerste ziektedag;Datum ziekmelding verwerkt",
            "p1;m1;20-01-2024;100;ziekte;10-01-2024;11-01-2024",
            "p2;m2;06-02-2024;;Ziekte;30-01-2024;30-01-2024",
        ]
    )
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=verzuim_pers(), verzuim=verz)
    assert store.sql("select count(*) from verzuim_rij")[0][0] == 2


def test_organisatie_met_omschrijving_en_pilots_met_selectiereden_blijven_werken(maak_store):
    from dashboard import pilots

    org = "Code;Omschrijving;Parent\nORG;Organisatie;\nA;Afdeling A;ORG\nB;Afdeling B;ORG"
    _, boom = maak_store(PEIL, organisatie=org, personeel=verzuim_pers())
    assert boom.naam("A") == "Afdeling A"
    demo = Path(__file__).parent.parent / "data" / "demo" / "pilots.csv"
    gelezen = pilots.lees_csv(demo.read_bytes())
    assert [p.selectie_reden for p in gelezen] == [
        "Hoogste meldingsfrequentie in 2022 (gekozen in januari 2023)",
        "Hoogste werkdruk en uitputting in het medewerkersonderzoek 2024",
    ]


# -- 3. a report never repeats a refused value ---------------------------------------------------


@pytest.mark.parametrize(
    ("kop", "waarde"),
    [
        ("kenmerk", "jan.jansen@example.nl"),
        ("kenmerk", "mail: jan.jansen@example.nl"),
        ("kenmerk", "1234 AB"),
        ("kenmerk", "06-12345678"),
    ],
)
def test_geweigerde_waarden_staan_in_geen_enkele_rapportvorm(kop, waarde):
    rapport = weiger(organisatie=ORG, personeel=met_kolom(personeel(), kop, waarde))
    assert rapport["kolom"].to_list() == [kop]
    assert waarde not in alle_rapportvormen(rapport)
    assert rapport["waarde"][0] == maskeer(waarde)


def test_onbekende_verzuimsoort_wordt_niet_herhaald():
    # a diagnosis in the kind column: the row is refused, the value is not repeated
    verz = VERZ.replace("100;ziekte", "100;hernia")
    rapport = weiger(organisatie=ORG, personeel=verzuim_pers(), verzuim=verz)
    assert rapport.filter(pl.col("kolom") == "verzuimsoort")["rij"].to_list() == [3]
    assert "hernia" not in alle_rapportvormen(rapport)


def test_maskeer():
    assert maskeer("123463919") == "******919"
    assert maskeer("jan@example.nl") == "***@*******.**"
    assert maskeer("Jan de Vries") == "*** ** *****"
    assert maskeer("schaal 8-10 (123463919)") == "****** *-** (*********)"
    assert maskeer("") == ""


def test_geweigerde_import_laat_een_gevulde_opslag_ongemoeid(maak_store):
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=personeel())
    voor = (store.versie, store.frame("select * from personeel_rij order by all").rows())
    for kolom, waarde in [("medewerker_id", "BSN 123463919"), ("schaalgroep", "Jan de Vries")]:
        res = importeer_teksten(store, PEIL, personeel=personeel(kolom, waarde))
        assert not res.geslaagd
    verz = met_kolom(VERZ, "Reason", "griep")
    assert not importeer_teksten(store, PEIL, verzuim=verz).geslaagd
    assert (store.versie, store.frame("select * from personeel_rij order by all").rows()) == voor


def test_een_lege_opslag_blijft_leeg_na_weigering():
    store = Store(":memory:")
    res = importeer_teksten(
        store, PEIL, organisatie=ORG, personeel=personeel("medewerker_id", "Jan Jansen")
    )
    assert not res.geslaagd
    assert store.versie == 0
