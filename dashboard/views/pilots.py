"""Pilots: the list of pilots, and one pilot before and after, with its estimated effect.

Before/after numbers are metrics-API frames for the pilot group and the comparison group (each
the union of its units with their descendants). The effect is a difference in differences
(`statistics.verschil_in_verschillen`) with φ of the changes of the units outside the pilot; when
the units were chosen for high absence, `statistics.regressie_naar_gemiddelde` says which part of
the fall was to be expected without any pilot.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from dashboard import format as fmt
from dashboard import metrics
from dashboard import statistics as stat
from dashboard.charts import pilots as grafiek
from dashboard.hierarchy import Boom
from dashboard.i18n import t
from dashboard.periods import Maand, Periode
from dashboard.pilots import Pilot, PilotFout
from dashboard.store import Store
from dashboard.views import Context, Kader, periode_tekst

METRIEKEN: tuple[stat.Metriek, ...] = ("meldingsfrequentie", "verzuimpercentage")
LABELS = {"meldingsfrequentie": "Meldingsfrequentie", "verzuimpercentage": "Verzuimpercentage"}
DECIMALEN = {"meldingsfrequentie": 2, "verzuimpercentage": 1}

#: Group labels in the frames (display names come from `groepsnaam`).
PILOT, VERGELIJKING, ORGANISATIE = "pilotgroep", "vergelijkingsgroep", "organisatie"
#: Default length of the before and after windows, in months.
VENSTER = 12
#: Appended to the reason when "geselecteerd op hoog verzuim" is ticked but the reason's own
#: words do not say so: `Pilot.geselecteerd_op_hoog_verzuim` reads the reason text.
MARKERING = " (geselecteerd op hoog verzuim)"
_HOOG_WOORDEN = ("hoog", "hoogste", "meeste", "hoge", "boven")


# -- the list and the form -----------------------------------------------------------------------


def organisatie_van(boom: Boom, pilot: Pilot) -> str | None:
    """The client organisation of a pilot: that of its first unit still in the tree."""
    for code in (*pilot.pilot_eenheden, *pilot.vergelijk_eenheden):
        if code in boom.eenheden:
            return boom.eenheden[code].organisatie
    return None


def van_organisatie(boom: Boom, pilots_: Sequence[Pilot], organisatie: str) -> list[Pilot]:
    """The pilots of one client organisation, in the store's order (newest first)."""
    return [p for p in pilots_ if organisatie_van(boom, p) == organisatie]


def eenheid_opties(boom: Boom, organisatie: str) -> list[str]:
    """The units a pilot can name: every unit under the organisation, in tree order."""
    volgorde: list[str] = []

    def loop(code: str) -> None:
        volgorde.append(code)
        for kind in boom.kinderen.get(code, []):
            loop(kind)

    loop(organisatie)
    return volgorde[1:]


def eenheid_label(boom: Boom, code: str) -> str:
    """A unit's name, indented by its depth (as in the sidebar)."""
    e = boom.eenheden.get(code)
    if e is None:
        return code
    return ("\u2003" * (e.niveau - 1) + "└ " if e.niveau > 1 else "") + e.naam


def periode_van(pilot: Pilot, taal: str = "nl") -> str:
    """'01-02-2023 t/m 31-08-2023'."""
    tm = "to" if taal == "en" else "t/m"
    return f"{fmt.datum(pilot.begin, taal)} {tm} {fmt.datum(pilot.eind, taal)}"


def reden_zonder_markering(reden: str) -> str:
    """The reason as the user typed it (without the marker this view may have added)."""
    return reden[: -len(MARKERING)] if reden.endswith(MARKERING) else reden


def lijst_tabel(boom: Boom, pilots_: Sequence[Pilot], taal: str = "nl") -> pl.DataFrame:
    """The pilots as a table: name, period, units by name, why they were chosen."""

    def namen(codes: Sequence[str]) -> str:
        return ", ".join(boom.naam(c) for c in codes) or "–"

    ja, nee = t("ja", taal), t("nee", taal)
    return pl.DataFrame(
        {
            t("Pilot", taal): [p.naam for p in pilots_],
            t("Periode", taal): [periode_van(p, taal) for p in pilots_],
            t("Pilot-eenheden", taal): [namen(p.pilot_eenheden) for p in pilots_],
            t("Vergelijkingseenheden", taal): [namen(p.vergelijk_eenheden) for p in pilots_],
            t("Waarom gekozen", taal): [
                reden_zonder_markering(p.selectie_reden) or "–" for p in pilots_
            ],
            t("Gekozen op hoog verzuim", taal): [
                ja if p.geselecteerd_op_hoog_verzuim else nee for p in pilots_
            ],
        },
        schema={
            k: pl.String
            for k in (
                t("Pilot", taal),
                t("Periode", taal),
                t("Pilot-eenheden", taal),
                t("Vergelijkingseenheden", taal),
                t("Waarom gekozen", taal),
                t("Gekozen op hoog verzuim", taal),
            )
        },
    )


def maak_pilot(
    boom: Boom,
    bestaande: Sequence[Pilot],
    *,
    naam: str,
    omschrijving: str,
    begin: dt.date | None,
    eind: dt.date | None,
    pilot_eenheden: Sequence[str],
    vergelijk_eenheden: Sequence[str],
    reden: str,
    hoog_verzuim: bool,
    pilot_id: int | None = None,
) -> Pilot:
    """A pilot from the form's values; PilotFout (Dutch) for what `Pilot.controleer` does not see.

    The names must be unique: `pilots.bewaar` updates a pilot with the same name, so a new pilot
    with an existing name would silently replace it. A comparison unit may not lie under a pilot
    unit or above it (its people would be in both groups). The tick "geselecteerd op hoog
    verzuim" is kept in the reason text, which is what `Pilot.geselecteerd_op_hoog_verzuim` reads.
    """
    if begin is None or eind is None:
        raise PilotFout("vul een begin- en een einddatum in")
    schoon = naam.strip()
    for p in bestaande:
        if p.pilot_id != pilot_id and p.naam.strip().lower() == schoon.lower() and schoon:
            raise PilotFout(f"er bestaat al een pilot met de naam ‘{schoon}’; kies een andere naam")
    pilot_set = set(pilot_eenheden)
    for v in vergelijk_eenheden:
        for e in pilot_eenheden:
            if v != e and e in boom.pad(v):
                raise PilotFout(
                    f"vergelijkingseenheid ‘{boom.naam(v)}’ valt onder pilot-eenheid ‘{boom.naam(e)}’"
                )
            if v != e and v in boom.pad(e):
                raise PilotFout(
                    f"pilot-eenheid ‘{boom.naam(e)}’ valt onder vergelijkingseenheid ‘{boom.naam(v)}’"
                )
    reden = reden_zonder_markering(reden.strip())
    woorden_hoog = [w for w in _HOOG_WOORDEN if w in reden.lower()]
    if hoog_verzuim and not woorden_hoog:
        reden = (reden + MARKERING).strip()
    elif not hoog_verzuim and woorden_hoog:
        raise PilotFout(
            f"de reden bevat ‘{woorden_hoog[-1]}’ en telt daardoor als ‘geselecteerd op hoog "
            "verzuim’; vink dat aan, of beschrijf de reden zonder de woorden hoog, hoge, hoogste, "
            "meeste of boven"
        )
    return Pilot(
        naam=schoon,
        omschrijving=omschrijving.strip(),
        begin=begin,
        eind=eind,
        pilot_eenheden=tuple(dict.fromkeys(pilot_eenheden)),
        vergelijk_eenheden=tuple(
            v for v in dict.fromkeys(vergelijk_eenheden) if v not in pilot_set
        ),
        selectie_reden=reden,
        pilot_id=pilot_id,
    )


# -- windows -------------------------------------------------------------------------------------


def standaard_vensters(pilot: Pilot) -> tuple[tuple[Maand, Maand], tuple[Maand, Maand]]:
    """The 12 whole months before the pilot's first month and after its last month."""
    start, einde = Maand.of(pilot.begin), Maand.of(pilot.eind)
    return (start.plus(-VENSTER), start.plus(-1)), (einde.plus(1), einde.plus(VENSTER))


def _venster(
    van: Maand, tot: Maand, eerste: Maand | None, laatste: Maand, label: str
) -> Periode | None:
    van = max(van, eerste) if eerste is not None else van
    tot = min(tot, laatste)
    return Periode(label, van, tot) if van <= tot else None


# -- the analysis --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Effectkaart:
    """The estimated effect of the pilot on one metric, with its texts."""

    metriek: str
    pilot_voor: float | None
    pilot_na: float | None
    vergelijk_voor: float | None
    vergelijk_na: float | None
    effect: stat.Effect | None
    phi: float
    regressie: stat.Regressiecheck | None
    regressie_tonen: bool
    referentie_voor: float | None
    tekst: str
    regressie_tekst: str

    @property
    def naief(self) -> float | None:
        """The pilot group's change without any comparison."""
        if self.pilot_voor is None or self.pilot_na is None:
            return None
        return self.pilot_na - self.pilot_voor

    @property
    def gecorrigeerd(self) -> float | None:
        """The effect after taking off what regression to the mean alone would give."""
        if not self.regressie_tonen or self.regressie is None:
            return None
        return self.regressie.rest


@dataclass(frozen=True)
class PilotAnalyse:
    """The content of the Pilots view for one pilot."""

    pilot: Pilot
    organisatie: str
    voor: Periode | None
    na: Periode | None
    na_ingekort: bool
    #: monthly and centred 3-month values per group: soort ('maand' / '3mnd'), groep, maand, ...
    reeks: pl.DataFrame
    #: voor/na (and 'eerder') per group: pilotgroep, vergelijkingsgroep, organisatie
    perioden: pl.DataFrame
    #: voor/na per pilot and comparison unit (secondary suppression within each role)
    per_eenheid: pl.DataFrame
    kaarten: list[Effectkaart]
    rho: dict[str, float | None]
    niveau: int
    kop: str
    meldingen: list[str]


def _groep(boom: Boom, label: str, codes: Sequence[str], naam: str) -> metrics.Groep:
    """One group of the union of the units and their descendants (each unit once)."""
    eenheden = tuple(
        dict.fromkeys(u for c in codes if c in boom.eenheden for u in boom.afstammelingen(c))
    )
    return metrics.Groep(label, eenheden, naam)


def groepsnaam(groep: str, taal: str = "nl") -> str:
    """Display name of a group label."""
    return {
        PILOT: t("Pilotgroep", taal),
        VERGELIJKING: t("Vergelijkingsgroep", taal),
        ORGANISATIE: t("Hele organisatie", taal),
    }.get(groep, groep)


def bouw(
    store: Store,
    ctx: Context,
    *,
    pilot: Pilot,
    voor_van: Maand | None = None,
    voor_tot: Maand | None = None,
    na_van: Maand | None = None,
    na_tot: Maand | None = None,
) -> PilotAnalyse:
    """Before/after numbers, per unit and together, and the estimated effect of one pilot."""
    boom, sel, taal = ctx.boom, ctx.selectie, ctx.taal
    org = organisatie_van(boom, pilot)
    if org is None:
        raise metrics.SelectieFout("de eenheden van deze pilot bestaan niet meer")
    if ctx.toegang is not None and org not in ctx.toegang:
        raise metrics.SelectieFout(f"geen toegang tot organisatie '{org}'")
    meldingen: list[str] = []
    onbekend = [
        c for c in (*pilot.pilot_eenheden, *pilot.vergelijk_eenheden) if c not in boom.eenheden
    ]
    if onbekend:
        meldingen.append(
            t(
                "Deze eenheden bestaan niet meer in de gegevens en tellen niet mee: {e}.",
                taal,
                e=", ".join(onbekend),
            )
        )
    laatste = boom.laatste_maand([org])
    if laatste is None:
        raise metrics.SelectieFout("geen gegevens voor deze organisatie")
    eerste = metrics.eerste_maand(store)
    (sv, st_), (nv, nt) = standaard_vensters(pilot)
    voor = _venster(voor_van or sv, voor_tot or st_, eerste, laatste, "voor")
    gevraagd_na = (na_van or nv, na_tot or nt)
    na = _venster(gevraagd_na[0], gevraagd_na[1], None, laatste, "na")
    na_ingekort = na is not None and na.tot < gevraagd_na[1]
    if na is None:
        meldingen.append(
            t(
                "De naperiode begint in {m}; daarvan zijn nog geen cijfers (gegevens t/m {l}).",
                taal,
                m=fmt.maand(gevraagd_na[0], taal, lang=True),
                l=fmt.maand(laatste, taal, lang=True),
            )
        )
    elif na_ingekort:
        meldingen.append(
            t(
                "De naperiode is korter dan gekozen: er zijn gegevens t/m {l}.",
                taal,
                l=fmt.maand(laatste, taal, lang=True),
            )
        )
    if voor is None:
        meldingen.append(t("Er zijn geen gegevens van voor de pilot.", taal))

    gp = _groep(boom, PILOT, pilot.pilot_eenheden, groepsnaam(PILOT, taal))
    pilot_set = set(gp.eenheden)
    vergelijk = [c for c in pilot.vergelijk_eenheden if c in boom.eenheden]
    gv = _groep(boom, VERGELIJKING, vergelijk, groepsnaam(VERGELIJKING, taal))
    # people can be in one group only: what lies under a pilot unit counts for the pilot
    gv = dataclasses.replace(gv, eenheden=tuple(u for u in gv.eenheden if u not in pilot_set))
    groepen = [gp, gv] if gv.eenheden else [gp]
    if not gv.eenheden:
        meldingen.append(
            t(
                "Deze pilot heeft geen vergelijkingseenheden: dan is niet te zeggen welk deel van de "
                "verandering door de pilot komt.",
                taal,
            )
        )
    filt = sel.filter

    reeks = _reeks(store, boom, groepen, pilot, voor, na, laatste, eerste, filt, ctx.min_groep)

    # the pilot units' level: where they were chosen, so where ρ and φ are measured
    niveaus = [boom.eenheden[c].niveau for c in pilot.pilot_eenheden if c in boom.eenheden]
    niveau = Counter(niveaus).most_common(1)[0][0] if niveaus else 1
    ps: list[Periode] = [p for p in (voor, na) if p is not None]
    eerder = Periode("eerder", voor.van.plus(-voor.k), voor.van.plus(-1)) if voor else None
    if eerder is not None and (eerste is None or eerder.van >= eerste):
        ps.insert(0, eerder)
    else:
        eerder = None
    org_groep = metrics.Groep(
        ORGANISATIE, tuple(boom.afstammelingen(org)), groepsnaam(ORGANISATIE, taal)
    )
    niveau_groepen = [
        metrics.Groep(f"n:{c}", tuple(boom.afstammelingen(c)), boom.naam(c))
        for c in boom.op_niveau(org, niveau)
    ]
    perioden = metrics.kerncijfers(
        store, boom, ps, [*groepen, org_groep, *niveau_groepen], filter=filt,
        min_groep=ctx.min_groep, met_nulverzuim=False,
    )  # fmt: skip
    per_eenheid = _per_eenheid(store, boom, pilot, vergelijk, voor, na, filt, ctx.min_groep)

    kaarten, rho = _effecten(
        perioden, pilot, niveau_groepen, pilot_set, voor, na, eerder, bool(gv.eenheden), taal
    )
    groep_frame = perioden.filter(~pl.col("eenheid").str.starts_with("n:"))
    kop = _kop(pilot, kaarten, voor, na, bool(gv.eenheden), taal)
    return PilotAnalyse(
        pilot, org, voor, na, na_ingekort, reeks, groep_frame, per_eenheid, kaarten, rho, niveau,
        kop, meldingen,
    )  # fmt: skip


def _reeks(
    store: Store,
    boom: Boom,
    groepen: list[metrics.Groep],
    pilot: Pilot,
    voor: Periode | None,
    na: Periode | None,
    laatste: Maand,
    eerste: Maand | None,
    filt: metrics.Filter,
    min_groep: int,
) -> pl.DataFrame:
    """Monthly and centred 3-month values from the before window to the after window."""
    start, einde = Maand.of(pilot.begin), Maand.of(pilot.eind)
    van = min(voor.van if voor else start, start)
    tot = max(na.tot if na else min(einde.plus(VENSTER), laatste), einde)
    tot = min(tot, laatste)
    if eerste is not None:
        van = max(van, eerste)
    if tot < van:
        return pl.DataFrame()
    maanden = [van.plus(i) for i in range(tot.index - van.index + 1)]
    # the 3-month value of month m covers m−1..m+1: centred, so a fall is not drawn late
    ps = [Periode(f"maand|{m}", m, m) for m in maanden] + [
        Periode(f"3mnd|{m}", max(m.plus(-1), eerste) if eerste else m.plus(-1), m.plus(1))
        for m in maanden
        if m.plus(1) <= laatste
    ]
    frame = metrics.kerncijfers(
        store, boom, ps, groepen, filter=filt, min_groep=min_groep, met_nulverzuim=False
    )
    return frame.with_columns(
        pl.col("periode").str.split("|").list.get(0).alias("soort"),
        pl.col("periode").str.split("|").list.get(1).str.strptime(pl.Date, "%Y-%m").alias("maand"),
        pl.col("eenheid").alias("groep"),
    )


def _per_eenheid(
    store: Store,
    boom: Boom,
    pilot: Pilot,
    vergelijk: list[str],
    voor: Periode | None,
    na: Periode | None,
    filt: metrics.Filter,
    min_groep: int,
) -> pl.DataFrame:
    """Before and after per unit; each role's units are the parts of that role's group."""
    ps = [p for p in (voor, na) if p is not None]
    delen = []
    for rol, codes in ((PILOT, pilot.pilot_eenheden), (VERGELIJKING, vergelijk)):
        codes = [c for c in codes if c in boom.eenheden]
        if not codes or not ps:
            continue
        groepen = [metrics.Groep(c, tuple(boom.afstammelingen(c)), boom.naam(c)) for c in codes]
        frame = metrics.kerncijfers(
            store, boom, ps, groepen, filter=filt, min_groep=min_groep, met_nulverzuim=False,
        )  # fmt: skip
        delen.append(frame.with_columns(pl.lit(rol).alias("rol")))
    if not delen:
        return pl.DataFrame()
    frame = pl.concat(delen, how="diagonal_relaxed")
    # a unit hidden in one period is hidden in both: before/after of one side says nothing
    return frame.with_columns(pl.col("onderdrukt").any().over("eenheid").alias("onderdrukt"))


def _rij(frame: pl.DataFrame, periode: str, eenheid: str) -> pl.DataFrame:
    return frame.filter((pl.col("periode") == periode) & (pl.col("eenheid") == eenheid))


def _waarde(frame: pl.DataFrame, periode: str | None, eenheid: str, metriek: str) -> float | None:
    if periode is None:
        return None
    rij = _rij(frame, periode, eenheid)
    if rij.height == 0 or bool(rij["onderdrukt"][0]):
        return None
    w = rij[metriek][0]
    return float(w) if w is not None else None


Sleutel = tuple[str, str]


def tellingen(frame: pl.DataFrame) -> dict[Sleutel, stat.Telling | None]:
    """Counts per (period, group) of a metrics-API frame; None for suppressed rows.

    The same numbers as `statistics.tellingen` (a test checks it), in one pass over the rows:
    that adapter slices the frame per row, which costs more than the metrics themselves here.
    """
    uit: dict[Sleutel, stat.Telling | None] = {}
    for r in frame.iter_rows(named=True):
        if r["onderdrukt"] or r["bezetting"] is None:
            uit[(r["periode"], r["eenheid"])] = None
            continue
        uit[(r["periode"], r["eenheid"])] = stat.Telling(
            meldingen=float(r["meldingen"] or 0),
            persoonsjaren=float(r["bezetting"]) * r["k"] / 12,
            verzuimdagen=float(r["verzuimdagen"] or 0),
            beschikbare_dagen=float(r["beschikbare_dagen"] or 0),
        )
    return uit


def _effecten(
    perioden: pl.DataFrame,
    pilot: Pilot,
    niveau_groepen: list[metrics.Groep],
    pilot_set: set[str],
    voor: Periode | None,
    na: Periode | None,
    eerder: Periode | None,
    met_vergelijking: bool,
    taal: str,
) -> tuple[list[Effectkaart], dict[str, float | None]]:
    """Difference in differences per metric, φ of changes, ρ and the regression check."""
    tel = tellingen(perioden)
    waarden = {
        (r["periode"], r["eenheid"]): r
        for r in perioden.select("periode", "eenheid", "onderdrukt", *METRIEKEN).iter_rows(
            named=True
        )
    }

    def waarde(periode: Periode | None, eenheid: str, m: str) -> float | None:
        r = waarden.get((periode.label, eenheid)) if periode is not None else None
        if r is None or r["onderdrukt"] or r[m] is None:
            return None
        return float(r[m])

    # φ from the changes of the units at the pilot level that hold no pilot unit
    buiten = [g.label for g in niveau_groepen if not set(g.eenheden) & pilot_set]
    alle = [g.label for g in niveau_groepen]
    kaarten: list[Effectkaart] = []
    rho_per: dict[str, float | None] = {}
    for m in METRIEKEN:
        phi = 1.0
        if voor and na:
            phi = stat.overdispersie_verandering(
                [tel.get((voor.label, e)) for e in buiten],
                [tel.get((na.label, e)) for e in buiten],
                m,
            )
        rho = None
        if voor and eerder:
            rho = stat.jaarcorrelatie(
                [waarde(eerder, e, m) for e in alle], [waarde(voor, e, m) for e in alle]
            )
        rho_per[m] = rho
        effect = None
        if voor and na and met_vergelijking:
            vier = [tel.get((p.label, g)) for p in (voor, na) for g in (PILOT, VERGELIJKING)]
            pv_, vv_, pn_, vn_ = vier
            if pv_ and pn_ and vv_ and vn_:
                effect = stat.verschil_in_verschillen(
                    pv_, pn_, vv_, vn_, m, phi,
                    pilot_label="de pilotgroep", vergelijk_label="de vergelijkingsgroep",
                )  # fmt: skip
        pv = waarde(voor, PILOT, m)
        ov = waarde(voor, ORGANISATIE, m)
        regressie = None
        if pv is not None and ov is not None:
            pe, oe = waarde(eerder, PILOT, m), waarde(eerder, ORGANISATIE, m)
            eerder_paar: tuple[list[float], list[float]] = (
                ([pe], [oe]) if pe is not None and oe is not None else ([], [])
            )
            regressie = stat.regressie_naar_gemiddelde(
                pv, ov, eerder_paar[0], eerder_paar[1], rho=rho,
                effect=effect.schatting if effect else None, metriek=m,
            )  # fmt: skip
        lijkt_hoog = regressie is not None and bool(regressie.waarschuwing)
        tonen = pilot.geselecteerd_op_hoog_verzuim and lijkt_hoog
        kaart = Effectkaart(
            m, pv, waarde(na, PILOT, m), waarde(voor, VERGELIJKING, m), waarde(na, VERGELIJKING, m),
            effect, phi, regressie, tonen, ov, "", "",
        )  # fmt: skip
        kaart = dataclasses.replace(
            kaart,
            tekst=effect_tekst(kaart, taal),
            regressie_tekst=regressie_tekst(kaart, pilot, lijkt_hoog, taal),
        )
        kaarten.append(kaart)
    return kaarten, rho_per


# -- texts ---------------------------------------------------------------------------------------


def _eenheid(metriek: str, taal: str) -> str:
    if metriek == "meldingsfrequentie":
        return t("per jaar", taal)
    return t("procentpunt", taal)


def _getal(x: float, metriek: str, taal: str) -> str:
    return fmt.getal(abs(x), DECIMALEN[metriek], taal)


def waarde_tekst(x: float | None, metriek: str, taal: str = "nl") -> str:
    """'2,01' or '7,8%'; '< 10' when unknown because suppressed."""
    if x is None:
        return fmt.ONDERDRUKT
    if metriek == "verzuimpercentage":
        return fmt.procent(x, 1, taal)
    return fmt.getal(x, 2, taal)


def effect_getal(x: float | None, metriek: str, taal: str = "nl") -> str:
    """'−0,75 per jaar' / '−0,8 procentpunt'."""
    return fmt.verschil(x, DECIMALEN[metriek], " " + _eenheid(metriek, taal), taal)


def interval_tekst(e: stat.Effect, metriek: str, taal: str = "nl") -> str:
    """'−0,92 tot −0,57 per jaar'."""
    dec = DECIMALEN[metriek]
    tot = "to" if taal == "en" else "tot"
    return (
        f"{fmt.verschil(e.laag, dec, '', taal)} {tot} {fmt.verschil(e.hoog, dec, '', taal)} "
        f"{_eenheid(metriek, taal)}"
    )


def _richting(k: Effectkaart, taal: str, *, deelwoord: bool = False) -> tuple[str, str]:
    """('daalde', 'meer') or ('steeg', 'minder') ...: the pilot group's own direction, so that
    a smaller rise is never called a fall."""
    assert k.effect is not None
    effect = k.effect.schatting
    eigen = k.naief if k.naief is not None else effect
    omlaag = eigen < 0 if abs(eigen) > 1e-12 else effect < 0
    meer = (effect < 0) == omlaag
    if taal == "en":
        return ("fell" if omlaag else "rose"), ("more" if meer else "less")
    if deelwoord:
        return ("gedaald" if omlaag else "gestegen"), ("meer" if meer else "minder")
    return ("daalde" if omlaag else "steeg"), ("meer" if meer else "minder")


def effect_tekst(k: Effectkaart, taal: str = "nl") -> str:
    """The estimated effect in one or two plain sentences."""
    e, m = k.effect, k.metriek
    label = t(LABELS[m], taal)
    eenheid = _eenheid(m, taal)
    if e is None:
        if k.pilot_voor is None or k.pilot_na is None:
            return t(
                "Geen schatting: de pilotgroep is te klein of er is geen voor- of naperiode.", taal
            )
        return t("Geen schatting: er is geen (voldoende grote) vergelijkingsgroep.", taal)
    if round(abs(e.schatting), DECIMALEN[m]) == 0:
        kern = (
            f"{label} changed as much in the pilot group as in the comparison group"
            if taal == "en"
            else f"{label} veranderde in de pilotgroep even veel als in de vergelijkingsgroep"
        )
    else:
        werkwoord, vergelijking = _richting(k, taal)
        getal = f"{_getal(e.schatting, m, taal)} {eenheid}"
        kern = (
            f"{label} {werkwoord} {getal} {vergelijking} in the pilot group than in the "
            "comparison group"
            if taal == "en"
            else f"{label} {werkwoord} in de pilotgroep {getal} {vergelijking} dan in de "
            "vergelijkingsgroep"
        )
    zeker = e.hoog < 0 or e.laag > 0
    if zeker:
        a, b = sorted((abs(e.laag), abs(e.hoog)))
        if taal == "en":
            return (
                f"{kern} (95% interval {_getal(a, m, taal)} to {_getal(b, m, taal)} {eenheid}). "
                "That difference is larger than chance alone would make plausible."
            )
        return (
            f"{kern} (95%-interval {_getal(a, m, taal)} tot {_getal(b, m, taal)} {eenheid}). "
            "Dat verschil is groter dan toeval alleen aannemelijk maakt."
        )

    def kant(x: float) -> str:
        if taal == "en":
            return f"{_getal(x, m, taal)} {eenheid} {'more fall' if x < 0 else 'more rise'}"
        return f"{_getal(x, m, taal)} {eenheid} extra {'daling' if x < 0 else 'stijging'}"

    if taal == "en":
        return (
            f"{kern}, but that may be chance: the 95% interval runs from {kant(e.laag)} "
            f"to {kant(e.hoog)}."
        )
    return (
        f"{kern}, maar dat kan ook toeval zijn: het 95%-interval loopt van {kant(e.laag)} "
        f"tot {kant(e.hoog)}."
    )


def regressie_tekst(k: Effectkaart, pilot: Pilot, lijkt_hoog: bool, taal: str = "nl") -> str:
    """The regression-to-the-mean warning (or hint) for one metric; empty when none applies."""
    r, e, m = k.regressie, k.effect, k.metriek
    if r is None or k.pilot_voor is None or k.referentie_voor is None:
        return ""
    naam = t(LABELS[m], taal).lower()
    eenheid = _eenheid(m, taal)
    niveau = f"{waarde_tekst(k.pilot_voor, m, taal)}" + (
        f" {eenheid}" if m == "meldingsfrequentie" else ""
    )
    ref = waarde_tekst(k.referentie_voor, m, taal)
    if not pilot.geselecteerd_op_hoog_verzuim:
        if not lijkt_hoog:
            return ""
        if taal == "en":
            return (
                f"The pilot units' {naam} was high before the pilot ({niveau} against {ref} in the "
                "whole organisation). If they were chosen for that, part of any fall was to be "
                "expected without the pilot (regression to the mean); tick ‘selected for high "
                "absence’ in the pilot to see how much."
            )
        return (
            f"De {naam} van de pilot-eenheden lag voor de pilot hoog ({niveau} tegen {ref} in de "
            "hele organisatie). Als ze daarom zijn gekozen, was een deel van een daling ook zonder "
            "pilot te verwachten (regressie naar het gemiddelde); vink ‘geselecteerd op hoog "
            "verzuim’ aan bij de pilot om te zien hoeveel."
        )
    if not lijkt_hoog:
        boven = k.pilot_voor > k.referentie_voor
        if taal == "en":
            hoe = (
                "stood no further above the organisation than in the 12 months before"
                if boven
                else "was not above the organisation"
            )
            return (
                f"The pilot units were chosen for high absence, but their {naam} before the pilot "
                f"({niveau} against {ref} in the whole organisation) {hoe}: little regression to "
                "the mean to expect here."
            )
        hoe = (
            "stak niet verder boven de organisatie uit dan in de 12 maanden daarvoor"
            if boven
            else "lag niet boven de organisatie"
        )
        return (
            f"De pilot-eenheden zijn gekozen op hoog verzuim, maar hun {naam} voor de pilot "
            f"({niveau} tegen {ref} in de hele organisatie) {hoe}: hier is weinig regressie naar "
            "het gemiddelde te verwachten."
        )
    v = r.verwachte_daling
    gedaald = e is not None and e.schatting < 0
    # 'daling' only when the pilot group itself fell; a smaller rise is a 'verschil'
    zelf_gedaald = gedaald and k.naief is not None and k.naief < 0
    if taal == "en":
        zinnen = [
            (
                ("Part of this fall" if zelf_gedaald else "Part of this difference")
                + " was to be expected without any pilot: "
                if gedaald
                else "Note: "
            )
            + f"the pilot units were chosen for high absence, and their {naam} before the pilot "
            f"was {niveau} against {ref} in the whole organisation.",
            "Such a peak often falls back by itself (regression to the mean).",
        ]
        if v is not None:
            zinnen.append(f"That alone would give a fall of about {_getal(v, m, taal)} {eenheid}.")
            if gedaald and e is not None and r.rest is not None:
                zeker = e.hoog < 0
                if r.rest >= 0:
                    zinnen.append(
                        "That explains the whole measured extra fall: these figures show no "
                        "effect of the pilot beyond regression to the mean."
                    )
                elif zeker:
                    zinnen.append(
                        f"Of the measured {_getal(e.schatting, m, taal)} {eenheid} extra fall, about "
                        f"{_getal(r.rest, m, taal)} {eenheid} may therefore be due to the pilot itself."
                    )
                else:
                    zinnen.append(
                        f"Of the measured {_getal(e.schatting, m, taal)} {eenheid} extra fall (which "
                        f"may itself be chance) about {_getal(r.rest, m, taal)} {eenheid} remains."
                    )
            elif e is not None and e.schatting > 0 and r.rest is not None:
                zinnen.append(
                    f"Yet the {naam} rose {_getal(e.schatting, m, taal)} {eenheid} more in the pilot "
                    f"group than in the comparison group; after taking off the expected fall that is "
                    f"about {_getal(r.rest, m, taal)} {eenheid}."
                )
        zinnen.append("This correction is a rough estimate with its own uncertainty.")
        return " ".join(zinnen)
    zinnen = [
        (
            ("Een deel van deze daling" if zelf_gedaald else "Een deel van dit verschil")
            + " was ook zonder pilot te verwachten: "
            if gedaald
            else "Let op: "
        )
        + f"de pilot-eenheden zijn gekozen op hoog verzuim, en hun {naam} lag voor de pilot op "
        f"{niveau} tegen {ref} in de hele organisatie.",
        "Zo'n uitschieter zakt vaak vanzelf terug (regressie naar het gemiddelde).",
    ]
    if v is not None:
        zinnen.append(
            f"Alleen daardoor was al een daling van ongeveer {_getal(v, m, taal)} {eenheid} te verwachten."
        )
        if gedaald and e is not None and r.rest is not None:
            zeker = e.hoog < 0
            if r.rest >= 0:
                zinnen.append(
                    "Dat verklaart de hele gemeten extra daling: deze cijfers tonen geen effect "
                    "van de pilot dat groter is dan regressie naar het gemiddelde."
                )
            elif zeker:
                zinnen.append(
                    f"Van de gemeten {_getal(e.schatting, m, taal)} {eenheid} extra daling kan dus "
                    f"ongeveer {_getal(r.rest, m, taal)} {eenheid} aan de pilot zelf liggen."
                )
            else:
                zinnen.append(
                    f"Van de gemeten {_getal(e.schatting, m, taal)} {eenheid} extra daling (die "
                    f"ook toeval kan zijn) blijft dan ongeveer {_getal(r.rest, m, taal)} {eenheid} over."
                )
        elif e is not None and e.schatting > 0 and r.rest is not None:
            zinnen.append(
                f"Toch steeg de {naam} in de pilotgroep {_getal(e.schatting, m, taal)} {eenheid} "
                f"meer dan in de vergelijkingsgroep; na aftrek van de verwachte daling is dat "
                f"ongeveer {_getal(r.rest, m, taal)} {eenheid}."
            )
    zinnen.append("Deze correctie is een grove schatting met eigen onzekerheid.")
    return " ".join(zinnen)


def _kop(
    pilot: Pilot,
    kaarten: list[Effectkaart],
    voor: Periode | None,
    na: Periode | None,
    met_vergelijking: bool,
    taal: str,
) -> str:
    """The finding of the pilot in one line: '<name>: <finding>'."""
    if na is None:
        return f"{pilot.naam}: " + t("nog geen cijfers van na de pilot", taal)
    if voor is None:
        return f"{pilot.naam}: " + t("geen cijfers van voor de pilot", taal)
    if not met_vergelijking:
        return f"{pilot.naam}: " + t(
            "zonder vergelijkingsgroep is het effect niet te schatten", taal
        )
    return f"{pilot.naam}: {bevinding(kaarten, taal)}"


def bevinding(kaarten: Sequence[Effectkaart], taal: str = "nl") -> str:
    """'meldingsfrequentie 0,75 per jaar meer gedaald dan in de vergelijkingsgroep; ...'."""
    delen = []
    for k in kaarten:
        e, m = k.effect, k.metriek
        label = t(LABELS[m], taal).lower()
        if e is None:
            delen.append(f"{label}: " + t("geen schatting", taal))
        elif e.hoog < 0 or e.laag > 0:
            werkwoord, vergelijking = _richting(k, taal, deelwoord=True)
            getal = f"{_getal(e.schatting, m, taal)} {_eenheid(m, taal)}"
            zin = (
                f"{label} {werkwoord} {getal} {vergelijking} than in the comparison group"
                if taal == "en"
                else f"{label} {getal} {vergelijking} {werkwoord} dan in de vergelijkingsgroep"
            )
            if k.regressie_tonen and e.schatting < 0:
                zin += t(", deels door regressie naar het gemiddelde", taal)
            delen.append(zin)
        else:
            delen.append(
                f"{label}: " + t("geen duidelijk verschil met de vergelijkingsgroep", taal)
            )
    return "; ".join(delen)


# -- figures and tables --------------------------------------------------------------------------


def kader(a: PilotAnalyse, ctx: Context, titel: str, extra: str = "") -> Kader:
    """The frame of a chart: the organisation, the pilot and its periods in the subtitle."""
    taal = ctx.taal
    org_ctx = dataclasses.replace(ctx, selectie=ctx.selectie.met(eenheid=a.organisatie))
    delen = [f"{t('Pilot', taal)} ‘{a.pilot.naam}’ {periode_van(a.pilot, taal)}"]
    if a.voor is not None:
        delen.append(f"{t('voor', taal)}: {periode_tekst(a.voor.van, a.voor.tot, taal)}")
    if a.na is not None:
        delen.append(f"{t('na', taal)}: {periode_tekst(a.na.van, a.na.tot, taal)}")
    if extra:
        delen.append(extra)
    return org_ctx.kader(titel, " · ".join(delen))


def _vensters(a: PilotAnalyse) -> dict[str, tuple[dt.date, dt.date]]:
    uit = {}
    if a.voor is not None:
        uit["voor"] = (a.voor.begin, a.voor.eind)
    if a.na is not None:
        uit["na"] = (a.na.begin, a.na.eind)
    return uit


def reeks_figuur(
    a: PilotAnalyse, ctx: Context, metriek: str = "meldingsfrequentie", soort: str = "3mnd"
) -> go.Figure:
    """Monthly (or centred 3-month) values of both groups, the pilot shaded, before/after means."""
    taal = ctx.taal
    label = t(LABELS[metriek], taal)
    reeks = a.reeks.filter(pl.col("soort") == soort) if a.reeks.height else a.reeks
    titel = _reeks_titel(a, metriek, taal)
    uitleg = t("gemiddelde over 3 maanden", taal) if soort == "3mnd" else t("per maand", taal)
    return grafiek.voor_na(
        reeks,
        a.perioden.filter(pl.col("eenheid").is_in([PILOT, VERGELIJKING])),
        kader(a, ctx, titel, f"{label} {uitleg}"),
        metriek=metriek,
        pilot=(a.pilot.begin, a.pilot.eind),
        vensters=_vensters(a),
        namen={PILOT: groepsnaam(PILOT, taal), VERGELIJKING: groepsnaam(VERGELIJKING, taal)},
    )


def _reeks_titel(a: PilotAnalyse, metriek: str, taal: str) -> str:
    k = next(k for k in a.kaarten if k.metriek == metriek)
    label = t(LABELS[metriek], taal)
    if k.pilot_voor is None or k.pilot_na is None:
        return f"{label}: " + t("pilotgroep en vergelijkingsgroep per maand", taal)

    def stap(van: float | None, naar: float | None) -> str:
        # non-breaking spaces: the title may wrap, but never inside 'a → b'
        return f"{waarde_tekst(van, metriek, taal)}\u00a0→\u00a0{waarde_tekst(naar, metriek, taal)}"

    d = k.pilot_na - k.pilot_voor
    drempel = 0.5 * 10 ** -DECIMALEN[metriek]
    if taal == "en":
        richting = "fell" if d < -drempel else "rose" if d > drempel else "stayed level"
        zin = f"{label} in the pilot group {richting}: {stap(k.pilot_voor, k.pilot_na)}"
        if k.vergelijk_voor is not None:
            zin += f"; comparison group {stap(k.vergelijk_voor, k.vergelijk_na)}"
        return zin
    richting = "daalde" if d < -drempel else "steeg" if d > drempel else "bleef gelijk"
    zin = f"{label} in de pilotgroep {richting}: {stap(k.pilot_voor, k.pilot_na)}"
    if k.vergelijk_voor is not None:
        zin += f"; vergelijkingsgroep {stap(k.vergelijk_voor, k.vergelijk_na)}"
    return zin


def effect_figuur(a: PilotAnalyse, ctx: Context) -> go.Figure:
    """The estimated effects as a small forest plot: naive, difference in differences, corrected."""
    taal = ctx.taal
    rijen = []
    for k in a.kaarten:
        e = k.effect
        rijen.append(
            {
                "metriek": k.metriek,
                "label": t(LABELS[k.metriek], taal),
                "eenheid": _eenheid(k.metriek, taal),
                "decimalen": DECIMALEN[k.metriek],
                "naief": k.naief,
                "schatting": e.schatting if e else None,
                "laag": e.laag if e else None,
                "hoog": e.hoog if e else None,
                "gecorrigeerd": k.gecorrigeerd,
            }
        )
    return grafiek.effecten(rijen, kader(a, ctx, _effect_titel(a, taal)))


def _effect_titel(a: PilotAnalyse, taal: str) -> str:
    if any(k.effect for k in a.kaarten):
        return f"{t('Geschat effect', taal)}: {bevinding(a.kaarten, taal)}"
    return t("Geschat effect van de pilot", taal)


def eenheden_figuur(a: PilotAnalyse, ctx: Context) -> go.Figure:
    """Before and after per unit, with both groups together, for both metrics."""
    taal = ctx.taal
    rijen = []
    for rol in (PILOT, VERGELIJKING):
        groep_rijen = a.perioden.filter(pl.col("eenheid") == rol)
        if groep_rijen.height == 0:
            continue
        rijen.append(
            _eenheid_rij(
                a.perioden, rol, f"{groepsnaam(rol, taal)} ({t('samen', taal)})", rol, True
            )
        )
        if a.per_eenheid.height:
            for code in a.per_eenheid.filter(pl.col("rol") == rol)["eenheid"].unique(
                maintain_order=True
            ):
                rijen.append(_eenheid_rij(a.per_eenheid, code, ctx.boom.naam(code), rol, False))
    titel = _eenheden_titel(rijen, taal)
    return grafiek.per_eenheid(
        rijen,
        kader(a, ctx, titel),
        namen={PILOT: groepsnaam(PILOT, taal), VERGELIJKING: groepsnaam(VERGELIJKING, taal)},
        vensters={
            "voor": periode_tekst(a.voor.van, a.voor.tot, taal) if a.voor else "",
            "na": periode_tekst(a.na.van, a.na.tot, taal) if a.na else "",
        },
    )


def _eenheid_rij(
    frame: pl.DataFrame, eenheid: str, naam: str, rol: str, totaal: bool
) -> dict[str, object]:
    rij: dict[str, object] = {"eenheid": eenheid, "naam": naam, "rol": rol, "totaal": totaal}
    onderdrukt = bool(frame.filter(pl.col("eenheid") == eenheid)["onderdrukt"].any())
    rij["onderdrukt"] = onderdrukt
    for m in METRIEKEN:
        for p in ("voor", "na"):
            rij[f"{m}_{p}"] = None if onderdrukt else _waarde(frame, p, eenheid, m)
    return rij


def _eenheden_titel(rijen: list[dict[str, object]], taal: str) -> str:
    def daling(r: dict[str, object]) -> bool | None:
        v, n = r.get("meldingsfrequentie_voor"), r.get("meldingsfrequentie_na")
        if not isinstance(v, float) or not isinstance(n, float):
            return None
        return n < v

    tel = {}
    for rol in (PILOT, VERGELIJKING):
        uitkomst = [daling(r) for r in rijen if r["rol"] == rol and not r["totaal"]]
        bekend = [u for u in uitkomst if u is not None]
        tel[rol] = (sum(bekend), len(bekend))
    (pd_, pn), (vd, vn) = tel[PILOT], tel[VERGELIJKING]
    if pn == 0:
        return t("Voor en na per eenheid", taal)
    if taal == "en":
        zin = f"Notification frequency fell in {pd_} of {pn} pilot units"
        return zin + (f" and in {vd} of {vn} comparison units" if vn else "")
    zin = f"Meldingsfrequentie daalde in {pd_} van de {pn} pilot-eenheden"
    return zin + (f" en in {vd} van de {vn} vergelijkingseenheden" if vn else "")


def tabel_reeks(a: PilotAnalyse, soort: str = "3mnd", taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the monthly charts (both metrics, both groups)."""
    if a.reeks.height == 0:
        return pl.DataFrame()
    reeks = a.reeks.filter(pl.col("soort") == soort)
    return reeks.select(
        pl.col("maand").alias(t("Maand", taal)),
        pl.struct("van", "tot")
        .map_elements(
            lambda s: (
                periode_tekst(s["van"], s["tot"], taal)
                if s["van"].month != s["tot"].month
                else fmt.maand(s["van"], taal)
            ),
            return_dtype=pl.String,
        )
        .alias(t("Periode", taal)),
        pl.col("groep")
        .replace_strict(
            {PILOT: groepsnaam(PILOT, taal), VERGELIJKING: groepsnaam(VERGELIJKING, taal)}
        )
        .alias(t("Groep", taal)),
        pl.col("bezetting").alias(t("Bezetting", taal)),
        pl.col("meldingen").alias(t("Meldingen", taal)),
        pl.col("meldingsfrequentie").alias(t("Meldingsfrequentie", taal)),
        pl.col("verzuimpercentage").alias(t("Verzuimpercentage", taal)),
        "onderdrukt",
    ).sort(t("Maand", taal), t("Groep", taal))


def tabel_effect(a: PilotAnalyse, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the effect chart: one column per metric, one row per quantity."""
    kaart = {k.metriek: k for k in a.kaarten}

    def rij(naam: str, waarde: object, groep: str = "", periode: str = "") -> dict[str, object]:
        uit: dict[str, object] = {t("Grootheid", taal): t(naam, taal)}
        for m, kolom in (
            ("meldingsfrequentie", "Meldingsfrequentie (per jaar)"),
            ("verzuimpercentage", "Verzuimpercentage (%)"),
        ):
            k = kaart[m]
            w = waarde(k) if callable(waarde) else None
            uit[t(kolom, taal)] = float(w) if isinstance(w, int | float) else None
        uit["onderdrukt"] = bool(
            groep
            and a.perioden.filter((pl.col("eenheid") == groep) & (pl.col("periode") == periode))[
                "onderdrukt"
            ].any()
        )
        return uit

    def rtm(k: Effectkaart) -> float | None:
        return k.regressie.verwachte_daling if k.regressie and k.regressie_tonen else None

    return pl.DataFrame(
        [
            rij("Pilotgroep voor", lambda k: k.pilot_voor, PILOT, "voor"),
            rij("Pilotgroep na", lambda k: k.pilot_na, PILOT, "na"),
            rij("Vergelijkingsgroep voor", lambda k: k.vergelijk_voor, VERGELIJKING, "voor"),
            rij("Vergelijkingsgroep na", lambda k: k.vergelijk_na, VERGELIJKING, "na"),
            rij("Verandering pilotgroep (zonder vergelijking)", lambda k: k.naief),
            rij(
                "Effect (verschil in verschillen)",
                lambda k: k.effect.schatting if k.effect else None,
            ),
            rij("95%-interval van", lambda k: k.effect.laag if k.effect else None),
            rij("95%-interval tot", lambda k: k.effect.hoog if k.effect else None),
            rij("Relatief effect (%)", lambda k: k.effect.relatief if k.effect else None),
            rij("Verwachte daling door regressie naar het gemiddelde", rtm),
            rij("Effect na aftrek regressie (grove schatting)", lambda k: k.gecorrigeerd),
            rij("Overdispersie φ van de veranderingen", lambda k: k.phi),
            rij("Jaarcorrelatie ρ", lambda k: a.rho.get(k.metriek)),
        ]
    )


def tabel_eenheden(a: PilotAnalyse, ctx: Context) -> pl.DataFrame:
    """The numbers behind the per-unit chart; hidden units show '< 10' in every number."""
    taal = ctx.taal
    rijen = []
    for rol in (PILOT, VERGELIJKING):
        if a.perioden.filter(pl.col("eenheid") == rol).height:
            rijen.append(
                _eenheid_rij(
                    a.perioden, rol, f"{groepsnaam(rol, taal)} ({t('samen', taal)})", rol, True
                )
            )
        if a.per_eenheid.height:
            for code in a.per_eenheid.filter(pl.col("rol") == rol)["eenheid"].unique(
                maintain_order=True
            ):
                rijen.append(_eenheid_rij(a.per_eenheid, code, ctx.boom.naam(code), rol, False))
    return pl.DataFrame(
        [
            {
                t("Eenheid", taal): r["naam"],
                t("Groep", taal): groepsnaam(str(r["rol"]), taal),
                t("Meldingsfrequentie voor", taal): r["meldingsfrequentie_voor"],
                t("Meldingsfrequentie na", taal): r["meldingsfrequentie_na"],
                t("Verzuimpercentage voor", taal): r["verzuimpercentage_voor"],
                t("Verzuimpercentage na", taal): r["verzuimpercentage_na"],
                "onderdrukt": r["onderdrukt"],
            }
            for r in rijen
        ],
        schema={
            t("Eenheid", taal): pl.String,
            t("Groep", taal): pl.String,
            t("Meldingsfrequentie voor", taal): pl.Float64,
            t("Meldingsfrequentie na", taal): pl.Float64,
            t("Verzuimpercentage voor", taal): pl.Float64,
            t("Verzuimpercentage na", taal): pl.Float64,
            "onderdrukt": pl.Boolean,
        },
    )


def maandopties(store: Store, ctx: Context) -> list[Maand]:
    """The months a before or after window can cover: from the data's start to the last month."""
    laatste = ctx.boom.laatste_maand([ctx.selectie.organisatie])
    if laatste is None:
        return []
    eerste = metrics.eerste_maand(store) or laatste.plus(-119)
    return [eerste.plus(i) for i in range(laatste.index - eerste.index + 1)]


def vensters_binnen(
    pilot: Pilot, opties: Sequence[Maand]
) -> tuple[tuple[Maand, Maand] | None, tuple[Maand, Maand] | None]:
    """The default windows clipped to the months there are; None when nothing is left."""
    if not opties:
        return None, None
    (vv, vt), (nv, nt) = standaard_vensters(pilot)
    lo, hi = opties[0], opties[-1]

    def klem(van: Maand, tot: Maand) -> tuple[Maand, Maand] | None:
        van, tot = max(van, lo), min(tot, hi)
        return (van, tot) if van <= tot else None

    return klem(vv, vt), klem(nv, nt)


def uitleg(a: PilotAnalyse, taal: str = "nl") -> str:
    """How the numbers were computed, in plain words (markdown)."""
    phi = {k.metriek: fmt.getal(k.phi, 1, taal) for k in a.kaarten}
    rho = {m: fmt.getal(r, 2, taal) if r is not None else "–" for m, r in a.rho.items()}
    if taal == "en":
        return (
            "- **Groups.** The pilot group is all staff of the pilot units (with their sub-units); "
            "the comparison group likewise. Both are counted as one group, exactly as the other "
            "pages count a unit.\n"
            "- **Effect (difference in differences).** (after − before in the pilot group) − "
            "(after − before in the comparison group). It assumes both groups would have changed "
            "alike without the pilot.\n"
            "- **Uncertainty.** 95% interval from the Poisson variance of the reports and the "
            "binomial variance of the absence days, widened by the overdispersion φ of the "
            f"changes of the other units at the same level (φ = {phi['meldingsfrequentie']} for "
            f"the notification frequency, {phi['verzuimpercentage']} for the absence rate: absence "
            "days come in spells, so they vary far more than chance).\n"
            "- **Regression to the mean.** Units chosen after a high year tend to fall back. The "
            "expected fall uses the year-to-year correlation ρ of the units at the pilot level "
            f"(ρ = {rho['meldingsfrequentie']} and {rho['verzuimpercentage']}), the whole "
            "organisation as reference, and the year before the before window (Barnett et al., "
            "2005). It is a rough estimate.\n"
            "- **Privacy.** Groups and units with fewer than the minimum number of employees are "
            "not shown; no individual is ever visible."
        )
    return (
        "- **Groepen.** De pilotgroep is al het personeel van de pilot-eenheden (met hun "
        "onderliggende eenheden); de vergelijkingsgroep net zo. Beide tellen als één groep, "
        "precies zoals de andere pagina's een eenheid tellen.\n"
        "- **Effect (verschil in verschillen).** (na − voor in de pilotgroep) − (na − voor in de "
        "vergelijkingsgroep). Dit gaat ervan uit dat beide groepen zonder pilot even sterk "
        "zouden zijn veranderd.\n"
        "- **Onzekerheid.** Het 95%-interval komt uit de Poisson-variantie van de meldingen en de "
        "binomiale variantie van de verzuimdagen, vergroot met de overdispersie φ van de "
        "veranderingen van de andere eenheden op hetzelfde niveau (φ = "
        f"{phi['meldingsfrequentie']} voor de meldingsfrequentie, {phi['verzuimpercentage']} voor "
        "het verzuimpercentage: verzuimdagen komen in reeksen, dus ze schommelen veel meer dan "
        "toeval).\n"
        "- **Regressie naar het gemiddelde.** Eenheden die na een hoog jaar zijn gekozen, zakken "
        "vaak vanzelf terug. De verwachte daling gebruikt de samenhang ρ tussen opeenvolgende "
        f"jaren van de eenheden op het niveau van de pilot (ρ = {rho['meldingsfrequentie']} en "
        f"{rho['verzuimpercentage']}), de hele organisatie als maatstaf en het jaar vóór de "
        "voorperiode (Barnett e.a., 2005). Het is een grove schatting.\n"
        "- **Privacy.** Groepen en eenheden met minder medewerkers dan het minimum worden niet "
        "getoond; geen enkele medewerker is herkenbaar."
    )
