"""Reusable screen parts: headline cards, a chart with its table and downloads."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard import config, definitions
from dashboard import format as fmt
from dashboard.charts import theme
from dashboard.exports import afbeelding, pptx
from dashboard.exports.xlsx import frame_naar_werkboek
from dashboard.i18n import t
from dashboard.veilig import csv_frame
from dashboard.views.overzicht import Kaart

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


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
            tekst = fmt.verschil(d, k.decimalen, eenheid, taal) if d is not None else None
            gelijk = d is not None and round(d, k.decimalen) == 0
            st.metric(
                t(KORT.get(k.label, k.label), taal),
                k.waarde(basis, taal),
                # st.metric reads the direction from a leading ASCII minus
                delta=tekst.replace("−", "-") if tekst else None,
                delta_color="off" if gelijk else "inverse" if k.lager_is_beter else "normal",
                delta_arrow="off" if gelijk else "auto",
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
    alleen_grafiek: bool = False,
) -> object:
    """A chart exactly as exported (theme=None) with, below it, a table toggle and downloads:
    Excel (the numbers), PNG and SVG rendered on the server, and a one-slide PowerPoint."""
    titel = _titel(fig)
    keuze = st.plotly_chart(
        fig, theme=None, key=sleutel, config=theme.plotly_config(titel),
        on_select=on_select,  # type: ignore[call-overload]
        selection_mode="points",
    )  # fmt: skip
    _onthoud(fig, tabel)
    if alleen_grafiek:  # presentation mode: the chart, nothing around it
        return keuze
    naam = theme.bestandsnaam(titel)
    kolommen = st.columns([2, 1, 1, 1, 1.3, 2.7])
    toon = False
    if tabel is not None:
        with kolommen[0]:
            toon = st.toggle(t("Toon als tabel", taal), key=f"{sleutel}_tabel")
        with kolommen[1]:
            st.download_button(
                "Excel", lambda: werkboek(fig, tabel, taal), file_name=f"{naam}.xlsx", mime=XLSX_MIME,
                key=f"{sleutel}_xlsx", icon=":material/table:", on_click="ignore",
                help=t("Download als Excel", taal),
            )  # fmt: skip
    beschikbaar, reden = afbeelding.beschikbaar()
    for kolom, formaat, mime in (
        (kolommen[2], "png", "image/png"),
        (kolommen[3], "svg", "image/svg+xml"),
    ):
        with kolom:
            st.download_button(
                formaat.upper(), functools.partial(afbeelding.afbeelding, fig, formaat), file_name=f"{naam}.{formaat}",
                mime=mime, key=f"{sleutel}_{formaat}", icon=":material/image:", on_click="ignore",
                disabled=not beschikbaar, help=reden or t("Download als afbeelding", taal) + " (1600×900)",
            )  # fmt: skip
    with kolommen[4]:
        st.download_button(
            "PowerPoint", lambda: pptx.deck(titel, theme.ondertitel_van(fig), [dia(fig)], taal=taal),
            file_name=f"{naam}.pptx", mime=PPTX_MIME, key=f"{sleutel}_pptx", icon=":material/slideshow:",
            on_click="ignore", help=t("Download als PowerPoint", taal),
        )  # fmt: skip
    if toon and tabel is not None:
        # the table's own CSV download writes these cells: names are never a formula there
        st.dataframe(fmt.tabel_tekst(csv_frame(tabel), taal), hide_index=True, width="stretch")
    return keuze


def _titel(fig: go.Figure) -> str:
    return theme.titel_van(fig) or "grafiek"


def dia(fig: go.Figure) -> pptx.Dia:
    """The slide of a figure: its title, subtitle and source line, the chart native."""
    return pptx.Dia(
        _titel(fig),
        theme.ondertitel_van(fig),
        theme.voetnoot_van(fig),
        figuur=fig,
        notities=_notities(),
    )


def _notities() -> str:
    return "\n".join(
        f"{k}: {v}"
        for k, v in definitions.toelichting_regels(
            config.settings().min_groep, config.settings().min_respondenten
        )
    )


def werkboek(fig: go.Figure, tabel: pl.DataFrame, taal: str) -> bytes:
    """The numbers behind a chart as a workbook, with a 'Toelichting' sheet (selection, source,
    definitions, suppression)."""
    titel = _titel(fig)
    buffer = io.BytesIO()
    frame_naar_werkboek(
        {titel[:31] or "Gegevens": tabel},
        buffer,
        toelichting=[
            ("Onderwerp", titel),
            ("Selectie", theme.ondertitel_van(fig)),
            ("Bron en peildatum", theme.voetnoot_van(fig)),
            *definitions.toelichting_regels(
                config.settings().min_groep, config.settings().min_respondenten
            ),
        ],
    )
    return buffer.getvalue()


def _onthoud(fig: go.Figure, tabel: pl.DataFrame | None) -> None:
    """Keep this run's figures, for the page's PowerPoint download."""
    ss = st.session_state
    run = ss.get("_frame_teller", 0)
    if ss.get("_figuren_run") != run:
        ss["_figuren_run"], ss["_figuren"] = run, []
    ss["_figuren"].append(fig)


def pagina_pptx(titel: str, ondertitel: str, taal: str, *, sleutel: str) -> None:
    """'Download als PowerPoint' for every chart shown on this page (one slide each)."""
    figuren = list(st.session_state.get("_figuren", []))
    if not figuren:
        return
    st.download_button(
        t("Download als PowerPoint", taal) + f" ({len(figuren)} dia's)",
        lambda: pptx.deck(titel, ondertitel, [dia(f) for f in figuren], taal=taal),
        file_name=f"{theme.bestandsnaam(titel)}.pptx", mime=PPTX_MIME, key=sleutel,
        icon=":material/slideshow:", on_click="ignore", type="primary",
    )  # fmt: skip
