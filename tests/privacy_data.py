"""A seeded synthetic organisation built to be hard for disclosure control.

Used by the differencing attacker (tests/test_privacy_aanvaller.py). The organisation has every
shape that makes suppression leak when it is done per view instead of once for the whole tree:

- a root (``ORG``, about 265 people) whose children are 7 (``KL``, small), 11 dipping to 9 in
  June 2024 (``GR``, borderline: two of its people work in ``GO-1`` that month), 12 (``TW``),
  25 (``MI``), 60 (``DI``) and 150 (``GO``) people;
- ``DI`` has its own direct staff of 3 next to its children; small grandchildren (``MI-B`` 9,
  ``DI-R`` 6 growing to 7, ``GO-3`` 8) sit next to large ones;
- one employee with the rare geslacht ``x`` in the large unit ``GO-2``, a frequent absentee;
- four age bands and two scale bands (17 attribute combinations), part-timers, transfers (also in
  the middle of a month), leavers and hires;
- 15 months (2024-01 .. 2025-03) with absence rates far above the Dutch average (2 to 3 reports
  per person-year, a tenth of the staff frequent absentees, some long spells), so that groups of 10
  or more almost always have reports and absence days in every month: an attacker cannot lean on
  published zeros, and a pattern cannot look safe only because the small groups had nothing.
  Everyone starts on 1 January 2024, so frequent absentees (3 reports in 12 months) only build
  up: in the first months the whole organisation has one or two, the hardest case for counts.

Everything goes through the normal import (`tests.conftest.importeer_teksten`).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from dashboard.hierarchy import Boom, laad_boom
from dashboard.periods import Maand
from dashboard.store import Store

ZAAD = 20240601
EERSTE = Maand(2024, 1)
LAATSTE = Maand(2025, 3)
BEGIN = EERSTE.eerste_dag
PEILDATUM = LAATSTE.laatste_dag

#: (code, name, parent); a unit's size is in ``GROOTTE`` (its own staff, children not included).
EENHEDEN: tuple[tuple[str, str, str | None], ...] = (
    ("ORG", "Organisatie", None),
    ("KL", "Afdeling Klein", "ORG"),
    ("GR", "Afdeling Grens", "ORG"),
    ("TW", "Afdeling Twaalf", "ORG"),
    ("MI", "Directie Midden", "ORG"),
    ("MI-A", "Team Midden A", "MI"),
    ("MI-B", "Team Midden B", "MI"),
    ("DI", "Directie Direct", "ORG"),
    ("DI-P", "Team Direct P", "DI"),
    ("DI-Q", "Team Direct Q", "DI"),
    ("DI-R", "Team Direct R", "DI"),
    ("GO", "Directie Groot", "ORG"),
    ("GO-1", "Team Groot 1", "GO"),
    ("GO-2", "Team Groot 2", "GO"),
    ("GO-3", "Team Groot 3", "GO"),
)
GROOTTE: dict[str, int] = {
    "KL": 7, "GR": 11, "TW": 12, "MI-A": 16, "MI-B": 9, "DI": 3, "DI-P": 30, "DI-Q": 21,
    "DI-R": 6, "GO-1": 70, "GO-2": 72, "GO-3": 8,
}  # fmt: skip

LEEFTIJDSKLASSEN = ("15-34", "35-44", "45-54", "55+")
SCHAALGROEPEN = ("schaal 1-9", "schaal 10+")
FACTOREN = (1.0, 1.0, 1.0, 1.0, 0.9, 0.8, 0.8, 0.6, 0.5)

#: New reports per person per month: ordinary staff and frequent absentees (a tenth of the staff).
KANS_MELDING, KANS_FREQUENT = 0.22, 0.7


@dataclass
class Periode:
    """One employment period of an employee (einde None: still running at the peildatum)."""

    eenheid: str
    begin: dt.date
    einde: dt.date | None
    factor: float


@dataclass
class Medewerker:
    """An employee: attributes, employment periods and absence rows."""

    mid: str
    lk: str
    gs: str
    sg: str
    perioden: list[Periode] = field(default_factory=list)
    frequent: bool = False


def _dag(d: dt.date) -> str:
    return d.strftime("%d-%m-%Y")


def _getal(f: float) -> str:
    return f"{f:.2f}".replace(".", ",")


def _dienst(m: Medewerker) -> list[tuple[dt.date, dt.date]]:
    """The employee's service as contiguous date ranges (periods that touch are merged)."""
    reeksen: list[tuple[dt.date, dt.date]] = []
    for p in sorted(m.perioden, key=lambda p: p.begin):
        einde = p.einde or PEILDATUM
        if reeksen and reeksen[-1][1] + dt.timedelta(days=1) >= p.begin:
            reeksen[-1] = (reeksen[-1][0], max(reeksen[-1][1], einde))
        else:
            reeksen.append((p.begin, einde))
    return reeksen


def _medewerkers(rng: random.Random) -> list[Medewerker]:
    mensen: list[Medewerker] = []

    def nieuw(eenheid: str, begin: dt.date = BEGIN, einde: dt.date | None = None) -> Medewerker:
        m = Medewerker(
            mid=f"PD{len(mensen) + 1:04d}",
            lk=rng.choices(LEEFTIJDSKLASSEN, weights=(25, 30, 30, 15))[0],
            gs=rng.choice("mv"),
            sg=rng.choice(SCHAALGROEPEN),
            frequent=rng.random() < 0.1,
        )
        m.perioden.append(Periode(eenheid, begin, einde, rng.choice(FACTOREN)))
        mensen.append(m)
        return m

    per_eenheid = {code: [nieuw(code) for _ in range(n)] for code, n in GROOTTE.items()}

    # the rare attribute value: one person with geslacht x in a large unit, a frequent absentee
    per_eenheid["GO-2"][5].gs = "x"
    per_eenheid["GO-2"][5].frequent = True

    def verplaats(m: Medewerker, naar: str, dag: dt.date, terug: dt.date | None = None) -> None:
        """Transfer from `dag` on (and back to the old unit from `terug` on, when given)."""
        oud = m.perioden[-1]
        oud.einde = dag - dt.timedelta(days=1)
        m.perioden.append(Periode(naar, dag, None, oud.factor))
        if terug is not None:
            m.perioden[-1].einde = terug - dt.timedelta(days=1)
            m.perioden.append(Periode(oud.eenheid, terug, None, oud.factor))

    # the borderline unit: 11, but two of its people help out in GO-1 in June 2024 (9 left)
    for m in per_eenheid["GR"][:2]:
        verplaats(m, "GO-1", dt.date(2024, 6, 1), terug=dt.date(2024, 7, 1))
    # ordinary transfers, one in the middle of a month (fractional bezetting on both sides)
    for m in per_eenheid["GO-1"][10:13]:
        verplaats(m, "GO-2", dt.date(2024, 9, 1))
    verplaats(per_eenheid["DI-Q"][3], "DI-R", dt.date(2024, 9, 16))
    verplaats(per_eenheid["DI-P"][7], "TW", dt.date(2024, 11, 1))
    verplaats(per_eenheid["GO-2"][20], "MI-A", dt.date(2025, 2, 10))
    # a change of hours without a change of unit
    m = per_eenheid["DI-P"][2]
    verplaats(m, "DI-P", dt.date(2024, 5, 1))
    m.perioden[-1].factor = 0.5
    # leavers and hires in the large units (the small ones keep their size)
    for code, vertrek, komst in (
        ("GO-1", dt.date(2024, 3, 31), dt.date(2024, 5, 1)),
        ("GO-2", dt.date(2024, 7, 15), dt.date(2024, 8, 1)),
        ("DI-P", dt.date(2024, 10, 31), dt.date(2024, 12, 1)),
        ("MI-A", dt.date(2024, 12, 20), dt.date(2025, 1, 6)),
    ):
        per_eenheid[code][-1].perioden[-1].einde = vertrek
        nieuw(code, begin=komst)
    return mensen


def _verzuim(rng: random.Random, m: Medewerker) -> list[list[str]]:
    """Absence rows of one employee: spells inside the service, some in two phases, some open."""
    rijen: list[list[str]] = []
    kans = KANS_FREQUENT if m.frequent else KANS_MELDING
    n = 0
    for begin, einde in _dienst(m):
        dag = begin + dt.timedelta(days=int(rng.expovariate(kans / 30.4)))
        while dag <= einde:
            n += 1
            sid = f"{m.mid}-S{n:02d}"
            u = rng.random()
            if m.frequent or u < 0.6:
                duur = rng.randint(1, 7)
            elif u < 0.9:
                duur = rng.randint(8, 42)
            else:
                duur = rng.randint(43, 200)
            laatste = dag + dt.timedelta(days=duur - 1)
            open_eind = laatste > PEILDATUM
            laatste = min(laatste, einde)
            soort = "zwangerschap" if m.gs == "v" and duur > 60 and rng.random() < 0.3 else ""
            if duur > 14 and not open_eind and rng.random() < 0.3:
                # partial recovery: the second half at 50%
                midden = dag + dt.timedelta(days=duur // 2)
                rijen.append(
                    [m.mid, sid, _dag(dag), _dag(midden - dt.timedelta(days=1)), "100", soort]
                )
                rijen.append([m.mid, sid, _dag(midden), _dag(laatste), "50", soort])
            else:
                eind_tekst = "" if open_eind and laatste == PEILDATUM else _dag(laatste)
                rijen.append([m.mid, sid, _dag(dag), eind_tekst, "100", soort])
            if open_eind:
                break
            # at least one day back at work before the next spell
            dag = laatste + dt.timedelta(days=1 + int(rng.expovariate(kans / 30.4)) + 1)
    return rijen


def extracten(zaad: int = ZAAD) -> dict[str, str]:
    """The three extracts as `;`-separated CSV texts (organisatie, personeel, verzuim)."""
    rng = random.Random(zaad)
    mensen = _medewerkers(rng)
    org = ["eenheid;naam;bovenliggende_eenheid"]
    org += [f"{c};{n};{o or ''}" for c, n, o in EENHEDEN]
    pers = [
        "medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor;leeftijdsklasse;geslacht;schaalgroep"
    ]
    verz = [
        "medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag;ao_percentage;verzuimsoort"
    ]
    for m in mensen:
        for p in m.perioden:
            einde = _dag(p.einde) if p.einde else ""
            pers.append(
                f"{m.mid};{p.eenheid};{_dag(p.begin)};{einde};{_getal(p.factor)};{m.lk};{m.gs};{m.sg}"
            )
        verz += [";".join(r) for r in _verzuim(rng, m)]
    return {"organisatie": "\n".join(org), "personeel": "\n".join(pers), "verzuim": "\n".join(verz)}


def bouw_store(zaad: int = ZAAD) -> tuple[Store, Boom]:
    """An in-memory store with the synthetic organisation, through the normal import."""
    from tests.conftest import importeer_teksten

    store = Store(":memory:")
    res = importeer_teksten(store, PEILDATUM, **extracten(zaad))
    assert res.geslaagd, res.rapport
    return store, laad_boom(store)
