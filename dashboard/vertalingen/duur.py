"""English for Duur en signalen."""

EN = {
    # page
    "Verzuim naar duur": "Absence by duration",
    "Frequent verzuim per eenheid": "Frequent absence per unit",
    "Langdurig verzuim en Poortwachter-mijlpalen": "Long-term absence and Gatekeeper milestones",
    "Inzoomen op": "Drill down into",
    "Deze eenheid heeft geen onderliggende eenheden: haar eigen cijfers staan in de trends hieronder.": (
        "This unit has no sub-units: its own numbers are in the trends below."
    ),
    # cards
    "Kort": "Short",
    "Middellang": "Medium",
    "Lang": "Long",
    "Extra lang": "Extra long",
    "Open > 6 weken": "Open > 6 weeks",
    "voorbij week 52": "past week 52",
    # charts
    "Verzuimpercentage naar duurklasse": "Absence rate by duration class",
    "Verzuimpercentage naar duurklasse over 12 maanden": "Absence rate by duration class over 12 months",
    "Beëindigde meldingen naar totale duur": "Ended spells by total duration",
    "Aandeel van de beëindigde meldingen": "Share of ended spells",
    "Frequent verzuim: 3 of meer meldingen in 12 maanden": "Frequent absence: 3 or more reports in 12 months",
    "Frequent verzuim: 3 of meer meldingen in 12 maanden, in % van wie in dienst is": (
        "Frequent absence: 3 or more reports in 12 months, as % of those in service"
    ),
    "Open meldingen naar duur tot nu": "Open spells by duration so far",
    "Open meldingen langer dan 6 weken": "Open spells longer than 6 weeks",
    "Open meldingen": "Open spells",
    "eind": "end of",
    "eind van elke maand": "end of each month",
    "t/m": "to",
    "per 100 in dienst": "per 100 in service",
    "6-42 weken": "6-42 weeks",
    "42-52 weken": "42-52 weeks",
    "52-91 weken": "52-91 weeks",
    "meer dan 91 weken": "more than 91 weeks",
    # tables
    "Periode": "Period",
    "In dienst op de laatste dag": "In service on the last day",
    "Frequent verzuim (aantal)": "Frequent absence (count)",
    "Frequent verzuim (%)": "Frequent absence (%)",
    "Voorbij week 6": "Past week 6",
    "Voorbij week 42": "Past week 42",
    "Voorbij week 52": "Past week 52",
    "Voorbij week 91": "Past week 91",
    "Voorbij week 6 per 100 in dienst": "Past week 6 per 100 in service",
}
