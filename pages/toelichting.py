"""Toelichting: every definition with its formula, the benchmark sources, the privacy rules."""

import streamlit as st

from dashboard import config, definitions
from dashboard.benchmarks import CBS_BRON, RIJK_BRON
from dashboard.i18n import t
from dashboard.ui import pagina

selectie, _ = pagina.selectie()
taal = selectie.taal
instellingen = config.settings()

st.title(t("Toelichting: definities en bronnen", taal))
st.markdown(
    t(
        "De cijfers volgen de Nederlandse standaard voor verzuimstatistiek, de *Standaard "
        "berekening van ziekteverzuim* (1996), zoals CBS en Vernet die gebruiken, en zijn exact "
        "gemaakt waar de standaard een keuze laat.",
        taal,
    )
)

st.header(t("Notatie", taal))
st.markdown(t(definitions.NOTATIE, taal))

st.header(t("Definities", taal))
for d in definitions.DEFINITIES:
    with st.container(border=True):
        st.subheader(t(d.naam, taal))
        st.markdown(t(d.uitleg, taal))
        st.code(d.formule, language=None, wrap_lines=True)

st.markdown(
    t(
        "**Weergave.** Percentages met één decimaal (5,3%), de meldingsfrequentie met twee (1,24), "
        "de verzuimduur met één (12,4 dagen). Maanden na de peildatum worden nooit getoond; de "
        "maand van de peildatum alleen als de peildatum de laatste dag van die maand is. "
        "Verzuimgevallen zonder einde tellen mee tot en met de peildatum.",
        taal,
    )
)

st.header(t("Signaal of toeval: de methoden", taal))
for d in definitions.METHODEN:
    with st.container(border=True):
        st.subheader(t(d.naam, taal))
        st.markdown(t(d.uitleg, taal))
        st.code(d.formule, language=None, wrap_lines=True)

st.header(t("Privacy", taal))
st.markdown(t(definitions.PRIVACY, taal, n=instellingen.min_groep, r=instellingen.min_respondenten))
st.markdown(t(definitions.PRIVACY_UITLEG, taal, n=instellingen.min_groep))
st.markdown(
    t(
        "Extracten met directe identificatie (namen, BSN, e-mail, adres, postcode, "
        "telefoonnummer, geboortedatum) of medische informatie (diagnose, oorzaak, aandoening, "
        "medische notities) worden bij het inlezen geweigerd; de Autoriteit Persoonsgegevens staat "
        "een werkgever niet toe zulke gegevens over ziekte te registreren.",
        taal,
    )
)

st.header(t("Bronnen van de vergelijkingscijfers", taal))
st.markdown(
    t(
        "- **CBS, sector openbaar bestuur en overheidsdiensten (O)**: ziekteverzuimpercentage per "
        "kwartaal. Bron: {cbs}. Voorlopige cijfers zijn in de grafiek gemarkeerd.\n"
        "- **Het Rijk volgens P-Direkt**: verzuimpercentage per maand van de organisaties waarvan "
        "P-Direkt de personeelsadministratie voert, januari 2018 tot en met augustus 2022, met de "
        "verdeling over duurklassen. Dat is niet de hele rijksoverheid: Defensie ontbreekt, en de "
        "groep groeit (11 organisaties in 2018, 15-16 in 2019, 16-17 vanaf 2020), zodat de reeks "
        "breuken heeft in januari 2019 en januari 2020. De delen tellen op tot het totaal op 0,01 "
        "na (afronding). Bron: {rijk}.\n\n"
        "Vergelijk met beleid: het CBS meet per kwartaal over een steekproef van bedrijven en "
        "instellingen; kleine verschillen met de eigen cijfers zeggen weinig.",
        taal,
        cbs=CBS_BRON,
        rijk=RIJK_BRON,
    )
)

st.header(t("Gegevens en verantwoording", taal))
st.markdown(
    t(
        "Verzuimzicht leest geanonimiseerde extracten (organisatie, personeel, verzuim, "
        "medewerkersonderzoek) in een eigen gegevensopslag. Elke import vervangt de vorige stand "
        "voor de organisaties die hij bevat, in één keer of helemaal niet, en wordt vastgelegd "
        "(wanneer, door wie, welk bestand met welke controlesom). De vorige stand blijft bewaard en "
        "kan worden teruggezet op de pagina Gegevens.",
        taal,
    )
)
