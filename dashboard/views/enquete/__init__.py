"""Medewerkersonderzoek: JD-R scales per unit and wave, demands against resources, and the survey
next to the absence of the same units.

Privacy (DESIGN 4): a unit with fewer than the minimum number of respondents is suppressed and
counts in no average at all (the SQL leaves it out before aggregating). So a parent's average is
the respondent-weighted mean of the units below it that *may* be shown, and no average minus the
units shown beside it (on this or any other view, at any level) can reveal a suppressed unit.
That is stricter than secondary suppression per view, which is not consistent across views.

`bouw` gives the view's data (`model.Enquete`); `gegevens` computes the numbers, `teksten` the
headline, chart frames and sentences, `tabellen` the frames the charts draw and the tables behind
them. The charts (dashboard/charts/enquete) combine them into one `Grafiek` each. Scales, their
labels, groups, directions and ranges come from dashboard.catalogus.
"""

from __future__ import annotations

import dataclasses

import polars as pl

from dashboard import config
from dashboard.store import Store
from dashboard.views import Context
from dashboard.views.enquete import gegevens
from dashboard.views.enquete.gegevens import metingen, standaard_meting, verzuimperiode
from dashboard.views.enquete.model import (
    KWADRANTEN,
    MIN_EENHEDEN_SAMENHANG,
    NIVEAUS,
    Enquete,
    Samenhang,
    Schaalkaart,
    jaar_van,
    kwadrant,
)
from dashboard.views.enquete.teksten import (
    groep_label,
    kop,
    meting_tekst,
    samenhang_tekst,
    schaal_label,
    verzuim_tekst,
)

__all__ = [
    "KWADRANTEN",
    "MIN_EENHEDEN_SAMENHANG",
    "NIVEAUS",
    "Enquete",
    "Samenhang",
    "Schaalkaart",
    "bouw",
    "groep_label",
    "inzoomen",
    "jaar_van",
    "kwadrant",
    "meting_tekst",
    "metingen",
    "samenhang_tekst",
    "schaal_label",
    "standaard_meting",
    "standaard_schaal",
    "verzuim_tekst",
    "verzuimperiode",
]


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
    rijen, groepen = gegevens.groep_rijen(ctx)
    ruw = gegevens.scores(
        store, ctx, [m for m in (meting, vorige) if m is not None], rijen, minimum
    )
    schalen = gegevens.schalen_van(ruw["schaal"].unique().to_list())
    met_data = set(ruw.filter(pl.col("meting").eq_missing(meting))["groep"].unique().to_list())
    per_niveau = gegevens.niveau_groepen(ctx, met_data, groepen)
    if niveau not in per_niveau:
        niveau = "afdelingen"
    getoond = per_niveau[niveau]
    periode = verzuimperiode(meting, ctx.boom.laatste_maand([ctx.selectie.organisatie]))

    breed = gegevens.breed(ruw, meting, vorige, schalen)
    eenheden = gegevens.eenheden_frame(breed, getoond, groepen, schalen)
    eenheden = eenheden.join(
        gegevens.verzuim(store, ctx, getoond, groepen, periode), on="eenheid", how="left"
    ).with_columns(pl.col("verzuim_onderdrukt").fill_null(False))
    sel = ctx.selectie
    referentie_codes = ["org"] + (
        ["sel"] if sel.eenheid != sel.organisatie and len(getoond) > 1 else []
    )
    referenties = gegevens.eenheden_frame(
        breed, referentie_codes, groepen, schalen, referentie=True
    ).with_columns(pl.Series("code", [sel.organisatie, sel.eenheid][: len(referentie_codes)]))
    e = Enquete(
        meting=meting, vorige=vorige, metingen=golven, niveau=niveau,
        niveaus={k: len(v) for k, v in per_niveau.items()}, schalen=schalen,
        eenheden=eenheden, referenties=referenties, verzuim_periode=periode,
        samenhang={s.sleutel: gegevens.samenhang(eenheden, s.sleutel) for s in schalen},
        kaarten=gegevens.kaarten(breed, schalen, minimum), kop="", min_respondenten=minimum,
    )  # fmt: skip
    return dataclasses.replace(e, kop=kop(e, ctx))


def standaard_schaal(e: Enquete) -> str | None:
    """The scale shown next to absence unless one is chosen: uitputting, else the last one."""
    sleutels = [s.sleutel for s in e.schalen]
    if not sleutels:
        return None
    return "uitputting" if "uitputting" in sleutels else sleutels[-1]


def inzoomen(e: Enquete, ctx: Context) -> list[tuple[str, str]]:
    """(code, name) of the shown units one can drill down into."""
    return [
        (code, naam)
        for code, naam in zip(e.eenheden["eenheid"].to_list(), e.eenheden["naam"].to_list(), strict=True)
        if code in ctx.boom.eenheden and code != ctx.selectie.eenheid
    ]  # fmt: skip
