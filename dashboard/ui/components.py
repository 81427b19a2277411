"""Reusable screen parts: headline cards, a chart with its table and downloads."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.exports.xlsx import frame_naar_werkboek
from dashboard.i18n import t
from dashboard.views.overzicht import Kaart

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def kaarten(
    rij: Sequence[Kaart], basis: str, taal: str, aantal_frequent: float | None = None
) -> None:
    """Headline numbers: the chosen basis large with its change against a year earlier, the other
    basis small underneath."""
    kolommen = st.columns(len(rij))
    ander = "maand" if basis == "r12" else "r12"
    for kolom, k in zip(kolommen, rij, strict=True):
        d = k.verschil(basis)
        eenheid = (
            " %-punt" if k.suffix == "%" and taal == "nl" else " pp" if k.suffix == "%" else ""
        )
        with kolom, st.container(border=True):
            st.metric(
                t(KORT.get(k.label, k.label), taal),
                k.waarde(basis, taal),
                # st.metric reads the direction from a leading ASCII minus
                delta=fmt.verschil(d, k.decimalen, eenheid, taal).replace("−", "-")
                if d is not None
                else None,
                delta_color="inverse" if k.lager_is_beter else "normal",
                help=_uitleg(k.sleutel, taal),
            )
            if k.sleutel == "frequent_verzuim_pct":
                # a count at the month's end: the rolling 12 months would repeat the same number
                tweede = f"{t('aantal', taal)} {fmt.getal(aantal_frequent, 0, taal) if aantal_frequent is not None and not k.onderdrukt else '–'}"
            else:
                tweede = (
                    f"{t('12 mnd' if ander == 'r12' else 'maand', taal)} {k.waarde(ander, taal)}"
                )
            st.caption(f"{t('vorig jaar', taal)} {k.vorig(basis, taal)} · {tweede}")


#: Card labels that must fit a fifth of the screen.
KORT = {"Gemiddelde verzuimduur": "Gem. duur (dagen)"}


def _uitleg(sleutel: str, taal: str) -> str:
    from dashboard.definitions import kort

    return kort(sleutel, taal)


def grafiek(
    fig: go.Figure,
    *,
    sleutel: str,
    taal: str,
    tabel: pl.DataFrame | None = None,
    on_select: str = "ignore",
) -> object:
    """A chart exactly as exported (theme=None), with a 'tabel' toggle and an Excel download."""
    titel = _titel(fig)
    keuze = st.plotly_chart(
        fig, theme=None, key=sleutel, config=theme.plotly_config(titel),
        on_select=on_select,  # type: ignore[call-overload]
        selection_mode="points",
    )  # fmt: skip
    if tabel is not None:
        links, rechts = st.columns([1, 3])
        with links:
            toon = st.toggle(t("Toon als tabel", taal), key=f"{sleutel}_tabel")
        with rechts:
            excel_knop(
                {titel[:31] or "Gegevens": tabel},
                theme.bestandsnaam(titel),
                taal,
                sleutel=f"{sleutel}_xlsx",
                titel=titel,
            )
        if toon:
            st.dataframe(fmt.tabel_tekst(tabel, taal), hide_index=True, width="stretch")
    return keuze


def _titel(fig: go.Figure) -> str:
    tekst = fig.layout.title.text or "grafiek"
    return tekst.replace("<b>", "").replace("</b>", "").replace("<br>", " ")


def excel_knop(
    bladen: Mapping[str, pl.DataFrame], naam: str, taal: str, *, sleutel: str, titel: str = ""
) -> None:
    """Download the numbers as a formatted workbook with a 'Toelichting' sheet."""
    buffer = io.BytesIO()
    frame_naar_werkboek(
        bladen,
        buffer,
        toelichting=[
            ("Onderwerp", titel),
            ("Privacy", "Groepen met minder dan 10 medewerkers zijn onderdrukt (< 10)."),
        ],
    )
    st.download_button(
        t("Download als Excel", taal), buffer.getvalue(), file_name=f"{naam}.xlsx", mime=XLSX_MIME,
        key=sleutel, icon=":material/download:", on_click="ignore",
    )  # fmt: skip
