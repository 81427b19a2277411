"""Interface language: Dutch is the source text; English translations by exact Dutch string.

`t("Verzuimpercentage", "en")` -> "Absence rate". Missing translations fall back to Dutch, and a
test checks that every string used with `t` in pages and charts has an English entry.
"""

from __future__ import annotations

TALEN = ("nl", "en")

EN: dict[str, str] = {
    # navigation and frame
    "Overzicht": "Overview",
    "Afdelingen": "Departments",
    "Duur en signalen": "Duration and signals",
    "Pilots": "Pilots",
    "Medewerkersonderzoek": "Employee survey",
    "Maandoverleg": "Monthly meeting",
    "Gegevens": "Data",
    "Toelichting": "Definitions",
    "Organisatie": "Organisation",
    "Eenheid": "Unit",
    "Maand": "Month",
    "Maatstaf": "Measure",
    "Vergelijking": "Comparison",
    "zelfde maand vorig jaar": "same month last year",
    "voortschrijdend 12 maanden": "rolling 12 months",
    "Filters op kenmerken": "Attribute filters",
    "Leeftijdsklasse": "Age band",
    "Geslacht": "Gender",
    "Schaalgroep": "Salary-scale band",
    "alle": "all",
    "Taal": "Language",
    "Peildatum": "Extract date",
    "gegevens t/m": "data up to",
    "Lokale modus: geen aanmelding ingesteld, alle organisaties zichtbaar.": (
        "Local mode: no sign-in configured, all organisations visible."
    ),
    "Aangemeld als": "Signed in as",
    # why a group is not shown (the publication pattern)
    "niet getoond, om een kleine groep ernaast te beschermen (< {n})": (
        "not shown, to protect a small group beside it (< {n})"
    ),
    "niet getoond met dit filter: een groep die het filter afsplitst, telt minder dan {n} "
    "medewerkers": "not shown with this filter: a group the filter would split off has fewer than {n} people",
    "groep te klein om te tonen (< {n})": "group too small to show (< {n})",
    "Afmelden": "Sign out",
    "Link naar deze weergave": "Link to this view",
    "tabel": "table",
    "Toon als tabel": "Show as table",
    "Download als Excel": "Download as Excel",
    "Download als PowerPoint": "Download as PowerPoint",
    "Download als afbeelding": "Download as image",
    "geen gegevens": "no data",
    "onderdrukt": "suppressed",
    "Totaal": "Total",
    "direct": "direct",
    # metrics
    "Verzuimpercentage": "Absence rate",
    "Meldingsfrequentie": "Notification frequency",
    "Gemiddelde verzuimduur": "Average duration",
    "Gem. duur (dagen)": "Avg. duration (days)",
    "12 mnd": "12 mo",
    "aantal": "count",
    "Nulverzuim": "Zero absence",
    "Frequent verzuim": "Frequent absence",
    "Langdurig verzuim": "Long-term absence",
    "Bezetting": "Headcount",
    "FTE": "FTE",
    "Meldingen": "Reports",
    "Beëindigde meldingen": "Ended spells",
    "Verzuimdagen": "Absence days",
    "Beschikbare dagen": "Available days",
    "per jaar": "per year",
    "dagen": "days",
    "medewerkers": "employees",
    "maand": "month",
    "12 maanden": "12 months",
    "vorig jaar": "last year",
    "t.o.v. vorig jaar": "vs last year",
    "procentpunt": "percentage points",
    "kort (1-7 dagen)": "short (1-7 days)",
    "middellang (8-42 dagen)": "medium (8-42 days)",
    "lang (43-365 dagen)": "long (43-365 days)",
    "extra lang (366+ dagen)": "extra long (366+ days)",
    # charts
    "Bron": "Source",
    "Verzuimzicht, HR- en verzuimextracten": "Verzuimzicht, HR and absence extracts",
    "Groepen met minder dan {n} medewerkers zijn niet getoond (< {n}).": (
        "Groups with fewer than {n} employees are not shown (< {n})."
    ),
    "Voortschrijdend jaargemiddelde": "Rolling 12-month average",
    "CBS sector openbaar bestuur (kwartaal)": "CBS public administration (quarterly)",
    "Rijksoverheid (maand)": "Central government (monthly)",
    "Benchmarks tonen": "Show benchmarks",
    "Eerdere jaren tonen": "Show earlier years",
}


def _alle_vertalingen() -> dict[str, str]:
    """The shared translations plus those of each view (dashboard/vertalingen/<view>.py: EN = {...})."""
    import importlib
    import pkgutil

    from dashboard import vertalingen

    alles = dict(EN)
    for module in pkgutil.iter_modules(vertalingen.__path__):
        alles.update(importlib.import_module(f"dashboard.vertalingen.{module.name}").EN)
    return alles


_ALLES: dict[str, str] | None = None


def t(tekst: str, taal: str = "nl", **waarden: object) -> str:
    """The text in the chosen language, with `{name}` placeholders filled in."""
    global _ALLES
    if taal == "en" and _ALLES is None:
        _ALLES = _alle_vertalingen()
    uit = (_ALLES or EN).get(tekst, tekst) if taal == "en" else tekst
    return uit.format(**waarden) if waarden else uit
