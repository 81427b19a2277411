"""Medewerkersonderzoek, the view's data: what one wave at one level holds, and the JD-R rules
that need nothing but those numbers (quadrants, pooled absence, the survey's year)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from dashboard import format as fmt
from dashboard.catalogus import Schaal
from dashboard.i18n import N_
from dashboard.periods import Periode

NIVEAUS: tuple[str, ...] = ("afdelingen", "onderliggend")
#: Fewer units than this: no correlation is stated.
MIN_EENHEDEN_SAMENHANG = 5
#: A change smaller than this is shown as ±0,0 at one decimal: "no change".
DREMPEL_VERSCHIL = 0.05
#: The headline names a change of the selected unit only from this size on.
DREMPEL_KOP = 0.1

#: The JD-R quadrant a unit lies in against the organisation average.
RISICO = N_("hoge eisen, weinig hulpbronnen")
KWADRANTEN: dict[tuple[bool, bool], str] = {
    # (high demands, many resources): label
    (True, False): RISICO,
    (True, True): N_("hoge eisen, veel hulpbronnen"),
    (False, True): N_("lage eisen, veel hulpbronnen"),
    (False, False): N_("lage eisen, weinig hulpbronnen"),
}

_JAAR = re.compile(r"(19|20)\d{2}")


@dataclass(frozen=True)
class Samenhang:
    """Correlation across units of one scale with the verzuimpercentage of the same year."""

    schaal: str
    n: int
    r: float | None
    laag: float | None
    hoog: float | None
    helling: float | None
    snijpunt: float | None

    @property
    def berekend(self) -> bool:
        """Enough units for a correlation to be stated at all."""
        return self.r is not None and self.n >= MIN_EENHEDEN_SAMENHANG

    @property
    def onzeker(self) -> bool:
        """The 95% interval of r contains 0: the sign itself is not established."""
        return self.laag is not None and self.hoog is not None and self.laag <= 0 <= self.hoog


@dataclass(frozen=True)
class Schaalkaart:
    """A headline number: one scale of the selected unit, against the previous wave."""

    schaal: Schaal
    score: float | None
    vorige: float | None
    onderdrukt: bool
    minimum: int = 10

    def waarde(self, taal: str = "nl") -> str:
        """'3,4', '< 10' when suppressed, '–' without data."""
        if self.onderdrukt:
            return f"< {self.minimum}"
        return fmt.getal(self.score, self.schaal.decimalen, taal)

    @property
    def verschil(self) -> float | None:
        """Change against the previous wave."""
        if self.onderdrukt or self.score is None or self.vorige is None:
            return None
        return self.score - self.vorige


@dataclass(frozen=True)
class Enquete:
    """The content of the Medewerkersonderzoek view for one wave and level."""

    meting: str | None
    vorige: str | None
    metingen: tuple[str, ...]
    niveau: str
    #: level -> number of units shown at it (only levels that differ from each other)
    niveaus: dict[str, int]
    schalen: tuple[Schaal, ...]
    #: one row per unit shown: eenheid, naam, respondenten, onderdrukt, eenheden_onderdrukt,
    #: score_<schaal>, vorige_<schaal>, eisen, hulpbronnen, verzuimpercentage, verzuimdagen,
    #: beschikbare_dagen, verzuim_onderdrukt
    eenheden: pl.DataFrame
    #: the same columns for the averages: the organisation, and the selected unit when it differs
    referenties: pl.DataFrame
    verzuim_periode: Periode | None
    samenhang: dict[str, Samenhang]
    kaarten: list[Schaalkaart]
    kop: str
    min_respondenten: int

    @property
    def zichtbaar(self) -> int:
        """Number of shown units with enough respondents to show their scores."""
        return int((~self.eenheden["onderdrukt"]).sum()) if self.eenheden.height else 0

    @property
    def organisatie(self) -> dict[str, object]:
        """The organisation's average row (empty without data)."""
        return self.referenties.row(0, named=True) if self.referenties.height else {}


# -- waves ---------------------------------------------------------------------------------------


def jaar_van(meting: str | None) -> int | None:
    """The calendar year a wave belongs to ('2024', 'najaar 2024' -> 2024), None when unclear."""
    if meting is None:
        return None
    m = _JAAR.search(meting)
    return int(m.group(0)) if m else None


# -- demands against resources -------------------------------------------------------------------


def kwadrant(
    eisen: float | None,
    hulpbronnen: float | None,
    ref_eisen: float | None,
    ref_hulpbronnen: float | None,
) -> str | None:
    """The JD-R quadrant of a unit against the organisation average (None when unknown)."""
    if eisen is None or hulpbronnen is None or ref_eisen is None or ref_hulpbronnen is None:
        return None
    return KWADRANTEN[(eisen > ref_eisen, hulpbronnen >= ref_hulpbronnen)]


def met_kwadrant(e: Enquete) -> pl.DataFrame:
    """The shown units with their quadrant (its Dutch label) against the organisation average."""
    org = e.organisatie
    ref_eisen, ref_hulpbronnen = org.get("eisen"), org.get("hulpbronnen")
    return e.eenheden.with_columns(
        pl.Series(
            "kwadrant",
            [
                kwadrant(x, y, ref_eisen, ref_hulpbronnen)  # type: ignore[arg-type]
                for x, y in zip(e.eenheden["eisen"], e.eenheden["hulpbronnen"], strict=True)
            ],
            dtype=pl.String,
        )
    )


def gepoold(frame: pl.DataFrame) -> float | None:
    """Verzuimpercentage of several units together: the ratio of sums (DESIGN 3)."""
    deel = frame.filter(~pl.col("verzuim_onderdrukt") & pl.col("beschikbare_dagen").is_not_null())
    noemer = float(deel["beschikbare_dagen"].sum())
    if deel.height == 0 or not noemer:
        return None
    return 100 * float(deel["verzuimdagen"].sum()) / noemer
