"""Maandoverleg: the monthly consultation as steps (agenda, last time, three messages, key
figures, trend, the departments chosen beforehand with drill-in, duration, pilots, survey,
agreements), on the page or on a 1920×1080 presentation stage, with the deck and the workbook."""

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace

import streamlit as st

from dashboard import afspraken, rollen
from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.exports import overleg as mo
from dashboard.i18n import t
from dashboard.ui import components, data, pagina, podium, state
from dashboard.veilig import csv_frame, markdown_tekst, url_geheel
from dashboard.views import overzicht
from dashboard.views.afdelingen import teksten as afdelingen_teksten

PAGINA = "maandoverleg"

selectie, toegang = pagina.selectie()
taal = selectie.taal
ctx = data.context(selectie, toegang)
store = data.store()
presentatie = state.pagina_waarde(PAGINA, "presentatie") == "1"
ss = st.session_state
# who records agreements: an adviseur of the organisation (the data layer checks it too)
wie = pagina.gebruiker()
mag_schrijven = wie.mag("adviseur", selectie.organisatie)

# -- the meeting's choices (level, units, pilots, scales): in the URL, saved with the meeting --
opties = data.bouw(mo.opties, selectie, toegang)
gevraagd = mo.Keuze.van_url({p: state.pagina_waarde(PAGINA, p) for p in mo.keuze.PARAMETERS})
keuze = mo.vastgesteld(opties, gevraagd)

# only the step on screen is built; the list of steps is found cheaply
vorige = mo.vorige_stap(store, ctx)
sleutels = [
    "agenda",
    *(["vorige"] if vorige else []),
    *data.bouw(mo.inhoud_sleutels, selectie, toegang, keuze=keuze),
    "afspraken",
]
nummer = min(max(url_geheel(state.pagina_waarde(PAGINA, "stap"), 1), 1), len(sleutels))
sleutel = sleutels[nummer - 1]
inzoom = state.pagina_waarde(PAGINA, "inzoom") if mo.soort(sleutel) == "afdelingen" else ""

gebouwd: mo.Stap | None
if inzoom:
    gebouwd = data.bouw(mo.inzoom, selectie, toegang, eenheid=inzoom)
elif sleutel == "agenda":
    gebouwd = data.bouw(mo.agenda, selectie, toegang, sleutels=tuple(sleutels), keuze=keuze)
elif sleutel == "vorige":
    gebouwd = vorige
elif sleutel == "afspraken":
    gebouwd = None
else:
    gebouwd = data.bouw(mo.stap, selectie, toegang, sleutel=sleutel, keuze=keuze)
stap: mo.Stap = gebouwd or mo.afspraken_stap(store, ctx)


def ga_naar(n: int) -> None:
    """Go to step n (1-based); leaves a drill-in. The step is kept in the URL."""
    state.zet_pagina_waarde(PAGINA, "stap", min(max(n, 1), len(sleutels)))
    state.zet_pagina_waarde(PAGINA, "inzoom", "")


def zoom_in(eenheid: str) -> None:
    """Drill into one department (stays on the Afdelingen step)."""
    state.zet_pagina_waarde(PAGINA, "inzoom", eenheid)


def presenteer(aan: bool) -> None:
    """Start or stop the presentation stage."""
    state.zet_pagina_waarde(PAGINA, "presentatie", "1" if aan else "")


def kies(naam: str, sleutel_: str) -> None:
    """Store one of the meeting's choices (a multiselect's callback) in the URL."""
    waarde = ss[sleutel_]
    if naam == "niveau":
        state.zet_pagina_waarde(PAGINA, "niveau", waarde)
        state.zet_pagina_waarde(PAGINA, "eenheden", "")  # the standard units of the new level
        return
    nieuw = mo.Keuze(**{naam: tuple(waarde)})  # type: ignore[arg-type]
    state.zet_pagina_waarde(PAGINA, naam, nieuw.naar_url()[naam])


def verwijder(afspraak_id: int, vraag: str) -> None:
    """Delete an agreement after 'Echt verwijderen'."""
    afspraken.verwijder(store, afspraak_id, wie=wie)
    ss.pop(vraag, None)


def afspraak_tekst(a: afspraken.Afspraak) -> str:
    """An agreement as a heading with owner and deadline underneath; text shows as typed."""
    delen = [markdown_tekst(a.eigenaar)] if a.eigenaar else []
    if a.deadline:
        delen.append(t("uiterlijk {datum}", taal, datum=fmt.datum(a.deadline, taal)))
    wie = f"  \n*{' · '.join(delen)}*" if delen else ""
    return f"#### {markdown_tekst(a.tekst)}{wie}"


def status_keuze(a: afspraken.Afspraak, prefix: str) -> None:
    """A select box that changes an agreement's status at once."""
    sleutel_ = f"{prefix}_{a.afspraak_id}"
    if not mag_schrijven:
        st.markdown(mo.statusnaam(a.status, taal))
        return
    st.selectbox(
        t("Status", taal), afspraken.STATUSSEN, index=afspraken.STATUSSEN.index(a.status),
        key=sleutel_, format_func=lambda s: mo.statusnaam(s, taal),
        on_change=lambda: afspraken.zet_status(
            store, a.afspraak_id or 0, ss[sleutel_], wie=wie, in_overleg=selectie.maand
        ),
        label_visibility="collapsed",
    )  # fmt: skip


def hoogte_voor(extra: int = 0) -> int:
    """Room for a chart: the stage's room under the title, or a fixed height on the page."""
    if presentatie:
        return podium.hoogte_over(stap.titel, stap.ondertitel, extra=extra)
    return 560


def toon_grafiek(s: mo.Stap, extra: int = 0) -> None:
    if s.grafiek is None:
        return
    g = s.grafiek
    if presentatie:
        # the stage says the title and subtitle once, large; the chart keeps its plot only
        fig = theme.voor_presentatie(g.figuur, hoogte_voor(extra))
        # the stage's content width (Streamlit replaces it with the width it measures; the
        # stage's frame for charts makes that measurement come out at this width too)
        fig.update_layout(width=podium.INHOUD_BREEDTE, autosize=False)
        g = replace(g, figuur=fig)
        with podium.grafiek(int(fig.layout.height or hoogte_voor(extra))):
            components.grafiek(g, sleutel=f"maandoverleg_{s.sleutel}", alleen_grafiek=True)
        return
    g.figuur.update_layout(height=560)
    components.grafiek(g, sleutel=f"maandoverleg_{s.sleutel}")


# -- the frame: on the stage, or on the page with the preparation and the step chooser ----------
if presentatie:
    podium.begin()
    with st.container(key="podium_kopregel"):
        st.markdown(
            f"{t('Maandoverleg', taal)} · {markdown_tekst(ctx.boom.naam(selectie.organisatie))} · "
            f"{fmt.maand(selectie.maand, taal, lang=True)}"
        )
else:
    st.caption(
        t("Maandoverleg", taal)
        + f" · {markdown_tekst(ctx.boom.naam(selectie.organisatie))}"
        + f" · {fmt.maand(selectie.maand, taal, lang=True)}"
    )
    with st.expander(t("Overleg voorbereiden", taal), icon=":material/tune:"):
        st.caption(
            t(
                "Kies vóór het overleg wat u bespreekt. De keuze staat in de link van deze pagina: "
                "bewaar of deel die link, dan opent het overleg zo.",
                taal,
            )
        )
        k1, k2 = st.columns(2)
        niveaus = list(opties.niveaus)
        if niveaus:
            ss["maandoverleg_kies_niveau"] = keuze.niveau
            k1.selectbox(
                t("Niveau van de afdelingen", taal), niveaus, key="maandoverleg_kies_niveau",
                format_func=lambda n: afdelingen_teksten.niveau_label(ctx.boom, selectie.organisatie, n, taal),
                on_change=kies, args=("niveau", "maandoverleg_kies_niveau"),
            )  # fmt: skip
            ss["maandoverleg_kies_eenheden"] = list(keuze.eenheden or ())
            k2.multiselect(
                t("Afdelingen", taal), list(opties.eenheden.get(keuze.niveau or 0, ())),
                key="maandoverleg_kies_eenheden", format_func=ctx.boom.naam,
                on_change=kies, args=("eenheden", "maandoverleg_kies_eenheden"),
            )  # fmt: skip
        ss["maandoverleg_kies_pilots"] = list(keuze.pilots or ())
        k1.multiselect(
            t("Pilots", taal), list(opties.pilots), key="maandoverleg_kies_pilots",
            on_change=kies, args=("pilots", "maandoverleg_kies_pilots"),
            placeholder=t("geen pilot", taal),
        )  # fmt: skip
        schaalnamen = {sleutel_: t(label, taal) for sleutel_, label in opties.schalen}
        ss["maandoverleg_kies_schalen"] = list(keuze.schalen or ())
        k2.multiselect(
            t("Schalen van het medewerkersonderzoek", taal), list(schaalnamen),
            key="maandoverleg_kies_schalen", format_func=lambda s: schaalnamen.get(s, s),
            on_change=kies, args=("schalen", "maandoverleg_kies_schalen"),
            placeholder=t("geen schaal", taal),
        )  # fmt: skip
    boven = st.columns([6, 1.6])
    with boven[0]:
        # pills wrap onto a second row on a laptop; a segmented control cuts the last steps off
        st.pills(
            t("Stap", taal),
            list(range(1, len(sleutels) + 1)),
            format_func=lambda i: f"{i}. {mo.kort(sleutels[i - 1], taal)}",
            key=f"maandoverleg_stapkeuze_{nummer}",
            default=nummer,
            on_change=lambda: ga_naar(ss[f"maandoverleg_stapkeuze_{nummer}"] or nummer),
            label_visibility="collapsed",
        )
    with boven[1]:
        st.button(
            t("Presentatie starten", taal), icon=":material/slideshow:", on_click=presenteer,
            args=(True,), type="primary", width="stretch", key="maandoverleg_start",
        )  # fmt: skip

# titles, subtitles and points are plain text (the deck uses them too) with names in them
st.title(markdown_tekst(stap.titel))
if stap.ondertitel:
    st.caption(markdown_tekst(stap.ondertitel))

soort = mo.soort(stap.sleutel)
if soort == "agenda":
    # numbered as the steps they are (the agenda itself is step 1)
    st.markdown("\n".join(f"{i}. {markdown_tekst(p)}" for i, p in enumerate(stap.punten, 2)))
elif soort == "boodschappen":
    if not stap.boodschappen:
        st.info(t("Deze maand valt niets op dat de cijfers als echt verschil aanwijzen.", taal))
    kolommen = st.columns(max(len(stap.boodschappen), 1))
    for kolom, b in zip(kolommen, stap.boodschappen, strict=False):
        with kolom, st.container(border=True, height="stretch"):
            st.markdown(f"### {markdown_tekst(b.tekst)}")
            st.markdown(markdown_tekst(b.onderbouwing))
            doel = b.stap if b.stap in sleutels else ""
            if doel:
                st.button(
                    t("Naar {stap}", taal, stap=mo.stapnaam(doel, taal)),
                    key=f"maandoverleg_naar_{doel}", on_click=ga_naar,
                    args=(sleutels.index(doel) + 1,), icon=":material/arrow_forward:",
                )  # fmt: skip
elif soort in ("kerncijfers", "inzoom"):
    o = data.bouw(
        overzicht.bouw, replace(selectie, eenheid=inzoom) if inzoom else selectie, toegang
    )
    components.kaarten(o.kaarten, selectie.vergelijking, taal, o.frequent_aantal)
    if soort == "inzoom":
        st.button(
            "← " + t("Terug naar de afdelingen", taal), key="maandoverleg_terug",
            on_click=zoom_in, args=("",),
        )  # fmt: skip
        toon_grafiek(stap, extra=260)
elif soort == "vorige":
    _, lijst = afspraken.vorige_keer(store, selectie.organisatie, selectie.maand)
    for a in lijst:
        links, rechts = st.columns([5, 1.2])
        links.markdown(afspraak_tekst(a))
        with rechts:
            status_keuze(a, "maandoverleg_status")
elif soort == "afspraken":
    lijst = afspraken.van_overleg(store, selectie.organisatie, selectie.maand)
    for a in lijst:
        links, midden, rechts = st.columns([5, 1.2, 1])
        links.markdown(afspraak_tekst(a))
        with midden:
            status_keuze(a, "maandoverleg_nu")
        weg = f"maandoverleg_weg_{a.afspraak_id}"
        with rechts:
            if not mag_schrijven:
                pass
            elif ss.get(weg):
                st.button(
                    t("Echt verwijderen", taal), key=f"{weg}_ja", type="primary",
                    on_click=verwijder, args=(a.afspraak_id or 0, weg),
                )  # fmt: skip
                st.button(
                    t("Niet verwijderen", taal), key=f"{weg}_nee",
                    on_click=ss.pop, args=(weg, None),
                )  # fmt: skip
            else:
                st.button(
                    t("Verwijderen", taal), key=f"{weg}_knop", icon=":material/delete:",
                    on_click=lambda w=weg: ss.update({w: True}),
                )  # fmt: skip
    if not lijst:
        st.info(t("Nog geen afspraken voor dit overleg.", taal))

    def leg_vast() -> None:
        """Store the new agreement (a callback: it runs before the page, whatever reruns)."""
        try:
            afspraken.bewaar(
                store,
                afspraken.Afspraak(
                    selectie.organisatie, selectie.maand, ss["maandoverleg_tekst"],
                    ss["maandoverleg_wie"], deadline=ss.get("maandoverleg_deadline"),
                ),
                wie=wie,
            )  # fmt: skip
            ss["maandoverleg_fout"] = ""
            ss["maandoverleg_tekst"] = ss["maandoverleg_wie"] = ""
            ss["maandoverleg_deadline"] = None
        except afspraken.AfspraakFout as fout:
            ss["maandoverleg_fout"] = t(str(fout), taal)
        except rollen.Geweigerd as fout:  # the data layer's own check (Dutch)
            ss["maandoverleg_fout"] = str(fout)

    if not mag_schrijven:
        st.caption(t("Afspraken vastleggen kan met de rol adviseur voor deze organisatie.", taal))
    if mag_schrijven:
        with st.form("maandoverleg_nieuw", border=True):
            st.text_area(
                t("Nieuwe afspraak", taal), max_chars=500, key="maandoverleg_tekst",
                height=90 if presentatie else None,
            )  # fmt: skip
            w1, w2 = st.columns(2)
            w1.text_input(t("Wie", taal), max_chars=80, key="maandoverleg_wie")
            w2.date_input(
                t("Uiterlijk", taal), value=None, key="maandoverleg_deadline", format="DD-MM-YYYY",
                min_value=selectie.maand.eerste_dag,
                max_value=selectie.maand.eerste_dag + dt.timedelta(days=3 * 366),
            )  # fmt: skip
            st.form_submit_button(t("Afspraak vastleggen", taal), type="primary", on_click=leg_vast)
    if ss.get("maandoverleg_fout"):
        st.error(ss["maandoverleg_fout"])
else:
    extra = 0
    if soort == "afdelingen":
        drilbaar = data.bouw(mo.drilbaar, selectie, toegang, keuze=keuze)
        if drilbaar:
            namen = dict(drilbaar)
            z1, z2, _rest = st.columns([3, 1.2, 3], vertical_alignment="bottom")
            z1.selectbox(
                t("Inzoomen op", taal), list(namen), key="maandoverleg_zoom",
                format_func=lambda c: namen.get(c, c),
            )  # fmt: skip
            z2.button(
                t("Inzoomen", taal), key="maandoverleg_zoomknop", icon=":material/zoom_in:",
                on_click=lambda: zoom_in(ss["maandoverleg_zoom"]), width="stretch",
            )  # fmt: skip
            extra = 120
    if presentatie:
        extra += podium.lijst_hoogte(stap.punten)
    toon_grafiek(stap, extra=extra)
    if stap.grafiek is None and stap.tabel is not None:
        st.dataframe(fmt.tabel_tekst(csv_frame(stap.tabel), taal), hide_index=True, width="stretch")
    if stap.punten:
        st.markdown("\n".join(f"- {markdown_tekst(p)}" for p in stap.punten))


def _bestand(soort_: str, maak: Callable[..., bytes], label: str, mime: str, naam: str) -> None:
    """A whole-meeting export in two clicks: make it (with progress), then download it; a
    failure is said in Dutch, never silent."""
    klaar = f"maandoverleg_{soort_}_klaar"
    # the click is remembered until the file is made (a rerun in between loses no click)
    gevraagd_ = f"maandoverleg_{soort_}_gevraagd"
    st.button(
        label, key=f"maandoverleg_{soort_}_maak", icon=":material/download:",
        on_click=ss.update, args=({gevraagd_: True},),
    )  # fmt: skip
    if ss.pop(gevraagd_, False):
        balk = st.progress(0.0, text=t("Bezig…", taal))
        try:
            ss[klaar] = maak(
                store, ctx, keuze,
                voortgang=lambda i, n, wat: balk.progress(
                    min(i / max(n, 1), 1.0), text=t("Stap {i} van {n}: {wat}", taal, i=i, n=n, wat=wat)
                ),
            )  # fmt: skip
            balk.empty()
        except Exception:  # any failure: a message, the log, never a silent button
            balk.empty()
            ss.pop(klaar, None)
            logging.getLogger(__name__).exception("maandoverleg: %s failed", soort_)
            st.error(
                t("Het bestand kon niet worden gemaakt. Probeer het opnieuw of meld het.", taal)
            )
    if ss.get(klaar):
        st.download_button(
            t("Opslaan", taal) + f": {naam}", ss[klaar], file_name=naam, mime=mime,
            key=f"maandoverleg_{soort_}_opslaan", icon=":material/save:", type="primary",
            on_click="ignore",
        )  # fmt: skip


if presentatie:
    podium.balk(nummer, len(sleutels), stap.naam, ga_naar, lambda: presenteer(False), taal)
else:
    st.divider()
    terug, midden, volgend = st.columns([1, 3, 1])
    terug.button(
        "← " + t("Vorige", taal), on_click=ga_naar, args=(nummer - 1,), disabled=nummer == 1,
        width="stretch", key="maandoverleg_vorige",
    )  # fmt: skip
    midden.markdown(
        f"<p style='text-align:center'>{t('Stap', taal)} {nummer} / {len(sleutels)} · "
        f"{markdown_tekst(stap.naam)}</p>",
        unsafe_allow_html=True,
    )
    volgend.button(
        t("Volgende", taal) + " →", on_click=ga_naar, args=(nummer + 1,),
        disabled=nummer == len(sleutels), width="stretch", type="primary",
        key="maandoverleg_volgende",
    )  # fmt: skip
    basis = f"maandoverleg-{selectie.organisatie.lower()}-{selectie.maand}"
    d1, d2 = st.columns(2)
    with d1:
        _bestand(
            "deck", mo.deck, t("Het hele overleg als PowerPoint", taal), components.PPTX_MIME,
            f"{basis}.pptx",
        )  # fmt: skip
    with d2:
        _bestand(
            "werkboek", mo.werkboek, t("Het hele overleg als Excel-werkboek", taal),
            components.XLSX_MIME, f"{basis}.xlsx",
        )  # fmt: skip
