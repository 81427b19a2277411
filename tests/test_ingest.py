"""Reading extracts as they really come, and every refusal rule of DESIGN 2.6."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import polars as pl
import pytest

from dashboard.hierarchy import laad_boom
from dashboard.ingest.importer import Bestand, importeer
from dashboard.store import Store
from tests.conftest import csv_bytes, importeer_teksten

ORG = """
eenheid;naam;bovenliggende_eenheid
ORG;Organisatie;
A;Afdeling A;ORG
B;Afdeling B;ORG
"""
PERS = """
medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor;leeftijdsklasse;geslacht
p1;A;01-01-2024;;1;25-34;v
p2;A;01-01-2024;;0,8;35-44;m
p3;B;01-01-2024;;1;45-54;x
"""
VERZ = """
medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag;ao_percentage;verzuimsoort
p1;m1;10-01-2024;19-01-2024;;
p2;m2;30-01-2024;05-02-2024;100;ziekte
"""
PEIL = dt.date(2024, 3, 31)


def weiger(**bestanden: str | bytes) -> pl.DataFrame:
    """Import into a fresh store; assert it was refused and the store stayed empty."""
    store = Store(":memory:")
    res = importeer_teksten(store, PEIL, **bestanden)
    assert not res.geslaagd
    assert store.versie == 0
    assert store.sql("select count(*) from personeel_rij")[0][0] == 0
    return res.rapport


def reden(rapport: pl.DataFrame) -> str:
    return " | ".join(rapport["reden"].to_list())


# -- identifiers and medical information ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kolom", "waarde", "woord"),
    [
        ("BSN", "123456782", "burgerservicenummer"),
        ("Naam", "Jansen", "namen"),
        ("Achternaam", "Jansen", "namen"),
        ("E-mailadres", "a@b.nl", "e-mail"),
        ("Postcode", "1234 AB", "postcode"),
        ("Telefoonnummer", "0612345678", "telefoon"),
        ("Geboortedatum", "01-01-1980", "geboortedatum"),
        ("Adres", "Dorpsstraat 1", "adres"),
    ],
)
def test_identificerende_kolom_op_naam_geweigerd(kolom, waarde, woord):
    pers = PERS.replace("geslacht\n", f"geslacht;{kolom}\n", 1)
    pers = "\n".join(
        r + (f";{waarde}" if i > 1 else "")
        for i, r in enumerate(pers.strip().splitlines(), start=1)
    )
    rapport = weiger(organisatie=ORG, personeel=pers)
    assert rapport.height == 1
    assert rapport["kolom"][0] == kolom
    assert woord in rapport["reden"][0].lower()


@pytest.mark.parametrize(
    ("waarden", "woord"),
    [
        (["111222333", "123456782", "999999990"], "elfproef"),  # all pass the 11-test
        (["jan@example.nl", "x", "y"], "e-mail"),
        (["1234 AB", "2345CD", "3456 EF"], "postcode"),
        (["06-12345678", "020 1234567", "+31612345678"], "telefoon"),
    ],
)
def test_identificerende_inhoud_in_onschuldige_kolom_geweigerd(waarden, woord):
    regels = PERS.strip().splitlines()
    tekst = [regels[0] + ";kenmerk"] + [
        r + f";{w}" for r, w in zip(regels[1:], waarden, strict=True)
    ]
    rapport = weiger(organisatie=ORG, personeel="\n".join(tekst))
    assert rapport["kolom"].to_list() == ["kenmerk"]
    assert woord in rapport["reden"][0].lower()


def test_pseudoniemen_van_negen_cijfers_zijn_geen_bsn(maak_store):
    # random 9-digit ids pass the 11-test about 1 in 11 times; one passing id among many is no BSN
    ids = ["100000001", "100000002", "123456782", "100000004", "100000005"]
    pers = "medewerker_id;eenheid;begindatum;deeltijdfactor\n" + "\n".join(
        f"{i};A;01-01-2024;1" for i in ids
    )
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=pers)
    assert store.sql("select count(*) from medewerker")[0][0] == 5


def test_bsn_wordt_in_het_rapport_gemaskeerd():
    pers = PERS.strip().replace("geslacht", "geslacht;bsn_nummer")
    regels = pers.splitlines()
    regels = [regels[0]] + [r + ";123456782" for r in regels[1:]]
    rapport = weiger(organisatie=ORG, personeel="\n".join(regels))
    assert "123456782" not in rapport.write_csv()


@pytest.mark.parametrize(
    "kolom", ["Diagnose", "Oorzaak verzuim", "Aandoening", "CAS-code", "Opmerking"]
)
def test_medische_informatie_geweigerd(kolom):
    verz = VERZ.strip().splitlines()
    verz = [verz[0] + f";{kolom}"] + [r + ";griep" for r in verz[1:]]
    rapport = weiger(organisatie=ORG, personeel=PERS, verzuim="\n".join(verz))
    assert rapport["kolom"].to_list() == [kolom]
    assert "medische" in reden(rapport)


def test_naam_in_organisatie_is_de_naam_van_de_eenheid(maak_store):
    _store, boom = maak_store(PEIL, organisatie=ORG, personeel=PERS)
    assert boom.naam("A") == "Afdeling A"


# -- invalid rows: refused as a whole with rij N -------------------------------------------------


def test_ongeldige_rijen_met_rijnummers():
    pers = """
    medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor
    p1;A;01-01-2024;;1
    p2;Z;01-01-2024;;1
    p3;A;31-02-2024;;1
    p4;A;01-03-2024;01-02-2024;1
    p5;A;01-01-2024;;1,8
    p6;A;01-01-2024;30-06-2024;1
    p6;B;01-06-2024;;1
    """
    rapport = weiger(organisatie=ORG, personeel=pers)
    rijen = {(r["rij"], r["kolom"]) for r in rapport.to_dicts()}
    # header = rij 1, so p2 is rij 3
    assert (3, "eenheid") in rijen  # unknown unit
    assert (4, "begindatum") in rijen  # 31 February
    assert (5, "einddatum") in rijen  # end before start
    assert (6, "deeltijdfactor") in rijen  # 1,8 > 1,5
    assert (8, "begindatum") in rijen  # overlaps rij 7
    assert rapport.filter(pl.col("rij") == 8)["waarde"][0].endswith("(overlapt met rij 7)")
    assert (2, "eenheid") not in rijen


def test_ongeldig_verzuim():
    verz = """
    medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag;ao_percentage;verzuimsoort
    p1;m1;10-01-2024;05-01-2024;;
    p1;m2;01-02-2024;10-02-2024;0;
    p1;m3;05-02-2024;06-02-2024;;
    p2;m4;01-01-2024;02-01-2024;;vakantie
    p9;m5;01-01-2024;02-01-2024;;
    p3;m6;01-04-2024;;;
    p3;m7;01-01-2024;;150;
    """
    rapport = weiger(organisatie=ORG, personeel=PERS, verzuim=verz)
    per_rij = {r["rij"]: r["reden"] for r in rapport.to_dicts()}
    assert "voor de eerste verzuimdag" in per_rij[2]
    assert "tussen 1 en 100" in per_rij[3]
    assert "overlapt met een andere melding" in per_rij[4]
    assert "verzuimsoort" in per_rij[5]
    assert "personeelsextract" in per_rij[6]
    assert "na de peildatum" in rapport.filter(pl.col("rij") == 7)["reden"].str.join(" ")[0]
    assert any("tussen 1 en 100" in r for r in rapport.filter(pl.col("rij") == 8)["reden"])


def test_organisatie_kring_en_onbekende_ouder():
    org = """
    eenheid;naam;bovenliggende_eenheid
    ORG;Organisatie;
    A;A;B
    B;B;A
    C;C;X
    C;C dubbel;ORG
    """
    rapport = weiger(organisatie=org)
    tekst = reden(rapport)
    assert "kring" in tekst and "onbekende bovenliggende" in tekst and "meer dan één keer" in tekst


def test_ontbrekende_verplichte_kolom():
    rapport = weiger(organisatie=ORG, personeel=PERS.replace("deeltijdfactor", "uren"))
    assert "verplichte kolom 'deeltijdfactor'" in reden(rapport)


# -- files as they really come -------------------------------------------------------------------


def _metrics_tekst(store: Store) -> str:
    from dashboard import metrics
    from dashboard.cli import frame_als_csv
    from dashboard.periods import Maand

    boom = laad_boom(store)
    groepen = metrics.groepen(boom, ["A", "B"])
    ps = metrics.periodes(boom, groepen, Maand(2024, 1), Maand(2024, 3), "maand")
    return frame_als_csv(metrics.kerncijfers(store, boom, ps, groepen, min_groep=0))


def test_windows1252_komma_decimaal_en_andere_kopnamen_geven_dezelfde_cijfers(maak_store):
    basis, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=VERZ)
    org = ORG.replace("Afdeling A", "Afdeling Één")
    pers = PERS.replace("medewerker_id", "Medewerker ID").replace(
        "deeltijdfactor", "Deeltijd-factor"
    )
    verz = """
    Medewerker ID\tMelding ID\tEerste verzuimdag\tHersteldatum\tAO percentage\tVerzuimsoort
    p1\tm1\t2024-01-10\t2024-01-20\t100,0\tZiekte
    p2\tm2\t30-1-2024\t6-2-2024\t\t
    """
    ander, boom = maak_store(
        PEIL,
        organisatie=csv_bytes(org, "cp1252"),
        personeel=csv_bytes(pers, "cp1252"),
        verzuim=csv_bytes(verz, "utf-8-sig"),
    )
    assert boom.naam("A") == "Afdeling Één"
    assert _metrics_tekst(ander) == _metrics_tekst(basis)


def test_utf16_tekst_uit_excel(maak_store):
    pers = PERS.replace(";", "\t")
    store, _ = maak_store(
        PEIL, organisatie=ORG, personeel=("\ufeff" + pers.strip()).encode("utf-16-le")
    )
    assert store.sql("select count(*) from medewerker")[0][0] == 3


def _xlsx(rijen: list[list[object]], titel: bool = True) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad1"
    if titel:
        ws.append(["Verzuimextract HR-systeem"])
        ws.append(["Gemaakt op 01-04-2024"])
        ws.append([])
    for r in rijen:
        ws.append(r)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_xlsx_met_titelregels_en_excel_datums(maak_store):
    basis, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=VERZ)
    verz = _xlsx(
        [
            [
                "medewerker_id",
                "melding_id",
                "eerste_verzuimdag",
                "laatste_verzuimdag",
                "ao_percentage",
            ],
            ["p1", "m1", dt.datetime(2024, 1, 10), dt.date(2024, 1, 19), 100],
            ["p2", "m2", 45321, "05-02-2024", None],  # 45321 = Excel serial of 30-01-2024
        ]
    )
    xlsx, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=verz)
    assert _metrics_tekst(xlsx) == _metrics_tekst(basis)


def test_xlsx_rijnummers_zoals_in_excel():
    verz = _xlsx(
        [
            ["medewerker_id", "eerste_verzuimdag", "laatste_verzuimdag"],
            ["p1", dt.date(2024, 1, 10), dt.date(2024, 1, 5)],
        ]
    )
    rapport = weiger(organisatie=ORG, personeel=PERS, verzuim=verz)
    # two title rows and an empty row: header on rij 4, the data on rij 5
    assert rapport["rij"].to_list() == [5]


@pytest.mark.parametrize(
    ("inhoud", "woord"),
    [
        (b"", "leeg"),
        (b"   \n\n", "leeg"),
        (b"%PDF-1.4 binary", "pdf"),
        (b"\x00\x01\x02\x03binary", "binaire"),
        (b"eenheid;naam;bovenliggende_eenheid\n", "geen gegevensrijen"),
        (b"kolom1;kolom2\n1;2\n", "geen kopregel"),
    ],
)
def test_lege_en_niet_spreadsheet_bestanden(inhoud, woord):
    rapport = weiger(organisatie=inhoud)
    assert rapport.height == 1
    assert woord in rapport["reden"][0].lower()


def test_word_document_geweigerd():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    rapport = weiger(organisatie=buffer.getvalue())
    assert "word" in rapport["reden"][0].lower()


def test_rij_met_te_veel_cellen():
    pers = PERS.strip().splitlines()
    pers[2] += ";Jansen, J."
    rapport = weiger(organisatie=ORG, personeel="\n".join(pers))
    assert rapport["rij"].to_list() == [3]
    assert "meer cellen dan de kopregel" in rapport["reden"][0]


def test_csv_met_titelregel_boven_de_kop(maak_store):
    tekst = "Personeelsoverzicht per 31-03-2024\n\n" + PERS.strip()
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=tekst)
    assert store.sql("select count(*) from medewerker")[0][0] == 3


def test_extra_kolommen_worden_genegeerd_met_melding():
    store = Store(":memory:")
    pers = PERS.replace("geslacht\n", "geslacht;functie\n", 1).strip().splitlines()
    pers = [pers[0]] + [r + ";beleidsmedewerker" for r in pers[1:]]
    res = importeer_teksten(store, PEIL, organisatie=ORG, personeel="\n".join(pers))
    assert res.geslaagd
    assert any("'functie'" in m for m in res.meldingen)


# -- snapshots, atomicity, restore ---------------------------------------------------------------


def test_geweigerde_import_laat_de_opslag_ongemoeid(maak_store):
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=VERZ)
    voor = (
        store.versie,
        _metrics_tekst(store),
        store.sql("select count(*) from verzuim_rij")[0][0],
    )
    # a valid personeel together with an invalid verzuim: the whole import is refused
    res = importeer_teksten(
        store, PEIL, personeel=PERS, verzuim=VERZ.replace("05-02-2024", "05-13-2024")
    )
    assert not res.geslaagd
    na = (store.versie, _metrics_tekst(store), store.sql("select count(*) from verzuim_rij")[0][0])
    assert na == voor


def test_import_vervangt_alleen_de_eigen_organisatie_en_kan_worden_hersteld(maak_store):
    org2 = "eenheid;naam;bovenliggende_eenheid\nORG2;Tweede;\nC;Afdeling C;ORG2"
    store = Store(":memory:")
    assert importeer_teksten(store, PEIL, organisatie=ORG, personeel=PERS, verzuim=VERZ).geslaagd
    assert importeer_teksten(store, PEIL, organisatie=org2).geslaagd
    boom = laad_boom(store)
    assert set(boom.organisaties) == {"ORG", "ORG2"}
    eerste = _metrics_tekst(store)
    # a new verzuim snapshot for ORG without p2's spell
    zonder_p2 = "\n".join(r for r in VERZ.strip().splitlines() if not r.startswith("p2"))
    assert importeer_teksten(store, PEIL, verzuim=zonder_p2).geslaagd
    assert _metrics_tekst(store) != eerste
    assert set(laad_boom(store).organisaties) == {"ORG", "ORG2"}
    # restore: the previous verzuim snapshot is active again
    assert store.herstel_vorige("test") is not None
    assert _metrics_tekst(store) == eerste
    log = store.frame("select actie from import_log order by import_id")["actie"].to_list()
    assert log == ["import", "import", "import", "herstel"]


def test_importlog_bewaart_bestandshash_en_rijen():
    import hashlib

    store = Store(":memory:")
    inhoud = csv_bytes(PERS)
    res = importeer(
        store,
        [Bestand("organisatie", "org.csv", csv_bytes(ORG)), Bestand("personeel", "p.csv", inhoud)],
        peildatum=PEIL,
        gebruiker="steward",
    )
    assert res.geslaagd
    (rij,) = store.sql(
        "select bestandsnaam, sha256, rijen_gelezen, rijen_geaccepteerd from import_bestand "
        "where soort = 'personeel'"
    )
    assert rij == ("p.csv", hashlib.sha256(inhoud).hexdigest(), 3, 3)
    assert store.sql("select gebruiker, peildatum from import_log") == [("steward", PEIL)]


def test_zonder_organisatie_worden_eenheden_zelfstandige_organisaties():
    store = Store(":memory:")
    res = importeer_teksten(store, PEIL, personeel=PERS)
    assert res.geslaagd
    assert set(laad_boom(store).organisaties) == {"A", "B"}


def test_peildatum_standaard_de_laatste_datum_in_het_verzuim():
    store = Store(":memory:")
    res = importeer_teksten(store, None, organisatie=ORG, personeel=PERS, verzuim=VERZ)
    assert res.geslaagd
    assert res.peildatum == dt.date(2024, 2, 5)
    assert any("laatste datum" in m for m in res.meldingen)


def test_enquete_op_respondentniveau_wordt_geaggregeerd(maak_store):
    resp = "meting;eenheid;werkdruk;bevlogenheid\n" + "\n".join(
        f"2024;A;{w};{b}" for w, b in [("3", "4"), ("4", "5"), ("5", "3")]
    )
    store, _ = maak_store(PEIL, organisatie=ORG, enquete=resp)
    rijen = store.frame(
        "select schaal, respondenten, score from enquete_rij order by schaal"
    ).to_dicts()
    assert rijen == [
        {"schaal": "bevlogenheid", "respondenten": 3, "score": 4.0},
        {"schaal": "werkdruk", "respondenten": 3, "score": 4.0},
    ]


def test_rapport_noemt_de_kolom_zoals_in_het_bestand():
    verz = """
    Medewerker ID;Datum ziekmelding;Laatste verzuimdag
    p1;10-01-2024;05-01-2024
    """.replace("Datum ziekmelding", "Ziekmeldingsdatum")
    rapport = weiger(organisatie=ORG, personeel=PERS, verzuim=verz)
    assert rapport["kolom"].to_list() == ["Laatste verzuimdag"]
    assert rapport["rij"].to_list() == [2]


def test_samenvatting_met_nederlandse_getallen():
    store = Store(":memory:")
    pers = "medewerker_id;eenheid;begindatum;deeltijdfactor\n" + "\n".join(
        f"m{i:05d};A;01-01-2024;1" for i in range(1234)
    )
    res = importeer_teksten(store, PEIL, organisatie=ORG, personeel=pers)
    assert res.geslaagd
    assert "personeel: 1.234 rijen ingelezen uit personeel.csv" in res.samenvatting
