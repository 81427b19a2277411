"""The person-level build (queries/build/persoon_maand.sql): each person's share of the monthly
facts, by hand for a transfer, part-time work and partial incapacity; its sums equal the facts;
and the blocks of months do not change a row."""

from __future__ import annotations

import datetime as dt

import pytest

import queries
from dashboard import store as store_module
from dashboard.store import Store
from tests.conftest import importeer_teksten

ORGANISATIE = """
eenheid;naam;bovenliggende_eenheid
ORG;Organisatie;
A;Afdeling A;ORG
B;Afdeling B;ORG
"""

# p1 moves from A (0,8) to B (1,0) on 16-02-2024; p2 works half-time in A
PERSONEEL = """
medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor
p1;A;01-01-2024;15-02-2024;0,8
p1;B;16-02-2024;;1
p2;A;01-01-2024;;0,5
"""

# p1 is ill across the transfer; p2 is half incapacitated across the turn of the month
VERZUIM = """
medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag;ao_percentage;verzuimsoort
p1;s1;10-02-2024;20-02-2024;100;ziekte
p2;s2;30-01-2024;02-02-2024;50;ziekte
"""


def _maak() -> Store:
    store = Store(":memory:")
    res = importeer_teksten(
        store, dt.date(2024, 3, 31), organisatie=ORGANISATIE, personeel=PERSONEEL, verzuim=VERZUIM
    )
    assert res.geslaagd, res.rapport
    return store


def _rijen(store: Store) -> list[tuple[object, ...]]:
    return store.sql(
        "select m.medewerker_id, p.maand, e.eenheid, p.dagen, p.beschikbaar_e4, p.verzuim_e8, "
        "p.meldingen from persoon_maand p join medewerker m using (mw) join eenheid e on e.nr = p.en "
        "order by 1, 2, 3"
    )


def test_persoon_maand_met_de_hand() -> None:
    store = _maak()
    jan, feb, mrt = dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 3, 1)
    assert _rijen(store) == [
        # p1 in A in January: 31 days × 0,8 = 24,8 available days
        ("p1", jan, "A", 31, 248_000, 0, 0),
        # 1-15 February in A: 15 × 0,8 = 12 days; ill 10-15 February: 6 × 0,8 = 4,8 days; the
        # report counts in A (its first day)
        ("p1", feb, "A", 15, 120_000, 480_000_000, 1),
        # 16-29 February in B (2024 is a leap year): 14 days; ill 16-20 February: 5 × 1,0
        ("p1", feb, "B", 14, 140_000, 500_000_000, 0),
        ("p1", mrt, "B", 31, 310_000, 0, 0),
        # p2: 31 × 0,5 = 15,5 days; ill 30-31 January at 50%: 2 × 0,5 × 0,5 = 0,5 day
        ("p2", jan, "A", 31, 155_000, 50_000_000, 1),
        # 29 × 0,5 = 14,5 days; 1-2 February: 2 × 0,25 = 0,5 day
        ("p2", feb, "A", 29, 145_000, 50_000_000, 0),
        ("p2", mrt, "A", 31, 155_000, 0, 0),
    ]


def test_sommen_over_personen_zijn_de_feiten(demo_store: Store) -> None:
    # every unit, month and attribute combination: the persons' shares add up to the facts
    verschil = demo_store.sql(
        "select count(*) from (select en, maand, attr, sum(dagen) as d, sum(beschikbaar_e4) as b,"
        " sum(verzuim_e8) as v, sum(meldingen) as k from persoon_maand group by all) as p"
        " full join feit as f using (en, maand, attr)"
        " where coalesce(p.d, 0) <> f.bezettingsdagen or coalesce(p.b, 0) <> f.beschikbaar_e4"
        " or coalesce(p.v, 0) <> f.verzuim_kort_e8 + f.verzuim_middellang_e8 + f.verzuim_lang_e8"
        " + f.verzuim_extra_lang_e8 or coalesce(p.k, 0) <> f.meldingen"
    )
    assert verschil == [(0,)]
    assert demo_store.sql("select count(*) from persoon_maand")[0][0] > 500_000


def test_blokken_en_herbouw_veranderen_niets(monkeypatch: pytest.MonkeyPatch) -> None:
    verwacht = _rijen(_maak())
    # one month per block: the first block empties the table, the others add to it
    monkeypatch.setattr(store_module, "BLOK_RIJEN", 1)
    store = _maak()
    blokken = queries.load("build/maandblok").replace(
        "create or replace temp table maandblok as", ""
    )
    assert len(store.sql(blokken, {"rijen": 1})) == 3
    assert _rijen(store) == verwacht
    # a second import rebuilds the table instead of adding to it
    res = importeer_teksten(store, dt.date(2024, 3, 31), verzuim=VERZUIM)
    assert res.geslaagd, res.rapport
    assert _rijen(store) == verwacht
