"""A seeded central-government-sized extract: ~130,000 employees, 10 years, ~2 million spells.

Written in the real formats (`;`-separated CSV, dd-mm-jjjj, decimal commas) into data/bench/;
not committed (see .gitignore). Statistical realism is not the point here; size and shape are.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import polars as pl

PEILDATUM = dt.date(2026, 10, 31)
BEGIN = dt.date(2016, 11, 1)
SEED = 20261124


def genereer(doel: Path, medewerkers: int = 130_000, organisaties: int = 20) -> dict[str, Path]:
    """Write organisatie.csv, personeel.csv and verzuim.csv; returns their paths."""
    rng = np.random.default_rng(SEED)
    doel.mkdir(parents=True, exist_ok=True)

    # organisation tree: root -> DG -> directie -> afdeling
    eenheden, afdelingen = [], []
    for o in range(organisaties):
        root = f"R{o:02d}"
        eenheden.append((root, f"Organisatie {o:02d}", None))
        for g in range(int(rng.integers(3, 6))):
            dg = f"{root}G{g}"
            eenheden.append((dg, f"DG {o:02d}-{g}", root))
            for d in range(int(rng.integers(3, 6))):
                directie = f"{dg}D{d}"
                eenheden.append((directie, f"Directie {o:02d}-{g}-{d}", dg))
                for a in range(int(rng.integers(3, 7))):
                    afdeling = f"{directie}A{a}"
                    eenheden.append((afdeling, f"Afdeling {o:02d}-{g}-{d}-{a}", directie))
                    afdelingen.append(afdeling)
    org = pl.DataFrame(eenheden, schema=["eenheid", "naam", "bovenliggende_eenheid"], orient="row")

    # employees: the steady workforce plus yearly turnover of ~7%
    dagen_totaal = (PEILDATUM - BEGIN).days
    n_extra = int(medewerkers * 0.07 * 10)
    n = medewerkers + n_extra
    begin = np.where(
        np.arange(n) < medewerkers,
        -rng.integers(0, 365 * 15, n),  # already in service before the extract starts
        rng.integers(0, dagen_totaal, n),
    )
    duur = rng.exponential(365 * 12, n).astype(np.int64) + 30
    eind = begin + duur
    open_eind = eind > dagen_totaal + 365
    afdeling = rng.integers(0, len(afdelingen), n)
    f = rng.choice([1.0, 0.9, 0.8, 0.6, 0.5], n, p=[0.55, 0.2, 0.15, 0.05, 0.05])
    lk = rng.choice(
        ["15-24", "25-34", "35-44", "45-54", "55-64", "65+"],
        n,
        p=[0.04, 0.2, 0.24, 0.25, 0.25, 0.02],
    )
    gs = rng.choice(["m", "v", "x"], n, p=[0.49, 0.5, 0.01])
    sg = rng.choice(
        ["schaal 1-7", "schaal 8-10", "schaal 11-13", "schaal 14+"], n, p=[0.2, 0.35, 0.35, 0.1]
    )
    # a fifth of the employees transfer once: two periods
    transfer = (rng.random(n) < 0.2) & (eind - begin > 120)
    midden = begin + (np.maximum(eind, begin + 60) - begin) // 2
    ids = np.array([f"B{i:07d}" for i in range(n)])
    basis = BEGIN
    per = pl.DataFrame(
        {
            "medewerker_id": np.concatenate([ids, ids[transfer]]),
            "eenheid": np.concatenate(
                [
                    np.array(afdelingen)[afdeling],
                    np.array(afdelingen)[rng.integers(0, len(afdelingen), transfer.sum())],
                ]
            ),
            "b": np.concatenate([begin, midden[transfer] + 1]),
            "e": np.concatenate([np.where(transfer, midden, eind), eind[transfer]]),
            "open": np.concatenate([open_eind & ~transfer, open_eind[transfer]]),
            "deeltijdfactor": np.concatenate([f, f[transfer]]),
            "leeftijdsklasse": np.concatenate([lk, lk[transfer]]),
            "geslacht": np.concatenate([gs, gs[transfer]]),
            "schaalgroep": np.concatenate([sg, sg[transfer]]),
        }
    )
    per = per.with_columns(
        (pl.lit(basis) + pl.duration(days=pl.col("b"))).alias("begindatum"),
        pl.when(pl.col("open"))
        .then(None)
        .otherwise(pl.lit(basis) + pl.duration(days=pl.col("e")))
        .alias("einddatum"),
    )

    # spells: Poisson per employee over their days inside the extract, then made disjoint
    b_in = np.maximum(begin, 0)
    e_in = np.minimum(eind, dagen_totaal)
    jaren = np.clip(e_in - b_in, 0, None) / 365.25
    aantal = rng.poisson(2.7 * jaren)
    mw = np.repeat(np.arange(n), aantal)
    start = b_in[mw] + (rng.random(mw.size) * np.maximum(e_in[mw] - b_in[mw], 1)).astype(np.int64)
    klasse = rng.random(mw.size)
    lengte = np.where(
        klasse < 0.58, rng.integers(1, 8, mw.size),
        np.where(klasse < 0.88, rng.integers(8, 43, mw.size),
                 np.where(klasse < 0.99, rng.integers(43, 366, mw.size), rng.integers(366, 800, mw.size))),
    )  # fmt: skip
    spells = (
        pl.DataFrame({"mw": mw, "s": start, "l": lengte})
        .sort("mw", "s")
        .with_columns((pl.col("s") + pl.col("l") - 1).alias("e"))
        .with_columns(pl.col("e").cum_max().shift(1).over("mw").alias("vorige"))
        .filter(pl.col("vorige").is_null() | (pl.col("s") > pl.col("vorige")))
        .with_columns(pl.col("e").cum_max().shift(1).over("mw").alias("vorige"))
        .filter(pl.col("vorige").is_null() | (pl.col("s") > pl.col("vorige")))
        .filter(pl.col("s") <= dagen_totaal)
        .with_row_index("nr")
    )
    # 10% of the spells over two weeks recover partly: a second phase at 50%
    twee = spells.filter(
        (pl.col("l") > 14) & (pl.col("nr") % 10 == 0) & (pl.col("s") + 7 <= dagen_totaal)
    )
    fase1 = spells.with_columns(
        pl.when(pl.col("nr").is_in(twee["nr"].implode()))
        .then(pl.col("s") + 6)
        .otherwise(pl.col("e"))
        .alias("e"),
        pl.lit(100).alias("ao"),
    )
    fase2 = twee.with_columns((pl.col("s") + 7).alias("s"), pl.lit(50).alias("ao"))
    fasen = pl.concat(
        [fase1.select("nr", "mw", "s", "e", "ao"), fase2.select("nr", "mw", "s", "e", "ao")]
    ).sort("nr", "s")
    verzuim = fasen.select(
        pl.col("mw"),
        pl.format("V{}", pl.col("nr")).alias("melding_id"),
        (pl.lit(basis) + pl.duration(days=pl.col("s"))).alias("eerste_verzuimdag"),
        pl.when(pl.col("e") >= dagen_totaal).then(None).otherwise(pl.lit(basis) + pl.duration(days=pl.col("e"))).alias("laatste_verzuimdag"),
        pl.col("ao").alias("ao_percentage"),
    )  # fmt: skip
    verzuim = verzuim.with_columns(pl.Series("medewerker_id", ids).gather(verzuim["mw"])).drop("mw")
    verzuim = verzuim.with_columns(pl.lit("ziekte").alias("verzuimsoort")).select(
        "medewerker_id",
        "melding_id",
        "eerste_verzuimdag",
        "laatste_verzuimdag",
        "ao_percentage",
        "verzuimsoort",
    )

    paden = {s: doel / f"{s}.csv" for s in ("organisatie", "personeel", "verzuim")}
    org.write_csv(paden["organisatie"], separator=";")
    per.select(
        "medewerker_id", "eenheid", "begindatum", "einddatum", "deeltijdfactor", "leeftijdsklasse",
        "geslacht", "schaalgroep",
    ).write_csv(paden["personeel"], separator=";", date_format="%d-%m-%Y", decimal_comma=True)  # fmt: skip
    verzuim.write_csv(paden["verzuim"], separator=";", date_format="%d-%m-%Y", decimal_comma=True)
    return paden
