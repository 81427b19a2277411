"""What each view shows, as data: metrics-API frames plus the texts that state the findings.

Pages, the Maandoverleg and the PowerPoint export all build their content here, so the screen,
the slides and the workbook always say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard import catalogus
from dashboard import format as fmt
from dashboard.hierarchy import Boom
from dashboard.i18n import N_, t
from dashboard.metrics import Filter, Groep, groepen
from dashboard.selectie import Selectie


@dataclass(frozen=True)
class Kader:
    """What frames a chart: a title stating the finding, the selection, the source."""

    titel: str
    ondertitel: str
    peildatum: dt.date | None
    min_groep: int = 10
    taal: str = "nl"
    bron: str = N_("Verzuimzicht, HR- en verzuimextracten")

    @property
    def voetnoot(self) -> str:
        """Source line, with the peildatum and the suppression rule."""
        delen = [f"{t('Bron', self.taal)}: {t(self.bron, self.taal)}"]
        if self.peildatum:
            delen.append(
                f"{t('Peildatum', self.taal).lower()} {fmt.datum(self.peildatum, self.taal)}"
            )
        tekst = " · ".join(delen) + "."
        if self.min_groep > 0:
            tekst += " " + t(
                "Groepen met minder dan {n} medewerkers zijn niet getoond (< {n}).",
                self.taal,
                n=self.min_groep,
            )
        return tekst


@dataclass(frozen=True)
class Context:
    """Everything a view needs besides the store: the tree, the selection, the rules."""

    boom: Boom
    selectie: Selectie
    min_groep: int = 10
    toegang: frozenset[str] | None = None

    @property
    def taal(self) -> str:
        """Interface language."""
        return self.selectie.taal

    @property
    def groep(self) -> Groep:
        """The selected unit with all its descendants."""
        return groepen(self.boom, [self.selectie.eenheid], self.toegang)[0]

    @property
    def peildatum(self) -> dt.date | None:
        """Peildatum of the selected organisation."""
        return self.boom.peildatum.get(self.selectie.organisatie)

    def eenheid_tekst(self) -> str:
        """'Directie X (Ministerie Y)' or just the organisation's name."""
        sel = self.selectie
        naam = self.boom.naam(sel.eenheid)
        if sel.eenheid == sel.organisatie:
            return naam
        return f"{naam} ({self.boom.naam(sel.organisatie)})"

    def filter_tekst(self) -> str:
        """The attribute filter in words, empty when there is none."""
        return filter_tekst(self.selectie.filter, self.taal)

    def ondertitel(self, periode: str) -> str:
        """Subtitle: selection · period · filter."""
        delen = [self.eenheid_tekst(), *([periode] if periode else [])]
        if self.filter_tekst():
            delen.append(self.filter_tekst())
        return " · ".join(delen)

    def kader(self, titel: str, periode: str) -> Kader:
        """The frame of a chart of this view."""
        return Kader(titel, self.ondertitel(periode), self.peildatum, self.min_groep, self.taal)


def niet_getoond_tekst(reden: str | None, min_groep: int, taal: str = "nl") -> str:
    """Why a group's numbers are not shown (the metrics API's `reden_onderdrukt`)."""
    if reden == "bescherming":
        return t(
            "niet getoond, om een kleine groep ernaast te beschermen (< {n})", taal, n=min_groep
        )
    if reden == "filtercel":
        return t(
            "niet getoond met dit filter: een groep die het filter afsplitst, telt minder dan {n} "
            "medewerkers",
            taal,
            n=min_groep,
        )
    return t("groep te klein om te tonen (< {n})", taal, n=min_groep)


def filter_tekst(f: Filter, taal: str = "nl") -> str:
    """'leeftijd 55-64, geslacht v' for a filter."""
    delen = []
    for naam, label in catalogus.KENMERKEN.items():
        waarden = getattr(f, naam)
        if waarden:
            delen.append(f"{t(label, taal).lower()} {', '.join(waarden)}")
    return "; ".join(delen)


def periode_tekst(van: object, tot: object, taal: str = "nl") -> str:
    """'jan 2019 – okt 2026'."""
    return f"{fmt.maand(van, taal)} – {fmt.maand(tot, taal)}"  # type: ignore[arg-type]
