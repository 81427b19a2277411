"""Afdelingen: units of one level side by side (ranking, funnel, verzuimvenster, heat map,
control chart), with drill-down into a unit."""

from collections.abc import Callable

import streamlit as st

from dashboard import catalogus
from dashboard import format as fmt
from dashboard.charts import afdelingen as grafiek
from dashboard.i18n import t
from dashboard.ui import components, data, pagina, state
from dashboard.veilig import markdown_tekst, url_geheel
from dashboard.views import afdelingen as view

PAGINA = "afdelingen"
# widget keys; the page's own choices (niveau, basis) live in the selection codec, which keeps
# them across page visits (Streamlit forgets the state of a widget that is not drawn)
NIVEAU, BASIS, MAATSTAF = "afdelingen_niveau_keuze", "afdelingen_basis_keuze", "afdelingen_maatstaf"
INZOOMEN, OMHOOG, SPC = "afdelingen_inzoomen", "afdelingen_omhoog", "afdelingen_spc"

selectie, toegang = pagina.selectie()
taal = selectie.taal
ctx = data.context(selectie, toegang)
boom = ctx.boom
ss = st.session_state


def zoom_in(code: str) -> None:
    """Drill down: `code` becomes the selected unit, and the page shows its parts."""
    state.kies_eenheid(code)
    state.zet_pagina_waarde(PAGINA, "niveau", view.ONDERDELEN)
    ss.pop(SPC, None)


def bij_inzoomen() -> None:
    code = ss.get(INZOOMEN)
    ss[INZOOMEN] = None
    if code:
        zoom_in(code)


def bij_klik(sleutel: str, codes: frozenset[str]) -> Callable[[], None]:
    """A click on a bar or point drills into that unit (the chart's customdata holds its code)."""

    def klik() -> None:
        keuze = ss.get(sleutel) or {}
        for punt in (keuze.get("selection") or {}).get("points") or []:
            code = punt.get("customdata")
            code = code[0] if isinstance(code, list) and code else code
            if isinstance(code, str) and code in codes:
                zoom_in(code)
                return

    return klik


def onthoud(sleutel: str, widget: str) -> Callable[[], None]:
    """A widget's choice becomes the page's value (and goes into the URL)."""
    return lambda: state.zet_pagina_waarde(PAGINA, sleutel, ss[widget])


# the page's own choices: from a shared link, or as the user left them; always in the URL in
# their checked form, so a copied link shows the same
niveaus = view.niveaus(boom, selectie.organisatie)
gevraagd_niveau, gevraagd_basis = (
    state.pagina_waarde(PAGINA, "niveau"),
    state.pagina_waarde(PAGINA, "basis"),
)
niveau = url_geheel(gevraagd_niveau, view.ONDERDELEN)
niveau = niveau if niveau in niveaus else view.ONDERDELEN
basis = gevraagd_basis if gevraagd_basis in view.BASISSEN else "r12"
if gevraagd_niveau != str(niveau):
    state.zet_pagina_waarde(PAGINA, "niveau", niveau)
if gevraagd_basis != basis:
    state.zet_pagina_waarde(PAGINA, "basis", basis)
ss[NIVEAU], ss[BASIS] = niveau, basis

# build before the widgets are drawn, so the title (the finding) can stand above the controls
a = data.bouw(view.bouw, selectie, toegang, niveau=niveau, basis=basis)
drilbaar = a.drilbaar()
codes = frozenset(code for code, _ in drilbaar)

st.title(markdown_tekst(view.kop(a, ctx)))
peildatum = t("Peildatum", taal) + " " + fmt.datum(ctx.peildatum, taal)
st.caption(markdown_tekst(view.ondertitel(a, ctx)) + " · " + peildatum)
st.segmented_control(
    t("Welke eenheden", taal), niveaus, key=NIVEAU, required=True,
    format_func=lambda n: view.niveau_label(boom, selectie.organisatie, n, taal),
    on_change=onthoud("niveau", NIVEAU),
)  # fmt: skip
links, rechts = st.columns(2)
with links:
    st.segmented_control(
        t("Periode", taal), list(view.BASISSEN), key=BASIS, required=True,
        format_func=lambda b: (
            t("12 maanden t/m {maand}", taal, maand=fmt.maand(selectie.maand, taal))
            if b == "r12" else fmt.maand(selectie.maand, taal, lang=True)
        ),
        help=t("Twaalf maanden geven een eerlijker beeld: één maand van een kleine eenheid schommelt sterk.", taal),
        on_change=onthoud("basis", BASIS),
    )  # fmt: skip
with rechts:
    metriek = st.segmented_control(
        t("Maatstaf voor rangorde en funnel", taal), list(view.METRIEKEN), key=MAATSTAF,
        default=view.METRIEKEN[0], required=True,
        format_func=lambda m: t(catalogus.metriek(m).label, taal),
    )  # fmt: skip
if a.opmerking:
    st.info(markdown_tekst(a.opmerking), icon=":material/info:")

sleutel = f"afdelingen_ranking_{a.referentie}_{a.niveau}"
components.grafiek(
    grafiek.ranking(a, ctx, metriek),
    sleutel=sleutel,
    on_select=bij_klik(sleutel, codes),  # type: ignore[arg-type]
)

links, rechts = st.columns(2, vertical_alignment="bottom")
with links:
    namen = dict(drilbaar)
    st.selectbox(
        t("Inzoomen op", taal), [code for code, _ in drilbaar], index=None, key=INZOOMEN,
        format_func=lambda c: namen.get(c, c), on_change=bij_inzoomen,
        placeholder=t("Kies een eenheid, of klik op een balk of punt", taal),
    )  # fmt: skip
with rechts:
    ouder = boom.eenheden[selectie.eenheid].ouder
    if ouder is not None:
        st.button(
            t("Terug naar {naam}", taal, naam=markdown_tekst(boom.naam(ouder))), key=OMHOOG,
            on_click=zoom_in, args=(ouder,), icon=":material/arrow_upward:",
        )  # fmt: skip

# the ranking above; the other views in tabs instead of one page of ~4,000 px
tab_funnel, tab_venster, tab_maanden, tab_spc = st.tabs(
    [
        t("Funnel: toeval of verschil", taal),
        t("Verzuim en meldingen samen", taal),
        t("Maand voor maand", taal),
        t("Regelkaart", taal),
    ]
)
with tab_funnel:
    if a.funnel_mogelijk():
        sleutel = f"afdelingen_funnel_{a.referentie}_{a.niveau}"
        components.grafiek(
            grafiek.funnel(a, ctx, metriek),
            sleutel=sleutel,
            on_select=bij_klik(sleutel, codes),  # type: ignore[arg-type]
        )
        st.caption(view.funnel_uitleg(a, metriek, taal))
    else:
        st.info(
            t(
                "Te weinig eenheden met cijfers voor een funnel (minstens {n}).",
                taal,
                n=view.MIN_FUNNEL,
            )
        )

with tab_venster:
    if a.getoond().height >= 2:
        sleutel = f"afdelingen_venster_{a.referentie}_{a.niveau}"
        components.grafiek(
            grafiek.venster(a, ctx),
            sleutel=sleutel,
            on_select=bij_klik(sleutel, codes),  # type: ignore[arg-type]
        )

with tab_maanden:
    components.grafiek(grafiek.heatmap(a, ctx), sleutel="afdelingen_heatmap")

with tab_spc:
    opties = [selectie.eenheid, *(c for c, _ in drilbaar if c != selectie.eenheid)]
    if ss.get(SPC) not in opties:
        ss[SPC] = selectie.eenheid
    links, _ = st.columns([3, 2])
    with links:
        st.selectbox(t("Regelkaart voor", taal), opties, key=SPC, format_func=boom.naam)
    r = data.bouw(view.regelkaart, selectie, toegang, eenheid=ss[SPC])
    components.grafiek(grafiek.regelkaart(r, ctx), sleutel="afdelingen_regelkaart")
    st.caption(view.regelkaart_uitleg(r, taal))

st.divider()
components.pagina_pptx(view.kop(a, ctx), ctx.ondertitel(""), taal, sleutel="afdelingen_pptx")
