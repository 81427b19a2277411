"""Medewerkersonderzoek: JD-R scales per unit and wave, demands against resources, survey next to
absence."""

from typing import Literal

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard import format as fmt
from dashboard.catalogus import SCHAALGROEPEN, schaal
from dashboard.charts import enquete as grafieken
from dashboard.i18n import t
from dashboard.ui import components, data, pagina, state
from dashboard.veilig import markdown_tekst
from dashboard.views import enquete
from dashboard.views.enquete import Schaalkaart

PAGINA = "medewerkersonderzoek"

selectie, toegang = pagina.selectie()
taal = selectie.taal
ctx = data.context(selectie, toegang)
golven = data.bouw(enquete.metingen, selectie, toegang)
ss = st.session_state

if not golven:
    st.title(t("Medewerkersonderzoek", taal))
    st.info(
        t(
            "Er zijn geen enquêtegegevens voor deze organisatie. Lees een enquête-extract in op de "
            "pagina Gegevens.",
            taal,
        )
    )
    st.stop()

# the page's own choices live in the URL too (selectie.PAGINAPARAMETERS), so that a link
# reproduces them; a value the data does not have falls back to the default
meting = state.pagina_waarde(PAGINA, "meting")
if meting not in golven:
    meting = enquete.standaard_meting(golven, selectie.maand) or ""
niveau = state.pagina_waarde(PAGINA, "niveau")
if niveau not in enquete.NIVEAUS:
    niveau = "afdelingen"

e = data.bouw(enquete.bouw, selectie, toegang, meting=meting, niveau=niveau)
state.zet_pagina_waarde(PAGINA, "meting", e.meting)
# the chosen level, also where this unit does not have it (the view shows 'afdelingen' then): a
# link reproduces the same view, and the choice returns one level up
state.zet_pagina_waarde(PAGINA, "niveau", niveau)


def onthoud(sleutel: str, widget: str) -> None:
    """A widget's choice as the page parameter (callback: before the next run reads it)."""
    state.zet_pagina_waarde(PAGINA, sleutel, ss[widget])


# unit names, waves and scale names come from the imported files: plain text on screen
st.title(markdown_tekst(e.kop))
st.caption(
    markdown_tekst(
        f"{ctx.eenheid_tekst()} · {enquete.meting_tekst(e, taal, met_vorige=True)} · "
        f"{enquete.verzuim_tekst(e, taal)}"
    )
)
vorige = markdown_tekst(e.vorige) if e.vorige else e.vorige
if not selectie.filter.leeg:
    st.info(
        t(
            "De filters op kenmerken gelden niet op deze pagina: het medewerkersonderzoek is per "
            "eenheid samengevat, en het verzuim ernaast is dat van alle medewerkers van die eenheden.",
            taal,
        ),
        icon=":material/filter_alt_off:",
    )


def niveau_tekst(n: str) -> str:
    if n == "afdelingen":
        return t("Afdelingen ({n})", taal, n=e.niveaus[n])
    return t("Onderliggende eenheden ({n})", taal, n=e.niveaus[n])


links, rechts = st.columns([1, 3])
with links:
    ss["enquete_meting"] = e.meting
    st.selectbox(
        t("Meting", taal),
        list(reversed(golven)),
        key="enquete_meting",
        on_change=onthoud,
        args=("meting", "enquete_meting"),
        help=t("Het verzuim ernaast is dat van hetzelfde kalenderjaar.", taal),
    )
with rechts:
    if len(e.niveaus) > 1:
        ss["enquete_niveau"] = e.niveau
        st.segmented_control(
            t("Eenheden", taal),
            list(e.niveaus),
            key="enquete_niveau",
            on_change=onthoud,
            args=("niveau", "enquete_niveau"),
            format_func=niveau_tekst,
            required=True,
        )


def kaart(kolom: DeltaGenerator, k: Schaalkaart) -> None:
    """One scale of the selected unit, with its change since the previous wave."""
    d = k.verschil
    nul = d is None or round(d, k.schaal.decimalen) == 0
    kleur: Literal["off", "inverse", "normal"] = (
        "off" if nul or k.schaal.richting == 0 else "inverse" if k.schaal.richting < 0 else "normal"
    )
    kolom.metric(
        markdown_tekst(enquete.schaal_label(k.schaal, taal)),
        k.waarde(taal),
        delta=fmt.verschil(d, k.schaal.decimalen, "", taal).replace("−", "-") if d is not None else None,
        delta_color=kleur,
        delta_arrow="off" if nul else "auto",
        delta_description=t("sinds {vorige}", taal, vorige=vorige) if d is not None else None,
        help=t("Schaal {van}-{tot}; verschil met meting {vorige}.", taal,
               van=fmt.getal(k.schaal.bereik[0], 0, taal),
               tot=fmt.getal(k.schaal.bereik[1], 0, taal), vorige=vorige or "–"),
    )  # fmt: skip


def kaartgroep(groep: str) -> None:
    kaarten = [k for k in e.kaarten if k.schaal.groep == groep]
    with st.container(border=True):
        st.markdown(f"**{enquete.groep_label(groep, taal)}**")
        for sub, k in zip(st.columns(len(kaarten)), kaarten, strict=True):
            kaart(sub, k)


# the selected unit's scores, by JD-R group, against the previous wave: demands and outcomes
# side by side, the four resources under them (eight cards in one row would cut their labels)
aanwezig = [g for g in SCHAALGROEPEN if any(k.schaal.groep == g for k in e.kaarten)]
boven = [g for g in aanwezig if g != "hulpbronnen"]
if boven:
    for kolom, groep in zip(st.columns(len(boven)), boven, strict=True):
        with kolom:
            kaartgroep(groep)
if "hulpbronnen" in aanwezig:
    kaartgroep("hulpbronnen")

st.subheader(t("Scores per eenheid", taal))
weergave = "score"
if e.vorige:
    weergave = (
        st.segmented_control(
            t("Toon", taal),
            ["score", "verschil"],
            default="score",
            key="enquete_weergave",
            format_func=lambda w: (
                t("score", taal)
                if w == "score"
                else t("verandering sinds {vorige}", taal, vorige=vorige)
            ),
            required=True,
        )
        or "score"
    )
components.grafiek(grafieken.scores(e, ctx, modus=weergave), sleutel="enquete_scores")
if weergave == "verschil":
    kleur = t(
        "Kleur: verbeterd (blauw) of verslechterd (oranje) sinds {vorige}, per schaal in de goede "
        "richting; een verschil staat er alleen bij een eenheid die in beide metingen ten minste "
        "{n} respondenten had.",
        taal,
        vorige=vorige,
        n=e.min_respondenten,
    )
else:
    kleur = t(
        "Kleur: gunstiger (blauw) of ongunstiger (oranje) dan het gemiddelde van de organisatie, "
        "per schaal in de goede richting (hoge werkdruk is ongunstig, veel autonomie gunstig).",
        taal,
    )
gemiddelde = t(
    "Een bovenliggende eenheid en de organisatie krijgen het naar respondenten gewogen "
    "gemiddelde van de eenheden eronder met ten minste {n} respondenten. Eenheden met minder "
    "respondenten zijn grijs (< {n}) en tellen in geen enkel gemiddelde mee, zodat hun scores "
    "er ook niet uit af te leiden zijn.",
    taal,
    n=e.min_respondenten,
)
st.caption(f"{kleur} {gemiddelde}")

if e.zichtbaar == 0:
    st.info(
        t(
            "Geen eenheid hier heeft ten minste {n} respondenten: taakeisen, hulpbronnen en de "
            "samenhang met verzuim worden niet getoond.",
            taal,
            n=e.min_respondenten,
        )
    )
else:
    st.subheader(t("Taakeisen tegenover hulpbronnen", taal))
    components.grafiek(grafieken.eisen_hulpbronnen(e, ctx), sleutel="enquete_jdr")
    st.caption(
        t(
            "Volgens het Job Demands-Resources-model leiden hoge taakeisen vooral tot uitputting en "
            "verzuim als er weinig hulpbronnen tegenover staan. De stippellijnen zijn het gemiddelde "
            "van de organisatie; de grootte van een bol is het aantal respondenten, de kleur het "
            "verzuimpercentage van dezelfde eenheid in het jaar van de meting.",
            taal,
        )
    )

    st.subheader(t("Medewerkersonderzoek naast verzuim", taal))
    schalen = [s.sleutel for s in e.schalen]
    gekozen = state.pagina_waarde(PAGINA, "schaal")
    if gekozen not in schalen:
        gekozen = enquete.standaard_schaal(e) or schalen[-1]
    state.zet_pagina_waarde(PAGINA, "schaal", gekozen)
    ss["enquete_schaal"] = gekozen
    st.columns([1, 2])[0].selectbox(
        t("Schaal", taal),
        schalen,
        key="enquete_schaal",
        on_change=onthoud,
        args=("schaal", "enquete_schaal"),
        format_func=lambda s: enquete.schaal_label(schaal(s), taal),
    )
    components.grafiek(
        grafieken.schaal_verzuim(e, ctx, schaal_sleutel=gekozen), sleutel="enquete_verzuim"
    )
    st.markdown(markdown_tekst(enquete.samenhang_tekst(e, gekozen, taal)))

drill = enquete.inzoomen(e, ctx)
if drill:
    with st.expander(t("Inzoomen op een eenheid", taal)):
        knoppen = st.columns(3)
        for i, (code, naam) in enumerate(drill):
            knoppen[i % 3].button(
                markdown_tekst(naam), key=f"enquete_in_{code}", on_click=state.kies_eenheid, args=(code,),
                width="stretch",
            )  # fmt: skip

st.divider()
components.pagina_pptx(
    e.kop,
    f"{ctx.eenheid_tekst()} · {enquete.meting_tekst(e, taal, met_vorige=True)}",
    taal,
    sleutel="enquete_pptx",
)
