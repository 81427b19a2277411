"""Overzicht: the headline numbers of the month and the trend."""

import streamlit as st

from dashboard import catalogus
from dashboard import format as fmt
from dashboard.charts import trend
from dashboard.i18n import t
from dashboard.ui import components, data, pagina
from dashboard.veilig import markdown_tekst
from dashboard.views import overzicht

selectie, toegang = pagina.selectie()
taal = selectie.taal
ctx = data.context(selectie, toegang)
o = data.bouw(overzicht.bouw, selectie, toegang)

st.title(o.kop)
st.caption(
    markdown_tekst(ctx.ondertitel(t("Peildatum", taal) + " " + fmt.datum(ctx.peildatum, taal)))
)
components.kaarten(o.kaarten, selectie.vergelijking, taal, o.frequent_aantal)

links, rechts = st.columns([3, 2])
with links:
    metriek = st.segmented_control(
        t("Maatstaf", taal),
        [m.sleutel for m in catalogus.met_keuze("trend")],
        default="verzuimpercentage",
        key="overzicht_metriek",
        format_func=lambda m: t(catalogus.metriek(m).label, taal),
        required=True,
    )
with rechts:
    benchmarks = st.toggle(t("Benchmarks tonen", taal), value=True, key="overzicht_benchmarks")

components.grafiek(
    trend.trend(o, ctx, metriek=metriek, benchmarks_tonen=benchmarks), sleutel="overzicht_trend"
)
components.grafiek(trend.seizoen(o, ctx), sleutel="overzicht_seizoen")

st.divider()
components.pagina_pptx(
    o.kop,
    ctx.ondertitel(fmt.maand(selectie.maand, taal, lang=True)),
    taal,
    sleutel="overzicht_pptx",
)
