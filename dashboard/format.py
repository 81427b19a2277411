"""Number and date formats: Dutch by default (5,3%; 1.234; 31-10-2026; okt 2026), English on request."""

from __future__ import annotations

import datetime as dt
import math

import polars as pl

from dashboard.config import settings as _settings
from dashboard.periods import MAANDEN_KORT, MAANDEN_LANG, MONTHS_SHORT_EN, Maand

#: What a suppressed number shows: the configured minimum group size ("< 10" by default).
ONDERDRUKT = f"< {_settings().min_groep}"
GEEN_GEGEVENS = "geen gegevens"


def _leeg(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x)))


def getal(x: float | None, decimalen: int = 0, taal: str = "nl") -> str:
    """1234.5 -> '1.234,5' (nl) or '1,234.5' (en); '–' when undefined."""
    if _leeg(x):
        return "–"
    tekst = f"{x:,.{decimalen}f}"
    if taal == "en":
        return tekst
    return tekst.replace(",", "\0").replace(".", ",").replace("\0", ".")


def procent(x: float | None, decimalen: int = 1, taal: str = "nl") -> str:
    """5.34 -> '5,3%'."""
    return "–" if _leeg(x) else f"{getal(x, decimalen, taal)}%"


def verschil(x: float | None, decimalen: int = 1, eenheid: str = "", taal: str = "nl") -> str:
    """Signed change: '+0,4', '−1,2' (with a real minus sign)."""
    if _leeg(x):
        return "–"
    assert x is not None
    x = round(x, decimalen)
    teken = "+" if x > 0 else "−" if x < 0 else "±"
    return f"{teken}{getal(abs(x), decimalen, taal)}{eenheid}"


def datum(d: dt.date | None, taal: str = "nl") -> str:
    """31-10-2026 (nl) or 31 Oct 2026 (en)."""
    if d is None:
        return "–"
    if taal == "en":
        return f"{d.day} {MONTHS_SHORT_EN[d.month - 1]} {d.year}"
    return d.strftime("%d-%m-%Y")


def maand(m: Maand | dt.date, taal: str = "nl", lang: bool = False) -> str:
    """'okt 2026' or 'oktober 2026' (nl); 'Oct 2026' (en)."""
    if isinstance(m, dt.date):
        m = Maand.of(m)
    if lang:
        return m.label_lang(taal)
    return m.label(taal)


def maandnaam(nummer: int, taal: str = "nl", lang: bool = True) -> str:
    """Name of month 1-12."""
    if taal == "en":
        return dt.date(2000, nummer, 1).strftime("%B" if lang else "%b")
    return (MAANDEN_LANG if lang else MAANDEN_KORT)[nummer - 1]


def separators(taal: str = "nl") -> str:
    """Plotly `layout.separators` for the language: decimal then thousands."""
    return ",." if taal == "nl" else ".,"


def tabel_tekst(frame: pl.DataFrame, taal: str = "nl") -> pl.DataFrame:
    """A table's numbers as text in the language's format; rows marked `onderdrukt` show '< 10'
    in every number column (the column `onderdrukt` itself is left out)."""
    onderdrukt = (
        frame["onderdrukt"].to_list() if "onderdrukt" in frame.columns else [False] * frame.height
    )
    uit: dict[str, list[str]] = {}
    for c in frame.columns:
        if c == "onderdrukt":
            continue
        s = frame[c]
        laag = c.lower()
        if s.dtype.is_numeric():
            waarden = [v for v in s.to_list() if v is not None]
            heel = all(float(v).is_integer() for v in waarden)
            if "frequentie" in laag:
                dec = 2
            elif "percentage" in laag or "%" in laag or "duur" in laag or "score" in laag:
                dec = 1
            else:
                dec = 0 if heel else 1
            uit[c] = [
                ONDERDRUKT if o else getal(v, dec, taal)
                for v, o in zip(s.to_list(), onderdrukt, strict=True)
            ]
        elif s.dtype == pl.Date:
            uit[c] = [
                maand(v, taal) if v is not None and v.day == 1 else datum(v, taal)
                for v in s.to_list()
            ]
        else:
            uit[c] = ["" if v is None else str(v) for v in s.to_list()]
    return pl.DataFrame(uit, schema=dict.fromkeys(uit, pl.String))
