"""The differencing attacker (DESIGN 4, issue 8): linear programmes over every published number.

An attacker collects every number the metrics API publishes for many questions about a seeded,
deliberately hard organisation (tests/privacy_data.py): every unit alone, all units in one call,
the parts of every parent, every level, the total, user-made unions of small and large units;
every period mode over several windows; attribute filters (every value, every complement, pairs
across attributes) and breakdowns by each attribute; filters together with unions and periods.

Model. An atom is one (unit, month, attribute combination) row of the fact table `feit` (a row
without people and without counts is known to be zero and left out). Every number the API
publishes is a sum over atoms (a period's frequent_verzuim over its last month only). Per count
metric there is one linear system: a variable x_a >= 0 per atom and, for every published non-null
value, the equation "sum of x_a over the cell = value". The first test proves the model: the true
values reproduce every published number.

Targets: every group below the minimum (0 < bezetting < 10) in one month: a unit with its
descendants or a unit's own staff, alone, crossed with one attribute value, and crossed with a
cell of two attributes (a seeded sample of those). For each target and metric the attacker
computes the smallest and largest value of the target's sum that agrees with everything
published (scipy's linprog, HiGHS).

Why "narrower than 1" is the line: the counts are whole reports, ended spells and frequent
absentees, and absence days come in whole days per person. A range narrower than one of those
tells the attacker something about the one or two people the target may consist of.

(a) Real data: hi - lo >= 1 for every target, except when hi < 1. Then the attacker only learns
    that the small group had (almost) nothing, which a published group of at least the minimum
    having nothing already says about every part of it.
(b) Structure: the same publication (the same cells, i.e. the same rows of the system, since a
    publication pattern depends on headcounts only) with data b' = A (x + 1): every atom with
    people gets one more report, absence day, frequent absentee and ended spell. Now every target
    must have hi - lo >= 1, without exception: this catches a pattern that only looks safe because
    the small groups happened to have zeros.

How the programmes stay small. The feasible set {x >= 0 : A x = A x0} (x0 = the true data, or the
data plus one) is {x0 + N w >= 0} with N a basis of the null space of A. The null space is built
month by month (cells of one month only touch that month's atoms), split into independent blocks
of atoms, and joined across months only where a multi-month cell is not already implied by the
months' own cells. An atom outside every block is pinned by the publication. Each target is
solved per block it touches, in the block's few null-space coordinates; the bounds add up over
blocks because the blocks are independent. Feasible points found on the way are kept per block:
when they already show a range of at least 1, no programme is needed for that target.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import polars as pl
import pytest
from scipy import sparse
from scipy.linalg import null_space
from scipy.optimize import linprog
from scipy.sparse.csgraph import connected_components

from dashboard import metrics
from dashboard.hierarchy import Boom
from dashboard.periods import Maand, Periode, maanden
from dashboard.store import Store
from tests import privacy_data

pytestmark = pytest.mark.slow

MIN_GROEP = 10
METRIEKEN: tuple[str, ...] = (
    "verzuimdagen", "meldingen", "frequent_verzuim", "beeindigde_meldingen",
)  # fmt: skip
#: The fact column(s) behind each metric (absence days are stored ×1e8 per duration class).
FEIT: dict[str, str] = {
    "verzuimdagen": "(verzuim_kort_e8 + verzuim_middellang_e8 + verzuim_lang_e8"
    " + verzuim_extra_lang_e8) / 1e8",
    "meldingen": "meldingen",
    "frequent_verzuim": "frequent",
    "beeindigde_meldingen": "beeindigd",
}
DIMENSIES: tuple[str, ...] = tuple(metrics.DIMENSIES)  # leeftijdsklasse, geslacht, schaalgroep
#: Two-attribute target cells are many; a seeded sample keeps the file fast.
MAX_DOELEN_TWEE_ATTRIBUTEN = 150
#: Numerical zero for null-space work (the matrices are 0/1, their null spaces well separated).
NUL = 1e-9

# -- atoms ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Atomen:
    """The atoms: (unit number, month index, attribute combination) with their true counts."""

    en: np.ndarray
    maand: np.ndarray
    attr: np.ndarray
    bezettingsdagen: np.ndarray
    waarde: dict[str, np.ndarray]
    maanden: list[Maand]
    #: attribute combination -> {dimension: value}
    attributen: dict[int, dict[str, str]]

    def __len__(self) -> int:
        return len(self.en)

    def waarden(self, dim: str) -> list[str]:
        """The values of one attribute dimension that occur in the data."""
        return sorted({a[dim] for a in self.attributen.values()})


def lees_atomen(store: Store) -> Atomen:
    """Every `feit` row that has people or a count of one of the metrics."""
    kolommen = ", ".join(f"{sql} as {naam}" for naam, sql in FEIT.items())
    feit = store.frame(
        f"select en, maand, attr, bezettingsdagen, {kolommen} from feit order by maand, en, attr"
    ).filter(pl.any_horizontal(pl.col(["bezettingsdagen", *METRIEKEN]) != 0))
    lijst = maanden(Maand.of(feit["maand"].min()), Maand.of(feit["maand"].max()))  # type: ignore[arg-type]
    index = {m.eerste_dag: i for i, m in enumerate(lijst)}
    attributen = {
        int(r["attr"]): {"leeftijdsklasse": r["lk"], "geslacht": r["gs"], "schaalgroep": r["sg"]}
        for r in store.frame("select attr, lk, gs, sg from attribuut").iter_rows(named=True)
    }
    return Atomen(
        en=feit["en"].to_numpy().astype(np.int64),
        maand=np.array([index[d] for d in feit["maand"]], dtype=np.int64),
        attr=feit["attr"].to_numpy().astype(np.int64),
        bezettingsdagen=feit["bezettingsdagen"].to_numpy().astype(np.float64),
        waarde={m: feit[m].to_numpy().astype(np.float64) for m in METRIEKEN},
        maanden=lijst,
        attributen=attributen,
    )


def _toegestaan(atomen: Atomen, voorwaarden: Mapping[str, Sequence[str]]) -> list[int]:
    """Attribute combinations that satisfy every condition (dimension -> allowed values)."""
    return [
        a
        for a, w in atomen.attributen.items()
        if all(w[d] in toegestaan for d, toegestaan in voorwaarden.items())
    ]


def cel(
    atomen: Atomen,
    nrs: Iterable[int],
    maanden_: Iterable[int],
    voorwaarden: Mapping[str, Sequence[str]],
) -> np.ndarray:
    """The atoms of a cell: these units, these months, the attribute combinations allowed."""
    # lookup tables instead of np.isin: tens of thousands of cells are built
    eenheid = np.zeros(int(atomen.en.max()) + 1, dtype=bool)
    eenheid[[n for n in nrs if n < len(eenheid)]] = True
    maand = np.zeros(len(atomen.maanden), dtype=bool)
    maand[list(maanden_)] = True
    attr = np.zeros(max(atomen.attributen) + 1, dtype=bool)
    attr[_toegestaan(atomen, voorwaarden)] = True
    return eenheid[atomen.en] & maand[atomen.maand] & attr[atomen.attr]


def _nrs(boom: Boom, eenheden: Iterable[str]) -> list[int]:
    return [boom.eenheden[u].nr for u in eenheden if u in boom.eenheden]


# -- the questions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vraag:
    """One call of the metrics API."""

    beschrijving: str
    groepen: tuple[metrics.Groep, ...]
    per: str
    van: Maand
    tot: Maand
    filter: metrics.Filter = field(default_factory=metrics.Filter)
    uitsplitsing: str | None = None


def _perioden(eerste: Maand, laatste: Maand) -> list[tuple[str, Maand, Maand]]:
    """Every period mode over several windows: the whole range, quarters clipped at both ends,
    arbitrary windows, rolling 12 months. The first four are also asked with attribute filters."""
    return [
        ("maand", eerste, laatste),
        ("kwartaal", eerste.plus(1), laatste.plus(-1)),
        ("voortschrijdend", eerste.plus(11), laatste),
        ("geheel", eerste.plus(3), eerste.plus(8)),
        ("kwartaal", eerste, laatste),
        ("jaar", eerste, laatste),
        ("geheel", eerste, laatste),
        ("geheel", eerste.plus(1), laatste.plus(-1)),
    ]


def _unie(boom: Boom, codes: Sequence[str]) -> metrics.Groep:
    """A user-made group (as pilots build them): the union of the units and their descendants."""
    eenheden = tuple(dict.fromkeys(u for c in codes for u in boom.afstammelingen(c)))
    return metrics.Groep("+".join(codes), eenheden, "+".join(codes))


def unies(boom: Boom) -> list[metrics.Groep]:
    """Pairs and triples of units, small ones with small, medium and large ones."""
    keuzes = [
        ("KL", "TW"), ("KL", "GO-1"), ("GR", "TW"), ("DI-R", "DI-Q"), ("GO-3", "GO-2"),
        ("KL", "GR", "MI-B"), ("KL", "MI-B", "DI-R", "GO-3"), ("MI-B", "GO-1", "DI-P"),
    ]  # fmt: skip
    return [_unie(boom, k) for k in keuzes]


def _direct(boom: Boom) -> list[metrics.Groep]:
    """The own staff of every unit with children (as `metrics.onderdelen` labels it)."""
    return [
        metrics.Groep(f"{c}:direct", (c,), f"{boom.naam(c)} (direct)")
        for c in boom.eenheden
        if boom.kinderen.get(c)
    ]


def filters(atomen: Atomen) -> list[tuple[str, metrics.Filter]]:
    """Every single value, every complement (all but one value), every pair of values of two
    attributes, and 'all but the rarest value' of each attribute within each value of another."""
    waarden = {d: atomen.waarden(d) for d in DIMENSIES}
    gezien: set[metrics.Filter] = set()
    result: list[tuple[str, metrics.Filter]] = []

    def voeg_toe(voorwaarden: dict[str, list[str]]) -> None:
        f = metrics.Filter(**{d: tuple(sorted(w)) for d, w in voorwaarden.items()})
        if f.leeg or f in gezien or any(not w for w in voorwaarden.values()):
            return
        gezien.add(f)
        naam = " & ".join(f"{d}={','.join(sorted(w))}" for d, w in voorwaarden.items())
        result.append((naam, f))

    def zeldzaamste(d: str) -> str:
        alles = range(len(atomen.maanden))
        telling = {
            w: atomen.bezettingsdagen[cel(atomen, atomen.en, alles, {d: [w]})].sum()
            for w in waarden[d]
        }
        return min(telling, key=lambda w: telling[w])

    for d, ws in waarden.items():
        for w in ws:
            voeg_toe({d: [w]})
            voeg_toe({d: [v for v in ws if v != w]})
    for d1, d2 in itertools.combinations(DIMENSIES, 2):
        for w1, w2 in itertools.product(waarden[d1], waarden[d2]):
            voeg_toe({d1: [w1], d2: [w2]})
    for d1, d2 in itertools.permutations(DIMENSIES, 2):
        rest = [v for v in waarden[d1] if v != zeldzaamste(d1)]
        for w2 in waarden[d2]:
            voeg_toe({d1: rest, d2: [w2]})
    return result


def vragen(boom: Boom, atomen: Atomen) -> list[Vraag]:
    """Every question the attacker asks."""
    eerste, laatste = atomen.maanden[0], atomen.maanden[-1]
    (org,) = boom.organisaties
    eenheden = list(boom.eenheden)
    alles = (
        *metrics.groepen(boom, eenheden), *_direct(boom), *unies(boom), *metrics.groepen(boom),
    )  # fmt: skip
    structuur: list[tuple[str, Sequence[metrics.Groep]]] = [
        *((f"eenheid {c}", metrics.groepen(boom, [c])) for c in eenheden),
        ("alle eenheden", metrics.groepen(boom, eenheden)),
        *(
            (f"onderdelen {c}", metrics.onderdelen(boom, c))
            for c in eenheden
            if boom.kinderen.get(c)
        ),
        *((f"niveau {n}", metrics.op_niveau(boom, org, n)) for n in range(1, boom.diepte(org) + 1)),
        ("totaal", metrics.groepen(boom)),
        *((f"groep {g.label}", [g]) for g in unies(boom)),
        ("alles", alles),
    ]
    result: list[Vraag] = []
    for i, (per, van, tot) in enumerate(_perioden(eerste, laatste)):
        waar = f"{per} {van}..{tot}"
        for naam, gs in structuur:
            result.append(Vraag(f"{naam}, {waar}", tuple(gs), per, van, tot))
        for dim in DIMENSIES:
            result.append(Vraag(f"alles per {dim}, {waar}", alles, per, van, tot, uitsplitsing=dim))
        if i >= 4:
            continue  # filters in the first four period modes: months, quarters, rolling, window
        for naam, f in filters(atomen):
            result.append(Vraag(f"alles, {naam}, {waar}", alles, per, van, tot, f))
        if i >= 2:
            continue
        # a breakdown by one attribute within one value of another
        for dim, d in itertools.permutations(DIMENSIES, 2):
            for w in atomen.waarden(d):
                f = metrics.Filter(**{d: (w,)})
                result.append(
                    Vraag(f"alles per {dim}, {d}={w}, {waar}", alles, per, van, tot, f, dim)
                )
    return result


# -- what is published ---------------------------------------------------------------------------


@dataclass
class Publicatie:
    """Per metric: every distinct published cell (a tuple of atoms) with its value and a source."""

    cellen: dict[str, dict[tuple[int, ...], tuple[float, str]]]
    getallen: int
    vragen: int
    tegenstrijdig: list[str]


def verzamel(store: Store, boom: Boom, atomen: Atomen, lijst: Sequence[Vraag]) -> Publicatie:
    """Ask every question; every published non-null count becomes a cell of atoms."""
    cellen: dict[str, dict[tuple[int, ...], tuple[float, str]]] = {m: {} for m in METRIEKEN}
    tegenstrijdig: list[str] = []
    getallen = 0
    index = {m: i for i, m in enumerate(atomen.maanden)}
    cache: dict[object, tuple[int, ...]] = {}
    for v in lijst:
        ps = metrics.periodes(boom, list(v.groepen), v.van, v.tot, v.per)
        frame = metrics.kerncijfers(
            store, boom, ps, list(v.groepen), filter=v.filter, uitsplitsing=v.uitsplitsing,
            min_groep=MIN_GROEP, met_nulverzuim=False,
        )  # fmt: skip
        periode: dict[str, Periode] = {p.label: p for p in ps}
        groep = {g.label: g for g in v.groepen}
        gefilterd = {d: list(getattr(v.filter, d)) for d in DIMENSIES if getattr(v.filter, d)}
        for rij in frame.iter_rows(named=True):
            p, g = periode[rij["periode"]], groep[rij["eenheid"]]
            voorwaarden = dict(gefilterd)
            if v.uitsplitsing:
                binnen = gefilterd.get(v.uitsplitsing, [rij["deel"]])
                voorwaarden[v.uitsplitsing] = [w for w in binnen if w == rij["deel"]]
            attr_sleutel = tuple(sorted((d, tuple(w)) for d, w in voorwaarden.items()))
            bron = f"{v.beschrijving}: {rij['periode']} {rij['eenheid']}"
            if v.uitsplitsing:
                bron += f" {v.uitsplitsing}={rij['deel']}"
            for metriek in METRIEKEN:
                waarde = rij[metriek]
                if waarde is None:
                    continue
                getallen += 1
                # frequent verzuim is counted at the end of the period: its last month only
                ms = (p.tot,) if metriek == "frequent_verzuim" else tuple(p.maanden)
                sleutel = (g.eenheden, ms, attr_sleutel)
                if sleutel not in cache:
                    masker = cel(
                        atomen,
                        _nrs(boom, g.eenheden),
                        [index[m] for m in ms if m in index],
                        voorwaarden,
                    )
                    cache[sleutel] = tuple(int(a) for a in np.flatnonzero(masker))
                eerder = cellen[metriek].setdefault(cache[sleutel], (float(waarde), bron))
                if abs(eerder[0] - waarde) > 1e-6:
                    tegenstrijdig.append(f"{metriek}: {bron} = {waarde}, {eerder[1]} = {eerder[0]}")
    return Publicatie(cellen, getallen, len(lijst), tegenstrijdig)


# -- targets -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doel:
    """A group below the minimum in one month, whose counts must stay hidden."""

    label: str
    atomen: np.ndarray
    bezetting: float


def doelen(boom: Boom, atomen: Atomen, zaad: int = privacy_data.ZAAD) -> list[Doel]:
    """Every unit (with its descendants) and every unit's own staff, alone, × one attribute value
    and × a cell of two attributes (sampled), in each month with 0 < bezetting < 10."""
    knopen = [(c, boom.afstammelingen(c)) for c in boom.eenheden]
    knopen += [(f"{c}:direct", [c]) for c in boom.eenheden if boom.kinderen.get(c)]
    enkel = [(f" {d}={w}", {d: [w]}) for d in DIMENSIES for w in atomen.waarden(d)]
    dubbel = [
        (f" {d1}={w1} {d2}={w2}", {d1: [w1], d2: [w2]})
        for d1, d2 in itertools.combinations(DIMENSIES, 2)
        for w1 in atomen.waarden(d1)
        for w2 in atomen.waarden(d2)
    ]
    gezien: set[tuple[int, ...]] = set()

    def kandidaten(cellen: list[tuple[str, dict[str, list[str]]]]) -> list[Doel]:
        gevonden = []
        for (naam, eenheden), (cnaam, voorwaarden) in itertools.product(knopen, cellen):
            for i, m in enumerate(atomen.maanden):
                masker = cel(atomen, _nrs(boom, eenheden), [i], voorwaarden)
                bezetting = float(atomen.bezettingsdagen[masker].sum()) / m.dagen
                sleutel = tuple(int(a) for a in np.flatnonzero(masker))
                if 0 < bezetting < MIN_GROEP and sleutel not in gezien:
                    gezien.add(sleutel)
                    gevonden.append(Doel(f"{naam}{cnaam} {m}", np.array(sleutel), bezetting))
        return gevonden

    result = kandidaten([("", {})]) + kandidaten(enkel)
    twee = kandidaten(dubbel)
    random.Random(zaad).shuffle(twee)
    return result + twee[:MAX_DOELEN_TWEE_ATTRIBUTEN]


# -- the linear programmes -----------------------------------------------------------------------


@dataclass
class Blok:
    """Atoms whose values can move together, independently of all other atoms: x_B = x0_B + N w."""

    atomen: np.ndarray
    basis: np.ndarray
    #: the rest of the block's space: (x - x0) is orthogonal to it (the block's own equations)
    vergelijkingen: np.ndarray
    #: feasible points seen so far, per starting point x0 (as values of the atoms of the block)
    punten: dict[int, list[np.ndarray]] = field(default_factory=dict)


def _blokken(atomen: np.ndarray, basis: np.ndarray, problemen: list[str]) -> list[Blok]:
    """Split a null space (columns of `basis`, rows = `atomen`) into independent blocks.

    Two atoms are in one block when the projector onto the null space couples them; the null
    space is then the direct sum of its parts on the blocks.
    """
    if basis.shape[1] == 0:
        return []
    P = basis @ basis.T
    vrij = np.flatnonzero(np.diag(P) > NUL)
    _, label = connected_components(
        sparse.csr_matrix(np.abs(P[np.ix_(vrij, vrij)]) > NUL), directed=False
    )
    result = []
    for b in np.unique(label):
        deel = vrij[label == b]
        eigen, vectoren = np.linalg.eigh(P[np.ix_(deel, deel)])
        if np.any((np.abs(eigen) > 1e-6) & (np.abs(eigen - 1) > 1e-6)):
            problemen.append(f"blok van {len(deel)} atomen is geen projectie: {eigen}")
        result.append(Blok(atomen[deel], vectoren[:, eigen > 0.5], vectoren[:, eigen <= 0.5]))
    return result


class Aanvaller:
    """The linear system of one set of published cells, reduced once and reused for every target."""

    def __init__(self, cellen: Sequence[tuple[int, ...]], maand: np.ndarray) -> None:
        n = len(maand)
        rijen = [r for r, c in enumerate(cellen) for _ in c]
        kolommen = [a for c in cellen for a in c]
        self.A = sparse.csr_matrix(
            (np.ones(len(kolommen)), (rijen, kolommen)), shape=(len(cellen), n)
        )
        self.problemen: list[str] = []
        rij_maanden = [set(maand[list(c)].tolist()) for c in cellen]
        enkel = np.array([len(m) == 1 for m in rij_maanden], dtype=bool)
        blokken: list[Blok] = []
        for m in np.unique(maand):
            eigen = np.flatnonzero(maand == m)
            mijn = [r for r, ms in enumerate(rij_maanden) if ms == {m}]
            A_m = self.A[mijn][:, eigen].toarray()
            basis = null_space(A_m, rcond=NUL) if mijn else np.eye(len(eigen))
            blokken += _blokken(eigen, basis, self.problemen)
        self.blokken = self._koppel(blokken, self.A[np.flatnonzero(~enkel)], n)
        self.blok_van = np.full(n, -1)
        for i, blok in enumerate(self.blokken):
            self.blok_van[blok.atomen] = i
        self.programmas = 0

    def _koppel(self, blokken: list[Blok], meer: sparse.csr_matrix, n: int) -> list[Blok]:
        """Join the month blocks that a multi-month cell ties together (only where the cell is not
        already the sum of what the months publish) and restrict them to that cell's equation."""
        if meer.shape[0] == 0 or not blokken:
            return blokken
        meer_csc = meer.tocsc()
        # each multi-month cell, expressed in every block's null-space coordinates
        Y = [sparse.csr_matrix(meer_csc[:, b.atomen] @ b.basis) for b in blokken]
        Y = [y.multiply(abs(y) > NUL).tocsr() for y in Y]
        raakt = sparse.csr_matrix(
            np.column_stack([np.asarray(abs(y).sum(axis=1)).ravel() > NUL for y in Y])
        )
        # blocks touched by the same cell form one group
        graaf = sparse.bmat([[None, raakt], [raakt.T, None]])
        _, label = connected_components(graaf, directed=False)
        groep_van_blok = label[meer.shape[0] :]
        result: list[Blok] = []
        for g in np.unique(groep_van_blok):
            leden = [blokken[i] for i in np.flatnonzero(groep_van_blok == g)]
            rij = np.flatnonzero(label[: meer.shape[0]] == g)
            if len(rij) == 0:
                result += leden
                continue
            ys = sparse.hstack([Y[i][rij] for i in np.flatnonzero(groep_van_blok == g)]).toarray()
            atomen = np.concatenate([b.atomen for b in leden])
            basis = sparse.block_diag([b.basis for b in leden]).toarray() @ null_space(
                ys, rcond=NUL
            )
            result += _blokken(atomen, basis, self.problemen)
        return result

    def bereik(self, doel: np.ndarray, x0: np.ndarray, sleutel: int) -> tuple[float, float]:
        """Smallest and largest sum over the target's atoms with x >= 0 and A x = A x0.

        Exact when the range is narrower than 1; a range of at least 1 may be reported as the
        feasible points already seen show it (enough to pass, and it never hides a failure)."""
        laag = hoog = float(x0[doel].sum())
        blokken = np.unique(self.blok_van[doel])
        delen = []
        for i in blokken[blokken >= 0]:
            blok = self.blokken[i]
            c = np.isin(blok.atomen, doel).astype(np.float64)
            richting = blok.basis.T @ c
            if np.linalg.norm(richting) < NUL:
                continue  # the target's part of this block is pinned
            delen.append((blok, c, richting))
        if not delen:
            return laag, hoog
        # first the feasible points already seen: often they show a range of 1 at once
        onder = boven = 0.0
        for blok, c, _ in delen:
            waarden = [float(c @ p) for p in blok.punten.setdefault(sleutel, [x0[blok.atomen]])]
            basis = float(c @ x0[blok.atomen])
            onder += min(waarden) - basis
            boven += max(waarden) - basis
        if boven - onder >= 1:
            return laag + onder, hoog + boven
        for blok, c, richting in delen:
            x_b = x0[blok.atomen]
            for teken in (1.0, -1.0):
                x = self._los_op(blok, teken * c, teken * richting, x_b)
                self.programmas += 1
                if x is None:  # unbounded: only above (x >= 0 bounds every sum below)
                    hoog = float("inf")
                    continue
                blok.punten[sleutel].append(x)
                if teken > 0:
                    laag += float(c @ (x - x_b))
                else:
                    hoog += float(c @ (x - x_b))
        return laag, hoog

    @staticmethod
    def _los_op(
        blok: Blok, c: np.ndarray, richting: np.ndarray, x_b: np.ndarray
    ) -> np.ndarray | None:
        """Minimise c·x over the block (x >= 0, same published sums); None when unbounded.

        Solved in whichever form is smaller: the null-space coordinates w (x = x0 + N w, one
        inequality per atom) or the atoms themselves with the block's remaining equations."""
        if blok.basis.shape[1] <= blok.vergelijkingen.shape[1]:
            res = linprog(richting, A_ub=-blok.basis, b_ub=x_b, bounds=(None, None), method="highs")
            x = None if res.status == 3 else x_b + blok.basis @ res.x
        else:
            E = blok.vergelijkingen.T
            res = linprog(c, A_eq=E, b_eq=E @ x_b, bounds=(0, None), method="highs")
            x = None if res.status == 3 else res.x
        assert res.status in (0, 3), f"linprog: {res.message}"
        return x


# -- fixtures ------------------------------------------------------------------------------------


@dataclass
class Aanval:
    """Everything the attacker has: atoms, the publication, the targets, one system per metric."""

    boom: Boom
    atomen: Atomen
    publicatie: Publicatie
    doelen: list[Doel]
    aanvallers: dict[str, Aanvaller]


def bouw_aanval(store: Store, boom: Boom) -> Aanval:
    """Ask every question, collect the publication, reduce one system per set of cells."""
    atomen = lees_atomen(store)
    publicatie = verzamel(store, boom, atomen, vragen(boom, atomen))
    # the metrics published together have the same cells: one reduced system serves them all
    gedeeld: dict[tuple[tuple[int, ...], ...], Aanvaller] = {}
    aanvallers = {}
    for m in METRIEKEN:
        cellen = tuple(publicatie.cellen[m])
        if cellen not in gedeeld:
            gedeeld[cellen] = Aanvaller(cellen, atomen.maand)
        aanvallers[m] = gedeeld[cellen]
    return Aanval(boom, atomen, publicatie, doelen(boom, atomen), aanvallers)


@pytest.fixture(scope="module")
def aanval() -> Aanval:
    return bouw_aanval(*privacy_data.bouw_store())


# -- tests ---------------------------------------------------------------------------------------


def test_de_gegevens_zijn_lastig(aanval: Aanval) -> None:
    """The synthetic organisation has the hard shapes the attacker needs (see privacy_data)."""
    a = aanval.atomen
    assert 12 <= len(a.maanden) <= 15
    assert 15 <= len(a.attributen) <= 20
    assert 250 <= a.bezettingsdagen[a.maand == 0].sum() / a.maanden[0].dagen <= 400
    labels = [d.label for d in aanval.doelen]
    for soort in ("KL ", "GR ", "DI:direct ", "MI-B "):
        assert any(lab.startswith(soort) for lab in labels), soort
    assert any(" geslacht=x " in lab for lab in labels)  # the one employee with geslacht x
    # few zeros to lean on: units of 10 or more nearly always have reports and absence days
    groot = leeg = 0
    for code in aanval.boom.eenheden:
        for i, m in enumerate(a.maanden):
            c = cel(a, _nrs(aanval.boom, aanval.boom.afstammelingen(code)), [i], {})
            if a.bezettingsdagen[c].sum() >= MIN_GROEP * m.dagen:
                groot += 1
                leeg += a.waarde["meldingen"][c].sum() < 1 or a.waarde["verzuimdagen"][c].sum() < 1
    assert groot > 100 and leeg <= 0.05 * groot, f"{leeg} van {groot} zonder melding of verzuimdag"


def test_het_atoommodel_geeft_elk_gepubliceerd_getal(aanval: Aanval) -> None:
    """A · x_true reproduces every published value: the attacker's model is the API's."""
    p = aanval.publicatie
    assert not p.tegenstrijdig, "\n".join(p.tegenstrijdig[:10])
    fouten = []
    for m in METRIEKEN:
        berekend = aanval.aanvallers[m].A @ aanval.atomen.waarde[m]
        for (atomen, (waarde, bron)), x in zip(p.cellen[m].items(), berekend, strict=True):
            if abs(x - waarde) > 1e-6:
                fouten.append(f"{m}: {bron} = {waarde}, de atomen geven {x} ({len(atomen)} atomen)")
    assert not fouten, f"{len(fouten)} afwijkingen:\n" + "\n".join(fouten[:20])
    # a pattern that hid everything would pass the attacker: the whole organisation (never
    # small, nothing beside it) must be published in every month
    a, boom = aanval.atomen, aanval.boom
    (org,) = boom.organisaties
    for m in METRIEKEN:
        for i, maand in enumerate(a.maanden):
            totaal = tuple(
                int(x)
                for x in np.flatnonzero(cel(a, _nrs(boom, boom.afstammelingen(org)), [i], {}))
            )
            assert totaal in p.cellen[m], f"{m} van {org} in {maand} is niet gepubliceerd"
    problemen = [
        q for a in {id(a): a for a in aanval.aanvallers.values()}.values() for q in a.problemen
    ]
    assert not problemen, "\n".join(problemen[:5])


@dataclass(frozen=True)
class Bereik:
    """What the attacker knows about one target's count."""

    doel: Doel
    metriek: str
    laag: float
    hoog: float
    waar: float

    @property
    def breedte(self) -> float:
        return self.hoog - self.laag

    def tekst(self) -> str:
        return (
            f"{self.doel.label} (bezetting {self.doel.bezetting:.2f}), {self.metriek}: "
            f"tussen {self.laag:.4g} en {self.hoog:.4g}, werkelijk {self.waar:.4g}"
        )


def _bereiken(aanval: Aanval, x0: dict[str, np.ndarray], sleutel: int) -> list[Bereik]:
    result = []
    for m in METRIEKEN:
        for d in aanval.doelen:
            laag, hoog = aanval.aanvallers[m].bereik(d.atomen, x0[m], sleutel)
            result.append(Bereik(d, m, laag, hoog, float(x0[m][d.atomen].sum())))
    return result


def _soort(doel: Doel) -> str:
    return ("eenheid", "eenheid × 1 attribuut", "eenheid × 2 attributen")[doel.label.count("=")]


def _rapport(te_smal: list[Bereik], alle: list[Bereik]) -> str:
    """Counts per metric and per kind of target, and the worst cases of each kind."""
    regels = [f"{len(te_smal)} van {len(alle)} (doel, metriek) smaller dan 1:"]
    for m in METRIEKEN:
        smal = [r for r in te_smal if r.metriek == m]
        vast = sum(1 for r in smal if r.breedte < 1e-6)
        n = sum(1 for r in alle if r.metriek == m)
        regels.append(f"  {m}: {vast} precies bepaald, {len(smal) - vast} versmald, van {n}")
    for soort in dict.fromkeys(_soort(r.doel) for r in alle):
        geraakt = {r.doel.label for r in te_smal if _soort(r.doel) == soort}
        n = len({r.doel.label for r in alle if _soort(r.doel) == soort})
        regels.append(f"{soort}: {len(geraakt)} van {n} doelen geraakt, de ergste:")
        ergste = sorted(
            (r for r in te_smal if _soort(r.doel) == soort),
            key=lambda r: (round(r.breedte, 6), -r.waar, r.doel.label),
        )
        regels += [f"  {r.tekst()}" for r in ergste[:5]]
    return "\n".join(regels)


def te_smal_echt(aanval: Aanval) -> tuple[list[Bereik], list[Bereik]]:
    """(a) on the real data: the targets narrower than 1 whose largest value is at least 1."""
    alle = _bereiken(aanval, aanval.atomen.waarde, 0)
    return [r for r in alle if r.breedte < 1 - 1e-6 and r.hoog >= 1 - 1e-6], alle


def te_smal_structureel(aanval: Aanval) -> tuple[list[Bereik], list[Bereik]]:
    """(b) on the same cells with one more of every count in every atom with people."""
    a = aanval.atomen
    plus = {m: a.waarde[m] + (a.bezettingsdagen > 0) for m in METRIEKEN}
    alle = _bereiken(aanval, plus, 1)
    return [r for r in alle if r.breedte < 1 - 1e-6], alle


def test_aanvaller_echte_gegevens(aanval: Aanval) -> None:
    """(a) No small group's count is narrowed below one, unless all it can be is below one."""
    te_smal, alle = te_smal_echt(aanval)
    assert not te_smal, _rapport(te_smal, alle)


def test_aanvaller_structureel(aanval: Aanval) -> None:
    """(b) With one more of every count in every atom with people, no target is narrower than 1."""
    te_smal, alle = te_smal_structureel(aanval)
    assert not te_smal, _rapport(te_smal, alle)
