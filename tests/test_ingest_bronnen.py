"""Extracts as real systems send them (issue 12): absence as events, hours instead of factors,
inverted percentages, the missing aliases; and files that must not get in (a workbook that
expands to gigabytes, a NUL byte after the first 64 KB, a file partly UTF-8 and partly
Windows-1252)."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import time
import tracemalloc
import zipfile

import polars as pl
import pytest

from dashboard import config
from dashboard.config import ConfigFout, settings
from dashboard.ingest import read
from dashboard.ingest.read import LeesFout, controleer_xlsx, lees
from dashboard.store import Store
from dashboard.views.gegevens import herken, laatste_verzuimdatum
from tests.conftest import csv_bytes, importeer_teksten
from tests.test_ingest import ORG, PEIL, weiger

PERS = """
Personeelsnummer;eenheid;begindatum;deeltijdfactor
p1;A;01-01-2024;1
p2;A;01-01-2024;0,5
p3;B;01-01-2024;1
"""

#: p1: sick 10 Jan, 50% recovered 15 Jan, back 20 Jan; p2: sick 1 Feb, back 5 Feb, sick again
#: 10 Mar (open on the peildatum); p3: sick 4 Mar, back 4 days later.
MUTATIES = """
Intern nummer;Datum;Soort mutatie;Percentage arbeidsongeschikt
p1;10-01-2024;Ziekmelding;
p1;15-01-2024;Gedeeltelijk herstel;50
p1;20-01-2024;Volledig herstel;
p2;01-02-2024;ziek;
p3;04-03-2024;ziekmelding;100
p2;05-02-2024;hersteld;
p2;10-03-2024;ziek;
p3;08-03-2024;herstel;
"""
#: The same absence as spells (and phases).
PERIODEN = """
medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag;ao_percentage
p1;m1;10-01-2024;14-01-2024;100
p1;m1;15-01-2024;19-01-2024;50
p2;;01-02-2024;04-02-2024;
p2;;10-03-2024;;
p3;;04-03-2024;07-03-2024;
"""


def feiten(store: Store) -> pl.DataFrame:
    """The monthly facts, in a fixed order (what every metric is made of)."""
    return store.frame("select * from feit_eenheid order by en, maand")


# -- 1. absence as events ------------------------------------------------------------------------


def test_mutaties_worden_verzuimgevallen_met_fasen(maak_store):
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=MUTATIES)
    rijen = store.frame(
        "select medewerker_id, melding_nr, eerste_verzuimdag, laatste_verzuimdag, ao_percentage "
        "from verzuim_rij order by medewerker_id, eerste_verzuimdag"
    ).rows()
    d = dt.date
    assert rijen == [
        # a partial recovery on 15 Jan: a second phase of the same spell from that day
        ("p1", 1, d(2024, 1, 10), d(2024, 1, 14), 100.0),
        ("p1", 1, d(2024, 1, 15), d(2024, 1, 19), 50.0),
        # a full recovery on 5 Feb: 4 Feb is the last absence day
        ("p2", 2, d(2024, 2, 1), d(2024, 2, 4), 100.0),
        ("p2", 3, d(2024, 3, 10), None, 100.0),  # still open on the peildatum
        ("p3", 4, d(2024, 3, 4), d(2024, 3, 7), 100.0),
    ]
    # January, unit A: p1 5 days x 100% + 5 days x 50% (f 1) = 7,5 absence days
    jan = store.sql(
        "select verzuim_kort_e8 + verzuim_middellang_e8 from feit_eenheid f "
        "join eenheid e on e.nr = f.en where e.eenheid = 'A' and maand = date '2024-01-01'"
    )
    assert jan[0][0] == 7.5e8


def test_mutaties_en_perioden_geven_dezelfde_feiten(maak_store):
    uit_mutaties, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=MUTATIES)
    uit_perioden, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=PERIODEN)
    assert feiten(uit_mutaties).equals(feiten(uit_perioden))
    assert feiten(uit_mutaties)["meldingen"].sum() == 4


def test_samenvatting_noemt_de_mutaties():
    store = Store(":memory:")
    res = importeer_teksten(store, PEIL, organisatie=ORG, personeel=PERS, verzuim=MUTATIES)
    assert res.geslaagd
    assert (
        "verzuim: verzuim.csv bevat mutaties (ziekmelding, gedeeltelijk en volledig herstel); ze "
        "zijn samengevoegd tot 4 verzuimmeldingen"
    ) in res.samenvatting


@pytest.mark.parametrize(
    ("kop", "waarde", "ao"),
    [
        ("Percentage hersteld", "50", 50.0),  # incapacity = 100 - recovered share
        ("Aanwezigheidspercentage", "25", 75.0),  # AFAS: presence
        ("Percentage arbeidsongeschiktheid", "40", 40.0),
    ],
)
def test_percentage_ook_omgekeerd(maak_store, kop, waarde, ao):
    mutaties = f"""
    WerknemerID;Mutatiedatum;Mutatie;{kop}
    p1;10-01-2024;ziekmelding;
    p1;15-01-2024;deelherstel;{waarde}
    p1;20-01-2024;herstel;
    """
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=mutaties)
    assert store.sql("select ao_percentage from verzuim_rij order by eerste_verzuimdag") == [
        (100.0,),
        (ao,),
    ]


def test_herstel_met_restpercentage_is_gedeeltelijk(maak_store):
    mutaties = """
    Personeelsnummer;Ingangsdatum;Gebeurtenis;Percentage arbeidsongeschikt
    p1;10-01-2024;Ziekmelding;
    p1;15-01-2024;Herstel;30
    p1;20-01-2024;Gedeeltelijk herstel;0
    """
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=mutaties)
    # 'herstel' that leaves 30% is a partial recovery; a partial recovery to 0% a full one
    assert store.sql(
        "select eerste_verzuimdag, laatste_verzuimdag, ao_percentage from verzuim_rij "
        "order by eerste_verzuimdag"
    ) == [
        (dt.date(2024, 1, 10), dt.date(2024, 1, 14), 100.0),
        (dt.date(2024, 1, 15), dt.date(2024, 1, 19), 30.0),
    ]


def test_verzuimsoort_van_de_ziekmelding_geldt_voor_het_hele_geval(maak_store):
    mutaties = """
    Personeelsnummer;Datum;Soort;verzuimsoort
    p1;10-01-2024;ziekmelding;zwangerschap
    p1;15-01-2024;volledig herstel;
    p2;10-01-2024;ziekmelding;
    """
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=mutaties)
    assert store.sql("select medewerker_id, verzuimsoort from verzuim_rij order by 1") == [
        ("p1", "zwangerschap"),
        ("p2", "ziekte"),
    ]


def test_peildatum_uit_mutaties_en_de_hint_op_de_gegevenspagina():
    mutaties = """
    Personeelsnummer;Datum;Soort
    p1;10-01-2024;ziekmelding
    p1;20-01-2024;volledig herstel
    """
    store = Store(":memory:")
    res = importeer_teksten(store, None, organisatie=ORG, personeel=PERS, verzuim=mutaties)
    assert res.geslaagd
    # back on 20 Jan: the last date the extract covers is 19 Jan
    assert res.peildatum == dt.date(2024, 1, 19)
    assert laatste_verzuimdatum("v.csv", csv_bytes(mutaties)) == dt.date(2024, 1, 19)


def test_mutatiebestand_wordt_herkend_als_verzuim():
    kop = "Intern nummer;Mutatiedatum;Soort mutatie;Aanwezigheidspercentage\np1;10-01-2024;ziek;0\n"
    h = herken("mutaties.csv", kop.encode())
    assert (h.soort, h.zeker) == ("verzuim", True)


@pytest.mark.parametrize(
    ("regels", "rij", "kolom", "woord"),
    [
        # a recovery without an open spell
        (["p1;10-01-2024;herstel;"], 2, "Soort mutatie", "zonder openstaande ziekmelding"),
        (["p1;10-01-2024;ziek;", "p1;20-01-2024;herstel;", "p1;25-01-2024;deelherstel;50"], 4,
         "Soort mutatie", "zonder openstaande ziekmelding"),
        # a second sick report during an open spell
        (["p1;10-01-2024;ziek;", "p1;12-01-2024;ziekmelding;"], 3, "Soort mutatie",
         "tweede ziekmelding"),
        # an employee's events out of order
        (["p1;10-01-2024;ziek;", "p2;01-01-2024;ziek;", "p1;05-01-2024;herstel;"], 4, "Datum",
         "niet op volgorde"),
        # a percentage outside 0-100
        (["p1;10-01-2024;ziek;120"], 2, "Percentage arbeidsongeschikt", "tussen 0 en 100"),
        (["p1;10-01-2024;ziek;", "p1;11-01-2024;deelherstel;-5"], 3,
         "Percentage arbeidsongeschikt", "tussen 0 en 100"),
        # no absence day left between two events
        (["p1;10-01-2024;ziek;", "p1;10-01-2024;herstel;"], 2, "Datum", "dezelfde dag"),
        # a partial recovery without the percentage that remains
        (["p1;10-01-2024;ziek;", "p1;12-01-2024;gedeeltelijk herstel;"], 3,
         "Percentage arbeidsongeschikt", "percentage arbeidsongeschiktheid dat overblijft"),
        (["p1;10-01-2024;verlof;"], 2, "Soort mutatie", "onbekende soort mutatie"),
        (["p1;10-01-2024;ziek;0"], 2, "Percentage arbeidsongeschikt", "0% arbeidsongeschiktheid"),
        (["p1;31-13-2024;ziek;"], 2, "Datum", "geen geldige datum"),
        # after the conversion the spell rules apply as to any spell extract
        (["p9;10-01-2024;ziek;"], 2, "Intern nummer", "komt niet voor in het personeelsextract"),
        (["p1;10-04-2024;ziek;"], 2, "Datum", "na de peildatum"),
    ],
)  # fmt: skip
def test_foute_mutaties_met_rijnummer(regels, rij, kolom, woord):
    mutaties = "\n".join(
        ["Intern nummer;Datum;Soort mutatie;Percentage arbeidsongeschikt", *regels]
    )
    rapport = weiger(organisatie=ORG, personeel=PERS, verzuim=mutaties)
    regel = rapport.filter(pl.col("reden").str.contains(woord, literal=True))
    assert regel.select("rij", "kolom").rows() == [(rij, kolom)], rapport


def test_volgorde_fout_geeft_geen_vervolgfouten():
    mutaties = """
    Intern nummer;Datum;Soort mutatie
    p1;20-01-2024;herstel
    p1;10-01-2024;ziek
    """
    rapport = weiger(organisatie=ORG, personeel=PERS, verzuim=mutaties)
    assert rapport.select("rij", "kolom").rows() == [(3, "Datum")]


# -- 2. hours and other real headers -------------------------------------------------------------

UREN = """
Personeelsnummer;eenheid;begindatum;{kop}
p1;A;01-01-2024;36
p2;A;01-01-2024;32
p3;B;01-01-2024;18
"""


@pytest.mark.parametrize("kop", ["Arbeidsomvang", "Uren per week", "Contracturen"])
def test_uren_per_week_worden_deeltijdfactor(monkeypatch, kop):
    monkeypatch.delenv("VERZUIMZICHT_VOLTIJD_UREN", raising=False)
    store = Store(":memory:")
    res = importeer_teksten(store, PEIL, organisatie=ORG, personeel=UREN.format(kop=kop))
    assert res.geslaagd, res.rapport
    factoren = store.sql("select deeltijdfactor from personeel_rij order by medewerker_id")
    assert factoren == [(1.0,), (32 / 36,), (0.5,)]
    assert (
        f"personeel: deeltijdfactor = '{kop}' / 36 uur (een voltijdse week; instelling "
        "VERZUIMZICHT_VOLTIJD_UREN)"
    ) in res.samenvatting


def test_voltijduren_instelbaar(monkeypatch):
    monkeypatch.setenv("VERZUIMZICHT_VOLTIJD_UREN", "40")
    store = Store(":memory:")
    res = importeer_teksten(store, PEIL, organisatie=ORG, personeel=UREN.format(kop="Contracturen"))
    assert res.geslaagd
    # 36 / 40 = 0,9; 32 / 40 = 0,8; 18 / 40 = 0,45
    assert store.sql("select deeltijdfactor from personeel_rij order by medewerker_id") == [
        (0.9,),
        (0.8,),
        (0.45,),
    ]
    assert any("/ 40 uur" in r for r in res.samenvatting)


@pytest.mark.parametrize(
    ("waarde", "woord"),
    [
        ("0", "groter dan 0"),
        ("60", "ten hoogste 54"),  # 1,5 x 36
        ("0,8", "lijkt een deeltijdfactor"),
        ("veel", "geen getal"),
    ],
)
def test_foute_uren_met_rijnummer(monkeypatch, waarde, woord):
    monkeypatch.delenv("VERZUIMZICHT_VOLTIJD_UREN", raising=False)
    pers = UREN.format(kop="Uren per week").replace(";32\n", f";{waarde}\n")
    rapport = weiger(organisatie=ORG, personeel=pers)
    assert rapport.select("rij", "kolom").rows() == [(3, "Uren per week")]
    assert woord in rapport["reden"][0]


def test_zonder_factor_en_uren_noemt_de_melding_beide():
    pers = "medewerker_id;eenheid;begindatum\np1;A;01-01-2024\n"
    rapport = weiger(organisatie=ORG, personeel=pers)
    assert "verplichte kolom 'deeltijdfactor'" in rapport["reden"][0]
    assert "uren_per_week" in rapport["reden"][0]


@pytest.mark.parametrize(("waarde", "uit"), [("36", 36.0), ("38,5", 38.5), ("40.0", 40.0)])
def test_voltijduren_geldig(monkeypatch, waarde, uit):
    monkeypatch.setenv("VERZUIMZICHT_VOLTIJD_UREN", waarde)
    assert settings().voltijd_uren == uit


@pytest.mark.parametrize("waarde", ["0", "8", "61", "veertig", "36 uur", "-36", "1e2"])
def test_voltijduren_buiten_bereik(monkeypatch, waarde):
    monkeypatch.setenv("VERZUIMZICHT_VOLTIJD_UREN", waarde)
    with pytest.raises(ConfigFout) as fout:
        settings()
    assert str(fout.value).startswith(f"Ongeldige instelling VERZUIMZICHT_VOLTIJD_UREN='{waarde}'")
    assert "12 tot en met 60" in str(fout.value)


def test_voltijduren_standaard(monkeypatch):
    monkeypatch.delenv("VERZUIMZICHT_VOLTIJD_UREN", raising=False)
    assert settings().voltijd_uren == config.DEFAULT_VOLTIJD_UREN == 36


def test_ontbrekende_aliassen(maak_store):
    pers = "Intern nummer;eenheid;begindatum;deeltijdfactor\np1;A;01-01-2024;1\n"
    verz = (
        "Personeelsnummer;Eerste ziektedag;laatste_verzuimdag;Percentage arbeidsongeschikt\n"
        "p1;10-01-2024;12-01-2024;60\n"
    )
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=pers, verzuim=verz)
    assert store.sql("select medewerker_id, eerste_verzuimdag, ao_percentage from verzuim_rij") == [
        ("p1", dt.date(2024, 1, 10), 60.0)
    ]


def test_perioden_met_percentage_hersteld(maak_store):
    verz = "medewerker_id;eerste_verzuimdag;laatste_verzuimdag;Percentage hersteld\np1;10-01-2024;12-01-2024;25\n"
    store, _ = maak_store(PEIL, organisatie=ORG, personeel=PERS, verzuim=verz)
    assert store.sql("select ao_percentage from verzuim_rij") == [(75.0,)]
    rapport = weiger(organisatie=ORG, personeel=PERS, verzuim=verz.replace(";25\n", ";100\n"))
    assert rapport.select("rij", "kolom").rows() == [(2, "Percentage hersteld")]
    assert "geen verzuim over" in rapport["reden"][0]


# -- 4. files that must not get in ---------------------------------------------------------------


def _werkmap(blad: bytes) -> bytes:
    """A minimal zip with a workbook part and one (highly compressible) sheet."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", blad)
    return buffer.getvalue()


def _verander_grootte(inhoud: bytes, naam: bytes, grootte: int) -> bytes:
    """The same zip, with the uncompressed size of part `naam` declared as `grootte` (in the
    local header and the central directory), as a crafted zip can do."""
    data = bytearray(inhoud)
    for handtekening, plek_grootte, plek_naamlengte, kop in (
        (b"PK\x03\x04", 22, 26, 30),
        (b"PK\x01\x02", 24, 28, 46),
    ):
        begin = 0
        while (i := data.find(handtekening, begin)) >= 0:
            lengte = struct.unpack_from("<H", data, i + plek_naamlengte)[0]
            if bytes(data[i + kop : i + kop + lengte]) == naam:
                struct.pack_into("<I", data, i + plek_grootte, grootte)
            begin = i + 4
    return bytes(data)


def test_xlsx_die_uitpakt_tot_gigabytes_wordt_snel_geweigerd():
    blad = b"<row><c><v>1</v></c></row>" * 1000
    bom = _verander_grootte(_werkmap(blad), b"xl/worksheets/sheet1.xml", 3 * 1024**3)
    tracemalloc.start()
    begin = time.perf_counter()
    with pytest.raises(LeesFout, match=re.escape("pakt uit tot meer dan 3.072 MB")):
        lees(bom, "bom.xlsx", "personeel")
    duur = time.perf_counter() - begin
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert duur < 1 and piek < 20 * 1024 * 1024


def test_xlsx_die_te_weinig_opgeeft_wordt_bij_het_uitpakken_gestopt(monkeypatch):
    monkeypatch.setattr(read, "MAX_XLSX_XML", 256 * 1024)
    blad = b"<row><c><v>1</v></c></row>" * 40_000  # 1 MB, declared as 10 kB
    onwaar = _verander_grootte(_werkmap(blad), b"xl/worksheets/sheet1.xml", 10_000)
    with pytest.raises(LeesFout, match="beschadigd"):
        controleer_xlsx(onwaar)
    # honestly declared: counted while inflating (in blocks) up to the limit
    monkeypatch.setattr(read, "MAX_XLSX_XML", 2 * 1024 * 1024)
    controleer_xlsx(_werkmap(blad))  # below the limit: nothing to refuse
    monkeypatch.setattr(read, "MAX_XLSX_XML", 512 * 1024)
    with pytest.raises(LeesFout, match="pakt uit tot meer dan"):
        controleer_xlsx(_werkmap(blad))


def test_xlsx_bom_via_import_en_gegevenspagina():
    bom = _verander_grootte(_werkmap(b"<row/>" * 1000), b"xl/worksheets/sheet1.xml", 3 * 1024**3)
    rapport = weiger(organisatie=ORG, personeel=bom)
    assert rapport.select("bestand", "rij").rows() == [("personeel.csv", None)]
    assert "de grens is 512 MB" in rapport["reden"][0]
    h = herken("bom.xlsx", bom)
    assert h.soort is None and h.fout is not None and "grens is 512 MB" in h.fout


def test_nul_teken_na_64_kb_wordt_geweigerd_met_rijnummer():
    regels = [f"p{i};A;01-01-2024;;1" for i in range(1, 4001)]
    regels[3500] = "p3501;A;01-01-2024;;1;schaal\x008"
    tekst = "medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor\n" + "\n".join(regels)
    inhoud = tekst.encode()
    assert inhoud.index(b"\x00") > 65536
    rapport = weiger(organisatie=ORG, personeel=inhoud)
    # header = rij 1, p1 = rij 2: p3501 is rij 3502
    assert rapport.select("rij").rows() == [(3502,)]
    assert "NUL-teken" in rapport["reden"][0]


def test_nul_teken_in_utf16_en_in_een_excelcel():
    tekst = "eenheid;naam\nA;Afd\x00eling A\n"
    with pytest.raises(LeesFout) as fout:
        lees(("\ufeff" + tekst).encode("utf-16-le").replace(b"\xff\xfe", b"\xff\xfe", 1), "o.csv",
             "organisatie")  # fmt: skip
    assert fout.value.rij == 2
    frame = pl.DataFrame({"column_1": ["eenheid", "A"], "column_2": ["naam", "B\x00"]})
    with pytest.raises(LeesFout, match="NUL-teken") as fout:
        read._splits_kop(frame.with_columns(pl.Series("__rij", [1, 2])), "o.xlsx", "organisatie",
                         [])  # fmt: skip
    assert fout.value.rij == 2


def test_deels_utf8_deels_windows1252_noemt_de_eerste_foute_rij():
    kop = "medewerker_id;eenheid;begindatum;deeltijdfactor;schaalgroep\n"
    inhoud = (
        (kop + "p1;A;01-01-2024;1;schaal één\n").encode("utf-8")
        + "p2;A;01-01-2024;1;schaal twee\n".encode("cp1252")
        + "p3;A;01-01-2024;1;schaal drieën\n".encode("cp1252")
    )
    rapport = weiger(organisatie=ORG, personeel=inhoud)
    assert rapport.select("rij").rows() == [(4,)]
    assert "deels UTF-8 en deels Windows-1252: rij 4" in rapport["reden"][0]
    # the other way round: Windows-1252 first, UTF-8 after
    omgekeerd = (kop + "p1;A;01-01-2024;1;drieën\n").encode(
        "cp1252"
    ) + "p2;A;01-01-2024;1;één\n".encode()
    assert weiger(organisatie=ORG, personeel=omgekeerd).select("rij").rows() == [(2,)]


def test_geheel_windows1252_blijft_welkom(maak_store):
    org = "eenheid;naam;bovenliggende_eenheid\nORG;Ministerie van Financiën;\nA;Coördinatie;ORG\nB;Café;ORG\n"
    _, boom = maak_store(PEIL, organisatie=org.encode("cp1252"), personeel=PERS)
    assert boom.naam("A") == "Coördinatie"
