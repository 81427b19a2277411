"""Reusable screen parts: headline cards, a chart with its table and downloads."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

import streamlit as st

from dashboard import format as fmt
from dashboard.charts import Grafiek, theme
from dashboard.exports import afbeelding, pptx, xlsx
from dashboard.i18n import t
from dashboard.veilig import csv_frame
from dashboard.views.overzicht import Kaart

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


_log = logging.getLogger(__name__)


def kaarten(
    rij: Sequence[Kaart], basis: str, taal: str, aantal_frequent: float | None = None
) -> None:
    """Headline numbers: the chosen basis large with its change against a year earlier, the other
    basis small underneath."""
    kolommen = st.columns(len(rij))
    ander = "maand" if basis == "r12" else "r12"
    for kolom, k in zip(kolommen, rij, strict=True):
        d = k.verschil(basis)
        eenheid = " " + t("%-punt", taal) if k.suffix == "%" else ""
        with kolom, st.container(border=True):
            tekst = fmt.verschil(d, k.decimalen, eenheid, taal) if d is not None else None
            # no colour for a change the one rule calls chance (views.verandering)
            gelijk = d is not None and (round(d, k.decimalen) == 0 or k.richting(basis) == "gelijk")
            st.metric(
                t(k.kort_label, taal),
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
                tweede = f"{(t('12 mnd', taal) if ander == 'r12' else t('maand', taal))} {k.waarde(ander, taal)}"
            # no line break between a label and its number on a narrow card
            st.caption(
                f"{t('vorig jaar', taal)} {k.vorig(basis, taal)}".replace(" ", "\u00a0")
                + " · "
                + tweede.replace(" ", "\u00a0")
            )


def _uitleg(sleutel: str, taal: str) -> str:
    from dashboard.definitions import kort

    return kort(sleutel, taal)


def grafiek(
    g: Grafiek,
    *,
    sleutel: str,
    on_select: str = "ignore",
    alleen_grafiek: bool = False,
) -> object:
    """A chart exactly as exported (theme=None) with, below it, a table toggle and downloads:
    Excel (the numbers), PNG and SVG rendered on the server, and a one-slide PowerPoint."""
    taal = g.taal
    keuze = st.plotly_chart(
        g.figuur, theme=None, key=sleutel, config=theme.plotly_config(g.titel),
        on_select=on_select,  # type: ignore[call-overload]
        selection_mode="points",
    )  # fmt: skip
    _onthoud(g)
    if alleen_grafiek:  # presentation mode: the chart, nothing around it
        return keuze
    naam = g.bestandsnaam
    kolommen = st.columns([2, 1, 1, 1, 1.3, 2.7])
    toon = False
    if g.tabel is not None:
        with kolommen[0]:
            toon = st.toggle(t("Toon als tabel", taal), key=f"{sleutel}_tabel")
        with kolommen[1]:
            st.download_button(
                "Excel", functools.partial(xlsx.grafiek_werkboek, g), file_name=f"{naam}.xlsx",
                mime=XLSX_MIME, key=f"{sleutel}_xlsx", icon=":material/table:", on_click="ignore",
                help=t("Download als Excel", taal),
            )  # fmt: skip
    beschikbaar, reden = afbeelding.beschikbaar()
    for kolom, formaat, mime in (
        (kolommen[2], "png", "image/png"),
        (kolommen[3], "svg", "image/svg+xml"),
    ):
        with kolom:
            st.download_button(
                formaat.upper(), functools.partial(afbeelding.afbeelding, g.figuur, formaat),
                file_name=f"{naam}.{formaat}", mime=mime, key=f"{sleutel}_{formaat}",
                icon=":material/image:", on_click="ignore", disabled=not beschikbaar,
                help=reden or t("Download als afbeelding", taal) + " (1600×900)",
            )  # fmt: skip
    with kolommen[4]:
        st.download_button(
            "PowerPoint", functools.partial(pptx.deck, g.titel, g.ondertitel, [pptx.Dia.van(g)], taal=taal),
            file_name=f"{naam}.pptx", mime=PPTX_MIME, key=f"{sleutel}_pptx", icon=":material/slideshow:",
            on_click="ignore", help=t("Download als PowerPoint", taal),
        )  # fmt: skip
    if toon and g.tabel is not None:
        # the table's own CSV download writes these cells: names are never a formula there
        st.dataframe(fmt.tabel_tekst(csv_frame(g.tabel), taal), hide_index=True, width="stretch")
    return keuze


def _onthoud(g: Grafiek) -> None:
    """Keep this run's charts, for the page's PowerPoint download."""
    ss = st.session_state
    run = ss.get("_frame_teller", 0)
    if ss.get("_figuren_run") != run:
        ss["_figuren_run"], ss["_figuren"] = run, []
    ss["_figuren"].append(g)


def pagina_pptx(titel: str, ondertitel: str, taal: str, *, sleutel: str) -> None:
    """'PowerPoint maken' for every chart shown on this page (one slide each), in two clicks: make
    it with progress (a deck with many native charts takes seconds), then save it. A failure is
    said in Dutch, never a silent button."""
    figuren = list(st.session_state.get("_figuren", []))
    if not figuren:
        return
    ss = st.session_state
    klaar, gevraagd = f"{sleutel}_klaar", f"{sleutel}_gevraagd"
    st.button(
        t("Maak een PowerPoint van deze pagina", taal) + f" ({len(figuren)} dia's)",
        key=sleutel, icon=":material/slideshow:", type="primary",
        on_click=ss.update, args=({gevraagd: True, klaar: None},),
    )  # fmt: skip
    if ss.pop(gevraagd, False):
        balk = st.progress(0.0, text=t("Bezig…", taal))
        try:
            dias = []
            for i, g in enumerate(figuren, start=1):
                dias.append(pptx.Dia.van(g))
                balk.progress(
                    i / (len(figuren) + 1), text=t("Dia {i} van {n}", taal, i=i, n=len(figuren))
                )
            ss[klaar] = pptx.deck(titel, ondertitel, dias, taal=taal)
        except Exception:  # any failure: the log and a message, never a silent button
            _log.exception("page deck failed: %s", titel)
            ss[klaar] = None
            st.error(
                t("Het bestand kon niet worden gemaakt. Probeer het opnieuw of meld het.", taal)
            )
        balk.empty()
    if ss.get(klaar):
        st.download_button(
            t("Opslaan", taal) + f": {theme.bestandsnaam(titel)}.pptx", ss[klaar],
            file_name=f"{theme.bestandsnaam(titel)}.pptx", mime=PPTX_MIME, key=f"{sleutel}_opslaan",
            icon=":material/save:", on_click="ignore",
        )  # fmt: skip
