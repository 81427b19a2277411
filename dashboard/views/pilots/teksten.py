"""The Pilots view's texts: the findings, the effect and regression-to-the-mean sentences, the
chart titles and the explanation. Dutch sources for the catalogue (locale/en/.../pilots.po).

Labels, decimals and units come from the metric catalogue; a change is in procentpunt for a
percentage and 'per jaar' for a rate per year. Every sentence is whole in the catalogue (a
choice of verb or direction picks another sentence), so a translation can order its words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from dashboard import catalogus
from dashboard import format as fmt
from dashboard.i18n import N_, t
from dashboard.periods import Periode
from dashboard.pilots import Pilot, reden_zonder_markering
from dashboard.statistiek import verschil as stat
from dashboard.views import Context, Kader, periode_tekst
from dashboard.views.pilots.model import ORGANISATIE, PILOT, VERGELIJKING, Effectkaart, PilotAnalyse

# -- names, numbers, units ------------------------------------------------------------------------

_GROEPSNAMEN = {
    PILOT: N_("Pilotgroep"),
    VERGELIJKING: N_("Vergelijkingsgroep"),
    ORGANISATIE: N_("Hele organisatie"),
}


def groepsnaam(groep: str, taal: str = "nl") -> str:
    """Display name of a group label."""
    return t(_GROEPSNAMEN[groep], taal) if groep in _GROEPSNAMEN else groep


def groepsnamen(taal: str = "nl") -> dict[str, str]:
    """The display names of the pilot and comparison group (legends, tables)."""
    return {g: groepsnaam(g, taal) for g in (PILOT, VERGELIJKING)}


def label(metriek: str, taal: str = "nl") -> str:
    """The metric's label from the catalogue: 'Meldingsfrequentie'."""
    return t(catalogus.metriek(metriek).label, taal)


def eenheid(metriek: str, taal: str = "nl") -> str:
    """The unit of a change of the metric: 'procentpunt' for a percentage, 'per jaar' for a
    rate per year (also the unit of that rate's level)."""
    m = catalogus.metriek(metriek)
    if m.eenheid == "%":
        return t("procentpunt", taal)
    if m.berekening == "per_jaar":
        return t("per jaar", taal)
    return m.eenheid


def as_titel(metriek: str, taal: str = "nl") -> str:
    """'Meldingsfrequentie (per jaar)', 'Verzuimpercentage (%)': an axis or a panel."""
    return (
        f"{label(metriek, taal)} ({catalogus.metriek(metriek).eenheid or eenheid(metriek, taal)})"
    )


def _decimalen(metriek: str) -> int:
    return catalogus.metriek(metriek).decimalen


def _getal(x: float, metriek: str, taal: str) -> str:
    """The size of a change, without its sign (the sentence says the direction)."""
    return fmt.getal(abs(x), _decimalen(metriek), taal)


def waarde_tekst(x: float | None, metriek: str, taal: str = "nl") -> str:
    """'2,01' or '7,8%'; '< 10' when unknown because suppressed."""
    if x is None:
        return fmt.ONDERDRUKT
    if catalogus.metriek(metriek).eenheid == "%":
        return fmt.procent(x, _decimalen(metriek), taal)
    return fmt.getal(x, _decimalen(metriek), taal)


def _niveau_tekst(x: float | None, metriek: str, taal: str) -> str:
    """A level with its unit where the number alone does not carry it: '2,01 per jaar', '7,8%'."""
    tekst = waarde_tekst(x, metriek, taal)
    return (
        tekst if catalogus.metriek(metriek).eenheid == "%" else f"{tekst} {eenheid(metriek, taal)}"
    )


def effect_getal(x: float | None, metriek: str, taal: str = "nl") -> str:
    """'−0,75 per jaar' / '−0,8 procentpunt'."""
    return fmt.verschil(x, _decimalen(metriek), " " + eenheid(metriek, taal), taal)


def interval_tekst(e: stat.Effect, metriek: str, taal: str = "nl") -> str:
    """'−0,92 tot −0,57 per jaar'."""
    dec = _decimalen(metriek)
    return t(
        "{laag} tot {hoog} {eenheid}",
        taal,
        laag=fmt.verschil(e.laag, dec, "", taal),
        hoog=fmt.verschil(e.hoog, dec, "", taal),
        eenheid=eenheid(metriek, taal),
    )


def periode_van(pilot: Pilot, taal: str = "nl") -> str:
    """'01-02-2023 t/m 31-08-2023'."""
    return t(
        "{begin} t/m {eind}",
        taal,
        begin=fmt.datum(pilot.begin, taal),
        eind=fmt.datum(pilot.eind, taal),
    )


# -- the effect in words -------------------------------------------------------------------------


def _richting(k: Effectkaart) -> tuple[bool, bool]:
    """(omlaag, meer): whether the pilot group itself fell, and whether by more than the
    comparison group moved that way; the group's own direction, so that a smaller rise is never
    called a fall."""
    assert k.effect is not None
    effect = k.effect.schatting
    eigen = k.naief if k.naief is not None else effect
    omlaag = eigen < 0 if abs(eigen) > 1e-12 else effect < 0
    return omlaag, (effect < 0) == omlaag


def _kern(k: Effectkaart, taal: str) -> str:
    """The finding of the difference in differences, without its uncertainty."""
    assert k.effect is not None
    m = k.metriek
    lab = label(m, taal)
    if round(abs(k.effect.schatting), _decimalen(m)) == 0:
        return t(
            "{label} veranderde in de pilotgroep even veel als in de vergelijkingsgroep",
            taal,
            label=lab,
        )
    getal = f"{_getal(k.effect.schatting, m, taal)} {eenheid(m, taal)}"
    omlaag, meer = _richting(k)
    if omlaag and meer:
        zin = N_("{label} daalde in de pilotgroep {getal} meer dan in de vergelijkingsgroep")
    elif omlaag:
        zin = N_("{label} daalde in de pilotgroep {getal} minder dan in de vergelijkingsgroep")
    elif meer:
        zin = N_("{label} steeg in de pilotgroep {getal} meer dan in de vergelijkingsgroep")
    else:
        zin = N_("{label} steeg in de pilotgroep {getal} minder dan in de vergelijkingsgroep")
    return t(zin, taal, label=lab, getal=getal)


def effect_tekst(k: Effectkaart, taal: str = "nl") -> str:
    """The estimated effect in one or two plain sentences."""
    e, m = k.effect, k.metriek
    if e is None:
        if k.pilot_voor is None or k.pilot_na is None:
            return t(
                "Geen schatting: de pilotgroep is te klein of er is geen voor- of naperiode.", taal
            )
        return t("Geen schatting: er is geen (voldoende grote) vergelijkingsgroep.", taal)
    kern = _kern(k, taal)
    een = eenheid(m, taal)
    if e.hoog < 0 or e.laag > 0:
        a, b = sorted((abs(e.laag), abs(e.hoog)))
        return t(
            "{kern} (95%-interval {van} tot {tot} {eenheid}). Dat verschil is groter dan toeval "
            "alleen aannemelijk maakt.",
            taal,
            kern=kern,
            van=_getal(a, m, taal),
            tot=_getal(b, m, taal),
            eenheid=een,
        )

    def kant(x: float) -> str:
        zin = (
            N_("{getal} {eenheid} extra daling")
            if x < 0
            else N_("{getal} {eenheid} extra stijging")
        )
        return t(zin, taal, getal=_getal(x, m, taal), eenheid=een)

    return t(
        "{kern}, maar dat kan ook toeval zijn: het 95%-interval loopt van {van} tot {tot}.",
        taal,
        kern=kern,
        van=kant(e.laag),
        tot=kant(e.hoog),
    )


def regressie_tekst(k: Effectkaart, pilot: Pilot, lijkt_hoog: bool, taal: str = "nl") -> str:
    """The regression-to-the-mean warning (or hint) for one metric; empty when none applies."""
    r, e, m = k.regressie, k.effect, k.metriek
    if r is None or k.pilot_voor is None or k.referentie_voor is None:
        return ""
    waarden = {
        "naam": label(m, taal).lower(),
        "niveau": _niveau_tekst(k.pilot_voor, m, taal),
        "ref": waarde_tekst(k.referentie_voor, m, taal),
    }
    if not pilot.geselecteerd_op_hoog_verzuim:
        if not lijkt_hoog:
            return ""
        return t(
            "De {naam} van de pilot-eenheden lag voor de pilot hoog ({niveau} tegen {ref} in de "
            "hele organisatie). Als ze daarom zijn gekozen, was een deel van een daling ook zonder "
            "pilot te verwachten (regressie naar het gemiddelde); vink ‘geselecteerd op hoog "
            "verzuim’ aan bij de pilot om te zien hoeveel.",
            taal,
            **waarden,
        )
    if not lijkt_hoog:
        if k.pilot_voor > k.referentie_voor:
            zin = N_(
                "De pilot-eenheden zijn gekozen op hoog verzuim, maar hun {naam} voor de pilot "
                "({niveau} tegen {ref} in de hele organisatie) stak niet verder boven de "
                "organisatie uit dan in de 12 maanden daarvoor: hier is weinig regressie naar het "
                "gemiddelde te verwachten."
            )
        else:
            zin = N_(
                "De pilot-eenheden zijn gekozen op hoog verzuim, maar hun {naam} voor de pilot "
                "({niveau} tegen {ref} in de hele organisatie) lag niet boven de organisatie: hier "
                "is weinig regressie naar het gemiddelde te verwachten."
            )
        return t(zin, taal, **waarden)
    return " ".join(_regressie_zinnen(k, r, e, waarden, taal))


def _regressie_zinnen(
    k: Effectkaart,
    r: stat.Regressiecheck,
    e: stat.Effect | None,
    waarden: Mapping[str, str],
    taal: str,
) -> list[str]:
    """The warning when the units were chosen for high absence and their level looks it."""
    m = k.metriek
    gedaald = e is not None and e.schatting < 0
    # 'daling' only when the pilot group itself fell; a smaller rise is a 'verschil'
    if gedaald and k.naief is not None and k.naief < 0:
        eerste = N_(
            "Een deel van deze daling was ook zonder pilot te verwachten: de pilot-eenheden zijn "
            "gekozen op hoog verzuim, en hun {naam} lag voor de pilot op {niveau} tegen {ref} in "
            "de hele organisatie."
        )
    elif gedaald:
        eerste = N_(
            "Een deel van dit verschil was ook zonder pilot te verwachten: de pilot-eenheden zijn "
            "gekozen op hoog verzuim, en hun {naam} lag voor de pilot op {niveau} tegen {ref} in "
            "de hele organisatie."
        )
    else:
        eerste = N_(
            "Let op: de pilot-eenheden zijn gekozen op hoog verzuim, en hun {naam} lag voor de "
            "pilot op {niveau} tegen {ref} in de hele organisatie."
        )
    zinnen = [
        t(eerste, taal, **waarden),
        t("Zo'n uitschieter zakt vaak vanzelf terug (regressie naar het gemiddelde).", taal),
    ]
    v = r.verwachte_daling
    if v is not None:
        een = eenheid(m, taal)
        getallen = {"eenheid": een, "verwacht": _getal(v, m, taal)}
        if e is not None:
            getallen["effect"] = _getal(e.schatting, m, taal)
        if r.rest is not None:
            getallen["rest"] = _getal(r.rest, m, taal)
        zinnen.append(
            t(
                "Alleen daardoor was al een daling van ongeveer {verwacht} {eenheid} te verwachten.",
                taal,
                **getallen,
            )
        )
        if (
            gedaald
            and e is not None
            and r.rest is not None
            and not (k.naief is not None and k.naief < 0)
        ):
            # the pilot group itself rose, less than the comparison group: no "daling" (DUV)
            zin = (
                N_(
                    "Van het gemeten verschil van {effect} {eenheid} met de vergelijkingsgroep "
                    "(de pilotgroep steeg minder) kan dus ongeveer {rest} {eenheid} aan de pilot "
                    "zelf liggen."
                )
                if r.rest < 0 and e.hoog < 0
                else N_(
                    "Van het gemeten verschil van {effect} {eenheid} met de vergelijkingsgroep "
                    "(de pilotgroep steeg minder; ook dat kan toeval zijn) blijft dan ongeveer "
                    "{rest} {eenheid} over."
                )
                if r.rest < 0
                else N_(
                    "Dat verklaart het hele gemeten verschil met de vergelijkingsgroep (de "
                    "pilotgroep steeg minder): deze cijfers tonen geen effect van de pilot dat "
                    "groter is dan regressie naar het gemiddelde."
                )
            )
            zinnen.append(t(zin, taal, **getallen))
        elif gedaald and e is not None and r.rest is not None:
            if r.rest >= 0:
                zin = N_(
                    "Dat verklaart de hele gemeten extra daling: deze cijfers tonen geen effect "
                    "van de pilot dat groter is dan regressie naar het gemiddelde."
                )
            elif e.hoog < 0:
                zin = N_(
                    "Van de gemeten {effect} {eenheid} extra daling kan dus ongeveer {rest} "
                    "{eenheid} aan de pilot zelf liggen."
                )
            else:
                zin = N_(
                    "Van de gemeten {effect} {eenheid} extra daling (die ook toeval kan zijn) "
                    "blijft dan ongeveer {rest} {eenheid} over."
                )
            zinnen.append(t(zin, taal, **getallen))
        elif e is not None and e.schatting > 0 and r.rest is not None:
            zinnen.append(
                t(
                    "Toch steeg de {naam} in de pilotgroep {effect} {eenheid} meer dan in de "
                    "vergelijkingsgroep; na aftrek van de verwachte daling is dat ongeveer {rest} "
                    "{eenheid}.",
                    taal,
                    **waarden,
                    **getallen,
                )
            )
    zinnen.append(t("Deze correctie is een grove schatting met eigen onzekerheid.", taal))
    return zinnen


def kop(
    pilot: Pilot,
    kaarten: Sequence[Effectkaart],
    voor: Periode | None,
    na: Periode | None,
    met_vergelijking: bool,
    taal: str = "nl",
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


def rtm_tekst(k: Effectkaart, taal: str = "nl") -> str | None:
    """The headline of one metric: the effect across units with the level before taken into
    account (regression to the mean), its 95% interval, and the verdict that interval allows.
    None without that analysis (no windows, or too few units)."""
    if k.rtm is None or k.rtm_absoluut is None:
        return None
    m, lab = k.metriek, label(k.metriek, taal).lower()
    effect, laag, hoog = k.rtm_absoluut
    if laag is None or hoog is None:
        interval = t("95%-interval onbegrensd: te weinig eenheden", taal)
    else:
        interval = t(
            "95%-interval {laag} tot {hoog}",
            taal,
            laag=fmt.verschil(laag, _decimalen(m), "", taal),
            hoog=fmt.verschil(hoog, _decimalen(m), "", taal),
        )
    getal = f"{_getal(abs(effect), m, taal)} {eenheid(m, taal)}"
    if k.oordeel == "daling":
        zin = N_("{label} {getal} lager dan zonder pilot te verwachten was ({interval})")
    elif k.oordeel == "stijging":
        zin = N_("{label} {getal} hoger dan zonder pilot te verwachten was ({interval})")
    else:
        zin = N_("{label}: geen duidelijk effect ({interval})")
    return t(zin, taal, label=lab, getal=getal, interval=interval)


def basis_tekst(k: Effectkaart, taal: str = "nl") -> str:
    """Which levels before the estimate holds constant ('' for the selection year alone)."""
    if k.rtm is None or k.rtm.niveaus_voor < 2:
        return ""
    return t(
        "De eenheden zijn gekozen op hun verzuim, dus het jaar waarop gekozen is, ligt deels "
        "door toeval hoog: de schatting houdt ook het jaar daarvóór als uitgangsniveau constant.",
        taal,
    )


def pre_trend_tekst(k: Effectkaart, taal: str = "nl") -> str:
    """The pre-trend check in one sentence ('' without it)."""
    p = k.pre_trend.p if k.pre_trend is not None else None
    if p is None:
        return ""
    if p < 0.05:
        return t(
            "Let op: al vóór de pilot veranderden de pilot-eenheden anders dan de andere eenheden "
            "(toets over het jaar ervoor: p = {p}); ook de gecorrigeerde schatting kan daardoor "
            "scheef zijn.",
            taal,
            p=fmt.getal(p, 3, taal),
        )
    return t(
        "Vóór de pilot veranderden de pilot-eenheden niet duidelijk anders dan de andere eenheden "
        "(toets over het jaar ervoor: p = {p}).",
        taal,
        p=fmt.getal(p, 2, taal),
    )


def bevinding(kaarten: Sequence[Effectkaart], taal: str = "nl") -> str:
    """'meldingsfrequentie 0,43 per jaar lager dan zonder pilot te verwachten was (95%-interval
    −0,72 tot −0,19); ...': the RTM-adjusted effect across units, else the difference in
    differences."""
    delen = []
    for k in kaarten:
        e, m = k.effect, k.metriek
        lab = label(m, taal).lower()
        kop = rtm_tekst(k, taal)
        if kop is not None:
            delen.append(kop)
        elif e is None:
            delen.append(f"{lab}: " + t("geen schatting", taal))
        elif e.hoog < 0 or e.laag > 0:
            omlaag, meer = _richting(k)
            if omlaag and meer:
                zin = N_("{label} {getal} meer gedaald dan in de vergelijkingsgroep")
            elif omlaag:
                zin = N_("{label} {getal} minder gedaald dan in de vergelijkingsgroep")
            elif meer:
                zin = N_("{label} {getal} meer gestegen dan in de vergelijkingsgroep")
            else:
                zin = N_("{label} {getal} minder gestegen dan in de vergelijkingsgroep")
            getal = f"{_getal(e.schatting, m, taal)} {eenheid(m, taal)}"
            tekst = t(zin, taal, label=lab, getal=getal)
            if k.regressie_tonen and e.schatting < 0:
                tekst += t(", deels door regressie naar het gemiddelde", taal)
            delen.append(tekst)
        else:
            delen.append(f"{lab}: " + t("geen duidelijk verschil met de vergelijkingsgroep", taal))
    return "; ".join(delen)


# -- the page around the numbers -----------------------------------------------------------------


def beschrijving(pilot: Pilot, taal: str = "nl") -> str:
    """What was done, when, and why these units: the line under the finding."""
    delen = [pilot.omschrijving] if pilot.omschrijving else []
    periode, waarom = t("Pilotperiode", taal), t("Waarom gekozen", taal)
    delen.append(f"{periode}: {periode_van(pilot, taal)}")
    if pilot.selectie_reden:
        delen.append(f"{waarom}: {reden_zonder_markering(pilot.selectie_reden)}")
    return " · ".join(delen)


def kaart_label(k: Effectkaart, taal: str = "nl") -> str:
    """'Meldingsfrequentie: effect van de pilot'."""
    return f"{label(k.metriek, taal)}: " + t("effect van de pilot", taal)


def kaart_getal(k: Effectkaart, taal: str = "nl") -> str:
    """The effect card's number: the RTM-adjusted effect across units ('−0,43 per jaar'), else
    the difference in differences, else '–'."""
    if k.rtm_absoluut is not None:
        return effect_getal(k.rtm_absoluut[0], k.metriek, taal)
    return effect_getal(k.effect.schatting, k.metriek, taal) if k.effect else "–"


def kaart_interval(k: Effectkaart, taal: str = "nl") -> str:
    """'95%-interval −0,72 tot −0,19 per jaar · relatief −25%' of the RTM-adjusted effect (else
    of the difference in differences); empty without an effect."""
    if k.rtm is not None and k.rtm_absoluut is not None:
        _, laag, hoog = k.rtm_absoluut
        if laag is None or hoog is None:
            return t("95%-interval onbegrensd: te weinig eenheden", taal)
        interval, relatief = t("95%-interval", taal), t("relatief", taal)
        dec = _decimalen(k.metriek)
        tekst = (
            f"{interval} {fmt.verschil(laag, dec, '', taal)} – {fmt.verschil(hoog, dec, '', taal)}"
        )
        # the estimate's relative effect is a fraction (exp(δ) − 1), shown in percent
        return tekst + f" · {relatief} {fmt.verschil(100 * k.rtm.relatief, 0, '%', taal)}"
    if k.effect is None:
        return ""
    interval, relatief = t("95%-interval", taal), t("relatief", taal)
    tekst = f"{interval} {interval_tekst(k.effect, k.metriek, taal)}"
    if k.effect.relatief is not None:
        tekst += f" · {relatief} {fmt.verschil(k.effect.relatief, 0, '%', taal)}"
    return tekst


def kaart_groepen(k: Effectkaart, taal: str = "nl") -> str:
    """'Pilotgroep 2,01 → 1,26 · vergelijkingsgroep 1,24 → 1,24'."""
    m = k.metriek
    vergelijking = t("vergelijkingsgroep", taal)
    return (
        f"{groepsnaam(PILOT, taal)} {waarde_tekst(k.pilot_voor, m, taal)} → "
        f"{waarde_tekst(k.pilot_na, m, taal)} · {vergelijking} "
        f"{waarde_tekst(k.vergelijk_voor, m, taal)} → {waarde_tekst(k.vergelijk_na, m, taal)}"
    )


def uitleg(a: PilotAnalyse, taal: str = "nl") -> str:
    """How the numbers were computed, in plain words (markdown)."""
    phi = {k.metriek: fmt.getal(k.phi, 1, taal) for k in a.kaarten}
    rho = {m: fmt.getal(r, 2, taal) if r is not None else "–" for m, r in a.rho.items()}
    punten = [
        t(
            "**Groepen.** De pilotgroep is al het personeel van de pilot-eenheden (met hun "
            "onderliggende eenheden); de vergelijkingsgroep net zo. Beide tellen als één groep, "
            "precies zoals de andere pagina's een eenheid tellen.",
            taal,
        ),
        t(
            "**Effect (verschil in verschillen).** (na − voor in de pilotgroep) − (na − voor in de "
            "vergelijkingsgroep). Dit gaat ervan uit dat beide groepen zonder pilot even sterk "
            "zouden zijn veranderd.",
            taal,
        ),
        t(
            "**Onzekerheid.** Het 95%-interval komt uit de Poisson-variantie van de meldingen en "
            "de binomiale variantie van de verzuimdagen, vergroot met de overdispersie φ van de "
            "veranderingen van de andere eenheden op hetzelfde niveau (φ = {phi_mf} voor de "
            "meldingsfrequentie, {phi_vp} voor het verzuimpercentage: verzuimdagen komen in "
            "reeksen, dus ze schommelen veel meer dan toeval).",
            taal,
            phi_mf=phi["meldingsfrequentie"],
            phi_vp=phi["verzuimpercentage"],
        ),
        t(
            "**Regressie naar het gemiddelde.** Eenheden die na een hoog jaar zijn gekozen, zakken "
            "vaak vanzelf terug. De verwachte daling gebruikt de samenhang ρ tussen opeenvolgende "
            "jaren van de eenheden op het niveau van de pilot (ρ = {rho_mf} en {rho_vp}), de hele "
            "organisatie als maatstaf en het jaar vóór de voorperiode (Barnett e.a., 2005). Het is "
            "een grove schatting.",
            taal,
            rho_mf=rho["meldingsfrequentie"],
            rho_vp=rho["verzuimpercentage"],
        ),
        t(
            "**Het oordeel (kop).** De pilot is aan eenheden gegeven, dus de eenheden zijn de maat: "
            "alle eenheden op het niveau van de pilot, met hun niveau na de pilot vergeleken na "
            "correctie voor hun niveau in het jaar ervoor (covariantieanalyse op de logaritme, "
            "gewogen naar bezetting; Barnett e.a., 2005). Zo telt wat een eenheid na een hoog jaar "
            "vanzelf terugzakt (regressie naar het gemiddelde) niet als effect. Het oordeel volgt "
            "het 95%-interval: alleen als het helemaal onder (of boven) nul ligt, heet het een "
            "daling (of stijging). Dezelfde analyse over het jaar vóór de voorperiode toetst of de "
            "groepen vooraf vergelijkbaar waren.",
            taal,
        ),
        t(
            "**Privacy.** Groepen en eenheden met minder medewerkers dan het minimum worden niet "
            "getoond; geen enkele medewerker is herkenbaar.",
            taal,
        ),
    ]
    return "\n".join(f"- {p}" for p in punten)


# -- chart frames and titles ---------------------------------------------------------------------


def kader(a: PilotAnalyse, ctx: Context, titel: str, extra: str = "") -> Kader:
    """The frame of a chart: the organisation, the pilot and its periods in the subtitle."""
    taal = ctx.taal
    org_ctx = dataclasses.replace(ctx, selectie=ctx.selectie.met(eenheid=a.organisatie))
    pilot, voor, na = t("Pilot", taal), t("voor", taal), t("na", taal)
    delen = [f"{pilot} ‘{a.pilot.naam}’ {periode_van(a.pilot, taal)}"]
    if a.voor is not None:
        delen.append(f"{voor}: {periode_tekst(a.voor.van, a.voor.tot, taal)}")
    if a.na is not None:
        delen.append(f"{na}: {periode_tekst(a.na.van, a.na.tot, taal)}")
    if extra:
        delen.append(extra)
    return org_ctx.kader(titel, " · ".join(delen))


def reeks_titel(a: PilotAnalyse, metriek: str, taal: str = "nl") -> str:
    """'Meldingsfrequentie in de pilotgroep daalde: 2,01 → 1,26; vergelijkingsgroep ...'."""
    k = a.kaart(metriek)
    lab = label(metriek, taal)
    if k.pilot_voor is None or k.pilot_na is None:
        return f"{lab}: " + t("pilotgroep en vergelijkingsgroep per maand", taal)

    def stap(van: float | None, naar: float | None) -> str:
        # non-breaking spaces: the title may wrap, but never inside 'a → b'
        return f"{waarde_tekst(van, metriek, taal)}\u00a0→\u00a0{waarde_tekst(naar, metriek, taal)}"

    d = k.pilot_na - k.pilot_voor
    drempel = 0.5 * 10 ** -_decimalen(metriek)
    pilot = stap(k.pilot_voor, k.pilot_na)
    if k.vergelijk_voor is not None:
        if d < -drempel:
            zin = N_("{label} in de pilotgroep daalde: {pilot}; vergelijkingsgroep {vergelijking}")
        elif d > drempel:
            zin = N_("{label} in de pilotgroep steeg: {pilot}; vergelijkingsgroep {vergelijking}")
        else:
            zin = N_(
                "{label} in de pilotgroep bleef gelijk: {pilot}; vergelijkingsgroep {vergelijking}"
            )
        return t(
            zin, taal, label=lab, pilot=pilot, vergelijking=stap(k.vergelijk_voor, k.vergelijk_na)
        )
    if d < -drempel:
        zin = N_("{label} in de pilotgroep daalde: {pilot}")
    elif d > drempel:
        zin = N_("{label} in de pilotgroep steeg: {pilot}")
    else:
        zin = N_("{label} in de pilotgroep bleef gelijk: {pilot}")
    return t(zin, taal, label=lab, pilot=pilot)


def reeks_uitleg(metriek: str, soort: str, taal: str = "nl") -> str:
    """'Meldingsfrequentie gemiddelde over 3 maanden': what the line shows, for the subtitle."""
    hoe = t("gemiddelde over 3 maanden", taal) if soort == "3mnd" else t("per maand", taal)
    return f"{label(metriek, taal)} {hoe}"


def effect_titel(a: PilotAnalyse, taal: str = "nl") -> str:
    """'Geschat effect: meldingsfrequentie 0,75 per jaar meer gedaald ...'."""
    if any(k.effect for k in a.kaarten):
        return t("Geschat effect", taal) + f": {bevinding(a.kaarten, taal)}"
    return t("Geschat effect van de pilot", taal)


def eenheden_titel(rijen: Sequence[Mapping[str, object]], taal: str = "nl") -> str:
    """'Meldingsfrequentie daalde in 3 van de 3 pilot-eenheden en in 2 van de 4 ...'."""

    def daling(r: Mapping[str, object]) -> bool | None:
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
    if vn:
        return t(
            "Meldingsfrequentie daalde in {pd} van de {pn} pilot-eenheden en in {vd} van de {vn} "
            "vergelijkingseenheden",
            taal,
            pd=pd_,
            pn=pn,
            vd=vd,
            vn=vn,
        )
    return t("Meldingsfrequentie daalde in {pd} van de {pn} pilot-eenheden", taal, pd=pd_, pn=pn)
