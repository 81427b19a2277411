"""Medewerkersonderzoek, the texts: the headline, each chart's title stating its finding and its
frame, and the correlation in words with its caveat.

Every sentence is one msgid (translators see it whole): a direction or a strength is a choice
between complete sentences, never a word filled into one.
"""

from __future__ import annotations

import dataclasses

import polars as pl

from dashboard import format as fmt
from dashboard.catalogus import SCHAALGROEPEN, Schaal, schaal
from dashboard.i18n import N_, t
from dashboard.metrics import Filter
from dashboard.statistiek import samenhang
from dashboard.views import Context, Kader
from dashboard.views.enquete.model import (
    DREMPEL_KOP,
    DREMPEL_VERSCHIL,
    MIN_EENHEDEN_SAMENHANG,
    RISICO,
    Enquete,
    Samenhang,
    gepoold,
    met_kwadrant,
)

BRON = N_("Verzuimzicht, medewerkersonderzoek (JD-R) en verzuimextracten")


def schaal_label(s: Schaal, taal: str = "nl") -> str:
    """The scale's label in the interface language (an extra scale of the file keeps the name
    the file gives it)."""
    return s.label if s.groep == "overig" else t(s.label, taal)


def groep_label(groep: str, taal: str = "nl") -> str:
    """'Taakeisen', 'Hulpbronnen', ... in the interface language."""
    return t(SCHAALGROEPEN[groep], taal)


def kort_naam(naam: str) -> str:
    """A unit name for a label inside a chart: without the unit-type word in front."""
    for voorvoegsel in ("Afdeling ", "Directie ", "Directoraat-generaal "):
        if naam.startswith(voorvoegsel):
            return naam[len(voorvoegsel) :]
    return naam


def eenheden_woord(e: Enquete, taal: str) -> str:
    """What the shown units are called: 'afdelingen' or 'eenheden'."""
    return t("afdelingen", taal) if e.niveau == "afdelingen" else t("eenheden", taal)


def _getal(x: object, s: Schaal, taal: str) -> str:
    return fmt.getal(x, s.decimalen, taal)  # type: ignore[arg-type]


# -- the headline --------------------------------------------------------------------------------


def kop(e: Enquete, ctx: Context) -> str:
    """The page's headline: the units with high demands and few resources when there are any,
    else the largest change of the selected unit against the previous wave."""
    taal = ctx.taal
    if e.meting is None:
        return t("Medewerkersonderzoek: geen enquêtegegevens", taal)
    if all(k.score is None and not k.onderdrukt for k in e.kaarten):
        return t(
            "Medewerkersonderzoek {meting}: geen enquêtegegevens voor deze eenheid",
            taal,
            meting=e.meting,
        )
    if all(k.onderdrukt for k in e.kaarten):
        return t(
            "Medewerkersonderzoek {meting}: te weinig respondenten om te tonen (< {n})",
            taal,
            meting=e.meting,
            n=e.min_respondenten,
        )
    # one finding (the cards show every change)
    kwadranten = met_kwadrant(e).filter(~pl.col("onderdrukt") & pl.col("kwadrant").is_not_null())
    risico = kwadranten.filter(pl.col("kwadrant") == RISICO).height
    if kwadranten.height > 1 and risico:
        return t(
            "Medewerkersonderzoek {meting}: {k} van {n} {eenheden} met hoge eisen en weinig "
            "hulpbronnen",
            taal,
            meting=e.meting,
            k=risico,
            n=kwadranten.height,
            eenheden=eenheden_woord(e, taal),
        )
    veranderd = [k for k in e.kaarten if k.verschil is not None]
    if not veranderd or e.vorige is None:
        return t("Medewerkersonderzoek {meting}", taal, meting=e.meting)
    grootste = max(veranderd, key=lambda k: abs(k.verschil or 0) / k.schaal.span)
    d = grootste.verschil or 0
    if abs(d) < DREMPEL_KOP:
        return t(
            "Medewerkersonderzoek {meting}: scores vrijwel gelijk aan {vorige}",
            taal,
            meting=e.meting,
            vorige=e.vorige,
        )
    zin = (
        N_("Medewerkersonderzoek {meting}: {schaal} gestegen van {van} naar {naar} sinds {vorige}")
        if d > 0
        else N_("Medewerkersonderzoek {meting}: {schaal} gedaald van {van} naar {naar} sinds {vorige}")
    )  # fmt: skip
    return t(
        zin,
        taal,
        meting=e.meting,
        schaal=schaal_label(grootste.schaal, taal).lower(),
        van=_getal(grootste.vorige, grootste.schaal, taal),
        naar=_getal(grootste.score, grootste.schaal, taal),
        vorige=e.vorige,
    )


# -- chart frames --------------------------------------------------------------------------------


def kader(ctx: Context, titel: str, periode: str) -> Kader:
    """The chart frame: subtitle without the attribute filter (the survey has no attributes),
    source naming the survey, and the respondent rule instead of the headcount rule."""
    zonder_filter = Context(ctx.boom, ctx.selectie.met(filter=Filter()), ctx.min_groep, ctx.toegang)
    return dataclasses.replace(zonder_filter.kader(titel, periode), min_groep=0, bron=BRON)


def voet(e: Enquete, ctx: Context, *, verzuim: bool) -> str:
    """The survey's suppression rule (and the absence's, when absence is shown)."""
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
    if met_vorige and e.vorige:
        return t(
            "meting {meting} (vergeleken met {vorige})",
            taal,
            meting=e.meting or "–",
            vorige=e.vorige,
        )
    return t("meting {meting}", taal, meting=e.meting or "–")


def verzuim_tekst(e: Enquete, taal: str = "nl") -> str:
    """'verzuim jan 2024 – dec 2024'."""
    p = e.verzuim_periode
    if p is None:
        return t("geen verzuimperiode bij deze meting", taal)
    return t("verzuim {van} – {tot}", taal, van=fmt.maand(p.van, taal), tot=fmt.maand(p.tot, taal))


# -- the heat map --------------------------------------------------------------------------------


def scores_kader(e: Enquete, ctx: Context, modus: str) -> Kader:
    """Title and subtitle of the heat map ('score' or 'verschil')."""
    taal = ctx.taal
    if modus == "verschil":
        uitleg = t("blauw = verbeterd, oranje = verslechterd", taal)
    else:
        uitleg = t(
            "blauw = gunstiger, oranje = ongunstiger dan het gemiddelde van {org}",
            taal,
            org=ctx.selectie.organisatie,
        )
    periode = f"{meting_tekst(e, taal, met_vorige=modus == 'verschil')} · {uitleg}"
    return kader(ctx, _scores_titel(e, taal, modus), periode)


def _scores_titel(e: Enquete, taal: str, modus: str) -> str:
    if e.meting is None:
        return t("Geen enquêtegegevens", taal)
    zichtbaar = e.eenheden.filter(~pl.col("onderdrukt"))
    if zichtbaar.height == 0:
        return t(
            "Te weinig respondenten om scores te tonen (minder dan {n})", taal, n=e.min_respondenten
        )
    if modus == "verschil":
        return _verslechtering_titel(e, zichtbaar, taal)
    # the largest unfavourable deviation from the organisation average, relative to the width
    org = e.organisatie
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
    zin = (
        N_("{schaal} het hoogst bij {eenheid}: {score} tegen {gemiddelde} gemiddeld")
        if s.richting < 0
        else N_("{schaal} het laagst bij {eenheid}: {score} tegen {gemiddelde} gemiddeld")
    )
    return t(
        zin,
        taal,
        schaal=schaal_label(s, taal),
        eenheid=r["naam"],
        score=_getal(r[f"score_{s.sleutel}"], s, taal),
        gemiddelde=_getal(org.get(f"score_{s.sleutel}"), s, taal),
    )


def _verslechtering_titel(e: Enquete, zichtbaar: pl.DataFrame, taal: str) -> str:
    """The largest change for the worse, relative to the scale's width."""
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
    zin = (
        N_("{schaal} het sterkst gestegen bij {eenheid}: van {van} naar {naar} sinds {vorige}")
        if s.richting < 0
        else N_("{schaal} het sterkst gedaald bij {eenheid}: van {van} naar {naar} sinds {vorige}")
    )
    return t(
        zin,
        taal,
        schaal=schaal_label(s, taal),
        eenheid=r["naam"],
        van=_getal(r[f"vorige_{s.sleutel}"], s, taal),
        naar=_getal(r[f"score_{s.sleutel}"], s, taal),
        vorige=e.vorige,
    )


# -- demands against resources -------------------------------------------------------------------


def jdr_kader(e: Enquete, ctx: Context) -> Kader:
    """Title and subtitle of the demands-resources chart."""
    taal = ctx.taal
    periode = f"{meting_tekst(e, taal)} · {verzuim_tekst(e, taal)}"
    return kader(ctx, _jdr_titel(e, taal), periode)


def _jdr_titel(e: Enquete, taal: str) -> str:
    frame = met_kwadrant(e)
    zichtbaar = frame.filter(~pl.col("onderdrukt") & pl.col("kwadrant").is_not_null())
    if zichtbaar.height == 0:
        return t("Taakeisen en hulpbronnen: te weinig respondenten om te tonen", taal)
    risico = zichtbaar.filter(pl.col("kwadrant") == RISICO)
    woord = eenheden_woord(e, taal)
    if risico.height == 0:
        return t("Geen {eenheden} met hoge eisen en weinig hulpbronnen", taal, eenheden=woord)
    a, b = gepoold(risico), gepoold(zichtbaar.filter(pl.col("kwadrant") != RISICO))
    if a is None or b is None:
        return t(
            "Hoge eisen en weinig hulpbronnen in {k} van {n} {eenheden}",
            taal,
            k=risico.height,
            n=zichtbaar.height,
            eenheden=woord,
        )
    return t(
        "Hoge eisen en weinig hulpbronnen in {k} van {n} {eenheden}: verzuim {a} tegen {b} elders",
        taal,
        k=risico.height,
        n=zichtbaar.height,
        eenheden=woord,
        a=fmt.procent(a, 1, taal),
        b=fmt.procent(b, 1, taal),
    )


# -- survey next to absence ----------------------------------------------------------------------

#: Strength of r: below 0,3 weak, below 0,5 moderate, else strong.
_STERKTEN = ((0.3, "zwak"), (0.5, "matig"), (float("inf"), "sterk"))

#: The correlation stated, per strength and sign of r.
_SAMENHANG_ZIN: dict[tuple[str, bool], str] = {
    ("zwak", True): N_(
        "Zwakke samenhang: {eenheden} met meer {schaal} hebben gemiddeld hoger verzuim (r = {r})."
    ),
    ("zwak", False): N_(
        "Zwakke samenhang: {eenheden} met meer {schaal} hebben gemiddeld lager verzuim (r = {r})."
    ),
    ("matig", True): N_(
        "Matige samenhang: {eenheden} met meer {schaal} hebben gemiddeld hoger verzuim (r = {r})."
    ),
    ("matig", False): N_(
        "Matige samenhang: {eenheden} met meer {schaal} hebben gemiddeld lager verzuim (r = {r})."
    ),
    ("sterk", True): N_(
        "Sterke samenhang: {eenheden} met meer {schaal} hebben gemiddeld hoger verzuim (r = {r})."
    ),
    ("sterk", False): N_(
        "Sterke samenhang: {eenheden} met meer {schaal} hebben gemiddeld lager verzuim (r = {r})."
    ),
}
#: The chart's title, per strength and sign of r.
_SAMENHANG_TITEL: dict[tuple[str, bool], str] = {
    ("zwak", True): N_("Meer {schaal}, hoger verzuim: zwakke samenhang (r = {r}; {n} {eenheden})"),
    ("zwak", False): N_("Meer {schaal}, lager verzuim: zwakke samenhang (r = {r}; {n} {eenheden})"),
    ("matig", True): N_("Meer {schaal}, hoger verzuim: matige samenhang (r = {r}; {n} {eenheden})"),
    ("matig", False): N_("Meer {schaal}, lager verzuim: matige samenhang (r = {r}; {n} {eenheden})"),
    ("sterk", True): N_("Meer {schaal}, hoger verzuim: sterke samenhang (r = {r}; {n} {eenheden})"),
    ("sterk", False): N_("Meer {schaal}, lager verzuim: sterke samenhang (r = {r}; {n} {eenheden})"),
}  # fmt: skip


def sterkte(r: float, laag: float | None = None, hoog: float | None = None) -> str:
    """'zwak', 'matig' or 'sterk': by the bound of r's 95% interval nearest to 0 when the interval
    is known (issue 10: 'sterk' only when even that bound is at least 0,5;
    statistiek.samenhang.sterkte), else by |r|."""
    if laag is not None and hoog is not None:
        woord = samenhang.sterkte(laag, hoog)
        return "zwak" if woord == "onzeker" else woord
    return next(naam for grens, naam in _STERKTEN if abs(r) < grens)


def samenhang_tekst(e: Enquete, sleutel: str, taal: str = "nl") -> str:
    """The correlation in words, with the honest caveat."""
    s = e.samenhang.get(sleutel)
    label = schaal_label(schaal(sleutel), taal).lower()
    woord = eenheden_woord(e, taal)
    if s is None or s.r is None or not s.berekend:
        return t(
            "Te weinig {eenheden} ({n}) om een samenhang te berekenen; daarvoor zijn er ten minste "
            "{min} nodig. Kies een hogere eenheid of het niveau afdelingen.",
            taal,
            eenheden=woord,
            n=s.n if s else 0,
            min=MIN_EENHEDEN_SAMENHANG,
        )
    r = fmt.getal(s.r, 2, taal)
    if s.onzeker and abs(s.r) >= 0.1:
        zin = (
            N_("Bij deze {eenheden} gaat meer {schaal} samen met hoger verzuim (r = {r}), maar dat kan toeval zijn.")
            if s.r > 0
            else N_("Bij deze {eenheden} gaat meer {schaal} samen met lager verzuim (r = {r}), maar dat kan toeval zijn.")
        )  # fmt: skip
    elif abs(s.r) < 0.1:
        zin = N_(
            "Er is geen duidelijke samenhang tussen {schaal} en het verzuimpercentage (r = {r})."
        )
    else:
        zin = _SAMENHANG_ZIN[(sterkte(s.r, s.laag, s.hoog), s.r > 0)]
    return t(zin, taal, eenheden=woord, schaal=label, r=r) + " " + voorbehoud(s, e, taal)


def voorbehoud(s: Samenhang, e: Enquete, taal: str = "nl") -> str:
    """The caveat: across units, not causation; small n, with the interval of r."""
    woord = eenheden_woord(e, taal)
    tekst = t(
        "Dit is een samenhang tussen {n} {eenheden}, geen bewijs van oorzaak en gevolg, en wat voor "
        "een eenheid geldt, hoeft niet voor elke medewerker te gelden.",
        taal,
        n=s.n,
        eenheden=woord,
    )
    if len(e.samenhang) > 1:
        tekst += " " + t(
            "Er zijn {k} schalen met het verzuim vergeleken: bij zoveel vergelijkingen valt er al "
            "snel één op door toeval.",
            taal,
            k=len(e.samenhang),
        )
    if s.laag is None or s.hoog is None:
        return tekst
    interval = (
        N_("Met {n} {eenheden} is r onzeker: 95%-interval {laag} tot {hoog}, en dat interval bevat 0.")
        if s.onzeker
        else N_("Met {n} {eenheden} is r onzeker: 95%-interval {laag} tot {hoog}.")
    )  # fmt: skip
    return f"{tekst} " + t(
        interval,
        taal,
        n=s.n,
        eenheden=woord,
        laag=fmt.getal(s.laag, 2, taal),
        hoog=fmt.getal(s.hoog, 2, taal),
    )


def verzuim_kader(e: Enquete, ctx: Context, sleutel: str) -> Kader:
    """Title and subtitle of the scale-against-absence chart."""
    taal = ctx.taal
    s = e.samenhang.get(sleutel)
    label = schaal_label(schaal(sleutel), taal)
    woord = eenheden_woord(e, taal)
    if s is None or s.r is None or not s.berekend:
        titel = t(
            "{schaal} en verzuim: te weinig {eenheden} voor een samenhang",
            taal,
            schaal=label,
            eenheden=woord,
        )
    else:
        zin = (
            N_("Geen duidelijke samenhang tussen {schaal} en verzuim (r = {r}; {n} {eenheden})")
            if abs(s.r) < 0.1 or s.onzeker
            else _SAMENHANG_TITEL[(sterkte(s.r, s.laag, s.hoog), s.r > 0)]
        )
        titel = t(zin, taal, schaal=label.lower(), r=fmt.getal(s.r, 2, taal), n=s.n, eenheden=woord)
    return kader(ctx, titel, f"{meting_tekst(e, taal)} · {verzuim_tekst(e, taal)}")


def verzuim_voet(e: Enquete, ctx: Context, sleutel: str) -> str:
    """The source note of the scale-against-absence chart: the caveat first when r is stated."""
    basis = voet(e, ctx, verzuim=True)
    s = e.samenhang.get(sleutel)
    if s is not None and s.berekend:
        return voorbehoud(s, e, ctx.taal) + " " + basis
    return basis
