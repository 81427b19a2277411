"""The publication pattern (DESIGN 4): which group may be shown in which month, for every
combination of attribute filters, computed once per store version over the whole tree.

Every number the product publishes is a sum over atoms: the staff of one unit (its own people,
not those of the units below it) in one month and one cell of the attributes (leeftijdsklasse ×
geslacht × schaalgroep). A *node* is what a view can name: a unit with everything below it, or
the own staff of a unit that has children. The pattern decides per month, per node and per
combination of attribute dimensions (`dims`, a bitmask) whether the node may be shown.

The rule, with m the minimum group size in person-days of the month (min_groep × days):
1. A node is hidden when one of its cells (for `dims` = 0: the node as a whole) has people but
   fewer than m person-days ("klein"; with dims > 0 "filtercel"), or when it is hidden for a
   coarser combination (what is hidden without a filter stays hidden with one).
2. For every shown node S, the part of S that no shown node inside S covers — S minus its
   maximal shown descendants, which is exactly what subtracting published numbers can isolate
   — must, in every cell, be empty or hold at least m person-days. Where it does not, the
   smallest shown node inside S that adds to that part is hidden too ("bescherming"), and the
   check is repeated until it holds everywhere.

Why this is enough: the shown nodes form, per cell, a laminar family (two nodes are nested or
disjoint), and the linear span of a laminar family is spanned by its "residual regions" (a node
minus its maximal members). So whatever anyone computes from the shown numbers of one month and
cell is a combination of residual sums, each over no one or over at least the minimum. A period
is shown only when its group is shown in every month of it, and a union of units only when each
of its nodes is, so periods and unions publish sums of numbers that are shown anyway. docs/
privacy.md gives the full reasoning and its limits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import polars as pl
from scipy import sparse

from queries import vraag

#: Attribute dimensions as bits of `dims`: API name -> bit.
BITS: dict[str, int] = {"leeftijdsklasse": 1, "geslacht": 2, "schaalgroep": 4}
ALLE_DIMS: tuple[int, ...] = tuple(sorted(range(8), key=lambda d: (d.bit_count(), d)))

#: Changes whenever the rule changes, so that stores built by an older rule are rebuilt.
VERSIE = 1
#: The queries the pattern reads (part of the store's build fingerprint).
QUERIES: tuple[str, ...] = (
    "publicatie_knopen", "publicatie_eigen", "kalender_maanden", "publicatie_attributen",
)  # fmt: skip

#: At most about this many node × month × attribute cells per block of months (float32: 16 MB per
#: array): the arrays of all months at once took 800 MB at the benchmark size.
_CELLEN_PER_BLOK = 1 << 22

#: Why a node is hidden.
KLEIN, BESCHERMING, FILTERCEL = 1, 2, 3

_CEL = ("lk", "gs", "sg")
_SCHEMA = {"maand": pl.Date, "knoop": pl.Int64, "dims": pl.Int8, "reden": pl.Int8}


def knoop(en: int, direct: bool = False) -> int:
    """The node of a unit (its subtree), or of its own staff when `direct`."""
    return 2 * en + int(direct)


def leeg() -> pl.DataFrame:
    """A pattern that hides nothing."""
    return pl.DataFrame(schema=_SCHEMA)


def bereken(cur: duckdb.DuckDBPyConnection, min_groep: int) -> pl.DataFrame:
    """The pattern: one row per hidden (month, node, dims), only where it is hidden for `dims`
    but not for any smaller combination (so a lookup for dims D takes every row whose dims is a
    subset of D)."""
    if min_groep <= 0:
        return leeg()
    knopen = vraag(cur, "publicatie_knopen")
    maanden = vraag(cur, "kalender_maanden")
    if not knopen.height or not maanden.height:
        return leeg()
    boom = _Boom.van(knopen)
    attributen = vraag(cur, "publicatie_attributen")
    eigen = _Eigen.van(cur, boom, maanden, attributen)
    # every month is decided on its own: a block of months at a time bounds the arrays
    per_blok = max(1, _CELLEN_PER_BLOK // (len(boom.knoop) * attributen.height))
    uit: list[pl.DataFrame] = []
    for begin in range(0, maanden.height, per_blok):
        blok = maanden.slice(begin, per_blok)
        s, b = _inhoud(boom, eigen.blok(begin, blok.height), blok.height, attributen.height)
        uit += _bereken_blok(boom, blok, attributen, s, b, min_groep)
        del s, b
    if not uit:
        return leeg()
    return pl.concat(uit).with_columns(pl.col("maand").cast(pl.Date)).sort("dims", "maand", "knoop")


def _bereken_blok(
    boom: _Boom,
    maanden: pl.DataFrame,
    attributen: pl.DataFrame,
    s: np.ndarray,
    b: np.ndarray,
    min_groep: int,
) -> list[pl.DataFrame]:
    """The hidden (month, node, dims) of these months, from their node × month × attribute
    arrays (in-service days s, ended spells b)."""
    drempel = (maanden["dagen"].to_numpy().astype(np.float32) * min_groep)[None, :, None]
    verborgen: dict[int, np.ndarray] = {}
    uit = []
    for dims in ALLE_DIMS:
        # what is hidden for a smaller combination stays hidden; the combinations one bit
        # smaller already hold everything hidden below them
        geerfd = np.zeros(s.shape[:2], dtype=bool)
        for bit in (1, 2, 4):
            if dims & bit:
                geerfd |= verborgen[dims & ~bit]
        if geerfd.all():
            verborgen[dims] = geerfd
            continue
        kaart = _celkaart(attributen, dims)
        sd, bd = _per_cel(s, kaart), _per_cel(b, kaart)
        inhoud = (sd > 0) | (bd > 0)
        klein = (inhoud & (sd < drempel)).any(axis=2) & ~geerfd
        zichtbaar = ~(geerfd | klein)
        extra = _secundair(boom, sd, bd, drempel, zichtbaar)
        del sd, bd, inhoud
        verborgen[dims] = geerfd | klein | extra
        for reden, masker in ((KLEIN if dims == 0 else FILTERCEL, klein), (BESCHERMING, extra)):
            n, m = np.nonzero(masker)
            uit.append(
                pl.DataFrame(
                    {
                        "maand": maanden["maand"].gather(m),
                        "knoop": boom.knoop[n],
                        "dims": np.full(len(n), dims, dtype=np.int8),
                        "reden": np.full(len(n), reden, dtype=np.int8),
                    },
                    schema=_SCHEMA,
                )
            )
    return uit


@dataclass(frozen=True)
class _Boom:
    """The nodes as arrays (sorted by depth): node number, parent index (-1 for a root), leaf
    flag, the node indices per depth, and per depth a matrix that adds children to parents."""

    knoop: np.ndarray
    ouder: np.ndarray
    blad: np.ndarray
    lagen: list[np.ndarray]
    optellers: list[sparse.csr_matrix]

    @classmethod
    def van(cls, knopen: pl.DataFrame) -> _Boom:
        knopen = knopen.sort("diepte", "knoop")
        nummers = knopen["knoop"].to_numpy().astype(np.int64)
        plek = np.full(int(nummers.max()) + 1, -1, dtype=np.int64)
        plek[nummers] = np.arange(len(nummers))
        ouder_nr = knopen["ouder"].fill_null(-1).to_numpy().astype(np.int64)
        ouder = np.where(ouder_nr >= 0, plek[np.maximum(ouder_nr, 0)], -1)
        diepte = knopen["diepte"].to_numpy().astype(np.int64)
        lagen = [np.nonzero(diepte == d)[0] for d in range(int(diepte.max()) + 1)]
        # roots (depth 0) have no parent: their matrix adds nothing
        optellers = [
            sparse.csr_matrix(
                (
                    np.ones(len(laag), dtype=np.float32),
                    (np.maximum(ouder[laag], 0), np.arange(len(laag))),
                ),
                shape=(len(nummers), len(laag)),
            )
            if d
            else sparse.csr_matrix((len(nummers), len(laag)), dtype=np.float32)
            for d, laag in enumerate(lagen)
        ]
        return cls(nummers, ouder, knopen["blad"].to_numpy().astype(bool), lagen, optellers)

    def op_tellen(
        self, waarden: np.ndarray, diepte: int, gewicht: np.ndarray | None = None
    ) -> np.ndarray:
        """Node × rest: each parent's sum over its children at `diepte` (optionally weighted
        per child and month)."""
        laag = waarden[self.lagen[diepte]]
        if gewicht is not None:
            laag = laag * gewicht
        som = self.optellers[diepte] @ laag.reshape(len(self.lagen[diepte]), -1)
        return np.asarray(som, dtype=waarden.dtype).reshape((len(self.knoop), *waarden.shape[1:]))


@dataclass(frozen=True)
class _Eigen:
    """What the pattern weighs, as arrays sorted by month: per row of publicatie_eigen the leaf
    node, month index and attribute index, with the in-service days (s) and ended spells (b)."""

    knoop: np.ndarray
    maand: np.ndarray
    attr: np.ndarray
    s: np.ndarray
    b: np.ndarray

    @classmethod
    def van(
        cls,
        cur: duckdb.DuckDBPyConnection,
        boom: _Boom,
        maanden: pl.DataFrame,
        attributen: pl.DataFrame,
    ) -> _Eigen:
        eigen = vraag(cur, "publicatie_eigen")
        eerste = maanden["maand"].to_numpy().astype("datetime64[D]")
        m = np.searchsorted(eerste, eigen["maand"].to_numpy().astype("datetime64[D]"))
        volgorde = np.argsort(m, kind="stable")
        # the own staff of a unit sits in its own-staff node when it has children, else in its
        # subtree node (the leaves of the node tree); every node above adds it up
        bladen = np.nonzero(boom.blad)[0]
        blad_van_eenheid = np.full(int(boom.knoop.max()) // 2 + 1, -1, dtype=np.int64)
        blad_van_eenheid[boom.knoop[bladen] // 2] = bladen
        n = blad_van_eenheid.astype(np.int32)[eigen["en"].to_numpy()[volgorde]]
        attrs = attributen["attr"].to_numpy().astype(np.int64)
        attr_plek = np.full(int(attrs.max()) + 1, -1, dtype=np.int16)
        attr_plek[attrs] = np.arange(attributen.height)
        a = attr_plek[eigen["attr"].to_numpy()[volgorde]]
        # whole numbers below 2^24 (one unit, month and cell): exact in float32
        s = eigen["s"].to_numpy()[volgorde].astype(np.float32)
        b = eigen["b"].to_numpy()[volgorde].astype(np.float32)
        m = m[volgorde].astype(np.int32)
        del eigen, volgorde
        return cls(n, m, a, s, b)

    def blok(self, begin: int, lengte: int) -> _Eigen:
        """The rows of months begin .. begin + lengte - 1, with month indices from 0."""
        van, tot = np.searchsorted(self.maand, (begin, begin + lengte))
        deel = slice(int(van), int(tot))
        return _Eigen(
            self.knoop[deel], self.maand[deel] - begin, self.attr[deel], self.s[deel], self.b[deel]
        )


def _inhoud(
    boom: _Boom, eigen: _Eigen, maanden: int, attributen: int
) -> tuple[np.ndarray, np.ndarray]:
    """In-service days (s) and ended spells (b) per node × month × attribute combination."""
    vorm = (len(boom.knoop), maanden, attributen)
    plat = np.ravel_multi_index((eigen.knoop, eigen.maand, eigen.attr), vorm)
    grootte = int(np.prod(vorm))
    # float32 holds every whole number below 2^24 exactly: far above any node's person-days in
    # one month and cell (70,000 people × 31 days is 2.2 million)
    s: np.ndarray = np.bincount(plat, weights=eigen.s, minlength=grootte)
    s = s.astype(np.float32).reshape(vorm)
    b: np.ndarray = np.bincount(plat, weights=eigen.b, minlength=grootte)
    b = b.astype(np.float32).reshape(vorm)
    del plat
    for diepte in range(len(boom.lagen) - 1, 0, -1):
        s += boom.op_tellen(s, diepte)
        b += boom.op_tellen(b, diepte)
    return s, b


def _celkaart(attributen: pl.DataFrame, dims: int) -> np.ndarray:
    """attribute combination × cell (0/1): which cell of `dims` each combination falls in."""
    delen = [k for bit, k in zip((1, 2, 4), _CEL, strict=True) if dims & bit]
    if not delen:
        return np.ones((attributen.height, 1), dtype=np.float32)
    cel = attributen.select(pl.struct(delen).rank("dense").cast(pl.Int64) - 1)[:, 0].to_numpy()
    kaart = np.zeros((attributen.height, int(cel.max()) + 1), dtype=np.float32)
    kaart[np.arange(attributen.height), cel] = 1.0
    return kaart


def _per_cel(waarden: np.ndarray, kaart: np.ndarray) -> np.ndarray:
    """node × month × attribute combination -> node × month × cell."""
    n, m, a = waarden.shape
    return (waarden.reshape(n * m, a) @ kaart).reshape(n, m, -1)


def _secundair(
    boom: _Boom, s: np.ndarray, b: np.ndarray, drempel: np.ndarray, zichtbaar: np.ndarray
) -> np.ndarray:
    """Hide more nodes until every shown node's uncovered part is empty or large enough.

    `s`, `b`: node × month × cell; `zichtbaar`: node × month, changed in place. Returns the
    extra hidden (node × month).
    """
    extra = np.zeros_like(zichtbaar)
    # only months in which something is hidden can have an uncovered part to repair
    heeft_inhoud = (s > 0).any(axis=2) | (b > 0).any(axis=2)
    maanden = np.nonzero((~zichtbaar & heeft_inhoud).any(axis=0))[0]
    if not len(maanden):
        return extra
    s, b = s[:, maanden], b[:, maanden]
    zicht = zichtbaar[:, maanden]
    drempel = drempel[:, maanden]
    diepte = np.zeros(len(boom.knoop), dtype=np.int64)
    for d, laag in enumerate(boom.lagen):
        diepte[laag] = d
    ouder_knoop = ~boom.blad[:, None]
    while True:
        u, ub = _onbedekt(boom, s, b, zicht)
        fout = zicht & ouder_knoop & (((u > 0) | (ub > 0)) & (u < drempel)).any(axis=2)
        if not fout.any():
            break
        # per month the highest broken nodes first: what they hide may repair the rest
        hoogste = np.where(fout, diepte[:, None], len(boom.lagen)).min(axis=0)
        fout &= diepte[:, None] == hoogste[None, :]
        naaste = _naaste_zichtbare(boom, zicht)
        for sk, m in zip(*np.nonzero(fout), strict=True):
            cellen = ((u[sk, m] > 0) | (ub[sk, m] > 0)) & (u[sk, m] < drempel[0, m])
            kandidaat = np.nonzero((naaste[:, m] == sk) & zicht[:, m])[0]
            kandidaat = kandidaat[(s[kandidaat, m][:, cellen] > 0).any(axis=1)]
            if not len(kandidaat):  # impossible in a consistent tree; never loop forever
                raise RuntimeError("publicatiepatroon: geen knoop om te verbergen")
            # best: a node whose own uncovered part adds to the broken cells, then the
            # smallest, then the lowest number (deterministic)
            helpt = (u[kandidaat, m][:, cellen] > 0).any(axis=1)
            omvang = s[kandidaat, m].sum(axis=1)
            keuze = kandidaat[np.lexsort((boom.knoop[kandidaat], omvang, ~helpt))[0]]
            zicht[keuze, m] = False
            extra[keuze, maanden[m]] = True
    zichtbaar[:, maanden] = zicht
    return extra


def _onbedekt(
    boom: _Boom, s: np.ndarray, b: np.ndarray, zichtbaar: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The part of each node that no shown node inside it covers (node × month × cell): a leaf
    is all its own staff; any other node the uncovered parts of its hidden parts."""
    blad = boom.blad[:, None, None]
    u = np.where(blad, s, np.float32(0))
    ub = np.where(blad, b, np.float32(0))
    for diepte in range(len(boom.lagen) - 1, 0, -1):
        verborgen = ~zichtbaar[boom.lagen[diepte]][:, :, None]
        u += boom.op_tellen(u, diepte, verborgen)
        ub += boom.op_tellen(ub, diepte, verborgen)
    return u, ub


def _naaste_zichtbare(boom: _Boom, zichtbaar: np.ndarray) -> np.ndarray:
    """Per node and month the index of its nearest shown strict ancestor (-1: none)."""
    naaste = np.full(zichtbaar.shape, -1, dtype=np.int64)
    for laag in boom.lagen[1:]:
        ouder = boom.ouder[laag]
        naaste[laag] = np.where(zichtbaar[ouder], ouder[:, None], naaste[ouder])
    return naaste


# -- lookups ---------------------------------------------------------------------------------------


def dims_van(namen: Iterable[str]) -> int:
    """The bitmask of attribute dimensions by API name."""
    return sum(BITS[n] for n in set(namen))


def verborgen_voor(
    patroon: pl.DataFrame, dims: int, maanden: Sequence[dt.date], knopen: Sequence[int]
) -> pl.DataFrame:
    """The hidden (maand, knoop) among these months and nodes for an attribute combination."""
    return (
        patroon.filter(
            (pl.col("dims") & dims) == pl.col("dims"),
            pl.col("maand").is_in(list(maanden)),
            pl.col("knoop").is_in(list(knopen)),
        )
        .select("maand", "knoop", "reden")
        .sort("reden")
        .unique(["maand", "knoop"], keep="first")
    )
