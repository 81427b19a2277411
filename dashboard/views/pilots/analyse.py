"""One pilot before and after: the windows, the numbers per group and per unit, and the
estimated effect per metric.

Before/after numbers are metrics-API frames for the pilot group and the comparison group (each
the union of its units with their descendants). The effect is a difference in differences
(`statistiek.verschil.verschil_in_verschillen`) with φ of the changes of the units outside the pilot; when
the units were chosen for high absence, `statistiek.verschil.regressie_naar_gemiddelde` says which part of
the fall was to be expected without any pilot.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

import polars as pl

from dashboard import format as fmt
from dashboard import metrics
from dashboard.hierarchy import Boom
from dashboard.i18n import t
from dashboard.periods import Maand, Periode
from dashboard.pilots import VENSTER, Pilot
from dashboard.statistiek import pilot as sp
from dashboard.statistiek import verschil as stat
from dashboard.store import Store
from dashboard.views import Context
from dashboard.views.pilots import teksten
from dashboard.views.pilots.formulier import organisatie_van
from dashboard.views.pilots.model import (
    METRIEKEN,
    ORGANISATIE,
    PILOT,
    VERGELIJKING,
    Effectkaart,
    PilotAnalyse,
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


# -- the analysis --------------------------------------------------------------------------------


def _groep(boom: Boom, label: str, codes: Sequence[str], naam: str) -> metrics.Groep:
    """One group of the union of the units and their descendants (each unit once)."""
    eenheden = tuple(
        dict.fromkeys(u for c in codes if c in boom.eenheden for u in boom.afstammelingen(c))
    )
    return metrics.Groep(label, eenheden, naam)


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

    gp = _groep(boom, PILOT, pilot.pilot_eenheden, teksten.groepsnaam(PILOT, taal))
    pilot_set = set(gp.eenheden)
    vergelijk = [c for c in pilot.vergelijk_eenheden if c in boom.eenheden]
    gv = _groep(boom, VERGELIJKING, vergelijk, teksten.groepsnaam(VERGELIJKING, taal))
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
        ORGANISATIE, tuple(boom.afstammelingen(org)), teksten.groepsnaam(ORGANISATIE, taal)
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
    kop = teksten.kop(pilot, kaarten, voor, na, bool(gv.eenheden), taal)
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


Sleutel = tuple[str, str]


def tellingen(frame: pl.DataFrame) -> dict[Sleutel, stat.Telling | None]:
    """Counts per (period, group) of a metrics-API frame; None for suppressed rows.

    The same numbers as `statistiek.verschil.tellingen` (a test checks it), in one pass over the rows:
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
        for r in perioden.select(
            "periode", "eenheid", "onderdrukt", "bezetting", *METRIEKEN
        ).iter_rows(named=True)
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
                effect = stat.verschil_in_verschillen(pv_, pn_, vv_, vn_, m, phi)
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
                effect=effect.schatting if effect else None,
            )  # fmt: skip
        # the numbers look like a selection on a high value (inferred by the statistics)
        lijkt_hoog = regressie is not None and regressie.geselecteerd_op_hoog
        tonen = pilot.geselecteerd_op_hoog_verzuim and lijkt_hoog
        rtm = pre = None
        if voor and na:
            # chosen on their absence: the selection year is high partly by chance, so the year
            # before it enters as a second level before, and the units' usual level is what
            # the covariance analysis holds constant (when enough units leave the degrees of
            # freedom for it; else the selection year alone)
            if pilot.geselecteerd_op_hoog_verzuim and eerder:
                rtm = sp.ancova(_niveaus(waarden, niveau_groepen, pilot_set, (eerder, voor), na, m))
            if rtm is None:
                rtm = sp.schat(_niveaus(waarden, niveau_groepen, pilot_set, (voor,), na, m))
        if eerder and voor:
            pre = sp.schat(_niveaus(waarden, niveau_groepen, pilot_set, (eerder,), voor, m))
        pn = waarde(na, PILOT, m)
        kaart = Effectkaart(
            m, pv, pn, waarde(voor, VERGELIJKING, m), waarde(na, VERGELIJKING, m),
            effect, phi, regressie, tonen, ov, "", "",
            rtm=rtm, rtm_absoluut=rtm.absoluut(pn) if rtm and pn is not None else None,
            pre_trend=pre,
        )  # fmt: skip
        kaart = dataclasses.replace(
            kaart,
            tekst=" ".join(
                x
                for x in (
                    teksten.effect_tekst(kaart, taal),
                    teksten.basis_tekst(kaart, taal),
                    teksten.pre_trend_tekst(kaart, taal),
                )
                if x
            ),
            regressie_tekst=teksten.regressie_tekst(kaart, pilot, lijkt_hoog, taal),
        )
        kaarten.append(kaart)
    return kaarten, rho_per


def _niveaus(
    waarden: dict[tuple[str, str], dict[str, object]],
    niveau_groepen: list[metrics.Groep],
    pilot_set: set[str],
    voor: Sequence[Periode],
    na: Periode,
    m: str,
) -> list[sp.Eenheidsniveaus]:
    """The units at the pilot's level with their levels before (`voor`, oldest first) and after
    (hidden units left out): a unit holding a pilot unit is a pilot unit; its weight its
    bezetting in the last period before."""
    uit = []
    for g in niveau_groepen:
        rijen = [waarden.get((p.label, g.label)) for p in voor]
        rn = waarden.get((na.label, g.label))
        if rn is None or any(r is None or r["onderdrukt"] for r in rijen) or rn["onderdrukt"]:
            continue
        a, w = rn[m], rijen[-1]["bezetting"] if rijen[-1] else None
        eerder = [r[m] for r in rijen if r is not None]
        if not isinstance(a, int | float) or not all(isinstance(b, int | float) for b in eerder):
            continue
        if not isinstance(w, int | float):
            continue
        pilot = bool(set(g.eenheden) & pilot_set)
        niveaus = tuple(float(b) for b in eerder if isinstance(b, int | float))
        uit.append(sp.Eenheidsniveaus(g.label, pilot, float(a), niveaus, float(w)))
    return uit
