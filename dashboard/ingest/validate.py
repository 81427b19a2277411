"""Map extract columns to the canonical names, parse the values and check every rule of DESIGN 2.

Each `valideer_*` returns the clean rows (canonical columns, typed, `__rij` kept) and a problem
report; the import is refused when any report has a line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from dashboard import format as fmt
from dashboard.ingest import identifiers, parse
from dashboard.ingest.columns import SCHALEN, kolom_index, normaliseer, ontbrekend
from dashboard.ingest.read import RuweTabel
from dashboard.ingest.report import leeg_rapport, probleem, rij_problemen, samenvoegen

_OPEN = dt.date(9999, 12, 31)

_GESLACHT = {
    "m": "m", "man": "m", "male": "m", "mannelijk": "m",
    "v": "v", "vrouw": "v", "f": "v", "female": "v", "vrouwelijk": "v",
    "x": "x", "anders": "x", "overig": "x", "nonbinair": "x",
    "onbekend": "", "o": "", "nb": "", "u": "",
}  # fmt: skip
_VERZUIMSOORT = {
    "ziekte": "ziekte", "ziek": "ziekte", "regulier": "ziekte", "ziekteverzuim": "ziekte",
    "zwangerschap": "zwangerschap", "zwangerschapsverlof": "zwangerschap",
    "zwangerschapenbevalling": "zwangerschap", "bevallingsverlof": "zwangerschap",
    "zwangerschapsverzuim": "zwangerschap", "wazo": "zwangerschap",
    "arbeidsongeval": "arbeidsongeval", "bedrijfsongeval": "arbeidsongeval",
    "ongevalophetwerk": "arbeidsongeval",
}  # fmt: skip


@dataclass
class Context:
    """What the rules need from outside the file: known units and employees, the peildatum."""

    eenheden: set[str] | None = None  # None: every unit is accepted (they become roots)
    medewerkers: set[str] | None = None
    peildatum: dt.date | None = None
    #: the hours of a full-time week (VERZUIMZICHT_VOLTIJD_UREN): factor = hours per week / this
    voltijd_uren: float = 36.0


@dataclass
class Gekoppeld:
    """An extract after column mapping: canonical columns (still text) plus extra columns."""

    frame: pl.DataFrame
    extra: list[str] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)
    #: canonical column -> the header as written in the file (problem reports use the latter)
    koppen: dict[str, str] = field(default_factory=dict)
    #: the layout (columns.INDELINGEN) the columns were mapped by
    indeling: str = ""


def koppel(tabel: RuweTabel, soort: str) -> tuple[Gekoppeld, pl.DataFrame]:
    """Rename recognised columns to their canonical names; report missing and doubled ones."""
    indeling = tabel.indeling or soort
    index = kolom_index(indeling)
    problemen = []
    hernoem: dict[str, str] = {}
    extra: list[str] = []
    gezien: dict[str, str] = {}
    celkolommen = [c for c in tabel.frame.columns if c != "__rij"]
    for kolom, kop in zip(celkolommen, tabel.koppen, strict=True):
        canoniek = index.get(normaliseer(kop))
        if canoniek is None:
            extra.append(kop)
            continue
        if canoniek in gezien:
            problemen.append(
                probleem(
                    tabel.bestand,
                    f"kolom '{canoniek}' komt twee keer voor (ook als '{gezien[canoniek]}')",
                    kolom=kop,
                    rij=tabel.kopregel,
                )
            )
            continue
        gezien[canoniek] = kop
        hernoem[kolom] = canoniek
    for k in ontbrekend(indeling, set(gezien)):
        if k.alternatief:
            alias = f" (of: {', '.join((*k.aliassen[:2], *k.alternatief))})"
        else:
            alias = f" (of: {', '.join(k.aliassen[:3])})" if k.aliassen else ""
        problemen.append(
            probleem(
                tabel.bestand,
                f"verplichte kolom '{k.naam}'{alias} ontbreekt",
                kolom=k.naam,
                rij=tabel.kopregel,
            )
        )
    for rij in tabel.te_lange_rijen:
        problemen.append(
            probleem(
                tabel.bestand,
                "rij heeft meer cellen dan de kopregel (staat er een scheidingsteken in een waarde?)",
                rij=rij,
            )
        )
    frame = tabel.frame.rename(hernoem)
    meldingen = list(tabel.meldingen)
    if soort == "enquete":
        # Numeric extra columns of a survey are extra scales (DESIGN 2.4); others are ignored.
        schaal_extra = []
        for kolom, kop in zip(celkolommen, tabel.koppen, strict=True):
            if kop in extra:
                waarden = frame.select(parse.getal(kolom).alias("g"), pl.col(kolom).alias("r"))
                if (
                    waarden["r"].drop_nulls().len()
                    and waarden.filter(pl.col("r").is_not_null() & pl.col("g").is_null()).height
                    == 0
                ):
                    nieuw = normaliseer(kop) if normaliseer(kop) else kolom
                    frame = frame.rename({kolom: nieuw})
                    schaal_extra.append(nieuw)
                    meldingen.append(f"Kolom '{kop}' is ingelezen als extra schaal '{nieuw}'.")
        extra = [k for k in extra if normaliseer(k) not in schaal_extra]
    behouden = [*hernoem.values(), "__rij"]
    if soort == "enquete":
        behouden += [c for c in frame.columns if c not in behouden and not c[:1].isdigit()]
    if extra:
        meldingen.append(
            f"{tabel.bestand}: kolommen die niet worden gebruikt en zijn genegeerd: "
            + ", ".join(f"'{k}'" for k in extra)
        )
    koppen = {canoniek: kop for canoniek, kop in gezien.items() if kop != canoniek}
    gekoppeld = Gekoppeld(frame.select(behouden), extra, meldingen, koppen, indeling)
    return gekoppeld, samenvoegen(problemen)


def _leeg(bestand: str, frame: pl.DataFrame, kolom: str, reden: str) -> pl.DataFrame:
    return rij_problemen(bestand, frame, pl.col(kolom).is_null(), kolom, reden, pl.lit(""))


def _vorige(kolom: str | pl.Expr, sleutel: str) -> pl.Expr:
    """The previous row's value within the same key, on a frame sorted by that key.

    (Cheaper than `shift().over(key)` when nearly every key is its own group.)
    """
    waarde = pl.col(kolom) if isinstance(kolom, str) else kolom
    return (
        pl.when(pl.col(sleutel) == pl.col(sleutel).shift(1)).then(waarde.shift(1)).otherwise(None)
    )


def _tekst(*delen: str | pl.Expr) -> pl.Expr:
    """Concatenate text and columns (pl.format panics on some filtered frames in polars 2.1)."""
    return pl.concat_str([pl.lit(d) if isinstance(d, str) else d.cast(pl.String) for d in delen])


def _optioneel(frame: pl.DataFrame, kolom: str) -> pl.DataFrame:
    return (
        frame
        if kolom in frame.columns
        else frame.with_columns(pl.lit(None, pl.String).alias(kolom))
    )


# -- organisatie ---------------------------------------------------------------------------------


def valideer_organisatie(bestand: str, g: Gekoppeld) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Units: unique codes, names, known parents and no cycles."""
    f = _optioneel(g.frame, "bovenliggende_eenheid")
    delen = [
        _leeg(bestand, f, "eenheid", "eenheidcode ontbreekt"),
        _leeg(bestand, f, "naam", "naam van de eenheid ontbreekt"),
        rij_problemen(
            bestand,
            f,
            pl.col("eenheid").is_not_null() & pl.col("eenheid").is_duplicated(),
            "eenheid",
            "eenheidcode komt meer dan één keer voor",
            pl.col("eenheid"),
        ),
    ]
    codes = set(f["eenheid"].drop_nulls().to_list())
    delen.append(
        rij_problemen(
            bestand,
            f,
            pl.col("bovenliggende_eenheid").is_not_null()
            & ~pl.col("bovenliggende_eenheid").is_in(list(codes)),
            "bovenliggende_eenheid",
            "onbekende bovenliggende eenheid (komt niet voor in kolom 'eenheid')",
            pl.col("bovenliggende_eenheid"),
        )
    )
    ouder = dict(
        f.filter(pl.col("eenheid").is_not_null())
        .select("eenheid", "bovenliggende_eenheid")
        .unique("eenheid", keep="first")
        .iter_rows()
    )
    in_cyclus = set()
    for start in ouder:
        pad, huidig = [], start
        while huidig is not None and huidig in ouder and huidig not in pad:
            pad.append(huidig)
            huidig = ouder[huidig]
        if huidig is not None and huidig in pad:
            in_cyclus.update(pad[pad.index(huidig) :])
    delen.append(
        rij_problemen(
            bestand,
            f,
            pl.col("eenheid").is_in(list(in_cyclus)),
            "bovenliggende_eenheid",
            "de eenheden vormen een kring (een eenheid ligt onder zichzelf)",
            pl.col("bovenliggende_eenheid"),
        )
    )
    schoon = f.select("eenheid", "naam", "bovenliggende_eenheid", "__rij")
    return schoon, samenvoegen(delen)


# -- personeel -----------------------------------------------------------------------------------


def valideer_personeel(
    bestand: str, g: Gekoppeld, ctx: Context
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Employment periods: dates, part-time factor 0 < f <= 1.5, known units, no overlaps."""
    f = g.frame
    uren = "deeltijdfactor" not in f.columns and "uren_per_week" in f.columns
    for k in ("einddatum", "leeftijdsklasse", "geslacht", "schaalgroep", "deeltijdfactor"):
        f = _optioneel(f, k)
    f = f.with_columns(
        parse.datum_reeks(f["begindatum"]).alias("_begin"),
        parse.datum_reeks(f["einddatum"]).alias("_eind"),
        (
            parse.getal_reeks(f["uren_per_week"]) / ctx.voltijd_uren
            if uren
            else parse.getal_reeks(f["deeltijdfactor"])
        ).alias("_f"),
        # (an empty cell stays empty: replace_strict would give it the default)
        pl.when(pl.col("geslacht").is_not_null()).then(
            pl.col("geslacht").str.to_lowercase().str.replace_all(r"[\s\-]", "")
            .replace_strict(_GESLACHT, default="?")
        ).alias("_gs"),
    )  # fmt: skip
    factor = _uren_problemen(bestand, f, ctx.voltijd_uren) if uren else [
        _leeg(bestand, f, "deeltijdfactor", "deeltijdfactor ontbreekt"),
        rij_problemen(bestand, f, parse.ongeldig("deeltijdfactor", "_f"), "deeltijdfactor",
                      "geen getal", pl.col("deeltijdfactor")),
        rij_problemen(
            bestand, f, (pl.col("_f") <= 0) | (pl.col("_f") > 1.5), "deeltijdfactor",
            "deeltijdfactor moet groter dan 0 en ten hoogste 1,5 zijn (bijvoorbeeld 0,8)",
            pl.col("deeltijdfactor"),
        ),
    ]  # fmt: skip
    delen = [
        _leeg(bestand, f, "medewerker_id", "medewerker_id ontbreekt"),
        _leeg(bestand, f, "eenheid", "eenheid ontbreekt"),
        _leeg(bestand, f, "begindatum", "begindatum ontbreekt"),
        *factor,
        rij_problemen(bestand, f, parse.ongeldig("begindatum", "_begin"), "begindatum",
                      "geen geldige datum (verwacht dd-mm-jjjj of jjjj-mm-dd)", pl.col("begindatum")),
        rij_problemen(bestand, f, parse.ongeldig("einddatum", "_eind"), "einddatum",
                      "geen geldige datum (verwacht dd-mm-jjjj of jjjj-mm-dd)", pl.col("einddatum")),
        rij_problemen(bestand, f, pl.col("_eind") < pl.col("_begin"), "einddatum",
                      "einddatum ligt voor de begindatum", pl.col("einddatum")),
        rij_problemen(bestand, f, pl.col("geslacht").is_not_null() & (pl.col("_gs") == "?"),
                      "geslacht", "onbekende waarde (gebruik m, v, x of leeg)", pl.col("geslacht")),
        # (an exact age as leeftijdsklasse is refused with the identifiers, before this)
    ]  # fmt: skip
    if ctx.eenheden is not None:
        delen.append(
            rij_problemen(
                bestand, f, pl.col("eenheid").is_not_null() & ~pl.col("eenheid").is_in(list(ctx.eenheden)),
                "eenheid", "onbekende eenheid (komt niet voor in de organisatie)", pl.col("eenheid"),
            )
        )  # fmt: skip
    # Periods of one employee must not overlap (an open end runs on forever).
    geldig = f.filter(pl.col("medewerker_id").is_not_null() & pl.col("_begin").is_not_null()).sort(
        ["medewerker_id", "_begin", "__rij"]
    )
    geldig = geldig.with_columns(
        _vorige(pl.col("_eind").fill_null(_OPEN), "medewerker_id").alias("_vorige_eind"),
        _vorige("__rij", "medewerker_id").alias("_vorige_rij"),
    )
    delen.append(
        rij_problemen(
            bestand, geldig, pl.col("_vorige_eind") >= pl.col("_begin"), "begindatum",
            "dienstverband overlapt met een ander dienstverband van dezelfde medewerker",
            _tekst(pl.col("begindatum"), " (overlapt met rij ", pl.col("_vorige_rij"), ")"),
        )
    )  # fmt: skip
    schoon = f.select(
        "medewerker_id",
        "eenheid",
        pl.col("_begin").alias("begindatum"),
        pl.col("_eind").alias("einddatum"),
        pl.col("_f").alias("deeltijdfactor"),
        pl.col("leeftijdsklasse").fill_null(""),
        pl.col("_gs").fill_null("").alias("geslacht"),
        pl.col("schaalgroep").fill_null(""),
        "__rij",
    )
    return schoon, samenvoegen(delen)


def _uren_problemen(bestand: str, f: pl.DataFrame, voltijd: float) -> list[pl.DataFrame]:
    """Hours per week instead of a factor: a number, more than 0, at most 1,5 × full time, and
    not a factor written in the hours column."""
    grens = fmt.getal(1.5 * voltijd, 0 if (1.5 * voltijd).is_integer() else 1)
    return [
        _leeg(bestand, f, "uren_per_week", "uren per week ontbreken"),
        rij_problemen(bestand, f, parse.ongeldig("uren_per_week", "_f"), "uren_per_week",
                      "geen getal", pl.col("uren_per_week")),
        rij_problemen(
            bestand, f, (pl.col("_f") <= 0) | (pl.col("_f") > 1.5), "uren_per_week",
            f"uren per week moeten groter dan 0 zijn en ten hoogste {grens} (1,5 keer een "
            f"voltijdse week van {fmt.getal(voltijd, 0 if voltijd.is_integer() else 1)} uur)",
            pl.col("uren_per_week"),
        ),
        rij_problemen(
            bestand, f, (pl.col("_f") > 0) & (pl.col("_f") * voltijd <= 1.5), "uren_per_week",
            "dit lijkt een deeltijdfactor, geen aantal uren per week; noem de kolom dan "
            "'deeltijdfactor'", pl.col("uren_per_week"),
        ),
    ]  # fmt: skip


# -- verzuim -------------------------------------------------------------------------------------

#: Columns that give the incapacity: as it is, or inverted (incapacity = 100 − value).
_PERCENTAGE_KOLOMMEN: tuple[tuple[str, bool], ...] = (
    ("ao_percentage", False),
    ("percentage_hersteld", True),
    ("aanwezigheidspercentage", True),
)


def percentage_kolom(f: pl.DataFrame) -> str:
    """The column the incapacity is read from (the first present; `ao_percentage` if none)."""
    return next((k for k, _ in _PERCENTAGE_KOLOMMEN if k in f.columns), "ao_percentage")


def percentage(f: pl.DataFrame) -> pl.Series:
    """The incapacity percentage of each row (null where not given or not a number)."""
    kolom = percentage_kolom(f)
    if kolom not in f.columns:
        return pl.Series(None, [None] * f.height, dtype=pl.Float64)
    waarde = parse.getal_reeks(f[kolom])
    return 100.0 - waarde if dict(_PERCENTAGE_KOLOMMEN)[kolom] else waarde


def percentage_problemen(bestand: str, f: pl.DataFrame, geparsed: str) -> list[pl.DataFrame]:
    """A percentage that is no number, or (written inverted) outside 0-100."""
    kolom = percentage_kolom(f)
    if kolom not in f.columns:
        return []
    uit = [rij_problemen(bestand, f, parse.ongeldig(kolom, geparsed), kolom, "geen getal",
                         pl.col(kolom))]  # fmt: skip
    if kolom != "ao_percentage":
        uit.append(
            rij_problemen(
                bestand, f, (pl.col(geparsed) < 0) | (pl.col(geparsed) > 100), kolom,
                "percentage moet tussen 0 en 100 liggen", pl.col(kolom),
            )
        )  # fmt: skip
    return uit


def _percentage_buiten(bestand: str, f: pl.DataFrame) -> pl.DataFrame:
    """An absence row's incapacity must be 1-100 (written inverted: a recovered or present share
    of 100% leaves no absence)."""
    kolom = percentage_kolom(f)
    if kolom not in f.columns:
        return leeg_rapport()
    if kolom == "ao_percentage":
        return rij_problemen(
            bestand, f, (pl.col("_p") < 1) | (pl.col("_p") > 100), kolom,
            "percentage arbeidsongeschiktheid moet tussen 1 en 100 liggen", pl.col(kolom),
        )  # fmt: skip
    return rij_problemen(
        bestand, f, pl.col("_p").is_between(0, 1, closed="left"), kolom,
        "100% hersteld of aanwezig laat geen verzuim over: het percentage arbeidsongeschiktheid "
        "(100 min deze waarde) moet tussen 1 en 100 liggen", pl.col(kolom),
    )  # fmt: skip


def meldingen_percentage(g: Gekoppeld) -> list[str]:
    """Notices: which column the incapacity was read from when it is not `ao_percentage`, and
    which percentage columns were left unused."""
    aanwezig = [k for k, _ in _PERCENTAGE_KOLOMMEN if k in g.frame.columns]
    if not aanwezig:
        return []
    uit = []
    naam = g.koppen.get(aanwezig[0], aanwezig[0])
    if aanwezig[0] != "ao_percentage":
        uit.append(
            f"Het percentage arbeidsongeschiktheid is 100 min kolom '{naam}' "
            "(0% hersteld of aanwezig = 100% arbeidsongeschikt)."
        )
    for k in aanwezig[1:]:
        uit.append(
            f"Kolom '{g.koppen.get(k, k)}' is niet gebruikt: het percentage staat al in '{naam}'."
        )
    return uit


def valideer_verzuim(bestand: str, g: Gekoppeld, ctx: Context) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Absence rows: dates, percentage 1-100, kind, known employees, phases and spells disjoint."""
    f = g.frame
    for k in ("melding_id", "laatste_verzuimdag", "hersteldatum", "verzuimsoort"):
        f = _optioneel(f, k)
    f = f.with_columns(
        parse.datum_reeks(f["eerste_verzuimdag"]).alias("_eerste"),
        parse.datum_reeks(f["laatste_verzuimdag"]).alias("_laatste_expl"),
        parse.datum_reeks(f["hersteldatum"]).alias("_herstel"),
        percentage(f).alias("_p"),
        pl.when(pl.col("verzuimsoort").is_not_null()).then(
            pl.col("verzuimsoort").str.to_lowercase().str.replace_all(r"[\s\-_&]", "")
            .replace_strict(_VERZUIMSOORT, default="?")
        ).alias("_soort"),
    )  # fmt: skip
    f = f.with_columns(
        pl.coalesce(pl.col("_laatste_expl"), pl.col("_herstel") - pl.duration(days=1)).alias(
            "_laatste"
        ),
        pl.coalesce(pl.col("melding_id"), _tekst("#rij", pl.col("__rij"))).alias("_melding"),
    )
    datum_fout = "geen geldige datum (verwacht dd-mm-jjjj of jjjj-mm-dd)"
    delen = [
        _leeg(bestand, f, "medewerker_id", "medewerker_id ontbreekt"),
        _leeg(bestand, f, "eerste_verzuimdag", "eerste verzuimdag ontbreekt"),
        rij_problemen(bestand, f, parse.ongeldig("eerste_verzuimdag", "_eerste"), "eerste_verzuimdag",
                      datum_fout, pl.col("eerste_verzuimdag")),
        rij_problemen(bestand, f, parse.ongeldig("laatste_verzuimdag", "_laatste_expl"),
                      "laatste_verzuimdag", datum_fout, pl.col("laatste_verzuimdag")),
        rij_problemen(bestand, f, parse.ongeldig("hersteldatum", "_herstel"), "hersteldatum",
                      datum_fout, pl.col("hersteldatum")),
        rij_problemen(
            bestand, f,
            pl.col("_laatste_expl").is_not_null() & pl.col("_herstel").is_not_null()
            & (pl.col("_laatste_expl") != pl.col("_herstel") - pl.duration(days=1)),
            "hersteldatum", "hersteldatum hoort de dag na de laatste verzuimdag te zijn",
            pl.col("hersteldatum"),
        ),
        rij_problemen(
            bestand, f, pl.col("_laatste_expl") < pl.col("_eerste"), "laatste_verzuimdag",
            "laatste verzuimdag ligt voor de eerste verzuimdag", pl.col("laatste_verzuimdag"),
        ),
        rij_problemen(
            bestand, f, pl.col("_laatste_expl").is_null() & (pl.col("_herstel") <= pl.col("_eerste")),
            "hersteldatum", "hersteldatum ligt niet na de eerste verzuimdag", pl.col("hersteldatum"),
        ),
        *percentage_problemen(bestand, f, "_p"),
        _percentage_buiten(bestand, f),
        rij_problemen(
            bestand, f, pl.col("verzuimsoort").is_not_null() & (pl.col("_soort") == "?"),
            "verzuimsoort",
            "onbekende verzuimsoort (gebruik ziekte, zwangerschap of arbeidsongeval); de waarde "
            "wordt niet herhaald, want hier staat soms een diagnose",
            identifiers.maskeer_expr(pl.col("verzuimsoort")),
        ),
    ]  # fmt: skip
    if ctx.peildatum is not None:
        delen.append(
            rij_problemen(
                bestand, f, pl.col("_eerste") > ctx.peildatum, "eerste_verzuimdag",
                f"eerste verzuimdag ligt na de peildatum ({ctx.peildatum:%d-%m-%Y})",
                pl.col("eerste_verzuimdag"),
            )
        )  # fmt: skip
    if ctx.medewerkers is not None:
        delen.append(
            rij_problemen(
                bestand, f,
                pl.col("medewerker_id").is_not_null() & ~pl.col("medewerker_id").is_in(list(ctx.medewerkers)),
                "medewerker_id", "medewerker komt niet voor in het personeelsextract",
                pl.col("medewerker_id"),
            )
        )  # fmt: skip
    f = f.with_columns(
        pl.col("_p").fill_null(100.0),
        pl.col("_soort").fill_null("ziekte"),
        pl.col("_melding").rank("dense").cast(pl.Int32).alias("_mnr"),
        pl.col("medewerker_id").rank("dense").cast(pl.Int32).alias("_mw"),
        pl.col("_soort").rank("dense").cast(pl.Int32).alias("_sk"),
    )
    geldig = f.filter(pl.col("medewerker_id").is_not_null() & pl.col("_eerste").is_not_null())
    # Phases of one spell: one employee, one kind, no overlap, only the last may be open.
    geldig = geldig.sort(["_mnr", "_eerste", "__rij"]).with_columns(
        (pl.col("_mw").min().over("_mnr") != pl.col("_mw").max().over("_mnr")).alias("n_mw_meer"),
        (pl.col("_sk").min().over("_mnr") != pl.col("_sk").max().over("_mnr")).alias(
            "n_soort_meer"
        ),
    )
    delen += [
        rij_problemen(bestand, geldig, pl.col("n_mw_meer"), "melding_id",
                      "melding hoort bij meer dan één medewerker", pl.col("melding_id")),
        rij_problemen(bestand, geldig, pl.col("n_soort_meer"), "verzuimsoort",
                      "fasen van één melding hebben verschillende verzuimsoorten", pl.col("verzuimsoort")),
    ]  # fmt: skip
    fasen = geldig.with_columns(
        _vorige(pl.col("_laatste").fill_null(_OPEN), "_mnr").alias("_vorige"),
        _vorige("__rij", "_mnr").alias("_vorige_rij"),
        _vorige(pl.col("_laatste").is_null(), "_mnr").alias("_vorige_open"),
    )
    delen += [
        rij_problemen(
            bestand, fasen, pl.col("_vorige_open").fill_null(False), "laatste_verzuimdag",
            "een eerdere fase van deze melding heeft geen einde, maar er volgt nog een fase",
            _tekst("melding ", pl.col("melding_id"), " (fase op rij ", pl.col("_vorige_rij"), ")"),
        ),
        rij_problemen(
            bestand, fasen, ~pl.col("_vorige_open").fill_null(False) & (pl.col("_vorige") >= pl.col("_eerste")),
            "eerste_verzuimdag", "fase overlapt met een andere fase van dezelfde melding",
            _tekst(pl.col("eerste_verzuimdag"), " (overlapt met rij ", pl.col("_vorige_rij"), ")"),
        ),
    ]  # fmt: skip
    # geldig is sorted by spell and first day: the first row of a spell is its first phase
    meldingen = (
        geldig.group_by("_mnr", maintain_order=True)
        .agg(
            pl.col("_mw").first(),
            pl.col("_eerste").first().alias("_begin"),
            pl.col("_laatste").fill_null(_OPEN).max().alias("_eind"),
            pl.col("__rij").first(),
            pl.col("eerste_verzuimdag").first(),
        )
        .sort(["_mw", "_begin", "__rij"])
        .with_columns(
            _vorige("_eind", "_mw").alias("_vorige"),
            _vorige("__rij", "_mw").alias("_vorige_rij"),
        )
    )
    delen.append(
        rij_problemen(
            bestand, meldingen, pl.col("_vorige") >= pl.col("_begin"), "eerste_verzuimdag",
            "verzuimmelding overlapt met een andere melding van dezelfde medewerker",
            _tekst(pl.col("eerste_verzuimdag"), " (overlapt met rij ", pl.col("_vorige_rij"), ")"),
        )
    )  # fmt: skip
    schoon = f.select(
        "medewerker_id",
        pl.col("_melding").alias("melding_id"),
        pl.col("_mnr").alias("melding_nr"),
        pl.col("_eerste").alias("eerste_verzuimdag"),
        pl.col("_laatste").alias("laatste_verzuimdag"),
        pl.col("_p").alias("ao_percentage"),
        pl.col("_soort").alias("verzuimsoort"),
        "__rij",
    )
    return schoon, samenvoegen(delen)


def laatste_datum(verzuim: pl.DataFrame) -> dt.date | None:
    """The latest date in a clean absence extract (the default peildatum)."""
    if verzuim.height == 0:
        return None
    waarde = verzuim.select(
        pl.max_horizontal(pl.col("eerste_verzuimdag").max(), pl.col("laatste_verzuimdag").max())
    ).item()
    return waarde if isinstance(waarde, dt.date) else None


# -- enquete -------------------------------------------------------------------------------------


def valideer_enquete(bestand: str, g: Gekoppeld, ctx: Context) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Survey results per unit and wave (respondent-level files are aggregated here)."""
    f = g.frame
    schalen = [c for c in f.columns if c not in ("meting", "eenheid", "respondenten", "__rij")]
    delen = [
        _leeg(bestand, f, "meting", "meting (golf van het onderzoek) ontbreekt"),
        _leeg(bestand, f, "eenheid", "eenheid ontbreekt"),
    ]
    if not schalen:
        delen.append(probleem(bestand, "het bestand bevat geen schaalscores", kolom=""))
    f = f.with_columns([parse.getal(s).alias(f"_s_{s}") for s in schalen])
    for s in schalen:
        delen.append(
            rij_problemen(bestand, f, parse.ongeldig(s, f"_s_{s}"), s, "geen getal", pl.col(s))
        )
        if s == "bevlogenheid":
            delen.append(
                rij_problemen(
                    bestand, f, ~pl.col(f"_s_{s}").is_between(0, 6), s,
                    "bevlogenheid (UWES) ligt tussen 0 en 6", pl.col(s),
                )
            )  # fmt: skip
        else:
            delen.append(
                rij_problemen(bestand, f, pl.col(f"_s_{s}") < 0, s, "negatieve score", pl.col(s))
            )
    if ctx.eenheden is not None:
        delen.append(
            rij_problemen(
                bestand, f, pl.col("eenheid").is_not_null() & ~pl.col("eenheid").is_in(list(ctx.eenheden)),
                "eenheid", "onbekende eenheid (komt niet voor in de organisatie)", pl.col("eenheid"),
            )
        )  # fmt: skip
    if "respondenten" in f.columns:
        f = f.with_columns(parse.getal("respondenten").alias("_n"))
        delen.append(
            rij_problemen(
                bestand, f,
                pl.col("respondenten").is_null() | pl.col("_n").is_null() | (pl.col("_n") < 0)
                | (pl.col("_n") != pl.col("_n").round(0)),
                "respondenten", "aantal respondenten moet een geheel getal van 0 of meer zijn",
                pl.col("respondenten"),
            )
        )  # fmt: skip
        delen.append(
            rij_problemen(
                bestand, f, pl.struct("meting", "eenheid").is_duplicated(), "eenheid",
                "deze eenheid komt meer dan één keer voor in dezelfde meting", pl.col("eenheid"),
            )
        )  # fmt: skip
        per_eenheid = f.select(
            "meting", "eenheid", pl.col("_n").cast(pl.Int64, strict=False).alias("respondenten"),
            *[pl.col(f"_s_{s}").alias(s) for s in schalen],
        )  # fmt: skip
    else:
        # Respondent level: one anonymous row per respondent; aggregate to unit and wave.
        per_eenheid = (
            f.group_by("meting", "eenheid")
            .agg(
                pl.len().alias("respondenten"),
                *[pl.col(f"_s_{s}").mean().alias(s) for s in schalen],
            )
            .sort("meting", "eenheid")
        )
    lang = per_eenheid.unpivot(
        index=["meting", "eenheid", "respondenten"], on=schalen, variable_name="schaal",
        value_name="score",
    ).select("meting", "eenheid", pl.col("respondenten").cast(pl.Int32), "schaal", pl.col("score").cast(pl.Float64))  # fmt: skip
    return lang, samenvoegen(delen)


def bekende_schalen() -> list[str]:
    """The JD-R scales in their display order."""
    return list(SCHALEN)
