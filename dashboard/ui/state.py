"""The shared sidebar: one selection, kept in the widgets and written to the URL on every run."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from dashboard import catalogus
from dashboard import format as fmt
from dashboard import selectie as sel_mod
from dashboard.hierarchy import Boom
from dashboard.i18n import t
from dashboard.periods import Maand, maanden
from dashboard.selectie import Selectie
from dashboard.veilig import markdown_tekst

#: Query parameters owned by the shared selection; pages declare their own in
#: dashboard.selectie.PAGINAPARAMETERS.
SELECTIE_PARAMS = sel_mod.SELECTIE_PARAMS
_SLEUTELS = {
    "organisatie": "sel_org",
    "eenheid": "sel_eenheid",
    "maand": "sel_maand",
    "vergelijking": "sel_vgl",
    "leeftijdsklasse": "sel_lk",
    "geslacht": "sel_gs",
    "schaalgroep": "sel_sg",
    "taal": "sel_taal",
}


def _url_params() -> dict[str, str]:
    return {k: st.query_params.get(k, "") for k in SELECTIE_PARAMS if k in st.query_params}


def _zet_widgets(s: Selectie) -> None:
    ss = st.session_state
    ss[_SLEUTELS["organisatie"]] = s.organisatie
    ss[_SLEUTELS["eenheid"]] = s.eenheid
    ss[_SLEUTELS["maand"]] = str(s.maand)
    ss[_SLEUTELS["vergelijking"]] = s.vergelijking
    ss[_SLEUTELS["leeftijdsklasse"]] = list(s.filter.leeftijdsklasse)
    ss[_SLEUTELS["geslacht"]] = list(s.filter.geslacht)
    ss[_SLEUTELS["schaalgroep"]] = list(s.filter.schaalgroep)
    ss[_SLEUTELS["taal"]] = s.taal


def begin(
    boom: Boom,
    toegang: frozenset[str] | None,
    opties: Mapping[str, tuple[str, ...]],
    pagina: str = "",
) -> Selectie | None:
    """The selection before the widgets are drawn: from the URL on a fresh load or a pasted link,
    from the session when the user went to another page (Streamlit clears the URL then)."""
    params = _url_params()
    ss = st.session_state
    vorige_pagina = ss.get("sel_pagina")
    ss["sel_pagina"] = pagina
    andere_pagina = vorige_pagina is not None and vorige_pagina != pagina and not params
    # a new session, or a URL that differs from what this session last wrote (link pasted,
    # back button): the URL wins; a page change without parameters keeps the selection
    if "sel_url" not in ss or (params != ss["sel_url"] and not andere_pagina):
        s = sel_mod.uit_url(params, boom, toegang, opties)
        if s is None:
            return None
        _zet_widgets(s)
        ss["sel_url"] = s.naar_url()
    return huidig(boom, toegang, opties)


def huidig(
    boom: Boom, toegang: frozenset[str] | None, opties: Mapping[str, tuple[str, ...]]
) -> Selectie | None:
    """The selection as the widgets hold it now (validated like a URL)."""
    ss = st.session_state
    params = {
        "org": ss.get(_SLEUTELS["organisatie"], ""),
        "eenheid": ss.get(_SLEUTELS["eenheid"], ""),
        "maand": ss.get(_SLEUTELS["maand"], ""),
        "vgl": ss.get(_SLEUTELS["vergelijking"], ""),
        "taal": ss.get(_SLEUTELS["taal"], "nl"),
        "lk": ",".join(ss.get(_SLEUTELS["leeftijdsklasse"], [])),
        "gs": ",".join(ss.get(_SLEUTELS["geslacht"], [])),
        "sg": ",".join(ss.get(_SLEUTELS["schaalgroep"], [])),
    }
    return sel_mod.uit_url(params, boom, toegang, opties)


def schrijf_url(s: Selectie, pagina: str = "") -> None:
    """Put the selection in the URL (explicit values), with this page's own parameters as the
    session holds them; parameters of other pages are dropped."""
    nieuw = s.naar_url()
    eigen = {p.sleutel: p for p in sel_mod.PAGINAPARAMETERS.get(pagina, ())}
    ss = st.session_state
    for p in eigen.values():
        waarde = ss.get(p.sessie)
        url = st.query_params.get(p.sleutel)
        if url is not None and url != ss.get(f"_url_{p.sessie}"):
            # a new link or the back button: kept for the page to read (pagina_waarde)
            waarde = url
        if waarde not in (None, ""):
            nieuw[p.sleutel] = str(waarde)
    anders = {q.sleutel for ps in sel_mod.PAGINAPARAMETERS.values() for q in ps} - set(eigen)
    for k in list(st.query_params):
        if (k in SELECTIE_PARAMS or k in anders or k in eigen) and k not in nieuw:
            del st.query_params[k]
    for k, v in nieuw.items():
        if st.query_params.get(k) != v:
            st.query_params[k] = v
    ss["sel_url"] = {k: v for k, v in nieuw.items() if k in SELECTIE_PARAMS}


def pagina_waarde(pagina: str, sleutel: str) -> str:
    """A page parameter: what the session holds (the user's last choice on this page, also
    after visiting another page), else what the URL says (a shared link), else ''."""
    p = sel_mod.pagina_parameter(pagina, sleutel)
    ss = st.session_state
    url = st.query_params.get(p.sleutel)
    if url is not None and url != ss.get(f"_url_{p.sessie}"):
        # a new link or the back button: the URL wins once
        ss[f"_url_{p.sessie}"] = url
        ss[p.sessie] = url
    waarde = ss.get(p.sessie)
    return "" if waarde is None else str(waarde)


def zet_pagina_waarde(pagina: str, sleutel: str, waarde: object) -> None:
    """Remember a page parameter (written to the URL with the selection at the end of the run)."""
    p = sel_mod.pagina_parameter(pagina, sleutel)
    st.session_state[p.sessie] = "" if waarde is None else str(waarde)
    st.session_state[f"_url_{p.sessie}"] = st.session_state[p.sessie]
    if waarde in (None, ""):
        st.query_params.pop(p.sleutel, None)
    else:
        st.query_params[p.sleutel] = str(waarde)


def menu(paginas: Mapping[str, object], s: Selectie, huidige: str) -> None:
    """The page menu at the top of the sidebar: every link carries the shared selection (and the
    current page's own parameters on its own link), in the chosen language."""
    gedeeld = s.naar_url()
    with st.sidebar, st.container(key="menu"):
        for url, page in paginas.items():
            params = dict(gedeeld)
            if url == huidige:
                for p in sel_mod.PAGINAPARAMETERS.get(url, ()):
                    waarde = st.session_state.get(p.sessie)
                    if waarde not in (None, ""):
                        params[p.sleutel] = str(waarde)
            st.page_link(page, query_params=params)  # type: ignore[arg-type]
        st.divider()


def kies_eenheid(code: str) -> None:
    """Drill down: make `code` the selected unit (use as an on_click callback)."""
    st.session_state[_SLEUTELS["eenheid"]] = code


def _bij_organisatie() -> None:
    ss = st.session_state
    ss[_SLEUTELS["eenheid"]] = ss[_SLEUTELS["organisatie"]]


def zijbalk(
    boom: Boom,
    s: Selectie,
    toegang: frozenset[str] | None,
    opties: Mapping[str, tuple[str, ...]],
    pagina: str = "",
) -> Selectie:
    """Draw the shared filters in the sidebar; returns the selection after this run's changes."""
    taal = s.taal
    organisaties = [o for o in boom.organisaties if toegang is None or o in toegang]
    with st.sidebar:
        st.selectbox(
            t("Organisatie", taal),
            organisaties,
            key=_SLEUTELS["organisatie"],
            format_func=boom.naam,
            on_change=_bij_organisatie,
        )
        org = st.session_state[_SLEUTELS["organisatie"]]
        eenheden = _boomvolgorde(boom, org)
        if st.session_state.get(_SLEUTELS["eenheid"]) not in eenheden:
            st.session_state[_SLEUTELS["eenheid"]] = org
        st.selectbox(
            t("Eenheid", taal),
            eenheden,
            key=_SLEUTELS["eenheid"],
            format_func=lambda c: _ingesprongen(boom, c),
        )
        gekozen = st.session_state[_SLEUTELS["eenheid"]]
        if gekozen != org:
            # the box cuts long names off: the whole name and its place in the tree underneath
            pad = [boom.naam(c) for c in boom.pad(gekozen)[1:]]
            st.caption(markdown_tekst(" › ".join(pad)))
        laatste = boom.laatste_maand([org]) or s.maand
        eerste = laatste.plus(-11 * 12)
        keuzes = [str(m) for m in reversed(maanden(eerste, laatste))]
        if st.session_state.get(_SLEUTELS["maand"]) not in keuzes:
            st.session_state[_SLEUTELS["maand"]] = keuzes[0]
        st.selectbox(
            t("Maand", taal),
            keuzes,
            key=_SLEUTELS["maand"],
            format_func=lambda m: fmt.maand(Maand.parse(m), taal, lang=True),
        )
        st.segmented_control(
            t("Vergelijking", taal),
            list(sel_mod.VERGELIJKINGEN),
            key=_SLEUTELS["vergelijking"],
            format_func=lambda v: (
                t("zelfde maand vorig jaar", taal)
                if v == "vorig_jaar"
                else t("voortschrijdend 12 maanden", taal)
            ),
            required=True,
        )
        actief = sum(
            bool(st.session_state.get(_SLEUTELS[n]))
            for n in ("leeftijdsklasse", "geslacht", "schaalgroep")
        )
        label = t("Filters op kenmerken", taal) + (f" ({actief})" if actief else "")
        with st.expander(label, expanded=bool(actief)):
            for naam, titel in catalogus.KENMERKEN.items():
                st.multiselect(
                    t(titel, taal),
                    list(opties.get(naam, ())),
                    key=_SLEUTELS[naam],
                    placeholder=t("alle", taal),
                    format_func=lambda w: w or "onbekend",
                )
        st.segmented_control(
            t("Taal", taal), ["nl", "en"], key=_SLEUTELS["taal"], format_func=lambda x: {"nl": "Nederlands", "en": "English"}[x],
            required=True,
        )  # fmt: skip
    nieuw = huidig(boom, toegang, opties) or s
    schrijf_url(nieuw, pagina)
    return nieuw


def _boomvolgorde(boom: Boom, org: str) -> list[str]:
    volgorde: list[str] = []

    def loop(code: str) -> None:
        volgorde.append(code)
        for kind in boom.kinderen.get(code, []):
            loop(kind)

    loop(org)
    return volgorde


def _ingesprongen(boom: Boom, code: str) -> str:
    e = boom.eenheden.get(code)
    if e is None:
        return code
    return ("\u2003" * e.niveau + "└ " if e.niveau else "") + e.naam
