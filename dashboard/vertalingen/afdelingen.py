"""English for the Afdelingen view (ranking, funnel, verzuimvenster, heat map, control chart)."""

from dashboard import statistics as st

EN: dict[str, str] = {
    # controls
    "Welke eenheden": "Which units",
    "Onder de gekozen eenheid": "Below the selected unit",
    "Niveau {n}: {aantal}": "Level {n}: {aantal}",
    "12 maanden t/m": "12 months to",
    "Twaalf maanden geven een eerlijker beeld: één maand van een kleine eenheid schommelt sterk.": (
        "Twelve months give a fairer picture: a single month of a small unit fluctuates strongly."
    ),
    "Maatstaf voor rangorde en funnel": "Measure for ranking and funnel",
    "Inzoomen op": "Drill down into",
    "Kies een eenheid, of klik op een balk of punt": "Choose a unit, or click a bar or point",
    "Terug naar": "Back to",
    "Regelkaart voor": "Control chart for",
    "Te weinig eenheden met cijfers voor een funnel (minstens 3).": (
        "Too few units with figures for a funnel plot (at least 3)."
    ),
    "{eenheid} heeft geen onderliggende eenheden; hier staat zij naast de andere eenheden van {ouder}.": (
        "{eenheid} has no units below it; here it is shown next to the other units of {ouder}."
    ),
    # kinds of units
    "afdeling": "department",
    "afdelingen": "departments",
    "directie": "directorate",
    "directies": "directorates",
    "directoraat-generaal": "directorate-general",
    "directoraten-generaal": "directorates-general",
    "eenheid": "unit",
    "eenheden": "units",
    "eigen staf": "own staff",
    "totaal": "total",
    # subtitles and titles
    "{soort} vergeleken": "{soort} compared",
    "onderdelen van {eenheid}": "parts of {eenheid}",
    "alle {soort} op niveau {niveau} van {organisatie}": "all {soort} at level {niveau} of {organisatie}",
    "per maand": "per month",
    "{naam} het hoogst ({waarde})": "{naam} highest ({waarde})",
    "Geen {soort} duidelijk boven het gemiddelde; {hoogst}": "No {soort} clearly above average; {hoogst}",
    "{aantal} duidelijk boven het gemiddelde; {hoogst}": "{aantal} clearly above average; {hoogst}",
    "Alle {soort} te klein om te tonen (< {n})": "All {soort} too small to show (< {n})",
    "{hoogst}; te weinig {soort} met cijfers om verschillen te toetsen": (
        "{hoogst}; too few {soort} with figures to test differences"
    ),
    "{wie} boven": "{wie} above",
    "{wie} onder": "{wie} below",
    " en ": " and ",
    "{delen} de 99,8%-grens: meer verschil dan toeval aannemelijk maakt": (
        "{delen} the 99.8% limit: more difference than chance makes plausible"
    ),
    "Geen {soort} buiten de 99,8%-grenzen; {wie} alleen boven de 95%-grens (aandachtspunt)": (
        "No {soort} outside the 99.8% limits; {wie} only above the 95% limit (watch)"
    ),
    "Alle {soort} binnen de grenzen: de verschillen zijn niet van toeval te onderscheiden": (
        "All {soort} within the limits: the differences cannot be told apart from chance"
    ),
    "Verzuimvenster": "Absence window",
    "Verzuimvenster: geen {soort} meldt vaker én verzuimt meer dan {ref}": (
        "Absence window: no {soort} reports more often and is absent more than {ref}"
    ),
    "Verzuimvenster: {aantal} meldt vaker én verzuimt meer dan {ref}": (
        "Absence window: {aantal} reports more often and is absent more than {ref}"
    ),
    "Verzuimvenster: {aantal} melden vaker én verzuimen meer dan {ref}": (
        "Absence window: {aantal} report more often and are absent more than {ref}"
    ),
    "Verzuimpercentage per maand": "Absence rate per month",
    "{naam}: van {toen} naar {nu} ({periode} tegen een jaar eerder)": (
        "{naam}: from {toen} to {nu} ({periode} against a year earlier)"
    ),
    "Grootste stijging: {naam}, van {toen} naar {nu} ({periode} tegen een jaar eerder)": (
        "Largest rise: {naam}, from {toen} to {nu} ({periode} against a year earlier)"
    ),
    "Overal daling; het sterkst bij {naam}, van {toen} naar {nu} ({periode} tegen een jaar eerder)": (
        "Falling everywhere; most in {naam}, from {toen} to {nu} ({periode} against a year earlier)"
    ),
    "Regelkaart {naam}: groep te klein om te tonen": "Control chart {naam}: group too small to show",
    "Regelkaart {naam}: te weinig maanden met cijfers (minstens 12)": (
        "Control chart {naam}: too few months with figures (at least 12)"
    ),
    "Regelkaart {naam}: geen signalen in de laatste 12 maanden, schommelingen binnen toeval": (
        "Control chart {naam}: no signals in the last 12 months, variation within chance"
    ),
    "Regelkaart {naam}: {n} met een signaal in de laatste 12 maanden ({soort})": (
        "Control chart {naam}: {n} with a signal in the last 12 months ({soort})"
    ),
    "maanden": "months",
    # explanations
    "Hoe kleiner een eenheid, hoe meer haar cijfer door toeval schommelt: één langdurig zieke "
    "collega tilt een kleine afdeling al snel een paar procentpunt op. Daarom lopen de grenzen "
    "naar links (kleinere {grootte}) wijd uit. Een punt binnen de grenzen verschilt niet meer van "
    "het gemiddelde ({doel}) dan toeval aannemelijk maakt; alleen buiten de buitenste "
    "(99,8%-)grens is het verschil duidelijk.": (
        "The smaller a unit, the more its figure moves by chance: one colleague on long-term sick "
        "leave easily lifts a small department by a few percentage points. That is why the limits "
        "open wide to the left (smaller {grootte}). A point within the limits differs from the "
        "average ({doel}) no more than chance makes plausible; only outside the outer (99.8%) "
        "limit is the difference clear."
    ),
    "bezetting": "headcount",
    "φ = {phi}: de eenheden verschillen niet meer dan toeval verwacht, de grenzen zijn niet verbreed.": (
        "φ = {phi}: the units differ no more than chance predicts; the limits are not widened."
    ),
    "φ = {phi} (overdispersie): verzuimdagen hangen samen in ziekmeldingen, waardoor eenheden "
    "onderling {factor} keer zo sterk verschillen als bij losse dagen; de grenzen zijn daarom "
    "{factor} keer zo breed gemaakt.": (
        "φ = {phi} (overdispersion): absence days come in spells, so units differ {factor} times "
        "as much as independent days would; the limits are therefore made {factor} times as wide."
    ),
    "φ = {phi} (overdispersie): eenheden verschillen onderling {factor} keer zo sterk als bij "
    "puur toevallige ziekmeldingen; de grenzen zijn daarom {factor} keer zo breed gemaakt.": (
        "φ = {phi} (overdispersion): units differ {factor} times as much as purely random reports "
        "would; the limits are therefore made {factor} times as wide."
    ),
    "De middenlijn is het gemiddelde van de eerste {n} maanden (de basisperiode); de grenzen "
    "(Laney p′, 3σ) geven aan hoeveel een maand door toeval kan afwijken. Een signaal: een maand "
    "buiten de grenzen, 8 maanden op rij aan één kant van de middenlijn, of 6 maanden op rij "
    "stijgend of dalend. De spreiding komt uit de standaardafwijking van de basisperiode: "
    "verzuim loopt van maand tot maand door (lange ziekmeldingen), en dan zijn grenzen uit "
    "opeenvolgende verschillen te smal.": (
        "The centre line is the average of the first {n} months (the baseline); the limits "
        "(Laney p′, 3σ) show how far a month can stray by chance. A signal: a month outside the "
        "limits, 8 months in a row on one side of the centre line, or 6 months in a row rising or "
        "falling. The spread comes from the standard deviation of the baseline: absence carries "
        "over from month to month (long spells), and then limits from successive differences are "
        "too narrow."
    ),
    # charts
    "binnen de grenzen": "within the limits",
    "boven de 99,8%-grens": "above the 99.8% limit",
    "onder de 99,8%-grens": "below the 99.8% limit",
    "niet getoond (privacy)": "not shown (privacy)",
    "Verborgen eenheden zijn te klein of verborgen om een kleine eenheid ernaast te beschermen; "
    "dezelfde keuze geldt op elke pagina, zodat niets terug te rekenen is.": (
        "Hidden units are too small, or hidden to protect a small unit beside them; the same "
        "choice holds on every page, so that nothing can be worked back."
    ),
    "Alle groepen zijn te klein om te tonen.": "All groups are too small to show.",
    "95%-interval": "95% interval",
    "Funnel": "Funnel",
    "Klik om in te zoomen": "Click to drill down",
    "95%-grenzen": "95% limits",
    "99,8%-grenzen": "99.8% limits",
    "Gemiddelde van deze eenheden": "Average of these units",
    "Niet in de grafiek ({klein}, privacy): {namen}.": "Not in the chart ({klein}, privacy): {namen}.",
    "Omvang: FTE (gemiddeld over de periode)": "Size: FTE (average over the period)",
    "Omvang: bezetting (gemiddeld aantal medewerkers)": (
        "Size: headcount (average number of employees)"
    ),
    "Eenheid (grootte = bezetting)": "Unit (size = headcount)",
    "Gekozen eenheid": "Selected unit",
    "{naam}: {f} per jaar, {p}": "{naam}: {f} per year, {p}",
    "vaak en lang": "often and long",
    "vaak kort": "often, short",
    "weinig maar lang": "seldom but long",
    "weinig en kort": "seldom and short",
    "Meldingsfrequentie (meldingen per medewerker per jaar)": (
        "Notification frequency (reports per employee per year)"
    ),
    "Verzuimpercentage (%)": "Absence rate (%)",
    "Waar namen elkaar zouden overlappen staat de naam alleen bij aanwijzen en in de tabel.": (
        "Where names would overlap, the name shows on hover and in the table only."
    ),
    "Verzuim-%": "Absence %",
    "Regelgrenzen (Laney p′, 3σ)": "Control limits (Laney p′, 3σ)",
    "Middenlijn (gemiddelde basisperiode)": "Centre line (baseline average)",
    "Signaal": "Signal",
    "einde basisperiode": "end of baseline",
    "Deze groep is kleiner dan {n} medewerkers: de cijfers worden niet getoond.": (
        "This group has fewer than {n} employees: figures are not shown."
    ),
    # signals of statistics.signalen
    st.SIGNAAL_BUITEN: "outside the limits",
    st.SIGNAAL_BOVEN: f"{st.RUN} months above the average",
    st.SIGNAAL_ONDER: f"{st.RUN} months below the average",
    st.SIGNAAL_STIJGEND: f"{st.TREND} months rising",
    st.SIGNAAL_DALEND: f"{st.TREND} months falling",
    # tables
    "Verzuimpercentage 95%-interval van": "Absence rate 95% interval from",
    "Verzuimpercentage 95%-interval tot": "Absence rate 95% interval to",
    "Verzuimpercentage in de funnel": "Absence rate in the funnel",
    "Verzuimpercentage een jaar eerder": "Absence rate a year earlier",
    "Meldingsfrequentie 95%-interval van": "Notification frequency 95% interval from",
    "Meldingsfrequentie 95%-interval tot": "Notification frequency 95% interval to",
    "Meldingsfrequentie in de funnel": "Notification frequency in the funnel",
    "Meldingsfrequentie een jaar eerder": "Notification frequency a year earlier",
    "Middenlijn (%)": "Centre line (%)",
    "Ondergrens (%)": "Lower limit (%)",
    "Bovengrens (%)": "Upper limit (%)",
}
