"""A small organisation for the Duur en signalen tests, with every number computable by hand.

Four parts under ORG; everyone is in service from 2019 on, full time (f = 1):
  A 12 people, C 3 people (< 10: suppressed), so A, the next smallest, is suppressed too;
  B 15 people, D 20 people are shown. ORG has no own staff (its ':direct' part is empty).

Open spells on 31-10-2026 (day number n = 31-10-2026 - first day + 1):
  b1 from 01-01-2026, 50%: n = 304 -> past week 6 and 42 (>= 295), not 52 (>= 365)
  b2 from 01-10-2025:      n = 396 -> past week 52, not 91 (>= 638)
  d1 from 01-01-2024:      n = 1035 -> past week 91
  d2 from 01-10-2026:      n = 31 -> open, not long
  a2 from 01-01-2026:      n = 304 -> past week 42   (A is suppressed)
  c1 from 01-06-2025:      n = 518 -> past week 52   (C is suppressed)
b3, d3, d4 and a1 have three 2-day spells in 2026 (February, May, August): frequent at the end
of October 2026, not a year earlier.
"""

from __future__ import annotations

import datetime as dt

from dashboard.periods import Maand

PEILDATUM = dt.date(2026, 10, 31)
OKT = Maand(2026, 10)

ORGANISATIE = """
eenheid;naam;bovenliggende_eenheid
ORG;Organisatie;
A;Afdeling A;ORG
B;Afdeling B;ORG
C;Afdeling C;ORG
D;Afdeling D;ORG
"""


def personeel() -> str:
    """12, 15, 3 and 20 people in A, B, C and D."""
    regels = ["medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor"]
    for eenheid, n in (("A", 12), ("B", 15), ("C", 3), ("D", 20)):
        regels += [f"{eenheid.lower()}{i};{eenheid};01-01-2019;;1" for i in range(1, n + 1)]
    return "\n".join(regels)


def _drie_korte(mw: str) -> list[str]:
    return [
        f"{mw};{mw}-{i};{d};{e};;"
        for i, (d, e) in enumerate(
            (
                ("02-02-2026", "03-02-2026"),
                ("04-05-2026", "05-05-2026"),
                ("03-08-2026", "04-08-2026"),
            )
        )
    ]


VERZUIM = "\n".join(
    [
        "medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag;ao_percentage;verzuimsoort",
        "b1;b1-1;01-01-2026;;50;",
        "b2;b2-1;01-10-2025;;;",
        "d1;d1-1;01-01-2024;;;",
        "d2;d2-1;01-10-2026;;;",
        "a2;a2-1;01-01-2026;;;",
        "c1;c1-1;01-06-2025;;;",
        *_drie_korte("b3"),
        *_drie_korte("d3"),
        *_drie_korte("d4"),
        *_drie_korte("a1"),
    ]
)

BESTANDEN = {"organisatie": ORGANISATIE, "personeel": personeel(), "verzuim": VERZUIM}
