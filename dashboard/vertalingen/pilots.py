"""English for Pilots."""

EN = {
    # page
    "Pilots van {org}": "Pilots of {org}",
    "Pilot": "Pilot",
    "Periode": "Period",
    "Pilot-eenheden": "Pilot units",
    "Vergelijkingseenheden": "Comparison units",
    "Waarom gekozen": "Why chosen",
    "Gekozen op hoog verzuim": "Chosen for high absence",
    "ja": "yes",
    "nee": "no",
    "Geen pilot": "No pilot",
    "Nieuwe pilot": "New pilot",
    "Bewerken": "Edit",
    "Verwijderen": "Delete",
    "Ja, verwijderen": "Yes, delete",
    "Annuleren": "Cancel",
    "Opslaan": "Save",
    "Er zijn nog geen pilots voor deze organisatie. Leg er een vast met ‘Nieuwe pilot’.": (
        "There are no pilots for this organisation yet. Record one with ‘New pilot’."
    ),
    "Pilot ‘{n}’ verwijderen? Dit kan niet ongedaan worden gemaakt.": (
        "Delete pilot ‘{n}’? This cannot be undone."
    ),
    "Pilot ‘{n}’ is opgeslagen.": "Pilot ‘{n}’ has been saved.",
    "Pilot ‘{n}’ is verwijderd.": "Pilot ‘{n}’ has been deleted.",
    "Pilot ‘{n}’ bewerken": "Edit pilot ‘{n}’",
    "De pilot is niet opgeslagen: {f}.": "The pilot was not saved: {f}.",
    "Deze pilot kan niet worden getoond: {f}.": "This pilot cannot be shown: {f}.",
    # form
    "Naam": "Name",
    "Omschrijving: wat is er gedaan?": "Description: what was done?",
    "Begindatum": "Start date",
    "Einddatum (laatste dag)": "End date (last day)",
    "Kies een of meer eenheden": "Choose one or more units",
    "Elke eenheid telt mee met alle onderliggende eenheden.": (
        "Each unit counts with all its sub-units."
    ),
    "Eenheden van vergelijkbare omvang en werk die niet meededen.": (
        "Units of similar size and work that did not take part."
    ),
    "Waarom zijn deze eenheden gekozen?": "Why were these units chosen?",
    "Geselecteerd op hoog verzuim": "Selected for high absence",
    "Aanvinken als de eenheden zijn gekozen omdat hun verzuim hoog was. Dan toont de pagina welk "
    "deel van een daling ook zonder pilot te verwachten was (regressie naar het gemiddelde).": (
        "Tick when the units were chosen because their absence was high. The page then shows "
        "which part of a fall was to be expected without the pilot (regression to the mean)."
    ),
    # validation messages of dashboard.pilots (the fixed ones)
    "vul een begin- en een einddatum in": "fill in a start and an end date",
    "geef de pilot een naam": "give the pilot a name",
    "de einddatum ligt voor de begindatum": "the end date lies before the start date",
    "kies ten minste één pilot-eenheid": "choose at least one pilot unit",
    # analysis
    "Voorperiode": "Before window",
    "Naperiode": "After window",
    "Maandlijn": "Monthly line",
    "3 maanden": "3 months",
    "per maand": "per month",
    "Gemiddelde over 3 maanden (de maand zelf met de maand ervoor en erna) is rustiger dan losse "
    "maanden.": (
        "The average over 3 months (the month itself with the months before and after) is calmer "
        "than single months."
    ),
    "Pilotperiode": "Pilot period",
    "effect van de pilot": "effect of the pilot",
    "Verschil in verschillen: de verandering in de pilotgroep min de verandering in de "
    "vergelijkingsgroep.": (
        "Difference in differences: the change in the pilot group minus the change in the "
        "comparison group."
    ),
    "95%-interval": "95% interval",
    "relatief": "relative",
    "tot": "to",
    "Pilotgroep": "Pilot group",
    "pilotgroep": "pilot group",
    "Vergelijkingsgroep": "Comparison group",
    "vergelijkingsgroep": "comparison group",
    "Hele organisatie": "Whole organisation",
    "samen": "together",
    "Hoe is dit berekend?": "How was this computed?",
    "De naperiode begint in {m}; daarvan zijn nog geen cijfers (gegevens t/m {l}).": (
        "The after window starts in {m}; there are no figures for it yet (data up to {l})."
    ),
    "De naperiode is korter dan gekozen: er zijn gegevens t/m {l}.": (
        "The after window is shorter than chosen: there is data up to {l}."
    ),
    "Er zijn geen gegevens van voor de pilot.": "There is no data from before the pilot.",
    "Deze eenheden bestaan niet meer in de gegevens en tellen niet mee: {e}.": (
        "These units no longer exist in the data and are left out: {e}."
    ),
    "Deze pilot heeft geen vergelijkingseenheden: dan is niet te zeggen welk deel van de "
    "verandering door de pilot komt.": (
        "This pilot has no comparison units: then it cannot be said which part of the change is "
        "due to the pilot."
    ),
    "Geen schatting: de pilotgroep is te klein of er is geen voor- of naperiode.": (
        "No estimate: the pilot group is too small or there is no before or after window."
    ),
    "Geen schatting: er is geen (voldoende grote) vergelijkingsgroep.": (
        "No estimate: there is no (large enough) comparison group."
    ),
    "nog geen cijfers van na de pilot": "no figures from after the pilot yet",
    "geen cijfers van voor de pilot": "no figures from before the pilot",
    "zonder vergelijkingsgroep is het effect niet te schatten": (
        "without a comparison group the effect cannot be estimated"
    ),
    "geen schatting": "no estimate",
    "geen duidelijk verschil met de vergelijkingsgroep": "no clear difference from the comparison group",
    ", deels door regressie naar het gemiddelde": ", partly regression to the mean",
    # charts
    "Geschat effect": "Estimated effect",
    "Geschat effect van de pilot": "Estimated effect of the pilot",
    "Pilotgroep voor → na": "Pilot group before → after",
    "Effect t.o.v. vergelijking": "Effect vs comparison",
    "Na aftrek regressie": "After regression correction",
    "alleen voor → na in de pilotgroep": "only before → after in the pilot group",
    "pilotgroep zonder vergelijking": "pilot group without comparison",
    "verschil in verschillen, met 95%-interval": "difference in differences, with 95% interval",
    "na aftrek regressie naar het gemiddelde (grove schatting)": (
        "after taking off regression to the mean (rough estimate)"
    ),
    "grove schatting": "rough estimate",
    "voorperiode": "before",
    "naperiode": "after",
    "pilot": "pilot",
    "voor": "before",
    "na": "after",
    "gemiddelde": "average",
    "gemiddelde over 3 maanden": "average over 3 months",
    "gemiddelde voor- en naperiode": "mean of before and after window",
    "pilotgroep en vergelijkingsgroep per maand": "pilot group and comparison group by month",
    "Voor en na per eenheid": "Before and after per unit",
    "te klein om te tonen": "too small to show",
    # tables
    "Groep": "Group",
    "Grootheid": "Quantity",
    "Meldingsfrequentie (per jaar)": "Notification frequency (per year)",
    "Verzuimpercentage (%)": "Absence rate (%)",
    "Meldingsfrequentie voor": "Notification frequency before",
    "Meldingsfrequentie na": "Notification frequency after",
    "Verzuimpercentage voor": "Absence rate before",
    "Verzuimpercentage na": "Absence rate after",
    "Pilotgroep voor": "Pilot group before",
    "Pilotgroep na": "Pilot group after",
    "Vergelijkingsgroep voor": "Comparison group before",
    "Vergelijkingsgroep na": "Comparison group after",
    "Verandering pilotgroep (zonder vergelijking)": "Change in pilot group (no comparison)",
    "Effect (verschil in verschillen)": "Effect (difference in differences)",
    "95%-interval van": "95% interval from",
    "95%-interval tot": "95% interval to",
    "Relatief effect (%)": "Relative effect (%)",
    "Verwachte daling door regressie naar het gemiddelde": (
        "Expected fall from regression to the mean"
    ),
    "Effect na aftrek regressie (grove schatting)": "Effect after regression correction (rough)",
    "Overdispersie φ van de veranderingen": "Overdispersion φ of the changes",
    "Jaarcorrelatie ρ": "Year-to-year correlation ρ",
}
