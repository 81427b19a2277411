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


#: Characters that start markdown inline syntax (emphasis, code, links and images, LaTeX) or a
#: Streamlit directive (`:red[...]`), backslash-escaped wherever they stand; `<` only where it
#: could open a tag or an autolink (so '< 10' stays as it is), `_` only where it is not inside a
#: word (an underscore between letters never makes emphasis: 'verzuim_2026.csv' stays).
_MARKDOWN = re.compile(r"([\\`*~\[\]$]|<(?=[A-Za-z/!?])|(?<![^\W_])_|_(?![^\W_]))")
#: Block markers that only count at the start: a heading, a quote, a list item, a heading line
#: made of `=`, and the `1.` or `1)` of a numbered list (escaped after the number).
_MARKDOWN_BEGIN = re.compile(r"^(\s*)([#>+=-])")
_LIJSTNUMMER = re.compile(r"^(\s*\d+)([.)])")
#: Literal autolinks (GFM finds these in the text after escapes are resolved): a zero-width space
#: breaks them, so a URL or e-mail address in a name is never a live link.
_AUTOLINK = (
    (re.compile(r"(?i)\b(https?|ftp)(:)(//)"), "\\1\\2\u200b\\3"),
    (re.compile(r"(?i)\b(www)\."), "\\1\u200b."),
    (re.compile(r"@(?=\w)"), "@\u200b"),
)


def markdown_tekst(s: object) -> str:
    """Text from outside (a unit or pilot name, a value from a file) for inside Streamlit markdown
    (titles, captions, messages, labels, radio and segmented-control options, st.table cells):
    it renders as the characters it is, never as bold, a link, an image or a heading.

    Product text around it keeps its own markdown: escape the name where it is inserted, or a
    whole text only when the product put no markdown in it.
    """
    tekst = str(s).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    tekst = _MARKDOWN.sub(r"\\\1", tekst)
    tekst = _MARKDOWN_BEGIN.sub(r"\1\\\2", tekst)
    tekst = _LIJSTNUMMER.sub(r"\1\\\2", tekst)
    for patroon, vervanging in _AUTOLINK:
        tekst = patroon.sub(vervanging, tekst)
    return tekst


def markdown_cellen(frame: pl.DataFrame) -> pl.DataFrame:
    """Every text cell of a frame escaped as `markdown_tekst` does (st.table renders markdown)."""
    return frame.with_columns(
        pl.col(c).map_elements(markdown_tekst, return_dtype=pl.String)
        for c, d in frame.schema.items()
        if d == pl.String
    )


def plotly_tekst(s: object) -> str:
    """A name for inside plotly text (titles, ticks, hover, legend, annotations): plain text.

    Plotly reads `<b>`, `<a href>`, `<span style>` and the like in every text and shows `&lt;`
    as `<`. Plotly decodes entities only in the text between tags, so `&` needs no escape (and
    'P&O' stays 'P&O' where a figure's text is reused, as in a slide's native chart).
    """
    return str(s).replace("<", "&lt;").replace(">", "&gt;")


def plotly_platte_tekst(s: str) -> str:
    """Undo `plotly_tekst` (for a figure's title taken back as plain text: slides, file names)."""
    return s.replace("&lt;", "<").replace("&gt;", ">")


def plotly_namen(frame: pl.DataFrame, *kolommen: str) -> pl.DataFrame:
    """The frame with its name columns escaped as `plotly_tekst` does (for a chart builder)."""
    return frame.with_columns(
        pl.col(k)
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
