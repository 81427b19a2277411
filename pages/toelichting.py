"""Toelichting: every definition with its formula, the benchmark sources, the privacy rules."""

import streamlit as st

from dashboard import config, definitions
from dashboard.benchmarks import CBS_BRON, RIJK_BRON
from dashboard.ui import pagina

selectie, _ = pagina.selectie()
engels = selectie.taal == "en"
instellingen = config.settings()

st.title("Definitions and sources" if engels else "Toelichting: definities en bronnen")
if engels:
    st.info(
        "The definitions are the product's contract and are kept in Dutch, the language of the "
        "Dutch standard for absence statistics. Short English summaries are given per metric."
    )
st.markdown(
    "De cijfers volgen de Nederlandse standaard voor verzuimstatistiek, de *Standaard berekening "
    "van ziekteverzuim* (1996), zoals CBS en Vernet die gebruiken, en zijn exact gemaakt waar de "
    "standaard een keuze laat."
)

st.header("Notatie")
st.markdown(definitions.NOTATIE)

st.header("Definities")
for d in definitions.DEFINITIES:
    with st.container(border=True):
        st.subheader(d.naam)
        st.markdown(d.uitleg)
        st.code(d.formule, language=None, wrap_lines=True)
        if engels:
            st.caption(f"{d.name_en}: {d.explanation_en}")

st.markdown(
    "**Weergave.** Percentages met één decimaal (5,3%), de meldingsfrequentie met twee (1,24), de "
    "verzuimduur met één (12,4 dagen). Maanden na de peildatum worden nooit getoond; de maand van "
    "de peildatum alleen als de peildatum de laatste dag van die maand is. Verzuimgevallen zonder "
    "einde tellen mee tot en met de peildatum."
)

st.header("Privacy")
st.markdown(definitions.PRIVACY.format(n=instellingen.min_groep, r=instellingen.min_respondenten))
st.markdown(definitions.PRIVACY_UITLEG.format(n=instellingen.min_groep))
st.markdown(
    "Extracten met directe identificatie (namen, BSN, e-mail, adres, postcode, telefoonnummer, "
    "geboortedatum) of medische informatie (diagnose, oorzaak, aandoening, medische notities) "
    "worden bij het inlezen geweigerd; de Autoriteit Persoonsgegevens staat een werkgever niet toe "
    "zulke gegevens over ziekte te registreren."
)

st.header("Bronnen van de vergelijkingscijfers")
st.markdown(
    f"- **CBS, sector openbaar bestuur en overheidsdiensten (O)**: ziekteverzuimpercentage per "
    f"kwartaal. Bron: {CBS_BRON}. Voorlopige cijfers zijn in de grafiek gemarkeerd.\n"
    f"- **Rijksoverheid**: verzuimpercentage per maand van het Rijk als geheel, 2018 tot en met "
    f"augustus 2022, met de verdeling over duurklassen. Bron: {RIJK_BRON}.\n\n"
    "Vergelijk met beleid: het CBS meet per kwartaal over een steekproef van bedrijven en "
    "instellingen; kleine verschillen met de eigen cijfers zeggen weinig."
)

st.header("Gegevens en verantwoording")
st.markdown(
    "Verzuimzicht leest geanonimiseerde extracten (organisatie, personeel, verzuim, "
    "medewerkersonderzoek) in een eigen gegevensopslag. Elke import vervangt de vorige stand voor "
    "de organisaties die hij bevat, in één keer of helemaal niet, en wordt vastgelegd (wanneer, door "
    "wie, welk bestand met welke controlesom). De vorige stand blijft bewaard en kan worden "
    "teruggezet op de pagina Gegevens."
)
