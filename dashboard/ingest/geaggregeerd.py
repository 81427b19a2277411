"""Aggregated monthly extracts (issue 12, section 3): read and checked, one row per unit and month.

Three layouts (columns.INDELINGEN["geaggregeerd"]):

- the plain wide layout: `eenheid`, `maand` (JJJJ-MM) and any of the figures of
  columns.GEAGGREGEERDE_CIJFERS;
- P-Direkt's monthly file, long: `organisatie;org_afk;soort;onderwerp;jaar;maand;maand_nr;aantal`
  with `onderwerp` one of `zv%`, `zv% 1-7`, `zv% 8-42`, `zv% 43-365`, `zv%> 1 jaar` (maand `jan`,
  `feb`, ... when maand_nr is missing);
- P-Direkt's daily file: `...;onderwerp;datum;...;aantal` with `Aantal zieken` (people sick that
  day) and `Aantal ziekmeldingen` (new reports that day): a month's meldingen are the sum of its
  days, `gemiddeld_aantal_zieken` the mean over its days, `dagen` how many days it covers.

The result of each layout is the same frame (`KOLOMMEN_UIT`), figures as Float64, empty where the
file does not give them; `org_afk` is the unit code. Problems carry the row as the user sees it
(`rij N`). Several files combine (`combineer`) when they do not contradict each other.

Not yet stored: the store, the metrics and the publication pattern do not know aggregated units
yet, so this kind is not in columns.SOORTEN (not offered by the CLI or the Gegevens page).
"""

from __future__ import annotations

import polars as pl

from dashboard.ingest import identifiers, parse
from dashboard.ingest.columns import GEAGGREGEERDE_CIJFERS
from dashboard.ingest.read import LeesFout, lees
from dashboard.ingest.report import leeg_rapport, probleem, rij_problemen, samenvoegen
from dashboard.ingest.validate import Gekoppeld, koppel

SOORT = "geaggregeerd"
CIJFERS: tuple[str, ...] = tuple(naam for naam, _ in GEAGGREGEERDE_CIJFERS)
#: Figures of the daily file (not in the wide layout).
DAGCIJFERS: tuple[str, ...] = ("gemiddeld_aantal_zieken", "dagen")
PERCENTAGES: tuple[str, ...] = tuple(c for c in CIJFERS if c.startswith("verzuimpercentage"))
#: Counts: whole numbers.
AANTALLEN: tuple[str, ...] = ("meldingen", "beeindigde_meldingen")
KOLOMMEN_UIT: tuple[str, ...] = ("eenheid", "naam", "maand", *CIJFERS, *DAGCIJFERS, "__rij")

#: P-Direkt's subjects (after normaliseer) -> figure.
ONDERWERPEN_MAAND: dict[str, str] = {
    "zv%": "verzuimpercentage",
    "zv%17": "verzuimpercentage_kort",
    "zv%842": "verzuimpercentage_middellang",
    "zv%43365": "verzuimpercentage_lang",
    "zv%>1jaar": "verzuimpercentage_extra_lang",
    "zv%>365": "verzuimpercentage_extra_lang",
}
ONDERWERPEN_DAG: dict[str, str] = {
    "aantalzieken": "zieken",
    "aantalziekmeldingen": "ziekmeldingen",
}
_MAANDNAMEN: dict[str, int] = {
    "jan": 1, "feb": 2, "mrt": 3, "maa": 3, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def lees_bestand(inhoud: bytes, bestand: str) -> tuple[pl.DataFrame, pl.DataFrame, list[str]]:
    """One aggregated file: (the monthly frame, the problems, notices). The frame is empty when
    there are problems."""
    try:
        tabel = lees(inhoud, bestand, SOORT)
    except LeesFout as fout:
        return _leeg_frame(), probleem(bestand, str(fout), rij=fout.rij), []
    id_problemen = identifiers.controleer(tabel, SOORT)
    if id_problemen.height:
        return _leeg_frame(), id_problemen, []
    g, problemen = koppel(tabel, SOORT)
    if problemen.height:
        return _leeg_frame(), problemen, g.meldingen
    if g.frame.height == 0:
        return _leeg_frame(), probleem(bestand, "het bestand bevat geen gegevensrijen"), []
    lezer = {"geaggregeerd_maand": _maand_lang, "geaggregeerd_dag": _dag}.get(g.indeling, _breed)
    frame, problemen, meldingen = lezer(bestand, g)
    if problemen.height:
        return _leeg_frame(), _eigen_koppen(problemen, g), g.meldingen + meldingen
    return frame.select(KOLOMMEN_UIT), leeg_rapport(), g.meldingen + meldingen


def combineer(delen: list[tuple[str, pl.DataFrame]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Several files' frames as one: a figure of a unit and month given by two files must be the
    same in both (a monthly and a daily file may each give what the other lacks)."""
    frames = [f.with_columns(pl.lit(b).alias("_bestand")) for b, f in delen if f.height]
    if not frames:
        return _leeg_frame(), leeg_rapport()
    alles = pl.concat(frames, how="vertical")
    problemen = [leeg_rapport()]
    for c in (*CIJFERS, *DAGCIJFERS):
        verschil = (
            alles.filter(pl.col(c).is_not_null())
            .group_by("eenheid", "maand")
            .agg(
                pl.col(c).n_unique().alias("n"),
                pl.col("_bestand").last().alias("bestand"),
                pl.col("__rij").last().alias("rij"),
                pl.col(c).cast(pl.String).str.join(" / ").alias("waarde"),
            )
            .filter(pl.col("n") > 1)
            .sort("bestand", "rij")
        )
        for r in verschil.iter_rows(named=True):
            problemen.append(
                probleem(
                    r["bestand"],
                    f"{c} van {r['eenheid']} in {r['maand']:%m-%Y} staat ook in een ander bestand, "
                    "met een andere waarde",
                    kolom=c,
                    rij=r["rij"],
                    waarde=r["waarde"],
                )
            )
    rapport = samenvoegen(problemen)
    if rapport.height:
        return _leeg_frame(), rapport
    samen = (
        alles.sort("_bestand", "__rij")
        .group_by("eenheid", "maand", maintain_order=True)
        .agg(pl.col("naam").drop_nulls().first(), pl.col("__rij").first(),
             *(pl.col(c).drop_nulls().first() for c in (*CIJFERS, *DAGCIJFERS)))
        .sort("eenheid", "maand")
    )  # fmt: skip
    return samen.select(KOLOMMEN_UIT), rapport


# -- the layouts ---------------------------------------------------------------------------------


def _breed(bestand: str, g: Gekoppeld) -> tuple[pl.DataFrame, pl.DataFrame, list[str]]:
    """The wide layout: one row per unit and month."""
    f = g.frame
    gegeven = [c for c in CIJFERS if c in f.columns]
    f = f.with_columns(
        _maand_uit_tekst(pl.col("maand")).alias("_maand"),
        *(parse.getal_reeks(f[c]).alias(f"_{c}") for c in gegeven),
    )
    delen = [
        rij_problemen(bestand, f, pl.col("eenheid").is_null(), "eenheid", "eenheid ontbreekt",
                      pl.lit("")),
        rij_problemen(bestand, f, pl.col("maand").is_null(), "maand", "maand ontbreekt",
                      pl.lit("")),
        rij_problemen(bestand, f, pl.col("maand").is_not_null() & pl.col("_maand").is_null(),
                      "maand", "geen geldige maand (verwacht jjjj-mm, zoals 2024-03)",
                      pl.col("maand")),
    ]  # fmt: skip
    for c in gegeven:
        delen += _cijfer_problemen(bestand, f, c, f"_{c}", c)
    if gegeven:
        delen.append(
            rij_problemen(
                bestand, f, pl.all_horizontal([pl.col(c).is_null() for c in gegeven]), "maand",
                "deze rij geeft geen enkel cijfer", pl.col("maand"),
            )
        )  # fmt: skip
    else:
        delen.append(
            probleem(
                bestand,
                "het bestand heeft geen kolom met cijfers (verwacht een of meer van: "
                + ", ".join(CIJFERS) + ")",
                rij=1,
            )
        )  # fmt: skip
    delen.append(_dubbel(bestand, f, ["eenheid", "_maand"], "maand", "eenheid en maand"))
    if "verzuimdagen" in gegeven and "beschikbare_dagen" in gegeven:
        delen.append(
            rij_problemen(
                bestand, f, pl.col("_verzuimdagen") > pl.col("_beschikbare_dagen"), "verzuimdagen",
                "meer verzuimdagen dan beschikbare dagen", pl.col("verzuimdagen"),
            )
        )  # fmt: skip
    uit = f.select(
        "eenheid",
        pl.lit(None, pl.String).alias("naam"),
        pl.col("_maand").alias("maand"),
        *(
            (pl.col(f"_{c}") if c in gegeven else pl.lit(None, pl.Float64)).alias(c)
            for c in (*CIJFERS, *DAGCIJFERS)
        ),
        "__rij",
    )
    return uit, samenvoegen(delen), []


def _maand_lang(bestand: str, g: Gekoppeld) -> tuple[pl.DataFrame, pl.DataFrame, list[str]]:
    """P-Direkt's monthly file: one row per unit, month and subject."""
    f = _met(g.frame, "organisatie", "maand", "maand_nr")
    f = f.with_columns(
        parse.getal_reeks(f["jaar"]).alias("_jaar"),
        parse.getal_reeks(f["maand_nr"]).alias("_nr"),
        pl.col("maand").str.strip_chars().str.to_lowercase().str.slice(0, 3)
        .replace_strict(_MAANDNAMEN, default=None, return_dtype=pl.Int64).alias("_naam_nr"),
        parse.getal_reeks(f["aantal"]).alias("_aantal"),
        _onderwerp(pl.col("onderwerp"), ONDERWERPEN_MAAND).alias("_cijfer"),
    )  # fmt: skip
    f = f.with_columns(pl.coalesce(pl.col("_nr"), pl.col("_naam_nr")).alias("_m"))
    geldig_jaar = pl.col("_jaar").is_between(1990, 2100) & (pl.col("_jaar") % 1 == 0)
    geldige_maand = pl.col("_m").is_between(1, 12) & (pl.col("_m") % 1 == 0)
    delen = [
        *_sleutel_problemen(bestand, f),
        rij_problemen(bestand, f, ~geldig_jaar.fill_null(False), "jaar",
                      "geen geldig jaar", pl.col("jaar")),
        rij_problemen(bestand, f, ~geldige_maand.fill_null(False), "maand_nr",
                      "geen geldige maand (maand_nr 1-12, of maand jan, feb, ...)",
                      pl.coalesce(pl.col("maand_nr"), pl.col("maand"))),
        rij_problemen(bestand, f, pl.col("_nr").is_not_null() & pl.col("_naam_nr").is_not_null()
                      & (pl.col("_nr") != pl.col("_naam_nr")), "maand",
                      "maand en maand_nr noemen een andere maand",
                      pl.concat_str([pl.col("maand"), pl.lit(" / "), pl.col("maand_nr")])),
        *_cijfer_problemen(bestand, f.filter(pl.col("_cijfer").is_not_null()), "aantal",
                           "_aantal", "verzuimpercentage"),
    ]  # fmt: skip
    f = f.with_columns(
        pl.when(geldig_jaar & geldige_maand)
        .then(pl.date(pl.col("_jaar").cast(pl.Int32), pl.col("_m").cast(pl.Int8), 1))
        .alias("_maand")
    )
    bekend = f.filter(pl.col("_cijfer").is_not_null())
    delen.append(
        _dubbel(bestand, bekend, ["org_afk", "_maand", "_cijfer"], "onderwerp",
                "eenheid, maand en onderwerp")
    )  # fmt: skip
    meldingen = _onbekende_onderwerpen(f, ONDERWERPEN_MAAND)
    if bekend.height == 0:
        delen.append(_geen_onderwerp(bestand, ONDERWERPEN_MAAND))
    rapport = samenvoegen(delen)
    if rapport.height:
        return _leeg_frame(), rapport, meldingen
    return _draai(bekend, "_aantal"), rapport, meldingen


def _dag(bestand: str, g: Gekoppeld) -> tuple[pl.DataFrame, pl.DataFrame, list[str]]:
    """P-Direkt's daily file: people sick and new reports per unit and day, made monthly."""
    f = _met(g.frame, "organisatie")
    f = f.with_columns(
        parse.datum_reeks(f["datum"]).alias("_d"),
        parse.getal_reeks(f["aantal"]).alias("_aantal"),
        _onderwerp(pl.col("onderwerp"), ONDERWERPEN_DAG).alias("_cijfer"),
    )
    bekend = f.filter(pl.col("_cijfer").is_not_null())
    delen = [
        *_sleutel_problemen(bestand, f),
        rij_problemen(bestand, f, pl.col("datum").is_null(), "datum", "datum ontbreekt",
                      pl.lit("")),
        rij_problemen(bestand, f, parse.ongeldig("datum", "_d"), "datum",
                      "geen geldige datum (verwacht dd-mm-jjjj of jjjj-mm-dd)", pl.col("datum")),
        *_cijfer_problemen(bestand, bekend, "aantal", "_aantal", "meldingen"),
        _dubbel(bestand, bekend, ["org_afk", "_d", "_cijfer"], "onderwerp",
                "eenheid, datum en onderwerp"),
    ]  # fmt: skip
    meldingen = _onbekende_onderwerpen(f, ONDERWERPEN_DAG)
    if bekend.height == 0:
        delen.append(_geen_onderwerp(bestand, ONDERWERPEN_DAG))
    rapport = samenvoegen(delen)
    if rapport.height:
        return _leeg_frame(), rapport, meldingen
    bekend = bekend.with_columns(pl.col("_d").dt.truncate("1mo").alias("_maand"))
    per_maand = bekend.group_by("org_afk", "_maand").agg(
        pl.col("organisatie").drop_nulls().first(),
        pl.col("__rij").min(),
        pl.col("_aantal").filter(pl.col("_cijfer") == "ziekmeldingen").sum().alias("meldingen"),
        pl.col("_aantal")
        .filter(pl.col("_cijfer") == "ziekmeldingen")
        .count()
        .alias("_n_meldingen"),
        pl.col("_aantal").filter(pl.col("_cijfer") == "zieken").mean().alias("gemiddeld_aantal_zieken"),
        pl.col("_d").n_unique().cast(pl.Float64).alias("dagen"),
    )  # fmt: skip
    uit = per_maand.select(
        pl.col("org_afk").alias("eenheid"),
        pl.col("organisatie").alias("naam"),
        pl.col("_maand").alias("maand"),
        *(
            (
                pl.when(pl.col("_n_meldingen") > 0).then(pl.col("meldingen"))
                if c == "meldingen"
                else pl.lit(None, pl.Float64)
            ).cast(pl.Float64).alias(c)
            for c in CIJFERS
        ),
        "gemiddeld_aantal_zieken",
        "dagen",
        "__rij",
    ).sort("eenheid", "maand")  # fmt: skip
    return uit, rapport, meldingen


# -- helpers -------------------------------------------------------------------------------------


def _leeg_frame() -> pl.DataFrame:
    schema: dict[str, pl.DataType] = {
        "eenheid": pl.String(),
        "naam": pl.String(),
        "maand": pl.Date(),
    }
    schema |= {c: pl.Float64() for c in (*CIJFERS, *DAGCIJFERS)}
    schema["__rij"] = pl.Int64()
    return pl.DataFrame(schema=schema)


def _met(f: pl.DataFrame, *kolommen: str) -> pl.DataFrame:
    ontbreekt = [pl.lit(None, pl.String).alias(k) for k in kolommen if k not in f.columns]
    return f.with_columns(ontbreekt) if ontbreekt else f


def _maand_uit_tekst(tekst: pl.Expr) -> pl.Expr:
    """JJJJ-MM (also JJJJ-M, JJJJMM) as the first day of the month; null when not a month."""
    t = tekst.str.strip_chars()
    delen = t.str.extract_groups(r"^(\d{4})-?(0?[1-9]|1[0-2])$")
    jaar = delen.struct.field("1").cast(pl.Int32, strict=False)
    maand = delen.struct.field("2").cast(pl.Int8, strict=False)
    return pl.when(jaar.is_between(1990, 2100)).then(pl.date(jaar, maand, 1))


def _onderwerp(onderwerp: pl.Expr, bekend: dict[str, str]) -> pl.Expr:
    sleutel = (
        onderwerp.str.to_lowercase()
        .str.replace_all(r"[\s_\-\.'/()]+", "")
        .str.replace("procent", "%", literal=True)
    )
    return sleutel.replace_strict(bekend, default=None, return_dtype=pl.String)


def _sleutel_problemen(bestand: str, f: pl.DataFrame) -> list[pl.DataFrame]:
    return [
        rij_problemen(bestand, f, pl.col("org_afk").is_null(), "org_afk",
                      "org_afk (de code van de eenheid) ontbreekt", pl.lit("")),
        rij_problemen(bestand, f, pl.col("onderwerp").is_null(), "onderwerp",
                      "onderwerp ontbreekt", pl.lit("")),
        rij_problemen(bestand, f, pl.col("aantal").is_null(), "aantal", "aantal ontbreekt",
                      pl.lit("")),
    ]  # fmt: skip


def _cijfer_problemen(
    bestand: str, f: pl.DataFrame, kolom: str, geparsed: str, cijfer: str | None
) -> list[pl.DataFrame]:
    """A figure that is no number or is negative; a percentage above 100; a count with decimals.
    In the long layouts `cijfer` is a placeholder: the row's subject (`_cijfer`) decides."""
    soort = pl.col("_cijfer") if "_cijfer" in f.columns else pl.lit(cijfer)
    percentage = soort.is_in(list(PERCENTAGES))
    aantal = soort.is_in([*AANTALLEN, "zieken", "ziekmeldingen"])
    w = pl.col(geparsed)
    return [
        rij_problemen(bestand, f, parse.ongeldig(kolom, geparsed), kolom, "geen getal",
                      pl.col(kolom)),
        rij_problemen(bestand, f, w < 0, kolom, "mag niet negatief zijn", pl.col(kolom)),
        rij_problemen(bestand, f, percentage & (w > 100), kolom,
                      "een percentage ligt tussen 0 en 100", pl.col(kolom)),
        rij_problemen(bestand, f, aantal & (w % 1 != 0), kolom,
                      "een aantal is een geheel getal", pl.col(kolom)),
    ]  # fmt: skip


def _dubbel(
    bestand: str, f: pl.DataFrame, sleutel: list[str], kolom: str, wat: str
) -> pl.DataFrame:
    """A second row for the same key, naming the first."""
    f = f.filter(pl.all_horizontal([pl.col(k).is_not_null() for k in sleutel])).with_columns(
        pl.col("__rij").min().over(sleutel).alias("_eerste")
    )
    return rij_problemen(
        bestand, f, pl.col("__rij") != pl.col("_eerste"), kolom,
        f"dezelfde {wat} staan al op een eerdere rij", pl.concat_str(
            [pl.lit("rij "), pl.col("_eerste").cast(pl.String)]
        ),
    )  # fmt: skip


def _onbekende_onderwerpen(f: pl.DataFrame, bekend: dict[str, str]) -> list[str]:
    onbekend = (
        f.filter(pl.col("_cijfer").is_null() & pl.col("onderwerp").is_not_null())["onderwerp"]
        .unique(maintain_order=True)
        .to_list()
    )
    if not onbekend:
        return []
    return [
        "Onderwerpen die niet worden gebruikt en zijn genegeerd: "
        + ", ".join(f"'{o}'" for o in onbekend[:10])
        + (" en meer" if len(onbekend) > 10 else "")
    ]


def _geen_onderwerp(bestand: str, bekend: dict[str, str]) -> pl.DataFrame:
    namen = {"verzuimpercentage": "zv%", "verzuimpercentage_kort": "zv% 1-7",
             "verzuimpercentage_middellang": "zv% 8-42", "verzuimpercentage_lang": "zv% 43-365",
             "verzuimpercentage_extra_lang": "zv%> 1 jaar", "zieken": "Aantal zieken",
             "ziekmeldingen": "Aantal ziekmeldingen"}  # fmt: skip
    verwacht = ", ".join(dict.fromkeys(namen[c] for c in bekend.values()))
    return probleem(bestand, f"geen enkele rij met een bekend onderwerp (verwacht: {verwacht})")


def _draai(f: pl.DataFrame, waarde: str) -> pl.DataFrame:
    """Long rows (unit, month, figure, value) as one row per unit and month."""
    breed = f.pivot(
        on="_cijfer", index=["org_afk", "_maand"], values=waarde, aggregate_function="first"
    )
    eerste = f.group_by("org_afk", "_maand").agg(
        pl.col("organisatie").drop_nulls().first(), pl.col("__rij").min()
    )
    breed = breed.join(eerste, on=["org_afk", "_maand"], how="left", nulls_equal=True)
    return breed.select(
        pl.col("org_afk").alias("eenheid"),
        pl.col("organisatie").alias("naam"),
        pl.col("_maand").alias("maand"),
        *(
            (pl.col(c) if c in breed.columns else pl.lit(None, pl.Float64)).cast(pl.Float64).alias(c)
            for c in (*CIJFERS, *DAGCIJFERS)
        ),
        "__rij",
    ).sort("eenheid", "maand")  # fmt: skip


def _eigen_koppen(rapport: pl.DataFrame, g: Gekoppeld) -> pl.DataFrame:
    return rapport.with_columns(pl.col("kolom").replace(g.koppen)) if g.koppen else rapport
