"""Pilots: the pilots of the organisation, a form to define one, and one pilot before and after."""

import datetime as dt

import streamlit as st

from dashboard import config, pilots
from dashboard import format as fmt
from dashboard.charts import pilots as grafiek
from dashboard.i18n import t
from dashboard.metrics import SelectieFout
from dashboard.periods import Maand
from dashboard.pilots import Pilot, PilotFout
from dashboard.rollen import Geweigerd
from dashboard.ui import components, data, pagina, state
from dashboard.veilig import markdown_cellen, markdown_tekst, url_geheel
from dashboard.views import pilots as view
from dashboard.views.pilots import teksten

selectie, toegang = pagina.selectie()
taal = selectie.taal
ctx = data.context(selectie, toegang)
boom = ctx.boom
store = data.store()
org = selectie.organisatie
#: adviseurs (and beheerders) of this organisation change pilots; a lezer gets no write controls
#: (and pilots.bewaar / verwijder refuse a lezer as well)
wie = pagina.gebruiker()
mag_wijzigen = wie.mag("adviseur", org)
ss = st.session_state

alle = pilots.lijst(store)
lijst = view.van_organisatie(boom, alle, org)
per_id = {p.pilot_id: p for p in lijst}
eenheden = view.eenheid_opties(boom, org)
FORM = "pilots_form_"


# -- what the buttons do (callbacks run before the page is drawn again) --------------------------


def _vul_formulier(p: Pilot | None) -> None:
    begin = selectie.maand.plus(-5).eerste_dag
    ss[FORM + "naam"] = p.naam if p else ""
    ss[FORM + "omschrijving"] = p.omschrijving if p else ""
    ss[FORM + "begin"] = p.begin if p else begin
    ss[FORM + "eind"] = p.eind if p else selectie.maand.laatste_dag
    ss[FORM + "pilot"] = [c for c in p.pilot_eenheden if c in eenheden] if p else []
    ss[FORM + "vergelijk"] = [c for c in p.vergelijk_eenheden if c in eenheden] if p else []
    ss[FORM + "reden"] = pilots.reden_zonder_markering(p.selectie_reden) if p else ""
    ss[FORM + "hoog"] = p.geselecteerd_op_hoog_verzuim if p else False
    ss.pop("pilots_fout", None)


def _open(modus: str, p: Pilot | None = None) -> None:
    ss["pilots_modus"] = modus
    # the form edits this pilot, whatever is chosen in the list meanwhile
    ss["pilots_bewerkt"] = p.pilot_id if p is not None and modus == "bewerken" else None
    if modus in ("nieuw", "bewerken"):
        _vul_formulier(p)


def _sluit() -> None:
    ss["pilots_modus"] = None
    ss.pop("pilots_fout", None)


def _kies(pilot_id: int | None) -> None:
    """The pilot shown, on the page and in the link (?pilot=<id>)."""
    ss["pilots_keuze"] = pilot_id
    state.zet_pagina_waarde("pilots", "pilot", pilot_id)


def _gekozen_in_lijst() -> None:
    _kies(ss.get("pilots_keuze"))
    _sluit()


def _opslaan(pilot_id: int | None) -> None:
    try:
        pilot = view.maak_pilot(
            boom, pilots.lijst(store), naam=ss[FORM + "naam"], omschrijving=ss[FORM + "omschrijving"],
            begin=ss[FORM + "begin"], eind=ss[FORM + "eind"], pilot_eenheden=ss[FORM + "pilot"],
            vergelijk_eenheden=ss[FORM + "vergelijk"], reden=ss[FORM + "reden"],
            hoog_verzuim=ss[FORM + "hoog"], pilot_id=pilot_id,
            geselecteerd_op=next(
                (q.geselecteerd_op for q in pilots.lijst(store) if q.pilot_id == pilot_id), ""
            ),
        )  # fmt: skip
        nieuw_id = pilots.bewaar(store, pilot, boom, config.settings().min_groep, wie=wie)
    except PilotFout as fout:
        ss["pilots_fout"] = fout.in_taal(taal)
        return
    except Geweigerd as fout:
        ss["pilots_fout"] = str(fout)
        return
    _kies(nieuw_id)
    ss["pilots_melding"] = t("Pilot ‘{n}’ is opgeslagen.", taal, n=markdown_tekst(pilot.naam))
    _sluit()


def _verwijder(p: Pilot) -> None:
    if p.pilot_id is not None:
        try:
            pilots.verwijder(store, p.pilot_id, wie=wie)
        except Geweigerd as fout:
            ss["pilots_melding_fout"] = str(fout)
            _sluit()
            return
    _kies(None)
    ss["pilots_melding"] = t("Pilot ‘{n}’ is verwijderd.", taal, n=markdown_tekst(p.naam))
    _sluit()


# -- the list ------------------------------------------------------------------------------------

# pilot and unit names come from files and the form: plain text wherever markdown is rendered
st.title(t("Pilots van {org}", taal, org=markdown_tekst(boom.naam(org))))
if melding := ss.pop("pilots_melding", None):
    st.success(melding, icon=":material/check_circle:")

# the pilot the link names (?pilot=<id>), or the one chosen last on this page; else the newest
gevraagd = url_geheel(state.pagina_waarde("pilots", "pilot"), -1)
if gevraagd in per_id:
    ss["pilots_keuze"] = gevraagd
if ss.get("pilots_keuze") not in per_id:
    ss["pilots_keuze"] = lijst[0].pilot_id if lijst else None

if lijst:
    st.table(markdown_cellen(view.lijst_tabel(boom, lijst, taal)))
else:
    st.info(
        t(
            "Er zijn nog geen pilots voor deze organisatie. Leg er een vast met ‘Nieuwe pilot’.",
            taal,
        )
    )

keuze_kol, *knoppen = st.columns([4, 1.2, 1, 1], vertical_alignment="bottom")
with keuze_kol:
    gekozen_id = st.selectbox(
        t("Pilot", taal), list(per_id), key="pilots_keuze",
        format_func=lambda i: f"{per_id[i].naam} ({teksten.periode_van(per_id[i], taal)})",
        placeholder=t("Geen pilot", taal),
        on_change=_gekozen_in_lijst,
    )  # fmt: skip
gekozen = per_id.get(gekozen_id)
state.zet_pagina_waarde("pilots", "pilot", gekozen.pilot_id if gekozen else None)
if mag_wijzigen:
    knoppen[0].button(
        t("Nieuwe pilot", taal), icon=":material/add:", key="pilots_nieuw", on_click=_open,
        args=("nieuw",), width="stretch",
    )  # fmt: skip
    knoppen[1].button(
        t("Bewerken", taal), icon=":material/edit:", key="pilots_bewerk", on_click=_open,
        args=("bewerken", gekozen), disabled=gekozen is None, width="stretch",
    )  # fmt: skip
    knoppen[2].button(
        t("Verwijderen", taal), icon=":material/delete:", key="pilots_verwijder", on_click=_open,
        args=("verwijderen", gekozen), disabled=gekozen is None, width="stretch",
    )  # fmt: skip
else:
    st.caption(
        ":material/lock: "
        + t("U kunt pilots bekijken; vastleggen en wijzigen doet een adviseur.", taal)
    )
if fout_melding := ss.pop("pilots_melding_fout", None):
    st.error(markdown_tekst(fout_melding), icon=":material/block:")

modus = ss.get("pilots_modus") if mag_wijzigen else None
if modus == "verwijderen" and gekozen is not None:
    with st.container(border=True):
        st.warning(
            t(
                "Pilot ‘{n}’ verwijderen? Dit kan niet ongedaan worden gemaakt.",
                taal,
                n=markdown_tekst(gekozen.naam),
            ),
            icon=":material/warning:",
        )
        ja, nee, _ = st.columns([1.3, 1, 5])
        ja.button(
            t("Ja, verwijderen", taal), type="primary", key="pilots_verwijder_ja",
            on_click=_verwijder, args=(gekozen,),
        )  # fmt: skip
        nee.button(t("Annuleren", taal), key="pilots_verwijder_nee", on_click=_sluit)

if modus in ("nieuw", "bewerken"):
    bewerkt_id = ss.get("pilots_bewerkt") if modus == "bewerken" else None
    bewerkt = per_id.get(bewerkt_id)
    laatste_dag = (boom.laatste_maand([org]) or selectie.maand).laatste_dag
    with st.form("pilots_formulier"):
        st.subheader(
            t("Nieuwe pilot", taal)
            if bewerkt_id is None
            else t("Pilot ‘{n}’ bewerken", taal, n=markdown_tekst(bewerkt.naam if bewerkt else ""))
        )
        if fout := ss.get("pilots_fout"):
            st.error(
                t("De pilot is niet opgeslagen: {f}.", taal, f=markdown_tekst(fout)),
                icon=":material/error:",
            )
        st.text_input(t("Naam", taal), key=FORM + "naam", max_chars=120)
        st.text_area(
            t("Omschrijving: wat is er gedaan?", taal), key=FORM + "omschrijving", height=90
        )
        links, rechts = st.columns(2)
        vroegst, laatst = dt.date(2000, 1, 1), dt.date(laatste_dag.year + 5, 12, 31)
        links.date_input(
            t("Begindatum", taal), key=FORM + "begin", min_value=vroegst, max_value=laatst,
            format="DD-MM-YYYY",
        )  # fmt: skip
        rechts.date_input(
            t("Einddatum (laatste dag)", taal), key=FORM + "eind", min_value=vroegst,
            max_value=laatst, format="DD-MM-YYYY",
        )  # fmt: skip
        links.multiselect(
            t("Pilot-eenheden", taal), eenheden, key=FORM + "pilot",
            format_func=lambda c: view.eenheid_label(boom, c),
            placeholder=t("Kies een of meer eenheden", taal), select_all=False,
            help=t("Elke eenheid telt mee met alle onderliggende eenheden.", taal),
        )  # fmt: skip
        rechts.multiselect(
            t("Vergelijkingseenheden", taal), eenheden, key=FORM + "vergelijk",
            format_func=lambda c: view.eenheid_label(boom, c),
            placeholder=t("Kies een of meer eenheden", taal), select_all=False,
            help=t("Eenheden van vergelijkbare omvang en werk die niet meededen.", taal),
        )  # fmt: skip
        st.text_input(t("Waarom zijn deze eenheden gekozen?", taal), key=FORM + "reden")
        st.checkbox(
            t("Geselecteerd op hoog verzuim", taal), key=FORM + "hoog",
            help=t(
                "Aanvinken als de eenheden zijn gekozen omdat hun verzuim hoog was. Dan toont de "
                "pagina welk deel van een daling ook zonder pilot te verwachten was (regressie "
                "naar het gemiddelde).",
                taal,
            ),
        )  # fmt: skip
        opslaan, annuleren, _ = st.columns([1, 1, 5])
        with opslaan:
            st.form_submit_button(
                t("Opslaan", taal), type="primary", on_click=_opslaan, args=(bewerkt_id,),
                key="pilots_opslaan",
            )  # fmt: skip
        with annuleren:
            st.form_submit_button(t("Annuleren", taal), on_click=_sluit, key="pilots_annuleren")

if gekozen is None:
    st.stop()

# -- one pilot before and after ------------------------------------------------------------------

st.divider()
maanden = view.maandopties(store, ctx)
voor_std, na_std = view.vensters_binnen(gekozen, maanden)
labels = [str(m) for m in maanden]
sleutel = f"{gekozen.pilot_id}_{gekozen.begin}_{gekozen.eind}"
links, rechts, soort_kol = st.columns([2, 2, 1.2])
voor_van = voor_tot = na_van = na_tot = None
if voor_std is not None and len(labels) > 1:
    with links:
        a_, b_ = st.select_slider(
            t("Voorperiode", taal), labels, value=(str(voor_std[0]), str(voor_std[1])),
            key=f"pilots_voor_{sleutel}", format_func=lambda m: fmt.maand(Maand.parse(m), taal),
        )  # fmt: skip
        voor_van, voor_tot = Maand.parse(a_), Maand.parse(b_)
if na_std is not None and len(labels) > 1:
    with rechts:
        a_, b_ = st.select_slider(
            t("Naperiode", taal), labels, value=(str(na_std[0]), str(na_std[1])),
            key=f"pilots_na_{sleutel}", format_func=lambda m: fmt.maand(Maand.parse(m), taal),
        )  # fmt: skip
        na_van, na_tot = Maand.parse(a_), Maand.parse(b_)
with soort_kol:
    soort = st.segmented_control(
        t("Maandlijn", taal), ["3mnd", "maand"], default="3mnd", key="pilots_soort", required=True,
        format_func=lambda s: (t('3 maanden', taal) if s == '3mnd' else t('per maand', taal)),
        help=t("Gemiddelde over 3 maanden (de maand zelf met de maand ervoor en erna) is rustiger dan losse maanden.", taal),
    )  # fmt: skip

try:
    a = data.bouw(
        view.bouw, selectie, toegang, pilot=gekozen,
        voor_van=voor_van, voor_tot=voor_tot, na_van=na_van, na_tot=na_tot,
    )  # fmt: skip
except SelectieFout as fout:
    st.error(t("Deze pilot kan niet worden getoond: {f}.", taal, f=markdown_tekst(fout)))
    st.stop()

st.subheader(markdown_tekst(a.kop))
st.caption(markdown_tekst(teksten.beschrijving(gekozen, taal)))
for melding in a.meldingen:
    st.info(markdown_tekst(melding), icon=":material/info:")

kolommen = st.columns(len(a.kaarten))
for kolom, k in zip(kolommen, a.kaarten, strict=True):
    with kolom, st.container(border=True):
        st.metric(
            teksten.kaart_label(k, taal),
            teksten.kaart_getal(k, taal),
            help=t(
                "Verschil in verschillen: de verandering in de pilotgroep min de verandering in "
                "de vergelijkingsgroep.",
                taal,
            ),
        )
        if k.effect is not None:
            st.caption(teksten.kaart_interval(k, taal))
        st.caption(teksten.kaart_groepen(k, taal))
        st.markdown(markdown_tekst(k.tekst))
        if k.regressie_tekst:
            if k.regressie_tonen:
                st.warning(markdown_tekst(k.regressie_tekst), icon=":material/trending_down:")
            else:
                st.info(markdown_tekst(k.regressie_tekst), icon=":material/info:")

if any(k.effect for k in a.kaarten):
    components.grafiek(grafiek.effect(a, ctx), sleutel="pilots_effect")
for metriek in view.METRIEKEN:
    components.grafiek(grafiek.voor_na(a, ctx, metriek, soort), sleutel=f"pilots_reeks_{metriek}")
if a.voor is not None and a.na is not None:
    components.grafiek(grafiek.eenheden(a, ctx), sleutel="pilots_eenheden")
with st.expander(t("Hoe is dit berekend?", taal), icon=":material/calculate:"):
    st.markdown(teksten.uitleg(a, taal))
components.pagina_pptx(a.kop, teksten.kader(a, ctx, a.kop).ondertitel, taal, sleutel="pilots_pptx")
