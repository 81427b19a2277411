"""Duur en signalen: absence by duration class, frequent absence and long absence per unit."""

import streamlit as st

from dashboard import format as fmt
from dashboard.charts import duur as grafiek
from dashboard.i18n import t
from dashboard.ui import components, data, pagina, state
from dashboard.veilig import markdown_tekst
from dashboard.views import duur

selectie, toegang = pagina.selectie()
taal = selectie.taal
ctx = data.context(selectie, toegang)
d = data.bouw(duur.bouw, selectie, toegang)

st.title(d.kop)
st.caption(
    markdown_tekst(ctx.ondertitel(t("Peildatum", taal) + " " + fmt.datum(ctx.peildatum, taal)))
)

# the two signal cards carry longer labels than the four duration classes
breedtes = [1.0] * (len(d.signalen) - 2) + [1.25, 1.25]
for kolom, s in zip(st.columns(breedtes), d.signalen, strict=True):
    with kolom, st.container(border=True):
        st.metric(
            s.label, s.waarde, delta=s.delta,
            delta_color="off" if s.gelijk else "inverse" if s.lager_is_beter else "normal",
            delta_arrow="off" if s.gelijk else "auto", help=s.uitleg,
        )  # fmt: skip
        st.caption(s.onderschrift)

# three tabs instead of one page of ~4,800 px: the duration classes, frequent absence, and long
# absence with the Poortwachter milestones
klassen, frequent, langdurig = st.tabs(
    [
        t("Verzuim naar duur", taal),
        t("Frequent verzuim per eenheid", taal),
        t("Langdurig verzuim en Poortwachter-mijlpalen", taal),
    ]
)
with klassen:
    components.grafiek(grafiek.duurklassen(d, ctx), sleutel="duur_klassen")
    components.grafiek(grafiek.voortschrijdend(d, ctx), sleutel="duur_r12")
    components.grafiek(grafiek.beeindigd(d, ctx), sleutel="duur_beeindigd")

with frequent:
    if d.heeft_delen:
        components.grafiek(grafiek.frequent_eenheden(d, ctx), sleutel="duur_frequent_eenheden")
        with st.container(horizontal=True, vertical_alignment="center"):
            st.caption(t("Inzoomen op", taal) + ":", width="content")
            for code in ctx.boom.kinderen.get(selectie.eenheid, []):
                st.button(
                    markdown_tekst(ctx.boom.naam(code)), key=f"duur_inzoomen_{code}", type="tertiary",
                    icon=":material/zoom_in:", on_click=state.kies_eenheid, args=(code,),
                )  # fmt: skip
    else:
        st.info(
            t(
                "Deze eenheid heeft geen onderliggende eenheden: haar eigen cijfers staan in de trends "
                "hieronder.",
                taal,
            )
        )
    components.grafiek(grafiek.frequent_trend(d, ctx), sleutel="duur_frequent_trend")

with langdurig:
    st.caption(duur.poortwachter_uitleg(taal))
    if d.heeft_delen:
        components.grafiek(grafiek.langdurig_eenheden(d, ctx), sleutel="duur_langdurig_eenheden")
    components.grafiek(grafiek.langdurig_trend(d, ctx), sleutel="duur_langdurig_trend")

st.divider()
components.pagina_pptx(
    d.kop,
    ctx.ondertitel(fmt.maand(selectie.maand, taal, lang=True)),
    taal,
    sleutel="duur_pptx",
)
