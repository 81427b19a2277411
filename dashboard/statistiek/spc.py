"""Control charts that know the seasons: seasonal factors, Laney's p′ and u′ charts, and the
rules of NHS England's Making Data Count.

Absence has a season (colds and flu in winter, holidays in summer): a plain chart calls the
normal fall from February to August a falling trend. So each month is compared with what its
calendar month normally is: monthly factors from at least two whole earlier years (the median of
the month's ratio to its year, normalised to a mean of 1). The expected value of a month is the
centre line times its factor.

With person-level data the chart takes persons as the sampling unit (`persoonskaart`): a long
spell puts one person in several months, so months move together, and each month's limits come
from the covariance over persons of its contrast with the baseline. Without them (only
aggregated figures) it is Laney's chart below, whose moving range sees only the short-term part
of the variation.

Laney's chart (Laney DB, "Improved control charts for attributes", Quality Engineering
2002;14:531-537): z-scores of each month against its expected value on the binomial (p′, a rate
of days) or Poisson (u′, reports per person-year) standard deviation, their spread σ_z from the
mean moving range of the baseline months (/1.128), limits expected ± 3·σ·σ_z. The rules
(Making Data Count, NHS England / NHS Improvement 2019): a point beyond the 3σ limits; two of
three consecutive points beyond 2σ on the same side; a shift of 7 or more consecutive points on
one side of the expected value; a trend of 7 or more consecutive points each higher (or lower)
than the one before, in the seasonally adjusted values.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import polars as pl

from dashboard.catalogus import Familie, Metriek

#: d2 for moving ranges of two points: σ = mean moving range / 1.128.
D2 = 1.128
#: Points in a row on one side of the expected value (shift), or each rising or falling (trend).
VERSCHUIVING = 7
TREND = 7
#: Fewest whole earlier years the seasonal factors come from; at most this many are used.
MIN_JAREN = 2
MAX_JAREN = 4

#: The rules' names (the CLI's `signaal` column), strongest first: a point that meets several
#: carries the first.
BUITEN = "buiten_grenzen"
TWEE_VAN_DRIE = "twee_van_drie"
VERSCHUIVING_BOVEN = "reeks_boven"
VERSCHUIVING_ONDER = "reeks_onder"
STIJGEND = "stijgend"
DALEND = "dalend"
SIGNALEN: tuple[str, ...] = (
    BUITEN, TWEE_VAN_DRIE, VERSCHUIVING_BOVEN, VERSCHUIVING_ONDER, STIJGEND, DALEND,
)  # fmt: skip


@dataclass(frozen=True)
class Seizoen:
    """Monthly factors (January first, mean 1) and the years they come from."""

    factoren: tuple[float, ...]
    jaren: tuple[int, ...]


def seizoensfactoren(
    maanden: Mapping[tuple[int, int], tuple[float, float]],
    voor: tuple[int, int] | None = None,
) -> Seizoen | None:
    """Factors from the whole calendar years in `maanden` ((year, month) -> (numerator,
    denominator)) before `voor` (year, month): the most recent `MAX_JAREN` of them, None when
    fewer than `MIN_JAREN` whole years are there.

    Per year each month's rate divided by the year's pooled rate; per month the median over the
    years (robust to one odd year, e.g. an epidemic); the twelve normalised to a mean of 1.
    """
    jaren = sorted(
        {j for (j, _m) in maanden}
        - {j for (j, m) in maanden if voor is not None and (j, m) >= voor},
        reverse=True,
    )
    heel = [
        j
        for j in jaren
        if all((j, m) in maanden and maanden[(j, m)][1] > 0 for m in range(1, 13))
        and sum(maanden[(j, m)][0] for m in range(1, 13)) > 0
    ][:MAX_JAREN]
    if len(heel) < MIN_JAREN:
        return None
    verhoudingen: dict[int, list[float]] = {m: [] for m in range(1, 13)}
    for j in heel:
        teller = sum(maanden[(j, m)][0] for m in range(1, 13))
        noemer = sum(maanden[(j, m)][1] for m in range(1, 13))
        jaar = teller / noemer
        for m in range(1, 13):
            t, n = maanden[(j, m)]
            verhoudingen[m].append(t / n / jaar)
    ruw = [statistics.median(verhoudingen[m]) for m in range(1, 13)]
    gemiddeld = statistics.fmean(ruw)
    return Seizoen(tuple(f / gemiddeld for f in ruw), tuple(sorted(heel)))


@dataclass(frozen=True)
class SpcPunt:
    """One month of the chart, in the metric's units; `signaal` a rule's name or ''."""

    waarde: float | None
    verwacht: float | None
    centrum: float | None
    ondergrens: float | None
    bovengrens: float | None
    signaal: str


def _sd(familie: Familie, verwacht: float, noemer: float) -> float:
    """The attribute chart's standard deviation of one month at its expected rate."""
    if familie == "dagen_per_persoon":
        return math.sqrt(verwacht * (1 - verwacht) / noemer)
    if familie == "telling_per_persoonjaar":
        return math.sqrt(verwacht / noemer)
    raise ValueError(f"geen regelkaart voor de familie {familie}")


def laney(
    tellers: Sequence[float | None],
    noemers: Sequence[float | None],
    familie: Familie,
    *,
    factoren: Sequence[float] | None = None,
    basis: int | None = None,
    schaal: float = 1.0,
) -> list[SpcPunt]:
    """Laney p′ (rate of days) or u′ (reports per person-year) chart of monthly counts.

    `factoren`: each month's seasonal factor (1 when not given: no seasonal adjustment).
    `basis`: the first months whose pooled adjusted rate is the centre line and whose moving
    ranges give σ_z (all months when None). A missing month (None) breaks the chain of moving
    ranges rather than bridging the gap. Values are multiplied by `schaal` (100 for percent).
    """
    aantal = len(tellers)
    f = list(factoren) if factoren is not None else [1.0] * aantal
    eind = aantal if basis is None else min(basis, aantal)
    paren = [
        (t, n, fi)
        for t, n, fi in zip(tellers[:eind], noemers[:eind], f[:eind], strict=True)
        if t is not None and n is not None and n > 0
    ]
    leeg = [
        SpcPunt(schaal * t / n if t is not None and n else None, None, None, None, None, "")
        for t, n in zip(tellers, noemers, strict=True)
    ]
    if not paren:
        return leeg
    centrum = sum(t for t, _, _ in paren) / sum(n * fi for _, n, fi in paren)
    if centrum <= 0 or (familie == "dagen_per_persoon" and centrum * max(f) >= 1):
        return leeg
    z: list[float | None] = []
    for t, n, fi in zip(tellers, noemers, f, strict=True):
        if t is None or n is None or n <= 0:
            z.append(None)
            continue
        e = centrum * fi
        z.append((t / n - e) / _sd(familie, e, n))
    mr = [abs(b - a) for a, b in pairwise(z[:eind]) if a is not None and b is not None]
    if not mr or statistics.fmean(mr) == 0:
        return leeg
    sigma_z = statistics.fmean(mr) / D2
    aangepast = [
        t / n / fi if t is not None and n is not None and n > 0 else None
        for t, n, fi in zip(tellers, noemers, f, strict=True)
    ]
    gestandaardiseerd = [zi / sigma_z if zi is not None else None for zi in z]
    namen = regels(gestandaardiseerd, aangepast)
    uit = []
    for t, n, fi, naam in zip(tellers, noemers, f, namen, strict=True):
        e = centrum * fi
        if t is None or n is None or n <= 0:
            uit.append(SpcPunt(None, schaal * e, schaal * centrum, None, None, ""))
            continue
        marge = 3 * sigma_z * _sd(familie, e, n)
        uit.append(
            SpcPunt(
                schaal * t / n,
                schaal * e,
                schaal * centrum,
                schaal * max(0.0, e - marge),
                schaal * (e + marge),
                naam,
            )
        )
    return uit


def persoonskaart(
    tellers: Sequence[float | None],
    noemers: Sequence[float | None],
    cov: Sequence[Sequence[float]],
    *,
    factoren: Sequence[float] | None = None,
    basis: int | None = None,
    schaal: float = 1.0,
) -> list[SpcPunt]:
    """The seasonally adjusted control chart with persons as the sampling unit.

    Months of absence are not independent draws: a long spell puts the same person in several
    months, so a unit's months move together and the moving range sees only the short-term part
    of the variation (a simulation of persons with long spells and no change: 95% of 36-month
    Laney charts signal in their last year). Here each month's contrast with the baseline,
    D_t = r_t / f_t − B (B the pooled adjusted rate of the first `basis` months), carries its
    own variance from the persons (`cov`: the matrix of `metrics.spc_covariantie` over the
    months that have a value, in order), and the Making Data Count rules are kept where they
    hold for dependent months: a point beyond 3σ; two of three beyond 2σ on one side whose
    mean contrast is beyond 3σ; a run of 7 or more on one side whose mean contrast is beyond 3σ
    (the run's months together, with their covariance, instead of counting them as 7
    independent coin tosses); a trend of 7 in the adjusted values. The limits are the
    expected value ± 3σ of the month's contrast.
    """
    aantal = len(tellers)
    f = list(factoren) if factoren is not None else [1.0] * aantal
    eind = aantal if basis is None else min(basis, aantal)
    geldig = [
        i for i in range(aantal)
        if tellers[i] is not None and noemers[i] is not None and (noemers[i] or 0) > 0
    ]  # fmt: skip
    leeg = [
        SpcPunt(schaal * t / n if t is not None and n else None, None, None, None, None, "")
        for t, n in zip(tellers, noemers, strict=True)
    ]
    in_basis = [i for i in geldig if i < eind]
    if not in_basis or len(cov) != len(geldig):
        return leeg
    som_t = sum(float(tellers[i] or 0) for i in in_basis)
    som_n = sum(float(noemers[i] or 0) * f[i] for i in in_basis)
    if som_n <= 0 or som_t <= 0:
        return leeg
    b = som_t / som_n
    plek = {i: k for k, i in enumerate(geldig)}
    d: list[float | None] = [None] * aantal
    sd: list[float | None] = [None] * aantal
    for i in geldig:
        v = cov[plek[i]][plek[i]]
        if v > 0:
            d[i] = float(tellers[i] or 0) / float(noemers[i] or 1) / f[i] - b
            sd[i] = math.sqrt(v)
    z = [di / si if di is not None and si else None for di, si in zip(d, sd, strict=True)]

    def samen(idx: Sequence[int]) -> float:
        """The mean contrast of months `idx` in σ of that mean (their covariance included)."""
        ks = [plek[i] for i in idx]
        var = sum(cov[a][c] for a in ks for c in ks) / len(ks) ** 2
        gem = sum(float(d[i] or 0) for i in idx) / len(idx)
        return gem / math.sqrt(var) if var > 0 else 0.0

    gevonden: list[set[str]] = [set() for _ in range(aantal)]
    for i, zi in enumerate(z):
        if zi is not None and abs(zi) > 3:
            gevonden[i].add(BUITEN)
    for i in range(aantal - 2):
        for kant in (1, -1):
            ver = [i + j for j in range(3) if z[i + j] is not None and kant * (z[i + j] or 0) > 2]
            if len(ver) >= 2 and kant * samen(ver) > 3:
                for k in ver:
                    gevonden[k].add(TWEE_VAN_DRIE)
    kanten = [0 if zi is None or zi == 0 else (1 if zi > 0 else -1) for zi in z]
    i = 0
    while i < aantal:
        j = i
        while j + 1 < aantal and kanten[j + 1] == kanten[i]:
            j += 1
        run = list(range(i, j + 1))
        if kanten[i] != 0 and len(run) >= VERSCHUIVING and kanten[i] * samen(run) > 3:
            naam = VERSCHUIVING_BOVEN if kanten[i] > 0 else VERSCHUIVING_ONDER
            for k in run:
                gevonden[k].add(naam)
        i = j + 1
    _trends(_stappen([(b + di) if di is not None else None for di in d]), TREND, gevonden)
    uit = []
    for i in range(aantal):
        e = b * f[i]
        if d[i] is None:
            uit.append(SpcPunt(leeg[i].waarde, schaal * e, schaal * b, None, None, ""))
            continue
        marge = 3 * f[i] * float(sd[i] or 0)
        naam = next((s for s in SIGNALEN if s in gevonden[i]), "")
        waarde = schaal * float(tellers[i] or 0) / float(noemers[i] or 1)
        uit.append(
            SpcPunt(waarde, schaal * e, schaal * b, schaal * max(0.0, e - marge),
                    schaal * (e + marge), naam)
        )  # fmt: skip
    return uit


def regels(z: Sequence[float | None], aangepast: Sequence[float | None]) -> list[str]:
    """The Making Data Count rules on standardised deviations z (in σ) and adjusted values.

    Every point of a run that meets a rule carries its name; a point that meets several carries
    the strongest (`SIGNALEN` order). A missing month ends every run.
    """
    n = len(z)
    gevonden: list[set[str]] = [set() for _ in range(n)]
    for i, zi in enumerate(z):
        if zi is not None and abs(zi) > 3:
            gevonden[i].add(BUITEN)
    for i in range(n - 2):
        drie = z[i : i + 3]
        for kant in (1, -1):
            ver = [zi is not None and kant * zi > 2 for zi in drie]
            if sum(ver) >= 2:
                for j, v in enumerate(ver):
                    if v:
                        gevonden[i + j].add(TWEE_VAN_DRIE)
    _reeksen(
        [1 if zi is not None and zi > 0 else -1 if zi is not None and zi < 0 else 0 for zi in z],
        VERSCHUIVING,
        {1: VERSCHUIVING_BOVEN, -1: VERSCHUIVING_ONDER},
        gevonden,
    )
    _trends(_stappen(aangepast), TREND, gevonden)
    return [next((s for s in SIGNALEN if s in g), "") for g in gevonden]


def _stappen(waarden: Sequence[float | None]) -> list[int]:
    """The step into each point: 1 up, −1 down, 0 level or a missing month (the first point 0)."""
    return [0] + [
        1 if a is not None and b is not None and b > a
        else -1 if a is not None and b is not None and b < a
        else 0
        for a, b in pairwise(waarden)
    ]  # fmt: skip


def _reeksen(
    kanten: Sequence[int], lengte: int, namen: Mapping[int, str], gevonden: list[set[str]]
) -> None:
    """Mark runs of at least `lengte` equal non-zero signs (0: a missing month, or a point on
    the line, ends a run)."""
    i = 0
    while i < len(kanten):
        j = i
        while j + 1 < len(kanten) and kanten[j + 1] == kanten[i]:
            j += 1
        if kanten[i] != 0 and j - i + 1 >= lengte:
            for k in range(i, j + 1):
                gevonden[k].add(namen[kanten[i]])
        i = j + 1


def _trends(stappen: Sequence[int], lengte: int, gevonden: list[set[str]]) -> None:
    """Mark runs of at least `lengte` points joined by steps the same way (stappen[i]: from
    point i − 1 to i)."""
    i = 1
    while i < len(stappen):
        if stappen[i] == 0:
            i += 1
            continue
        j = i
        while j + 1 < len(stappen) and stappen[j + 1] == stappen[i]:
            j += 1
        punten = j - i + 2  # a trend of k points is k − 1 steps the same way
        if punten >= lengte:
            naam = STIJGEND if stappen[i] > 0 else DALEND
            for k in range(i - 1, j + 1):
                gevonden[k].add(naam)
        i = j + 1


# -- adapters for metrics-API frames --------------------------------------------------------------


def breuk(frame: pl.DataFrame, m: Metriek) -> tuple[list[float | None], list[float | None], float]:
    """The metric's numerator and denominator per row as counts and sizes (a rate per year on
    person-years: bezetting × k / 12), None for suppressed rows, and the scale of its value."""
    if m.noemer is None or m.berekening not in ("procent", "per_jaar"):
        raise ValueError(f"{m.sleutel} is geen verhouding")
    teller = frame.get_column(m.teller).cast(pl.Float64).to_list()
    noemer = frame.get_column(m.noemer).cast(pl.Float64).to_list()
    if m.berekening == "per_jaar":
        k = frame.get_column("k").cast(pl.Float64).to_list()
        noemer = [v * ki / 12 if v is not None and ki is not None else None
                  for v, ki in zip(noemer, k, strict=True)]  # fmt: skip
    weg = frame.get_column("onderdrukt").fill_null(False).to_list()
    teller = [None if w else v for v, w in zip(teller, weg, strict=True)]
    noemer = [None if w else v for v, w in zip(noemer, weg, strict=True)]
    return teller, noemer, 100.0 if m.berekening == "procent" else 1.0


def seizoen_van(frame: pl.DataFrame, m: Metriek, voor: dt.date | None = None) -> Seizoen | None:
    """Seasonal factors of the metric from a monthly frame (column `van`, the month's first day)
    over its whole calendar years before `voor`."""
    teller, noemer, _ = breuk(frame, m)
    maanden = {
        (d.year, d.month): (t, n)
        for d, t, n in zip(frame.get_column("van").to_list(), teller, noemer, strict=True)
        if t is not None and n is not None
    }
    return seizoensfactoren(maanden, (voor.year, voor.month) if voor is not None else None)


def kaartmaanden(
    frame: pl.DataFrame, m: Metriek, seizoen: Seizoen | None = None, basis: int | None = None
) -> list[tuple[dt.date, float, bool]]:
    """The months of a monthly frame that have a value, as `metrics.spc_covariantie` takes
    them: (first day, seasonal factor, in the baseline)."""
    teller, noemer, _ = breuk(frame, m)
    eind = frame.height if basis is None else basis
    return [
        (d, seizoen.factoren[d.month - 1] if seizoen else 1.0, i < eind)
        for i, (d, t, n) in enumerate(zip(frame.get_column("van").to_list(), teller, noemer,
                                          strict=True))
        if t is not None and n is not None and n > 0
    ]  # fmt: skip


def regelkaart(
    frame: pl.DataFrame,
    m: Metriek,
    seizoen: Seizoen | None = None,
    basis: int | None = None,
    cov: Sequence[Sequence[float]] | None = None,
) -> pl.DataFrame:
    """The monthly frame of one group with `verwacht`, `centrum`, `ondergrens`, `bovengrens`
    (the metric's units) and `signaal` (a rule's name or ''): with persons as the sampling unit
    when `cov` (the covariance of `kaartmaanden`'s months) is given, else Laney's chart."""
    teller, noemer, schaal = breuk(frame, m)
    maanden = [d.month for d in frame.get_column("van").to_list()]
    factoren = [seizoen.factoren[mnd - 1] for mnd in maanden] if seizoen else None
    if cov is not None:
        punten = persoonskaart(teller, noemer, cov, factoren=factoren, basis=basis, schaal=schaal)
    else:
        punten = laney(teller, noemer, _familie(m), factoren=factoren, basis=basis, schaal=schaal)
    return frame.with_columns(
        pl.Series("verwacht", [p.verwacht for p in punten], pl.Float64),
        pl.Series("centrum", [p.centrum for p in punten], pl.Float64),
        pl.Series("ondergrens", [p.ondergrens for p in punten], pl.Float64),
        pl.Series("bovengrens", [p.bovengrens for p in punten], pl.Float64),
        pl.Series("signaal", [p.signaal for p in punten], pl.String),
    )


def _familie(m: Metriek) -> Familie:
    if m.familie is None:
        raise ValueError(f"{m.sleutel} heeft geen statistische familie")
    return m.familie
