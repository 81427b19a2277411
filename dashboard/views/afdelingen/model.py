"""Afdelingen, the data: units of one level side by side, told apart from noise.

One call of the metrics API gives the basis period, the same period a year earlier and the last
24 months for every shown unit; a second gives the same for the reference unit (the parent whose
parts are shown); a third the sums over each unit's persons in the basis period
(`metrics.persoonsommen`). `dashboard.statistiek` turns those into each unit's own interval
(persons as the sampling unit), the spread between units τ² and the funnel positions; the titles
(`teksten`) only claim "boven" where the funnel says so.

For the Maandoverleg and other callers, the stable result is `Afdelingen.eenheden`, per unit and
for each metric of `METRIEKEN`: `<metriek>_laag` / `<metriek>_hoog` (the unit's 95% interval),
`<metriek>_klasse_95` / `<metriek>_klasse_998` ('boven', 'binnen', 'onder' against the funnel's
95% and 99.8% limits, null for hidden units), `<metriek>_z` and `<metriek>_grootte`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import polars as pl

from dashboard import catalogus, metrics, statistiek
from dashboard.hierarchy import Boom
from dashboard.i18n import t
from dashboard.periods import Maand, Periode
from dashboard.statistiek import verandering
from dashboard.store import Store
from dashboard.views import Context

#: Period bases of the comparison: the rolling 12 months up to the selected month, or the month.
BASISSEN: tuple[str, ...] = ("r12", "maand")
#: The rates a unit is ranked and funnelled on: the catalogue's Afdelingen choices.
METRIEKEN: tuple[str, ...] = tuple(m.sleutel for m in catalogus.met_keuze("afdelingen"))
#: The columns each metric adds to `Afdelingen.eenheden` (`<metriek>_<kolom>`), a stable API.
STATISTIEK_KOLOMMEN: tuple[str, ...] = ("laag", "hoog", "klasse_95", "klasse_998", "z", "grootte")
#: Level 0 stands for "the parts of the selected unit"; 1, 2, ... for a depth of the organisation.
ONDERDELEN = 0
HEATMAP_MAANDEN = 24
SPC_MAANDEN = 36
SPC_BASIS = 24
#: Fewer units with numbers than this: no funnel and no funnel classes (nothing to compare with).
MIN_FUNNEL = 3

#: Unit kinds recognised from the names: name prefix -> kind (see `teksten.SOORTEN`).
_SOORTEN: tuple[tuple[str, str], ...] = (
    ("Directoraat-generaal ", "directoraat-generaal"),
    ("Directie ", "directie"),
    ("Afdeling ", "afdeling"),
)
#: The kind when the shown units are of mixed or unknown kinds.
EENHEID = "eenheid"


@dataclass(frozen=True)
class Afdelingen:
    """The content of the Afdelingen view for one selection, level and period basis.

    `eenheden`: one row per shown group (basis period) with the API's metrics, `code` (the unit
    to drill into; null for a parent's own staff), `naam`, `ouder`, and per rate the columns
    `STATISTIEK_KOLOMMEN` (interval, funnel positions at 95% and 99.8%, z, size). `funnels`: per
    rate the comparison (`statistiek.Vergelijking`: target, κ, τ² and where it came from, limits). `vorig`: the same groups a year earlier. `maanden`: the groups
    per month. `ref` / `ref_maanden`: the reference unit (basis and a year earlier / per month).
    `soort`: the kind of every shown unit ('afdeling', 'directie', ...; 'eenheid' when mixed).
    """

    niveau: int
    referentie: str
    referentie_naam: str
    geselecteerd: str
    basis: str
    periode: Periode
    eenheden: pl.DataFrame
    vorig: pl.DataFrame
    maanden: pl.DataFrame
    ref: pl.DataFrame
    ref_maanden: pl.DataFrame
    funnels: dict[str, statistiek.Vergelijking]
    opmerking: str
    soort: str
    min_groep: int = 10
    markeer: frozenset[str] = frozenset()

    def getoond(self) -> pl.DataFrame:
        """Units with numbers in the basis period (neither suppressed nor empty)."""
        return self.eenheden.filter(~pl.col("onderdrukt") & ~pl.col("geen_gegevens"))

    def niet_getoond(self) -> list[str]:
        """Names of the units with data whose numbers are hidden (named in a footnote)."""
        weg = self.eenheden.filter(pl.col("onderdrukt") & ~pl.col("geen_gegevens"))
        return weg["naam"].to_list()

    def funnel_mogelijk(self) -> bool:
        """A funnel (and its classes) needs a few units with numbers to compare."""
        return self.getoond().height >= MIN_FUNNEL

    def ref_waarde(self, metriek: str) -> float | None:
        """The reference unit's value in the basis period (None when suppressed)."""
        rij = self.ref.filter(pl.col("periode") == "basis")
        if not rij.height or rij["onderdrukt"][0]:
            return None
        waarde = rij[metriek][0]
        return float(waarde) if waarde is not None else None

    def kwadrant_lijnen(self) -> tuple[float | None, float | None]:
        """The verzuimvenster's quadrant lines (meldingsfrequentie, verzuimpercentage): the
        reference unit's values, else the pooled rates of the units."""
        f = self.ref_waarde("meldingsfrequentie")
        p = self.ref_waarde("verzuimpercentage")
        return (
            f if f is not None else self.funnels["meldingsfrequentie"].doel,
            p if p is not None else self.funnels["verzuimpercentage"].doel,
        )

    def funnel_schaal(self, metriek: str) -> float:
        """From the statistics' size (beschikbare dagen, person-years) to what the reader knows
        (FTE, bezetting)."""
        if catalogus.metriek(metriek).familie == "dagen_per_persoon":
            return 1 / self.periode.dagen
        return 12 / self.periode.k

    def drilbaar(self) -> list[tuple[str, str]]:
        """(code, name) of the shown units one can drill into, in the ranking's order."""
        rijen = volgorde(self.eenheden, "verzuimpercentage")
        return [(r["code"], r["naam"]) for r in rijen.iter_rows(named=True) if r["code"]]


@dataclass(frozen=True)
class Regelkaart:
    """A unit's monthly verzuimpercentage on a seasonally adjusted control chart with persons as
    the sampling unit (`statistiek.spc.regelkaart` with `metrics.spc_covariantie`): `reeks` has `verwacht` (the centre line times the month's
    seasonal factor), `centrum`, `ondergrens`, `bovengrens` and `signaal` (a rule's name of
    `statistiek.spc.SIGNALEN`, or ''). `seizoensjaren`: the whole calendar years the seasonal
    factors come from (empty: fewer than two, the chart is not seasonally adjusted)."""

    eenheid: str
    naam: str
    reeks: pl.DataFrame
    basis_maanden: int
    seizoensjaren: tuple[int, ...] = ()


# -- building ------------------------------------------------------------------------------------


def niveaus(boom: Boom, organisatie: str) -> list[int]:
    """The levels one can choose: 0 (parts of the selected unit) and every depth below the root."""
    return [ONDERDELEN, *range(1, boom.diepte(organisatie) + 1)]


def perioden(maand: Maand, basis: str, eerste: Maand | None = None) -> tuple[Periode, Periode]:
    """The basis period and the same period a year earlier.

    Twelve months never reach back before `eerste` (where the extract starts): months without
    data would make bezetting and FTE look a fraction of what they are.
    """
    if basis == "maand":
        return Periode("basis", maand, maand), Periode("vorig", maand.plus(-12), maand.plus(-12))
    van = maand.plus(-11)
    if eerste is not None and van < eerste <= maand:
        van = eerste
    return Periode("basis", van, maand), Periode("vorig", maand.plus(-23), maand.plus(-12))


def _ouders(ctx: Context, niveau: int) -> tuple[list[str], str, str]:
    """The parents whose parts are shown, the reference unit, and a note for the reader."""
    boom, sel = ctx.boom, ctx.selectie
    if niveau == ONDERDELEN:
        eenheid = sel.eenheid
        ouder = boom.eenheden[eenheid].ouder
        if boom.kinderen.get(eenheid) or ouder is None:
            return [eenheid], eenheid, ""
        # a unit without parts: show it among its siblings, so drilling down never ends empty
        opmerking = t(
            "{eenheid} heeft geen onderliggende eenheden; hier staat zij naast de andere eenheden van {ouder}.",
            ctx.taal,
            eenheid=boom.naam(eenheid),
            ouder=boom.naam(ouder),
        )
        return [ouder], ouder, opmerking
    org = sel.organisatie
    ouders = [o for o in _op_niveau(boom, org, niveau - 1) if boom.kinderen.get(o)]
    return ouders, org, ""


def _op_niveau(boom: Boom, organisatie: str, niveau: int) -> list[str]:
    return [organisatie] if niveau == 0 else boom.op_niveau(organisatie, niveau)


def bouw(store: Store, ctx: Context, *, niveau: int = ONDERDELEN, basis: str = "r12") -> Afdelingen:
    """Units of one level (or the parts of the selected unit) in the basis period, a year earlier
    and over the last 24 months, with intervals and funnel positions."""
    boom, sel = ctx.boom, ctx.selectie
    if niveau not in niveaus(boom, sel.organisatie):
        niveau = ONDERDELEN
    if basis not in BASISSEN:
        basis = "r12"
    ouders, referentie, opmerking = _ouders(ctx, niveau)
    delen = [g for o in ouders for g in metrics.onderdelen(boom, o, ctx.toegang)]
    ouder_van = {
        g.label: (g.label.removesuffix(":direct") if g.label.endswith(":direct") else boom.eenheden[g.label].ouder or "")
        for g in delen
    }  # fmt: skip
    p, pv = perioden(sel.maand, basis, metrics.eerste_maand(store))
    maanden = metrics.periodes(
        boom, delen, _begin(store, sel.maand.plus(1 - HEATMAP_MAANDEN)), sel.maand, "maand"
    )
    ps = [p, pv, *maanden]
    (ref_groep,) = metrics.groepen(boom, [referentie], ctx.toegang)
    # one call for the parts and the reference (a group's rows do not depend on what else is
    # asked with it), split by label: the reference is the parts' parent, never one of them
    samen = metrics.kerncijfers(
        store, boom, ps, [*delen, ref_groep], filter=sel.filter, min_groep=ctx.min_groep,
        met_nulverzuim=False,
    )  # fmt: skip
    frame = samen.filter(pl.col("eenheid") != ref_groep.label)
    ref = samen.filter(pl.col("eenheid") == ref_groep.label)

    # a parent's own staff is a part on the parent's view, but no unit at a level of the tree;
    # and where nobody works directly under a unit, there is nothing to show
    toon = [
        g.label
        for g in delen
        if not g.label.endswith(":direct")
        or (niveau == ONDERDELEN and not frame.filter(pl.col("eenheid") == g.label)["geen_gegevens"].all())
    ]  # fmt: skip
    frame = frame.filter(pl.col("eenheid").is_in(toon)).with_columns(
        pl.col("eenheid").replace_strict(ouder_van, return_dtype=pl.String).alias("ouder"),
        pl.when(pl.col("eenheid").str.ends_with(":direct"))
        .then(None)
        .otherwise(pl.col("eenheid"))
        .alias("code"),
        pl.col("eenheid")
        .replace_strict(_namen(boom, toon, ouder_van, ctx.taal), return_dtype=pl.String)
        .alias("naam"),
    )
    eenheden = frame.filter(pl.col("periode") == "basis")
    getoond = [g for g in delen if g.label in toon]
    beide, tussen = _persoonsommen(store, ctx, p, getoond, list(METRIEKEN), eerder=pv)
    sommen = {m: f.filter(pl.col("periode") == p.label) for m, f in beide.items()}
    funnels: dict[str, statistiek.Vergelijking] = {}
    for metriek in METRIEKEN:
        mt = catalogus.metriek(metriek)
        assert mt.familie is not None
        eenheden = eenheden.with_columns(
            pl.col("eenheid")
            .replace_strict(
                _richtingen(beide[metriek], p, pv), default=None, return_dtype=pl.String
            )
            .alias(f"{metriek}_richting")
        )
        invoer = eenheden.join(
            sommen[metriek].select("eenheid", *statistiek.SOMMEN), on="eenheid", how="left"
        )
        v = statistiek.vergelijk(
            invoer,
            mt.familie,
            schaal=_schaal(metriek),
            tussen=tussen.get(metriek),
        )
        funnels[metriek] = _tot_klein(v)
        eenheden = eenheden.with_columns(
            v.eenheden[k].alias(f"{metriek}_{k}") for k in STATISTIEK_KOLOMMEN
        )
    return Afdelingen(
        niveau=niveau,
        referentie=referentie,
        referentie_naam=boom.naam(referentie),
        geselecteerd=sel.eenheid,
        basis=basis,
        periode=p,
        eenheden=eenheden,
        vorig=frame.filter(pl.col("periode") == "vorig"),
        maanden=frame.filter(~pl.col("periode").is_in(["basis", "vorig"])),
        ref=ref.filter(pl.col("periode").is_in(["basis", "vorig"])),
        ref_maanden=ref.filter(~pl.col("periode").is_in(["basis", "vorig"])),
        funnels=funnels,
        opmerking=opmerking,
        soort=soort(boom, toon),
        min_groep=ctx.min_groep,
        markeer=_markeer(boom, sel.eenheid, referentie, toon),
    )


def _schaal(metriek: str) -> float:
    """From the statistics' rate (a fraction, or reports per person-year) to the metric's units."""
    return 100.0 if catalogus.metriek(metriek).berekening == "procent" else 1.0


def _richtingen(sommen: pl.DataFrame, nu: Periode, toen: Periode) -> dict[str, str | None]:
    """Per unit: 'hoger', 'lager' or 'gelijk' now against a year earlier, by the one rule for a
    change (`statistiek.verandering`, persons as the sampling unit); None without both sums."""
    per: dict[tuple[str, str], statistiek.Persoonsommen | None] = {
        (r["eenheid"], r["periode"]): statistiek.Persoonsommen.uit(r)
        for r in sommen.iter_rows(named=True)
    }
    return {
        e: verandering.richting(per.get((e, nu.label)), per.get((e, toen.label)))
        for e in {e for e, _ in per}
    }


def _persoonsommen(
    store: Store,
    ctx: Context,
    p: Periode,
    getoond: list[metrics.Groep],
    metrieken: list[str],
    *,
    eerder: Periode | None = None,
) -> tuple[dict[str, pl.DataFrame], dict[str, statistiek.Heterogeniteit]]:
    """The persons' sums of the shown groups (in `p`, and in `eerder` too when given: column
    `periode`), and τ² for them from elsewhere when fewer than 15
    are shown: from the deepest level of the organisation with at least 15 units
    (`statistiek.heterogeniteit.doorgeven`), in the same query. No τ² from elsewhere when 15 or
    more are shown (they give their own), or when no level has 15 units with numbers: then the
    texts say that the comparison has little power."""
    boom, org, minimum = ctx.boom, ctx.selectie.organisatie, statistiek.MIN_EENHEDEN
    niveau, niveau_groepen = 0, []
    if 0 < len(getoond) < minimum:
        for kandidaat in range(boom.diepte(org), 0, -1):
            groepen_ = metrics.op_niveau(boom, org, kandidaat, ctx.toegang)
            if len(groepen_) >= minimum:
                niveau, niveau_groepen = kandidaat, groepen_
                break
    labels = {g.label for g in getoond}
    extra = [g for g in niveau_groepen if g.label not in labels]
    alles = metrics.persoonsommen(
        store, boom, [p] if eerder is None else [p, eerder], [*getoond, *extra], metrieken,
        filter=ctx.selectie.filter, min_groep=ctx.min_groep,
    )  # fmt: skip
    sommen = {m: f.filter(pl.col("eenheid").is_in(labels)) for m, f in alles.items()}
    # τ² from the selection period only
    alles = {m: f.filter(pl.col("periode") == p.label) for m, f in alles.items()}
    tussen: dict[str, statistiek.Heterogeniteit] = {}
    niveau_labels = {g.label for g in niveau_groepen}
    for metriek, f in alles.items() if niveau_groepen else ():
        frame = f.filter(pl.col("eenheid").is_in(niveau_labels))
        h = statistiek.vergelijking.heterogeniteit(frame)
        if h.bron != "eenheden":
            continue
        grootte = {r["eenheid"]: r["n"] for r in frame.iter_rows(named=True) if r["n"] is not None}
        aandelen = [_aandelen(boom, g, grootte) for g in getoond]
        tussen[metriek] = statistiek.heterogeniteit.doorgeven(h, aandelen, niveau)
    return sommen, tussen


def _aandelen(boom: Boom, groep: metrics.Groep, grootte: dict[str, float]) -> list[float]:
    """The shares in a group's size of the level's units inside it ([1] when the group is itself
    at or below that level, or is a parent's own staff)."""
    binnen = [n for code, n in grootte.items() if groep.label in boom.pad(code)]
    totaal = sum(binnen)
    if len(binnen) <= 1 or totaal <= 0:
        return [1.0]
    return [n / totaal for n in binnen]


def _tot_klein(v: statistiek.Vergelijking) -> statistiek.Vergelijking:
    """The limit curves from far left (a fiftieth of the largest unit), so the reader sees how
    wide they open for small units, also where no unit of that size is shown."""
    grootten = [g for g in v.eenheden["grootte"].to_list() if g is not None and g > 0]
    if v.doel is None or not grootten:
        return v
    raster = statistiek.funnel.grootte_raster(
        min(0.8 * min(grootten), max(grootten) / 50), 1.1 * max(grootten), 90
    )
    return replace(v, grenzen=v.grenzen_bij(raster))


def _markeer(boom: Boom, eenheid: str, referentie: str, labels: list[str]) -> frozenset[str]:
    """The shown units that are the selected unit or lie under it (none when it is the reference:
    then everything shown lies under it)."""
    if eenheid == referentie:
        return frozenset()
    return frozenset(
        label for label in labels if label in boom.eenheden and eenheid in boom.pad(label)
    )


def _begin(store: Store, gewenst: Maand) -> Maand:
    """Not before the first month the absence extract really covers."""
    eerste = metrics.eerste_maand(store)
    return max(gewenst, eerste) if eerste is not None else gewenst


def _namen(boom: Boom, labels: list[str], ouder_van: dict[str, str], taal: str) -> dict[str, str]:
    """Display names; a parent's own staff by the parent's name, equal names told apart."""
    namen = {
        label: (
            t("{naam} (eigen staf)", taal, naam=boom.naam(ouder_van[label]))
            if label.endswith(":direct")
            else boom.naam(label)
        )
        for label in labels
    }
    dubbel = {n for n, aantal in Counter(namen.values()).items() if aantal > 1}
    return {
        label: f"{naam} ({boom.naam(ouder_van[label])})" if naam in dubbel else naam
        for label, naam in namen.items()
    }


def soort(boom: Boom, labels: list[str]) -> str:
    """'afdeling' when every shown unit is one (likewise 'directie', 'directoraat-generaal'),
    else 'eenheid'."""
    namen = [boom.naam(label) for label in labels if not label.endswith(":direct")]
    if len(namen) == len(labels) and namen:
        for prefix, naam in _SOORTEN:
            if all(n.startswith(prefix) for n in namen):
                return naam
    return EENHEID


def regelkaart(store: Store, ctx: Context, *, eenheid: str) -> Regelkaart:
    """The last 36 months of one unit on a seasonally adjusted control chart: monthly factors
    from the whole calendar years before the last 12 months (at most four, at least two), the
    centre line from the first 24 months, each month's σ from the persons (the covariance of
    the months' contrasts with that baseline), the Making Data Count rules for dependent months.
    """
    sel = ctx.selectie
    begin = _begin(store, sel.maand.plus(1 - SPC_MAANDEN))
    return regelkaart_van(store, ctx, eenheid=eenheid, van=begin, tot=sel.maand)


def regelkaart_van(
    store: Store,
    ctx: Context,
    *,
    eenheid: str,
    van: Maand,
    tot: Maand,
    metriek: str = "verzuimpercentage",
) -> Regelkaart:
    """The control chart of one unit over `van`..`tot` (`regelkaart`; the CLI's `spc`)."""
    boom, sel = ctx.boom, ctx.selectie
    (groep,) = metrics.groepen(boom, [eenheid], ctx.toegang)
    eerder = _begin(store, Maand(tot.plus(-11).jaar - statistiek.spc.MAX_JAREN, 1))
    ps = metrics.periodes(boom, [groep], min(eerder, van), tot, "maand")
    alles = metrics.kerncijfers(
        store, boom, ps, [groep], filter=sel.filter, min_groep=ctx.min_groep
    )
    mt = catalogus.metriek(metriek)
    seizoen = statistiek.spc.seizoen_van(alles, mt, tot.plus(-11).eerste_dag)
    frame = alles.filter(pl.col("van") >= van.eerste_dag)
    basis = min(SPC_BASIS, frame.height)
    cov = metrics.spc_covariantie(
        store, boom, groep, statistiek.spc.kaartmaanden(frame, mt, seizoen, basis), metriek,
        filter=sel.filter,
    )  # fmt: skip
    reeks = statistiek.spc.regelkaart(frame, mt, seizoen, basis=basis, cov=cov)
    return Regelkaart(eenheid, boom.naam(eenheid), reeks, basis, seizoen.jaren if seizoen else ())


def vergelijking(
    store: Store, ctx: Context, *, eenheid: str, periode: Periode, metriek: str
) -> statistiek.Vergelijking:
    """The child units of `eenheid` compared on one rate over one period, as the Afdelingen
    funnel compares them (the CLI's `vergelijking`): `eenheden` has `eenheid`, the metric,
    `onderdrukt`, `laag`, `hoog`, `klasse_95`, `klasse_998`."""
    boom = ctx.boom
    kinderen = set(boom.kinderen.get(eenheid, []))
    delen = [g for g in metrics.onderdelen(boom, eenheid, ctx.toegang) if g.label in kinderen]
    mt = catalogus.metriek(metriek)
    if mt.familie is None or not delen:
        raise metrics.SelectieFout(f"geen vergelijking van '{metriek}' onder '{eenheid}'")
    frame = metrics.kerncijfers(
        store, boom, [periode], delen, filter=ctx.selectie.filter, min_groep=ctx.min_groep,
        met_nulverzuim=False,
    )  # fmt: skip
    sommen, tussen = _persoonsommen(store, ctx, periode, delen, [metriek])
    invoer = frame.join(
        sommen[metriek].select("eenheid", *statistiek.SOMMEN), on="eenheid", how="left"
    )
    return statistiek.vergelijk(
        invoer, mt.familie, schaal=_schaal(metriek), tussen=tussen.get(metriek)
    )


def volgorde(frame: pl.DataFrame, metriek: str) -> pl.DataFrame:
    """Highest first; suppressed units and units without data last, by name."""
    return frame.with_columns(
        pl.when(pl.col("onderdrukt") | pl.col("geen_gegevens"))
        .then(1)
        .otherwise(0)
        .alias("_achteraan"),
    ).sort(["_achteraan", metriek, "naam"], descending=[False, True, False], nulls_last=True)


def heatmap_rijen(a: Afdelingen, ref_naam: str) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """The heat map's cells (the reference unit's months and the units') and its rows: the
    reference unit on top, then the units in the ranking's order."""
    kolommen = ["eenheid", "van", "verzuimpercentage", "onderdrukt", "geen_gegevens"]
    cellen = pl.concat([a.ref_maanden.select(kolommen), a.maanden.select(kolommen)])
    rijen = [
        (r["eenheid"], r["naam"])
        for r in volgorde(a.eenheden, "verzuimpercentage").iter_rows(named=True)
    ]
    return cellen, [(a.referentie, ref_naam), *rijen]
