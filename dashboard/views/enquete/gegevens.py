"""Medewerkersonderzoek, the numbers: waves, the groups shown per level, respondent-weighted
scores (queries/enquete_per_groep.sql), the absence of the same units and the correlation."""

from __future__ import annotations

import math
from collections.abc import Sequence

import polars as pl

from dashboard import metrics
from dashboard.catalogus import SCHAAL, SCHALEN, Schaal, schaal
from dashboard.metrics import Groep
from dashboard.periods import Maand, Periode
from dashboard.store import Store
from dashboard.views import Context
from dashboard.views.enquete.model import Samenhang, Schaalkaart, jaar_van

#: Every group the view may need: its name and units, by group code.
Groepen = dict[str, tuple[str, tuple[str, ...]]]


# -- waves ---------------------------------------------------------------------------------------


def _volgorde(meting: str) -> tuple[int, str]:
    return (jaar_van(meting) or 0, meting)


def metingen(store: Store, ctx: Context) -> tuple[str, ...]:
    """The survey waves of the selected organisation, oldest first."""
    ctx.groep  # noqa: B018 - raises SelectieFout when the user may not see this unit
    frame = store.query("enquete_metingen", params={"organisatie": ctx.selectie.organisatie})
    return tuple(sorted(frame["meting"].to_list(), key=_volgorde))


def standaard_meting(golven: Sequence[str], maand: Maand) -> str | None:
    """The latest wave not after the selected month's year (the latest wave when all are later)."""
    if not golven:
        return None
    eerder = [m for m in golven if (jaar_van(m) or 0) <= maand.jaar]
    return (eerder or list(golven))[-1]


def verzuimperiode(meting: str | None, laatste: Maand | None) -> Periode | None:
    """The absence period that goes with a wave: its calendar year, or the 12 months up to the
    last month with data when that year is not complete yet."""
    jaar = jaar_van(meting)
    if jaar is None or laatste is None:
        return None
    tot = min(Maand(jaar, 12), laatste)
    if tot < Maand(jaar, 1):
        return None
    return Periode(str(jaar), tot.plus(-11), tot)


def schalen_van(sleutels: Sequence[str]) -> tuple[Schaal, ...]:
    """The scales present, in the catalogue's order, extra scales of the file after them."""
    bekend = [s.sleutel for s in SCHALEN if s.sleutel in sleutels]
    extra = sorted(s for s in set(sleutels) if s not in SCHAAL)
    return tuple(schaal(s) for s in [*bekend, *extra])


# -- groups --------------------------------------------------------------------------------------


def groep_rijen(ctx: Context) -> tuple[pl.DataFrame, Groepen]:
    """Every group the view may need, as (groep, eenheid) rows, and each group's name and units.

    `e:<code>`: one unit on its own; `d:<code>`: a child of the selection with everything below
    it; `x:<code>`: the selected unit's own respondents; `org`: the whole organisation; `sel`: the
    selected unit with everything below it.
    """
    boom, sel = ctx.boom, ctx.selectie
    groepen: Groepen = {
        "org": (boom.naam(sel.organisatie), tuple(boom.afstammelingen(sel.organisatie))),
        "sel": (boom.naam(sel.eenheid), tuple(boom.afstammelingen(sel.eenheid))),
    }
    for code in boom.afstammelingen(sel.eenheid):
        groepen[f"e:{code}"] = (boom.naam(code), (code,))
    # the selected unit's own respondents, next to its children
    groepen[f"x:{sel.eenheid}"] = (f"{boom.naam(sel.eenheid)} (direct)", (sel.eenheid,))
    for kind in boom.kinderen.get(sel.eenheid, []):
        groepen[f"d:{kind}"] = (boom.naam(kind), tuple(boom.afstammelingen(kind)))
    rijen = pl.DataFrame(
        [(g, u) for g, (_, units) in groepen.items() for u in units],
        schema={"groep": pl.String, "eenheid": pl.String},
        orient="row",
    )
    return rijen, groepen


def niveau_groepen(ctx: Context, met_data: set[str], groepen: Groepen) -> dict[str, list[str]]:
    """The groups shown per level: every unit with its own survey data ('afdelingen'), or each
    child of the selection with everything below it ('onderliggend')."""
    boom, code = ctx.boom, ctx.selectie.eenheid
    eigen = [f"e:{u}" for u in _boomvolgorde(ctx) if f"e:{u}" in met_data]
    kinderen = [f"d:{k}" for k in boom.kinderen.get(code, []) if f"d:{k}" in met_data]
    # the children level only when it is not the same as the units with their own data
    zelfde = all([u for u in groepen[g][1] if f"e:{u}" in met_data] == [g[2:]] for g in kinderen)
    if kinderen and f"e:{code}" in met_data:
        zelfde = False
        kinderen.append(f"x:{code}")
    result = {"afdelingen": eigen}
    if kinderen and not zelfde:
        result["onderliggend"] = kinderen
    return result


def _boomvolgorde(ctx: Context) -> list[str]:
    volgorde: list[str] = []

    def loop(code: str) -> None:
        volgorde.append(code)
        for kind in ctx.boom.kinderen.get(code, []):
            loop(kind)

    loop(ctx.selectie.eenheid)
    return volgorde


# -- scores --------------------------------------------------------------------------------------


def scores(
    store: Store, ctx: Context, golven: Sequence[str], rijen: pl.DataFrame, minimum: int
) -> pl.DataFrame:
    """Respondent-weighted scores per group, wave and scale; groups under the minimum are left
    out before anything is averaged (queries/enquete_per_groep.sql)."""
    return store.query(
        "enquete_per_groep",
        params={
            "organisatie": ctx.selectie.organisatie,
            "metingen": list(golven),
            "min_respondenten": minimum,
        },
        relaties={"groepen": rijen},
    )


def breed(
    ruw: pl.DataFrame, meting: str | None, vorige: str | None, schalen: Sequence[Schaal]
) -> pl.DataFrame:
    """One row per group: respondents, units counted and left out, score and previous score
    per scale."""
    nu = ruw.filter(pl.col("meting").eq_missing(meting))
    info = nu.group_by("groep").agg(
        pl.col("respondenten").first(),
        pl.col("eenheden_geteld").first(),
        pl.col("eenheden_onderdrukt").first(),
    )
    for s in schalen:
        for golf, prefix in ((meting, "score"), (vorige, "vorige")):
            if golf is None:
                info = info.with_columns(pl.lit(None, pl.Float64).alias(f"{prefix}_{s.sleutel}"))
                continue
            deel = ruw.filter((pl.col("meting") == golf) & (pl.col("schaal") == s.sleutel))
            info = info.join(
                deel.select("groep", pl.col("score").alias(f"{prefix}_{s.sleutel}")),
                on="groep",
                how="left",
            )
    return info


def eenheden_frame(
    breed: pl.DataFrame,
    codes: Sequence[str],
    groepen: Groepen,
    schalen: Sequence[Schaal],
    *,
    referentie: bool = False,
) -> pl.DataFrame:
    """The rows of the shown groups in display order, with the JD-R composites."""
    volgorde = pl.DataFrame(
        {
            "groep": list(codes),
            "eenheid": [c.split(":", 1)[-1] if c not in ("org", "sel") else c for c in codes],
            "naam": [groepen[c][0] for c in codes],
            "_volgorde": list(range(len(codes))),
        },
        schema={"groep": pl.String, "eenheid": pl.String, "naam": pl.String, "_volgorde": pl.Int64},
    )
    frame = volgorde.join(breed, on="groep", how="left").sort("_volgorde")
    if referentie:
        frame = frame.with_columns(pl.col("groep").alias("eenheid"))
    frame = frame.with_columns(
        pl.col("respondenten").fill_null(0),
        pl.col("eenheden_geteld").fill_null(0),
        pl.col("eenheden_onderdrukt").fill_null(0),
    ).with_columns((pl.col("eenheden_geteld") == 0).alias("onderdrukt"))
    # nothing of a suppressed group leaves the view: not its respondents, not a score
    nummers = ["respondenten", *[c for c in frame.columns if c.startswith(("score_", "vorige_"))]]
    frame = frame.with_columns(
        pl.when(pl.col("onderdrukt")).then(None).otherwise(pl.col(c)).alias(c) for c in nummers
    )
    return frame.with_columns(
        _gemiddelde(schalen, "taakeisen").alias("eisen"),
        _gemiddelde(schalen, "hulpbronnen").alias("hulpbronnen"),
    ).drop("_volgorde", "groep", "eenheden_geteld")


def _gemiddelde(schalen: Sequence[Schaal], groep: str) -> pl.Expr:
    """Unweighted mean of a JD-R group's scales; empty when one of them is missing."""
    kolommen = [f"score_{s.sleutel}" for s in schalen if s.groep == groep]
    if not kolommen:
        return pl.lit(None, pl.Float64)
    # sum_horizontal skips nulls: count them so that a missing scale empties the mean
    compleet = pl.all_horizontal([pl.col(c).is_not_null() for c in kolommen])
    return pl.when(compleet).then(pl.sum_horizontal(kolommen) / len(kolommen)).otherwise(None)


def kaarten(breed: pl.DataFrame, schalen: Sequence[Schaal], minimum: int) -> list[Schaalkaart]:
    """The selected unit's scores with the previous wave's."""
    rij = breed.filter(pl.col("groep") == "sel").to_dicts()
    if not rij:
        return [Schaalkaart(s, None, None, False, minimum) for s in schalen]
    if not rij[0]["eenheden_geteld"]:
        return [Schaalkaart(s, None, None, True, minimum) for s in schalen]
    r = rij[0]
    return [
        Schaalkaart(s, r.get(f"score_{s.sleutel}"), r.get(f"vorige_{s.sleutel}"), False, minimum)
        for s in schalen
    ]


# -- absence next to the survey ------------------------------------------------------------------


def verzuim(
    store: Store, ctx: Context, codes: Sequence[str], groepen: Groepen, periode: Periode | None
) -> pl.DataFrame:
    """The verzuimpercentage of the same units over the wave's year, suppression applied."""
    schema = {
        "eenheid": pl.String,
        "verzuimpercentage": pl.Float64,
        "verzuimdagen": pl.Float64,
        "beschikbare_dagen": pl.Float64,
        "verzuim_onderdrukt": pl.Boolean,
    }
    if periode is None or not codes:
        return pl.DataFrame(schema=schema)
    api_groepen = [
        Groep(c.split(":", 1)[1], groepen[c][1], groepen[c][0]) for c in codes if ":" in c
    ]
    # the units are parts of the selected unit, whose total other pages show: secondary
    # suppression applies
    frame = metrics.kerncijfers(
        store, ctx.boom, [periode], api_groepen, min_groep=ctx.min_groep, met_nulverzuim=False,
    )  # fmt: skip
    # only the columns the view shows: the API keeps some raw sums of suppressed groups
    return frame.select(
        "eenheid",
        "verzuimpercentage",
        "verzuimdagen",
        "beschikbare_dagen",
        (pl.col("onderdrukt") | pl.col("geen_gegevens")).alias("verzuim_onderdrukt"),
    ).cast(schema)  # type: ignore[arg-type]


def samenhang(eenheden: pl.DataFrame, sleutel: str) -> Samenhang:
    """Pearson correlation across units (unweighted) of a scale with the verzuimpercentage."""
    kolom = f"score_{sleutel}"
    paren = eenheden.filter(
        ~pl.col("onderdrukt")
        & ~pl.col("verzuim_onderdrukt")
        & pl.col(kolom).is_not_null()
        & pl.col("verzuimpercentage").is_not_null()
    ).select(kolom, "verzuimpercentage")
    xs, ys = paren[kolom].to_list(), paren["verzuimpercentage"].to_list()
    n = len(xs)
    if n < 3:
        return Samenhang(sleutel, n, None, None, None, None, None)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    if sxx <= 0 or syy <= 0:
        return Samenhang(sleutel, n, None, None, None, None, None)
    r = sxy / math.sqrt(sxx * syy)
    helling = sxy / sxx
    laag = hoog = None
    if n > 3 and abs(r) < 1:
        # Fisher's z: the 95% interval of r across n units
        z, se = math.atanh(r), 1 / math.sqrt(n - 3)
        laag, hoog = math.tanh(z - 1.96 * se), math.tanh(z + 1.96 * se)
    return Samenhang(sleutel, n, r, laag, hoog, helling, my - helling * mx)
