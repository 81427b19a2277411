"""Duur en signalen, the words: the findings that title the page and its charts.

Every sentence is one msgid (Dutch source, English in locale/en/LC_MESSAGES/duur.po), with the
numbers as placeholders; a direction (higher, lower, unchanged) is a sentence of its own.
"""

from __future__ import annotations

import polars as pl

from dashboard import format as fmt
from dashboard import metrics
from dashboard.i18n import N_, t, tn
from dashboard.periods import Maand
from dashboard.views import Context, Kader, niet_getoond_tekst, periode_tekst, verandering
from dashboard.views.duur.reeksen import (
    DAGEN,
    MAANDEN_LANGDURIG,
    DuurEnSignalen,
    delen_gesorteerd,
    rij,
    rij_r12,
    zichtbaar,
)

#: A duration class as the subject of a finding ('vooral extra lang verzuim stijgt').
KLASSE_VERZUIM: dict[str, str] = {
    "kort": N_("kort verzuim"),
    "middellang": N_("middellang verzuim"),
    "lang": N_("lang verzuim"),
    "extra_lang": N_("extra lang verzuim"),
}


def _maand_lang(m: Maand, taal: str) -> str:
    return fmt.maand(m, taal, lang=True)


def _aantal(n: float | None, taal: str) -> str:
    return fmt.getal(n, 0, taal)


def _verschil_zin(basis: str, d: float, maand: str, taal: str) -> str:
    """'Verzuim in oktober 2026 1,2 procentpunt lager dan vorig jaar' (d rounded, not zero)."""
    verschil = fmt.getal(abs(d), 1, taal)
    if basis == "r12":
        if d > 0:
            return t(
                "Verzuim over 12 maanden t/m {maand} {verschil} procentpunt hoger dan een jaar "
                "eerder",
                taal, maand=maand, verschil=verschil,
            )  # fmt: skip
        return t(
            "Verzuim over 12 maanden t/m {maand} {verschil} procentpunt lager dan een jaar eerder",
            taal, maand=maand, verschil=verschil,
        )  # fmt: skip
    if d > 0:
        return t(
            "Verzuim in {maand} {verschil} procentpunt hoger dan vorig jaar",
            taal, maand=maand, verschil=verschil,
        )  # fmt: skip
    return t(
        "Verzuim in {maand} {verschil} procentpunt lager dan vorig jaar",
        taal, maand=maand, verschil=verschil,
    )  # fmt: skip


def _drijver_kort(basis: str, d: float, klasse: str, m: Maand, taal: str) -> str:
    """'Vooral extra lang verzuim stijgt: totaal 5,0 procentpunt hoger dan in oktober 2025'.
    The class moves with the total, so 'stijgt' goes with 'hoger'."""
    waarden = {"klasse": klasse, "verschil": fmt.getal(abs(d), 1, taal)}
    if basis == "r12":
        if d > 0:
            return t(
                "Vooral {klasse} stijgt: over 12 maanden {verschil} procentpunt hoger dan een "
                "jaar eerder",
                taal, **waarden,
            )  # fmt: skip
        return t(
            "Vooral {klasse} daalt: over 12 maanden {verschil} procentpunt lager dan een jaar "
            "eerder",
            taal, **waarden,
        )  # fmt: skip
    vorig = _maand_lang(m.plus(-12), taal)
    if d > 0:
        return t(
            "Vooral {klasse} stijgt: totaal {verschil} procentpunt hoger dan in {maand}",
            taal, maand=vorig, **waarden,
        )  # fmt: skip
    return t(
        "Vooral {klasse} daalt: totaal {verschil} procentpunt lager dan in {maand}",
        taal, maand=vorig, **waarden,
    )  # fmt: skip


def bevinding(
    nu: dict | None,
    toen: dict | None,
    m: Maand,
    basis: str,
    ctx: Context,
    *,
    kort: bool = False,
    richting: str | None = None,
) -> str:
    """'Verzuim in oktober 2026 1,2 procentpunt lager dan vorig jaar (5,3%), vooral door daling
    van lang verzuim (43-365 dagen: −0,7 procentpunt)': the change and the class that drives it.
    `basis`: 'maand' (against the same month last year) or 'r12' (the rolling year against the
    one before). `kort`: without the numbers in brackets, for the page title."""
    taal = ctx.taal
    maand = _maand_lang(m, taal)
    if basis == "r12":
        onderwerp = t("Verzuim over 12 maanden t/m {maand}", taal, maand=maand)
    else:
        onderwerp = t("Verzuim in {maand}", taal, maand=maand)
    if nu is None or nu["geen_gegevens"]:
        return f"{onderwerp}: {t('geen gegevens', taal)}"
    if nu["onderdrukt"]:
        return f"{onderwerp}: {niet_getoond_tekst(nu['reden_onderdrukt'], ctx.min_groep, taal)}"
    totaal = fmt.procent(nu["verzuimpercentage"], 1, taal)
    if not zichtbaar(toen) or toen is None or toen["verzuimpercentage"] is None:
        return f"{onderwerp}: {totaal}"
    haakjes = "" if kort else f" ({totaal})"
    d = round(nu["verzuimpercentage"] - toen["verzuimpercentage"], 1)
    if richting == "gelijk" and d != 0:
        # within chance (dashboard.views.verandering): said as such, with both numbers
        vorig = fmt.procent(toen["verzuimpercentage"], 1, taal)
        if basis == "r12":
            return t(
                "Verzuim over 12 maanden t/m {maand} niet duidelijk anders dan een jaar eerder "
                "({vorig} → {nu})",
                taal, maand=maand, vorig=vorig, nu=totaal,
            )  # fmt: skip
        return t(
            "Verzuim in {maand} niet duidelijk anders dan vorig jaar ({vorig} → {nu})",
            taal, maand=maand, vorig=vorig, nu=totaal,
        )  # fmt: skip
    if d == 0:
        if basis == "r12":
            return t("Verzuim over 12 maanden t/m {maand} gelijk aan een jaar eerder", taal, maand=maand) + haakjes  # fmt: skip
        return t("Verzuim in {maand} gelijk aan vorig jaar", taal, maand=maand) + haakjes
    zin = _verschil_zin(basis, d, maand, taal) + haakjes
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
    # 'minder lang verzuim' would read as 'shorter absence': name the class and its movement
    klasse = t(KLASSE_VERZUIM[drijver], taal)
    if kort:
        return _drijver_kort(basis, d, klasse, m, taal)
    waarden = {
        "zin": zin, "klasse": klasse, "dagen": DAGEN[drijver],
        "verschil": fmt.verschil(dk, 1, "", taal),
    }  # fmt: skip
    if dk > 0:
        return t(
            "{zin}, vooral door stijging van {klasse} ({dagen} dagen: {verschil} procentpunt)",
            taal, **waarden,
        )  # fmt: skip
    return t(
        "{zin}, vooral door daling van {klasse} ({dagen} dagen: {verschil} procentpunt)",
        taal, **waarden,
    )  # fmt: skip


def kop(
    maanden: pl.DataFrame, r12: pl.DataFrame, ctx: Context, richtingen: dict[str, str | None]
) -> str:
    """The page title: the finding on the chosen comparison basis, without the numbers."""
    m = ctx.selectie.maand
    if ctx.selectie.vergelijking == "r12":
        return bevinding(
            rij_r12(r12, 0), rij_r12(r12, 1), m, "r12", ctx, kort=True,
            richting=richtingen.get("r12"),
        )  # fmt: skip
    return bevinding(
        rij(maanden, m), rij(maanden, m.plus(-12)), m, "maand", ctx, kort=True,
        richting=richtingen.get("maand"),
    )  # fmt: skip


# -- the frames of the charts ----------------------------------------------------------------------


def _periode(frame: pl.DataFrame, taal: str) -> str:
    if frame.is_empty():
        return ""
    return periode_tekst(frame["van"].min(), frame["van"].max(), taal)


def _r12_eindes(d: DuurEnSignalen, taal: str) -> str:
    """'t/m okt 2026, okt 2025, okt 2024': the ends of the rolling years shown."""
    maanden = ", ".join(fmt.maand(Maand.of(x), taal) for x in reversed(d.r12["tot"].to_list()))
    return t("t/m {maanden}", taal, maanden=maanden)


def _eind(m: Maand, taal: str) -> str:
    return t("eind {maand}", taal, maand=fmt.maand(m, taal))


def kader_duurklassen(d: DuurEnSignalen, ctx: Context) -> Kader:
    """Monthly split by duration class: the month against the same month last year."""
    taal = ctx.taal
    m = ctx.selectie.maand
    titel = bevinding(
        rij(d.maanden, m), rij(d.maanden, m.plus(-12)), m, "maand", ctx,
        richting=d.richting("maand"),
    )  # fmt: skip
    return ctx.kader(
        titel, f"{t('Verzuimpercentage naar duurklasse', taal)} · {_periode(d.maanden, taal)}"
    )


def kader_r12(d: DuurEnSignalen, ctx: Context) -> Kader:
    """The rolling year by duration class against the years before."""
    taal = ctx.taal
    titel = bevinding(
        rij_r12(d.r12, 0), rij_r12(d.r12, 1), ctx.selectie.maand, "r12", ctx,
        richting=d.richting("r12"),
    )  # fmt: skip
    return ctx.kader(
        titel,
        f"{t('Verzuimpercentage naar duurklasse over 12 maanden', taal)} · {_r12_eindes(d, taal)}",
    )


def kader_beeindigd(d: DuurEnSignalen, ctx: Context) -> Kader:
    """The ended spells of each rolling year by whole length: the share past 6 weeks."""
    taal = ctx.taal
    nu, toen = rij_r12(d.r12, 0), rij_r12(d.r12, 1)
    maand = _maand_lang(ctx.selectie.maand, taal)
    if not zichtbaar(nu) or nu is None or nu["aandeel_langer_dan_6_weken"] is None:
        titel = t("Beëindigde meldingen in de 12 maanden t/m {maand} naar duur", taal, maand=maand)
    elif zichtbaar(toen) and toen is not None and toen["aandeel_langer_dan_6_weken"] is not None:
        titel = t(
            "Van de meldingen die eindigden in de 12 maanden t/m {maand}, duurde {p} langer dan 6 "
            "weken (een jaar eerder {q})",
            taal, maand=maand, p=fmt.procent(nu["aandeel_langer_dan_6_weken"], 0, taal),
            q=fmt.procent(toen["aandeel_langer_dan_6_weken"], 0, taal),
        )  # fmt: skip
    else:
        titel = t(
            "Van de meldingen die eindigden in de 12 maanden t/m {maand}, duurde {p} langer dan 6 "
            "weken",
            taal, maand=maand, p=fmt.procent(nu["aandeel_langer_dan_6_weken"], 0, taal),
        )  # fmt: skip
    return ctx.kader(
        titel, f"{t('Beëindigde meldingen naar totale duur', taal)} · {_r12_eindes(d, taal)}"
    )


def _hoogste(frame: pl.DataFrame, kolom: str) -> dict | None:
    """The part with the highest value, when at least two parts show one."""
    getoond = frame.filter(~pl.col("onderdrukt") & pl.col(kolom).is_not_null())
    if getoond.height < 2:
        return None
    return getoond.sort(kolom, descending=True).row(0, named=True)


def kader_frequent_eenheden(d: DuurEnSignalen, ctx: Context) -> Kader:
    """Frequent absence per part at the month's end: the unit's share and the highest part."""
    taal = ctx.taal
    m = ctx.selectie.maand
    maand = _maand_lang(m, taal)
    nu = rij(d.maanden, m)
    if nu is None or not zichtbaar(nu):
        reden = niet_getoond_tekst(nu["reden_onderdrukt"] if nu else None, ctx.min_groep, taal)
        titel = t("Frequent verzuim eind {maand}: {reden}", taal, maand=maand, reden=reden)
    else:
        waarden = {
            "maand": maand, "pct": fmt.procent(nu["frequent_verzuim_pct"], 1, taal),
            "n": _aantal(nu["frequent_verzuim"], taal),
        }  # fmt: skip
        top = _hoogste(delen_gesorteerd(d.delen, "frequent_verzuim_pct"), "frequent_verzuim_pct")
        if top is None:
            titel = t(
                "Eind {maand} had {pct} van de medewerkers frequent verzuim ({n})", taal, **waarden
            )
        else:
            titel = t(
                "Eind {maand} had {pct} van de medewerkers frequent verzuim ({n}); het hoogst bij "
                "{naam} ({hoogst})",
                taal, naam=top["naam"], hoogst=fmt.procent(top["frequent_verzuim_pct"], 1, taal),
                **waarden,
            )  # fmt: skip
    return ctx.kader(
        titel,
        f"{t('Frequent verzuim: 3 of meer meldingen in 12 maanden, in % van wie in dienst is', taal)}"
        f" · {_eind(m, taal)}",
    )


def kader_frequent_trend(d: DuurEnSignalen, ctx: Context) -> Kader:
    """Frequent absence of the selected unit at each month's end: rising, falling or stable."""
    taal = ctx.taal
    m = ctx.selectie.maand
    maand = _maand_lang(m, taal)
    nu, vj = rij(d.maanden, m), rij(d.maanden, m.plus(-12))
    if nu is None or not zichtbaar(nu):
        titel = t("Frequent verzuim", taal)
    elif not zichtbaar(vj) or vj is None:
        titel = t(
            "Frequent verzuim eind {maand}: {pct}",
            taal, maand=maand, pct=fmt.procent(nu["frequent_verzuim_pct"], 1, taal),
        )  # fmt: skip
    else:
        a, b = nu["frequent_verzuim_pct"], vj["frequent_verzuim_pct"]
        waarden = {"maand": maand, "nu": fmt.procent(a, 1, taal), "toen": fmt.procent(b, 1, taal)}
        v = round(a - b, 1)
        r = verandering.aandeel(nu, vj)
        if r == "gelijk" and v != 0:
            titel = t("Frequent verzuim niet duidelijk veranderd: {nu} eind {maand} tegen {toen} een jaar eerder", taal, **waarden)  # fmt: skip
        elif v > 0:
            titel = t("Frequent verzuim stijgt: {nu} eind {maand} tegen {toen} een jaar eerder", taal, **waarden)  # fmt: skip
        elif v < 0:
            titel = t("Frequent verzuim daalt: {nu} eind {maand} tegen {toen} een jaar eerder", taal, **waarden)  # fmt: skip
        else:
            titel = t("Frequent verzuim stabiel: {nu} eind {maand} tegen {toen} een jaar eerder", taal, **waarden)  # fmt: skip
    return ctx.kader(
        titel,
        f"{t('Frequent verzuim: 3 of meer meldingen in 12 maanden', taal)} · "
        f"{t('eind van elke maand', taal)} · {_periode(d.maanden, taal)}",
    )


def kader_langdurig_eenheden(d: DuurEnSignalen, ctx: Context) -> Kader:
    """Open spells past the Poortwachter milestones per part: the unit's counts, the most."""
    taal = ctx.taal
    m = ctx.selectie.maand
    maand = _maand_lang(m, taal)
    nu = rij(d.maanden, m)
    if nu is None or not zichtbaar(nu):
        reden = niet_getoond_tekst(nu["reden_onderdrukt"] if nu else None, ctx.min_groep, taal)
        titel = t("Langdurig verzuim eind {maand}: {reden}", taal, maand=maand, reden=reden)
    else:
        n = nu["langdurig"]
        waarden = {
            "maand": maand, "aantal": _aantal(n, taal),
            "n42": _aantal(nu["voorbij_week42"], taal), "n52": _aantal(nu["voorbij_week52"], taal),
        }  # fmt: skip
        top = _hoogste(delen_gesorteerd(d.delen, "langdurig"), "langdurig")
        if top is None or not top["langdurig"] > 0:
            titel = tn(
                "Eind {maand} {aantal} open melding langer dan 6 weken, waarvan {n42} voorbij "
                "week 42 en {n52} voorbij week 52",
                "Eind {maand} {aantal} open meldingen langer dan 6 weken, waarvan {n42} voorbij "
                "week 42 en {n52} voorbij week 52",
                n, taal, **waarden,
            )  # fmt: skip
        else:
            titel = tn(
                "Eind {maand} {aantal} open melding langer dan 6 weken, waarvan {n42} voorbij "
                "week 42 en {n52} voorbij week 52; de meeste bij {naam} ({meeste})",
                "Eind {maand} {aantal} open meldingen langer dan 6 weken, waarvan {n42} voorbij "
                "week 42 en {n52} voorbij week 52; de meeste bij {naam} ({meeste})",
                n, taal, naam=top["naam"], meeste=_aantal(top["langdurig"], taal), **waarden,
            )  # fmt: skip
    return ctx.kader(titel, f"{t('Open meldingen naar duur tot nu', taal)} · {_eind(m, taal)}")


def kader_langdurig_trend(d: DuurEnSignalen, ctx: Context) -> Kader:
    """Open spells past week 6 at each month's end: now, and against a year earlier."""
    taal = ctx.taal
    m = ctx.selectie.maand
    maand = _maand_lang(m, taal)
    nu, vj = rij(d.maanden, m), rij(d.maanden, m.plus(-12))
    if nu is None or not zichtbaar(nu):
        titel = t("Open meldingen langer dan 6 weken", taal)
    elif not zichtbaar(vj) or vj is None:
        titel = t(
            "Open meldingen langer dan 6 weken: {n} eind {maand}",
            taal, n=_aantal(nu["langdurig"], taal), maand=maand,
        )  # fmt: skip
    else:
        v = nu["langdurig"] - vj["langdurig"]
        waarden = {
            "n": _aantal(nu["langdurig"], taal), "maand": maand,
            "verschil": _aantal(abs(v), taal), "toen": _aantal(vj["langdurig"], taal),
        }  # fmt: skip
        if v > 0:
            titel = t(
                "Open meldingen langer dan 6 weken: {n} eind {maand}, {verschil} meer dan een "
                "jaar eerder ({toen})",
                taal, **waarden,
            )  # fmt: skip
        elif v < 0:
            titel = t(
                "Open meldingen langer dan 6 weken: {n} eind {maand}, {verschil} minder dan een "
                "jaar eerder ({toen})",
                taal, **waarden,
            )  # fmt: skip
        else:
            titel = t(
                "Open meldingen langer dan 6 weken: {n} eind {maand}, evenveel als een jaar eerder",
                taal, **waarden,
            )  # fmt: skip
    reeks = d.maanden.tail(MAANDEN_LANGDURIG)
    return ctx.kader(
        titel,
        f"{t('Open meldingen naar duur tot nu', taal)} · {t('eind van elke maand', taal)} · "
        f"{_periode(reeks, taal)}",
    )


def poortwachter_uitleg(taal: str = "nl") -> str:
    """The Poortwachter milestones in two sentences (caption under the long-absence charts)."""
    return t(
        "Wet verbetering poortwachter: in week 6 maakt de bedrijfsarts de probleemanalyse, in "
        "week 8 stellen werkgever en medewerker het plan van aanpak op, in week 42 volgt de "
        "ziekmelding bij het UWV, in week 52 de eerstejaarsevaluatie en rond week 91 de "
        "WIA-aanvraag (uiterlijk in week 93 bij het UWV). 'Voorbij week w' betekent: op de "
        "laatste dag van de maand duurt de melding langer dan w hele weken (dag 7w + 1 of later). "
        "Aantallen per groep, nooit per persoon.",
        taal,
    )
