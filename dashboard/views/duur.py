"""Duur en signalen: absence by duration class, frequent absence and long absence per group.

Everything here is a count or a rate per group from the metrics API; no spell or employee is
ever listed. Per-unit numbers are the parts of the selected unit, so secondary suppression applies.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from dashboard import definitions, metrics
from dashboard import format as fmt
from dashboard.charts import duur as grafiek
from dashboard.charts.duur import Deel
from dashboard.charts.theme import LINTBLAUW
from dashboard.i18n import t
from dashboard.periods import Maand, Periode
from dashboard.store import Store
from dashboard.views import Context, niet_getoond_tekst, periode_tekst

#: Months of the duration-class trend, and of the long-absence trend.
MAANDEN_DUUR = 36
MAANDEN_LANGDURIG = 24

#: Open spells at the month's end by how long they have run: bands that add up to `langdurig`.
#: (column, label) — the label names the Poortwachter milestones the band lies between.
BANDEN: tuple[tuple[str, str], ...] = (
    ("band_6_42", "6-42 weken"),
    ("band_42_52", "42-52 weken"),
    ("band_52_91", "52-91 weken"),
    ("band_91", "meer dan 91 weken"),
)

#: Cumulative milestone counts of the API: (column, label).
MIJLPALEN: tuple[tuple[str, str], ...] = (
    ("langdurig", "Voorbij week 6"),
    ("voorbij_week42", "Voorbij week 42"),
    ("voorbij_week52", "Voorbij week 52"),
    ("voorbij_week91", "Voorbij week 91"),
)

#: Duration classes in words: key -> (Dutch adjective, English adjective, day range, card label).
_KLASSE_WOORDEN: dict[str, tuple[str, str, str, str]] = {
    "kort": ("kort", "short", "1-7", "Kort"),
    "middellang": ("middellang", "medium", "8-42", "Middellang"),
    "lang": ("lang", "long", "43-365", "Lang"),
    "extra_lang": ("extra lang", "extra long", "366+", "Extra lang"),
}


@dataclass(frozen=True)
class Signaal:
    """One headline number of the page, ready to show."""

    label: str
    waarde: str
    delta: str | None
    onderschrift: str
    uitleg: str
    lager_is_beter: bool = True
    #: the change rounds to zero: shown without an arrow or colour
    gelijk: bool = False


@dataclass(frozen=True)
class DuurEnSignalen:
    """The content of the Duur en signalen view."""

    maanden: pl.DataFrame
    r12: pl.DataFrame
    delen: pl.DataFrame
    heeft_delen: bool
    kop: str
    signalen: list[Signaal]


# -- data ----------------------------------------------------------------------------------------


def bouw(store: Store, ctx: Context) -> DuurEnSignalen:
    """Monthly series, rolling-year splits and the parts of the selected unit at the month's end."""
    sel = ctx.selectie
    m = sel.maand
    groep = ctx.groep
    eerste = metrics.eerste_maand(store)
    begin = m.plus(-(MAANDEN_DUUR - 1))
    if eerste is not None:
        begin = min(max(begin, eerste), m)
    maanden = metrics.kerncijfers(
        store, ctx.boom, metrics.periodes(ctx.boom, [groep], begin, m, "maand"), [groep],
        filter=sel.filter, min_groep=ctx.min_groep, met_nulverzuim=False,
    )  # fmt: skip
    # the rolling year up to the month and the two before it, only where the data covers them
    r12_ps = [
        Periode(f"r12_{i}", m.plus(-11 - 12 * i), m.plus(-12 * i))
        for i in range(3)
        if eerste is None or m.plus(-11 - 12 * i) >= eerste
    ]
    r12 = metrics.kerncijfers(
        store, ctx.boom, r12_ps, [groep],
        filter=sel.filter, min_groep=ctx.min_groep, met_nulverzuim=False,
    )  # fmt: skip
    heeft_delen = bool(ctx.boom.kinderen.get(sel.eenheid))
    delen = pl.DataFrame()
    if heeft_delen:
        delen = metrics.kerncijfers(
            store, ctx.boom, [Periode(str(m), m, m)],
            metrics.onderdelen(ctx.boom, sel.eenheid, ctx.toegang),
            filter=sel.filter, min_groep=ctx.min_groep,
            met_nulverzuim=False,
        )  # fmt: skip
        # the unit's own staff only as a part when there is anyone: an empty row says nothing
        delen = delen.filter(
            ~(pl.col("eenheid").str.ends_with(":direct") & pl.col("geen_gegevens"))
        )
        delen = _met_banden(delen)
    maanden = _met_banden(maanden)
    r12 = _met_aandelen(r12)
    nu = _rij(maanden, m)
    vj = _rij(maanden, m.plus(-12))
    kop = (
        _duur_bevinding(_rij_r12(r12, 0), _rij_r12(r12, 1), m, "r12", ctx, kort=True)
        if sel.vergelijking == "r12"
        else _duur_bevinding(nu, vj, m, "maand", ctx, kort=True)
    )
    signalen = _signalen(nu, vj, _rij_r12(r12, 0), _rij_r12(r12, 1), m, ctx)
    return DuurEnSignalen(maanden, r12, delen, heeft_delen, kop, signalen)


def _met_banden(frame: pl.DataFrame) -> pl.DataFrame:
    """Open spells by band between milestones: differences of the cumulative counts."""
    if frame.is_empty():
        return frame
    return frame.with_columns(
        (pl.col("langdurig") - pl.col("voorbij_week42")).alias("band_6_42"),
        (pl.col("voorbij_week42") - pl.col("voorbij_week52")).alias("band_42_52"),
        (pl.col("voorbij_week52") - pl.col("voorbij_week91")).alias("band_52_91"),
        pl.col("voorbij_week91").alias("band_91"),
        pl.when(pl.col("eind_in_dienst") > 0)
        .then(pl.col("langdurig") * 100 / pl.col("eind_in_dienst"))
        .otherwise(None)
        .alias("langdurig_per_100"),
    )


def _met_aandelen(frame: pl.DataFrame) -> pl.DataFrame:
    """Shares of the ended spells by duration class (by whole length), in percent."""
    if frame.is_empty():
        return frame
    kolommen = [f"beeindigd_{k}" for k in metrics.DUURKLASSEN]
    totaal = pl.sum_horizontal(kolommen)
    return frame.with_columns(
        *[
            pl.when(totaal > 0).then(pl.col(c) * 100 / totaal).otherwise(None).alias(f"aandeel_{k}")
            for c, k in zip(kolommen, metrics.DUURKLASSEN, strict=True)
        ],
        pl.when(totaal > 0)
        .then((pl.col("beeindigd_lang") + pl.col("beeindigd_extra_lang")) * 100 / totaal)
        .otherwise(None)
        .alias("aandeel_langer_dan_6_weken"),
    )


def _rij(frame: pl.DataFrame, m: Maand) -> dict | None:
    rijen = frame.filter(pl.col("periode") == str(m)).to_dicts()
    return rijen[0] if rijen else None


def _rij_r12(frame: pl.DataFrame, jaren_terug: int) -> dict | None:
    rijen = frame.filter(pl.col("periode") == f"r12_{jaren_terug}").to_dicts()
    return rijen[0] if rijen else None


def _zichtbaar(rij: dict | None) -> bool:
    return rij is not None and not rij["onderdrukt"] and not rij["geen_gegevens"]


# -- findings ------------------------------------------------------------------------------------


def _maand_lang(m: Maand, taal: str) -> str:
    return fmt.maand(m, taal, lang=True)


def _duur_bevinding(
    nu: dict | None, toen: dict | None, m: Maand, basis: str, ctx: Context, *, kort: bool = False
) -> str:
    """'Verzuim in oktober 2026 1,2 procentpunt lager dan vorig jaar (5,3%), vooral door minder
    lang verzuim (43-365 dagen: −0,7 procentpunt)': the change and the class that drives it.
    `kort`: without the numbers in brackets, for the page title."""
    taal = ctx.taal
    en = taal == "en"
    maand = _maand_lang(m, taal)
    if basis == "r12":
        onderwerp = (
            f"Absence over the 12 months to {maand}"
            if en
            else f"Verzuim over 12 maanden t/m {maand}"
        )
        vergelijk = "a year earlier" if en else "een jaar eerder"
    else:
        onderwerp = f"Absence in {maand}" if en else f"Verzuim in {maand}"
        vergelijk = "last year" if en else "vorig jaar"
    if nu is None or nu["geen_gegevens"]:
        return f"{onderwerp}: {t('geen gegevens', taal)}"
    if nu["onderdrukt"]:
        return f"{onderwerp}: {niet_getoond_tekst(nu['reden_onderdrukt'], ctx.min_groep, taal)}"
    totaal = fmt.procent(nu["verzuimpercentage"], 1, taal)
    if not _zichtbaar(toen) or toen is None or toen["verzuimpercentage"] is None:
        return f"{onderwerp}: {totaal}"
    haakjes = "" if kort else f" ({totaal})"
    d = round(nu["verzuimpercentage"] - toen["verzuimpercentage"], 1)
    if d == 0:
        return (
            f"{onderwerp} unchanged from {vergelijk}{haakjes}"
            if en
            else f"{onderwerp} gelijk aan {vergelijk}{haakjes}"
        )
    richting = ("higher" if d > 0 else "lower") if en else ("hoger" if d > 0 else "lager")
    zin = (
        f"{onderwerp} {fmt.getal(abs(d), 1, taal)} percentage points {richting} than {vergelijk}{haakjes}"
        if en
        else f"{onderwerp} {fmt.getal(abs(d), 1, taal)} procentpunt {richting} dan {vergelijk}{haakjes}"
    )
    verschillen = {
        k: (nu[f"verzuimpercentage_{k}"] or 0.0) - (toen[f"verzuimpercentage_{k}"] or 0.0)
        for k in metrics.DUURKLASSEN
    }
    # the class that moved most in the direction of the total
    mee = {k: v for k, v in verschillen.items() if (v > 0) == (d > 0)}
    if not mee:
        return zin
    drijver = max(mee, key=lambda k: abs(mee[k]))
    dk = mee[drijver]
    if round(abs(dk), 1) == 0:
        return zin
    nl_naam, en_naam, dagen, _ = _KLASSE_WOORDEN[drijver]
    getal = fmt.verschil(dk, 1, "", taal)
    # 'minder lang verzuim' would read as 'shorter absence': name the class and its movement
    if kort:
        vergeleken = (
            f"over 12 months {fmt.getal(abs(d), 1, taal)} percentage points {richting} than a year earlier"
            if basis == "r12" and en
            else f"over 12 maanden {fmt.getal(abs(d), 1, taal)} procentpunt {richting} dan een jaar eerder"
            if basis == "r12"
            else f"total {fmt.getal(abs(d), 1, taal)} percentage points {richting} than in {fmt.maand(m.plus(-12), taal, lang=True)}"
            if en
            else f"totaal {fmt.getal(abs(d), 1, taal)} procentpunt {richting} dan in {fmt.maand(m.plus(-12), taal, lang=True)}"
        )
        if en:
            return f"Mainly {en_naam} absence {'rising' if dk > 0 else 'falling'}: {vergeleken}"
        return f"Vooral {nl_naam} verzuim {'stijgt' if dk > 0 else 'daalt'}: {vergeleken}"
    if en:
        beweging = "a rise" if dk > 0 else "a fall"
        return f"{zin}, mainly from {beweging} in {en_naam} absence ({dagen} days: {getal} pp)"
    beweging = "stijging" if dk > 0 else "daling"
    return (
        f"{zin}, vooral door {beweging} van {nl_naam} verzuim ({dagen} dagen: {getal} procentpunt)"
    )


def _aantal(n: float | None, taal: str) -> str:
    return fmt.getal(n, 0, taal)


def _meldingen(n: float, taal: str) -> str:
    """'1 open melding' / '142 open meldingen'."""
    if taal == "en":
        return f"{_aantal(n, taal)} open spell{'' if n == 1 else 's'}"
    return f"{_aantal(n, taal)} open melding{'' if n == 1 else 'en'}"


def _signalen(
    nu: dict | None,
    vj: dict | None,
    r12: dict | None,
    r12_vj: dict | None,
    m: Maand,
    ctx: Context,
) -> list[Signaal]:
    """Headline numbers: the four duration classes (month or rolling year, as the comparison
    says), frequent absence and open spells past week 6 at the month's end."""
    taal = ctx.taal
    r12_basis = ctx.selectie.vergelijking == "r12"
    a, b = (r12, r12_vj) if r12_basis else (nu, vj)
    verborgen = f"< {ctx.min_groep}"
    signalen = []
    # on the rolling basis the cards show 12 months: say so before the day range
    voor = f"{t('12 mnd', taal)} · " if r12_basis else ""
    for k in metrics.DUURKLASSEN:
        kolom = f"verzuimpercentage_{k}"
        _, _, dagen, label = _KLASSE_WOORDEN[k]
        waarde, delta, vorig, gelijk = _waarden(a, b, kolom, 1, "%", taal, verborgen)
        signalen.append(
            Signaal(
                t(label, taal),
                waarde,
                delta,
                f"{voor}{dagen} {t('dagen', taal)} · {t('vorig jaar', taal)} {vorig}",
                definitions.kort("duurklasse", taal),
                gelijk=gelijk,
            )
        )
    waarde, delta, vorig, gelijk = _waarden(nu, vj, "frequent_verzuim_pct", 1, "%", taal, verborgen)
    aantal = _aantal(nu["frequent_verzuim"], taal) if _zichtbaar(nu) and nu else "–"
    signalen.append(
        Signaal(
            t("Frequent verzuim", taal),
            waarde,
            delta,
            f"{t('aantal', taal)} {aantal} · {t('vorig jaar', taal)} {vorig}",
            definitions.kort("frequent_verzuim", taal),
            gelijk=gelijk,
        )
    )
    waarde, delta, vorig, gelijk = _waarden(nu, vj, "langdurig", 0, "", taal, verborgen)
    week52 = _aantal(nu["voorbij_week52"], taal) if _zichtbaar(nu) and nu else "–"
    signalen.append(
        Signaal(
            t("Open > 6 weken", taal),
            waarde,
            delta,
            f"{t('voorbij week 52', taal)}: {week52} · {t('vorig jaar', taal)} {vorig}",
            definitions.kort("langdurig", taal),
            gelijk=gelijk,
        )
    )
    return signalen


def _waarden(
    nu: dict | None,
    toen: dict | None,
    kolom: str,
    dec: int,
    suffix: str,
    taal: str,
    verborgen: str,
) -> tuple[str, str | None, str, bool]:
    """Value, change (with an ASCII minus, as st.metric reads it), last year's value, and whether
    the change rounds to zero."""
    if nu is None or nu["geen_gegevens"]:
        return "–", None, "–", False
    if nu["onderdrukt"]:
        return verborgen, None, "–", False
    x = nu[kolom]
    waarde = f"{fmt.getal(x, dec, taal)}{suffix}" if x is not None else "–"
    if not _zichtbaar(toen) or toen is None or toen[kolom] is None or x is None:
        return waarde, None, "–", False
    y = toen[kolom]
    eenheid = (" %-punt" if taal == "nl" else " pp") if suffix == "%" else ""
    delta = fmt.verschil(x - y, dec, eenheid, taal).replace("−", "-")
    return waarde, delta, f"{fmt.getal(y, dec, taal)}{suffix}", round(x - y, dec) == 0


# -- figures -------------------------------------------------------------------------------------


def klassen(taal: str) -> list[Deel]:
    """The four duration classes as chart parts (percent of available days)."""
    return [
        Deel(
            f"verzuimpercentage_{k}",
            t(metrics.DUURKLASSE_LABELS[k], taal),
            grafiek.KLASSE_KLEUREN[k],
        )
        for k in metrics.DUURKLASSEN
    ]


def banden(taal: str) -> list[Deel]:
    """The milestone bands as chart parts (open spells at the month's end)."""
    return [
        Deel(kolom, t(label, taal), kleur)
        for (kolom, label), kleur in zip(BANDEN, grafiek.BAND_KLEUREN, strict=True)
    ]


def _periode(frame: pl.DataFrame, taal: str) -> str:
    if frame.is_empty():
        return ""
    return periode_tekst(frame["van"].min(), frame["van"].max(), taal)


def duur_figuur(d: DuurEnSignalen, ctx: Context) -> go.Figure:
    """Monthly verzuimpercentage stacked by duration class, over the last 36 months."""
    taal = ctx.taal
    m = ctx.selectie.maand
    titel = _duur_bevinding(_rij(d.maanden, m), _rij(d.maanden, m.plus(-12)), m, "maand", ctx)
    kader = ctx.kader(
        titel, f"{t('Verzuimpercentage naar duurklasse', taal)} · {_periode(d.maanden, taal)}"
    )
    return grafiek.gestapeld_maanden(
        d.maanden, kader, klassen(taal),
        totaal_kolom="verzuimpercentage", totaal_label=t("Verzuimpercentage", taal),
        decimalen=1, suffix="%", y_titel=t("Verzuimpercentage", taal) + " (%)",
    )  # fmt: skip


def _r12_labels(frame: pl.DataFrame, taal: str) -> pl.DataFrame:
    """Rolling periods labelled 'nov 2025 – okt 2026', the latest first."""
    return frame.with_columns(
        pl.Series(
            "label",
            [
                f"{fmt.maand(v, taal)} – {fmt.maand(x, taal)}"
                for v, x in zip(frame["van"].to_list(), frame["tot"].to_list(), strict=True)
            ],
            dtype=pl.String,
        )
    )


def r12_figuur(d: DuurEnSignalen, ctx: Context) -> go.Figure:
    """The verzuimpercentage of the rolling year by duration class, against the years before."""
    taal = ctx.taal
    m = ctx.selectie.maand
    titel = _duur_bevinding(_rij_r12(d.r12, 0), _rij_r12(d.r12, 1), m, "r12", ctx)
    kader = ctx.kader(
        titel,
        f"{t('Verzuimpercentage naar duurklasse over 12 maanden', taal)} · "
        f"{t('t/m', taal)} {', '.join(fmt.maand(Maand.of(x), taal) for x in reversed(d.r12['tot'].to_list()))}",
    )
    return grafiek.gestapeld_liggend(
        _r12_labels(d.r12, taal), kader, klassen(taal),
        categorie_kolom="label", totaal_kolom="verzuimpercentage",
        totaal_label=t("Verzuimpercentage", taal), decimalen=1, suffix="%",
    )  # fmt: skip


def beeindigd_figuur(d: DuurEnSignalen, ctx: Context) -> go.Figure:
    """The ended spells of each rolling year by their whole length, as shares with counts."""
    taal = ctx.taal
    m = ctx.selectie.maand
    nu, toen = _rij_r12(d.r12, 0), _rij_r12(d.r12, 1)
    maand = _maand_lang(m, taal)
    en = taal == "en"
    if not _zichtbaar(nu) or nu is None or nu["aandeel_langer_dan_6_weken"] is None:
        titel = (
            f"Ended spells in the 12 months to {maand} by duration"
            if en
            else f"Beëindigde meldingen in de 12 maanden t/m {maand} naar duur"
        )
    else:
        p = fmt.procent(nu["aandeel_langer_dan_6_weken"], 0, taal)
        q = (
            fmt.procent(toen["aandeel_langer_dan_6_weken"], 0, taal)
            if _zichtbaar(toen)
            and toen is not None
            and toen["aandeel_langer_dan_6_weken"] is not None
            else None
        )
        titel = (
            f"Of the spells that ended in the 12 months to {maand}, {p} lasted longer than 6 weeks"
            if en
            else f"Van de meldingen die eindigden in de 12 maanden t/m {maand}, duurde {p} langer dan 6 weken"
        )
        if q is not None:
            titel += f" ({'a year earlier' if en else 'een jaar eerder'} {q})"
    kader = ctx.kader(
        titel,
        f"{t('Beëindigde meldingen naar totale duur', taal)} · "
        f"{t('t/m', taal)} {', '.join(fmt.maand(Maand.of(x), taal) for x in reversed(d.r12['tot'].to_list()))}",
    )
    delen = [
        Deel(f"aandeel_{k}", t(metrics.DUURKLASSE_LABELS[k], taal), grafiek.KLASSE_KLEUREN[k], f"beeindigd_{k}")
        for k in metrics.DUURKLASSEN
    ]  # fmt: skip
    return grafiek.gestapeld_liggend(
        _r12_labels(d.r12, taal), kader, delen,
        categorie_kolom="label", totaal_kolom="beeindigde_meldingen",
        totaal_label=t("Beëindigde meldingen", taal), decimalen=0, suffix="%", totaal_is_som=False,
    )  # fmt: skip


def _delen_gesorteerd(d: DuurEnSignalen, kolom: str) -> pl.DataFrame:
    """Parts with a number first (highest on top), then suppressed parts, then empty ones."""
    return d.delen.sort(
        [
            pl.col("geen_gegevens"),
            pl.col("onderdrukt"),
            pl.col(kolom).fill_null(-1.0),
            pl.col("naam"),
        ],
        descending=[False, False, True, False],
    )


def _hoogste(frame: pl.DataFrame, kolom: str) -> dict | None:
    zichtbaar = frame.filter(~pl.col("onderdrukt") & pl.col(kolom).is_not_null())
    if zichtbaar.height < 2:
        return None
    return zichtbaar.sort(kolom, descending=True).row(0, named=True)


def frequent_eenheden_figuur(d: DuurEnSignalen, ctx: Context) -> go.Figure:
    """Frequent absence per part of the selected unit at the month's end, highest first."""
    taal = ctx.taal
    en = taal == "en"
    m = ctx.selectie.maand
    maand = _maand_lang(m, taal)
    nu = _rij(d.maanden, m)
    delen = _delen_gesorteerd(d, "frequent_verzuim_pct")
    if nu is None or not _zichtbaar(nu):
        waarom = niet_getoond_tekst(nu["reden_onderdrukt"] if nu else None, ctx.min_groep, taal)
        titel = (
            f"Frequent absence at the end of {maand}: {waarom}"
            if en
            else f"Frequent verzuim eind {maand}: {waarom}"
        )
    else:
        pct, n = (
            fmt.procent(nu["frequent_verzuim_pct"], 1, taal),
            _aantal(nu["frequent_verzuim"], taal),
        )
        titel = (
            f"At the end of {maand}, {pct} of employees had frequent absence ({n})"
            if en
            else f"Eind {maand} had {pct} van de medewerkers frequent verzuim ({n})"
        )
        top = _hoogste(delen, "frequent_verzuim_pct")
        if top is not None:
            titel += (
                f"; highest in {top['naam']} ({fmt.procent(top['frequent_verzuim_pct'], 1, taal)})"
                if en
                else f"; het hoogst bij {top['naam']} ({fmt.procent(top['frequent_verzuim_pct'], 1, taal)})"
            )
    kader = ctx.kader(
        titel,
        f"{t('Frequent verzuim: 3 of meer meldingen in 12 maanden, in % van wie in dienst is', taal)}"
        f" · {t('eind', taal)} {fmt.maand(m, taal)}",
    )
    referentie = None
    if nu is not None and _zichtbaar(nu):
        referentie = (
            nu["frequent_verzuim_pct"],
            f"{ctx.boom.naam(ctx.selectie.eenheid)} {fmt.procent(nu['frequent_verzuim_pct'], 1, taal)}",
        )
    return grafiek.gestapeld_liggend(
        delen, kader,
        [Deel("frequent_verzuim_pct", t("Frequent verzuim", taal), LINTBLAUW, "frequent_verzuim")],
        categorie_kolom="naam", totaal_kolom=None, decimalen=1, suffix="%",
        referentie=referentie, aantal_label=t("medewerkers", taal),
    )  # fmt: skip


def frequent_trend_figuur(d: DuurEnSignalen, ctx: Context) -> go.Figure:
    """Frequent absence of the selected unit at each month's end."""
    taal = ctx.taal
    en = taal == "en"
    m = ctx.selectie.maand
    maand = _maand_lang(m, taal)
    nu, vj = _rij(d.maanden, m), _rij(d.maanden, m.plus(-12))
    if nu is None or not _zichtbaar(nu):
        titel = t("Frequent verzuim", taal)
    elif not _zichtbaar(vj) or vj is None:
        titel = (
            f"Frequent absence at the end of {maand}: {fmt.procent(nu['frequent_verzuim_pct'], 1, taal)}"
            if en
            else f"Frequent verzuim eind {maand}: {fmt.procent(nu['frequent_verzuim_pct'], 1, taal)}"
        )
    else:
        a, b = nu["frequent_verzuim_pct"], vj["frequent_verzuim_pct"]
        v = round(a - b, 1)
        if en:
            richting = "rising" if v > 0 else "falling" if v < 0 else "stable"
            titel = (
                f"Frequent absence {richting}: {fmt.procent(a, 1, taal)} at the end of {maand} "
                f"against {fmt.procent(b, 1, taal)} a year earlier"
            )
        else:
            richting = "stijgt" if v > 0 else "daalt" if v < 0 else "stabiel"
            titel = (
                f"Frequent verzuim {richting}: {fmt.procent(a, 1, taal)} eind {maand} "
                f"tegen {fmt.procent(b, 1, taal)} een jaar eerder"
            )
    kader = ctx.kader(
        titel,
        f"{t('Frequent verzuim: 3 of meer meldingen in 12 maanden', taal)} · "
        f"{t('eind van elke maand', taal)} · {_periode(d.maanden, taal)}",
    )
    return grafiek.lijn_maanden(
        d.maanden, kader, kolom="frequent_verzuim_pct", aantal_kolom="frequent_verzuim",
        label=t("Frequent verzuim", taal), aantal_label=t("medewerkers", taal),
        decimalen=1, suffix="%", y_titel=t("Frequent verzuim", taal) + " (%)",
    )  # fmt: skip


def langdurig_eenheden_figuur(d: DuurEnSignalen, ctx: Context) -> go.Figure:
    """Open spells past the Poortwachter milestones per part of the selected unit."""
    taal = ctx.taal
    en = taal == "en"
    m = ctx.selectie.maand
    maand = _maand_lang(m, taal)
    nu = _rij(d.maanden, m)
    delen = _delen_gesorteerd(d, "langdurig")
    if nu is None or not _zichtbaar(nu):
        waarom = niet_getoond_tekst(nu["reden_onderdrukt"] if nu else None, ctx.min_groep, taal)
        titel = (
            f"Long-term absence at the end of {maand}: {waarom}"
            if en
            else f"Langdurig verzuim eind {maand}: {waarom}"
        )
    else:
        n42, n52 = _aantal(nu["voorbij_week42"], taal), _aantal(nu["voorbij_week52"], taal)
        titel = (
            f"At the end of {maand}, {_meldingen(nu['langdurig'], taal)} longer than 6 weeks, "
            f"{n42} past week 42 and {n52} past week 52"
            if en
            else f"Eind {maand} {_meldingen(nu['langdurig'], taal)} langer dan 6 weken, "
            f"waarvan {n42} voorbij week 42 en {n52} voorbij week 52"
        )
        top = _hoogste(delen, "langdurig")
        if top is not None and top["langdurig"] > 0:
            titel += (
                f"; most in {top['naam']} ({_aantal(top['langdurig'], taal)})"
                if en
                else f"; de meeste bij {top['naam']} ({_aantal(top['langdurig'], taal)})"
            )
    kader = ctx.kader(
        titel,
        f"{t('Open meldingen naar duur tot nu', taal)} · {t('eind', taal)} {fmt.maand(m, taal)}",
    )
    return grafiek.gestapeld_liggend(
        delen, kader, banden(taal),
        categorie_kolom="naam", totaal_kolom="langdurig",
        totaal_label=t("Voorbij week 6", taal), decimalen=0, suffix="", aantal_label=None,
        per_100_kolom="langdurig_per_100",
    )  # fmt: skip


def langdurig_trend_figuur(d: DuurEnSignalen, ctx: Context) -> go.Figure:
    """Open spells past week 6 at each month's end over 24 months, by milestone band."""
    taal = ctx.taal
    en = taal == "en"
    m = ctx.selectie.maand
    maand = _maand_lang(m, taal)
    reeks = d.maanden.tail(MAANDEN_LANGDURIG)
    nu, vj = _rij(d.maanden, m), _rij(d.maanden, m.plus(-12))
    if nu is None or not _zichtbaar(nu):
        titel = t("Open meldingen langer dan 6 weken", taal)
    else:
        n = _aantal(nu["langdurig"], taal)
        titel = (
            f"Open spells longer than 6 weeks: {n} at the end of {maand}"
            if en
            else f"Open meldingen langer dan 6 weken: {n} eind {maand}"
        )
        if _zichtbaar(vj) and vj is not None:
            v = nu["langdurig"] - vj["langdurig"]
            toen = _aantal(vj["langdurig"], taal)
            if v == 0:
                titel += (
                    f", {'as many as a year earlier' if en else 'evenveel als een jaar eerder'}"
                )
            elif en:
                titel += f", {_aantal(abs(v), taal)} {'more' if v > 0 else 'fewer'} than a year earlier ({toen})"
            else:
                titel += f", {_aantal(abs(v), taal)} {'meer' if v > 0 else 'minder'} dan een jaar eerder ({toen})"
    kader = ctx.kader(
        titel,
        f"{t('Open meldingen naar duur tot nu', taal)} · {t('eind van elke maand', taal)} · "
        f"{_periode(reeks, taal)}",
    )
    return grafiek.gestapeld_maanden(
        reeks, kader, banden(taal),
        totaal_kolom="langdurig", totaal_label=t("Voorbij week 6", taal),
        decimalen=0, suffix="", y_titel=t("Open meldingen", taal), totaal_tekst=True,
    )  # fmt: skip


def poortwachter_uitleg(taal: str = "nl") -> str:
    """The Poortwachter milestones in two sentences (caption under the long-absence charts)."""
    if taal == "en":
        return (
            "Gatekeeper Improvement Act (Wet verbetering poortwachter): in week 6 the occupational "
            "physician makes a problem analysis, in week 8 employer and employee draw up a plan of "
            "action, in week 42 the employer reports the sickness to UWV, in week 52 follows the "
            "first-year evaluation and around week 91 the WIA application (submitted by week 93 at "
            "the latest). 'Past week w' means: on the month's last day the spell has lasted more "
            "than w whole weeks (day 7w + 1 or later). Counts per group, never per person."
        )
    return (
        "Wet verbetering poortwachter: in week 6 maakt de bedrijfsarts de probleemanalyse, in week 8 "
        "stellen werkgever en medewerker het plan van aanpak op, in week 42 volgt de ziekmelding "
        "bij het UWV, in week 52 de eerstejaarsevaluatie en rond week 91 de WIA-aanvraag (uiterlijk "
        "in week 93 bij het UWV). 'Voorbij week w' betekent: op de laatste dag van de maand duurt "
        "de melding langer dan w hele weken (dag 7w + 1 of later). Aantallen per groep, nooit per "
        "persoon."
    )


# -- tables --------------------------------------------------------------------------------------


def _procent_kolommen(taal: str) -> list[pl.Expr]:
    return [
        pl.col(f"verzuimpercentage_{k}").alias(
            f"{t('Verzuimpercentage', taal)} {t(metrics.DUURKLASSE_LABELS[k], taal)}"
        )
        for k in metrics.DUURKLASSEN
    ]


def tabel_duur(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """The monthly split behind the duration chart, latest month first."""
    return d.maanden.select(
        pl.col("van").alias(t("Maand", taal)),
        pl.col("verzuimpercentage").alias(t("Verzuimpercentage", taal)),
        *_procent_kolommen(taal),
        "onderdrukt",
    ).sort(t("Maand", taal), descending=True)


def tabel_r12(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """The rolling-year split behind the rolling chart."""
    return _r12_labels(d.r12, taal).select(
        pl.col("label").alias(t("Periode", taal)),
        pl.col("verzuimpercentage").alias(t("Verzuimpercentage", taal)),
        *_procent_kolommen(taal),
        "onderdrukt",
    )


def tabel_beeindigd(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """Ended spells of each rolling year by whole length: counts and shares."""
    return _r12_labels(d.r12, taal).select(
        pl.col("label").alias(t("Periode", taal)),
        pl.col("beeindigde_meldingen").cast(pl.Int64).alias(t("Beëindigde meldingen", taal)),
        *[
            pl.col(f"beeindigd_{k}")
            .cast(pl.Int64)
            .alias(f"{t(metrics.DUURKLASSE_LABELS[k], taal)} ({t('aantal', taal)})")
            for k in metrics.DUURKLASSEN
        ],
        *[
            pl.col(f"aandeel_{k}").alias(f"{t(metrics.DUURKLASSE_LABELS[k], taal)} (%)")
            for k in metrics.DUURKLASSEN
        ],
        "onderdrukt",
    )


def tabel_frequent_eenheden(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """Frequent absence per part at the month's end."""
    return _delen_gesorteerd(d, "frequent_verzuim_pct").select(
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("eind_in_dienst").cast(pl.Int64).alias(t("In dienst op de laatste dag", taal)),
        pl.col("frequent_verzuim").cast(pl.Int64).alias(t("Frequent verzuim (aantal)", taal)),
        pl.col("frequent_verzuim_pct").alias(t("Frequent verzuim (%)", taal)),
        "onderdrukt",
    )


def tabel_frequent_trend(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """Frequent absence of the selected unit at each month's end, latest first."""
    return d.maanden.select(
        pl.col("van").alias(t("Maand", taal)),
        pl.col("eind_in_dienst").cast(pl.Int64).alias(t("In dienst op de laatste dag", taal)),
        pl.col("frequent_verzuim").cast(pl.Int64).alias(t("Frequent verzuim (aantal)", taal)),
        pl.col("frequent_verzuim_pct").alias(t("Frequent verzuim (%)", taal)),
        "onderdrukt",
    ).sort(t("Maand", taal), descending=True)


def _mijlpaal_kolommen(taal: str) -> list[pl.Expr]:
    return [pl.col(kolom).cast(pl.Int64).alias(t(label, taal)) for kolom, label in MIJLPALEN]


def tabel_langdurig_eenheden(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """Open spells past each milestone per part at the month's end (cumulative counts)."""
    return _delen_gesorteerd(d, "langdurig").select(
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("eind_in_dienst").cast(pl.Int64).alias(t("In dienst op de laatste dag", taal)),
        *_mijlpaal_kolommen(taal),
        pl.col("langdurig_per_100").alias(t("Voorbij week 6 per 100 in dienst", taal)),
        "onderdrukt",
    )


def tabel_langdurig_trend(d: DuurEnSignalen, taal: str = "nl") -> pl.DataFrame:
    """Open spells past each milestone at each month's end, latest first."""
    return (
        d.maanden.tail(MAANDEN_LANGDURIG)
        .select(
            pl.col("van").alias(t("Maand", taal)),
            pl.col("eind_in_dienst").cast(pl.Int64).alias(t("In dienst op de laatste dag", taal)),
            *_mijlpaal_kolommen(taal),
            "onderdrukt",
        )
        .sort(t("Maand", taal), descending=True)
    )
