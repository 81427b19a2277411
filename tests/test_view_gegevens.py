"""The Gegevens view: recognising uploads, refusals in plain Dutch, the history, the active data,
the findings, what a restore undoes, and the generated column help."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import logging
import re
from pathlib import Path

import polars as pl
import pytest

from dashboard.ingest.columns import KOLOMMEN, SCHALEN, SOORTEN
from dashboard.ingest.importer import Bestand
from dashboard.ingest.report import probleem, samenvoegen
from dashboard.store import Store, StoreFout
from dashboard.views import gegevens as view
from tests.conftest import csv_bytes

ROOT = Path(__file__).parent.parent
DEMO = ROOT / "data" / "demo"

# Two client organisations A and B, each with one unit below the root.
ORG = """
eenheid;naam;bovenliggende_eenheid
A;Organisatie A;
A1;Afdeling A1;A
B;Organisatie B;
B1;Afdeling B1;B
"""
PERS = """
medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor
a1;A1;01-01-2025;;1
a2;A1;01-01-2025;31-03-2025;1
b1;B1;01-01-2025;;0,8
"""
# a2 leaves on 31-03-2025 but is absent 25-03 .. 05-04: 5 days (01-04 .. 05-04) outside service
VERZ = """
medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag
a1;m1;10-02-2025;14-02-2025
a2;m2;25-03-2025;05-04-2025
b1;m3;03-03-2025;04-03-2025
"""
PEIL = dt.date(2025, 4, 30)


def bestanden(**teksten: str | bytes) -> list[Bestand]:
    return [
        Bestand(s, f"{s}.csv", b if isinstance(b, bytes) else csv_bytes(b))
        for s, b in teksten.items()
    ]


def importeer(store: Store, peildatum: dt.date | None = PEIL, **teksten: str) -> view.Uitkomst:
    return view.importeer(store, bestanden(**teksten), peildatum=peildatum, gebruiker="tester")


@pytest.fixture
def twee_imports() -> Store:
    """Import 1: everything; import 2: a new absence file for A and B (b1's spell is longer)."""
    store = Store(":memory:")
    assert importeer(store, organisatie=ORG, personeel=PERS, verzuim=VERZ).geslaagd
    nieuw = VERZ.replace("04-03-2025", "07-03-2025")
    assert importeer(store, verzuim=nieuw).geslaagd
    return store


# -- recognising an upload -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bestand", "soort"),
    [
        ("organisatie.csv", "organisatie"),
        ("personeel.csv", "personeel"),
        ("personeel.xlsx", "personeel"),
        ("verzuim.csv", "verzuim"),
        ("enquete.csv", "enquete"),
    ],
)
def test_demo_extracten_worden_herkend(bestand, soort):
    h = view.herken(bestand, (DEMO / bestand).read_bytes())
    assert h == view.Herkenning(soort, zeker=True, fout=None)


def test_windows1252_met_aliassen_en_titelregel_wordt_herkend():
    inhoud = (
        "Verzuimoverzicht Café Zuid\r\n"
        "Pseudoniem,Datum ziekmelding,Hersteldatum\r\n"
        "x1,01-02-2025,05-02-2025\r\n"
    ).encode("cp1252")
    assert view.herken("v.csv", inhoud) == view.Herkenning("verzuim", zeker=True)


def test_alleen_een_kopregel_wordt_ook_herkend():
    assert view.herken("o.csv", b"eenheid;naam\n").soort == "organisatie"


def test_onvolledige_kopregel_geeft_een_gok_met_waarschuwing():
    # eerste_verzuimdag ontbreekt: not every required column, but clearly an absence file
    h = view.herken("v.csv", b"medewerker_id;laatste_verzuimdag;verzuimsoort\nx;01-01-2025;\n")
    assert h == view.Herkenning("verzuim", zeker=False, fout=None)


def test_onbekende_kolommen_worden_niet_herkend_zonder_leesfout():
    h = view.herken("x.csv", b"kleur;smaak\nrood;zoet\n")
    assert h == view.Herkenning(None, zeker=False, fout=None)


@pytest.mark.parametrize(
    ("inhoud", "woord"),
    [
        (b"", "leeg"),
        (b"   \n\n", "leeg"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "afbeelding"),
        (b"PK\x03\x04kapot", "beschadigd"),
    ],
)
def test_onleesbare_bestanden_krijgen_de_reden_van_de_lezer(inhoud, woord):
    h = view.herken("verzuim.csv", inhoud)
    assert h.soort is None
    assert h.fout is not None and woord in h.fout


def test_laatste_verzuimdatum_is_de_peildatum_die_de_import_kiest():
    # the last absence day of a row with a recovery date is the day before it: 19-04-2025
    verzuim = """
    medewerker_id;eerste_verzuimdag;hersteldatum
    a1;10-02-2025;15-02-2025
    a2;25-03-2025;20-04-2025
    """
    inhoud = csv_bytes(verzuim)
    assert view.laatste_verzuimdatum("v.csv", inhoud) == dt.date(2025, 4, 19)
    store = Store(":memory:")
    uit = view.importeer(
        store,
        [*bestanden(organisatie=ORG, personeel=PERS), Bestand("verzuim", "v.csv", inhoud)],
        peildatum=None,
        gebruiker="t",
    )
    assert uit.geslaagd
    assert uit.peildatum == dt.date(2025, 4, 19)


def test_laatste_verzuimdatum_van_een_onleesbaar_bestand_is_onbekend():
    assert view.laatste_verzuimdatum("v.csv", b"%PDF-1.4") is None


# -- the import ----------------------------------------------------------------------------------


def test_bsn_kolom_wordt_geweigerd_en_uitgelegd_en_er_verandert_niets(twee_imports):
    store = twee_imports
    versie = store.versie
    met_bsn = VERZ.replace("laatste_verzuimdag\n", "laatste_verzuimdag;BSN\n", 1)
    met_bsn = "\n".join(
        r + (";123456782" if i > 1 else "")
        for i, r in enumerate(met_bsn.strip().splitlines(), start=1)
    )
    uit = importeer(store, verzuim=met_bsn)
    assert not uit.geslaagd
    assert uit.kop == "Import geweigerd: 1 probleem in verzuim.csv. Er is niets veranderd."
    assert len(uit.privacy) == 1
    assert uit.privacy[0].startswith("Kolom 'BSN' in verzuim.csv: kolom bevat een burgerservicen")
    assert store.versie == versie
    assert store.sql("select count(*) from import_log")[0][0] == 2


def test_medische_kolom_wordt_als_privacyprobleem_uitgelegd():
    verzuim = VERZ.replace("laatste_verzuimdag\n", "laatste_verzuimdag;Diagnose\n", 1)
    verzuim = "\n".join(
        r + (";griep" if i > 1 else "") for i, r in enumerate(verzuim.strip().splitlines(), start=1)
    )
    uit = importeer(Store(":memory:"), organisatie=ORG, personeel=PERS, verzuim=verzuim)
    assert not uit.geslaagd
    assert len(uit.privacy) == 1
    assert "'Diagnose'" in uit.privacy[0] and "medische informatie" in uit.privacy[0]


def test_ongeldige_rijen_geven_een_telling_per_bestand_en_geen_privacyuitleg():
    # row 3: end before start; row 4: unknown employee; personeel row 2: factor 2 > 1,5
    verzuim = """
    medewerker_id;eerste_verzuimdag;laatste_verzuimdag
    a1;10-02-2025;14-02-2025
    a1;10-03-2025;01-03-2025
    zz;10-02-2025;14-02-2025
    """
    personeel = PERS.replace("a1;A1;01-01-2025;;1", "a1;A1;01-01-2025;;2")
    uit = importeer(Store(":memory:"), organisatie=ORG, personeel=personeel, verzuim=verzuim)
    assert not uit.geslaagd
    n_pers = uit.rapport.filter(pl.col("bestand") == "personeel.csv").height
    n_verz = uit.rapport.filter(pl.col("bestand") == "verzuim.csv").height
    assert (n_pers, n_verz) == (1, 2)
    assert uit.kop == (
        "Import geweigerd: 1 probleem in personeel.csv en 2 problemen in verzuim.csv. "
        "Er is niets veranderd."
    )
    assert uit.privacy == []
    assert set(uit.rapport.filter(pl.col("bestand") == "verzuim.csv")["rij"]) == {3, 4}


def test_weigering_kop_voor_de_import_als_geheel_en_in_het_engels():
    rapport = samenvoegen(
        [
            probleem("(import)", "er zijn meerdere verzuim-bestanden opgegeven; geef er één"),
            probleem("a.csv", "x", rij=2),
            probleem("a.csv", "y", rij=3),
            probleem("b.csv", "z", rij=2),
        ]
    )
    assert view.weigering_kop(rapport) == (
        "Import geweigerd: 1 probleem in de import als geheel, 2 problemen in a.csv en "
        "1 probleem in b.csv. Er is niets veranderd."
    )
    assert view.weigering_kop(rapport, "en") == (
        "Import refused: 1 problem in the import as a whole, 2 problems in a.csv and "
        "1 problem in b.csv. Nothing was changed."
    )


def test_rapport_op_scherm_toont_de_eerste_500_met_een_noot():
    rapport = samenvoegen([probleem("v.csv", "fout", "kolom", rij=i) for i in range(2, 1202)])
    tabel, noot = view.rapport_scherm(rapport)
    assert tabel.height == 500
    assert tabel.columns == ["Bestand", "Rij", "Kolom", "Waarde", "Reden"]
    assert tabel["Rij"][0] == "2"
    assert view.rapport_scherm(probleem("v.csv", "leeg"))[0]["Rij"].to_list() == [""]
    assert noot == (
        "Er zijn 1.200 problemen; hier staan de eerste 500. Het volledige rapport staat in de "
        "Excel-download."
    )
    assert view.rapport_scherm(rapport.head(500))[1] is None


def test_onverwachte_fout_wordt_een_nederlandse_melding_en_gelogd(monkeypatch, caplog):
    def kapot(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(view, "_importeer", kapot)
    with caplog.at_level(logging.ERROR, logger="dashboard.views.gegevens"):
        uit = importeer(Store(":memory:"), organisatie=ORG)
    assert not uit.geslaagd
    assert uit.kop.startswith("Het inlezen is mislukt door een onverwachte fout (RuntimeError).")
    assert "Er is niets veranderd." in uit.kop
    assert any("onverwachte fout" in r.message for r in caplog.records)
    assert caplog.records[-1].exc_info is not None


def test_opslag_die_niet_geschreven_kan_worden_geeft_een_nederlandse_melding(tmp_path):
    from dashboard import versies

    pad = tmp_path / "s.duckdb"
    Store(pad).close()
    alleen_lezen = Store(pad, read_only=True)  # writes become a new version (dashboard/versies)
    with versies.slot(pad):  # ... but another import is writing now
        uit = importeer(alleen_lezen, organisatie=ORG, personeel=PERS, verzuim=VERZ)
    assert not uit.geslaagd
    assert uit.kop.startswith(
        "De gegevensopslag kon niet worden bijgewerkt: er loopt al een import of wijziging"
    )
    assert uit.kop.endswith("Er is niets veranderd.")


def test_geslaagde_import_geeft_samenvatting_en_meldingen():
    store = Store(":memory:")
    verzuim = VERZ.replace("laatste_verzuimdag\n", "laatste_verzuimdag;Team\n", 1)
    verzuim = "\n".join(
        r + (";x" if i > 1 else "") for i, r in enumerate(verzuim.strip().splitlines(), start=1)
    )
    uit = importeer(store, organisatie=ORG, personeel=PERS, verzuim=verzuim)
    assert uit.geslaagd
    assert uit.kop == "Import geslaagd (import 1)."
    assert "verzuim: 3 rijen ingelezen uit verzuim.csv" in uit.samenvatting
    assert "Peildatum: 30-04-2025" in uit.samenvatting
    assert any("'Team'" in m for m in uit.meldingen)


def test_rapport_als_excel_en_csv(monkeypatch):
    import io

    import openpyxl

    from dashboard.exports.xlsx import rapport_xlsx

    rapport = samenvoegen(
        [
            probleem("v.csv", "geen geldige datum", "eerste_verzuimdag", rij=i, waarde="31-02")
            for i in range(2, 7)
        ]
    )
    monkeypatch.setattr(view, "EXCEL_MAX", 3)
    blad = openpyxl.load_workbook(io.BytesIO(rapport_xlsx(rapport.head(view.EXCEL_MAX))))[
        "Problemen"
    ]
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0] == ("Bestand", "Rij", "Kolom", "Waarde", "Reden")
    assert [r[1] for r in rijen[1:]] == [2, 3, 4]  # only the first EXCEL_MAX
    csv = view.rapport_csv(rapport)
    assert csv.startswith(b"\xef\xbb\xbfbestand;rij;kolom;waarde;reden\n")
    assert csv.decode("utf-8-sig").count("\n") == 6  # header and all five problems


def test_bestandsgrootte_voor_mensen():
    assert [view.grootte(n) for n in (0, 362, 2048, 3_355_443)] == [
        "0 bytes",
        "362 bytes",
        "2 kB",
        "3,2 MB",
    ]


def test_eerder_ingelezen_herkent_hetzelfde_bestand(twee_imports):
    oud = hashlib.sha256(csv_bytes(VERZ)).hexdigest()
    nieuw = hashlib.sha256(csv_bytes(VERZ.replace("04-03-2025", "07-03-2025"))).hexdigest()
    gevonden = view.eerder_ingelezen(twee_imports, [oud, nieuw, "0" * 64])
    assert set(gevonden) == {oud, nieuw}
    assert (gevonden[oud].import_id, gevonden[oud].nog_actief) == (1, False)
    assert (gevonden[nieuw].import_id, gevonden[nieuw].nog_actief) == (2, True)
    assert view.eerder_ingelezen(twee_imports, []) == {}


# -- history -------------------------------------------------------------------------------------


def test_geschiedenis_nieuwste_eerst_met_bestanden_en_status(twee_imports):
    store = twee_imports
    ok, _ = view.herstel(store, 2, "tester")
    assert ok
    g = view.geschiedenis(store, None)
    # restore (3, no file), import 2 (verzuim), import 1 (organisatie, personeel, verzuim)
    assert g["import_id"].to_list() == [3, 2, 1, 1, 1]
    assert g["soort"].to_list() == [None, "verzuim", "organisatie", "personeel", "verzuim"]
    assert g["status"].to_list() == ["herstel", "teruggedraaid", *["actief"] * 3]
    assert g["herstelt"][0] == 2
    assert g["rijen_gelezen"].to_list()[1:] == [3, 4, 3, 3]
    assert g["organisaties"][0].to_list() == ["A", "B"]  # the organisations of import 2
    assert g["sha256"][1] == hashlib.sha256(csv_bytes(VERZ.replace("04-03", "07-03"))).hexdigest()

    tabel = view.geschiedenis_tabel(g)
    assert tabel.columns[:4] == ["Nr.", "Tijdstip", "Door", "Actie"]
    assert tabel["Actie"].to_list() == ["terugzetten", "import", "import", "import", "import"]
    assert re.fullmatch(r"\d{2}-\d{2}-\d{4} \d{2}:\d{2}", tabel["Tijdstip"][0])
    assert tabel["Bestand"][0] == "import 2 teruggedraaid"
    assert view.geschiedenis_tabel(g, "en")["File"][0] == "import 2 undone"
    assert tabel["Peildatum"].to_list() == ["", "30-04-2025", *["30-04-2025"] * 3]
    assert all(len(s) in (0, view.SHA_KORT) for s in tabel["SHA-256"])
    assert tabel["Status"].to_list()[:2] == ["", "teruggedraaid"]


def test_vervangen_import_heet_deels_vervangen(twee_imports):
    g = view.geschiedenis(twee_imports, None)
    status = dict(zip(g["import_id"], g["status"], strict=False))
    # import 2 replaced only the absence data of import 1
    assert status == {2: "actief", 1: "deels vervangen"}


def test_geschiedenis_toont_alleen_de_eigen_organisaties_zonder_aantallen_van_anderen():
    store = Store(":memory:")
    assert importeer(store, organisatie=ORG, personeel=PERS, verzuim=VERZ).geslaagd
    # import 2: only B's absence changes
    alleen_b = """
    medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag
    b1;m3;03-03-2025;10-03-2025
    """
    assert importeer(store, verzuim=alleen_b).geslaagd
    g = view.geschiedenis(store, frozenset({"A"}))
    assert g["import_id"].unique().to_list() == [1]
    assert all(o.to_list() == ["A"] for o in g["organisaties"])
    # every file of import 1 also holds B's rows: their sizes are not A's to know
    assert g["rijen_gelezen"].null_count() == g.height
    assert set(view.geschiedenis_tabel(g)["Rijen gelezen"]) == {"niet getoond"}
    assert view.geschiedenis(store, frozenset({"B"}))["import_id"].unique().sort().to_list() == [
        1,
        2,
    ]
    assert view.geschiedenis(store, frozenset()).height == 0


# -- active data and findings --------------------------------------------------------------------


def test_actieve_gegevens_per_organisatie_en_soort(twee_imports):
    a = view.actieve_gegevens(twee_imports, None)
    rijen = {(r["organisatie"], r["soort"]): r for r in a.iter_rows(named=True)}
    assert set(rijen) == {(o, s) for o in "AB" for s in ("organisatie", "personeel", "verzuim")}
    # A: units A, A1; staff a1, a2; spells m1, m2 — B: units B, B1; staff b1; spell m3
    assert {k: r["rijen"] for k, r in rijen.items()} == {
        ("A", "organisatie"): 2,
        ("A", "personeel"): 2,
        ("A", "verzuim"): 2,
        ("B", "organisatie"): 2,
        ("B", "personeel"): 1,
        ("B", "verzuim"): 1,
    }
    assert rijen[("A", "verzuim")]["import_id"] == 2
    assert rijen[("A", "personeel")]["import_id"] == 1
    assert rijen[("A", "verzuim")]["bestanden"] == ["verzuim.csv"]
    assert rijen[("A", "verzuim")]["naam"] == "Organisatie A"
    assert [(p.organisatie, p.peildatum) for p in view.peildata(a)] == [("A", PEIL), ("B", PEIL)]
    assert view.huidige_peildatum(a) == PEIL
    tabel = view.actieve_tabel(a)
    assert tabel["Organisatie"][0] == "Organisatie A"
    assert tabel["Peildatum van de import"][0] == "30-04-2025"

    alleen_b = view.actieve_gegevens(twee_imports, frozenset({"B"}))
    assert set(alleen_b["organisatie"]) == {"B"}


def test_enquete_telt_eenheden_per_meting_zoals_in_het_bestand():
    enquete = """
    meting;eenheid;respondenten;werkdruk;autonomie
    2024;A1;20;2,5;3,5
    2024;B1;15;2,8;3,1
    2025;A1;22;2,4;3,6
    """
    store = Store(":memory:")
    assert importeer(store, organisatie=ORG, personeel=PERS, verzuim=VERZ, enquete=enquete).geslaagd
    a = view.actieve_gegevens(store, None).filter(pl.col("soort") == "enquete")
    # A: waves 2024 and 2025 with one unit each; B: 2024 with one unit (not 2 scales x units)
    assert a.select("organisatie", "rijen").rows() == [("A", 2), ("B", 1)]
    assert a["metingen"][0].to_list() == ["2024", "2025"]


def test_verzuim_buiten_dienstverband_is_een_bevinding(twee_imports):
    b = view.bevindingen(twee_imports, None)
    # a2: employed until 31-03-2025, absent 25-03 .. 05-04: 5 days outside service
    assert b.select("organisatie", "soort", "meldingen", "dagen").rows() == [
        ("A", "verzuim_buiten_dienst", 1, 5)
    ]
    assert b["naam"][0] == "Organisatie A"
    tekst = view.bevinding_tekst("verzuim_buiten_dienst", "", 1, 5)
    assert tekst.startswith("1 ziekmelding heeft samen 5 verzuimdagen buiten een dienstverband")
    meer = view.bevinding_tekst("verzuim_buiten_dienst", "", 1234, 5678)
    assert meer.startswith("1.234 ziekmeldingen hebben samen 5.678 verzuimdagen")
    assert view.bevindingen(twee_imports, frozenset({"B"})).height == 0


def test_onbekende_bevinding_valt_terug_op_de_omschrijving():
    assert view.bevinding_tekst("iets_nieuws", "Iets vreemds", 3, 0) == "Iets vreemds (3)"
    assert view.bevinding_tekst("onbekende_eenheid", "", 2, 0).startswith(
        "2 dienstverbanden staan bij een eenheid"
    )


# -- restore -------------------------------------------------------------------------------------


def test_herstel_voorstel_zegt_wat_terugkomt(twee_imports):
    v = view.herstel_voorstel(twee_imports)
    assert v is not None
    assert v.import_id == 2
    assert v.kop.startswith("Hiermee draait u import 2 van ")
    assert "(door tester, peildatum 30-04-2025) terug: verzuim.csv (verzuim)." in v.kop
    assert len(v.regels) == 2
    assert v.regels[0].startswith("Organisatie A · verzuim: terug naar import 1 van ")
    assert v.regels[0].endswith("(peildatum 30-04-2025, 2 rijen)")
    assert v.leeg == ()


def test_herstel_van_de_eerste_import_laat_niets_over(twee_imports):
    assert view.herstel(twee_imports, 2, "t")[0]
    v = view.herstel_voorstel(twee_imports)
    assert v is not None and v.import_id == 1
    assert all("verdwijnt" in r for r in v.regels)
    assert v.leeg == ("Organisatie A", "Organisatie B")
    assert view.herstel(twee_imports, 1, "t") == (
        True,
        "Import 1 is teruggedraaid; de vorige gegevens zijn weer actief.",
    )
    assert view.herstel_voorstel(twee_imports) is None
    assert view.herstel(twee_imports, 1, "t") == (False, "Er is geen import om terug te draaien.")


def test_herstel_weigert_als_er_intussen_iets_veranderde(twee_imports):
    versie = twee_imports.versie
    ok, tekst = view.herstel(twee_imports, 1, "t")  # the user saw import 1; import 2 is newer
    assert not ok
    assert "de laatste actieve import is nu import 2" in tekst
    assert twee_imports.versie == versie
    ok, tekst = view.herstel(twee_imports, 2, "t")
    assert ok
    actief = view.actieve_gegevens(twee_imports, None)
    assert set(actief["import_id"]) == {1}


def test_herstel_terwijl_een_import_loopt_of_door_een_lezer(tmp_path):
    from dashboard import versies
    from dashboard.rollen import Gebruiker

    pad = tmp_path / "s.duckdb"
    s = Store(pad)
    assert importeer(s, organisatie=ORG, personeel=PERS, verzuim=VERZ).geslaagd
    s.close()
    with versies.slot(pad):
        ok, tekst = view.herstel(Store(pad, read_only=True), 1, "t")
    assert not ok
    assert tekst.startswith("Terugzetten is niet gelukt: er loopt al een import of wijziging")
    assert tekst.endswith("Er is niets veranderd.")
    lezer = Gebruiker("l@x.nl", "lezer", frozenset({"ORG"}))
    ok, tekst = view.herstel(Store(pad, read_only=True), 1, "t", wie=lezer)
    assert not ok and "heeft de rol lezer en mag daarom niet gegevens inlezen" in tekst


def test_storefout_tijdens_herstel_wordt_gemeld(twee_imports, monkeypatch):
    def kapot(gebruiker):
        raise StoreFout("schijf vol")

    monkeypatch.setattr(twee_imports, "herstel_vorige", kapot)
    assert view.herstel(twee_imports, 2, "t") == (
        False,
        "Terugzetten is niet gelukt: schijf vol. Er is niets veranderd.",
    )


# -- help and texts ------------------------------------------------------------------------------


def test_kolommentabel_komt_uit_de_kolomdefinities():
    tabel = view.kolommen_tabel()
    assert tabel.height == sum(len(KOLOMMEN[s]) for s in SOORTEN) + len(SCHALEN)
    assert set(tabel["Soort"]) == set(SOORTEN)  # not the pilots file
    verzuim = tabel.filter(pl.col("Soort") == "verzuim")
    eerste = verzuim.filter(pl.col("Kolom") == "eerste_verzuimdag").row(0, named=True)
    assert eerste["Verplicht"] == "ja"
    assert eerste["Ook herkend als"] == ", ".join(
        next(k for k in KOLOMMEN["verzuim"] if k.naam == "eerste_verzuimdag").aliassen
    )
    assert view.kolommen_tabel("en").columns == [
        "Kind",
        "Column",
        "Required",
        "Content",
        "Also recognised as",
    ]


def _t_teksten(pad: Path) -> set[str]:
    teksten = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if (
            isinstance(knoop, ast.Call)
            and getattr(knoop.func, "id", None) == "t"
            and knoop.args
            and isinstance(knoop.args[0], ast.Constant)
        ):
            teksten.add(knoop.args[0].value)
    return teksten
