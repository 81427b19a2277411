"""English texts of the Medewerkersonderzoek view (employee survey, JD-R)."""

EN: dict[str, str] = {
    # scales and JD-R groups
    "Werkdruk": "Workload",
    "Emotionele belasting": "Emotional demands",
    "Autonomie": "Autonomy",
    "Steun leidinggevende": "Supervisor support",
    "Steun collega's": "Co-worker support",
    "Ontwikkelmogelijkheden": "Development opportunities",
    "Bevlogenheid": "Work engagement",
    "Uitputting": "Exhaustion",
    "Taakeisen": "Job demands",
    "Hulpbronnen": "Job resources",
    "Uitkomsten": "Outcomes",
    "Overige schalen": "Other scales",
    "hoge eisen, weinig hulpbronnen": "high demands, few resources",
    "hoge eisen, veel hulpbronnen": "high demands, many resources",
    "lage eisen, veel hulpbronnen": "low demands, many resources",
    "lage eisen, weinig hulpbronnen": "low demands, few resources",
    # words put into sentences
    "afdelingen": "departments",
    "eenheden": "units",
    "Afdelingen": "Departments",
    "Onderliggende eenheden": "Units directly below",
    "Eenheden": "Units",
    "gestegen": "rose",
    "gedaald": "fell",
    "hoogst": "highest",
    "laagst": "lowest",
    "hoger": "higher",
    "lager": "lower",
    "zwakke": "weak",
    "matige": "moderate",
    "sterke": "strong",
    "gemiddeld": "average",
    "gemiddelde": "average",
    "gemiddelde van": "mean of",
    "schaal": "scale",
    "schalen": "scales",
    "score": "score",
    "Score": "Score",
    "Verschil": "Change",
    "Respondenten": "Respondents",
    "respondenten": "respondents",
    "Verzuim": "Absence",
    "verzuim": "absence",
    "Kwadrant": "Quadrant",
    "Score taakeisen": "Score job demands",
    "Score hulpbronnen": "Score job resources",
    "Gemiddelde {naam}": "Average {naam}",
    "meting {meting}": "wave {meting}",
    "(vergeleken met {vorige})": "(compared with {vorige})",
    "geen verzuimperiode bij deze meting": "no absence period for this wave",
    "geen vergelijking": "no comparison",
    # headline
    "Medewerkersonderzoek {meting}": "Employee survey {meting}",
    "Medewerkersonderzoek: geen enquêtegegevens": "Employee survey: no survey data",
    "geen enquêtegegevens voor deze eenheid": "no survey data for this unit",
    "te weinig respondenten om te tonen (< {n})": "too few respondents to show (< {n})",
    "scores vrijwel gelijk aan {vorige}": "scores much the same as in {vorige}",
    "{schaal} {richting} van {van} naar {naar} sinds {vorige}": (
        "{schaal} {richting} from {van} to {naar} since {vorige}"
    ),
    # heat map
    "Geen enquêtegegevens": "No survey data",
    "Te weinig respondenten om scores te tonen (minder dan {n})": (
        "Too few respondents to show scores (fewer than {n})"
    ),
    "{schaal} het sterkst {richting} bij {eenheid}: van {van} naar {naar} sinds {vorige}": (
        "{schaal} {richting} most at {eenheid}: from {van} to {naar} since {vorige}"
    ),
    "Geen schaal verslechterd sinds {vorige}": "No scale got worse since {vorige}",
    "Geen eenheid scoort ongunstiger dan het gemiddelde": "No unit scores worse than the average",
    "{schaal} het {uiterste} bij {eenheid}: {score} tegen {gemiddelde} gemiddeld": (
        "{schaal} {uiterste} at {eenheid}: {score} against {gemiddelde} on average"
    ),
    "verslechterd": "worse",
    "gelijk": "same",
    "verbeterd": "better",
    "ongunstiger": "less favourable",
    "gunstiger": "more favourable",
    "dan vorige meting": "than previous wave",
    "dan gemiddeld": "than average",
    "minder dan {n} respondenten, niet getoond": "fewer than {n} respondents, not shown",
    "1 eenheid met te weinig respondenten niet meegeteld": "1 unit with too few respondents not counted",
    "{k} eenheden met te weinig respondenten niet meegeteld": (
        "{k} units with too few respondents not counted"
    ),
    # demands against resources
    "Taakeisen en hulpbronnen: te weinig respondenten om te tonen": (
        "Job demands and resources: too few respondents to show"
    ),
    "Geen {eenheden} met hoge eisen en weinig hulpbronnen": (
        "No {eenheden} with high demands and few resources"
    ),
    "Hoge eisen en weinig hulpbronnen in {k} van {n} {eenheden}": (
        "High demands and few resources in {k} of {n} {eenheden}"
    ),
    ": verzuim {a} tegen {b} elders": ": absence {a} against {b} elsewhere",
    "verzuim niet getoond": "absence not shown",
    "Geen eenheden met ten minste {n} respondenten: scores niet getoond.": (
        "No units with at least {n} respondents: scores not shown."
    ),
    "1 eenheid met minder dan {n} respondenten niet getoond.": (
        "1 unit with fewer than {n} respondents not shown."
    ),
    "{k} eenheden met minder dan {n} respondenten niet getoond.": (
        "{k} units with fewer than {n} respondents not shown."
    ),
    "blauw = gunstiger, oranje = ongunstiger dan het gemiddelde van {org}": (
        "blue = more favourable, orange = less favourable than the average of {org}"
    ),
    "blauw = verbeterd, oranje = verslechterd": "blue = improved, orange = worse",
    "{k} van {n} {eenheden} met hoge eisen en weinig hulpbronnen": (
        "{k} of {n} {eenheden} with high demands and few resources"
    ),
    # survey next to absence
    "Te weinig {eenheden} ({n}) om een samenhang te berekenen; daarvoor zijn er ten minste "
    "{min} nodig. Kies een hogere eenheid of het niveau afdelingen.": (
        "Too few {eenheden} ({n}) to compute a correlation; at least {min} are needed. Choose a "
        "higher unit or the departments level."
    ),
    "Er is geen duidelijke samenhang tussen {schaal} en het verzuimpercentage (r = {r}).": (
        "There is no clear correlation between {schaal} and the absence rate (r = {r})."
    ),
    "{Sterkte} samenhang: {eenheden} met meer {schaal} hebben gemiddeld {richting} verzuim "
    "(r = {r}).": (
        "{Sterkte} correlation: {eenheden} with more {schaal} have {richting} absence on average "
        "(r = {r})."
    ),
    "Dit is een samenhang tussen {n} {eenheden}, geen bewijs van oorzaak en gevolg, en wat voor "
    "een eenheid geldt, hoeft niet voor elke medewerker te gelden.": (
        "This is a correlation across {n} {eenheden}, not proof of cause and effect, and what holds "
        "for a unit need not hold for each employee."
    ),
    "Met {n} {eenheden} is r onzeker: 95%-interval {laag} tot {hoog}": (
        "With {n} {eenheden}, r is uncertain: 95% interval {laag} to {hoog}"
    ),
    ", en dat interval bevat 0.": ", and that interval contains 0.",
    "Bij deze {eenheden} gaat meer {schaal} samen met {richting} verzuim (r = {r}), maar "
    "dat kan toeval zijn.": (
        "In these {eenheden}, more {schaal} goes with {richting} absence (r = {r}), but that may "
        "be chance."
    ),
    "{schaal} en verzuim: te weinig {eenheden} voor een samenhang": (
        "{schaal} and absence: too few {eenheden} for a correlation"
    ),
    "Geen duidelijke samenhang tussen {schaal} en verzuim (r = {r}; {n} {eenheden})": (
        "No clear correlation between {schaal} and absence (r = {r}; {n} {eenheden})"
    ),
    "Meer {schaal}, {richting} verzuim: {sterkte} samenhang (r = {r}; {n} {eenheden})": (
        "More {schaal}, {richting} absence: {sterkte} correlation (r = {r}; {n} {eenheden})"
    ),
    "rechte lijn door de punten (kleinste kwadraten)": "straight line through the dots (least squares)",
    "Geen eenheden met ten minste {n} respondenten en verzuimcijfers.": (
        "No units with at least {n} respondents and absence figures."
    ),
    # frame of every chart
    "Verzuimzicht, medewerkersonderzoek (JD-R) en verzuimextracten": (
        "Verzuimzicht, employee survey (JD-R) and absence extracts"
    ),
    "Eenheden met minder dan {n} respondenten zijn niet getoond (< {n}) en tellen in geen "
    "gemiddelde mee; een bovenliggende eenheid is het naar respondenten gewogen gemiddelde "
    "van de eenheden eronder met ten minste {n} respondenten.": (
        "Units with fewer than {n} respondents are not shown (< {n}) and count in no average; a "
        "parent unit is the respondent-weighted mean of the units below it with at least {n} "
        "respondents."
    ),
    "Verzuim: groepen met minder dan {n} medewerkers zijn niet getoond.": (
        "Absence: groups with fewer than {n} employees are not shown."
    ),
    # page
    "Geen eenheid hier heeft ten minste {n} respondenten: taakeisen, hulpbronnen en de "
    "samenhang met verzuim worden niet getoond.": (
        "No unit here has at least {n} respondents: job demands, job resources and the "
        "correlation with absence are not shown."
    ),
    "Meting": "Wave",
    "Toon": "Show",
    "Schaal": "Scale",
    "verandering sinds {vorige}": "change since {vorige}",
    "sinds {vorige}": "since {vorige}",
    "Scores per eenheid": "Scores per unit",
    "Taakeisen tegenover hulpbronnen": "Job demands against job resources",
    "Medewerkersonderzoek naast verzuim": "Employee survey next to absence",
    "Inzoomen op een eenheid": "Drill down into a unit",
    "Het verzuim ernaast is dat van hetzelfde kalenderjaar.": (
        "The absence next to it is that of the same calendar year."
    ),
    "Schaal {van}-{tot}; verschil met meting {vorige}.": (
        "Scale {van}-{tot}; change against wave {vorige}."
    ),
    "Er zijn geen enquêtegegevens voor deze organisatie. Lees een enquête-extract in op de "
    "pagina Gegevens.": (
        "There is no survey data for this organisation. Import a survey extract on the Data page."
    ),
    "De filters op kenmerken gelden niet op deze pagina: het medewerkersonderzoek is per "
    "eenheid samengevat, en het verzuim ernaast is dat van alle medewerkers van die eenheden.": (
        "The attribute filters do not apply on this page: the survey is summarised per unit, and "
        "the absence next to it is that of all employees of those units."
    ),
    "Kleur: gunstiger (blauw) of ongunstiger (oranje) dan het gemiddelde van de organisatie, "
    "per schaal in de goede richting (hoge werkdruk is ongunstig, veel autonomie gunstig).": (
        "Colour: more favourable (blue) or less favourable (orange) than the organisation's "
        "average, each scale in its own good direction (high workload is unfavourable, much "
        "autonomy favourable)."
    ),
    "Kleur: verbeterd (blauw) of verslechterd (oranje) sinds {vorige}, per schaal in de goede "
    "richting; een verschil staat er alleen bij een eenheid die in beide metingen ten minste "
    "{n} respondenten had.": (
        "Colour: improved (blue) or worse (orange) since {vorige}, each scale in its own good "
        "direction; a change is shown only for a unit with at least {n} respondents in both waves."
    ),
    "Een bovenliggende eenheid en de organisatie krijgen het naar respondenten gewogen "
    "gemiddelde van de eenheden eronder met ten minste {n} respondenten. Eenheden met minder "
    "respondenten zijn grijs (< {n}) en tellen in geen enkel gemiddelde mee, zodat hun scores "
    "er ook niet uit af te leiden zijn.": (
        "A parent unit and the organisation get the respondent-weighted mean of the units below "
        "them with at least {n} respondents. Units with fewer respondents are grey (< {n}) and "
        "count in no average at all, so their scores cannot be derived from one."
    ),
    "Volgens het Job Demands-Resources-model leiden hoge taakeisen vooral tot uitputting en "
    "verzuim als er weinig hulpbronnen tegenover staan. De stippellijnen zijn het gemiddelde "
    "van de organisatie; de grootte van een bol is het aantal respondenten, de kleur het "
    "verzuimpercentage van dezelfde eenheid in het jaar van de meting.": (
        "In the Job Demands-Resources model, high job demands lead to exhaustion and absence "
        "mainly when few resources stand against them. The dashed lines are the organisation's "
        "average; a bubble's size is the number of respondents, its colour the absence rate of "
        "the same unit in the year of the wave."
    ),
}
