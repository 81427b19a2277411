"""What the Pilots view holds for one pilot: the groups, the metrics, the effect per metric."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard.periods import Periode
from dashboard.pilots import Pilot
from dashboard.statistiek import pilot as sp
from dashboard.statistiek import verschil as stat

#: The metrics a pilot is judged on, in the order the page discusses them: reports first (what
#: prevention pilots aim at). The catalogue marks them with the choice 'pilot' (a test checks it);
#: the statistics of a difference in differences exist for these two.
METRIEKEN: tuple[stat.Metriek, ...] = ("meldingsfrequentie", "verzuimpercentage")

#: Group labels in the frames (display names come from `teksten.groepsnaam`).
PILOT, VERGELIJKING, ORGANISATIE = "pilotgroep", "vergelijkingsgroep", "organisatie"


@dataclass(frozen=True)
class Effectkaart:
    """The estimated effect of the pilot on one metric, with its texts."""

    metriek: str
    pilot_voor: float | None
    pilot_na: float | None
    vergelijk_voor: float | None
    vergelijk_na: float | None
    effect: stat.Effect | None
    phi: float
    regressie: stat.Regressiecheck | None
    #: the units were chosen for high absence and their level before the pilot looks it
    regressie_tonen: bool
    referentie_voor: float | None
    tekst: str
    regressie_tekst: str
    #: the headline (issue 10): the effect judged across units where treatment was assigned,
    #: covariance analysis on the level before (regression to the mean taken out), with its
    #: interval; the same in the metric's units for the pilot group's level after
    rtm: sp.Pilotschatting | None = None
    rtm_absoluut: tuple[float, float | None, float | None] | None = None
    #: the pre-trend check: the same analysis one year earlier (before → selection year), where
    #: no effect can be; its p-value small means the groups were not comparable before
    pre_trend: sp.Pilotschatting | None = None

    @property
    def oordeel(self) -> sp.Oordeel:
        """'daling', 'stijging' or 'onzeker', as the RTM-adjusted interval allows."""
        return self.rtm.oordeel if self.rtm is not None else "onzeker"

    @property
    def naief(self) -> float | None:
        """The pilot group's change without any comparison."""
        if self.pilot_voor is None or self.pilot_na is None:
            return None
        return self.pilot_na - self.pilot_voor

    @property
    def gecorrigeerd(self) -> float | None:
        """The effect after taking off what regression to the mean alone would give."""
        if not self.regressie_tonen or self.regressie is None:
            return None
        return self.regressie.rest


@dataclass(frozen=True)
class PilotAnalyse:
    """The content of the Pilots view for one pilot."""

    pilot: Pilot
    organisatie: str
    voor: Periode | None
    na: Periode | None
    na_ingekort: bool
    #: monthly and centred 3-month values per group: soort ('maand' / '3mnd'), groep, maand, ...
    reeks: pl.DataFrame
    #: voor/na (and 'eerder') per group: pilotgroep, vergelijkingsgroep, organisatie
    perioden: pl.DataFrame
    #: voor/na per pilot and comparison unit (secondary suppression within each role)
    per_eenheid: pl.DataFrame
    kaarten: list[Effectkaart]
    rho: dict[str, float | None]
    niveau: int
    kop: str
    meldingen: list[str]

    def kaart(self, metriek: str) -> Effectkaart:
        """The effect card of one metric."""
        return next(k for k in self.kaarten if k.metriek == metriek)
