"""Text from outside (imported files, typed text, the URL) made harmless where it leaves the app.

One place for each rule, used everywhere:
- workbooks and CSV: a text cell that a spreadsheet would run as a formula gets a leading `'`
  (OWASP, CSV injection); numbers are never touched;
- Streamlit markdown and plotly text: a name is escaped where it is inserted, so `**vet**`,
  an image tag or a link in a unit name shows as the characters it is;
- URL parameters: whole numbers are parsed strictly.
"""

from __future__ import annotations

import math
import re

import polars as pl

#: A text starting with one of these (after spaces or line breaks) is a formula to Excel,
#: LibreOffice or Google Sheets: = + - @, tab, carriage return.
_FORMULE = r"^[ \n]*[=+\-@\t\r]"
_FORMULE_RE = re.compile(_FORMULE)
#: Control characters a workbook cannot hold (openpyxl refuses them with an error).
_ONGELDIG_IN_WERKBOEK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def csv_tekst(s: str) -> str:
    """A text value for a CSV or workbook cell: `'` in front when a spreadsheet would read a formula."""
    return "'" + s if _FORMULE_RE.match(s) else s


def celwaarde(v: object) -> object:
    """A value for an openpyxl cell: text neutralised, NaN empty, numbers and dates unchanged."""
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, str):
        return csv_tekst(_ONGELDIG_IN_WERKBOEK.sub("", v))
    return v


def csv_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Every text column of a frame neutralised as `csv_tekst` does (number columns untouched)."""
    tekst = [c for c, d in frame.schema.items() if d == pl.String]
    if not tekst:
        return frame
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(_FORMULE))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .alias(c)
        for c in tekst
    )


#: Characters that start markdown, HTML or a Streamlit directive (`:red[..]`, `:material/x:`,
#: `$math$`), backslash-escaped wherever they stand.
_MARKDOWN = re.compile(r"([\\`*_~\[\]<>|$:&#])")
#: Block markers that only count at the start: list items, a heading line made of `=`, and the
#: `1.` or `1)` of a numbered list (escaped after the number).
_MARKDOWN_BEGIN = re.compile(r"^(\s*)([-+=])")
_LIJSTNUMMER = re.compile(r"^(\s*\d+)([.)])")
#: Literal autolinks (GFM finds these in the text after escapes are resolved): a zero-width space
#: breaks them, so a URL or e-mail address in a name is never a live link.
_AUTOLINK = (
    (re.compile(r"(?i)(https?|ftp)(\\?:)(//)"), "\\1\\2\u200b\\3"),
    (re.compile(r"(?i)\b(www)\."), "\\1\u200b."),
    (re.compile(r"@"), "@\u200b"),
)


def markdown_tekst(s: object) -> str:
    """A name for inside Streamlit markdown (titles, captions, labels, messages): plain text."""
    tekst = str(s).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    tekst = _MARKDOWN.sub(r"\\\1", tekst)
    tekst = _MARKDOWN_BEGIN.sub(r"\1\\\2", tekst)
    tekst = _LIJSTNUMMER.sub(r"\1\\\2", tekst)
    for patroon, vervanging in _AUTOLINK:
        tekst = patroon.sub(vervanging, tekst)
    return tekst


def plotly_tekst(s: object) -> str:
    """A name for inside plotly text (titles, ticks, hover, legend, annotations): plain text.

    Plotly reads `<b>`, `<a href>`, `<span style>` and the like in every text; the entities
    are shown as the characters they stand for.
    """
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plotly_platte_tekst(s: str) -> str:
    """Undo `plotly_tekst` (for a figure's title taken back as plain text: slides, file names)."""
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def plotly_namen(frame: pl.DataFrame, *kolommen: str) -> pl.DataFrame:
    """The frame with its name columns escaped as `plotly_tekst` does (for a chart builder)."""
    return frame.with_columns(
        pl.col(k)
        .str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
        for k in kolommen
        if k in frame.columns and frame.schema[k] == pl.String
    )


def url_geheel(waarde: str | None, standaard: int) -> int:
    """A whole number from a URL parameter; `standaard` for anything else ('²', '1.5', '', None).

    `str.isdigit` accepts '²' and other digits `int` refuses; only ASCII digits count here.
    """
    if waarde is None:
        return standaard
    tekst = waarde.strip()
    if re.fullmatch(r"-?[0-9]{1,9}", tekst):
        return int(tekst)
    return standaard
