"""The statistics' results in words: a difference in differences and a regression-to-the-mean
check (`statistiek.verschil`) in general words, for any pilot and comparison label.

`statistiek.verschil` returns numbers and flags only. The Pilots page words its own findings for its pilot
and comparison group (`teksten`); these sentences keep the statistics' general wording.
"""

from __future__ import annotations

from dashboard import format as fmt
from dashboard.i18n import N_, t
from dashboard.statistiek import verschil as stat


def verschil_in_verschillen(
    e: stat.Effect,
    taal: str = "nl",
    *,
    pilot: str = N_("de pilotafdelingen"),
    vergelijk: str = N_("de vergelijkingsafdelingen"),
) -> str:
    """'De meldingsfrequentie daalde in ... 0,42 per jaar meer dan in ... (95%-interval ...)'."""
    daalde = e.schatting < 0
    # the sentence speaks of the size of the fall (or rise), so the interval is turned with it
    grootte, van, tot = (
        (-e.schatting, -e.hoog, -e.laag) if daalde else (e.schatting, e.laag, e.hoog)
    )
    if e.metriek == "meldingsfrequentie":
        zin = (
            N_(
                "De meldingsfrequentie daalde in {pilot} {grootte} per jaar meer dan in "
                "{vergelijk} (95%-interval {van} tot {tot})."
            )
            if daalde
            else N_(
                "De meldingsfrequentie steeg in {pilot} {grootte} per jaar meer dan in "
                "{vergelijk} (95%-interval {van} tot {tot})."
            )
        )
    else:
        zin = (
            N_(
                "Het verzuimpercentage daalde in {pilot} {grootte} procentpunt meer dan in "
                "{vergelijk} (95%-interval {van} tot {tot})."
            )
            if daalde
            else N_(
                "Het verzuimpercentage steeg in {pilot} {grootte} procentpunt meer dan in "
                "{vergelijk} (95%-interval {van} tot {tot})."
            )
        )
    eerste = t(
        zin,
        taal,
        pilot=t(pilot, taal),
        vergelijk=t(vergelijk, taal),
        grootte=fmt.getal(grootte, 2, taal),
        van=fmt.getal(van, 2, taal),
        tot=fmt.getal(tot, 2, taal),
    )
    if e.laag <= 0 <= e.hoog:
        tweede = t("Het interval bevat 0: het verschil kan ook toeval zijn.", taal)
    else:
        tweede = t("Dat verschil is groter dan toeval alleen aannemelijk maakt.", taal)
    return f"{eerste} {tweede}"


def regressie_naar_gemiddelde(
    r: stat.Regressiecheck,
    *,
    selectie: float,
    referentie: float,
    effect: float | None = None,
    metriek: stat.Metriek = "meldingsfrequentie",
    taal: str = "nl",
    pilot: str = N_("de pilotafdelingen"),
    referentie_label: str = N_("gemiddeld"),
    vergelijk: str = N_("de vergelijkingsafdelingen"),
) -> str:
    """The warning for units selected after a high value (the arguments of
    `statistiek.verschil.regressie_naar_gemiddelde`); empty when they were not."""
    if not r.geselecteerd_op_hoog:
        return ""
    labels = {
        "pilot": t(pilot, taal),
        "referentie_label": t(referentie_label, taal),
        "vergelijk": t(vergelijk, taal),
    }
    if metriek == "meldingsfrequentie":
        zin = N_(
            "Let op: {pilot} zijn gekozen na een jaar met een hoge meldingsfrequentie ({selectie} "
            "per jaar tegen {referentie} {referentie_label})."
        )
        een = t("per jaar", taal)
        dec = 2
    else:
        zin = N_(
            "Let op: {pilot} zijn gekozen na een jaar met een hoog verzuimpercentage "
            "({selectie}% tegen {referentie}% {referentie_label})."
        )
        een = t("procentpunt", taal)
        dec = 1
    zinnen = [
        t(
            zin,
            taal,
            selectie=fmt.getal(selectie, dec, taal),
            referentie=fmt.getal(referentie, dec, taal),
            **labels,
        ),
        t(
            "Zo'n uitschieter zakt vaak ook zonder pilot terug (regressie naar het gemiddelde).",
            taal,
        ),
    ]
    verwacht, rest = r.verwachte_daling, r.rest
    if verwacht is not None:
        zinnen.append(
            t(
                "Alleen daardoor is al een daling van ongeveer {verwacht} {eenheid} te verwachten.",
                taal,
                verwacht=fmt.getal(verwacht, 2, taal),
                eenheid=een,
            )
        )
        if effect is not None and effect < 0 and rest is not None:
            getallen = {
                "effect": fmt.getal(-effect, 2, taal),
                "rest": fmt.getal(-rest, 2, taal),
                "eenheid": een,
            }
            zin = (
                N_(
                    "Van de gemeten daling van {effect} {eenheid} meer dan in {vergelijk} kan dus "
                    "ongeveer {rest} {eenheid} aan de pilot zelf liggen."
                )
                if rest < 0
                else N_(
                    "Dat verklaart de gemeten daling van {effect} {eenheid} meer dan in "
                    "{vergelijk} helemaal."
                )
            )
            zinnen.append(t(zin, taal, **getallen, **labels))
        zinnen.append(t("Deze correctie is een grove schatting met eigen onzekerheid.", taal))
    return " ".join(zinnen)
