"""What app.py hands to the pages: the selection, the user's access, presentation mode."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import t
from dashboard.rollen import LOKAAL, Gebruiker, ToegangFout, uit_toegang
from dashboard.selectie import Selectie
from dashboard.veilig import markdown_tekst

_SLEUTEL = "_pagina_selectie"


def zet(selectie: Selectie | None, toegang: frozenset[str] | None) -> None:
    """Called by app.py before the page runs."""
    st.session_state[_SLEUTEL] = (selectie, toegang)
    st.session_state["_frame_teller"] = st.session_state.get("_frame_teller", 0) + 1


def vereis_kader() -> None:
    """Make sure app.py (navigation, sidebar, selection) ran before this page.

    On the very first run of a process, Streamlit still treats the pages/ folder the old way and
    may run a page file directly when the URL names it (a shared link opened after a restart).
    Then app.py did not run: switch Streamlit to st.navigation and run again.
    """
    ss = st.session_state
    if "_frame_teller" not in ss or ss.get("_pagina_teller") == ss["_frame_teller"]:
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
        st.rerun()
    ss["_pagina_teller"] = ss["_frame_teller"]


def selectie_of_niets() -> tuple[Selectie | None, frozenset[str] | None]:
    """Like `selectie`, but without stopping when there is no data (the Gegevens page of an
    empty store must still offer the upload)."""
    vereis_kader()
    sel, toegang = st.session_state.get(_SLEUTEL, (None, None))
    return sel, toegang


def selectie() -> tuple[Selectie, frozenset[str] | None]:
    """The current selection and access for a page; stops the page when there is no data."""
    vereis_kader()
    sel, toegang = st.session_state.get(_SLEUTEL, (None, None))
    if sel is None:
        taal = st.session_state.get("sel_taal", "nl")
        if toegang is not None:
            st.warning(
                t("U hebt geen toegang tot een organisatie. Vraag de beheerder om toegang.", taal)
            )
        else:
            st.info(t("Er zijn nog geen gegevens. Lees extracten in op de pagina Gegevens.", taal))
        st.stop()
    return sel, toegang


def presentatie() -> bool:
    """True in the Maandoverleg's presentation mode (no sidebar, no chrome)."""
    return st.query_params.get("presentatie") == "1"


def _aanmelding_ingesteld() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file: local mode
        return False


def toegang() -> frozenset[str] | None:
    """Organisations the signed-in user may see; None in local mode (no sign-in configured).

    The metrics API receives this set with every query, so it is enforced where data is read.
    """
    if not _aanmelding_ingesteld():
        return None
    if not st.user.is_logged_in:
        st.title("Verzuimzicht")
        st.write("Meld u aan om de verzuimcijfers van uw organisatie te zien.")
        st.button("Aanmelden", on_click=st.login, type="primary")
        st.stop()
    wie = gebruiker()
    # '*': every organisation, also those imported later (the views read None as all)
    return None if wie.organisaties is None else wie.organisaties


def gebruiker() -> Gebruiker:
    """Who uses the app: role and organisations from `[toegang]` (rollen.uit_toegang); in local
    mode (no sign-in configured) the local user, who may do everything. A `[toegang]` entry that
    cannot be read stops the page with its Dutch explanation (never a guessed role)."""
    if not _aanmelding_ingesteld():
        return LOKAAL
    if not st.user.is_logged_in:
        return Gebruiker("(niet aangemeld)", "lezer", frozenset())
    try:
        return uit_toegang(str(st.user.get("email", "")), dict(st.secrets.get("toegang", {})))
    except ToegangFout as fout:
        st.error(f"De toegang is niet goed ingesteld: {fout}. Meld dit bij de beheerder.")
        st.stop()
        raise


def aanmelding(taal: str) -> None:
    """Show who is signed in, or that the app runs in local mode."""
    if _aanmelding_ingesteld() and st.user.is_logged_in:
        st.caption(f"{t('Aangemeld als', taal)} {markdown_tekst(st.user.get('email', ''))}")
        st.button(t("Afmelden", taal), on_click=st.logout)
    else:
        st.caption(
            f":material/lock_open: {t('Lokale modus: geen aanmelding ingesteld, alle organisaties zichtbaar.', taal)}"
        )


#: Presentation mode on the shared screen: no sidebar, no Streamlit chrome, type readable from
#: the back of a meeting room.
PRESENTATIE_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 1.5rem !important; max-width: 100% !important; }
h1 { font-size: 3.1rem !important; line-height: 1.15 !important; }
[data-testid="stCaptionContainer"] p { font-size: 1.35rem !important; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.6rem !important; }
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: 3.4rem !important; line-height: 1.25 !important; }
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p { font-size: 1.3rem !important; }
[data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p { font-size: 1.25rem !important; }
</style>
"""
