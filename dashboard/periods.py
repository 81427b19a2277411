"""Calendar months and reporting periods (maand, kwartaal, jaar, geheel, voortschrijdend)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Periodesoort = Literal["maand", "kwartaal", "jaar", "geheel", "voortschrijdend"]
PERIODESOORTEN: tuple[str, ...] = ("maand", "kwartaal", "jaar", "geheel", "voortschrijdend")

_MAAND_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


@dataclass(frozen=True, order=True)
class Maand:
    """A calendar month."""

    jaar: int
    maand: int

    @classmethod
    def parse(cls, text: str) -> Maand:
        """Parse `JJJJ-MM`; raises ValueError with a Dutch message."""
        m = _MAAND_RE.match(text or "")
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError(f"'{text}' is geen maand in de vorm JJJJ-MM")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Maand:
        """The month that contains a day."""
        return cls(day.year, day.month)

    @property
    def index(self) -> int:
        """Months since year 0: consecutive months differ by one."""
        return self.jaar * 12 + self.maand - 1

    @classmethod
    def from_index(cls, index: int) -> Maand:
        """Inverse of `index`."""
        return cls(index // 12, index % 12 + 1)

    def plus(self, months: int) -> Maand:
        """The month `months` later (or earlier when negative)."""
        return Maand.from_index(self.index + months)

    @property
    def eerste_dag(self) -> dt.date:
        """First day of the month."""
        return dt.date(self.jaar, self.maand, 1)

    @property
    def laatste_dag(self) -> dt.date:
        """Last day of the month."""
        return dt.date(self.jaar, self.maand, calendar.monthrange(self.jaar, self.maand)[1])

    @property
    def dagen(self) -> int:
        """Number of calendar days."""
        return calendar.monthrange(self.jaar, self.maand)[1]

    @property
    def kwartaal(self) -> int:
        """Quarter 1-4."""
        return (self.maand - 1) // 3 + 1

    def __str__(self) -> str:
        return f"{self.jaar:04d}-{self.maand:02d}"


def maanden(van: Maand, tot: Maand) -> list[Maand]:
    """All months from `van` to `tot`, inclusive."""
    return [Maand.from_index(i) for i in range(van.index, tot.index + 1)]


@dataclass(frozen=True)
class Periode:
    """A reporting period: a set of consecutive whole months with a label."""

    label: str
    van: Maand
    tot: Maand

    @property
    def maanden(self) -> list[Maand]:
        """The months of the period."""
        return maanden(self.van, self.tot)

    @property
    def k(self) -> int:
        """Number of months."""
        return self.tot.index - self.van.index + 1

    @property
    def begin(self) -> dt.date:
        """First day."""
        return self.van.eerste_dag

    @property
    def eind(self) -> dt.date:
        """Last day."""
        return self.tot.laatste_dag

    @property
    def dagen(self) -> int:
        """Number of calendar days D."""
        return (self.eind - self.begin).days + 1


def laatste_volledige_maand(peildatum: dt.date) -> Maand:
    """The last month that may be shown: the peildatum's month only if it is its last day."""
    m = Maand.of(peildatum)
    return m if peildatum == m.laatste_dag else m.plus(-1)


def perioden(van: Maand, tot: Maand, per: str) -> list[Periode]:
    """Split months `van`..`tot` into periods; quarters and years are clipped to the range."""
    if tot < van:
        return []
    if per == "geheel":
        return [Periode(f"{van}/{tot}", van, tot)]
    if per == "maand":
        return [Periode(str(m), m, m) for m in maanden(van, tot)]
    if per == "voortschrijdend":
        return [Periode(str(m), m.plus(-11), m) for m in maanden(van, tot)]
    result: list[Periode] = []
    for m in maanden(van, tot):
        label = f"{m.jaar}-K{m.kwartaal}" if per == "kwartaal" else f"{m.jaar}"
        if per not in ("kwartaal", "jaar"):
            raise ValueError(f"onbekende periodesoort '{per}'")
        if result and result[-1].label == label:
            result[-1] = Periode(label, result[-1].van, m)
        else:
            result.append(Periode(label, m, m))
    return result
