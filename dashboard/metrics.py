"""The metrics API: the numbers of DESIGN section 3 for periods × groups, suppression applied.

Pages, exports and the CLI all call `kerncijfers`; none of them computes a metric itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

import queries
from dashboard import catalogus, privacy, publicatie
from dashboard.hierarchy import Boom
from dashboard.periods import Maand, Periode, perioden
from dashboard.store import Store

#: Attribute dimensions of the employment periods: API name -> fact column.
DIMENSIES: dict[str, str] = {"leeftijdsklasse": "lk", "geslacht": "gs", "schaalgroep": "sg"}
#: Duration classes (DESIGN 3) and the CLI's columns come from the metric catalogue.
DUURKLASSEN: tuple[str, ...] = tuple(catalogus.DUURKLASSEN)
DUURKLASSE_LABELS: dict[str, str] = catalogus.DUURKLASSEN
CLI_KOLOMMEN: tuple[str, ...] = catalogus.CLI_KOLOMMEN

#: Fact columns as the API names them after summing (scaled day weights become days).
_SOMMEN: tuple[str, ...] = tuple(t.naam for t in catalogus.TELLINGEN)
#: Counts taken at the end of a period (its last month), not summed over its months.
_EINDE: tuple[str, ...] = tuple(t.kolom for t in catalogus.TELLINGEN if t.einde)


class SelectieFout(ValueError):
    """A selection the data cannot answer (unknown unit, no access); the message is Dutch."""


@dataclass(frozen=True)
class Filter:
    """Attribute filter: empty tuples mean 'all'."""

    leeftijdsklasse: tuple[str, ...] = ()
    geslacht: tuple[str, ...] = ()
    schaalgroep: tuple[str, ...] = ()

    @property
    def leeg(self) -> bool:
        """True when nothing is filtered."""
        return not (self.leeftijdsklasse or self.geslacht or self.schaalgroep)


@dataclass(frozen=True)
class Groep:
    """A group of units whose numbers are shown together (a unit with its descendants, a total)."""

    label: str
    eenheden: tuple[str, ...]
    naam: str = ""


# -- groups --------------------------------------------------------------------------------------


def _toegestaan(boom: Boom, toegang: frozenset[str] | None) -> list[str]:
    return [o for o in boom.organisaties if toegang is None or o in toegang]


def groepen(
    boom: Boom, eenheden: Sequence[str] | None = None, toegang: frozenset[str] | None = None
) -> list[Groep]:
    """One group per unit (with its descendants), or one 'totaal' group over everything allowed."""
    organisaties = _toegestaan(boom, toegang)
    if not eenheden:
        alles = tuple(u for o in organisaties for u in boom.afstammelingen(o))
        return [Groep("totaal", alles, "Totaal")]
    result = []
    for code in eenheden:
        if code not in boom.eenheden:
            raise SelectieFout(f"onbekende eenheid '{code}'")
        if boom.eenheden[code].organisatie not in organisaties:
            raise SelectieFout(f"geen toegang tot eenheid '{code}'")
        result.append(Groep(code, tuple(boom.afstammelingen(code)), boom.naam(code)))
    return result


def onderdelen(boom: Boom, eenheid: str, toegang: frozenset[str] | None = None) -> list[Groep]:
    """The parts of a unit: each child with its descendants, plus the unit's own staff."""
    (ouder,) = groepen(boom, [eenheid], toegang)
    delen = [
        Groep(k, tuple(boom.afstammelingen(k)), boom.naam(k))
        for k in boom.kinderen.get(eenheid, [])
    ]
    if delen:
        delen.append(Groep(f"{eenheid}:direct", (eenheid,), f"{boom.naam(eenheid)} (direct)"))
    return delen or [ouder]


def op_niveau(
    boom: Boom, organisatie: str, niveau: int, toegang: frozenset[str] | None = None
) -> list[Groep]:
    """Every unit at one level of an organisation, each with its descendants."""
    return groepen(boom, boom.op_niveau(organisatie, niveau), toegang)


def organisaties_van(boom: Boom, groepen_: Sequence[Groep]) -> list[str]:
    """The client organisations the groups' units belong to."""
    return sorted(
        {boom.eenheden[u].organisatie for g in groepen_ for u in g.eenheden if u in boom.eenheden}
    )


# -- periods -------------------------------------------------------------------------------------


def periodes(
    boom: Boom, groepen_: Sequence[Groep], van: Maand, tot: Maand, per: str
) -> list[Periode]:
    """The periods to show: `van`..`tot` split by `per`, never past the last showable month."""
    laatste = boom.laatste_maand(organisaties_van(boom, groepen_))
    if laatste is None:
        return []
    return perioden(van, min(tot, laatste), per)


def _periode_frames(ps: Sequence[Periode]) -> tuple[pl.DataFrame, pl.DataFrame]:
    maanden = pl.DataFrame(
        [
            {"periode_id": i, "maand": m.eerste_dag, "laatste_maand": p.tot.eerste_dag}
            for i, p in enumerate(ps)
            for m in p.maanden
        ],
        schema={"periode_id": pl.Int64, "maand": pl.Date, "laatste_maand": pl.Date},
    )
    info = pl.DataFrame(
        {
            "periode_id": list(range(len(ps))),
            "periode": [p.label for p in ps],
            "van": [p.begin for p in ps],
            "tot": [p.eind for p in ps],
            "k": [p.k for p in ps],
            "dagen": [p.dagen for p in ps],
        },
        schema={
            "periode_id": pl.Int64,
            "periode": pl.String,
            "van": pl.Date,
            "tot": pl.Date,
            "k": pl.Int64,
            "dagen": pl.Int64,
        },
    )
    return maanden, info


def _groep_frame(boom: Boom, groepen_: Sequence[Groep]) -> pl.DataFrame:
    """Group label per unit key (`en`, the facts' compact unit number)."""
    return pl.DataFrame(
        [
            {"groep": g.label, "en": boom.eenheden[u].nr}
            for g in groepen_
            for u in g.eenheden
            if u in boom.eenheden
        ],
        schema={"groep": pl.String, "en": pl.Int32},
    )


# -- the metrics ---------------------------------------------------------------------------------


def kerncijfers(
    store: Store,
    boom: Boom,
    ps: Sequence[Periode],
    groepen_: Sequence[Groep],
    *,
    filter: Filter = Filter(),
    uitsplitsing: str | None = None,
    min_groep: int = 10,
    met_nulverzuim: bool = True,
) -> pl.DataFrame:
    """All metrics per period and group (and attribute value when `uitsplitsing` names one).

    Rows come in the order of the periods, then the groups. What the publication pattern hides
    (dashboard.publicatie) comes back with `onderdrukt` set, `reden_onderdrukt` saying why, and
    every number empty, whatever else is asked in the same call. `met_nulverzuim=False` skips
    nulverzuim for periods longer than a month (it is not additive and costs a pass over the
    employees); it is then empty.
    """
    if uitsplitsing is not None and uitsplitsing not in DIMENSIES:
        raise SelectieFout(f"onbekende uitsplitsing '{uitsplitsing}'")
    if not ps or not groepen_:
        return _leeg()
    filter = normaliseer(store, filter)
    maanden, info = _periode_frames(ps)
    groep_frame = _groep_frame(boom, groepen_)
    dim = DIMENSIES.get(uitsplitsing or "")
    sommen = _optelbaar(store, maanden, groep_frame, filter, dim)
    if met_nulverzuim:
        sommen = _met_nulverzuim(store, sommen, ps, maanden, groep_frame, filter, dim)
    else:
        lang = pl.col("periode_id").is_in([i for i, p in enumerate(ps) if p.k > 1])
        sommen = sommen.with_columns(
            pl.when(lang).then(None).otherwise(pl.col(c)).alias(c)
            for c in ("nul_medewerkers", "nul_zonder_verzuim")
        )

    # every period × group (× part) gets a row, also where no fact exists
    sleutels = info.select("periode_id").join(
        pl.DataFrame({"groep": [g.label for g in groepen_], "_volgorde": range(len(groepen_))}),
        how="cross",
    )
    if dim:
        delen = sommen.select(dim).unique().sort(dim)
        sleutels = sleutels.join(delen, how="cross")
    namen = pl.DataFrame(
        {"groep": [g.label for g in groepen_], "naam": [g.naam or g.label for g in groepen_]}
    ).unique("groep")
    lui = (
        sleutels.lazy()
        .join(sommen.lazy(), on=["periode_id", "groep", *([dim] if dim else [])], how="left")
        .with_columns([pl.col(c).fill_null(0) for c in _SOMMEN if not c.startswith("nul_")])
        .join(info.lazy(), on="periode_id")
        .join(namen.lazy(), on="groep", how="left")
        .sort(["periode_id", "_volgorde", *([dim] if dim else [])])
        .with_columns(pl.col("groep").alias("eenheid"))
    )
    if dim:
        lui = lui.rename({dim: "deel"})
    dims = publicatie.dims_van(
        [*(n for n in DIMENSIES if getattr(filter, n)), *([uitsplitsing] if uitsplitsing else [])]
    )
    verborgen = _verborgen(store, boom, maanden, groepen_, dims, min_groep)
    if dims and min_groep > 0:
        # counts of persons with a rare property: a filtered total next to the unfiltered units
        # can pin one such person to a small cell when the count is tiny (docs/privacy.md)
        lui = lui.with_columns(pl.lit(None, pl.Float64).alias(c) for c in PERSOONSTELLINGEN)
    lui = lui.join(verborgen.lazy(), on=["periode_id", "groep"], how="left", maintain_order="left")
    lui = privacy.onderdruk(_afgeleid(lui), min_groep).with_columns(
        pl.when(pl.col("onderdrukt") & ~pl.col("geen_gegevens"))
        .then(pl.col("reden_onderdrukt").fill_null(REDENEN[publicatie.KLEIN]))
        .otherwise(None)
        .alias("reden_onderdrukt")
    )
    return lui.drop("_volgorde", "groep", "_patroon").collect()


#: Counts of persons with a rare property, not shown with an attribute filter or breakdown.
PERSOONSTELLINGEN: tuple[str, ...] = tuple(t.naam for t in catalogus.TELLINGEN if t.persoon)

#: Why a group is not shown (the column `reden_onderdrukt`).
REDENEN: dict[int, str] = {
    publicatie.KLEIN: "klein",
    publicatie.BESCHERMING: "bescherming",
    publicatie.FILTERCEL: "filtercel",
}


def knopen_van(boom: Boom, groep: Groep) -> list[int]:
    """The nodes of the publication pattern a group is made of: its units as a disjoint union
    of whole subtrees and, where only part of a subtree is in the group, own-staff nodes."""
    eenheden = {u for u in groep.eenheden if u in boom.eenheden}
    volledig: dict[str, bool] = {}

    def heel(code: str) -> bool:
        if code not in volledig:
            volledig[code] = code in eenheden and all(heel(k) for k in boom.kinderen.get(code, []))
        return volledig[code]

    knopen = []
    for code in eenheden:
        e = boom.eenheden[code]
        if heel(code):
            if e.ouder is None or not heel(e.ouder):
                knopen.append(publicatie.knoop(e.nr))
        else:
            # part of the subtree is missing: only the unit's own staff is in the group
            knopen.append(publicatie.knoop(e.nr, direct=True))
    return knopen


def _verborgen(
    store: Store,
    boom: Boom,
    maanden: pl.DataFrame,
    groepen_: Sequence[Groep],
    dims: int,
    min_groep: int,
) -> pl.DataFrame:
    """(periode_id, groep, _patroon, reden_onderdrukt): the period × group cells the pattern
    hides: a group is hidden in a period when one of its nodes is hidden in one of its months."""
    leeg = pl.DataFrame(
        schema={"periode_id": pl.Int64, "groep": pl.String, "_patroon": pl.Boolean,
                "reden_onderdrukt": pl.String}
    )  # fmt: skip
    patroon = privacy.patroon(store, min_groep)
    if not patroon.height:
        return leeg
    knopen = pl.DataFrame(
        [(g.label, k) for g in groepen_ for k in knopen_van(boom, g)],
        schema={"groep": pl.String, "knoop": pl.Int64},
        orient="row",
    ).unique()
    verborgen = publicatie.verborgen_voor(
        patroon, dims, maanden["maand"].unique().to_list(), knopen["knoop"].unique().to_list()
    )
    if not verborgen.height:
        return leeg
    return (
        verborgen.join(knopen, on="knoop")
        .join(maanden.select("periode_id", "maand"), on="maand")
        .group_by("periode_id", "groep")
        .agg(pl.col("reden").min())
        .select(
            "periode_id",
            "groep",
            pl.lit(True).alias("_patroon"),
            pl.col("reden")
            .replace_strict(REDENEN, return_dtype=pl.String)
            .alias("reden_onderdrukt"),
        )
    )


def niet_getoond(
    store: Store, boom: Boom, codes: Sequence[str], van: Maand, tot: Maand, min_groep: int
) -> dict[str, tuple[Maand, str]]:
    """Units (each with its descendants) that are hidden in some month of `van`..`tot`, with the
    first such month and why ('klein' or 'bescherming'): such a unit cannot be part of a union
    of units (a pilot or comparison group), since the union minus the rest would show it."""
    groepen_ = [Groep(c, tuple(boom.afstammelingen(c)), boom.naam(c)) for c in codes]
    ps = periodes(boom, groepen_, van, tot, "maand")
    if not ps or not groepen_ or min_groep <= 0:
        return {}
    frame = kerncijfers(store, boom, ps, groepen_, min_groep=min_groep, met_nulverzuim=False)
    verborgen = frame.filter(pl.col("onderdrukt") & ~pl.col("geen_gegevens")).sort("van")
    uit: dict[str, tuple[Maand, str]] = {}
    for r in verborgen.iter_rows(named=True):
        uit.setdefault(r["eenheid"], (Maand.of(r["van"]), r["reden_onderdrukt"] or "klein"))
    return uit


def normaliseer(store: Store, filter: Filter) -> Filter:
    """The filter without attributes whose selection covers every value in the data: those
    select everyone, and must not be treated (and suppressed) as a filter."""
    if filter.leeg:
        return filter
    waarden = store.onthoud(("attribuutwaarden", store.gegevensversie), lambda: _waarden(store))
    return Filter(
        **{
            naam: () if set(waarden[naam]) <= set(getattr(filter, naam)) else getattr(filter, naam)
            for naam in DIMENSIES
        }
    )


def _waarden(store: Store) -> dict[str, tuple[str, ...]]:
    frame = store.query("attribuutwaarden")
    return {naam: tuple(sorted(set(frame[kolom].to_list()))) for naam, kolom in DIMENSIES.items()}


def _optelbaar(
    store: Store, maanden: pl.DataFrame, groep_frame: pl.DataFrame, filter: Filter, dim: str | None
) -> pl.DataFrame:
    """Sum the monthly facts per period and group (and attribute value when `dim` is set)."""
    relaties = {"perioden_maanden": maanden, "groepen": groep_frame}
    if filter.leeg and dim is None:
        feiten = store.query("kerncijfers_optelbaar", relaties=relaties)
    else:
        feiten = store.query(
            "kerncijfers_optelbaar_attributen",
            params={
                "leeftijdsklassen": list(filter.leeftijdsklasse),
                "geslachten": list(filter.geslacht),
                "schaalgroepen": list(filter.schaalgroep),
            },
            relaties=relaties,
        )
    sleutel = ["periode_id", "groep", *([dim] if dim else [])]
    tellingen = [c for c in feiten.columns if c not in (*sleutel, "einde", "lk", "gs", "sg")]
    # summed in polars (faster than DuckDB's hash aggregate for these wide, small groups) as
    # integers, so the result never depends on the order of addition; scaled day weights become
    # days only after summing
    som = feiten.group_by(sleutel).agg(
        *[pl.col(c).cast(pl.Int64).sum() for c in tellingen if c not in _EINDE],
        *[pl.col(c).filter(pl.col("einde")).cast(pl.Int64).sum() for c in _EINDE],
    )
    geschaald = {t.kolom: t for t in catalogus.TELLINGEN if t.schaal != 1}
    return som.with_columns(
        *[(pl.col(c) / t.schaal).alias(t.naam) for c, t in geschaald.items()],
        *[pl.col(c).cast(pl.Float64) for c in tellingen if c not in geschaald],
    ).drop(list(geschaald))


def _met_nulverzuim(
    store: Store,
    sommen: pl.DataFrame,
    ps: Sequence[Periode],
    maanden: pl.DataFrame,
    groep_frame: pl.DataFrame,
    filter: Filter,
    dim: str | None,
) -> pl.DataFrame:
    """Nulverzuim is not additive over months: periods of more than one month are computed anew."""
    lang = [i for i, p in enumerate(ps) if p.k > 1]
    if not lang:
        return sommen
    ruw = store.query(
        "nulverzuim_per_periode",
        relaties={
            "perioden_maanden": maanden.filter(pl.col("periode_id").is_in(lang)),
            "groepen": groep_frame,
        },
    )
    for naam, kolom in DIMENSIES.items():
        waarden = getattr(filter, naam)
        if waarden:
            ruw = ruw.filter(pl.col(kolom).is_in(list(waarden)))
    sleutel = ["periode_id", "groep", *([dim] if dim else [])]
    nul = (
        ruw.join(groep_frame, on="en")
        .group_by(sleutel)
        .agg(
            pl.col("medewerkers").sum().cast(pl.Float64).alias("_nul_n"),
            pl.col("zonder_verzuim").sum().cast(pl.Float64).alias("_nul_z"),
        )
    )
    lange_ids = pl.col("periode_id").is_in(lang)
    return (
        sommen.join(nul, on=sleutel, how="full", coalesce=True)
        .with_columns(
            pl.when(lange_ids).then(pl.col("_nul_n")).otherwise(pl.col("nul_medewerkers")).alias("nul_medewerkers"),
            pl.when(lange_ids).then(pl.col("_nul_z")).otherwise(pl.col("nul_zonder_verzuim")).alias("nul_zonder_verzuim"),
        )
        .drop("_nul_n", "_nul_z")
    )  # fmt: skip


def _deel(teller: pl.Expr, noemer: pl.Expr, factor: float = 1.0) -> pl.Expr:
    return pl.when(noemer > 0).then(teller * factor / noemer).otherwise(None)


def _afgeleid(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Every metric of the catalogue from the summed counts (D = calendar days, k = months)."""
    frame = frame.with_columns(
        pl.sum_horizontal([pl.col(f"verzuimdagen_{k}") for k in DUURKLASSEN]).alias("verzuimdagen"),
        (pl.col("bezettingsdagen") / pl.col("dagen")).alias("bezetting"),
    )
    # metrics that others are computed from come first (bezetting is the denominator of the
    # frequency): each pass may use what the previous one made
    eerst = [m for m in catalogus.METRIEKEN if m.berekening in ("som", "per_dag")]
    dan = [m for m in catalogus.METRIEKEN if m.berekening not in ("som", "per_dag")]
    frame = frame.with_columns(_formule(m).alias(m.sleutel) for m in eerst if m.sleutel != m.teller)
    return frame.with_columns(_formule(m).alias(m.sleutel) for m in dan)


def _formule(m: catalogus.Metriek) -> pl.Expr:
    teller = pl.col(m.teller)
    noemer = pl.col(m.noemer) if m.noemer else pl.lit(None)
    if m.berekening == "som":
        return teller
    if m.berekening == "per_dag":
        return teller / pl.col("dagen")
    if m.berekening == "procent":
        return _deel(teller, noemer, 100)
    if m.berekening == "per_jaar":
        return _deel(teller * 12 / pl.col("k"), noemer)
    return _deel(teller, noemer)


def _leeg() -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            c: pl.String
            if c in ("periode", "eenheid")
            else pl.Boolean
            if c == "onderdrukt"
            else pl.Float64
            for c in CLI_KOLOMMEN
        }
    )


# -- shortcuts used by pages, exports and the CLI ------------------------------------------------


def reeks(
    store: Store,
    boom: Boom,
    groep: Groep,
    van: Maand,
    tot: Maand,
    per: str = "maand",
    *,
    filter: Filter = Filter(),
    min_groep: int = 10,
) -> pl.DataFrame:
    """A time series for one group."""
    ps = periodes(boom, [groep], van, tot, per)
    return kerncijfers(store, boom, ps, [groep], filter=filter, min_groep=min_groep)


def eerste_maand(store: Store) -> Maand | None:
    """The first month the absence extract really covers (where trends start).

    An extract often holds a few long spells that began years before it starts; the months
    before its real start would show almost no absence. So: the first month with at least a
    quarter of the median monthly number of new reports.
    """

    def zoek() -> Maand | None:
        rows = store.sql(queries.sql("eerste_maand"))
        waarde = rows[0][0] if rows else None
        return Maand.of(waarde) if isinstance(waarde, dt.date) else None

    # a property of the stored data: found once per import
    uit: Maand | None = store.onthoud(("eerste_maand", store.gegevensversie), zoek)
    return uit


# -- sums over persons, for the statistics ------------------------------------------------------

#: What each person contributes to a metric's numerator and denominator (catalogue names) in
#: queries/persoon_sommen.sql: absence days v of available days b, new reports r in d days in
#: service (bezetting is in-service days over the period's days).
_PERSOON: dict[str, str] = {
    "verzuimdagen": "v", "beschikbare_dagen": "b", "meldingen": "r", "bezetting": "d",
}  # fmt: skip
#: The columns of `persoonsommen`'s frames, the names of statistiek.Persoonsommen (a test checks).
PERSOONSOMMEN: tuple[str, ...] = ("personen", "n", "y", "yy", "nn", "yn")


def persoonsommen(
    store: Store,
    boom: Boom,
    ps: Sequence[Periode],
    groepen_: Sequence[Groep],
    metrieken: Sequence[str],
    *,
    filter: Filter = Filter(),
    min_groep: int = 10,
) -> dict[str, pl.DataFrame]:
    """Per metric, per period and group: the sums over the group's persons of their size nᵢ and
    outcome yᵢ (Σnᵢ, Σyᵢ, Σyᵢ², Σnᵢ², Σyᵢnᵢ) and their number, for statistics that take persons
    as the sampling unit (dashboard.statistiek.persoon).

    nᵢ and yᵢ are the person's share of the metric's denominator and numerator over all their
    months and units in the group: available and absence days for a percentage of days;
    person-years (in-service days / D × k / 12) and new reports for a rate per year. Summed
    inside the store: no person's row comes out. Only for groups the publication pattern shows
    (the same cells as `kerncijfers`): a hidden or empty group has `onderdrukt` set and no sums.
    Columns: periode, eenheid, onderdrukt, then PERSOONSOMMEN.
    """
    paren = {}
    for sleutel in metrieken:
        m = catalogus.metriek(sleutel)
        if m.noemer not in _PERSOON or m.teller not in _PERSOON:
            raise SelectieFout(f"geen cijfers per persoon voor '{sleutel}'")
        paren[sleutel] = (m, _PERSOON[m.teller], _PERSOON[m.noemer])
    if not ps or not groepen_:
        return {s: _leeg_sommen() for s in metrieken}
    filter = normaliseer(store, filter)
    maanden, info = _periode_frames(ps)
    sommen = store.query(
        "persoon_sommen",
        params={
            "leeftijdsklassen": list(filter.leeftijdsklasse),
            "geslachten": list(filter.geslacht),
            "schaalgroepen": list(filter.schaalgroep),
        },
        relaties={"perioden_maanden": maanden, "groepen": _groep_frame(boom, groepen_)},
    )
    sleutels = info.select("periode_id", "periode", "k", "dagen").join(
        pl.DataFrame({"groep": [g.label for g in groepen_], "_volgorde": range(len(groepen_))}),
        how="cross",
    )
    dims = publicatie.dims_van([n for n in DIMENSIES if getattr(filter, n)])
    verborgen = _verborgen(store, boom, maanden, groepen_, dims, min_groep)
    basis = (
        sleutels.join(sommen, on=["periode_id", "groep"], how="left")
        .join(verborgen.select("periode_id", "groep", "_patroon"), on=["periode_id", "groep"],
              how="left")
        .with_columns(
            # hidden as kerncijfers hides it: the pattern, a bezetting below the minimum, or no one
            (pl.col("_patroon").fill_null(False) | pl.col("personen").is_null()
             | (pl.col("b") <= 0) | (pl.col("d") / pl.col("dagen") < min_groep)).alias("onderdrukt")
        )
        .sort(["periode_id", "_volgorde"])
    )  # fmt: skip
    uit = {}
    for sleutel, (m, y, n) in paren.items():
        # a rate per year: the person's in-service days as person-years of the period
        f = pl.col("k") / (12 * pl.col("dagen")) if m.berekening == "per_jaar" else pl.lit(1.0)

        def som(expr: pl.Expr, naam: str) -> pl.Expr:
            return (
                pl.when(pl.col("onderdrukt"))
                .then(None)
                .otherwise(expr)
                .cast(pl.Float64)
                .alias(naam)
            )

        uit[sleutel] = basis.select(
            "periode",
            pl.col("groep").alias("eenheid"),
            "onderdrukt",
            pl.when(pl.col("onderdrukt"))
            .then(None)
            .otherwise(pl.col("personen"))
            .cast(pl.Int64)
            .alias("personen"),
            som(pl.col(n) * f, "n"),
            som(pl.col(y), "y"),
            som(pl.col(y + y), "yy"),
            som(pl.col(n + n) * f * f, "nn"),
            som(pl.col(y + n) * f, "yn"),
        )
    return uit


def _leeg_sommen() -> pl.DataFrame:
    return pl.DataFrame(
        schema={"periode": pl.String, "eenheid": pl.String, "onderdrukt": pl.Boolean,
                "personen": pl.Int64, **dict.fromkeys(PERSOONSOMMEN[1:], pl.Float64)}
    )  # fmt: skip


def spc_covariantie(
    store: Store,
    boom: Boom,
    groep: Groep,
    maanden: Sequence[tuple[dt.date, float, bool]],
    metriek: str,
    *,
    filter: Filter = Filter(),
) -> list[list[float]]:
    """The covariance matrix, with persons as the sampling unit, of the seasonally adjusted
    contrasts of the months in `maanden` ((first day, seasonal factor, in the baseline)) with
    their pooled baseline, for one group (queries/spc_covariantie.sql;
    `statistiek.spc.persoonskaart`). Pass only months `kerncijfers` shows: the matrix is a sum
    over persons and leaves no person's row. Row and column i belong to `maanden[i]`; a month
    without anyone in service has zeros."""
    m = catalogus.metriek(metriek)
    if m.familie not in ("dagen_per_persoon", "telling_per_persoonjaar"):
        raise SelectieFout(f"geen regelkaart per persoon voor '{metriek}'")
    aantal = len(maanden)
    if not aantal or not any(b for _, _, b in maanden):
        return [[0.0] * aantal for _ in range(aantal)]
    filter = normaliseer(store, filter)
    rel = pl.DataFrame(
        {
            "i": list(range(aantal)),
            "maand": [d for d, _, _ in maanden],
            "factor": [f for _, f, _ in maanden],
            "basis": [b for _, _, b in maanden],
        },
        schema={"i": pl.Int32, "maand": pl.Date, "factor": pl.Float64, "basis": pl.Boolean},
    )
    rijen = store.query(
        "spc_covariantie",
        params={
            "per_jaar": m.familie == "telling_per_persoonjaar",
            "leeftijdsklassen": list(filter.leeftijdsklasse),
            "geslachten": list(filter.geslacht),
            "schaalgroepen": list(filter.schaalgroep),
        },
        relaties={"maanden": rel, "groepen": _groep_frame(boom, [groep]).select("en")},
    )
    uit = [[0.0] * aantal for _ in range(aantal)]
    for t, s, c in rijen.iter_rows():  # t ≤ s: the matrix is symmetric
        uit[t][s] = uit[s][t] = float(c)
    return uit
