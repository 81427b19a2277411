"""The metric definitions of DESIGN section 3 in plain language, with their formulas.

One place for the words: the Toelichting page, the help texts of the headline cards, the
'Toelichting' sheet of every workbook and the notes of the slides all read from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Definitie:
    """One metric: its name, what it means, and how it is computed."""

    sleutel: str
    naam: str
    uitleg: str
    formule: str
    name_en: str
    explanation_en: str


NOTATIE = (
    "Een periode P bestaat uit hele kalendermaanden; D is het aantal kalenderdagen en k het aantal "
    "maanden. Voor medewerker e op dag d: in dienst als een dienstverband d dekt; dan is u(e,d) de "
    "eenheid en f(e,d) de deeltijdfactor van dat dienstverband. Een selectie U is de gekozen eenheid "
    "met alle onderliggende eenheden. Zwangerschaps- en bevallingsverlof telt nooit als verzuim."
)

DEFINITIES: tuple[Definitie, ...] = (
    Definitie(
        "verzuimdagen",
        "Verzuimgewicht en verzuimdagen",
        "Elke dag telt naar rato van de deeltijdfactor en het percentage arbeidsongeschiktheid. Een "
        "medewerker van 0,8 die voor 50% ziek is, telt die dag voor 0,4 verzuimdag. Dagen waarop "
        "iemand niet in dienst is, tellen nergens mee (ze staan bij de gegevenskwaliteit).",
        "w(e,d) = f(e,d) × p(e,d) / 100;   verzuimdagen = Σ w(e,d) over dagen d in P met e in dienst en u(e,d) in U",
        "Absence days",
        "Each day counts by part-time factor and incapacity percentage.",
    ),
    Definitie(
        "beschikbare_dagen",
        "Beschikbare dagen",
        "Alle kalenderdagen waarop medewerkers in dienst zijn, gewogen met hun deeltijdfactor.",
        "beschikbare dagen = Σ f(e,d) over dagen d in P met e in dienst en u(e,d) in U",
        "Available days",
        "Calendar days in service, weighted by part-time factor.",
    ),
    Definitie(
        "verzuimpercentage",
        "Verzuimpercentage",
        "Het deel van de beschikbare tijd dat verloren ging door ziekte. Over meerdere maanden of "
        "eenheden is het de verhouding van de sommen, nooit een gemiddelde van percentages.",
        "verzuimpercentage = 100 × verzuimdagen / beschikbare dagen",
        "Absence rate",
        "Share of available time lost to sickness: 100 × absence days / available days.",
    ),
    Definitie(
        "bezetting",
        "Bezetting en FTE",
        "Het gemiddelde aantal medewerkers in de periode (iedere medewerker telt de dagen dat hij of "
        "zij in dienst is), en hetzelfde gewogen met de deeltijdfactor.",
        "bezetting = (aantal paren (e,d) in dienst met u(e,d) in U) / D;   FTE = beschikbare dagen / D",
        "Headcount and FTE",
        "Average number of employees in the period; FTE = available days / D.",
    ),
    Definitie(
        "meldingen",
        "Meldingen",
        "Het aantal nieuwe ziekmeldingen: verzuimgevallen waarvan de eerste dag in de periode ligt, bij "
        "een medewerker die die dag in dienst is in de selectie. Een geval telt één keer, ook als het "
        "uit meerdere fasen bestaat (bijvoorbeeld gedeeltelijk herstel).",
        "meldingen = aantal gevallen met eerste dag d0 in P, e in dienst op d0 en u(e,d0) in U",
        "Reports",
        "New spells whose first day lies in the period.",
    ),
    Definitie(
        "meldingsfrequentie",
        "Meldingsfrequentie",
        "Het gemiddeld aantal ziekmeldingen per medewerker per jaar.",
        "meldingsfrequentie = meldingen / bezetting × 12 / k",
        "Notification frequency",
        "Average number of new reports per employee per year.",
    ),
    Definitie(
        "beeindigde_meldingen",
        "Beëindigde meldingen",
        "Verzuimgevallen waarvan de laatste dag in de periode ligt (en op of voor de peildatum), "
        "toegerekend aan de eenheid van de eerste verzuimdag.",
        "beëindigd = gevallen met laatste dag in P (≤ peildatum), eenheid u(e,d0)",
        "Ended spells",
        "Spells whose last day lies in the period, attributed to the unit of their first day.",
    ),
    Definitie(
        "gem_verzuimduur",
        "Gemiddelde verzuimduur",
        "De gemiddelde lengte in kalenderdagen van de beëindigde verzuimgevallen, van de eerste tot en "
        "met de laatste dag, ook de dagen vóór de periode; zonder weging voor deeltijd of percentage.",
        "gemiddelde duur = gemiddelde van (laatste dag − eerste dag + 1) over de beëindigde gevallen",
        "Average duration",
        "Mean length in calendar days of the spells that ended in the period.",
    ),
    Definitie(
        "nulverzuimpercentage",
        "Nulverzuim",
        "Het percentage medewerkers dat in de hele periode geen dag verzuimd heeft. Iedere medewerker "
        "die in de periode in dienst was, telt bij de eenheid van zijn of haar laatste dag in dienst.",
        "nulverzuim = 100 × (medewerkers in dienst in P zonder dag met w > 0) / (medewerkers in dienst in P)",
        "Zero absence",
        "Share of employees without any day of absence in the period.",
    ),
    Definitie(
        "duurklasse",
        "Duurklassen",
        "Elke verzuimdag krijgt een klasse naar zijn dagnummer binnen het verzuimgeval: kort 1-7, "
        "middellang 8-42, lang 43-365, extra lang 366 en meer. Het verzuimpercentage per duurklasse "
        "telt op tot het totaal. Aantallen gevallen per duurklasse gebruiken de hele lengte van het geval.",
        "dagnummer n = d − d0 + 1",
        "Duration classes",
        "Each absence day is classed by its day number within the spell: 1-7, 8-42, 43-365, 366+.",
    ),
    Definitie(
        "frequent_verzuim",
        "Frequent verzuim",
        "Medewerkers die op de laatste dag van de maand in dienst zijn en in de twaalf maanden tot en "
        "met die maand drie of meer keer ziek gemeld zijn; als aantal en als percentage van wie die "
        "dag in dienst is. Alleen als aantal per groep, nooit per persoon.",
        "frequent = #{e in dienst op laatste dag van M, ≥ 3 meldingen met d0 in de 12 maanden t/m M}",
        "Frequent absence",
        "Employees with 3 or more reports in the 12 months up to the month.",
    ),
    Definitie(
        "langdurig",
        "Langdurig verzuim en Poortwachter-mijlpalen",
        "Verzuimgevallen die op de laatste dag van de maand nog lopen en dan minstens 43 dagen duren "
        "(voorbij week 6); daarnaast de aantallen voorbij week 42 (ziekmelding UWV), week 52 "
        "(eerstejaarsevaluatie) en week 91 (WIA-aanvraag) van de Wet verbetering poortwachter.",
        "langdurig = open gevallen op de laatste dag van M met dagnummer ≥ 43; week w voorbij: dagnummer ≥ 7w + 1",
        "Long-term absence",
        "Spells still open at month end that have lasted at least 43 days; Poortwachter milestones.",
    ),
    Definitie(
        "voortschrijdend",
        "Voortschrijdend jaargemiddelde",
        "Dezelfde maatstaf over de twaalf maanden tot en met de gekozen maand. Dat vlakt het "
        "seizoenspatroon uit.",
        "waarde over de 12 maanden M−11 … M",
        "Rolling 12 months",
        "The same metric over the 12 months up to the month.",
    ),
)

PRIVACY = (
    "Elk getal hoort bij een groep. Een groep met gemiddeld minder dan {n} medewerkers in een "
    "maand wordt in die maand niet getoond: alle cijfers zijn verborgen en de cel toont '< {n}' in "
    "grijs (anders dan 'geen gegevens'). Omdat getallen van elkaar kunnen worden afgetrokken, wordt "
    "soms ook een grotere groep verborgen: is binnen een afdeling één klein team verborgen, dan "
    "ook het kleinste team ernaast, zodat de afdeling min de getoonde teams nooit het kleine team "
    "geeft. Dat geldt op elke pagina, in elke export en op de opdrachtregel hetzelfde. Een periode "
    "(kwartaal, jaar, twaalf maanden, pilotperiode) wordt alleen getoond als de groep in elke maand "
    "ervan getoond wordt. Een filter op leeftijd, geslacht of schaal toont een getal alleen als "
    "elke groep die het filter kan afsplitsen (ook wat het filter weglaat) ten minste {n} "
    "medewerkers telt. Een pilot- of vergelijkingsgroep bestaat alleen uit eenheden die zelf "
    "getoond worden. Resultaten van het medewerkersonderzoek vragen ten minste {r} respondenten. "
    "Geen enkele pagina toont individuele medewerkers of verzuimgevallen."
)


#: The rules of the publication pattern in plain Dutch, with why a large group can be hidden.
PRIVACY_UITLEG = (
    "**Waarom is een grote groep soms verborgen?** Wie twee getoonde getallen van elkaar aftrekt, "
    "krijgt het getal van wat ertussen zit. Verzuimzicht kijkt daarom niet naar één scherm, maar "
    "naar alles wat het samen laat zien:\n\n"
    "- **Eenheden en hun delen.** Elke maand wordt vastgesteld welke eenheden getoond worden, voor "
    "de hele organisatie tegelijk. Is een deel van een eenheid te klein, dan wordt het verborgen, "
    "en zo nodig ook het kleinste deel ernaast, tot wat verborgen is samen ten minste {n} "
    "medewerkers telt. Die keuze geldt op elke pagina, in elke export en op de opdrachtregel: wat "
    "op de ene pagina verborgen is, is dat op elke andere ook (in de cel: 'verborgen ter "
    "bescherming').\n"
    "- **Perioden.** Een kwartaal, jaar, voortschrijdend jaar of pilotperiode wordt alleen getoond "
    "als de groep in elke maand ervan getoond wordt; anders zou het kwartaal min de getoonde "
    "maanden de ontbrekende maand geven.\n"
    "- **Filters op kenmerken.** Met een filter op leeftijdsklasse, geslacht of schaalgroep krijgt "
    "een eenheid alleen een getal als elke groep die het filter kan afsplitsen ten minste {n} "
    "medewerkers telt, ook wat het filter weglaat. Werkt in een afdeling één medewerker met "
    "geslacht x, dan zou 'alleen m en v' min 'iedereen' die ene medewerker tonen; dan is de "
    "afdeling met dat filter verborgen ('een groep van dit filter is te klein'). Op hogere niveaus "
    "met meer medewerkers blijft het filter bruikbaar.\n"
    "- **Samengestelde groepen.** Een pilot- of vergelijkingsgroep mag alleen eenheden bevatten die "
    "in elke maand van de analyse zelf getoond worden; een pilot met een te kleine eenheid wordt "
    "niet opgeslagen, met de raad de bovenliggende eenheid te kiezen.\n"
    "- **Medewerkersonderzoek.** Een eenheid met minder respondenten dan het minimum telt in geen "
    "enkel gemiddelde mee, dus ook een bovenliggend gemiddelde verraadt haar scores niet.\n\n"
    "Dat een groep van ten minste {n} medewerkers samen géén verzuim had, blijft zichtbaar: dat "
    "zegt iets over de hele groep, niet over één persoon."
)


def kort(sleutel: str, taal: str = "nl") -> str:
    """The short explanation of a metric (help text of a headline card)."""
    for d in DEFINITIES:
        if d.sleutel == sleutel or (
            sleutel == "frequent_verzuim_pct" and d.sleutel == "frequent_verzuim"
        ):
            return d.explanation_en if taal == "en" else f"{d.uitleg}\n\n{d.formule}"
    return ""


def toelichting_regels(min_groep: int, min_respondenten: int) -> list[tuple[str, str]]:
    """Definitions and privacy rule as (subject, text) rows for workbooks and slide notes."""
    regels = [(d.naam, f"{d.uitleg} Formule: {d.formule}") for d in DEFINITIES]
    regels.append(("Privacy", PRIVACY.format(n=min_groep, r=min_respondenten)))
    return regels
