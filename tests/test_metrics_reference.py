"""Property tests: `python -m dashboard metrics` equals the independent day-by-day oracle.

Random valid extracts are written as CSV, imported through the CLI and compared cell by cell with
`tests.reference_model` for every --per, the total and several unit selections, with and without
the minimum group size.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st

from dashboard import cli
from tests.reference_model import (
    AANTALLEN,
    KOLOMMEN,
    METRIEKEN,
    ReferenceModel,
    laatste_dag,
    maand_tekst,
)

BEGIN = dt.date(2022, 1, 1)
EINDE = dt.date(2024, 12, 31)
MAANDEN = [(j, m) for j in (2022, 2023, 2024) for m in range(1, 13)]
PERS = ("maand", "kwartaal", "jaar", "geheel")
#: Every import costs a fraction of a second: no "explain" phase (it reruns hundreds of cases).
FASEN = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)
LANGZAAM = [HealthCheck.too_slow]

# -- generated extracts -------------------------------------------------------------------------


@dataclass
class Extract:
    """One generated set of extracts as plain rows (dates as date, numbers as Decimal)."""

    organisatie: list[dict[str, Any]]
    personeel: list[dict[str, Any]]
    verzuim: list[dict[str, Any]]
    peildatum: dt.date

    def model(self) -> ReferenceModel:
        return ReferenceModel(self.organisatie, self.personeel, self.verzuim, self.peildatum)

    def bladen(self) -> list[str]:
        """Units without children."""
        ouders = {r["bovenliggende_eenheid"] for r in self.organisatie}
        return [r["eenheid"] for r in self.organisatie if r["eenheid"] not in ouders]

    def ouders(self) -> list[str]:
        """Units with children."""
        ouders = {r["bovenliggende_eenheid"] for r in self.organisatie}
        return [r["eenheid"] for r in self.organisatie if r["eenheid"] in ouders]


def _dag(draw: st.DrawFn, laagste: dt.date, hoogste: dt.date) -> dt.date:
    return laagste + dt.timedelta(days=draw(st.integers(0, max(0, (hoogste - laagste).days))))


#: Spell phase lengths: mostly short (frequent absence), some over 6 weeks, some over a year.
_DUUR = st.one_of(st.integers(1, 10), st.integers(1, 10), st.integers(5, 60), st.integers(30, 500))
#: Days from one spell's last day to the next one's first: the next day, weeks or months.
_TUSSEN = st.one_of(st.just(1), st.integers(1, 30), st.integers(1, 150))
#: A frequent absentee's spells: short, and close together.
_KORT, _KORT_TUSSEN = st.integers(1, 10), st.integers(1, 60)
_FACTOR = st.one_of(st.sampled_from([100, 80, 50, 90, 60, 120, 150]), st.integers(1, 150)).map(
    lambda honderdsten: Decimal(honderdsten).scaleb(-2).normalize()
)
_AO = st.one_of(
    st.none(),
    st.just(Decimal(100)),
    st.integers(1, 100).map(Decimal),
    st.sampled_from([Decimal("12.5"), Decimal("33.3"), Decimal("66.7")]),
)
_SOORT = st.sampled_from([None, None, "ziekte", "arbeidsongeval", "zwangerschap"])


@st.composite
def extracts(draw: st.DrawFn, min_mw: int = 1, max_mw: int = 10, vroeg: bool = False) -> Extract:
    """A random valid extract; `vroeg` makes most employment start early and last long."""
    jaar, maand = draw(st.sampled_from(MAANDEN[12:]))
    einde_maand = laatste_dag((jaar, maand))
    peildatum = einde_maand if draw(st.booleans()) else dt.date(jaar, maand, 15)

    aantal = draw(st.integers(2, 6))
    codes = [f"EH{i:02d}" for i in range(1, aantal + 1)]
    organisatie = []
    for i, code in enumerate(codes):
        ouder = None if i == 0 else draw(st.one_of(st.none(), st.sampled_from(codes[:i])))
        if i > 0 and ouder is None and draw(st.booleans()):
            ouder = codes[0]  # keep most units inside one tree
        organisatie.append(
            {"eenheid": code, "naam": f"Afdeling {code}", "bovenliggende_eenheid": ouder}
        )

    personeel: list[dict[str, Any]] = []
    verzuim: list[dict[str, Any]] = []
    for n in range(1, draw(st.integers(min_mw, max_mw)) + 1):
        mw = f"mw{n:03d}"
        start = _dag(draw, BEGIN, dt.date(2022, 3, 31) if vroeg else dt.date(2024, 9, 30))
        for _ in range(draw(st.integers(1, 3))):
            if start > EINDE:
                break
            open_eind = draw(st.booleans())
            lengte = draw(st.integers(300, 1100) if vroeg else st.integers(1, 900))
            eind = None if open_eind else min(start + dt.timedelta(days=lengte - 1), EINDE)
            personeel.append(
                {
                    "medewerker_id": mw,
                    "eenheid": draw(st.sampled_from(codes)),
                    "begindatum": start,
                    "einddatum": eind,
                    "deeltijdfactor": draw(_FACTOR),
                    "leeftijdsklasse": draw(st.sampled_from(["25-34", "35-44", "55-64", None])),
                }
            )
            if eind is None:
                break
            # the next period: a transfer the next day, or after a gap
            start = eind + dt.timedelta(days=draw(st.one_of(st.just(1), st.integers(1, 90))))

        # absence spells of this employee: mostly during employment, sometimes anywhere
        eerste_begin = next(r["begindatum"] for r in personeel if r["medewerker_id"] == mw)
        if draw(st.integers(0, 3)):
            dag = eerste_begin + dt.timedelta(days=draw(st.integers(0, 400)))
        else:
            dag = _dag(draw, BEGIN, dt.date(2024, 6, 30))
        vaak = draw(st.integers(0, 3)) == 0  # a frequent absentee: many short spells
        for s in range(draw(st.integers(3, 8) if vaak else st.integers(0, 5))):
            if dag > peildatum:
                break
            melding = f"{mw}-m{s}" if draw(st.booleans()) else None
            soort = draw(_SOORT)
            fasen = 1 if vaak else draw(st.integers(1, 3))
            if fasen > 1:
                melding = f"{mw}-m{s}"
            fase_begin = dag
            laatste: dt.date | None = None
            for f in range(fasen):
                if fase_begin > peildatum:
                    break
                open_fase = f == fasen - 1 and draw(st.integers(0, 5)) == 0
                einde = fase_begin + dt.timedelta(days=draw(_KORT if vaak else _DUUR) - 1)
                laatste = None if open_fase else min(einde, EINDE)
                verzuim.append(
                    {
                        "medewerker_id": mw,
                        "melding_id": melding,
                        "eerste_verzuimdag": fase_begin,
                        "laatste_verzuimdag": laatste,
                        "ao_percentage": draw(_AO),
                        "verzuimsoort": soort,
                    }
                )
                if laatste is None or laatste >= EINDE:
                    break
                gat = draw(st.sampled_from([0, 0, 0, 1, 3]))  # phases: usually contiguous
                fase_begin = laatste + dt.timedelta(days=1 + gat)
            if laatste is None or laatste >= EINDE:
                break  # an open spell is the employee's last
            dag = laatste + dt.timedelta(days=draw(_KORT_TUSSEN if vaak else _TUSSEN))
    # A root organisation without any employment period gets no rows from the CLI at all (see
    # test_organisatie_zonder_personeel); hang such roots under a populated root so that the
    # random tests keep probing everything else.
    x = Extract(organisatie, personeel, verzuim, peildatum)
    bezet = {r["eenheid"] for r in personeel}
    model = x.model()
    wortels = [r for r in organisatie if r["bovenliggende_eenheid"] is None]
    leeg = [r for r in wortels if not bezet & model.selectie(r["eenheid"])]
    gevuld = next(r["eenheid"] for r in wortels if r not in leeg)
    for r in leeg:
        r["bovenliggende_eenheid"] = gevuld
    return x


# -- writing and running ------------------------------------------------------------------------


def _tekst(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


def schrijf_csv(rijen: Sequence[dict[str, Any]], kolommen: Sequence[str], pad: Path) -> Path:
    """Canonical extract: UTF-8, comma-separated, ISO dates, '.' decimals."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(kolommen)
    for r in rijen:
        w.writerow([_tekst(r.get(k)) for k in kolommen])
    pad.write_text(buf.getvalue(), encoding="utf-8")
    return pad


ORG_KOLOMMEN = ("eenheid", "naam", "bovenliggende_eenheid")
PERS_KOLOMMEN = (
    "medewerker_id",
    "eenheid",
    "begindatum",
    "einddatum",
    "deeltijdfactor",
    "leeftijdsklasse",
)
VERZ_KOLOMMEN = (
    "medewerker_id",
    "melding_id",
    "eerste_verzuimdag",
    "laatste_verzuimdag",
    "ao_percentage",
    "verzuimsoort",
)


def run_cli(*args: str) -> str:
    """Run the CLI in this process; returns stdout, fails with stderr on a non-zero exit."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    assert code == 0, f"exit {code} for {args}:\n{err.getvalue()}\n{out.getvalue()}"
    return out.getvalue()


def importeer(x: Extract, map_: Path) -> Path:
    """Write the extract as canonical CSV and import it; returns the store path."""
    db = map_ / "store.duckdb"
    args = [
        "import",
        "--db", str(db),
        "--peildatum", x.peildatum.isoformat(),
        "--organisatie", str(schrijf_csv(x.organisatie, ORG_KOLOMMEN, map_ / "organisatie.csv")),
        "--personeel", str(schrijf_csv(x.personeel, PERS_KOLOMMEN, map_ / "personeel.csv")),
    ]  # fmt: skip
    if x.verzuim:  # a header-only file is refused as "no data rows"
        args += ["--verzuim", str(schrijf_csv(x.verzuim, VERZ_KOLOMMEN, map_ / "verzuim.csv"))]
    run_cli(*args)
    return db


def metrics_args(
    db: Path, van: str, tot: str, per: str, eenheden: Sequence[str], min_groep: int | None
) -> list[str]:
    """The argument list of one `metrics` call."""
    args = [
        "metrics",
        "--db",
        str(db),
        "--van",
        van,
        "--tot",
        tot,
        "--per",
        per,
        "--formaat",
        "csv",
    ]
    for e in eenheden:
        args += ["--eenheid", e]
    if min_groep is not None:
        args += ["--min-groep", str(min_groep)]
    return args


def lees_uitvoer(tekst: str) -> list[dict[str, str]]:
    """Parse the CLI's CSV; the header must be exactly the contract's."""
    regels = tekst.splitlines()
    assert regels[0] == ",".join(KOLOMMEN)
    return list(csv.DictReader(io.StringIO(tekst)))


def gelijk(verwacht: Any, werkelijk: str, kolom: str) -> bool:
    """One cell: empty for undefined, exact counts, numbers within 1e-6 relative (abs near 0)."""
    if verwacht is None:
        return werkelijk == ""
    if werkelijk == "":
        return False
    if kolom in AANTALLEN:
        return werkelijk == str(verwacht)
    a, e = float(werkelijk), float(verwacht)
    return abs(a - e) <= 1e-6 * abs(e) or abs(a - e) <= 1e-9


def vergelijk(
    model: ReferenceModel,
    db: Path,
    van: str,
    tot: str,
    per: str,
    eenheden: Sequence[str],
    min_groep: int | None,
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Run `metrics`, assert it equals the oracle; returns (oracle rows, CLI rows)."""
    uitvoer = lees_uitvoer(run_cli(*metrics_args(db, van, tot, per, eenheden, min_groep)))
    verwacht = model.metrics(van, tot, per, eenheden, 10 if min_groep is None else min_groep)
    args = f"--van {van} --tot {tot} --per {per} --eenheid {list(eenheden)} --min-groep {min_groep}"
    sleutels = [(r["periode"], r["eenheid"]) for r in verwacht]
    assert [(r["periode"], r["eenheid"]) for r in uitvoer] == sleutels, args
    verschillen = []
    for e, a in zip(verwacht, uitvoer, strict=True):
        if e["onderdrukt"] == "nee" and a["onderdrukt"] == "ja":
            # hidden although large enough: the publication pattern protects a small group
            # elsewhere (tests/test_publicatie.py checks that rule); nothing of it is shown
            event("verborgen ter bescherming van een kleine groep")
            assert all(a[k] == "" for k in METRIEKEN), a
            continue
        if e["onderdrukt"] != a["onderdrukt"]:
            verschillen.append(
                f"{e['periode']} {e['eenheid']} onderdrukt: {e['onderdrukt']} != {a['onderdrukt']}"
            )
        for k in METRIEKEN:
            if not gelijk(e[k], a[k], k):
                ev = None if e[k] is None else float(e[k])
                verschillen.append(
                    f"{e['periode']} {e['eenheid']} {k}: verwacht {ev!r}, CLI {a[k]!r}"
                )
    assert not verschillen, f"peildatum {model.peildatum}, {args}:\n" + "\n".join(verschillen)
    return verwacht, uitvoer


def kenmerken(x: Extract) -> None:
    """Report (as hypothesis events) which situations of DESIGN 3 an extract exercises."""
    perioden_per_mw: dict[str, int] = {}
    for r in x.personeel:
        perioden_per_mw[r["medewerker_id"]] = perioden_per_mw.get(r["medewerker_id"], 0) + 1
    if any(n > 1 for n in perioden_per_mw.values()):
        event("medewerker met meer dienstperiodes")
    model = x.model()
    if any(len(g.fasen) > 1 for g in model.gevallen):
        event("melding met meer fasen")
    if any(g.zwangerschap for g in model.gevallen):
        event("zwangerschap")
    if any(g.laatste(x.peildatum) is None for g in model.gevallen):
        event("open melding op peildatum")
    if any(r["laatste_verzuimdag"] and r["laatste_verzuimdag"] > x.peildatum for r in x.verzuim):
        event("laatste verzuimdag na peildatum")
    if any(model.in_dienst(g.medewerker_id, g.d0) is None for g in model.gevallen):
        event("melding buiten dienstverband")
    if any(
        (g.laatste(x.peildatum) or x.peildatum) - g.d0 >= dt.timedelta(365) for g in model.gevallen
    ):
        event("melding van meer dan een jaar")


def gebeurtenissen(rijen: Sequence[dict[str, Any]]) -> None:
    """Report which outcomes occurred (so a run shows that the comparison was not vacuous)."""
    for k in (
        "frequent_verzuim", "beeindigde_meldingen", "verzuimpercentage_extra_lang",
        "recidivepercentage", "frequent_middellang",
    ):  # fmt: skip
        if any(r[k] for r in rijen):
            event(f"{k} > 0")


# -- the properties -----------------------------------------------------------------------------

_VAN_TOT = st.tuples(st.sampled_from(MAANDEN), st.sampled_from(MAANDEN)).map(
    lambda t: tuple(maand_tekst(m) for m in sorted(t))
)


def _selecties(x: Extract, draw: st.DrawFn) -> list[str]:
    """A leaf, a parent with children (if any), sometimes a root; in a random order."""
    gekozen = [draw(st.sampled_from(x.bladen()))]
    if x.ouders():
        gekozen.append(draw(st.sampled_from(x.ouders())))
    if draw(st.booleans()):
        gekozen.append(x.organisatie[0]["eenheid"])
    gekozen = list(dict.fromkeys(gekozen))
    return draw(st.permutations(gekozen))


@st.composite
def scenarios(
    draw: st.DrawFn, **opties: Any
) -> tuple[Extract, list[str], list[tuple[str, str, str]]]:
    """An extract, a unit selection and a (van, tot) range for every --per."""
    x = draw(extracts(**opties))
    eenheden = _selecties(x, draw)
    vragen = [(per, *draw(_VAN_TOT)) for per in PERS]
    return x, eenheden, vragen


def _rij(mw: str, eenheid: str, begin: dt.date, eind: dt.date | None, f: str) -> dict[str, Any]:
    return {"medewerker_id": mw, "eenheid": eenheid, "begindatum": begin, "einddatum": eind,
            "deeltijdfactor": Decimal(f)}  # fmt: skip


def _spell(
    mw: str, melding: str | None, begin: dt.date, eind: dt.date | None, ao: int | None = None,
    soort: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    return {"medewerker_id": mw, "melding_id": melding, "eerste_verzuimdag": begin,
            "laatste_verzuimdag": eind, "ao_percentage": None if ao is None else Decimal(ao),
            "verzuimsoort": soort}  # fmt: skip


def voorbeeld_randgevallen() -> tuple[Extract, list[str], list[tuple[str, str, str]]]:
    """Hand-picked edge cases that random data reaches only rarely."""
    d = dt.date
    organisatie = [
        {"eenheid": "EH01", "naam": "Ministerie", "bovenliggende_eenheid": None},
        {"eenheid": "EH02", "naam": "Directie Noord", "bovenliggende_eenheid": "EH01"},
        {"eenheid": "EH03", "naam": "Directie Zuid", "bovenliggende_eenheid": "EH01"},
        {"eenheid": "EH04", "naam": "Directie West", "bovenliggende_eenheid": "EH01"},
    ]
    personeel = [
        # absent while in EH02, then transferred to EH03: not nulverzuim in EH03's January
        _rij("mw001", "EH02", d(2023, 1, 1), d(2023, 1, 15), "1"),
        _rij("mw001", "EH03", d(2023, 1, 16), None, "0.8"),
        _rij("mw002", "EH03", d(2023, 1, 1), None, "1"),
        # employment ends during a spell that runs on
        _rij("mw003", "EH02", d(2022, 6, 1), d(2023, 2, 10), "0.5"),
        _rij("mw004", "EH03", d(2022, 1, 1), None, "1.2"),
        # recidive: back at work 27, 28 and 29 days (d − l = 28, 29, 30: only the first counts)
        _rij("mw005", "EH04", d(2022, 1, 1), None, "1"),
    ]
    verzuim = [
        _spell("mw001", None, d(2023, 1, 5), d(2023, 1, 8)),
        # last day after the peildatum: still open on the peildatum, not an ended spell
        _spell("mw002", "m2", d(2023, 3, 20), d(2023, 4, 10), 50),
        _spell("mw003", "m3", d(2023, 1, 20), d(2023, 1, 31)),
        _spell("mw003", "m3", d(2023, 2, 1), d(2023, 3, 5), 40),
        _spell("mw004", None, d(2022, 12, 28), d(2023, 1, 3), None, "zwangerschap"),
        _spell("mw004", None, d(2023, 1, 10), d(2023, 1, 10)),
        _spell("mw004", None, d(2023, 2, 10), d(2023, 2, 11), 100, "arbeidsongeval"),
        _spell("mw004", None, d(2023, 3, 1), d(2023, 3, 2)),
        _spell("mw005", None, d(2023, 1, 2), d(2023, 1, 3)),
        _spell("mw005", None, d(2023, 1, 31), d(2023, 1, 31)),
        _spell("mw005", None, d(2023, 3, 1), d(2023, 3, 1)),
        _spell("mw005", None, d(2023, 3, 31), d(2023, 3, 31)),
    ]
    x = Extract(organisatie, personeel, verzuim, d(2023, 3, 31))
    vragen = [(per, "2022-11", "2023-06") for per in PERS]
    return x, ["EH03", "EH02"], vragen


@settings(max_examples=25, deadline=None, phases=FASEN, suppress_health_check=LANGZAAM)
@given(scenarios())
@example(voorbeeld_randgevallen())
def test_metrics_gelijk_aan_referentie(
    scenario: tuple[Extract, list[str], list[tuple[str, str, str]]],
) -> None:
    """Without suppression every cell equals the oracle, for the total and for unit selections."""
    x, eenheden, vragen = scenario
    kenmerken(x)
    model = x.model()
    with tempfile.TemporaryDirectory() as tmp:
        db = importeer(x, Path(tmp))
        for per, van, tot in vragen:
            for selectie in ([], eenheden):
                verwacht, _ = vergelijk(model, db, van, tot, per, selectie, 0)
                gebeurtenissen(verwacht)


@settings(max_examples=12, deadline=None, phases=FASEN, suppress_health_check=LANGZAAM)
@given(scenarios(min_mw=6, max_mw=16, vroeg=True))
def test_standaard_minimum_groepsgrootte(
    scenario: tuple[Extract, list[str], list[tuple[str, str, str]]],
) -> None:
    """With the default minimum (10) a group under 10 shows no number; the rest equal the oracle."""
    x, eenheden, vragen = scenario
    model = x.model()
    with tempfile.TemporaryDirectory() as tmp:
        db = importeer(x, Path(tmp))
        for per, van, tot in vragen:
            for selectie in ([], eenheden):
                _, uitvoer = vergelijk(model, db, van, tot, per, selectie, None)
                # independently of the oracle's own suppression: its unsuppressed bezetting
                for e, a in zip(model.metrics(van, tot, per, selectie, 0), uitvoer, strict=True):
                    if e["bezetting"] < 10:
                        event("groep onder 10")
                        assert a["onderdrukt"] == "ja", (a, float(e["bezetting"]))
                        assert all(a[k] == "" for k in METRIEKEN), a
                    elif a["onderdrukt"] == "nee":
                        event("groep van 10 of meer")


def test_organisatie_zonder_personeel(tmp_path: Path) -> None:
    """A client organisation (root) without any employment period still gets a row per period.

    Found by the property test: alone, `--eenheid EH02` prints only the header, while
    `--eenheid EH01 --eenheid EH02` does print EH02's rows (all zero). The contract is one row
    per period and unit, so both must print them.
    """
    x = Extract(
        organisatie=[
            {"eenheid": "EH01", "naam": "Afdeling EH01", "bovenliggende_eenheid": None},
            {"eenheid": "EH02", "naam": "Afdeling EH02", "bovenliggende_eenheid": None},
        ],
        personeel=[
            {
                "medewerker_id": "mw001",
                "eenheid": "EH01",
                "begindatum": dt.date(2022, 1, 1),
                "einddatum": dt.date(2022, 1, 1),
                "deeltijdfactor": Decimal(1),
            }
        ],
        verzuim=[],
        peildatum=dt.date(2023, 1, 15),
    )
    db = importeer(x, tmp_path)
    model = x.model()
    # together with EH01: EH02 has its rows (bezetting 0, undefined percentages)
    vergelijk(model, db, "2022-01", "2022-02", "maand", ["EH01", "EH02"], 0)
    # alone: the same two rows are expected
    verwacht, _ = vergelijk(model, db, "2022-01", "2022-02", "maand", ["EH02"], 0)
    assert [r["periode"] for r in verwacht] == ["2022-01", "2022-02"]


def test_referentiemodel_met_de_hand() -> None:
    """The oracle itself, checked against numbers worked out by hand on the edge-case example."""
    x, _, _ = voorbeeld_randgevallen()
    model = x.model()

    (jan,) = model.metrics("2023-01", "2023-01", "maand", ["EH03"], 0)
    # EH03 in January: mw001 16 days (f 0.8), mw002 31 days (f 1), mw004 31 days (f 1.2)
    assert jan["bezetting"] == Fraction(16 + 31 + 31, 31)
    assert jan["beschikbare_dagen"] == Fraction("12.8") + 31 + Fraction("37.2")  # = 81
    # mw001's absence (5-8 Jan) was in EH02; mw004's pregnancy (to 3 Jan) never counts;
    # left: mw004 on 10 Jan, 100% of f 1.2
    assert jan["verzuimdagen"] == Fraction("1.2")
    assert jan["verzuimpercentage"] == Fraction(120, 81)
    assert jan["verzuimpercentage_kort"] == Fraction(120, 81)
    assert jan["meldingen"] == 1
    assert jan["meldingsfrequentie"] == Fraction(12 * 31, 78)  # 1 / (78/31) * 12 / 1
    assert (jan["beeindigde_meldingen"], jan["gem_verzuimduur"]) == (1, 1)
    # mw001 (last day of January in EH03, absent while in EH02), mw002 (no absence),
    # mw004 (absent 10 Jan): one of three without absence
    assert jan["nulverzuimpercentage"] == Fraction(100, 3)
    assert jan["frequent_verzuim"] == 0

    (k1,) = model.metrics("2023-01", "2023-03", "kwartaal", ["EH02"], 0)
    # EH02: mw001 1-15 Jan (f 1), mw003 1 Jan - 10 Feb (41 days, f 0.5); D = 90
    assert k1["bezetting"] == Fraction(15 + 41, 90)
    assert k1["beschikbare_dagen"] == Fraction("35.5")
    # mw001 4 days; mw003 20-31 Jan 12 x 0.5 = 6, 1-10 Feb 10 x 0.5 x 40% = 2, after that
    # out of service: counted nowhere
    assert k1["verzuimdagen"] == 12
    # day numbers of mw003 (d0 = 20 Jan): 20-26 Jan kort (3.5), 27 Jan - 10 Feb middellang (4.5)
    assert k1["verzuimpercentage_kort"] == Fraction(100 * (4 + Fraction("3.5")), Fraction("35.5"))
    assert k1["verzuimpercentage_middellang"] == Fraction(450, Fraction("35.5"))
    assert k1["meldingen"] == 2
    # mw001: 5-8 Jan (4 days); mw003: 20 Jan - 5 Mar (45 days), attributed to EH02 at d0
    assert (k1["beeindigde_meldingen"], k1["gem_verzuimduur"]) == (2, Fraction(49, 2))
    # only mw003 ends the quarter (10 Feb) in EH02, and was absent
    assert k1["nulverzuimpercentage"] == 0

    (maart,) = model.metrics("2023-03", "2023-03", "maand", [], 0)
    # mw002's spell runs past the peildatum: 20-31 Mar at 50% counted, not an ended spell
    # ended: mw003 (45 days), mw004 1-2 Mar (2 days), mw005 1 Mar and 31 Mar (1 day each)
    assert maart["beeindigde_meldingen"] == 4
    assert maart["gem_verzuimduur"] == Fraction(45 + 2 + 1 + 1, 4)
    # mw004: spells from 10 Jan, 10 Feb and 1 Mar (the pregnancy spell does not count);
    # mw005: 2 Jan, 31 Jan, 1 Mar, 31 Mar
    assert maart["frequent_verzuim"] == 2
    # recidive: of March's reports (mw002 20 Mar, mw004 1 Mar, mw005 1 and 31 Mar) only mw004's
    # follows its previous spell (10-11 Feb) within 28 days (1 Mar − 11 Feb = 18); mw005's are
    # 29 and 30 days after theirs
    assert maart["meldingen"] == 4 and maart["recidivepercentage"] == 25
    # January: mw001 5 Jan, mw003 20 Jan, mw004 10 Jan (its previous is pregnancy leave: none),
    # mw005 2 Jan and 31 Jan (31 Jan − 3 Jan = 28: a recidive): 1 of 5
    (jan_totaal,) = model.metrics("2023-01", "2023-01", "maand", [], 0)
    assert jan_totaal["meldingen"] == 5 and jan_totaal["recidivepercentage"] == 20

    # the peildatum is 31 March: March is the last month shown; the quarter is clipped to it
    assert [r["periode"] for r in model.metrics("2023-01", "2023-12", "maand")] == [
        "2023-01",
        "2023-02",
        "2023-03",
    ]
    assert [r["periode"] for r in model.metrics("2022-11", "2023-06", "geheel")] == [
        "2022-11/2023-03"
    ]
