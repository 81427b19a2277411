"""Hand-computed cases for every rule of DESIGN section 3, one employee per unit so each unit
isolates one rule. The arithmetic is in the comments; all with suppression off (min_groep=0)."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import metrics
from dashboard.periods import Maand

ORGANISATIE = """
eenheid;naam;bovenliggende_eenheid
ORG;Organisatie;
DIR;Directie;ORG
U1;Deeltijd;DIR
U2;Gedeeltelijk hersteld;DIR
U3;Jaarwisseling;DIR
U4;Open melding;DIR
U5;Vertrek bij overplaatsing;ORG
U6;Aankomst bij overplaatsing;ORG
U7;Zwangerschap;ORG
U8;Uit dienst tijdens verzuim;ORG
U9;Frequent;ORG
"""

PERSONEEL = """
medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor
e1;U1;01-01-2023;;0,5
e2;U2;01-01-2023;;1
e3;U3;01-01-2023;;1
e4;U4;01-01-2023;;1
e5;U5;01-01-2023;14-01-2024;1
e5;U6;15-01-2024;;0,8
e6;U7;01-01-2023;;1
e7;U8;01-01-2020;20-01-2024;1
e8;U9;01-01-2023;;1
"""

VERZUIM = """
medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag;ao_percentage;verzuimsoort
e1;s1;10-01-2024;19-01-2024;;
e2;s2;01-02-2024;10-02-2024;100;ziekte
e2;s2;11-02-2024;29-02-2024;50;ziekte
e3;s3;20-12-2023;10-01-2024;;
e4;s4;15-02-2024;;;
e5;s5;10-01-2024;19-01-2024;;
e6;s6;01-01-2024;31-03-2024;;zwangerschap
e7;s7;15-01-2024;31-01-2024;;
e8;s8a;03-04-2023;05-04-2023;;
e8;s8b;04-09-2023;05-09-2023;;
e8;s8c;04-03-2024;05-03-2024;;
"""


@pytest.fixture(scope="module")
def opslag():
    from dashboard.hierarchy import laad_boom
    from dashboard.store import Store
    from tests.conftest import importeer_teksten

    store = Store(":memory:")
    res = importeer_teksten(
        store, dt.date(2024, 3, 31), organisatie=ORGANISATIE, personeel=PERSONEEL, verzuim=VERZUIM
    )
    assert res.geslaagd, res.rapport
    return store, laad_boom(store)


def cijfers(opslag, eenheid: str | None, van: str, tot: str | None = None, per: str = "maand"):
    store, boom = opslag
    groepen = metrics.groepen(boom, [eenheid] if eenheid else None)
    ps = metrics.periodes(boom, groepen, Maand.parse(van), Maand.parse(tot or van), per)
    frame = metrics.kerncijfers(store, boom, ps, groepen, min_groep=0)
    return frame.to_dicts()


def een(opslag, eenheid, van, tot=None, per="maand"):
    (rij,) = cijfers(opslag, eenheid, van, tot, per)
    return rij


def test_deeltijdfactor_weegt_beschikbare_en_verzuimdagen(opslag):
    r = een(opslag, "U1", "2024-01")
    # e1 works 0,5: available 31 days × 0,5 = 15,5; absent 10-19 Jan: 10 days × 0,5 = 5
    assert r["beschikbare_dagen"] == pytest.approx(15.5)
    assert r["verzuimdagen"] == pytest.approx(5.0)
    assert r["verzuimpercentage"] == pytest.approx(100 * 5 / 15.5)
    assert r["bezetting"] == pytest.approx(1.0)
    assert r["fte"] == pytest.approx(0.5)
    # one new report in one month for a bezetting of 1: 1 / 1 × 12 / 1 = 12 per year
    assert r["meldingen"] == 1
    assert r["meldingsfrequentie"] == pytest.approx(12.0)


def test_gedeeltelijk_herstel_in_latere_fase(opslag):
    r = een(opslag, "U2", "2024-02")
    # Feb 2024 has 29 days. Phase 1: 1-10 Feb at 100% = 10; phase 2: 11-29 Feb at 50% = 9,5
    assert r["beschikbare_dagen"] == pytest.approx(29.0)
    assert r["verzuimdagen"] == pytest.approx(19.5)
    # one spell however many phases; it ends 29 Feb: duration 29 days
    assert r["meldingen"] == 1
    assert r["beeindigde_meldingen"] == 1
    assert r["gem_verzuimduur"] == pytest.approx(29.0)
    # day numbers 1-7 (1-7 Feb) kort = 7; 8-10 Feb at 100% = 3 and 11-29 Feb at 50% = 9,5:
    # middellang = 12,5
    assert r["verzuimpercentage_kort"] == pytest.approx(100 * 7 / 29)
    assert r["verzuimpercentage_middellang"] == pytest.approx(100 * 12.5 / 29)
    assert r["verzuimpercentage_lang"] == 0


def test_melding_over_de_jaarwisseling(opslag):
    dec = een(opslag, "U3", "2023-12")
    jan = een(opslag, "U3", "2024-01")
    # 20-31 Dec = 12 days (day numbers 1-12): kort 7 (20-26 Dec), middellang 5 (27-31 Dec)
    assert dec["verzuimdagen"] == pytest.approx(12.0)
    assert dec["verzuimpercentage_kort"] == pytest.approx(100 * 7 / 31)
    assert dec["verzuimpercentage_middellang"] == pytest.approx(100 * 5 / 31)
    assert dec["meldingen"] == 1 and dec["beeindigde_meldingen"] == 0
    # 1-10 Jan = 10 days, day numbers 13-22: all middellang; the spell ends in January and its
    # duration counts the December days too: 12 + 10 = 22
    assert jan["verzuimdagen"] == pytest.approx(10.0)
    assert jan["verzuimpercentage_middellang"] == pytest.approx(100 * 10 / 31)
    assert jan["meldingen"] == 0
    assert jan["beeindigde_meldingen"] == 1
    assert jan["gem_verzuimduur"] == pytest.approx(22.0)
    # the year 2024 (up to March) holds only the January part
    jaar = een(opslag, "U3", "2024-01", "2024-03", "jaar")
    assert jaar["periode"] == "2024"
    assert jaar["verzuimdagen"] == pytest.approx(10.0)
    assert jaar["beschikbare_dagen"] == pytest.approx(31 + 29 + 31)


def test_open_melding_telt_tot_de_peildatum(opslag):
    feb = een(opslag, "U4", "2024-02")
    mrt = een(opslag, "U4", "2024-03")
    # open from 15 Feb: 15-29 Feb = 15 days (day numbers 1-15: kort 7, middellang 8)
    assert feb["verzuimdagen"] == pytest.approx(15.0)
    assert feb["verzuimpercentage_kort"] == pytest.approx(100 * 7 / 29)
    assert feb["verzuimpercentage_middellang"] == pytest.approx(100 * 8 / 29)
    # March up to the peildatum 31 Mar: day numbers 16-46: middellang 16-42 = 27, lang 43-46 = 4
    assert mrt["verzuimdagen"] == pytest.approx(31.0)
    assert mrt["verzuimpercentage_middellang"] == pytest.approx(100 * 27 / 31)
    assert mrt["verzuimpercentage_lang"] == pytest.approx(100 * 4 / 31)
    # not ended: no ended spell and no duration
    assert mrt["beeindigde_meldingen"] == 0
    assert mrt["gem_verzuimduur"] is None


def test_langdurig_verzuim_op_maandeinde(opslag):
    store, boom = opslag
    groepen = metrics.groepen(boom, ["U4"])
    ps = metrics.periodes(boom, groepen, Maand(2024, 2), Maand(2024, 3), "maand")
    feb, mrt = metrics.kerncijfers(store, boom, ps, groepen, min_groep=0).to_dicts()
    # 29 Feb is day 15 of the spell: open but not past week 6; 31 Mar is day 46 >= 43
    assert (feb["open_einde"], feb["langdurig"]) == (1, 0)
    assert (mrt["open_einde"], mrt["langdurig"], mrt["voorbij_week42"]) == (1, 1, 0)


def test_overplaatsing_tijdens_melding(opslag):
    weg = een(opslag, "U5", "2024-01")
    nieuw = een(opslag, "U6", "2024-01")
    # e5 in U5 on 1-14 Jan (f=1): available 14, absent 10-14 Jan = 5
    assert weg["beschikbare_dagen"] == pytest.approx(14.0)
    assert weg["verzuimdagen"] == pytest.approx(5.0)
    # in U6 from 15 Jan at 0,8: available 17 × 0,8 = 13,6, absent 15-19 Jan = 5 × 0,8 = 4
    assert nieuw["beschikbare_dagen"] == pytest.approx(13.6)
    assert nieuw["verzuimdagen"] == pytest.approx(4.0)
    # the report and the ended spell belong to the unit of the first day
    assert (weg["meldingen"], weg["beeindigde_meldingen"]) == (1, 1)
    assert (nieuw["meldingen"], nieuw["beeindigde_meldingen"]) == (0, 0)
    # nulverzuim: counted in the unit of the last in-service day of January (U6), absent
    assert nieuw["nulverzuimpercentage"] == 0.0
    assert weg["nulverzuimpercentage"] is None
    # bezetting: 14/31 and 17/31 employees
    assert weg["bezetting"] == pytest.approx(14 / 31)
    assert nieuw["bezetting"] == pytest.approx(17 / 31)


def test_zwangerschap_telt_nooit_als_verzuim(opslag):
    r = een(opslag, "U7", "2024-01", "2024-03", "geheel")
    assert r["periode"] == "2024-01/2024-03"
    assert r["verzuimdagen"] == 0
    assert r["meldingen"] == 0
    assert r["beeindigde_meldingen"] == 0
    assert r["nulverzuimpercentage"] == 100.0


def test_einde_dienstverband_tijdens_melding(opslag):
    r = een(opslag, "U8", "2024-01")
    # in service 1-20 Jan: available 20; absent 15-20 Jan = 6 (21-31 Jan count nowhere)
    assert r["beschikbare_dagen"] == pytest.approx(20.0)
    assert r["verzuimdagen"] == pytest.approx(6.0)
    assert r["bezetting"] == pytest.approx(20 / 31)
    # the spell still ends on 31 Jan: 17 days, attributed to the unit of its first day
    assert r["beeindigde_meldingen"] == 1
    assert r["gem_verzuimduur"] == pytest.approx(17.0)
    store, _ = opslag
    (bevinding,) = store.sql(
        "select meldingen, dagen from bevinding where soort = 'verzuim_buiten_dienst'"
    )
    assert bevinding == (1, 11)


def test_frequent_verzuim_venster_van_twaalf_maanden(opslag):
    feb = een(opslag, "U9", "2024-02")
    mrt = een(opslag, "U9", "2024-03")
    # end of Feb 2024: window Mar 2023 - Feb 2024 holds spells of 3 Apr and 4 Sep: 2, not frequent
    assert feb["frequent_verzuim"] == 0
    # end of Mar 2024: window Apr 2023 - Mar 2024 holds 3 Apr, 4 Sep and 4 Mar: frequent
    assert mrt["frequent_verzuim"] == 1
    assert mrt["frequent_verzuim_pct"] == 100.0
    # a quarter takes the count at the end of its last month
    kw = een(opslag, "U9", "2024-01", "2024-03", "kwartaal")
    assert kw["periode"] == "2024-K1" and kw["frequent_verzuim"] == 1


def test_nulverzuim_over_meerdere_maanden_is_geen_gemiddelde(opslag):
    r = een(opslag, "ORG", "2024-01", "2024-03", "geheel")
    # in service in Q1: e1..e8 (8 employees); without any absence day in Q1: only e6
    # (pregnancy does not count) -> 1/8
    assert r["nulverzuimpercentage"] == pytest.approx(100 / 8)


def test_verzuimpercentage_is_verhouding_van_sommen(opslag):
    maanden = cijfers(opslag, "ORG", "2024-01", "2024-03")
    kwartaal = een(opslag, "ORG", "2024-01", "2024-03", "kwartaal")
    som_v = sum(m["verzuimdagen"] for m in maanden)
    som_b = sum(m["beschikbare_dagen"] for m in maanden)
    assert kwartaal["verzuimpercentage"] == pytest.approx(100 * som_v / som_b)
    # and it differs from the mean of the monthly percentages here
    gemiddeld = sum(m["verzuimpercentage"] for m in maanden) / 3
    assert abs(kwartaal["verzuimpercentage"] - gemiddeld) > 0.01
    # meldingsfrequentie over k = 3 months: meldingen / bezetting × 12 / 3
    assert kwartaal["meldingsfrequentie"] == pytest.approx(
        kwartaal["meldingen"] / kwartaal["bezetting"] * 12 / 3
    )


def test_eenheden_tellen_op_tot_de_ouder(opslag):
    for maand in ("2023-12", "2024-01", "2024-02", "2024-03"):
        ouder = een(opslag, "ORG", maand)
        kinderen = [een(opslag, u, maand) for u in ("DIR", "U5", "U6", "U7", "U8", "U9")]
        for kolom in (
            "beschikbare_dagen",
            "verzuimdagen",
            "meldingen",
            "beeindigde_meldingen",
            "bezetting",
        ):
            assert ouder[kolom] == pytest.approx(sum(k[kolom] for k in kinderen)), (maand, kolom)


def test_duurklassen_tellen_op_tot_het_totaal(opslag):
    for r in cijfers(opslag, "ORG", "2023-12", "2024-03"):
        delen = sum(r[f"verzuimpercentage_{k}"] for k in metrics.DUURKLASSEN)
        assert delen == pytest.approx(r["verzuimpercentage"])


def test_maanden_tellen_op_tot_het_jaar(opslag):
    maanden = cijfers(opslag, None, "2024-01", "2024-03")
    jaar = een(opslag, None, "2024-01", "2024-12", "jaar")
    for kolom in ("beschikbare_dagen", "verzuimdagen", "meldingen", "beeindigde_meldingen"):
        assert jaar[kolom] == pytest.approx(sum(m[kolom] for m in maanden))
    # bezetting over the year is the day-weighted mean of the months
    dagen = (31, 29, 31)
    assert jaar["bezetting"] == pytest.approx(
        sum(m["bezetting"] * d for m, d in zip(maanden, dagen, strict=True)) / sum(dagen)
    )


def test_geen_maanden_na_de_peildatum(opslag):
    # peildatum 31-03-2024 is a month end: March is shown, April is not
    rijen = cijfers(opslag, None, "2024-01", "2024-06")
    assert [r["periode"] for r in rijen] == ["2024-01", "2024-02", "2024-03"]


def test_onderdrukte_groep_heeft_geen_enkel_getal(opslag):
    # U1 has one employee: with the default minimum every number is gone, raw counts included
    store, boom = opslag
    groepen = metrics.groepen(boom, ["U1"])
    ps = metrics.periodes(boom, groepen, Maand(2024, 1), Maand(2024, 3), "maand")
    frame = metrics.kerncijfers(store, boom, ps, groepen, min_groep=10)
    assert frame["onderdrukt"].all()
    sleutels = {
        "periode",
        "eenheid",
        "naam",
        "van",
        "tot",
        "k",
        "dagen",
        "periode_id",
        "onderdrukt",
        "geen_gegevens",
        "reden_onderdrukt",  # why the cell is hidden, not a number of the group
    }
    assert frame["reden_onderdrukt"].to_list() == ["klein"] * 3
    for kolom in frame.columns:
        if kolom not in sleutels:
            assert frame[kolom].null_count() == frame.height, kolom


def test_recidive_binnen_vier_weken(maak_store):
    # art. 7:629 lid 10 BW: a report is a recidive when its first day d follows the previous
    # spell's last day l with d − l ≤ 28. r1's spells, last day → next first day:
    #   a 02-01 .. 04-01;  b 01-02: 01-02 − 04-01 = 28 → recidive
    #   b 01-02 .. 01-02;  c 01-03: 01-03 − 01-02 = 29 (Feb 2024 has 29 days) → not
    #   c 01-03 .. 01-03;  d 29-03: 29-03 − 01-03 = 28 → recidive
    # r2: e 05-01 .. 06-01, f 03-02: 03-02 − 06-01 = 28 → recidive
    # r3: pregnancy leave 01-01 .. 25-02 is no spell, so g 11-03 has no previous spell (with the
    # leave as its previous spell, 11-03 − 25-02 = 15 would count)
    store, boom = maak_store(
        dt.date(2024, 3, 31),
        organisatie="eenheid;naam;bovenliggende_eenheid\nORG;Organisatie;",
        personeel=(
            "medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor\n"
            "r1;ORG;01-01-2023;;1\nr2;ORG;01-01-2023;;1\nr3;ORG;01-01-2023;;1"
        ),
        verzuim=(
            "medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag;ao_percentage;verzuimsoort\n"
            "r1;a;02-01-2024;04-01-2024;;\nr1;b;01-02-2024;01-02-2024;;\n"
            "r1;c;01-03-2024;01-03-2024;;\nr1;d;29-03-2024;29-03-2024;;\n"
            "r2;e;05-01-2024;06-01-2024;;\nr2;f;03-02-2024;03-02-2024;;\n"
            "r3;z;01-01-2024;25-02-2024;;zwangerschap\nr3;g;11-03-2024;12-03-2024;;"
        ),
    )
    ps = metrics.periodes(
        boom, metrics.groepen(boom, ["ORG"]), Maand(2024, 1), Maand(2024, 3), "maand"
    )
    rijen = {
        r["periode"]: r
        for r in metrics.kerncijfers(
            store, boom, ps, metrics.groepen(boom, ["ORG"]), min_groep=0
        ).to_dicts()
    }
    # January: a, e (no previous spell): 0 of 2
    assert rijen["2024-01"]["meldingen"] == 2 and rijen["2024-01"]["meldingen_recidive"] == 0
    assert rijen["2024-01"]["recidivepercentage"] == 0.0
    # February: b (28) and f (28): 2 of 2
    assert rijen["2024-02"]["meldingen_recidive"] == 2
    assert rijen["2024-02"]["recidivepercentage"] == pytest.approx(100.0)
    # March: c (29: no), d (28 after c: yes), g (none): 1 of 3; pregnancy leave is no report
    assert rijen["2024-03"]["meldingen"] == 3 and rijen["2024-03"]["meldingen_recidive"] == 1
    assert rijen["2024-03"]["recidivepercentage"] == pytest.approx(100 / 3)
    # the quarter: 3 of 7 (recidives never outnumber reports)
    (kw,) = metrics.kerncijfers(
        store, boom,
        metrics.periodes(boom, metrics.groepen(boom, ["ORG"]), Maand(2024, 1), Maand(2024, 3), "kwartaal"),
        metrics.groepen(boom, ["ORG"]), min_groep=0,
    ).to_dicts()  # fmt: skip
    assert kw["recidivepercentage"] == pytest.approx(100 * 3 / 7)


def test_frequent_middellang_twee_gevallen_van_8_tot_42_dagen(maak_store):
    # at the end of a month, in service, 2+ spells of 8-42 days with a first day in the 12 months
    # up to it (the length up to the peildatum 31-03-2024):
    #   m1: 01-03-2023 .. 08-03-2023 (8 days) and 01-02-2024 .. 13-03-2024 (42 days): both count;
    #       at the end of Feb 2024 the window Mar 2023 - Feb 2024 holds both: frequent
    #       medium-long; at the end of Mar 2024 (Apr 2023 - Mar 2024) only the second: not
    #   m2: 7 days (01-02-2024 .. 07-02-2024) and 43 days (01-06-2023 .. 13-07-2023): neither
    #       counts
    #   m3: 10-01-2024 .. 19-01-2024 (10 days) and 20-03-2024, open on the peildatum: 12 days so
    #       far: at the end of March both count
    store, boom = maak_store(
        dt.date(2024, 3, 31),
        organisatie="eenheid;naam;bovenliggende_eenheid\nORG;Organisatie;",
        personeel=(
            "medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor\n"
            "m1;ORG;01-01-2023;;1\nm2;ORG;01-01-2023;;1\nm3;ORG;01-01-2023;;1"
        ),
        verzuim=(
            "medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag;ao_percentage;verzuimsoort\n"
            "m1;a;01-03-2023;08-03-2023;;\nm1;b;01-02-2024;13-03-2024;;\n"
            "m2;c;01-06-2023;13-07-2023;;\nm2;d;01-02-2024;07-02-2024;;\n"
            "m3;e;10-01-2024;19-01-2024;;\nm3;f;20-03-2024;;;"
        ),
    )
    groepen = metrics.groepen(boom, ["ORG"])
    ps = metrics.periodes(boom, groepen, Maand(2024, 1), Maand(2024, 3), "maand")
    rijen = {
        r["periode"]: r
        for r in metrics.kerncijfers(store, boom, ps, groepen, min_groep=0).to_dicts()
    }
    assert rijen["2024-01"]["frequent_middellang"] == 0  # m1's second spell starts in February
    assert rijen["2024-02"]["frequent_middellang"] == 1  # m1
    assert rijen["2024-03"]["frequent_middellang"] == 1  # m3 (m1's March 2023 spell fell out)
    # a count of persons with a rare property: empty with an attribute filter, as frequent
    # verzuim (metrics.kerncijfers with suppression on; docs/privacy.md)
    assert {"frequent", "frequent_middellang"} <= set(metrics.PERSOONSTELLINGEN)
