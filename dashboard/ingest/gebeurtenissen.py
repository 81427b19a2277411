"""Absence as events (Visma Verzuim's import, the SIVI verzuimstandaard, AFAS): one row per sick
report, partial recovery or full recovery, collapsed into the spells and phases of DESIGN 2.3.

- a sick report (ziekmelding) on day d starts a spell at d, at the given incapacity (100% when
  none is given);
- a partial recovery on d sets the incapacity from d on (a new phase; 0% is a full recovery);
- a full recovery on d makes d the first day back: the last absence day is d − 1.

A recovery without an open spell, a second sick report during an open spell, an employee's
events out of order in the file, and a percentage outside 0-100 are reported with their row.
The spells that come out are then validated as any spell extract (`validate.valideer_verzuim`).
"""

from __future__ import annotations

import polars as pl

from dashboard.ingest import parse
from dashboard.ingest.report import rij_problemen, samenvoegen
from dashboard.ingest.validate import (
    Gekoppeld,
    percentage,
    percentage_kolom,
    percentage_problemen,
)

ZIEK, DEEL, HERSTEL = "ziekmelding", "gedeeltelijk herstel", "volledig herstel"
#: A recovery without "partial" or "full": full, unless it leaves some incapacity.
_HERSTEL_ALGEMEEN = "herstel"

#: Event kinds as written (compared without case, spaces, hyphens and underscores).
GEBEURTENISSEN: dict[str, str] = {
    **dict.fromkeys(
        ("ziekmelding", "ziek", "ziekgemeld", "ziekmelden", "verzuimmelding", "melding",
         "ziekmeldingverzuim", "eersteziektedag", "start"), ZIEK,
    ),
    **dict.fromkeys(
        ("gedeeltelijkherstel", "gedeeltelijkhersteld", "deelherstel", "deelhersteld",
         "gedeeltelijkeherstelmelding", "herstelgedeeltelijk", "partieelherstel",
         "gedeeltelijkbeter", "wijzigingarbeidsongeschiktheid", "wijzigingpercentage"), DEEL,
    ),
    **dict.fromkeys(
        ("volledigherstel", "volledighersteld", "volledigeherstelmelding", "herstelvolledig",
         "betermelding", "betergemeld", "beter", "einde", "eindeverzuim"), HERSTEL,
    ),
    **dict.fromkeys(("herstel", "hersteld", "herstelmelding", "hersteldmelding"), _HERSTEL_ALGEMEEN),
}  # fmt: skip

_DATUM = "geen geldige datum (verwacht dd-mm-jjjj of jjjj-mm-dd)"


def is_gebeurtenissen(g: Gekoppeld) -> bool:
    """True for an absence extract in the events layout."""
    return g.indeling == "verzuim_gebeurtenissen"


def naar_perioden(bestand: str, g: Gekoppeld) -> tuple[Gekoppeld, pl.DataFrame]:
    """The events as spell rows (the spells layout, as text, each phase with the row of the event
    that began it) and the problems of the events themselves."""
    f = g.frame
    p_kolom = percentage_kolom(f)
    for kolom in ("verzuimsoort", p_kolom):
        if kolom not in f.columns:
            f = f.with_columns(pl.lit(None, pl.String).alias(kolom))
    f = f.with_columns(
        parse.datum_reeks(f["datum"]).alias("_d"),
        percentage(f).alias("_p"),
        pl.col("gebeurtenis")
        .str.to_lowercase()
        .str.replace_all(r"[\s\-_.]", "")
        .replace_strict(GEBEURTENISSEN, default="?")
        .alias("_k"),
    )
    # a general "herstel" that leaves incapacity is a partial recovery; a partial one to 0% a
    # full recovery
    f = f.with_columns(
        pl.when(pl.col("_k") == _HERSTEL_ALGEMEEN)
        .then(pl.when(pl.col("_p") > 0).then(pl.lit(DEEL)).otherwise(pl.lit(HERSTEL)))
        .when((pl.col("_k") == DEEL) & (pl.col("_p") == 0))
        .then(pl.lit(HERSTEL))
        .otherwise(pl.col("_k"))
        .alias("_k")
    )
    delen = [
        rij_problemen(bestand, f, pl.col("medewerker_id").is_null(), "medewerker_id",
                      "medewerker_id ontbreekt", pl.lit("")),
        rij_problemen(bestand, f, pl.col("datum").is_null(), "datum", "datum ontbreekt",
                      pl.lit("")),
        rij_problemen(bestand, f, parse.ongeldig("datum", "_d"), "datum", _DATUM, pl.col("datum")),
        rij_problemen(bestand, f, pl.col("gebeurtenis").is_null(), "gebeurtenis",
                      "soort mutatie ontbreekt (ziekmelding, gedeeltelijk herstel of volledig "
                      "herstel)", pl.lit("")),
        rij_problemen(
            bestand, f, pl.col("gebeurtenis").is_not_null() & (pl.col("_k") == "?"), "gebeurtenis",
            "onbekende soort mutatie (gebruik ziekmelding, gedeeltelijk herstel of volledig "
            "herstel)", pl.col("gebeurtenis"),
        ),
        *percentage_problemen(bestand, f, "_p"),
        rij_problemen(
            bestand, f, (pl.col("_p") < 0) | (pl.col("_p") > 100), p_kolom,
            "percentage arbeidsongeschiktheid moet tussen 0 en 100 liggen", pl.col(p_kolom),
        ) if p_kolom == "ao_percentage" else None,
        rij_problemen(
            bestand, f, (pl.col("_k") == DEEL) & pl.col(p_kolom).is_null(), p_kolom,
            "bij een gedeeltelijk herstel hoort het percentage arbeidsongeschiktheid dat overblijft",
            pl.lit(""),
        ),
        rij_problemen(
            bestand, f, (pl.col("_k") == ZIEK) & (pl.col("_p") == 0), p_kolom,
            "een ziekmelding met 0% arbeidsongeschiktheid is geen verzuim", pl.col(p_kolom),
        ),
    ]  # fmt: skip
    geldig = f.filter(
        pl.col("medewerker_id").is_not_null()
        & pl.col("_d").is_not_null()
        & pl.col("_k").is_in([ZIEK, DEEL, HERSTEL])
    )
    volgorde = _volgorde(bestand, geldig)
    delen.append(volgorde)
    # an employee whose events are out of order gets only that problem: walked in date order
    # they would give follow-on problems that the order explains
    rijen = volgorde["rij"].to_list()
    verkeerd = geldig.filter(pl.col("__rij").is_in(rijen))["medewerker_id"].unique()
    perioden, fouten = _perioden(bestand, geldig.filter(~pl.col("medewerker_id").is_in(verkeerd)))
    delen += fouten
    koppen = {
        "medewerker_id": g.koppen.get("medewerker_id", "medewerker_id"),
        "eerste_verzuimdag": g.koppen.get("datum", "datum"),
        "laatste_verzuimdag": g.koppen.get("datum", "datum"),
        "ao_percentage": g.koppen.get(p_kolom, p_kolom),
        "verzuimsoort": g.koppen.get("verzuimsoort", "verzuimsoort"),
        "melding_id": g.koppen.get("gebeurtenis", "gebeurtenis"),
    }
    # the events' own problems name their columns as written as well
    rapport = samenvoegen([d for d in delen if d is not None])
    if rapport.height:
        rapport = rapport.with_columns(pl.col("kolom").replace(g.koppen))
    uit = Gekoppeld(
        perioden,
        g.extra,
        g.meldingen,
        {k: v for k, v in koppen.items() if k != v},
        "verzuim",
    )
    return uit, rapport


def _volgorde(bestand: str, f: pl.DataFrame) -> pl.DataFrame:
    """An employee's events must come in date order in the file (a later row, a later or the
    same date): out of order, a recovery could belong to either spell."""
    f = f.sort("medewerker_id", "__rij").with_columns(
        pl.col("_d").shift(1).over("medewerker_id").alias("_vorige_d"),
        pl.col("__rij").shift(1).over("medewerker_id").alias("_vorige_rij"),
    )
    return rij_problemen(
        bestand,
        f,
        pl.col("_d") < pl.col("_vorige_d"),
        "datum",
        "mutaties van deze medewerker staan niet op volgorde van datum: deze ligt voor de "
        "mutatie op een eerdere rij",
        pl.concat_str(
            [
                pl.col("datum"),
                pl.lit(" (rij "),
                pl.col("_vorige_rij").cast(pl.String),
                pl.lit(": "),
                pl.col("_vorige_d").dt.strftime("%d-%m-%Y"),
                pl.lit(")"),
            ]
        ),
    )


def _perioden(bestand: str, f: pl.DataFrame) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    """Walk each employee's events in date order: the phases of each spell, and the events that
    do not fit (a recovery with no open spell, a sick report during one, no day left)."""
    mw = "medewerker_id"
    f = f.sort(mw, "_d", "__rij")
    zh = pl.when(pl.col("_k").is_in([ZIEK, HERSTEL])).then(pl.col("_k"))
    z_rij = pl.when(pl.col("_k") == ZIEK).then(pl.col("__rij"))
    f = f.with_columns(
        # the state before each event: the last sick report or full recovery before it
        (zh.shift(1).forward_fill().over(mw) == ZIEK).fill_null(False).alias("_open"),
        z_rij.shift(1).forward_fill().over(mw).alias("_z_rij"),
    )
    fouten = [
        rij_problemen(
            bestand, f, (pl.col("_k") == ZIEK) & pl.col("_open"), "gebeurtenis",
            "tweede ziekmelding terwijl de vorige nog openstaat (er is geen herstelmelding "
            "tussen)", pl.concat_str([pl.col("gebeurtenis"), pl.lit(" (ziekmelding op rij "),
                                      pl.col("_z_rij").cast(pl.String), pl.lit(")")]),
        ),
        rij_problemen(
            bestand, f, (pl.col("_k") != ZIEK) & ~pl.col("_open"), "gebeurtenis",
            "herstelmelding zonder openstaande ziekmelding van deze medewerker",
            pl.col("gebeurtenis"),
        ),
    ]  # fmt: skip
    f = f.filter(pl.col("_open") == (pl.col("_k") != ZIEK)).with_columns(
        (pl.col("_k") == ZIEK).cum_sum().over(mw).alias("_geval"),
    )
    f = f.with_columns(
        pl.col("_d").shift(-1).over(mw, "_geval").alias("_volgende_d"),
        pl.col("__rij").shift(-1).over(mw, "_geval").alias("_volgende_rij"),
        # a recovery row without a kind of absence belongs to the kind of its sick report
        pl.col("verzuimsoort").forward_fill().over(mw, "_geval").alias("_soort"),
    )
    fasen = f.filter(pl.col("_k") != HERSTEL).with_columns(
        (pl.col("_volgende_d") - pl.duration(days=1)).alias("_eind")
    )
    fouten.append(
        rij_problemen(
            bestand, fasen, pl.col("_eind") < pl.col("_d"), "datum",
            "mutatie op dezelfde dag als de vorige van deze medewerker: er blijft geen verzuimdag "
            "tussen (een herstel op dag d betekent: d is de eerste werkdag)",
            pl.concat_str([pl.col("datum"), pl.lit(" (volgende mutatie op rij "),
                           pl.col("_volgende_rij").cast(pl.String), pl.lit(")")]),
        )
    )  # fmt: skip
    # (a phase with no day left is reported here, not again as a bad spell)
    perioden = fasen.filter(pl.col("_eind").is_null() | (pl.col("_eind") >= pl.col("_d"))).select(
        mw,
        pl.concat_str([pl.col(mw), pl.lit("#"), pl.col("_geval").cast(pl.String)]).alias(
            "melding_id"
        ),
        pl.col("datum").alias("eerste_verzuimdag"),
        pl.col("_eind").dt.strftime("%d-%m-%Y").alias("laatste_verzuimdag"),
        # a percentage reported above (0% at a sick report, outside 0-100) is not reported
        # again as a bad phase
        pl.when(((pl.col("_k") == ZIEK) & (pl.col("_p") == 0)) | ~pl.col("_p").is_between(0, 100))
        .then(None)
        .otherwise(pl.col("_p"))
        .cast(pl.String)
        .alias("ao_percentage"),
        pl.col("_soort").alias("verzuimsoort"),
        "__rij",
    )
    return perioden, fouten
