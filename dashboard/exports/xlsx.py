"""Excel workbooks with formatted headers, Dutch number formats, frozen headers and fitting widths."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import IO

import polars as pl
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dashboard import definitions
from dashboard.charts import Grafiek
from dashboard.config import settings
from dashboard.i18n import t
from dashboard.veilig import celwaarde

_KOP_VULLING = PatternFill("solid", fgColor="01689B")
_KOP_LETTER = Font(bold=True, color="FFFFFF")
_GRIJS = PatternFill("solid", fgColor="E6E6E6")


#: Excel number formats by column name (Excel shows them with the reader's own separators,
#: so a Dutch Excel shows 5,3 and 1.234).
def getalnotatie(kolom: str) -> str | None:
    """The Excel number format for a column, by its name."""
    k = kolom.lower()
    if "frequentie" in k:
        return "0.00"
    if "percentage" in k or k.endswith("_pct") or k.endswith("(%)") or "duur" in k:
        return "0.0"
    if k in ("bezetting", "fte") or "dagen" in k or k.startswith("score") or "gemiddelde" in k:
        return "#,##0.0"
    return None


def frame_naar_werkboek(
    bladen: Mapping[str, pl.DataFrame],
    doel: str | IO[bytes],
    *,
    toelichting: Sequence[tuple[str, str]] = (),
    onderdrukt_tekst: str = "< 10",
) -> None:
    """Write frames as sheets (plus a 'Toelichting' sheet) to a path or binary stream.

    A column `onderdrukt` (bool) is not written; in its rows every empty number cell shows
    `onderdrukt_tekst` on a grey fill instead, so a suppressed group is never a blank or a number.
    Every cell passes `veilig.celwaarde`: a text is never a live formula (unit names come from
    imported files), a number stays a number.
    """
    wb = Workbook()
    wb.remove(wb.active)
    for naam, frame in bladen.items():
        ws = wb.create_sheet(_bladnaam(naam))
        kolommen = [c for c in frame.columns if c != "onderdrukt"]
        onderdrukt = (
            frame["onderdrukt"].to_list()
            if "onderdrukt" in frame.columns
            else [False] * frame.height
        )
        ws.append([celwaarde(c) for c in kolommen])
        for cel in ws[1]:
            cel.fill, cel.font = _KOP_VULLING, _KOP_LETTER
            cel.alignment = Alignment(vertical="center", wrap_text=True)
        numeriek = {c for c in kolommen if frame[c].dtype.is_numeric()}
        for i, rij in enumerate(frame.select(kolommen).iter_rows()):
            ws.append([celwaarde(v) for v in rij])
            if onderdrukt[i]:
                for j, c in enumerate(kolommen, start=1):
                    if c in numeriek:
                        cel = ws.cell(row=i + 2, column=j)
                        cel.value, cel.fill = onderdrukt_tekst, _GRIJS
                        cel.alignment = Alignment(horizontal="right")
        for j, c in enumerate(kolommen, start=1):
            notatie = getalnotatie(c)
            dtype = frame[c].dtype
            for cel in ws.iter_cols(min_col=j, max_col=j, min_row=2):
                for x in cel:
                    if dtype == pl.Date:
                        x.number_format = "dd-mm-yyyy"
                    elif notatie and dtype.is_numeric():
                        x.number_format = notatie
                    elif dtype.is_integer():
                        x.number_format = "#,##0"
            breedte = max([len(str(c))] + [len(_tekst(v)) for v in frame[c].head(500).to_list()])
            ws.column_dimensions[get_column_letter(j)].width = min(60, max(8, breedte + 2))
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    if toelichting:
        ws = wb.create_sheet("Toelichting")
        ws.append(["Onderwerp", "Toelichting"])
        for cel in ws[1]:
            cel.fill, cel.font = _KOP_VULLING, _KOP_LETTER
        for k, v in toelichting:
            ws.append([celwaarde(k), celwaarde(v)])
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["B"].width = 110
        for rij in ws.iter_rows(min_row=2):
            rij[1].alignment = Alignment(wrap_text=True, vertical="top")
            rij[0].alignment = Alignment(vertical="top")
            rij[0].font = Font(bold=True)
        ws.freeze_panes = "A2"
    wb.save(doel)


def _bladnaam(naam: str) -> str:
    for teken in "[]:*?/\\":
        naam = naam.replace(teken, " ")
    return naam[:31] or "Blad"


def _tekst(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.1f}"
    if isinstance(v, dt.date):
        return "00-00-0000"
    return str(v)


def grafiek_werkboek(g: Grafiek) -> bytes:
    """The numbers behind a chart as a workbook, with a 'Toelichting' sheet (selection, source,
    definitions, suppression)."""
    instellingen = settings()
    buffer = io.BytesIO()
    frame_naar_werkboek(
        {g.titel[:31] or "Gegevens": g.tabel if g.tabel is not None else pl.DataFrame()},
        buffer,
        toelichting=[
            (t("Onderwerp", g.taal), g.titel),
            (t("Selectie", g.taal), g.ondertitel),
            (t("Bron en peildatum", g.taal), g.bron),
            *definitions.toelichting_regels(
                instellingen.min_groep, instellingen.min_respondenten, g.taal
            ),
        ],
        onderdrukt_tekst=f"< {instellingen.min_groep}",
    )
    return buffer.getvalue()


def rapport_xlsx(rapport: pl.DataFrame) -> bytes:
    """The complete report as an Excel workbook (for download)."""
    tabel = rapport.rename(
        {"bestand": "Bestand", "rij": "Rij", "kolom": "Kolom", "waarde": "Waarde", "reden": "Reden"}
    )
    buffer = io.BytesIO()
    frame_naar_werkboek(
        {"Problemen": tabel},
        buffer,
        toelichting=[
            ("Wat", "Problemen gevonden bij het inlezen van extracten"),
            ("Gevolg", "De import is geweigerd; er is niets in de gegevens veranderd."),
            ("Rij", "Het rijnummer zoals u het in het bestand ziet (in Excel of een teksteditor)."),
        ],
    )
    return buffer.getvalue()
