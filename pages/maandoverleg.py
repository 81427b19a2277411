"""Maandoverleg: the monthly consultation as full-screen steps, with agreements and a deck."""

import streamlit as st

from dashboard import afspraken
from dashboard import format as fmt
from dashboard.exports import overleg as mo
from dashboard.i18n import t
from dashboard.ui import components, data, pagina
from dashboard.veilig import csv_frame, markdown_tekst, url_geheel

selectie, toegang = pagina.selectie()
taal = selectie.taal
ctx = data.context(selectie, toegang)
store = data.store()
presentatie = pagina.presentatie()

# only the step on screen is built; the list of steps is found cheaply
vorige = mo.vorige_stap(store, ctx)
sleutels = [
    *(["vorige"] if vorige else []),
    *data.bouw(mo.inhoud_sleutels, selectie, toegang),
    "afspraken",
]
nummer = min(max(url_geheel(st.query_params.get("stap"), 1), 1), len(sleutels))
sleutel = sleutels[nummer - 1]
if sleutel == "vorige" and vorige is not None:
    stap = vorige
elif sleutel == "afspraken":
    stap = mo.afspraken_stap(store, ctx)
else:
    stap = data.bouw(mo.stap, selectie, toegang, sleutel=sleutel) or mo.afspraken_stap(store, ctx)


def _afspraak_tekst(a: afspraken.Afspraak) -> str:
    """An agreement as a heading with its owner underneath; what was typed shows as typed."""
    wie = f"  \n*{markdown_tekst(a.eigenaar)}*" if a.eigenaar else ""
    return f"### {markdown_tekst(a.tekst)}{wie}"


def ga_naar(n: int) -> None:
    """Go to step n (1-based); the step is kept in the URL."""
    st.query_params["stap"] = str(min(max(n, 1), len(sleutels)))


def presenteer(aan: bool) -> None:
    """Start or stop presentation mode (no sidebar, no chrome, large type)."""
    if aan:
        st.query_params["presentatie"] = "1"
    elif "presentatie" in st.query_params:
        del st.query_params["presentatie"]


if presentatie:
    st.markdown(pagina.PRESENTATIE_CSS, unsafe_allow_html=True)
else:
    st.caption(
        t("Maandoverleg", taal)
        + f" · {markdown_tekst(ctx.boom.naam(selectie.organisatie))}"
        + f" · {fmt.maand(selectie.maand, taal, lang=True)}"
    )
    boven = st.columns([6, 1.6])
    with boven[0]:
        st.segmented_control(
            t("Stap", taal),
            list(range(1, len(sleutels) + 1)),
            format_func=lambda i: f"{i}. {mo.kort(sleutels[i - 1], taal)}",
            key=f"maandoverleg_stapkeuze_{nummer}",
            default=nummer,
            on_change=lambda: ga_naar(
                st.session_state[f"maandoverleg_stapkeuze_{nummer}"] or nummer
            ),
            label_visibility="collapsed",
        )
    with boven[1]:
        st.button(
            t("Presentatie starten", taal),
            icon=":material/slideshow:",
            on_click=presenteer,
            args=(True,),
            type="primary",
            width="stretch",
        )

# titles, subtitles and points are plain text (the deck uses them too) with names in them
st.title(markdown_tekst(stap.titel))
if stap.ondertitel:
    st.caption(markdown_tekst(stap.ondertitel))

if stap.sleutel == "kerncijfers":
    o = data.bouw(mo.overzicht.bouw, selectie, toegang)
    components.kaarten(o.kaarten, selectie.vergelijking, taal, o.frequent_aantal)
elif stap.sleutel == "vorige":
    _, lijst = afspraken.vorige_keer(store, selectie.organisatie, selectie.maand)
    for a in lijst:
        links, rechts = st.columns([5, 1])
        links.markdown(_afspraak_tekst(a))
        rechts.selectbox(
            "Status",
            afspraken.STATUSSEN,
            index=afspraken.STATUSSEN.index(a.status),
            key=f"maandoverleg_status_{a.afspraak_id}",
            on_change=lambda i=a.afspraak_id: afspraken.zet_status(
                store, i, st.session_state[f"maandoverleg_status_{i}"]
            ),
        )
elif stap.sleutel == "afspraken":
    lijst = afspraken.van_overleg(store, selectie.organisatie, selectie.maand)
    for a in lijst:
        links, rechts = st.columns([6, 1])
        links.markdown(_afspraak_tekst(a))
        rechts.button(
            t("Verwijderen", taal),
            key=f"maandoverleg_weg_{a.afspraak_id}",
            on_click=afspraken.verwijder,
            args=(store, a.afspraak_id),
            icon=":material/delete:",
        )
    if not lijst:
        st.info(t("Nog geen afspraken voor dit overleg.", taal))

    def leg_vast() -> None:
        """Store the new agreement (a callback: it runs before the page, whatever reruns)."""
        ss = st.session_state
        try:
            afspraken.bewaar(
                store,
                afspraken.Afspraak(
                    selectie.organisatie,
                    selectie.maand,
                    ss["maandoverleg_tekst"],
                    ss["maandoverleg_wie"],
                ),
            )
            ss["maandoverleg_fout"] = ""
            ss["maandoverleg_tekst"] = ss["maandoverleg_wie"] = ""
        except afspraken.AfspraakFout as fout:
            ss["maandoverleg_fout"] = str(fout)

    with st.form("maandoverleg_nieuw", border=True):
        st.text_area(t("Nieuwe afspraak", taal), max_chars=500, key="maandoverleg_tekst")
        st.text_input(t("Wie", taal), max_chars=80, key="maandoverleg_wie")
        st.form_submit_button(t("Afspraak vastleggen", taal), type="primary", on_click=leg_vast)
    if st.session_state.get("maandoverleg_fout"):
        st.error(st.session_state["maandoverleg_fout"])

if stap.grafiek is not None:
    stap.grafiek.figuur.update_layout(height=680 if presentatie else 560)
    if presentatie:
        # the step's title is the chart's title: on the shared screen it is said once, large
        stap.grafiek.figuur.update_layout(title_text="")
    components.grafiek(
        stap.grafiek, sleutel=f"maandoverleg_{stap.sleutel}", alleen_grafiek=presentatie
    )
elif stap.tabel is not None and stap.sleutel != "kerncijfers":
    st.dataframe(fmt.tabel_tekst(csv_frame(stap.tabel), taal), hide_index=True, width="stretch")
if stap.punten and stap.sleutel not in ("vorige", "afspraken"):
    st.markdown("\n".join(f"- {markdown_tekst(p)}" for p in stap.punten))

st.divider()
vorig, midden, volgend = st.columns([1, 3, 1])
vorig.button(
    "← " + t("Vorige", taal),
    on_click=ga_naar,
    args=(nummer - 1,),
    disabled=nummer == 1,
    width="stretch",
    key="maandoverleg_vorige",
)
midden.markdown(
    f"<p style='text-align:center'>{t('Stap', taal)} {nummer} / {len(sleutels)} · {stap.naam}</p>",
    unsafe_allow_html=True,
)
volgend.button(
    t("Volgende", taal) + " →",
    on_click=ga_naar,
    args=(nummer + 1,),
    disabled=nummer == len(sleutels),
    width="stretch",
    type="primary",
    key="maandoverleg_volgende",
)

if presentatie:
    st.button(
        t("Presentatie stoppen", taal),
        on_click=presenteer,
        args=(False,),
        key="maandoverleg_stop",
    )
else:
    st.download_button(
        t("Download het hele overleg als PowerPoint", taal),
        lambda: mo.deck(store, ctx),
        file_name=f"maandoverleg-{selectie.organisatie.lower()}-{selectie.maand}.pptx",
        mime=components.PPTX_MIME,
        icon=":material/slideshow:",
        on_click="ignore",
        key="maandoverleg_deck",
    )
