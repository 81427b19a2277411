"""Medewerkersonderzoek: JD-R scales per unit and wave, demands against resources, and the survey
next to the absence of the same units.

Privacy (DESIGN 4): a unit with fewer than the minimum number of respondents is suppressed and
counts in no average at all (the SQL leaves it out before aggregating). So a parent's average is
the respondent-weighted mean of the units below it that *may* be shown, and no average minus the
units shown beside it (on this or any other view, at any level) can reveal a suppressed unit.
That is stricter than secondary suppression per view, which is not consistent across views.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from dashboard import config, metrics
from dashboard import format as fmt
from dashboard.catalogus import SCHAAL, SCHAALGROEPEN, SCHALEN, Schaal, schaal
from dashboard.charts import enquete as grafieken
from dashboard.i18n import t
from dashboard.metrics import Filter, Groep
from dashboard.periods import Maand, Periode
from dashboard.store import Store
from dashboard.views import Context, Kader

#: Scale groups of the JD-R model, in display order.
GROEPEN: tuple[str, ...] = tuple(SCHAALGROEPEN)
GROEP_LABELS: dict[str, str] = SCHAALGROEPEN

NIVEAUS: tuple[str, ...] = ("afdelingen", "onderliggend")
#: Fewer units than this: no correlation is stated.
MIN_EENHEDEN_SAMENHANG = 5
#: A change smaller than this is shown as ±0,0 at one decimal: "no change".
DREMPEL_VERSCHIL = 0.05
#: The headline names a change of the selected unit only from this size on.
DREMPEL_KOP = 0.1

_JAAR = re.compile(r"(19|20)\d{2}")


def _schalen(sleutels: Sequence[str]) -> tuple[Schaal, ...]:
    bekend = [s.sleutel for s in SCHALEN if s.sleutel in sleutels]
    extra = sorted(s for s in set(sleutels) if s not in SCHAAL)
    return tuple(schaal(s) for s in [*bekend, *extra])


@dataclass(frozen=True)
class Samenhang:
    """Correlation across units of one scale with the verzuimpercentage of the same year."""

    schaal: str
    n: int
    r: float | None
    laag: float | None
    hoog: float | None
    helling: float | None
    snijpunt: float | None


@dataclass(frozen=True)
class Schaalkaart:
    """A headline number: one scale of the selected unit, against the previous wave."""

    schaal: Schaal
    score: float | None
    vorige: float | None
    onderdrukt: bool
    minimum: int = 10

    def waarde(self, taal: str = "nl") -> str:
        """'3,4', '< 10' when suppressed, '–' without data."""
        if self.onderdrukt:
            return f"< {self.minimum}"
        return fmt.getal(self.score, 1, taal)

    @property
    def verschil(self) -> float | None:
        """Change against the previous wave."""
        if self.onderdrukt or self.score is None or self.vorige is None:
            return None
        return self.score - self.vorige


@dataclass(frozen=True)
class Enquete:
    """The content of the Medewerkersonderzoek view for one wave and level."""

    meting: str | None
    vorige: str | None
    metingen: tuple[str, ...]
    niveau: str
    #: level -> number of units shown at it (only levels that differ from each other)
    niveaus: dict[str, int]
    schalen: tuple[Schaal, ...]
    #: one row per unit shown: eenheid, naam, respondenten, onderdrukt, eenheden_onderdrukt,
    #: score_<schaal>, vorige_<schaal>, eisen, hulpbronnen, verzuimpercentage, verzuimdagen,
    #: beschikbare_dagen, verzuim_onderdrukt
    eenheden: pl.DataFrame
    #: the same columns for the averages: the organisation, and the selected unit when it differs
    referenties: pl.DataFrame
    verzuim_periode: Periode | None
    samenhang: dict[str, Samenhang]
    kaarten: list[Schaalkaart]
    kop: str
    min_respondenten: int

    @property
    def zichtbaar(self) -> int:
        """Number of shown units with enough respondents to show their scores."""
        return int((~self.eenheden["onderdrukt"]).sum()) if self.eenheden.height else 0


# -- waves ---------------------------------------------------------------------------------------


def jaar_van(meting: str | None) -> int | None:
    """The calendar year a wave belongs to ('2024', 'najaar 2024' -> 2024), None when unclear."""
    if meting is None:
        return None
    m = _JAAR.search(meting)
    return int(m.group(0)) if m else None


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


# -- groups --------------------------------------------------------------------------------------


def _groep_rijen(ctx: Context) -> tuple[pl.DataFrame, dict[str, tuple[str, tuple[str, ...]]]]:
    """Every group the view may need, as (groep, eenheid) rows, and each group's name and units.

    `e:<code>`: one unit on its own; `d:<code>`: a child of the selection with everything below
    it; `org`: the whole organisation; `sel`: the selected unit with everything below it.
    """
    boom, sel = ctx.boom, ctx.selectie
    groepen: dict[str, tuple[str, tuple[str, ...]]] = {
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


def _niveau_groepen(
    ctx: Context, met_data: set[str], groepen: dict[str, tuple[str, tuple[str, ...]]]
) -> dict[str, list[str]]:
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


# -- the view ------------------------------------------------------------------------------------


def bouw(
    store: Store,
    ctx: Context,
    *,
    meting: str | None = None,
    niveau: str = "afdelingen",
    min_respondenten: int | None = None,
) -> Enquete:
    """Scale scores per unit for one wave (and the previous one), JD-R positions, absence."""
    minimum = config.settings().min_respondenten if min_respondenten is None else min_respondenten
    golven = metingen(store, ctx)
    if meting not in golven:
        meting = standaard_meting(golven, ctx.selectie.maand)
    vorige = None
    if meting is not None and golven.index(meting) > 0:
        vorige = golven[golven.index(meting) - 1]
    rijen, groepen = _groep_rijen(ctx)
    ruw = store.query(
        "enquete_per_groep",
        params={
            "organisatie": ctx.selectie.organisatie,
            "metingen": [m for m in (meting, vorige) if m is not None],
            "min_respondenten": minimum,
        },
        relaties={"groepen": rijen},
    )
    schalen = _schalen(ruw["schaal"].unique().to_list())
    nu = ruw.filter(pl.col("meting").eq_missing(meting))
    met_data = set(nu["groep"].unique().to_list())
    per_niveau = _niveau_groepen(ctx, met_data, groepen)
    if niveau not in per_niveau:
        niveau = "afdelingen"
    getoond = per_niveau[niveau]
    periode = verzuimperiode(meting, ctx.boom.laatste_maand([ctx.selectie.organisatie]))

    breed = _breed(ruw, meting, vorige, schalen)
    eenheden = _eenheden_frame(breed, getoond, groepen, schalen)
    eenheden = eenheden.join(
        _verzuim(store, ctx, getoond, groepen, periode), on="eenheid", how="left"
    ).with_columns(pl.col("verzuim_onderdrukt").fill_null(False))
    referentie_codes = ["org"] + (
        ["sel"] if ctx.selectie.eenheid != ctx.selectie.organisatie and len(getoond) > 1 else []
    )
    referenties = _eenheden_frame(
        breed, referentie_codes, groepen, schalen, referentie=True
    ).with_columns(
        pl.Series("code", [ctx.selectie.organisatie, ctx.selectie.eenheid][: len(referentie_codes)])
    )
    samenhang = {s.sleutel: _samenhang(eenheden, s.sleutel) for s in schalen}
    kaarten = _kaarten(breed, schalen, minimum)
    e = Enquete(
        meting=meting, vorige=vorige, metingen=golven, niveau=niveau,
        niveaus={k: len(v) for k, v in per_niveau.items()}, schalen=schalen,
        eenheden=eenheden, referenties=referenties, verzuim_periode=periode,
        samenhang=samenhang, kaarten=kaarten, kop="", min_respondenten=minimum,
    )  # fmt: skip
    return dataclasses.replace(e, kop=_kop(e, ctx))


def _breed(
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


def _eenheden_frame(
    breed: pl.DataFrame,
    codes: Sequence[str],
    groepen: dict[str, tuple[str, tuple[str, ...]]],
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
        _gemiddelde(frame, schalen, "taakeisen").alias("eisen"),
        _gemiddelde(frame, schalen, "hulpbronnen").alias("hulpbronnen"),
    ).drop("_volgorde", "groep", "eenheden_geteld")


def _gemiddelde(frame: pl.DataFrame, schalen: Sequence[Schaal], groep: str) -> pl.Expr:
    """Unweighted mean of a JD-R group's scales; empty when one of them is missing."""
    kolommen = [f"score_{s.sleutel}" for s in schalen if s.groep == groep]
    if not kolommen:
        return pl.lit(None, pl.Float64)
    # sum_horizontal skips nulls: count them so that a missing scale empties the mean
    compleet = pl.all_horizontal([pl.col(c).is_not_null() for c in kolommen])
    return pl.when(compleet).then(pl.sum_horizontal(kolommen) / len(kolommen)).otherwise(None)


def _verzuim(
    store: Store,
    ctx: Context,
    codes: Sequence[str],
    groepen: dict[str, tuple[str, tuple[str, ...]]],
    periode: Periode | None,
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


def _samenhang(eenheden: pl.DataFrame, sleutel: str) -> Samenhang:
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


def _kaarten(breed: pl.DataFrame, schalen: Sequence[Schaal], minimum: int) -> list[Schaalkaart]:
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


# -- texts ---------------------------------------------------------------------------------------


def schaal_label(s: Schaal, taal: str = "nl") -> str:
    """The scale's label in the interface language."""
    return t(s.label, taal)


def _kop(e: Enquete, ctx: Context) -> str:
    """The page's headline: the largest change of the selected unit against the previous wave."""
    taal = ctx.taal
    if e.meting is None:
        return t("Medewerkersonderzoek: geen enquêtegegevens", taal)
    basis = t("Medewerkersonderzoek {meting}", taal, meting=e.meting)
    if all(k.score is None and not k.onderdrukt for k in e.kaarten):
        return basis + ": " + t("geen enquêtegegevens voor deze eenheid", taal)
    if all(k.onderdrukt for k in e.kaarten):
        return (
            basis
            + ": "
            + t("te weinig respondenten om te tonen (< {n})", taal, n=e.min_respondenten)
        )
    # one finding: the units with high demands and few resources when there are any, else the
    # largest change of the selected unit (the cards show every change)
    kwadranten = _met_kwadrant(e).filter(~pl.col("onderdrukt") & pl.col("kwadrant").is_not_null())
    risico = kwadranten.filter(pl.col("kwadrant") == "hoge eisen, weinig hulpbronnen").height
    if kwadranten.height > 1 and risico:
        return f"{basis}: " + t(
            "{k} van {n} {eenheden} met hoge eisen en weinig hulpbronnen",
            taal,
            k=risico,
            n=kwadranten.height,
            eenheden=_eenheden_woord(e, taal),
        )
    veranderd = [k for k in e.kaarten if k.verschil is not None]
    if not veranderd or e.vorige is None:
        return basis
    grootste = max(veranderd, key=lambda k: abs(k.verschil or 0) / k.schaal.span)
    d = grootste.verschil or 0
    if abs(d) < DREMPEL_KOP:
        return f"{basis}: " + t("scores vrijwel gelijk aan {vorige}", taal, vorige=e.vorige)
    return f"{basis}: " + t(
        "{schaal} {richting} van {van} naar {naar} sinds {vorige}",
        taal,
        schaal=schaal_label(grootste.schaal, taal).lower(),
        richting=(t("gestegen", taal) if d > 0 else t("gedaald", taal)),
        van=fmt.getal(grootste.vorige, 1, taal),
        naar=fmt.getal(grootste.score, 1, taal),
        vorige=e.vorige,
    )


def _eenheden_woord(e: Enquete, taal: str) -> str:
    return t("afdelingen", taal) if e.niveau == "afdelingen" else t("eenheden", taal)


def _kader(ctx: Context, titel: str, periode: str, extra: str = "") -> Kader:
    """The chart frame: subtitle without the attribute filter (the survey has no attributes),
    source naming the survey, and the respondent rule instead of the headcount rule."""
    zonder_filter = Context(ctx.boom, ctx.selectie.met(filter=Filter()), ctx.min_groep, ctx.toegang)
    return dataclasses.replace(
        zonder_filter.kader(titel, periode),
        min_groep=0,
        bron=t("Verzuimzicht, medewerkersonderzoek (JD-R) en verzuimextracten", ctx.taal),
    )


def _voet(e: Enquete, ctx: Context, *, verzuim: bool) -> str:
    delen = [
        t(
            "Eenheden met minder dan {n} respondenten zijn niet getoond (< {n}) en tellen in geen "
            "gemiddelde mee; een bovenliggende eenheid is het naar respondenten gewogen gemiddelde "
            "van de eenheden eronder met ten minste {n} respondenten.",
            ctx.taal,
            n=e.min_respondenten,
        )
    ]
    if verzuim:
        delen.append(
            t(
                "Verzuim: groepen met minder dan {n} medewerkers zijn niet getoond.",
                ctx.taal,
                n=ctx.min_groep,
            )
        )
    return " ".join(delen)


def meting_tekst(e: Enquete, taal: str = "nl", *, met_vorige: bool = False) -> str:
    """'meting 2024 (vergeleken met 2022)'."""
    tekst = t("meting {meting}", taal, meting=e.meting or "–")
    if met_vorige and e.vorige:
        tekst += " " + t("(vergeleken met {vorige})", taal, vorige=e.vorige)
    return tekst


def verzuim_tekst(e: Enquete, taal: str = "nl") -> str:
    """'verzuim jan 2024 – dec 2024'."""
    p = e.verzuim_periode
    if p is None:
        return t("geen verzuimperiode bij deze meting", taal)
    return t("verzuim", taal) + f" {fmt.maand(p.van, taal)} – {fmt.maand(p.tot, taal)}"


def inzoomen(e: Enquete, ctx: Context) -> list[tuple[str, str]]:
    """(code, name) of the shown units one can drill down into."""
    return [
        (code, naam)
        for code, naam in zip(e.eenheden["eenheid"].to_list(), e.eenheden["naam"].to_list(), strict=True)
        if code in ctx.boom.eenheden and code != ctx.selectie.eenheid
    ]  # fmt: skip


# -- heat map ------------------------------------------------------------------------------------


def cellen(e: Enquete, taal: str = "nl") -> pl.DataFrame:
    """One row per shown row (averages first, then the units) and scale: what the heat map draws."""
    org = e.referenties.row(0, named=True) if e.referenties.height else {}
    rijen = []
    for ref, frame in ((True, e.referenties), (False, e.eenheden)):
        for r in frame.iter_rows(named=True):
            naam = r["naam"]
            if ref:
                # a long name would take half the chart's width: the code then
                naam = grafieken.kort_naam(naam)
                naam = t("Gemiddelde {naam}", taal, naam=naam if len(naam) <= 28 else r["code"])
            for s in e.schalen:
                score = r.get(f"score_{s.sleutel}")
                vorige = r.get(f"vorige_{s.sleutel}")
                rijen.append(
                    {
                        "rij": naam,
                        "referentie": ref,
                        "schaal": schaal_label(s, taal),
                        "groep": t(GROEP_LABELS[s.groep], taal),
                        "richting": s.richting,
                        "span": s.span,
                        "score": score,
                        "vorige": vorige,
                        "verschil": score - vorige
                        if score is not None and vorige is not None
                        else None,
                        "gemiddelde": org.get(f"score_{s.sleutel}"),
                        "respondenten": r["respondenten"],
                        "eenheden_onderdrukt": r["eenheden_onderdrukt"],
                        "onderdrukt": r["onderdrukt"],
                    }
                )
    return pl.DataFrame(
        rijen,
        schema={
            "rij": pl.String, "referentie": pl.Boolean, "schaal": pl.String, "groep": pl.String,
            "richting": pl.Int64, "span": pl.Float64, "score": pl.Float64, "vorige": pl.Float64,
            "verschil": pl.Float64, "gemiddelde": pl.Float64, "respondenten": pl.Int64,
            "eenheden_onderdrukt": pl.Int64, "onderdrukt": pl.Boolean,
        },
    )  # fmt: skip


def scores_figuur(e: Enquete, ctx: Context, *, modus: str = "score") -> go.Figure:
    """Heat map scale × unit: scores against the organisation average, or the change against the
    previous wave."""
    taal = ctx.taal
    if modus != "verschil" or e.vorige is None:
        modus = "score"
    titel = _scores_titel(e, ctx, modus)
    uitleg = (
        t("blauw = verbeterd, oranje = verslechterd", taal)
        if modus == "verschil"
        else t(
            "blauw = gunstiger, oranje = ongunstiger dan het gemiddelde van {org}",
            taal,
            org=ctx.selectie.organisatie,
        )
    )
    kader = _kader(
        ctx, titel, f"{meting_tekst(e, taal, met_vorige=modus == 'verschil')} · {uitleg}"
    )
    return grafieken.heatmap(
        cellen(e, taal),
        kader,
        modus=modus,
        org_naam=ctx.boom.naam(ctx.selectie.organisatie),
        vorige=e.vorige,
        voet=_voet(e, ctx, verzuim=False),
        min_respondenten=e.min_respondenten,
    )


def _scores_titel(e: Enquete, ctx: Context, modus: str) -> str:
    taal = ctx.taal
    org = e.referenties.row(0, named=True) if e.referenties.height else {}
    zichtbaar = e.eenheden.filter(~pl.col("onderdrukt"))
    if e.meting is None:
        return t("Geen enquêtegegevens", taal)
    if zichtbaar.height == 0:
        return t(
            "Te weinig respondenten om scores te tonen (minder dan {n})", taal, n=e.min_respondenten
        )
    if modus == "verschil":
        # the largest change for the worse, relative to the scale's width
        ergste: tuple[float, dict[str, object], Schaal] | None = None
        for s in e.schalen:
            if s.richting == 0:
                continue
            for r in zichtbaar.iter_rows(named=True):
                nu, toen = r[f"score_{s.sleutel}"], r[f"vorige_{s.sleutel}"]
                if nu is None or toen is None:
                    continue
                slechter = (nu - toen) * -s.richting / s.span
                if ergste is None or slechter > ergste[0]:
                    ergste = (slechter, r, s)
        if ergste is None or ergste[0] * ergste[2].span < DREMPEL_VERSCHIL:
            return t("Geen schaal verslechterd sinds {vorige}", taal, vorige=e.vorige)
        _, r, s = ergste
        return t(
            "{schaal} het sterkst {richting} bij {eenheid}: van {van} naar {naar} sinds {vorige}",
            taal,
            schaal=schaal_label(s, taal),
            richting=(t("gestegen", taal) if s.richting < 0 else t("gedaald", taal)),
            eenheid=r["naam"],
            van=fmt.getal(r[f"vorige_{s.sleutel}"], 1, taal),  # type: ignore[arg-type]
            naar=fmt.getal(r[f"score_{s.sleutel}"], 1, taal),  # type: ignore[arg-type]
            vorige=e.vorige,
        )
    # score: the largest unfavourable deviation from the organisation average
    slechtste: tuple[float, dict[str, object], Schaal] | None = None
    for s in e.schalen:
        gem = org.get(f"score_{s.sleutel}")
        if s.richting == 0 or gem is None:
            continue
        for r in zichtbaar.iter_rows(named=True):
            v = r[f"score_{s.sleutel}"]
            if v is None:
                continue
            afwijking = (v - gem) * -s.richting / s.span
            if slechtste is None or afwijking > slechtste[0]:
                slechtste = (afwijking, r, s)
    if slechtste is None or slechtste[0] <= 0:
        return t("Geen eenheid scoort ongunstiger dan het gemiddelde", taal)
    _, r, s = slechtste
    return t(
        "{schaal} het {uiterste} bij {eenheid}: {score} tegen {gemiddelde} gemiddeld",
        taal,
        schaal=schaal_label(s, taal),
        uiterste=(t("hoogst", taal) if s.richting < 0 else t("laagst", taal)),
        eenheid=r["naam"],
        score=fmt.getal(r[f"score_{s.sleutel}"], 1, taal),  # type: ignore[arg-type]
        gemiddelde=fmt.getal(org.get(f"score_{s.sleutel}"), 1, taal),
    )


def tabel_scores(e: Enquete, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the heat map: score and change per scale, averages first."""
    kolommen: list[pl.Expr] = [
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("respondenten").alias(t("Respondenten", taal)),
    ]
    for s in e.schalen:
        label = schaal_label(s, taal)
        kolommen.append(pl.col(f"score_{s.sleutel}").alias(f"{t('Score', taal)} {label.lower()}"))
    for s in e.schalen:
        label = schaal_label(s, taal)
        kolommen.append(
            (pl.col(f"score_{s.sleutel}") - pl.col(f"vorige_{s.sleutel}"))
            .round(2)
            .alias(f"{t('Verschil', taal)} {label.lower()}")
        )
    referenties = e.referenties.with_columns(
        pl.format(t("Gemiddelde {naam}", taal).replace("{naam}", "{}"), pl.col("naam")).alias(
            "naam"
        )
    )
    return pl.concat([referenties, e.eenheden], how="diagonal_relaxed").select(
        *kolommen, "onderdrukt"
    )


# -- demands against resources -------------------------------------------------------------------


KWADRANTEN: dict[tuple[bool, bool], str] = {
    # (high demands, many resources): label
    (True, False): "hoge eisen, weinig hulpbronnen",
    (True, True): "hoge eisen, veel hulpbronnen",
    (False, True): "lage eisen, veel hulpbronnen",
    (False, False): "lage eisen, weinig hulpbronnen",
}


def kwadrant(
    eisen: float | None,
    hulpbronnen: float | None,
    ref_eisen: float | None,
    ref_hulpbronnen: float | None,
) -> str | None:
    """The JD-R quadrant of a unit against the organisation average (None when unknown)."""
    if eisen is None or hulpbronnen is None or ref_eisen is None or ref_hulpbronnen is None:
        return None
    return KWADRANTEN[(eisen > ref_eisen, hulpbronnen >= ref_hulpbronnen)]


def _met_kwadrant(e: Enquete) -> pl.DataFrame:
    """The shown units with their quadrant against the organisation average."""
    org = e.referenties.row(0, named=True) if e.referenties.height else {}
    return e.eenheden.with_columns(
        pl.Series(
            "kwadrant",
            [
                kwadrant(x, y, org.get("eisen"), org.get("hulpbronnen"))
                for x, y in zip(e.eenheden["eisen"], e.eenheden["hulpbronnen"], strict=True)
            ],
            dtype=pl.String,
        )
    )


def jdr_figuur(e: Enquete, ctx: Context) -> go.Figure:
    """Scatter per unit: job demands against job resources, size = respondents, colour = absence."""
    taal = ctx.taal
    frame = _met_kwadrant(e)
    org = e.referenties.row(0, named=True) if e.referenties.height else {}
    titel = _jdr_titel(frame, e, ctx)
    kader = _kader(ctx, titel, f"{meting_tekst(e, taal)} · {verzuim_tekst(e, taal)}")
    return grafieken.eisen_hulpbronnen(
        frame,
        kader,
        ref_eisen=org.get("eisen"),
        ref_hulpbronnen=org.get("hulpbronnen"),
        org_code=ctx.selectie.organisatie,
        eisen_schalen=[schaal_label(s, taal).lower() for s in e.schalen if s.groep == "taakeisen"],
        hulpbron_schalen=[
            schaal_label(s, taal).lower() for s in e.schalen if s.groep == "hulpbronnen"
        ],
        verzuim_label=verzuim_tekst(e, taal),
        voet=_voet(e, ctx, verzuim=True),
        min_respondenten=e.min_respondenten,
    )


def _jdr_titel(frame: pl.DataFrame, e: Enquete, ctx: Context) -> str:
    taal = ctx.taal
    zichtbaar = frame.filter(~pl.col("onderdrukt") & pl.col("kwadrant").is_not_null())
    if zichtbaar.height == 0:
        return t("Taakeisen en hulpbronnen: te weinig respondenten om te tonen", taal)
    risico = zichtbaar.filter(pl.col("kwadrant") == "hoge eisen, weinig hulpbronnen")
    if risico.height == 0:
        return t(
            "Geen {eenheden} met hoge eisen en weinig hulpbronnen",
            taal,
            eenheden=_eenheden_woord(e, taal),
        )
    titel = t(
        "Hoge eisen en weinig hulpbronnen in {k} van {n} {eenheden}",
        taal,
        k=risico.height,
        n=zichtbaar.height,
        eenheden=_eenheden_woord(e, taal),
    )
    overig = zichtbaar.filter(pl.col("kwadrant") != "hoge eisen, weinig hulpbronnen")
    a, b = _gepoold(risico), _gepoold(overig)
    if a is not None and b is not None:
        titel += t(
            ": verzuim {a} tegen {b} elders",
            taal,
            a=fmt.procent(a, 1, taal),
            b=fmt.procent(b, 1, taal),
        )
    return titel


def _gepoold(frame: pl.DataFrame) -> float | None:
    """Verzuimpercentage of several units together: the ratio of sums (DESIGN 3)."""
    deel = frame.filter(~pl.col("verzuim_onderdrukt") & pl.col("beschikbare_dagen").is_not_null())
    noemer = float(deel["beschikbare_dagen"].sum())
    if deel.height == 0 or not noemer:
        return None
    return 100 * float(deel["verzuimdagen"].sum()) / noemer


def tabel_jdr(e: Enquete, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the demands-resources chart."""
    frame = _met_kwadrant(e)
    return frame.select(
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("respondenten").alias(t("Respondenten", taal)),
        pl.col("eisen").alias(t("Score taakeisen", taal)),
        pl.col("hulpbronnen").alias(t("Score hulpbronnen", taal)),
        pl.col("kwadrant")
        .map_elements(lambda k: t(k, taal), return_dtype=pl.String)
        .alias(t("Kwadrant", taal)),
        pl.when(pl.col("onderdrukt"))
        .then(None)
        .otherwise(pl.col("verzuimpercentage"))
        .alias(t("Verzuimpercentage", taal)),
        "onderdrukt",
    )


# -- survey next to absence ----------------------------------------------------------------------


def samenhang_tekst(e: Enquete, sleutel: str, taal: str = "nl") -> str:
    """The correlation in words, with the honest caveat."""
    s = e.samenhang.get(sleutel)
    label = schaal_label(schaal(sleutel), taal).lower()
    if s is None or s.r is None or s.n < MIN_EENHEDEN_SAMENHANG:
        return t(
            "Te weinig {eenheden} ({n}) om een samenhang te berekenen; daarvoor zijn er ten minste "
            "{min} nodig. Kies een hogere eenheid of het niveau afdelingen.",
            taal,
            eenheden=_eenheden_woord(e, taal),
            n=s.n if s else 0,
            min=MIN_EENHEDEN_SAMENHANG,
        )
    sterkte = _sterkte(s.r, taal)
    if _onzeker(s) and abs(s.r) >= 0.1:
        zin = t(
            "Bij deze {eenheden} gaat meer {schaal} samen met {richting} verzuim (r = {r}), maar "
            "dat kan toeval zijn.",
            taal,
            eenheden=_eenheden_woord(e, taal),
            schaal=label,
            richting=(t("hoger", taal) if s.r > 0 else t("lager", taal)),
            r=fmt.getal(s.r, 2, taal),
        )
    elif abs(s.r) < 0.1:
        zin = t(
            "Er is geen duidelijke samenhang tussen {schaal} en het verzuimpercentage (r = {r}).",
            taal,
            schaal=label,
            r=fmt.getal(s.r, 2, taal),
        )
    else:
        zin = t(
            "{Sterkte} samenhang: {eenheden} met meer {schaal} hebben gemiddeld {richting} verzuim "
            "(r = {r}).",
            taal,
            Sterkte=sterkte.capitalize(),
            eenheden=_eenheden_woord(e, taal),
            schaal=label,
            richting=(t("hoger", taal) if s.r > 0 else t("lager", taal)),
            r=fmt.getal(s.r, 2, taal),
        )
    return zin + " " + voorbehoud(s, e, taal)


def voorbehoud(s: Samenhang, e: Enquete, taal: str = "nl") -> str:
    """The caveat: across units, not causation; small n, with the interval of r."""
    tekst = t(
        "Dit is een samenhang tussen {n} {eenheden}, geen bewijs van oorzaak en gevolg, en wat voor "
        "een eenheid geldt, hoeft niet voor elke medewerker te gelden.",
        taal,
        n=s.n,
        eenheden=_eenheden_woord(e, taal),
    )
    if s.laag is not None and s.hoog is not None:
        tekst += " " + t(
            "Met {n} {eenheden} is r onzeker: 95%-interval {laag} tot {hoog}",
            taal,
            n=s.n,
            eenheden=_eenheden_woord(e, taal),
            laag=fmt.getal(s.laag, 2, taal),
            hoog=fmt.getal(s.hoog, 2, taal),
        )
        tekst += t(", en dat interval bevat 0.", taal) if _onzeker(s) else "."
    return tekst


def _onzeker(s: Samenhang) -> bool:
    """The 95% interval of r contains 0: the sign itself is not established."""
    return s.laag is not None and s.hoog is not None and s.laag <= 0 <= s.hoog


def _sterkte(r: float, taal: str) -> str:
    a = abs(r)
    woord = "zwakke" if a < 0.3 else "matige" if a < 0.5 else "sterke"
    return t(woord, taal)


def verzuim_figuur(e: Enquete, ctx: Context, *, schaal_sleutel: str = "uitputting") -> go.Figure:
    """Scatter per unit: a scale's score against the verzuimpercentage of the wave's year."""
    taal = ctx.taal
    if schaal_sleutel not in {s.sleutel for s in e.schalen} and e.schalen:
        schaal_sleutel = e.schalen[-1].sleutel
    s = e.samenhang.get(schaal_sleutel)
    sch = schaal(schaal_sleutel)
    label = schaal_label(sch, taal)
    if s is None or s.r is None or s.n < MIN_EENHEDEN_SAMENHANG:
        titel = t("{schaal} en verzuim: te weinig {eenheden} voor een samenhang", taal,
                  schaal=label, eenheden=_eenheden_woord(e, taal))  # fmt: skip
    elif abs(s.r) < 0.1 or _onzeker(s):
        titel = t("Geen duidelijke samenhang tussen {schaal} en verzuim (r = {r}; {n} {eenheden})",
                  taal, schaal=label.lower(), r=fmt.getal(s.r, 2, taal), n=s.n,
                  eenheden=_eenheden_woord(e, taal))  # fmt: skip
    else:
        titel = t(
            "Meer {schaal}, {richting} verzuim: {sterkte} samenhang (r = {r}; {n} {eenheden})",
            taal,
            schaal=label.lower(),
            richting=(t("hoger", taal) if s.r > 0 else t("lager", taal)),
            sterkte=_sterkte(s.r, taal),
            r=fmt.getal(s.r, 2, taal),
            n=s.n,
            eenheden=_eenheden_woord(e, taal),
        )
    kader = _kader(ctx, titel, f"{meting_tekst(e, taal)} · {verzuim_tekst(e, taal)}")
    voet = _voet(e, ctx, verzuim=True)
    if s is not None and s.r is not None and s.n >= MIN_EENHEDEN_SAMENHANG:
        voet = voorbehoud(s, e, taal) + " " + voet
    return grafieken.schaal_verzuim(
        e.eenheden,
        kader,
        kolom=f"score_{schaal_sleutel}",
        schaal_label=label,
        bereik=sch.bereik,
        samenhang=s if s is not None and s.n >= MIN_EENHEDEN_SAMENHANG else None,
        verzuim_label=verzuim_tekst(e, taal),
        voet=voet,
        min_respondenten=e.min_respondenten,
    )


def tabel_verzuim(e: Enquete, schaal_sleutel: str, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the survey-against-absence chart."""
    label = schaal_label(schaal(schaal_sleutel), taal).lower()
    kolom = f"score_{schaal_sleutel}"
    if kolom not in e.eenheden.columns:
        kolom = "eisen"
    return e.eenheden.select(
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("respondenten").alias(t("Respondenten", taal)),
        pl.col(kolom).alias(f"{t('Score', taal)} {label}"),
        pl.when(pl.col("onderdrukt"))
        .then(None)
        .otherwise(pl.col("verzuimpercentage"))
        .alias(t("Verzuimpercentage", taal)),
        "onderdrukt",
    )
