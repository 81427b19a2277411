"""The words around the metric definitions (DESIGN 3 and 4): the notation, the privacy rules.

The definitions themselves live with their metrics in the catalogue (dashboard/catalogus.py);
the Toelichting page, the help texts of the headline cards, the 'Toelichting' sheet of every
workbook and the notes of the slides read them through here, in the interface language.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard import catalogus
from dashboard.i18n import N_, t


@dataclass(frozen=True)
class Definitie:
    """One entry of the Toelichting: a metric or a term, with its formula."""

    sleutel: str
    naam: str
    uitleg: str
    formule: str


#: The Toelichting's entries, in the catalogue's order, then the terms.
DEFINITIES: tuple[Definitie, ...] = (
    *(
        Definitie(m.sleutel, m.label, m.definitie, m.formule)
        for m in catalogus.METRIEKEN
        if m.definitie
    ),
    *(Definitie(b.sleutel, b.naam, b.definitie, b.formule) for b in catalogus.BEGRIPPEN),
)

NOTATIE = N_(
    "Een periode P bestaat uit hele kalendermaanden; D is het aantal kalenderdagen en k het aantal "
    "maanden. Voor medewerker e op dag d: in dienst als een dienstverband d dekt; dan is u(e,d) de "
    "eenheid en f(e,d) de deeltijdfactor van dat dienstverband. Een selectie U is de gekozen eenheid "
    "met alle onderliggende eenheden. Zwangerschaps- en bevallingsverlof telt nooit als verzuim."
)

PRIVACY = N_(
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
PRIVACY_UITLEG = N_(
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
    """The explanation of a metric with its formula (help text of a headline card)."""
    for d in DEFINITIES:
        if d.sleutel == sleutel:
            return f"{t(d.uitleg, taal)}\n\n{d.formule}"
    return ""


def toelichting_regels(
    min_groep: int, min_respondenten: int, taal: str = "nl"
) -> list[tuple[str, str]]:
    """Definitions and privacy rule as (subject, text) rows for workbooks and slide notes."""
    formule = t("Formule", taal)
    regels = [(t(d.naam, taal), f"{t(d.uitleg, taal)} {formule}: {d.formule}") for d in DEFINITIES]
    regels.append(("Privacy", t(PRIVACY, taal, n=min_groep, r=min_respondenten)))
    return regels


#: How the app tells signal from noise (dashboard.statistiek), for the Toelichting: each method
#: in plain Dutch with its formula (issue 10).
METHODEN: tuple[Definitie, ...] = (
    Definitie(
        "personen",
        N_("Medewerkers als eenheid van toeval"),
        N_(
            "Verzuim zit bij personen: een paar langdurig zieken dragen een groot deel van de "
            "verzuimdagen. Hoe zeker het cijfer van een eenheid is, volgt daarom uit hoe sterk haar "
            "medewerkers onderling verschillen, niet uit losse dagen (die hangen per persoon samen). "
            "De spreiding tussen medewerkers wordt over alle vergeleken eenheden samen geschat, zodat "
            "ook een kleine eenheid rekening houdt met een zeldzame lange ziekmelding. Het "
            "95%-interval van een eenheid is haar eigen onzekerheid."
        ),
        "R = Σyᵢ / Σnᵢ;  Var(R) = κ·R / Σnᵢ,  κ = Σ Σᵢ(yᵢ − R·nᵢ)² / Σ R·(Σnᵢ − Σnᵢ²/Σnᵢ)  "
        "(yᵢ verzuimdagen of meldingen, nᵢ beschikbare dagen of persoonsjaren van medewerker i)",
    ),
    Definitie(
        "tau",
        N_("Echte verschillen tussen eenheden"),
        N_(
            "Eenheden verschillen ook werkelijk van elkaar (ander werk, andere samenstelling). Die "
            "gewone spreiding τ² wordt geschat uit de eenheden zelf (DerSimonian-Laird), met een "
            "toets of er meer verschil is dan toeval. Dat gebeurt nooit uit minder dan 15 eenheden: "
            "dan komt τ² van een ander niveau van de organisatie met genoeg eenheden, en anders "
            "zegt de pagina dat de vergelijking weinig onderscheidend vermogen heeft."
        ),
        "τ² = max(0, (Q − (I − 1)) / (Σw − Σw²/Σw)),  Q = Σ w·(Rⱼ − R̄)²,  w = 1 / Var(Rⱼ)",
    ),
    Definitie(
        "funnel",
        N_("Funnel en rangorde"),
        N_(
            "De grenzen van de funnel zijn het toeval binnen een eenheid van die grootte plus de "
            "gewone spreiding tussen eenheden; alleen een eenheid buiten de 99,8%-grens verschilt "
            "duidelijk, buiten de 95%-grens is zij een aandachtspunt. De balken van de rangorde "
            "tonen het eigen 95%-interval van elke eenheid."
        ),
        "grens = R̄ ± √(h² + z²·τ²),  h de Poisson-grens van de effectieve telling Σnᵢ/κ;  "
        "z = 1,96 (95%) of 3,09 (99,8%)",
    ),
    Definitie(
        "regelkaart",
        N_("Regelkaart met seizoenscorrectie"),
        N_(
            "Elke maand wordt vergeleken met wat die kalendermaand gewoonlijk is: maandfactoren uit "
            "ten minste twee hele eerdere jaren (de mediaan per maand). De middenlijn is het "
            "gemiddelde van de basisperiode maal de factor. De grenzen komen uit de medewerkers: "
            "wie lang verzuimt, telt in meerdere maanden mee, zodat opeenvolgende maanden samen "
            "bewegen. Daarom krijgt elke maand de spreiding van haar verschil met de basisperiode "
            "over de medewerkers (met wie in beide meetelt), in plaats van de verschillen tussen "
            "opeenvolgende maanden (Laney), die alleen de korte schommeling zien en in een "
            "simulatie zonder verandering in 95% van de jaren een signaal gaven. Signalen volgen "
            "NHS Making Data Count, aangepast aan maanden die samenhangen: een maand buiten de "
            "3σ-grenzen; 2 van 3 maanden voorbij 2σ aan dezelfde kant die samen voorbij 3σ liggen; "
            "7 maanden op rij boven of onder het verwachte die samen voorbij 3σ liggen; 7 maanden "
            "op rij stijgend of dalend. Een gewoon seizoen geeft zo geen signaal."
        ),
        "verwacht = B·sₘ;  Dₜ = pₜ/sₘ − B;  aᵢₜ = (yᵢₜ − pₜnᵢₜ)/(Nₜsₘ) − (yᵢ_B − B·nᵢ_B)/N_B;  "
        "σₜ² = Σᵢ aᵢₜ²;  grenzen = verwacht ± 3·sₘ·σₜ",
    ),
    Definitie(
        "pilot",
        N_("Effect van een pilot"),
        N_(
            "Een pilot wordt aan eenheden gegeven, vaak omdat hun verzuim hoog was; zo'n eenheid "
            "zakt het jaar erna vaak vanzelf terug (regressie naar het gemiddelde). Het effect wordt "
            "daarom geschat over alle eenheden op het niveau van de pilot: hun niveau na de pilot, "
            "gecorrigeerd voor hun niveau ervoor (covariantieanalyse, Barnett e.a. 2005). Zijn de "
            "eenheden gekozen op hoog verzuim of een hoge meldingsfrequentie, dan telt ook het jaar "
            "vóór het selectiejaar mee als uitgangsniveau: het selectiejaar zelf ligt deels door "
            "toeval hoog. Het oordeel volgt het 95%-interval: daling of stijging alleen als het interval nul niet "
            "bevat, anders onzeker. Dezelfde analyse over het jaar daarvoor toetst of de groepen "
            "vooraf vergelijkbaar waren."
        ),
        "log(na) = α + β₁·log(voor) [+ β₂·log(jaar daarvoor)] + δ·pilot  (gewogen naar bezetting);  "
        "effect = eᵟ − 1",
    ),
    Definitie(
        "samenhang",
        N_("Samenhang met het medewerkersonderzoek"),
        N_(
            "De samenhang tussen een schaal en het verzuim is een correlatie over eenheden, met een "
            "95%-interval. Het woord volgt de kant van het interval die het dichtst bij nul ligt: "
            "'sterk' alleen als die kant ten minste 0,5 is. De pagina zegt hoeveel schalen zijn "
            "vergeleken, want bij veel vergelijkingen valt er al snel één op door toeval."
        ),
        "r (Pearson);  95%-interval tanh(atanh r ± 1,96/√(n − 3))",
    ),
)
