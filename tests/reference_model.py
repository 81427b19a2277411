"""Independent reference implementation of DESIGN section 3 (the metric contract), day by day.

This module is a test oracle: it deliberately shares no code with `dashboard/` or `queries/`.
It reads plain Python rows (dicts with `datetime.date` values), walks every calendar day of
every employee and counts exactly, with `fractions.Fraction`, so that its results can be trusted
without trusting floating point. It is slow on purpose; keep test data small.

Interpretation choices where DESIGN leaves room (the same ones the product made):

1. verzuim rows sharing a melding_id are phases of one spell; a row without melding_id is a
   spell of its own. An empty laatste_verzuimdag, or one after the peildatum, means the spell is
   still open on the peildatum: absence counts up to the peildatum and the spell has not ended.
   ao_percentage defaults to 100, verzuimsoort to ziekte; zwangerschap never counts anywhere.
2. Only months up to the last complete month are reported (the peildatum's month only when the
   peildatum is its last day); quarters and years are clipped to [van, min(tot, last month)].
3. Ended spells (beëindigde meldingen) count in the period of their last day, in the unit of the
   employment period on their first day d0 (nowhere when the employee is not in service on d0).
4. Meldingen: spells with d0 in P, employee in service on d0, unit on d0 in U.
5. Nulverzuim: employees with an in-service day in P, in the unit of their last in-service day
   of P; "no absence" = no day in P on which they are in service and covered by an absence row.
6. Frequent verzuim at the end of the period's last month M: employees in service on the last
   day of M with that day's unit in U and >= 3 spells (any, also outside service) starting in the
   12 months ending with M.
7. Duration classes by day number n = d - d0 + 1 in the whole spell: kort 1-7, middellang 8-42,
   lang 43-365, extra lang 366+.
8. Absence on days out of service counts nowhere; every day uses that day's unit and factor.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

#: The CLI's CSV columns, in order.
KOLOMMEN: tuple[str, ...] = (
    "periode",
    "eenheid",
    "bezetting",
    "fte",
    "beschikbare_dagen",
    "verzuimdagen",
    "verzuimpercentage",
    "meldingen",
    "meldingsfrequentie",
    "beeindigde_meldingen",
    "gem_verzuimduur",
    "nulverzuimpercentage",
    "frequent_verzuim",
    "verzuimpercentage_kort",
    "verzuimpercentage_middellang",
    "verzuimpercentage_lang",
    "verzuimpercentage_extra_lang",
    "onderdrukt",
    "recidivepercentage",
    "frequent_middellang",
)
#: Columns that hold a number (everything but the row keys and the suppression flag).
METRIEKEN: tuple[str, ...] = tuple(k for k in KOLOMMEN[2:] if k != "onderdrukt")
#: Metrics that are whole counts.
AANTALLEN: frozenset[str] = frozenset(
    {"meldingen", "beeindigde_meldingen", "frequent_verzuim", "frequent_middellang"}
)

DUURKLASSEN: tuple[str, ...] = ("kort", "middellang", "lang", "extra_lang")

Maand = tuple[int, int]  # (year, month)


def duurklasse(dagnummer: int) -> str:
    """Duration class of an absence day by its day number in the spell (1 = first day)."""
    if dagnummer <= 7:
        return "kort"
    if dagnummer <= 42:
        return "middellang"
    if dagnummer <= 365:
        return "lang"
    return "extra_lang"


def exact(value: Any, default: Fraction | None = None) -> Fraction | None:
    """A number from an input row as an exact fraction (0.8 -> 4/5); None/'' -> default."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return default
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        # The decimal the user wrote, not the binary approximation of it.
        return Fraction(Decimal(repr(value)))
    return Fraction(Decimal(str(value).strip().replace(",", ".")))


def dagen(begin: dt.date, eind: dt.date) -> Iterable[dt.date]:
    """Every calendar day from begin to eind, inclusive."""
    d = begin
    while d <= eind:
        yield d
        d += dt.timedelta(days=1)


def eerste_dag(m: Maand) -> dt.date:
    """First day of a month."""
    return dt.date(m[0], m[1], 1)


def laatste_dag(m: Maand) -> dt.date:
    """Last day of a month."""
    return dt.date(m[0], m[1], calendar.monthrange(m[0], m[1])[1])


def plus_maanden(m: Maand, n: int) -> Maand:
    """The month n months after m (n may be negative)."""
    i = m[0] * 12 + (m[1] - 1) + n
    return (i // 12, i % 12 + 1)


def maand_tekst(m: Maand) -> str:
    """'2024-03'."""
    return f"{m[0]:04d}-{m[1]:02d}"


def parse_maand(text: str) -> Maand:
    """'2024-03' -> (2024, 3)."""
    jaar, maand = text.split("-")
    return (int(jaar), int(maand))


def maanden_van_tot(van: Maand, tot: Maand) -> list[Maand]:
    """All months van..tot inclusive (empty when tot < van)."""
    uit: list[Maand] = []
    m = van
    while m <= tot:
        uit.append(m)
        m = plus_maanden(m, 1)
    return uit


def laatste_volledige_maand(peildatum: dt.date) -> Maand:
    """The last month that may be shown: the peildatum's month only if it is its last day."""
    m = (peildatum.year, peildatum.month)
    return m if peildatum == laatste_dag(m) else plus_maanden(m, -1)


@dataclass(frozen=True)
class Periode:
    """A reporting period: label and its months (already clipped)."""

    label: str
    maanden: tuple[Maand, ...]

    @property
    def begin(self) -> dt.date:
        return eerste_dag(self.maanden[0])

    @property
    def eind(self) -> dt.date:
        return laatste_dag(self.maanden[-1])

    @property
    def D(self) -> int:
        return (self.eind - self.begin).days + 1

    @property
    def k(self) -> int:
        return len(self.maanden)


def perioden(van: Maand, tot: Maand, per: str, peildatum: dt.date) -> list[Periode]:
    """The periods the CLI reports for --van/--tot/--per, clipped to the last complete month."""
    eind = min(tot, laatste_volledige_maand(peildatum))
    maanden = maanden_van_tot(van, eind)
    if not maanden:
        return []
    if per == "geheel":
        return [Periode(f"{maand_tekst(van)}/{maand_tekst(eind)}", tuple(maanden))]
    if per == "maand":
        return [Periode(maand_tekst(m), (m,)) for m in maanden]
    if per == "kwartaal":
        sleutel = {m: f"{m[0]}-K{(m[1] - 1) // 3 + 1}" for m in maanden}
    elif per == "jaar":
        sleutel = {m: f"{m[0]}" for m in maanden}
    else:
        raise ValueError(per)
    groepen: dict[str, list[Maand]] = {}
    for m in maanden:
        groepen.setdefault(sleutel[m], []).append(m)
    return [Periode(label, tuple(ms)) for label, ms in groepen.items()]


@dataclass
class Verzuimgeval:
    """One spell (ziekmelding): one or more phases of one employee."""

    medewerker_id: str
    zwangerschap: bool
    # (first day, last day or None when open, incapacity percentage)
    fasen: list[tuple[dt.date, dt.date | None, Fraction]] = field(default_factory=list)

    @property
    def d0(self) -> dt.date:
        return min(f[0] for f in self.fasen)

    def laatste(self, peildatum: dt.date) -> dt.date | None:
        """Last day if the spell has ended on the peildatum, else None (still open)."""
        if any(f[1] is None for f in self.fasen):
            return None
        einde = max(f[1] for f in self.fasen if f[1] is not None)
        return einde if einde <= peildatum else None


@dataclass(frozen=True)
class Dag:
    """What one employee's day looks like: unit, factor, absence weight and day number."""

    eenheid: str
    f: Fraction
    w: Fraction  # f * p / 100, 0 when not absent
    dagnummer: int | None  # day number in the spell when absent, else None


class ReferenceModel:
    """Computes every CLI metric from extract rows, by walking days."""

    def __init__(
        self,
        organisatie: Sequence[dict[str, Any]],
        personeel: Sequence[dict[str, Any]],
        verzuim: Sequence[dict[str, Any]],
        peildatum: dt.date,
    ) -> None:
        self.peildatum = peildatum
        self.ouder: dict[str, str | None] = {
            str(r["eenheid"]): (r.get("bovenliggende_eenheid") or None) for r in organisatie
        }
        self.gevallen = self._gevallen(verzuim)
        self.dienst = self._dienst(personeel, peildatum)
        self.dagen = self._dagen()

    # -- input ----------------------------------------------------------------------------------

    def _gevallen(self, verzuim: Sequence[dict[str, Any]]) -> list[Verzuimgeval]:
        per_id: dict[tuple[str, str], Verzuimgeval] = {}
        gevallen: list[Verzuimgeval] = []
        for r in verzuim:
            mw = str(r["medewerker_id"])
            soort = (r.get("verzuimsoort") or "ziekte").strip().lower()
            fase = (
                r["eerste_verzuimdag"],
                r.get("laatste_verzuimdag"),
                exact(r.get("ao_percentage"), Fraction(100)),
            )
            melding = r.get("melding_id")
            if melding:
                key = (mw, str(melding))
                if key not in per_id:
                    per_id[key] = Verzuimgeval(mw, soort == "zwangerschap")
                    gevallen.append(per_id[key])
                per_id[key].fasen.append(fase)
            else:
                gevallen.append(Verzuimgeval(mw, soort == "zwangerschap", [fase]))
        return gevallen

    @staticmethod
    def _dienst(
        personeel: Sequence[dict[str, Any]], horizon: dt.date
    ) -> dict[str, dict[dt.date, tuple[str, Fraction]]]:
        """Per employee: day -> (unit, deeltijdfactor) for every in-service day up to horizon."""
        uit: dict[str, dict[dt.date, tuple[str, Fraction]]] = {}
        for r in personeel:
            mw = str(r["medewerker_id"])
            f = exact(r["deeltijdfactor"])
            assert f is not None
            # Nothing after the peildatum is ever reported, so days after it are not needed.
            eind = min(r.get("einddatum") or horizon, horizon)
            per_dag = uit.setdefault(mw, {})
            for d in dagen(r["begindatum"], eind):
                assert d not in per_dag, f"overlapping employment periods for {mw} on {d}"
                per_dag[d] = (str(r["eenheid"]), f)
        return uit

    def _dagen(self) -> dict[str, dict[dt.date, Dag]]:
        """Per employee: in-service day (up to the peildatum) -> Dag."""
        # Absence percentage and day number per employee and day (pregnancy excluded).
        afwezig: dict[str, dict[dt.date, tuple[Fraction, int]]] = {}
        for g in self.gevallen:
            if g.zwangerschap:
                continue
            d0 = g.d0
            for begin, eind, p in g.fasen:
                einde = self.peildatum if eind is None else min(eind, self.peildatum)
                for d in dagen(begin, einde):
                    per_dag = afwezig.setdefault(g.medewerker_id, {})
                    assert d not in per_dag, f"overlapping absence for {g.medewerker_id} on {d}"
                    per_dag[d] = (p, (d - d0).days + 1)
        uit: dict[str, dict[dt.date, Dag]] = {}
        for mw, per_dag in self.dienst.items():
            a = afwezig.get(mw, {})
            uit[mw] = {}
            for d, (eenheid, f) in per_dag.items():
                p, n = a.get(d, (Fraction(0), None))
                uit[mw][d] = Dag(eenheid, f, f * p / 100, n)
        return uit

    # -- selection ------------------------------------------------------------------------------

    def selectie(self, eenheid: str | None) -> set[str]:
        """The unit and all its descendants; None = every unit ('totaal')."""
        if eenheid is None:
            return set(self.ouder)
        uit = set()
        for u in self.ouder:
            v: str | None = u
            while v is not None:
                if v == eenheid:
                    uit.add(u)
                    break
                v = self.ouder.get(v)
        return uit

    def in_dienst(self, mw: str, d: dt.date) -> tuple[str, Fraction] | None:
        """(unit, factor) of the employment period covering day d, or None."""
        return self.dienst.get(mw, {}).get(d)

    # -- metrics --------------------------------------------------------------------------------

    def lengte(self, g: Verzuimgeval) -> int:
        """A spell's days from its first day to its last, at most to the peildatum."""
        eindes = [f[1] for f in g.fasen]
        einde = self.peildatum if None in eindes else max(e for e in eindes if e is not None)
        return (min(einde, self.peildatum) - g.d0).days + 1

    def kerncijfers(self, periode: Periode, eenheid: str | None) -> dict[str, Any]:
        """Every metric of one period and unit selection, as exact values (None = undefined)."""
        U = self.selectie(eenheid)
        begin, eind = periode.begin, periode.eind

        paren = 0  # (e, d) pairs in service in U
        beschikbaar = Fraction(0)
        verzuim = Fraction(0)
        per_klasse = dict.fromkeys(DUURKLASSEN, Fraction(0))
        nul_teller = nul_noemer = 0
        for per_dag in self.dagen.values():
            laatste_in_dienst: dt.date | None = None
            ooit_afwezig = False
            for d in dagen(begin, eind):
                dag = per_dag.get(d)
                if dag is None:
                    continue
                laatste_in_dienst = d
                if dag.w > 0:
                    ooit_afwezig = True
                if dag.eenheid not in U:
                    continue
                paren += 1
                beschikbaar += dag.f
                verzuim += dag.w
                if dag.dagnummer is not None:
                    per_klasse[duurklasse(dag.dagnummer)] += dag.w
            if laatste_in_dienst is not None and per_dag[laatste_in_dienst].eenheid in U:
                nul_noemer += 1
                nul_teller += 0 if ooit_afwezig else 1

        meldingen = recidive = 0
        beeindigd: list[int] = []
        for g in self.gevallen:
            if g.zwangerschap:
                continue
            dienst_d0 = self.in_dienst(g.medewerker_id, g.d0)
            in_u = dienst_d0 is not None and dienst_d0[0] in U
            if in_u and begin <= g.d0 <= eind:
                meldingen += 1
                # recidive: the employee's previous spell (by first day) ended at most 28 days
                # before this one's first day
                eerder = [
                    h for h in self.gevallen
                    if h.medewerker_id == g.medewerker_id and not h.zwangerschap and h.d0 < g.d0
                ]  # fmt: skip
                if eerder:
                    vorige = max(eerder, key=lambda h: h.d0)
                    einde = max(f[1] for f in vorige.fasen if f[1] is not None)
                    if (g.d0 - einde).days <= 28:
                        recidive += 1
            laatste = g.laatste(self.peildatum)
            if in_u and laatste is not None and begin <= laatste <= eind:
                beeindigd.append((laatste - g.d0).days + 1)

        M = periode.maanden[-1]
        eind_m = laatste_dag(M)
        venster_begin = eerste_dag(plus_maanden(M, -11))
        frequent = frequent_middellang = 0
        for mw in self.dagen:
            dienst = self.in_dienst(mw, eind_m)
            if dienst is None or dienst[0] not in U:
                continue
            venster = [
                g
                for g in self.gevallen
                if g.medewerker_id == mw and not g.zwangerschap and venster_begin <= g.d0 <= eind_m
            ]
            if len(venster) >= 3:
                frequent += 1
            # medium-long: 8-42 days, the length up to the peildatum (open: up to it)
            if sum(1 for g in venster if 8 <= self.lengte(g) <= 42) >= 2:
                frequent_middellang += 1

        D = periode.D
        bezetting = Fraction(paren, D)

        def pct(teller: Fraction) -> Fraction | None:
            return 100 * teller / beschikbaar if beschikbaar > 0 else None

        return {
            "bezetting": bezetting,
            "fte": beschikbaar / D,
            "beschikbare_dagen": beschikbaar,
            "verzuimdagen": verzuim,
            "verzuimpercentage": pct(verzuim),
            "meldingen": meldingen,
            "meldingsfrequentie": (
                Fraction(meldingen) / bezetting * 12 / periode.k if bezetting > 0 else None
            ),
            "beeindigde_meldingen": len(beeindigd),
            "gem_verzuimduur": Fraction(sum(beeindigd), len(beeindigd)) if beeindigd else None,
            "nulverzuimpercentage": (
                Fraction(100 * nul_teller, nul_noemer) if nul_noemer else None
            ),
            "frequent_verzuim": frequent,
            **{f"verzuimpercentage_{k}": pct(per_klasse[k]) for k in DUURKLASSEN},
            "recidivepercentage": Fraction(100 * recidive, meldingen) if meldingen else None,
            "frequent_middellang": frequent_middellang,
        }

    def metrics(
        self,
        van: str,
        tot: str,
        per: str = "maand",
        eenheden: Sequence[str] = (),
        min_groep: int = 10,
    ) -> list[dict[str, Any]]:
        """The rows of `python -m dashboard metrics`, in its order, with exact values."""
        rijen = []
        for periode in perioden(parse_maand(van), parse_maand(tot), per, self.peildatum):
            for eenheid in list(eenheden) or [None]:
                cijfers = self.kerncijfers(periode, eenheid)
                # DESIGN 4: a period is shown only when the group is shown in every month of it
                onderdrukt = min_groep > 0 and (
                    cijfers["bezetting"] < min_groep
                    or any(
                        0
                        < self.kerncijfers(Periode(maand_tekst(m), (m,)), eenheid)["bezetting"]
                        < min_groep
                        for m in periode.maanden
                    )
                    if periode.k > 1
                    else cijfers["bezetting"] < min_groep
                )
                if onderdrukt:
                    cijfers = dict.fromkeys(cijfers)
                rij = {"periode": periode.label, "eenheid": eenheid or "totaal"}
                rij.update(cijfers)
                rij["onderdrukt"] = "ja" if onderdrukt else "nee"
                rijen.append(rij)
        return rijen
