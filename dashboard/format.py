"""Number and date formats through Babel: Dutch by default (5,3%; 1.234; 31-10-2026; okt 2026),
English (en_GB) on request.

Babel's own patterns give these exactly for nl_NL: 'LLL' is "okt", "mrt", "jun" (no dot), 'LLLL'
"oktober". For en_GB it gives "Oct" and, for September, "Sept"; dates in English are "31 Oct 2026".
Only the sign of a change is our own: a real minus sign and "±" for no change.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math

import polars as pl
from babel.dates import format_date
from babel.numbers import format_decimal

from dashboard.i18n import TALEN, taal_of_standaard
from dashboard.periods import Maand

GEEN_GEGEVENS = "geen gegevens"


def __getattr__(naam: str) -> str:
    # ONDERDRUKT follows the configured minimum, read when it is used (not at import, so a bad
    # setting is reported by the app's own check, never as an import error)
    if naam == "ONDERDRUKT":
        from dashboard.config import settings

        return f"< {settings().min_groep}"
    raise AttributeError(naam)


def _locale(taal: str) -> str:
    return TALEN[taal_of_standaard(taal)]


def _leeg(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x)))


def getal(x: float | None, decimalen: int = 0, taal: str = "nl") -> str:
    """1234.5 -> '1.234,5' (nl) or '1,234.5' (en); '–' when undefined."""
    if _leeg(x):
        return "–"
    assert x is not None
    patroon = "#,##0" + ("." + "0" * decimalen if decimalen else "")
    # the float's exact value, as Python's own formatting rounds it (2.85 -> '2,9'): Babel would
    # round its shortest decimal string half-even (2.85 -> '2,8')
    exact = decimal.Decimal(x) if isinstance(x, float) else x
    return format_decimal(exact, format=patroon, locale=_locale(taal), decimal_quantization=True)


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
    patroon = "dd-MM-y" if taal_of_standaard(taal) == "nl" else "d MMM y"
    return format_date(d, patroon, locale=_locale(taal))


def maand(m: Maand | dt.date, taal: str = "nl", lang: bool = False) -> str:
    """'okt 2026' or 'oktober 2026' (nl); 'Oct 2026' or 'October 2026' (en)."""
    if isinstance(m, Maand):
        m = m.eerste_dag
    return format_date(m, "LLLL y" if lang else "LLL y", locale=_locale(taal))


def maandnaam(nummer: int, taal: str = "nl", lang: bool = True) -> str:
    """Name of month 1-12: 'oktober' / 'okt' (nl), 'October' / 'Oct' (en)."""
    return format_date(dt.date(2000, nummer, 1), "LLLL" if lang else "LLL", locale=_locale(taal))


def separators(taal: str = "nl") -> str:
    """Plotly `layout.separators` for the language: decimal then thousands (from Babel)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(_locale(taal)) + get_group_symbol(_locale(taal))


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
                __getattr__("ONDERDRUKT") if o else getal(v, dec, taal)
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
