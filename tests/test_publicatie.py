"""The publication pattern (dashboard.publicatie): hand-made cases and the invariant behind it.

The organisation (every employee in service for whole months, so bezetting = headcount):

    O  (own staff: 3)
    ├── A   30 people (one of them geslacht x)
    ├── B
    │   ├── B1   7
    │   ├── B2  40
    │   └── B3  15
    ├── C   12 in January, 9 in February (three leave on 31-01)
    └── D    2 in January, nobody in February; one of them moves to A on 01-02 while ill

January: O:direct (3) and B1 (7) are small. Under O the uncovered part is O's own 3 people, so
the smallest other part with people, C (12), is hidden too (3 + 12 >= 10). Under B the smallest
shown sibling of B1 is B3 (15): 7 + 15 >= 10. D (2) is small; it joins O's uncovered part, so
under O: 3 + 2 + 12.
February: C (9) is small itself; O's uncovered part is 3 + 9 = 12 >= 10 and nothing more is
needed there; D has nobody but one ended spell (of the employee who moved), so it is hidden too.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

import polars as pl
import pytest

from dashboard import metrics, privacy, publicatie
from dashboard.hierarchy import Boom, laad_boom
from dashboard.periods import Maand, Periode
from dashboard.store import Store
from tests.conftest import importeer_teksten

JAN, FEB = Maand(2026, 1), Maand(2026, 2)


def _personeel(regels: list[str], code: str, n: int, begin: str, eind: str, gs: str = "v") -> None:
    for i in range(n):
        regels.append(f"{code}-{i};{code};{begin};{eind};1,0;35-44;{gs};schaal 8-10")


@pytest.fixture(scope="module")
def organisatie() -> tuple[Store, Boom]:
    org = """eenheid;naam;bovenliggende_eenheid
    O;Organisatie;
    A;Afdeling A;O
    B;Directie B;O
    B1;Team B1;B
    B2;Team B2;B
    B3;Team B3;B
    C;Afdeling C;O
    D;Afdeling D;O"""
    regels = [
        "medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor;leeftijdsklasse;geslacht;schaalgroep"
    ]
    _personeel(regels, "O", 3, "01-01-2026", "")
    _personeel(regels, "A", 29, "01-01-2026", "")
    regels.append("A-x;A;01-01-2026;;1,0;35-44;x;schaal 8-10")
    _personeel(regels, "B1", 7, "01-01-2026", "")
    _personeel(regels, "B2", 20, "01-01-2026", "", gs="m")
    _personeel(regels, "B2m", 20, "01-01-2026", "", gs="v")
    regels[-20:] = [r.replace(";B2m;", ";B2;") for r in regels[-20:]]
    _personeel(regels, "B3", 15, "01-01-2026", "")
    _personeel(regels, "C", 9, "01-01-2026", "")
    _personeel(regels, "Cweg", 3, "01-01-2026", "31-01-2026")
    regels[-3:] = [r.replace(";Cweg;", ";C;") for r in regels[-3:]]
    regels.append("D-0;D;01-01-2026;31-01-2026;1,0;35-44;v;schaal 8-10")
    regels.append("D-1;D;01-01-2026;31-01-2026;1,0;35-44;v;schaal 8-10")
    regels.append("D-1;A;01-02-2026;;1,0;35-44;v;schaal 8-10")
    verzuim = """medewerker_id;eerste_verzuimdag;laatste_verzuimdag
    D-1;20-01-2026;10-02-2026
    A-0;05-01-2026;06-01-2026
    B2-0;12-02-2026;13-02-2026"""
    store = Store(":memory:")
    res = importeer_teksten(
        store, dt.date(2026, 2, 28), organisatie=org, personeel="\n".join(regels), verzuim=verzuim
    )
    assert res.geslaagd, res.rapport
    return store, laad_boom(store)


def _verborgen(store: Store, boom: Boom, maand: Maand, dims: int = 0) -> dict[str, int]:
    patroon = privacy.patroon(store, 10)
    naam = {publicatie.knoop(e.nr): e.code for e in boom.eenheden.values()}
    naam |= {
        publicatie.knoop(e.nr, direct=True): f"{e.code}:direct" for e in boom.eenheden.values()
    }
    rijen = publicatie.verborgen_voor(patroon, dims, [maand.eerste_dag], list(naam))
    return {naam[k]: r for k, r in rijen.select("knoop", "reden").iter_rows()}


def test_januari_primair_en_bescherming(organisatie):
    store, boom = organisatie
    K, B_ = publicatie.KLEIN, publicatie.BESCHERMING
    assert _verborgen(store, boom, JAN) == {
        "O:direct": K, "D": K, "C": B_, "B1": K, "B3": B_,
    }  # fmt: skip


def test_februari_een_kleine_eenheid_beschermt_een_andere(organisatie):
    store, boom = organisatie
    K, B_ = publicatie.KLEIN, publicatie.BESCHERMING
    # D: nobody in service, but a spell that began there ended in February
    assert _verborgen(store, boom, FEB) == {"O:direct": K, "C": K, "D": K, "B1": K, "B3": B_}


def test_filter_verbergt_waar_een_kenmerkcel_klein_is(organisatie):
    store, boom = organisatie
    geslacht = publicatie.BITS["geslacht"]
    verborgen = _verborgen(store, boom, JAN, geslacht)
    # A has one x: A's filtered numbers would give that one person by subtraction
    assert verborgen["A"] == publicatie.FILTERCEL
    # B2 has 20 m and 20 v: shown; everything hidden without a filter stays hidden
    assert "B2" not in verborgen
    assert {"O:direct", "D", "C", "B1", "B3"} <= set(verborgen)


def test_met_een_filter_geen_tellingen_van_personen(organisatie):
    store, boom = organisatie
    ps = [Periode("jan", JAN, JAN)]
    b2 = metrics.groepen(boom, ["B2"])
    zonder = metrics.kerncijfers(store, boom, ps, b2).row(0, named=True)
    met = metrics.kerncijfers(store, boom, ps, b2, filter=metrics.Filter(geslacht=("v",)))
    met = met.row(0, named=True)
    assert not met["onderdrukt"] and met["bezetting"] == pytest.approx(20.0)
    assert zonder["frequent_verzuim"] == 0 and zonder["langdurig"] == 0
    # a filtered total next to the unfiltered units could pin one such person to a small cell
    for k in ("frequent_verzuim", "frequent_verzuim_pct", "langdurig", "voorbij_week42"):
        assert met[k] is None, k


def test_api_verbergt_volgens_het_patroon_in_elke_vraag(organisatie):
    store, boom = organisatie
    ps = [Periode("jan", JAN, JAN), Periode("feb", FEB, FEB), Periode("q", JAN, FEB)]
    los = metrics.kerncijfers(store, boom, ps, metrics.groepen(boom, ["C"]))
    samen = metrics.kerncijfers(store, boom, ps, metrics.onderdelen(boom, "O"))
    # C is hidden in January (to protect O's own staff) and in February (small): and so in the
    # two months together, asked alone or among its siblings
    assert los["onderdrukt"].to_list() == [True, True, True]
    c = samen.filter(pl.col("eenheid") == "C")
    assert c["onderdrukt"].to_list() == [True, True, True]
    assert c["reden_onderdrukt"].to_list() == ["bescherming", "klein", "klein"]
    # A is shown in both months and in the period
    a = samen.filter(pl.col("eenheid") == "A")
    assert a["onderdrukt"].to_list() == [False, False, False]
    assert a["bezetting"].to_list() == pytest.approx([30.0, 31.0, (30 * 31 + 31 * 28) / 59])


def test_unie_alleen_van_getoonde_knopen(organisatie):
    store, boom = organisatie
    ps = [Periode("jan", JAN, JAN)]

    def unie(*codes: str) -> metrics.Groep:
        eenheden = tuple(u for c in codes for u in boom.afstammelingen(c))
        return metrics.Groep("+".join(codes), eenheden, "+".join(codes))

    frame = metrics.kerncijfers(store, boom, ps, [unie("A", "B1"), unie("A", "B2"), unie("B")])
    uit = {r["eenheid"]: r for r in frame.iter_rows(named=True)}
    assert uit["A+B1"]["onderdrukt"]  # 37 people, but B1 is hidden: A+B1 minus A gives B1
    assert not uit["A+B2"]["onderdrukt"] and uit["A+B2"]["bezetting"] == pytest.approx(70.0)
    assert not uit["B"]["onderdrukt"]


def test_knopen_van_een_groep(organisatie):
    _, boom = organisatie
    nr = {c: e.nr for c, e in boom.eenheden.items()}

    def knopen(*codes: str) -> set[int]:
        return set(metrics.knopen_van(boom, metrics.Groep("g", codes)))

    assert knopen(*boom.afstammelingen("B")) == {2 * nr["B"]}
    assert knopen("B", "B1") == {2 * nr["B"] + 1, 2 * nr["B1"]}  # B's own staff and B1
    assert knopen(*boom.afstammelingen("O")) == {2 * nr["O"]}


def test_min_groep_nul_zet_niets_uit_en_ander_minimum_wordt_berekend(organisatie):
    store, boom = organisatie
    assert privacy.patroon(store, 0).height == 0
    vijf = privacy.patroon(store, 5)
    assert vijf.height > 0
    rijen = metrics.kerncijfers(
        store, boom, [Periode("jan", JAN, JAN)], metrics.groepen(boom, ["B1"]),
        min_groep=5,
    )  # fmt: skip
    assert not rijen["onderdrukt"][0]  # 7 >= 5, and B's uncovered part is then empty


# -- the invariant, on random trees ---------------------------------------------------------------


def _willekeurige_organisatie(zaad: int) -> str:
    rng = random.Random(zaad)
    eenheden = [("R", None)]
    for i in range(rng.randint(4, 9)):
        ouder = rng.choice([e for e, _ in eenheden])
        eenheden.append((f"U{i}", ouder))
    org = ["eenheid;naam;bovenliggende_eenheid"] + [f"{e};{e};{o or ''}" for e, o in eenheden]
    personeel = [
        "medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor;leeftijdsklasse;geslacht;schaalgroep"
    ]
    n = 0
    for e, _ in eenheden:
        for _ in range(rng.choice([0, 1, 2, 4, 6, 9, 11, 14, 25, 40])):
            eind = rng.choice(["", "", "", "15-02-2026"])
            gs = rng.choice("mmmvvvx")
            lk = rng.choice(["25-34", "35-44", "55-64"])
            personeel.append(f"P{n};{e};01-01-2026;{eind};1,0;{lk};{gs};schaal 8-10")
            n += 1
    return "\n".join(org), "\n".join(personeel)


@pytest.mark.parametrize("zaad", range(12))
def test_elke_getoonde_knoop_laat_niets_kleins_over(zaad):
    """Checked here without the algorithm: for every shown node S, per cell, the people of S
    that no shown node inside S covers number none or at least the minimum (in person-days)."""
    org, personeel = _willekeurige_organisatie(zaad)
    store = Store(":memory:")
    res = importeer_teksten(store, dt.date(2026, 2, 28), organisatie=org, personeel=personeel)
    assert res.geslaagd, res.rapport
    boom = laad_boom(store)
    patroon = privacy.patroon(store, 10)
    feit = store.frame(
        "select f.en, f.maand, a.lk, a.gs, f.bezettingsdagen as s, k.dagen from feit f "
        "join attribuut a using (attr) join kalender k using (maand)"
    )
    knopen: dict[int, set[str]] = {}  # node -> units whose own staff it holds
    for e in boom.eenheden.values():
        heeft_kinderen = bool(boom.kinderen.get(e.code))
        knopen[publicatie.knoop(e.nr)] = set(boom.afstammelingen(e.code))
        if heeft_kinderen:
            knopen[publicatie.knoop(e.nr, direct=True)] = {e.code}
    code_van = {e.nr: e.code for e in boom.eenheden.values()}
    for dims, maand in itertools.product((0, 1, 2, 3), (JAN, FEB)):
        verborgen = set(
            publicatie.verborgen_voor(patroon, dims, [maand.eerste_dag], list(knopen))["knoop"]
        )
        rijen = feit.filter(pl.col("maand") == maand.eerste_dag)
        delen = [c for bit, c in ((1, "lk"), (2, "gs")) if dims & bit]
        cel = (
            ["|".join(r) for r in rijen.select(delen).iter_rows()] if delen else [""] * rijen.height
        )
        per_eenheid: dict[tuple[str, str], float] = {}
        for en, c, s in zip(rijen["en"], cel, rijen["s"], strict=True):
            per_eenheid[(code_van[en], c)] = per_eenheid.get((code_van[en], c), 0) + s
        drempel = 10 * maand.dagen
        cellen = {c for _, c in per_eenheid}
        for k, eenheden in knopen.items():
            if k in verborgen:
                continue
            inhoud = {c: sum(per_eenheid.get((u, c), 0) for u in eenheden) for c in cellen}
            # a shown node has no small cell
            assert all(v == 0 or v >= drempel for v in inhoud.values()), (zaad, dims, maand, k)
            binnen = [
                j for j, e in knopen.items() if j != k and e < eenheden and j not in verborgen
            ]
            maximaal = [j for j in binnen if not any(knopen[j] < knopen[i] for i in binnen)]
            for c in cellen:
                gedekt = sum(per_eenheid.get((u, c), 0) for j in maximaal for u in knopen[j])
                rest = inhoud[c] - gedekt
                assert rest == 0 or rest >= drempel, (zaad, dims, maand, code_van[k // 2], c, rest)
