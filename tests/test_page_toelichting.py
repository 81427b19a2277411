"""Toelichting in AppTest: every definition of DESIGN section 3 with its formula, the sources,
the privacy rule with the configured minimum."""

from __future__ import annotations

from dashboard.benchmarks import CBS_BRON, RIJK_BRON
from dashboard.definitions import DEFINITIES, METHODEN


def test_alle_definities_met_formule_en_bronnen(app):
    at = app("pages/toelichting.py", org="MLV", eenheid="MLV", maand="2026-10")
    assert not at.exception
    koppen = [h.value for h in at.subheader]
    # the definitions, then (issue 10) the statistical methods
    assert koppen == [d.naam for d in DEFINITIES] + [m.naam for m in METHODEN]
    formules = [c.value for c in at.code]
    assert "verzuimpercentage = 100 × verzuimdagen / beschikbare dagen" in formules
    assert "meldingsfrequentie = meldingen / bezetting × 12 / k" in formules
    tekst = " ".join(m.value for m in at.markdown)
    assert CBS_BRON in tekst and RIJK_BRON in tekst
    assert "minder dan 10 medewerkers" in tekst


def test_minimum_uit_de_instellingen(app, monkeypatch):
    monkeypatch.setenv("VERZUIMZICHT_MIN_GROEP", "15")
    at = app("pages/toelichting.py", org="MLV", eenheid="MLV", maand="2026-10")
    tekst = " ".join(m.value for m in at.markdown)
    assert "minder dan 15 medewerkers" in tekst


def test_engels_helemaal(app):
    """The whole Toelichting in English: headings, definitions, privacy rules and sources."""
    from dashboard import i18n

    i18n.ONTBREKEND.clear()
    at = app("pages/toelichting.py", org="MLV", eenheid="MLV", maand="2026-10", taal="en")
    assert not at.exception
    assert at.title[0].value == "Definitions and sources"
    koppen = [h.value for h in at.subheader]
    assert koppen[:5] == ["Headcount", "FTE", "Available days", "Absence days", "Absence rate"]
    tekst = " ".join(m.value for m in at.markdown)
    assert "The share of available time lost to sickness" in tekst
    assert "fewer than 10 employees" in tekst and "Why is a large group sometimes hidden?" in tekst
    assert "Het deel van de beschikbare tijd" not in tekst
    assert not i18n.ONTBREKEND, sorted(i18n.ONTBREKEND)[:5]


def test_methoden_in_gewoon_nederlands(app):
    # issue 10: every method of dashboard.statistiek explained, with its formula
    at = app("pages/toelichting.py", org="MLV", eenheid="MLV", maand="2026-10")
    assert not at.exception
    koppen = [h.value for h in at.header]
    assert "Signaal of toeval: de methoden" in koppen
    onder = [s.value for s in at.subheader]
    for naam in ("Medewerkers als eenheid van toeval", "Echte verschillen tussen eenheden",
                 "Regelkaart met seizoenscorrectie", "Effect van een pilot"):  # fmt: skip
        assert naam in onder
