"""Verzuimzicht: the entry point (page config, theme, shared sidebar, navigation)."""

from __future__ import annotations

import streamlit as st

from dashboard import config

st.set_page_config(page_title="Verzuimzicht", page_icon=":material/monitoring:", layout="wide")

# A setting outside its range (VERZUIMZICHT_MIN_GROEP=-1) stops the app with the reason: it is
# never guessed, and suppression cannot be switched off through the environment. Checked before
# anything else is imported, because modules read the settings when they load.
try:
    config.settings()
    instelling_fout = ""
except config.ConfigFout as fout:
    instelling_fout = str(fout)
if instelling_fout:

    def _instelling_fout() -> None:
        st.error(instelling_fout, icon=":material/settings_alert:")

    # a navigation of one hidden page: Streamlit must not fall back to listing pages/
    st.navigation([st.Page(_instelling_fout, title="Verzuimzicht")], position="hidden").run()
    st.stop()

from dashboard import format as fmt  # noqa: E402
from dashboard.i18n import N_, t  # noqa: E402
from dashboard.ui import data, pagina, state, stijl  # noqa: E402

PAGINAS = (
    ("pages/overzicht.py", N_("Overzicht"), "overzicht", ":material/dashboard:"),
    ("pages/afdelingen.py", N_("Afdelingen"), "afdelingen", ":material/account_tree:"),
    # url paths equal the file names: on the very first run of a process Streamlit may still
    # resolve a shared link with its old pages/ discovery, which uses the file name
    (
        "pages/duur_en_signalen.py",
        N_("Duur en signalen"),
        "duur_en_signalen",
        ":material/timelapse:",
    ),
    ("pages/pilots.py", N_("Pilots"), "pilots", ":material/science:"),
    (
        "pages/medewerkersonderzoek.py",
        N_("Medewerkersonderzoek"),
        "medewerkersonderzoek",
        ":material/forum:",
    ),
    ("pages/maandoverleg.py", N_("Maandoverleg"), "maandoverleg", ":material/co_present:"),
    ("pages/gegevens.py", N_("Gegevens"), "gegevens", ":material/database:"),
    ("pages/toelichting.py", N_("Toelichting"), "toelichting", ":material/menu_book:"),
)

# Navigation first, before anything slow: Streamlit's automatic page discovery of pages/ must
# never show, not even while the store is being built on the very first start.
# The menu is drawn by the app itself (state.menu): its links carry the selection, so that it
# survives every page change, and its labels follow the chosen language. The Overzicht is
# registered twice: as the default page at "/" and under its own path "/overzicht".
taal = st.session_state.get("sel_taal") or st.query_params.get("taal", "nl")
paginas = {
    url: st.Page(pad, title=t(titel, taal), url_path=url, icon=icoon)
    for pad, titel, url, icoon in PAGINAS
}
start = st.Page(
    PAGINAS[0][0], title=t(PAGINAS[0][1], taal), icon=PAGINAS[0][3], url_path="start", default=True
)
pg = st.navigation([start, *paginas.values()], position="hidden")
huidige = pg.url_path or PAGINAS[0][2]

stijl.toepassen(taal)
toegang = pagina.toegang()
boom = data.boom(data.versie())
opties = data.opties(data.versie())
selectie = state.begin(boom, toegang, opties, huidige)

if selectie is not None and not pagina.presentatie():
    state.menu(paginas, selectie, huidige)
    selectie = state.zijbalk(boom, selectie, toegang, opties, huidige)
    taal = selectie.taal
    with st.sidebar:
        peil = boom.peildatum.get(selectie.organisatie)
        laatste = boom.laatste_maand([selectie.organisatie])
        st.caption(
            f"**{t('Peildatum', taal)}: {fmt.datum(peil, taal)}** · "
            f"{t('gegevens t/m', taal)} {fmt.maand(laatste, taal) if laatste else '–'}"
        )
        pagina.aanmelding(taal)
elif selectie is not None:
    state.schrijf_url(selectie, huidige)

pagina.zet(selectie, toegang)
pg.run()
