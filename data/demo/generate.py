"""Generate the fictional demo client of Verzuimzicht: `python -m data.demo.generate [--uit MAP]`.

Two invented client organisations (a ministry and an agency) with staff, absence spells, survey
results and two pilots, written as Dutch HR systems export them (DESIGN 2). Every draw comes
from `random.Random` seeded with a fixed text key, and only its `random()` method is used (the
one stream Python promises to keep stable), so every run writes the same bytes. No person,
organisation or number in the output is real.

How the absence is made: each employee reports sick as a thinned Poisson process whose rate
depends on the duration class of the spell (kort, middellang, lang, extra lang), the calendar
(season, COVID-19, Omicron, trend), the department (job strain, the pilot story, one department
in trouble), age band, gender, salary scale and a personal proneness. The levels are calibrated
so that the ministry follows CBS sector O (see data/demo/README.md for the numbers).
"""

from __future__ import annotations

import argparse
import bisect
import calendar
import datetime as dt
import functools
import io
import math
import random
import time
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SEED = "verzuimzicht-demo-2026"
START = dt.date(2019, 1, 1)
PEILDATUM = dt.date(2026, 10, 31)
UITMAP = Path(__file__).resolve().parent
BESTANDEN = (
    "organisatie.csv", "personeel.csv", "personeel.xlsx", "verzuim.csv", "enquete.csv",
    "pilots.csv",
)  # fmt: skip

_START = START.toordinal()
_PEIL = PEILDATUM.toordinal()
_DAGEN = _PEIL - _START + 1

# -- the organisations ---------------------------------------------------------------------------

ORGANISATIES: dict[str, str] = {
    "MLV": "Ministerie van Leefomgeving en Vervoer",
    "DUV": "Dienst Uitvoering Vergunningen",
}

#: Directorates-general (level 1) and directorates (level 2) of the ministry.
TUSSENLAGEN: dict[str, str] = {
    "MLV-MOB": "Directoraat-generaal Mobiliteit",
    "MLV-MOB-WV": "Directie Wegen en Verkeersveiligheid",
    "MLV-MOB-OV": "Directie Openbaar Vervoer en Spoor",
    "MLV-MOB-LM": "Directie Luchtvaart en Maritieme Zaken",
    "MLV-MOB-DI": "Directie Mobiliteitsdata en Innovatie",
    "MLV-RWK": "Directoraat-generaal Ruimte, Water en Klimaat",
    "MLV-RWK-WB": "Directie Water en Bodem",
    "MLV-RWK-RO": "Directie Ruimtelijke Ordening",
    "MLV-RWK-WO": "Directie Wonen en Bouwen",
    "MLV-RWK-KL": "Directie Klimaat en Luchtkwaliteit",
    "MLV-BVU": "Directoraat-generaal Bedrijfsvoering en Uitvoering",
    "MLV-BVU-FZ": "Directie Facilitaire Zaken",
    "MLV-BVU-IV": "Directie Informatievoorziening",
    "MLV-BVU-PF": "Directie Personeel en Financiën",
    "MLV-BVU-CB": "Directie Crisisbeheersing",
}


def ouder_van(code: str) -> str:
    """The parent unit code (codes are built from their parent's code)."""
    return code.rsplit("-", 1)[0]


def organisatie_van(code: str) -> str:
    """The client organisation (root) of a unit code."""
    return code.split("-", 1)[0]


@dataclass(frozen=True)
class Afdeling:
    """A department, where people work; `strain` is its job-demands level (JD-R), 0 = average."""

    code: str
    naam: str
    grootte: int  # headcount on 01-01-2019
    profiel: str  # beleid, uitvoering, ict, staf, facilitair, klantcontact
    strain: float
    groei: float = 0.015  # staff growth per year
    rol: str = ""  # pilot, pilot_half, vergelijk, stijger (absence climbs), buiten (field work)

    @property
    def ouder(self) -> str:
        return ouder_van(self.code)


_A = Afdeling
AFDELINGEN: tuple[Afdeling, ...] = (
    _A("MLV-MOB-WV-VV", "Afdeling Verkeersveiligheid", 180, "uitvoering", 0.0, rol="vergelijk"),
    _A("MLV-MOB-WV-WB", "Afdeling Wegbeheer", 240, "uitvoering", 0.3, rol="pilot"),
    _A("MLV-MOB-WV-VM", "Afdeling Verkeersmanagement", 185, "uitvoering", 0.4, rol="pilot_half"),
    _A("MLV-MOB-OV-SP", "Afdeling Spoorbeleid", 150, "beleid", -0.9),
    _A("MLV-MOB-OV-CA", "Afdeling Concessies en Aanbesteding", 110, "beleid", -0.2),
    _A("MLV-MOB-OV-RB", "Afdeling Reizigersbelangen", 8, "beleid", 0.0, groei=0.0),
    _A("MLV-MOB-LM-LV", "Afdeling Luchtvaart", 170, "beleid", 0.1, rol="stijger"),
    _A("MLV-MOB-LM-MZ", "Afdeling Maritieme Zaken", 175, "uitvoering", 0.0, rol="vergelijk"),
    _A("MLV-MOB-DI-DA", "Afdeling Data en Analyse", 150, "ict", -1.0, groei=0.05),
    _A("MLV-MOB-DI-GI", "Afdeling Geo-informatie", 140, "ict", -0.3),
    _A("MLV-MOB-DI-IP", "Afdeling Innovatieprogramma's", 70, "beleid", -0.4),
    _A("MLV-RWK-WB-WV", "Afdeling Waterveiligheid", 245, "uitvoering", 0.1, rol="vergelijk"),
    _A("MLV-RWK-WB-WK", "Afdeling Waterkwaliteit", 165, "uitvoering", 0.3, rol="pilot"),
    _A("MLV-RWK-WB-BO", "Afdeling Bodem en Ondergrond", 110, "beleid", -0.3),
    _A("MLV-RWK-RO-OB", "Afdeling Omgevingsbeleid", 200, "beleid", -0.9),
    _A("MLV-RWK-RO-GO", "Afdeling Gebiedsontwikkeling", 190, "beleid", -0.1, rol="vergelijk"),
    _A("MLV-RWK-RO-IZ", "Afdeling Internationale Zaken", 14, "staf", -0.5, groei=0.0),
    _A("MLV-RWK-WO-WV", "Afdeling Woningbouwversnelling", 150, "beleid", 0.8, groei=0.05),
    _A("MLV-RWK-WO-BK", "Afdeling Bouwkwaliteit", 105, "beleid", 0.0),
    _A("MLV-RWK-WO-HB", "Afdeling Huurbeleid", 110, "beleid", 0.2),
    _A("MLV-RWK-KL-KA", "Afdeling Klimaatadaptatie", 130, "beleid", -0.2),
    _A("MLV-RWK-KL-LK", "Afdeling Luchtkwaliteit", 95, "beleid", -0.1),
    _A("MLV-RWK-KL-GE", "Afdeling Geluid en Externe Veiligheid", 7, "beleid", 0.0, groei=0.0),
    _A("MLV-BVU-FZ-FD", "Afdeling Facilitaire Dienst", 250, "facilitair", 0.8, -0.02, "buiten"),
    _A("MLV-BVU-FZ-BR", "Afdeling Beveiliging en Receptie", 110, "facilitair", 0.8, groei=0.0),
    _A("MLV-BVU-IV-SD", "Afdeling ICT-Servicedesk", 235, "ict", 1.7),
    _A("MLV-BVU-IV-AB", "Afdeling Applicatiebeheer", 190, "ict", 0.0),
    _A("MLV-BVU-IV-IB", "Afdeling Informatiebeveiliging", 55, "ict", -0.6, groei=0.04),
    _A("MLV-BVU-PF-HR", "Afdeling HR-Advies", 130, "staf", 0.2),
    _A("MLV-BVU-PF-FC", "Afdeling Financiën en Control", 160, "staf", -0.5),
    _A("MLV-BVU-PF-IK", "Afdeling Inkoop", 75, "staf", 0.0),
    _A("MLV-BVU-CB-LC", "Afdeling Landelijk Coördinatiecentrum", 80, "uitvoering", 0.8),
    _A("MLV-BVU-CB-OP", "Afdeling Operationele Paraatheid", 9, "uitvoering", 0.3, groei=0.0),
    _A("DUV-VN", "Vergunningverlening Noord", 185, "uitvoering", 0.3, groei=0.01),
    _A("DUV-VZ", "Vergunningverlening Zuid", 175, "uitvoering", 0.2, groei=0.01),
    _A("DUV-TH", "Toezicht en Handhaving", 150, "uitvoering", 0.5, 0.01, "buiten"),
    _A("DUV-KC", "Klantcontactcentrum", 165, "klantcontact", 1.2, groei=0.0),
    _A("DUV-BV", "Bedrijfsvoering", 85, "staf", 0.0, groei=0.0),
    _A("DUV-JZ", "Juridische Zaken en Bezwaar", 45, "beleid", 0.2, groei=0.02),
    _A("DUV-DS", "Directiestaf", 7, "staf", -0.2, groei=0.0),
)
AFDELING: dict[str, Afdeling] = {a.code: a for a in AFDELINGEN}

PILOT_EENHEDEN = tuple(a.code for a in AFDELINGEN if a.rol in ("pilot", "pilot_half"))
VERGELIJK_EENHEDEN = tuple(a.code for a in AFDELINGEN if a.rol == "vergelijk")
PILOT_BEGIN, PILOT_EIND = dt.date(2023, 2, 1), dt.date(2023, 8, 31)
#: The windows the pilot is judged on: the selection year, and the year after the pilot.
VOOR = (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
NA = (dt.date(2023, 9, 1), dt.date(2024, 8, 31))

# -- deterministic randomness --------------------------------------------------------------------


class Kans:
    """A random stream keyed by text; only `random()` is used, so runs and versions agree."""

    def __init__(self, *sleutel: object) -> None:
        self._r = random.Random(":".join(str(s) for s in (SEED, *sleutel)))

    def u(self) -> float:
        """Uniform on [0, 1)."""
        return self._r.random()

    def tussen(self, lo: float, hi: float) -> float:
        """Uniform on [lo, hi)."""
        return lo + (hi - lo) * self._r.random()

    def geheel(self, lo: int, hi: int) -> int:
        """Integer in lo..hi, both included."""
        return lo + min(int(self._r.random() * (hi - lo + 1)), hi - lo)

    def expo(self, rate: float) -> float:
        """Exponential waiting time with the given rate."""
        return -math.log(1.0 - self._r.random()) / rate

    def gamma3(self) -> float:
        """Gamma(shape 3) with mean 1."""
        return (self.expo(1.0) + self.expo(1.0) + self.expo(1.0)) / 3.0

    def normaal(self) -> float:
        """Standard normal (Box-Muller)."""
        u1, u2 = 1.0 - self._r.random(), self._r.random()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def index(self, gewichten: Sequence[float]) -> int:
        """Index drawn with probability proportional to its weight."""
        x = self._r.random() * sum(gewichten)
        for i, w in enumerate(gewichten):
            x -= w
            if x < 0:
                return i
        return len(gewichten) - 1


# -- calendar and age ----------------------------------------------------------------------------


def _maand_grenzen() -> list[tuple[int, int]]:
    """(first, last) ordinal day of every month from START up to the peildatum's month."""
    result = []
    jaar, maand = START.year, START.month
    while dt.date(jaar, maand, 1) <= PEILDATUM:
        laatste = calendar.monthrange(jaar, maand)[1]
        eerste = dt.date(jaar, maand, 1)
        result.append((eerste.toordinal(), eerste.replace(day=laatste).toordinal()))
        jaar, maand = (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)
    return result


MAANDEN = _maand_grenzen()
_MAAND_VAN_DAG = [m for m, (b, e) in enumerate(MAANDEN) for _ in range(b, min(e, _PEIL) + 1)]

LEEFTIJDSKLASSEN = ("15-24", "25-34", "35-44", "45-54", "55-64", "65+")
SCHAALGROEPEN = ("schaal 1-7", "schaal 8-10", "schaal 11-13", "schaal 14+")


def _verjaardag(geboren: dt.date, leeftijd: int) -> dt.date:
    try:
        return geboren.replace(year=geboren.year + leeftijd)
    except ValueError:  # born on 29 February
        return dt.date(geboren.year + leeftijd, 3, 1)


def _leeftijd(geboren: dt.date, dag: dt.date) -> int:
    return dag.year - geboren.year - ((dag.month, dag.day) < (geboren.month, geboren.day))


def _klasse_index(leeftijd: int) -> int:
    return 0 if leeftijd < 25 else min(5, (leeftijd - 15) // 10)


# -- staff ---------------------------------------------------------------------------------------

#: Age on 01-01-2019 by profile; shares of the bands 20-24, 25-34, 35-44, 45-54, 55-64, 65-66.
_LEEFTIJD_START = {
    "beleid": (0.02, 0.20, 0.24, 0.25, 0.27, 0.02),
    "uitvoering": (0.03, 0.17, 0.22, 0.26, 0.30, 0.02),
    "facilitair": (0.02, 0.11, 0.19, 0.28, 0.37, 0.03),
    "ict": (0.05, 0.27, 0.27, 0.22, 0.18, 0.01),
    "staf": (0.03, 0.21, 0.24, 0.24, 0.26, 0.02),
    "klantcontact": (0.10, 0.30, 0.22, 0.18, 0.18, 0.02),
}
_BANDEN_START = ((20, 24), (25, 34), (35, 44), (45, 54), (55, 64), (65, 66))
_BANDEN_INSTROOM = ((18, 24), (25, 34), (35, 44), (45, 54), (55, 62))
_LEEFTIJD_INSTROOM = (0.20, 0.45, 0.20, 0.10, 0.05)
_AANDEEL_VROUW = {
    "beleid": 0.55, "uitvoering": 0.42, "facilitair": 0.45, "ict": 0.28, "staf": 0.64,
    "klantcontact": 0.68,
}  # fmt: skip
_AANDEEL_X = 0.005
#: Shares of the salary-scale bands by profile.
_SCHAAL = {
    "beleid": (0.04, 0.22, 0.60, 0.14),
    "uitvoering": (0.20, 0.50, 0.27, 0.03),
    "facilitair": (0.66, 0.27, 0.06, 0.01),
    "ict": (0.12, 0.50, 0.35, 0.03),
    "staf": (0.10, 0.36, 0.45, 0.09),
    "klantcontact": (0.55, 0.38, 0.06, 0.01),
}
_FACTOREN = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
_DEELTIJD = {  # weights of _FACTOREN; women more often part-time
    "v": (0.38, 0.20, 0.26, 0.06, 0.05, 0.05),
    "m": (0.74, 0.11, 0.10, 0.02, 0.015, 0.015),
}
_KANS_OVERPLAATSING = 0.0028  # per month
_KANS_NIEUWE_FACTOR = 0.0016  # per month
_PENSIOENLEEFTIJD = 67


@dataclass
class Periode:
    """One employment period (ordinal days; `eind` None = still running)."""

    eenheid: str
    begin: int
    eind: int | None
    factor: float
    schaal: int

    @property
    def laatste(self) -> int:
        """Last day in service in this period, at most the peildatum."""
        return _PEIL if self.eind is None else self.eind


@dataclass
class Medewerker:
    """A fictional employee: a number, a birth date (never written out) and periods."""

    nr: int
    geboren: dt.date
    geslacht: str
    perioden: list[Periode] = field(default_factory=list)

    def eind(self) -> int:
        """Last day in service (the peildatum when still employed)."""
        return self.perioden[-1].laatste


def _doelgrootte(afd: Afdeling, maand: int) -> int:
    return max(1, round(afd.grootte * (1.0 + afd.groei) ** (maand / 12.0)))


def _deeltijd(k: Kans, geslacht: str, behalve: float | None = None) -> float:
    gewichten = [
        0.0 if f == behalve else w
        for f, w in zip(_FACTOREN, _DEELTIJD["m" if geslacht == "m" else "v"], strict=True)
    ]
    return _FACTOREN[k.index(gewichten)]


def _nieuwe_medewerker(k: Kans, nr: int, afd: Afdeling, dag: int, bij_start: bool) -> Medewerker:
    if bij_start:
        lo, hi = _BANDEN_START[k.index(_LEEFTIJD_START[afd.profiel])]
    else:
        lo, hi = _BANDEN_INSTROOM[k.index(_LEEFTIJD_INSTROOM)]
    leeftijd_dagen = k.tussen(lo * 365.25, (hi + 1) * 365.25 - 1)
    geboren = dt.date.fromordinal(int(dag - leeftijd_dagen))
    r = k.u()
    vrouw = _AANDEEL_X + _AANDEEL_VROUW[afd.profiel]
    geslacht = "x" if r < _AANDEEL_X else "v" if r < vrouw else "m"
    factor = _deeltijd(k, geslacht)
    schaal = k.index(_SCHAAL[afd.profiel])
    if not bij_start and schaal == 3 and k.u() < 0.5:
        schaal = 2  # few are hired straight into the top scales
    return Medewerker(nr, geboren, geslacht, [Periode(afd.code, dag, None, factor, schaal)])


def _kans_vertrek(leeftijd: int) -> float:
    """Monthly chance of leaving for another employer."""
    for grens, kans in ((25, 0.012), (35, 0.0075), (45, 0.004), (55, 0.0025)):
        if leeftijd < grens:
            return kans
    return 0.003


def simuleer_personeel() -> list[Medewerker]:
    """Staff month by month: leavers, retirements, transfers, new hours, hires to target size."""
    k = Kans("personeel")
    alle: list[Medewerker] = []
    actief: dict[str, list[Medewerker]] = {a.code: [] for a in AFDELINGEN}
    for afd in AFDELINGEN:
        for _ in range(afd.grootte):
            alle.append(_nieuwe_medewerker(k, len(alle), afd, _START, bij_start=True))
            actief[afd.code].append(alle[-1])
    per_org = {o: [a for a in AFDELINGEN if organisatie_van(a.code) == o] for o in ORGANISATIES}
    for m, (eerste, laatste) in enumerate(MAANDEN[1:], start=1):
        begin_maand, einde_maand = dt.date.fromordinal(eerste), dt.date.fromordinal(laatste)
        for afd in AFDELINGEN:
            for mw in list(actief[afd.code]):
                p = mw.perioden[-1]
                vertrek = _kans_vertrek(_leeftijd(mw.geboren, begin_maand))
                r = k.u()
                if _leeftijd(mw.geboren, einde_maand) >= _PENSIOENLEEFTIJD:
                    p.eind = laatste
                    actief[afd.code].remove(mw)
                elif r < vertrek:
                    p.eind = max(p.begin, laatste if k.u() < 0.65 else k.geheel(eerste, laatste))
                    actief[afd.code].remove(mw)
                elif p.begin >= eerste:
                    continue  # a new period does not change again in its first month
                elif r < vertrek + _KANS_OVERPLAATSING and afd.grootte > 20:
                    # a transfer, mostly within the directorate, sometimes with promotion
                    kandidaten = [a for a in per_org[organisatie_van(afd.code)] if a.grootte > 20]
                    kandidaten.remove(afd)
                    gewichten = [a.grootte * (3 if a.ouder == afd.ouder else 1) for a in kandidaten]
                    naar = kandidaten[k.index(gewichten)]
                    schaal = min(3, p.schaal + 1) if k.u() < 0.3 else p.schaal
                    p.eind = eerste - 1
                    mw.perioden.append(Periode(naar.code, eerste, None, p.factor, schaal))
                    actief[afd.code].remove(mw)
                    actief[naar.code].append(mw)
                elif r < vertrek + _KANS_OVERPLAATSING + _KANS_NIEUWE_FACTOR:
                    factor = _deeltijd(k, mw.geslacht, behalve=p.factor)
                    p.eind = eerste - 1
                    mw.perioden.append(Periode(afd.code, eerste, None, factor, p.schaal))
        for afd in AFDELINGEN:
            for _ in range(_doelgrootte(afd, m) - len(actief[afd.code])):
                dag = eerste if k.u() < 0.6 else k.geheel(eerste, laatste)
                alle.append(_nieuwe_medewerker(k, len(alle), afd, dag, bij_start=False))
                actief[afd.code].append(alle[-1])
    return alle


# -- absence -------------------------------------------------------------------------------------

KLASSEN = ("kort", "middellang", "lang", "extra_lang")
#: Spell starts per person-year by duration class, for an average employee in 2023.
BASIS = (0.745, 0.39, 0.14, 0.015)
#: Seasonality of spell starts by month: short and medium spells follow colds and flu.
_SEIZOEN_KORT = (1.30, 1.38, 1.15, 0.93, 0.85, 0.80, 0.72, 0.68, 0.95, 1.06, 1.12, 1.06)
_SEIZOEN_LANG = (1.06, 1.06, 1.04, 1.0, 0.98, 0.96, 0.93, 0.93, 1.0, 1.02, 1.02, 1.0)
_TREND_LANG = {2023: 1.05, 2024: 0.99, 2025: 1.12, 2026: 1.14}


def _tijdvak(dag: dt.date) -> tuple[float, float, float, float]:
    """Multipliers by duration class for a day's period (COVID-19, Omicron, the trend)."""
    j, m = dag.year, dag.month
    if j == 2019 or (j == 2020 and m <= 2):
        return (0.98, 0.95, 0.76, 0.82)
    if j == 2020 and m == 3:  # first wave: everyone with symptoms stays home
        return (1.05, 1.25, 0.76, 0.82)
    if j == 2020:  # working from home: fewer short spells, relatively more long ones
        return (0.78, 0.80, 0.66, 0.76)
    if j == 2021 and m <= 9:
        return (0.84, 0.90, 0.90, 0.88)
    if j == 2021:
        return (0.88, 0.98, 0.95, 0.95)
    if j == 2022 and m <= 3:  # Omicron
        return (1.3, 1.3, 0.84, 0.84)
    if j == 2022:
        return (1.05, 1.05, 0.84, 0.84)
    return (1.0, 1.0, _TREND_LANG[j], _TREND_LANG[j])


def _aanloop(dag_index: int) -> tuple[float, float]:
    """Extra long spells early in 2019: they stand in for the long absence that began before
    the extract starts (the demo holds no spells before 01-01-2019)."""
    return (1.0 + 2.0 * math.exp(-dag_index / 60.0), 1.0 + 1.5 * math.exp(-dag_index / 120.0))


def _tijdfactoren() -> list[list[float]]:
    """Multiplier per class and day index: season × period × start-up."""
    per_klasse: list[list[float]] = [[], [], [], []]
    for i in range(_DAGEN):
        dag = dt.date.fromordinal(_START + i)
        tv = _tijdvak(dag)
        sk, sl = _SEIZOEN_KORT[dag.month - 1], _SEIZOEN_LANG[dag.month - 1]
        al, ae = _aanloop(i)
        per_klasse[0].append(tv[0] * sk)
        per_klasse[1].append(tv[1] * sk)
        per_klasse[2].append(tv[2] * sl * al)
        per_klasse[3].append(tv[3] * ae)
    return per_klasse


#: By age band: short and medium spells (the young report more often), long spells (the old
#: are away longer).
_LEEFTIJD_FACTOR = ((1.50, 1.20, 1.0, 0.90, 0.80, 0.75), (0.45, 0.70, 0.95, 1.15, 1.45, 1.55))
_GESLACHT_FACTOR = {"v": 1.12, "m": 0.90, "x": 1.0}
_SCHAAL_FACTOR = ((1.30, 1.08, 0.92, 0.75), (1.35, 1.10, 0.88, 0.72))


def _pilotfactor(afd: Afdeling, dag: dt.date) -> float:
    """The pilot departments: selected for an unusually high 2022 (a reorganisation on top of
    Omicron); the pilot (Feb-Aug 2023) brings them back, a little below where they were."""
    hoog, na = (1.75, 0.88) if afd.rol == "pilot_half" else (1.45, 1.0)
    if dag.year <= 2021:
        return 1.10
    if dag.year == 2022:
        return hoog
    if dag < PILOT_BEGIN:
        return hoog * 0.95
    if dag <= PILOT_EIND:
        deel = (dag.month - PILOT_BEGIN.month + 1) / 7.0
        return hoog * 0.95 + (na - hoog * 0.95) * deel
    return na


def _afdelingsfactor(afd: Afdeling, maand: int) -> tuple[float, float, float, float]:
    """Department multiplier by class for a month: job strain, the pilot, a climbing problem."""
    dag = dt.date.fromordinal(MAANDEN[maand][0])
    kort = math.exp(0.20 * afd.strain)
    lang = math.exp(0.32 * afd.strain)
    if afd.rol in ("pilot", "pilot_half"):
        h = _pilotfactor(afd, dag)
        kort *= h
        lang *= 1.0 + (h - 1.0) * 0.4
    if afd.rol == "stijger":  # from 2025 on: more reports, and more of them long
        deel = min(1.0, max(0.0, (dag - dt.date(2025, 1, 1)).days / 640.0))
        kort *= 1.0 + 0.6 * deel
        lang *= 1.0 + 1.8 * deel
    return (kort, kort, lang, lang)


_AFDELINGSFACTOR = {
    a.code: [_afdelingsfactor(a, m) for m in range(len(MAANDEN))] for a in AFDELINGEN
}
_AFDELINGSFACTOR_MAX = {
    code: tuple(max(f[c] for f in reeks) for c in range(4))
    for code, reeks in _AFDELINGSFACTOR.items()
}
_TIJD = _tijdfactoren()
#: Fixed upper bounds of _TIJD for the thinning, so that retuning a level does not reshuffle
#: every employee's draws.
_TIJD_MAX = (2.2, 2.2, 2.6, 2.6)
assert all(max(rij) <= grens for rij, grens in zip(_TIJD, _TIJD_MAX, strict=True))

_KORT_DAGEN = (1, 2, 3, 4, 5, 6, 7)
_KORT_KANS = (0.10, 0.17, 0.20, 0.15, 0.12, 0.10, 0.16)
_ONGEVAL = (0.002, 0.008, 0.015, 0.02)  # share of arbeidsongeval by class
_TWEEDE_PCT, _TWEEDE_KANS = (50.0, 60.0, 40.0, 62.5, 75.0), (0.55, 0.15, 0.15, 0.10, 0.05)
_DERDE_PCT, _DERDE_KANS = (25.0, 20.0, 30.0), (0.6, 0.2, 0.2)
_ZWANGERSCHAP_PER_JAAR = 0.055  # for women aged 25-44
_ZWANGERSCHAPSVERLOF = 112  # days: 16 weeks

Fase = tuple[int, int | None, float]  # first day, last day (None: open), ao-percentage


@dataclass
class Melding:
    """One spell: its kind and its phases."""

    soort: str
    fasen: list[Fase]

    @property
    def begin(self) -> int:
        return self.fasen[0][0]


@dataclass
class Verzuim:
    """All spells of one employee, and the day employment ended after two years of sickness."""

    meldingen: list[Melding]
    ontslag: int | None = None


def _duur(k: Kans, klasse: int) -> int:
    if klasse == 0:
        return _KORT_DAGEN[k.index(_KORT_KANS)]
    if klasse == 1:
        return 8 + min(34, int(k.expo(1 / 11.0)))
    if klasse == 2:
        return 43 + min(322, int(k.expo(1 / 20.0)))
    # some of the longest spells last the full two years of wage continuation
    return 366 + min(364, int(k.expo(1 / 70.0))) if k.u() < 0.85 else 730


def _fasen(k: Kans, begin: int, eind: int, klasse: int) -> list[Fase]:
    """Partial recovery: longer spells often end with phases at a lower percentage."""
    lengte = eind - begin + 1
    kans = (0.0, 0.25, 0.65, 0.85)[klasse] if lengte >= 15 else 0.0
    if k.u() >= kans:
        return [(begin, eind, 100.0)]
    grens = begin + max(1, int(lengte * k.tussen(0.35, 0.75)))
    tweede = _TWEEDE_PCT[k.index(_TWEEDE_KANS)]
    if klasse >= 2 and eind - grens >= 14 and k.u() < 0.5:
        derde = grens + max(1, int((eind - grens + 1) * k.tussen(0.4, 0.7)))
        laatste_pct = _DERDE_PCT[k.index(_DERDE_KANS)]
        return [(begin, grens - 1, 100.0), (grens, derde - 1, tweede), (derde, eind, laatste_pct)]
    return [(begin, grens - 1, 100.0), (grens, eind, tweede)]


def _zwangerschappen(k: Kans, mw: Medewerker) -> list[tuple[int, int]]:
    """Pregnancy and maternity leave (16 weeks) for women aged 25-44."""
    if mw.geslacht != "v":
        return []
    blokken: list[tuple[int, int]] = []
    t, eind = float(mw.perioden[0].begin), mw.eind()
    while True:
        t += k.expo(_ZWANGERSCHAP_PER_JAAR / 365.25)
        dag = int(t)
        if dag > eind:
            return blokken
        if 25 <= _leeftijd(mw.geboren, dt.date.fromordinal(dag)) <= 44:
            blokken.append((dag, min(dag + _ZWANGERSCHAPSVERLOF - 1, eind)))
            t = dag + _ZWANGERSCHAPSVERLOF + 365


def simuleer_verzuim(mw: Medewerker, poging: int) -> Verzuim:
    """All spells of one employee: a thinned Poisson process of spell starts per class."""
    k = Kans("verzuim", mw.nr, poging)
    gevoelig = k.gamma3()  # personal proneness to report sick
    indiv = (gevoelig, gevoelig, 0.5 + 0.5 * gevoelig, 0.5 + 0.5 * gevoelig)
    perioden = mw.perioden
    starts = [p.begin for p in perioden]
    basis = [BASIS[c] / 365.25 * indiv[c] * _GESLACHT_FACTOR[mw.geslacht] for c in range(4)]
    # the pilot's conversations with frequent reporters make them report less often
    demping = gevoelig**0.6 / gevoelig
    basis_pilot = [basis[0] * demping, basis[1] * demping, basis[2], basis[3]]
    in_pilot = any(p.eenheid in PILOT_EENHEDEN for p in perioden)
    grens = [
        (max(basis[c], basis_pilot[c]) if in_pilot else basis[c])
        * _TIJD_MAX[c]
        * max(_AFDELINGSFACTOR_MAX[p.eenheid][c] for p in perioden)
        * max(_SCHAAL_FACTOR[c // 2][p.schaal] for p in perioden)
        * max(_LEEFTIJD_FACTOR[c // 2])
        for c in range(4)
    ]
    maximum = sum(grens)
    pilot_begin = PILOT_BEGIN.toordinal()
    # the days the employee enters the next age band
    bandgrenzen = [
        _verjaardag(mw.geboren, leeftijd).toordinal() for leeftijd in (25, 35, 45, 55, 65)
    ]

    blokken = _zwangerschappen(k, mw)
    meldingen = [
        Melding("zwangerschap", [(b, None if e >= _PEIL else e, 100.0)]) for b, e in blokken
    ]
    eind = mw.eind()
    t = float(perioden[0].begin)
    while True:
        t += k.expo(maximum)
        dag = int(t)
        if dag > eind:
            break
        blok = next((b for b in blokken if b[0] <= dag <= b[1]), None)
        if blok is not None:
            t = float(blok[1] + 2)
            continue
        i = dag - _START
        p = perioden[bisect.bisect_right(starts, dag) - 1]
        afd = _AFDELINGSFACTOR[p.eenheid][_MAAND_VAN_DAG[i]]
        lk = bisect.bisect_right(bandgrenzen, dag)
        b = basis_pilot if p.eenheid in PILOT_EENHEDEN and dag >= pilot_begin else basis
        kansen = [
            b[c]
            * _TIJD[c][i]
            * afd[c]
            * _SCHAAL_FACTOR[c // 2][p.schaal]
            * _LEEFTIJD_FACTOR[c // 2][lk]
            for c in range(4)
        ]
        x = k.u() * maximum
        if x >= sum(kansen):
            continue  # thinning: no spell starts on this day
        klasse = 0
        while klasse < 3 and x >= kansen[klasse]:
            x -= kansen[klasse]
            klasse += 1
        lengte = _duur(k, klasse)
        laatste = dag + lengte - 1
        volgend_blok = next((b[0] for b in blokken if b[0] > dag), None)
        if volgend_blok is not None and laatste >= volgend_blok:
            laatste = volgend_blok - 1
        open_einde = laatste >= eind and perioden[-1].eind is None
        laatste = min(laatste, eind)  # days outside employment are not in the extract
        buiten = AFDELING[p.eenheid].rol == "buiten"
        ongeval = k.u() < _ONGEVAL[klasse] * (4.0 if buiten else 1.0)
        fasen = _fasen(k, dag, laatste, klasse)
        if open_einde:  # still absent on the peildatum: the last phase has no end
            fasen[-1] = (fasen[-1][0], None, fasen[-1][2])
        meldingen.append(Melding("arbeidsongeval" if ongeval else "ziekte", fasen))
        if open_einde:
            break
        if klasse == 3 and laatste == dag + 729 and laatste < eind:
            # after two years of sickness the employment ends (and so does the extract)
            meldingen = [m for m in meldingen if m.begin <= laatste]
            return Verzuim(sorted(meldingen, key=lambda m: m.begin), laatste)
        t = float(laatste + 2)
    return Verzuim(sorted(meldingen, key=lambda m: m.begin))


def perioden_na_ontslag(mw: Medewerker, verzuim: Verzuim) -> list[Periode]:
    """The employment periods, ended where two years of sickness ended the employment."""
    if verzuim.ontslag is None:
        return mw.perioden
    result = []
    for p in mw.perioden:
        if p.begin > verzuim.ontslag:
            break
        eind = min(p.laatste, verzuim.ontslag)
        result.append(Periode(p.eenheid, p.begin, eind, p.factor, p.schaal))
    return result


# -- the pilot story -----------------------------------------------------------------------------


def _frequenties(
    personeel: Sequence[Medewerker], verzuim: dict[int, Verzuim], venster: tuple[dt.date, dt.date]
) -> dict[str, float]:
    """Meldingsfrequentie per pilot or comparison department in a 12-month window (DESIGN 3)."""
    van, tot = venster[0].toordinal(), venster[1].toordinal()
    eenheden = PILOT_EENHEDEN + VERGELIJK_EENHEDEN
    dagen = dict.fromkeys(eenheden, 0)
    meldingen = dict.fromkeys(eenheden, 0)
    for mw in personeel:
        relevant = [p for p in perioden_na_ontslag(mw, verzuim[mw.nr]) if p.eenheid in dagen]
        for p in relevant:
            dagen[p.eenheid] += max(0, min(p.laatste, tot) - max(p.begin, van) + 1)
        for m in verzuim[mw.nr].meldingen:
            if m.soort != "zwangerschap" and van <= m.begin <= tot:
                for p in relevant:
                    if p.begin <= m.begin <= p.laatste:
                        meldingen[p.eenheid] += 1
    lengte = tot - van + 1  # meldingen / bezetting, bezetting = person-days / days
    return {e: meldingen[e] * lengte / dagen[e] for e in eenheden}


def _buiten_verhaal(personeel: Sequence[Medewerker], verzuim: dict[int, Verzuim]) -> list[str]:
    """Departments whose numbers do not (yet) tell the pilot story."""
    eerder = _frequenties(personeel, verzuim, (dt.date(2021, 1, 1), dt.date(2021, 12, 31)))
    voor = _frequenties(personeel, verzuim, VOOR)
    na = _frequenties(personeel, verzuim, NA)
    fout = []
    for e in PILOT_EENHEDEN + VERGELIJK_EENHEDEN:
        verhouding = na[e] / voor[e]
        rol = AFDELING[e].rol
        if rol == "pilot_half":  # about halves
            ok = 0.46 <= verhouding <= 0.56
        elif rol == "pilot":  # 25-35% lower
            ok = 0.67 <= verhouding <= 0.73
        else:  # flat
            ok = 0.94 <= verhouding <= 1.06
        if rol != "vergelijk" and eerder[e] > 0.85 * voor[e]:
            ok = False  # regression to the mean: selected after an unusually high 2022
        if not ok:
            fout.append(e)
    return fout


def simuleer() -> tuple[list[Medewerker], dict[int, Verzuim]]:
    """Staff and absence. The story's departments are drawn again, with the next sub-seed of
    their employees, until the story holds; so it holds however the random details fall."""
    personeel = simuleer_personeel()
    poging = dict.fromkeys((mw.nr for mw in personeel), 0)
    verzuim = {mw.nr: simuleer_verzuim(mw, 0) for mw in personeel}
    for _ in range(500):
        fout = _buiten_verhaal(personeel, verzuim)
        if not fout:
            return personeel, verzuim
        for mw in personeel:
            if any(p.eenheid in fout for p in mw.perioden):
                poging[mw.nr] += 1
                verzuim[mw.nr] = simuleer_verzuim(mw, poging[mw.nr])
    raise RuntimeError(f"het pilotverhaal klopt niet voor {', '.join(fout)}")


# -- survey (JD-R) -------------------------------------------------------------------------------

SCHALEN = (
    "werkdruk", "emotionele_belasting", "autonomie", "steun_leidinggevende", "steun_collegas",
    "ontwikkelmogelijkheden", "bevlogenheid", "uitputting",
)  # fmt: skip
METINGEN = (2020, 2022, 2024)
#: Score of an average department, and its change per unit of job strain.
_ENQUETE_BASIS = {
    "werkdruk": (2.85, 0.38),
    "emotionele_belasting": (2.30, 0.22),
    "autonomie": (3.75, -0.22),
    "steun_leidinggevende": (3.65, -0.22),
    "steun_collegas": (3.95, -0.12),
    "ontwikkelmogelijkheden": (3.35, -0.20),
    "bevlogenheid": (4.15, -0.35),
    "uitputting": (2.25, 0.35),
}
_ENQUETE_GOLF = {
    2020: {"werkdruk": -0.05, "uitputting": 0.05, "steun_collegas": -0.08},
    2022: {"werkdruk": 0.08, "uitputting": 0.12, "bevlogenheid": -0.08},
    2024: {"werkdruk": 0.10, "uitputting": 0.10},
}
_ENQUETE_PROFIEL = {
    "klantcontact": {"emotionele_belasting": 0.6, "autonomie": -0.3},
    "facilitair": {"ontwikkelmogelijkheden": -0.3, "autonomie": -0.2},
    "uitvoering": {"emotionele_belasting": 0.1},
    "ict": {"emotionele_belasting": -0.15},
}


def _enquete_verhaal(afd: Afdeling, meting: int) -> dict[str, float]:
    """What the pilot and the department in trouble show in the survey."""
    pilot = afd.rol in ("pilot", "pilot_half")
    if pilot and meting == 2022:
        return {"werkdruk": 0.25, "steun_leidinggevende": -0.30, "uitputting": 0.20}
    if pilot and meting == 2024:  # the trained managers
        return {"steun_leidinggevende": 0.25, "uitputting": -0.05}
    if afd.rol == "stijger" and meting == 2024:  # the early warning
        return {
            "werkdruk": 0.45, "uitputting": 0.40, "steun_leidinggevende": -0.30,
            "bevlogenheid": -0.30,
        }  # fmt: skip
    return {}


def _bezetting_op(perioden: Iterable[list[Periode]], dag: int) -> dict[str, int]:
    telling: dict[str, int] = {}
    for lijst in perioden:
        for p in lijst:
            if p.begin <= dag <= p.laatste:
                telling[p.eenheid] = telling.get(p.eenheid, 0) + 1
    return telling


def enquete(perioden: dict[int, list[Periode]]) -> list[list[str]]:
    """Survey results per department and wave (fielded in October), 60-75% response."""
    rijen = []
    for meting in METINGEN:
        aantal = _bezetting_op(perioden.values(), dt.date(meting, 10, 1).toordinal())
        for afd in AFDELINGEN:
            k = Kans("enquete", meting, afd.code)
            n = round(aantal.get(afd.code, 0) * k.tussen(0.60, 0.75))
            if n == 0:
                continue
            ruis = 0.04 + 0.45 / math.sqrt(n)  # sampling error of a mean of n answers
            scores = []
            for schaal in SCHALEN:
                basis, helling = _ENQUETE_BASIS[schaal]
                waarde = basis + helling * afd.strain + ruis * k.normaal()
                waarde += _ENQUETE_GOLF[meting].get(schaal, 0.0)
                waarde += _ENQUETE_PROFIEL.get(afd.profiel, {}).get(schaal, 0.0)
                waarde += _enquete_verhaal(afd, meting).get(schaal, 0.0)
                lo, hi = (0.0, 6.0) if schaal == "bevlogenheid" else (1.0, 5.0)
                scores.append(_komma(min(hi, max(lo, waarde)), 2))
            rijen.append([str(meting), afd.code, str(n), *scores])
    return rijen


# -- pilots --------------------------------------------------------------------------------------

PILOTS_KOP = (
    "naam", "omschrijving", "begin", "eind", "pilot_eenheden", "vergelijk_eenheden",
    "selectie_reden", "geselecteerd_op",
)  # fmt: skip


def pilots() -> list[list[str]]:
    """The pilots of the demo (the second one has no modelled effect)."""
    return [
        [
            "Focus op Inzetbaarheid",
            "Leidinggevenden getraind in het verzuimgesprek en gesprekken met medewerkers met 3 "
            "of meer ziekmeldingen in 12 maanden",
            _datum(PILOT_BEGIN.toordinal()),
            _datum(PILOT_EIND.toordinal()),
            "|".join(PILOT_EENHEDEN),
            "|".join(VERGELIJK_EENHEDEN),
            "Hoogste meldingsfrequentie in 2022 (gekozen in januari 2023)",
            "hoge meldingsfrequentie",
        ],
        [
            "Werkdruk Klantcontact",
            "Roosters en pauzes herzien en een vast teamoverleg over werkdruk",
            "01-03-2025",
            "30-09-2025",
            "DUV-KC",
            "DUV-VN|DUV-VZ",
            "Hoogste werkdruk en uitputting in het medewerkersonderzoek 2024",
            "enquete",
        ],
    ]


# -- writing -------------------------------------------------------------------------------------

PERSONEEL_KOP = (
    "medewerker_id", "eenheid", "begindatum", "einddatum", "deeltijdfactor", "leeftijdsklasse",
    "geslacht", "schaalgroep",
)  # fmt: skip
VERZUIM_KOP = (
    "medewerker_id", "melding_id", "eerste_verzuimdag", "laatste_verzuimdag", "ao_percentage",
    "verzuimsoort",
)  # fmt: skip
ENQUETE_KOP = ("meting", "eenheid", "respondenten", *SCHALEN)
ORGANISATIE_KOP = ("eenheid", "naam", "bovenliggende_eenheid")
_VASTE_TIJD = dt.datetime(2026, 11, 2, 7, 30, 0)

PersoneelRij = tuple[str, str, int, int | None, float, str, str, str]


@functools.cache
def _datum(dag: int | None) -> str:
    return "" if dag is None else dt.date.fromordinal(dag).strftime("%d-%m-%Y")


def _komma(x: float, decimalen: int) -> str:
    return f"{x:.{decimalen}f}".replace(".", ",")


def _percentage(x: float) -> str:
    return str(int(x)) if x == int(x) else _komma(x, 1)


def _schrijf_csv(pad: Path, kop: Sequence[str], rijen: Iterable[Sequence[str]]) -> None:
    """`;`-separated, Windows-1252, CRLF: how Dutch HR systems export."""
    regels = [";".join(kop), *(";".join(r) for r in rijen)]
    pad.write_bytes(("\r\n".join(regels) + "\r\n").encode("cp1252"))


def _pseudoniemen(aantal: int) -> list[str]:
    """Distinct pseudonyms like M483920, in a fixed random order (never 9 digits)."""
    k = Kans("pseudoniem")
    gezien: set[int] = set()
    result: list[str] = []
    while len(result) < aantal:
        x = k.geheel(100000, 999999)
        if x not in gezien:
            gezien.add(x)
            result.append(f"M{x}")
    return result


def _per_leeftijdsklasse(mw: Medewerker, perioden: list[Periode]) -> list[tuple[Periode, str]]:
    """Periods split where the employee enters the next age band (a new row in the extract)."""
    result = []
    for p in perioden:
        begin = p.begin
        while True:
            band = _klasse_index(_leeftijd(mw.geboren, dt.date.fromordinal(begin)))
            volgende = _verjaardag(mw.geboren, 25 + 10 * band).toordinal() if band < 5 else None
            if volgende is None or volgende > p.laatste:
                result.append((Periode(p.eenheid, begin, p.eind, p.factor, p.schaal), band))
                break
            result.append((Periode(p.eenheid, begin, volgende - 1, p.factor, p.schaal), band))
            begin = volgende
    return [(p, LEEFTIJDSKLASSEN[band]) for p, band in result]


def _schrijf_xlsx(pad: Path, rijen: list[PersoneelRij]) -> None:
    """personeel.xlsx: a title above the header, real Excel dates, byte-identical every run."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("personeel")
    for kolom, breedte in zip("ABCDEFGH", (15, 17, 12, 12, 15, 16, 10, 14), strict=True):
        ws.column_dimensions[kolom].width = breedte
    ws.freeze_panes = "A5"
    ws.auto_filter.ref = f"A4:H{len(rijen) + 4}"

    def cel(waarde: object, opmaak: str | None = None, vet: bool = False) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=waarde)
        if opmaak:
            c.number_format = opmaak
        if vet:
            c.font = Font(bold=True)
        return c

    ws.append([cel("Personeelsgegevens (geanonimiseerd)", vet=True)])
    ws.append([f"{ORGANISATIES['MLV']} en {ORGANISATIES['DUV']}, stand per {_datum(_PEIL)}"])
    ws.append([])
    ws.append([cel(k, vet=True) for k in PERSONEEL_KOP])
    for mw_id, eenheid, begin, eind, factor, lk, gs, sg in rijen:
        einde = None if eind is None else cel(dt.date.fromordinal(eind), "dd-mm-yyyy")
        datum = cel(dt.date.fromordinal(begin), "dd-mm-yyyy")
        ws.append([mw_id, eenheid, datum, einde, cel(factor, "0.00"), lk, gs, sg])
    wb.properties.creator = "HR-systeem (demo-export)"
    wb.properties.created = wb.properties.modified = _VASTE_TIJD
    # ExcelWriter, not wb.save(): save() stamps the current time into docProps/core.xml
    ruw = io.BytesIO()
    with zipfile.ZipFile(ruw, "w", zipfile.ZIP_DEFLATED) as archief:
        ExcelWriter(wb, archief).write_data()
    # the zip entries carry the time of writing too: rewrite them with one fixed time
    vast = io.BytesIO()
    with zipfile.ZipFile(ruw) as zin, zipfile.ZipFile(vast, "w", zipfile.ZIP_DEFLATED) as zuit:
        for info in zin.infolist():
            nieuw = zipfile.ZipInfo(info.filename, date_time=_VASTE_TIJD.timetuple()[:6])
            nieuw.compress_type = zipfile.ZIP_DEFLATED
            nieuw.external_attr = 0o600 << 16
            zuit.writestr(nieuw, zin.read(info.filename), compresslevel=6)
    pad.write_bytes(vast.getvalue())


def genereer(uitmap: Path = UITMAP) -> list[Path]:
    """Write every demo extract into `uitmap`; returns the paths written."""
    uitmap.mkdir(parents=True, exist_ok=True)
    personeel, verzuim = simuleer()
    ids = _pseudoniemen(len(personeel))
    perioden = {mw.nr: perioden_na_ontslag(mw, verzuim[mw.nr]) for mw in personeel}

    organisatie = [[code, naam, ""] for code, naam in ORGANISATIES.items()]
    organisatie += [[code, naam, ouder_van(code)] for code, naam in TUSSENLAGEN.items()]
    organisatie += [[a.code, a.naam, a.ouder] for a in AFDELINGEN]
    organisatie.sort(key=lambda r: (r[0].split("-")[0] != "MLV", r[0]))

    personeel_rijen: list[PersoneelRij] = []
    for mw in sorted(personeel, key=lambda m: ids[m.nr]):
        for p, band in _per_leeftijdsklasse(mw, perioden[mw.nr]):
            kern = (ids[mw.nr], p.eenheid, p.begin, p.eind, p.factor, band, mw.geslacht)
            personeel_rijen.append((*kern, SCHAALGROEPEN[p.schaal]))

    # melding_id numbers follow the first day, as a registration system would hand them out
    spells = sorted(
        ((m.begin, ids[nr], m) for nr, v in verzuim.items() for m in v.meldingen),
        key=lambda x: x[:2],
    )
    verzuim_rijen: list[tuple[str, int, list[str]]] = []
    for volgnummer, (_, mw_id, m) in enumerate(spells, start=1):
        for begin, eind, pct in m.fasen:
            datums = [_datum(begin), _datum(eind)]
            rij = [mw_id, f"ZM{volgnummer:07d}", *datums, _percentage(pct), m.soort]
            verzuim_rijen.append((mw_id, begin, rij))
    verzuim_rijen.sort(key=lambda r: (r[0], r[1]))

    paden = {naam: uitmap / naam for naam in BESTANDEN}
    _schrijf_csv(paden["organisatie.csv"], ORGANISATIE_KOP, organisatie)
    _schrijf_csv(
        paden["personeel.csv"],
        PERSONEEL_KOP,
        (
            [i, e, _datum(b), _datum(ei), _komma(f, 2), lk, gs, sg]
            for i, e, b, ei, f, lk, gs, sg in personeel_rijen
        ),
    )
    _schrijf_xlsx(paden["personeel.xlsx"], personeel_rijen)
    _schrijf_csv(paden["verzuim.csv"], VERZUIM_KOP, (r[2] for r in verzuim_rijen))
    _schrijf_csv(paden["enquete.csv"], ENQUETE_KOP, enquete(perioden))
    _schrijf_csv(paden["pilots.csv"], PILOTS_KOP, pilots())
    return list(paden.values())


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the demo extracts (by default next to this file)."""
    parser = argparse.ArgumentParser(
        prog="python -m data.demo.generate", description="Schrijf de fictieve demo-extracten."
    )
    parser.add_argument("--uit", type=Path, default=UITMAP, help="map voor de bestanden")
    args = parser.parse_args(argv)
    begin = time.perf_counter()
    for pad in genereer(args.uit):
        print(f"{pad}: {pad.stat().st_size:,} bytes".replace(",", "."))
    print(f"Klaar in {time.perf_counter() - begin:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
