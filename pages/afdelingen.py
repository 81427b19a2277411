"""Afdelingen: units of one level side by side (ranking, funnel, verzuimvenster, heat map,
control chart), with drill-down into a unit."""

from collections.abc import Callable

import streamlit as st

from dashboard import format as fmt
from dashboard.i18n import t
from dashboard.ui import components, data, pagina, state
from dashboard.veilig import markdown_tekst, url_geheel
from dashboard.views import afdelingen as view

NIVEAU, BASIS, MAATSTAF = "afdelingen_niveau", "afdelingen_basis", "afdelingen_maatstaf"
INZOOMEN, OMHOOG, SPC = "afdelingen_inzoomen", "afdelingen_omhoog", "afdelingen_spc"

selectie, toegang = pagina.selectie()
taal = selectie.taal
ctx = data.context(selectie, toegang)
boom = ctx.boom
ss = st.session_state


def zoom_in(code: str) -> None:
    """Drill down: `code` becomes the selected unit, and the page shows its parts."""
    state.kies_eenheid(code)
    ss[NIVEAU] = view.ONDERDELEN
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


# the page's own choices: from the URL on the first run, so a shared link shows the same
niveaus = view.niveaus(boom, selectie.organisatie)
if NIVEAU not in ss:
    ss[NIVEAU] = url_geheel(st.query_params.get("niveau"), view.ONDERDELEN)
if ss[NIVEAU] not in niveaus:
    ss[NIVEAU] = view.ONDERDELEN
if ss.get(BASIS) not in view.BASISSEN:
    gevraagd = st.query_params.get("basis", "")
    ss[BASIS] = gevraagd if gevraagd in view.BASISSEN else "r12"

# widget values are in the session state before the widgets are drawn: build first, so the
# title (the finding) can stand above the controls
a = data.bouw(view.bouw, selectie, toegang, niveau=ss[NIVEAU], basis=ss[BASIS])
drilbaar = a.drilbaar()
codes = frozenset(code for code, _ in drilbaar)

st.title(markdown_tekst(view.kop(a, ctx)))
st.caption(
    markdown_tekst(view.kader(a, ctx, "").ondertitel)
    + f" · {t('Peildatum', taal)} {fmt.datum(ctx.peildatum, taal)}"
)
st.segmented_control(
    t("Welke eenheden", taal), niveaus, key=NIVEAU, required=True,
    format_func=lambda n: view.niveau_label(boom, selectie.organisatie, n, taal),
)  # fmt: skip
links, rechts = st.columns(2)
with links:
    st.segmented_control(
        t("Periode", taal), list(view.BASISSEN), key=BASIS, required=True,
        format_func=lambda b: (
            f"{t('12 maanden t/m', taal)} {fmt.maand(selectie.maand, taal)}"
            if b == "r12" else fmt.maand(selectie.maand, taal, lang=True)
        ),
        help=t("Twaalf maanden geven een eerlijker beeld: één maand van een kleine eenheid schommelt sterk.", taal),
    )  # fmt: skip
with rechts:
    metriek = st.segmented_control(
        t("Maatstaf voor rangorde en funnel", taal), list(view.METRIEKEN), key=MAATSTAF,
        default="verzuimpercentage", required=True, format_func=lambda m: t(m.capitalize(), taal),
    )  # fmt: skip
for naam, waarde in (("niveau", str(ss[NIVEAU])), ("basis", ss[BASIS])):
    if st.query_params.get(naam) != waarde:
        st.query_params[naam] = waarde
if a.opmerking:
    st.info(markdown_tekst(a.opmerking), icon=":material/info:")

sleutel = f"afdelingen_ranking_{a.referentie}_{a.niveau}"
components.grafiek(
    view.ranking_figuur(a, ctx, metriek),
    sleutel=sleutel,
    taal=taal,
    tabel=view.tabel(a, taal),
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
            f"{t('Terug naar', taal)} {markdown_tekst(boom.naam(ouder))}", key=OMHOOG, on_click=zoom_in,
            args=(ouder,), icon=":material/arrow_upward:",
        )  # fmt: skip

if a.funnel_mogelijk():
    sleutel = f"afdelingen_funnel_{a.referentie}_{a.niveau}"
    components.grafiek(
        view.funnel_figuur(a, ctx, metriek),
        sleutel=sleutel,
        taal=taal,
        tabel=view.tabel(a, taal),
        on_select=bij_klik(sleutel, codes),  # type: ignore[arg-type]
    )
    st.caption(view.funnel_uitleg(a, metriek, taal))
else:
    st.info(t("Te weinig eenheden met cijfers voor een funnel (minstens 3).", taal))

if a.getoond().height >= 2:
    sleutel = f"afdelingen_venster_{a.referentie}_{a.niveau}"
    components.grafiek(
        view.venster_figuur(a, ctx),
        sleutel=sleutel,
        taal=taal,
        tabel=view.tabel(a, taal),
        on_select=bij_klik(sleutel, codes),  # type: ignore[arg-type]
    )

components.grafiek(
    view.heatmap_figuur(a, ctx),
    sleutel="afdelingen_heatmap",
    taal=taal,
    tabel=view.tabel_maanden(a, taal),
)

opties = [selectie.eenheid, *(c for c, _ in drilbaar if c != selectie.eenheid)]
if ss.get(SPC) not in opties:
    ss[SPC] = selectie.eenheid
links, _ = st.columns([3, 2])
with links:
    st.selectbox(t("Regelkaart voor", taal), opties, key=SPC, format_func=boom.naam)
r = data.bouw(view.regelkaart, selectie, toegang, eenheid=ss[SPC])
components.grafiek(
    view.regelkaart_figuur(r, ctx),
    sleutel="afdelingen_regelkaart",
    taal=taal,
    tabel=view.tabel_regelkaart(r, taal),
)
st.caption(view.regelkaart_uitleg(r, taal))

st.divider()
components.pagina_pptx(view.kop(a, ctx), ctx.ondertitel(""), taal, sleutel="afdelingen_pptx")
