"""The five attacks of issue 8, done again the way they were done, against the demo store.

Each attack subtracts published numbers to isolate a group below the minimum: a filtered group
from the unfiltered one, a unit from a user-made group, shown siblings from their parent, shown
months from a period, shown children from their parent in the CLI. Each test first derives from
the data (with the minimum switched off, as only the owner of the data can) that the attack has
something to find, then checks that what the product publishes with the default minimum never
hands it over: at the API level for every unit, filter and month in reach, and on the page
where the issue did it by hand.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import re
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from dashboard import cli, metrics, pilots
from dashboard.hierarchy import Boom, laad_boom
from dashboard.periods import Maand, Periode, perioden
from dashboard.selectie import Selectie
from dashboard.store import Store
from dashboard.views import Context
from dashboard.views import afdelingen as afdelingen_view
from dashboard.views import pilots as pilots_view

MIN_GROEP = 10
OKT = Maand(2026, 10)
#: The twelve months up to the demo's last month: the window of the Afdelingen view.
JAAR = (OKT.plus(-11), OKT)
TEKORT = 1e-9  # a residual this small is no one: bezetting is a sum of whole person-days / days

Sleutel = tuple[str, str]  # (periode, eenheid)
GEEN_FILTER = metrics.Filter()


def cijfers(
    store: Store,
    boom: Boom,
    ps: Sequence[Periode],
    groepen: Sequence[metrics.Groep],
    filter: metrics.Filter = GEEN_FILTER,
    min_groep: int = MIN_GROEP,
) -> dict[Sleutel, dict[str, Any]]:
    """The API's rows by (period label, group label); min_groep=0 gives the truth."""
    frame = metrics.kerncijfers(
        store, boom, ps, groepen, filter=filter, min_groep=min_groep, met_nulverzuim=False
    )
    return {(r["periode"], r["eenheid"]): r for r in frame.iter_rows(named=True)}


def getoond(rij: dict[str, Any]) -> bool:
    """A row with numbers (neither suppressed nor empty)."""
    return not rij["onderdrukt"] and not rij["geen_gegevens"]


def klein(bezetting: float) -> bool:
    """A group of someone but fewer than the minimum."""
    return TEKORT < bezetting < MIN_GROEP


def filters(store: Store, complementen: bool = True) -> list[tuple[str, metrics.Filter]]:
    """Every single value and (unless not wanted) every complement, all values but one, of each
    attribute."""
    result = []
    frame = store.frame("select lk, gs, sg from attribuut")
    for naam, kolom in metrics.DIMENSIES.items():
        waarden = sorted(set(frame[kolom].to_list()))
        for w in waarden:
            result.append((f"{naam}={w}", metrics.Filter(**{naam: (w,)})))
            rest = tuple(v for v in waarden if v != w)
            if complementen:
                result.append((f"{naam}={','.join(rest)}", metrics.Filter(**{naam: rest})))
    return result


def url_filter(f: metrics.Filter) -> dict[str, str]:
    """The filter as the app's query parameters."""
    sleutels = {"leeftijdsklasse": "lk", "geslacht": "gs", "schaalgroep": "sg"}
    return {sleutels[n]: ",".join(getattr(f, n)) for n in sleutels if getattr(f, n)}


def maanden(van: Maand, tot: Maand) -> list[Periode]:
    return perioden(van, tot, "maand")


# -- pages ---------------------------------------------------------------------------------------


def ranking(at: Any) -> dict[str, float | None]:
    """The Afdelingen ranking: value per unit code, None where it shows '< 10'."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    waarden: dict[str, float | None] = {}
    for spoor in spec["data"]:
        if spoor["type"] == "bar":
            waarden.update(zip(spoor["y"], spoor["x"], strict=True))
        elif spoor.get("text") and str(spoor["text"][0]).strip() == f"< {MIN_GROEP}":
            waarden.update((c, None) for c in spoor["y"])
    return waarden


def kaarten(at: Any) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def open_pagina(app: Any, pagina: str | None, **params: str) -> Any:
    at = app(pagina, **{"maand": str(OKT), "vgl": "vorig_jaar", "taal": "nl", **params})
    assert not at.exception, at.exception
    return at


# -- 1. complement filter ------------------------------------------------------------------------


def _basisjaar(store: Store) -> Periode:
    """The Afdelingen view's twelve-month basis period (clipped where the extract starts)."""
    basis, _ = afdelingen_view.perioden(OKT, "r12", metrics.eerste_maand(store))
    return basis


def test_filter_en_complement_isoleren_geen_kleine_groep(demo_store: Store) -> None:
    """Unfiltered minus filtered (e.g. `gs=m,v`) is the group the filter leaves out: when both
    rows of a unit are shown, that group holds no one or at least the minimum."""
    boom = laad_boom(demo_store)
    groepen = [*metrics.groepen(boom, ["DUV"]), *metrics.onderdelen(boom, "DUV")]
    ps = [Periode(str(OKT), OKT, OKT), _basisjaar(demo_store)]
    los, waar = (
        cijfers(demo_store, boom, ps, groepen),
        cijfers(demo_store, boom, ps, groepen, min_groep=0),
    )
    te_vinden, lekken = 0, []  # lekken: (size of the isolated group, message)
    for naam, f in filters(demo_store):
        los_f = cijfers(demo_store, boom, ps, groepen, f)
        waar_f = cijfers(demo_store, boom, ps, groepen, f, min_groep=0)
        for k, rij in los_f.items():
            rest = waar[k]["bezetting"] - waar_f[k]["bezetting"]
            te_vinden += klein(rest)
            if getoond(rij) and getoond(los[k]) and klein(rest):
                lekken.append(
                    (
                        rest,
                        f"{k[1]} {k[0]} met en zonder {naam}: het verschil is {rest:.2f} mensen, "
                        f"{waar[k]['meldingen'] - waar_f[k]['meldingen']:.0f} meldingen, "
                        f"{waar[k]['frequent_verzuim'] - waar_f[k]['frequent_verzuim']:.0f} frequent verzuim",
                    )
                )
    assert te_vinden, "de demo heeft geen kleine groep buiten een filter: de test zegt niets"
    ergste = [tekst for _, tekst in sorted(lekken)[:15]]  # the smallest isolated groups first
    assert not lekken, f"{len(lekken)} keer te herleiden:\n" + "\n".join(ergste)


def test_afdelingen_en_duur_met_gs_m_v_geven_de_medewerker_x_niet_prijs(
    app: Any, demo_store: Store
) -> None:
    """The attack as done: Afdelingen DUV 2026-10 with `gs=m,v`, and Duur en signalen of each
    unit it ranks; a unit with numbers there must not differ from its unfiltered row by a group
    below the minimum (the unfiltered pages show the API's numbers: tests/test_page_*.py)."""
    boom = laad_boom(demo_store)
    f = metrics.Filter(geslacht=tuple(w for w in ("m", "v")))
    groepen = metrics.onderdelen(boom, "DUV")
    maand, jaar = Periode(str(OKT), OKT, OKT), _basisjaar(demo_store)
    waar = cijfers(demo_store, boom, [maand, jaar], groepen, min_groep=0)
    waar_f = cijfers(demo_store, boom, [maand, jaar], groepen, f, min_groep=0)

    def rest(p: Periode, code: str) -> float:
        return waar[(p.label, code)]["bezetting"] - waar_f[(p.label, code)]["bezetting"]

    kleine = [g.label for g in groepen if klein(rest(jaar, g.label)) or klein(rest(maand, g.label))]
    assert kleine, "geen eenheid van DUV met iemand buiten gs=m,v: de test zegt niets"
    at = open_pagina(app, "pages/afdelingen.py", org="DUV", eenheid="DUV", **url_filter(f))
    lekken = [
        f"Afdelingen: {code} {waarde} met gs=m,v, verschil met ongefilterd {rest(jaar, code):.2f} mensen"
        for code, waarde in ranking(at).items()
        if waarde is not None and klein(rest(jaar, code))
    ]
    for code in kleine:
        if code.endswith(":direct"):
            continue
        at = open_pagina(app, "pages/duur_en_signalen.py", org="DUV", eenheid=code, **url_filter(f))
        getallen = {k: v for k, v in kaarten(at).items() if v != f"< {MIN_GROEP}"}
        if getallen and klein(rest(maand, code)):
            lekken.append(
                f"Duur en signalen {code} met gs=m,v toont {getallen}; "
                f"verschil met ongefilterd {rest(maand, code):.2f} mensen"
            )
    assert not lekken, "\n".join(lekken)


# -- 2. user-made groups -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schrijfbaar(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A writable copy of the demo store (pilots are written)."""
    pad = tmp_path_factory.mktemp("aanvallen") / "demo.duckdb"
    shutil.copy(demo_db, pad)
    store = Store(pad)
    yield store
    store.close()


def _kleinste_kind(store: Store, boom: Boom, ouder: str) -> str:
    """The child of `ouder` with the fewest people in the demo's last month (with someone)."""
    p = Periode(str(OKT), OKT, OKT)
    waar = cijfers(store, boom, [p], metrics.onderdelen(boom, ouder), min_groep=0)
    kinderen = [(waar[(p.label, k)]["bezetting"], k) for k in boom.kinderen[ouder]]
    return min((b, k) for b, k in kinderen if b > 0)[1]


def _grootste_kind(store: Store, boom: Boom, ouder: str) -> str:
    p = Periode(str(OKT), OKT, OKT)
    waar = cijfers(store, boom, [p], metrics.onderdelen(boom, ouder), min_groep=0)
    return max((waar[(p.label, k)]["bezetting"], k) for k in boom.kinderen[ouder])[1]


def _noemt(tekst: str, boom: Boom, code: str) -> bool:
    """The text names the unit by its code (not as the start of a longer code) or its name."""
    return (
        bool(re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", tekst)) or boom.naam(code) in tekst
    )


def test_pilot_met_een_kleine_eenheid_wordt_geweigerd(schrijfbaar: Store) -> None:
    """A pilot of a unit below the minimum plus a large one would publish the small unit as
    'pilot group minus the large unit' (the large unit is on Overzicht): refused when saved,
    in Dutch, naming the small unit and suggesting its parent."""
    boom = laad_boom(schrijfbaar)
    klein_ = _kleinste_kind(schrijfbaar, boom, "DUV")
    groot = "DUV-BV" if "DUV-BV" in boom.eenheden else _grootste_kind(schrijfbaar, boom, "DUV")
    p = Periode(str(OKT), OKT, OKT)
    waar = cijfers(schrijfbaar, boom, [p], metrics.groepen(boom, [klein_]), min_groep=0)
    assert klein(waar[(p.label, klein_)]["bezetting"]), f"{klein_} is niet klein"
    pilot = pilots.Pilot(
        naam="Aanval kleine eenheid",
        omschrijving="",
        begin=dt.date(2025, 3, 1),
        eind=dt.date(2025, 9, 30),
        pilot_eenheden=(klein_, groot),
        vergelijk_eenheden=tuple(k for k in boom.kinderen["DUV"] if k not in (klein_, groot))[:1],
    )
    melding = None
    try:
        pilots.verwijder(schrijfbaar, pilots.bewaar(schrijfbaar, pilot, boom, 10))
    except pilots.PilotFout as fout:
        melding = str(fout)
    assert melding is not None, f"de pilot van {klein_} + {groot} is opgeslagen"
    ouder = boom.eenheden[klein_].ouder or ""
    assert _noemt(melding, boom, klein_), f"de melding noemt {klein_} niet: {melding}"
    assert _noemt(melding, boom, ouder), f"de melding stelt {ouder} niet voor: {melding}"


def _verborgen_maanden(
    store: Store, boom: Boom, codes: Sequence[str], van: Maand, tot: Maand
) -> set[Maand]:
    """The months in which one of the units, asked alone (as Overzicht does), is hidden."""
    ps = maanden(van, tot)
    result = set()
    for code in codes:
        rijen = cijfers(store, boom, ps, metrics.groepen(boom, [code]))
        result |= {p.van for p in ps if rijen[(p.label, code)]["onderdrukt"]}
    return result


def test_opgeslagen_pilot_met_een_verborgen_eenheid_toont_die_maanden_niet(
    schrijfbaar: Store,
) -> None:
    """A pilot stored before the rule (written straight into the store) that contains a unit
    hidden in some month: its group's number for that month (and every period around it)
    stays hidden in the pilot analysis."""
    boom = laad_boom(schrijfbaar)
    klein_ = _kleinste_kind(schrijfbaar, boom, "DUV")
    groot = _grootste_kind(schrijfbaar, boom, "DUV")
    with schrijfbaar.schrijf() as cur:
        nieuw = cur.sql("select coalesce(max(pilot_id), 0) + 1 from pilot").fetchall()[0][0]
        cur.execute(
            "insert into pilot (pilot_id, naam, omschrijving, begin, eind, pilot_eenheden, "
            "vergelijk_eenheden, selectie_reden, gewijzigd) "
            "values ($id, 'Oude pilot met kleine eenheid', '', $b, $e, $p, $v, '', $t)",
            {
                "id": nieuw, "b": dt.date(2025, 3, 1), "e": dt.date(2025, 9, 30),
                "p": [klein_, groot], "v": [k for k in boom.kinderen["DUV"] if k not in (klein_, groot)][:2],
                "t": dt.datetime(2024, 1, 1),
            },
        )  # fmt: skip
    lekken, getoetst = [], 0
    for pilot in pilots.lijst(schrijfbaar):
        org = pilots_view.organisatie_van(boom, pilot)
        assert org is not None
        ctx = Context(boom, Selectie(org, org, OKT))
        a = pilots_view.bouw(schrijfbaar, ctx, pilot=pilot)
        reeks = a.reeks.filter(pl.col("soort") == "maand")
        if not reeks.height:
            continue
        dagen = sorted(reeks["maand"].to_list())
        van, tot = Maand.of(dagen[0]), Maand.of(dagen[-1])
        for groep, codes in (
            (pilots_view.PILOT, pilot.pilot_eenheden),
            (pilots_view.VERGELIJKING, pilot.vergelijk_eenheden),
        ):
            verborgen = _verborgen_maanden(schrijfbaar, boom, codes, van, tot)
            getoetst += len(verborgen)
            for r in a.reeks.filter(pl.col("groep") == groep).iter_rows(named=True):
                m = Maand.of(r["maand"])
                gedekt = {m} if r["soort"] == "maand" else {m.plus(-1), m, m.plus(1)}
                if gedekt & verborgen and not r["onderdrukt"]:
                    lekken.append(
                        f"{pilot.naam}: {groep} {r['soort']} {m} getoond, maar een eenheid is dan verborgen"
                    )
            for r in a.perioden.filter(pl.col("eenheid") == groep).iter_rows(named=True):
                periode = {Maand.of(r["van"]).plus(i) for i in range(int(r["k"]))}
                if periode & verborgen and not r["onderdrukt"]:
                    lekken.append(
                        f"{pilot.naam}: {groep} periode {r['periode']} getoond, met een verborgen maand"
                    )
    assert getoetst, "geen opgeslagen pilot met een verborgen eenheid: de test zegt niets"
    assert not lekken, f"{len(lekken)} keer:\n" + "\n".join(lekken[:15])


def test_pilotformulier_weigert_een_kleine_eenheid(app: Any, demo_store: Store) -> None:
    """The attack as done: the pilot form with the small unit and a large sibling is refused
    with a Dutch message that names the small unit."""
    from dashboard.ui import data

    boom = laad_boom(demo_store)
    klein_ = _kleinste_kind(demo_store, boom, "DUV")
    groot = "DUV-BV" if "DUV-BV" in boom.eenheden else _grootste_kind(demo_store, boom, "DUV")
    naam = "Aanval via het formulier"
    at = open_pagina(app, "pages/pilots.py", org="DUV", eenheid="DUV")
    try:
        at.button(key="pilots_nieuw").click().run()
        at.text_input(key="pilots_form_naam").input(naam)
        at.date_input(key="pilots_form_begin").set_value(dt.date(2025, 3, 1))
        at.date_input(key="pilots_form_eind").set_value(dt.date(2025, 9, 30))
        at.multiselect(key="pilots_form_pilot").set_value([klein_, groot])
        at.button(key="pilots_opslaan").click().run()
        assert not at.exception, at.exception
        opgeslagen = [p.naam for p in pilots.lijst(data.store())]
        assert naam not in opgeslagen, f"de pilot van {klein_} + {groot} is opgeslagen"
        fouten = " ".join(e.value for e in at.error)
        assert _noemt(fouten, boom, klein_), f"geen melding over {klein_}: {fouten!r}"
    finally:
        store = data.store()
        for p in pilots.lijst(store):
            if p.naam == naam and p.pilot_id is not None:
                pilots.verwijder(store, p.pilot_id)


# -- 3. secondary suppression per view -----------------------------------------------------------


def test_verborgen_onderdelen_zijn_samen_groot_en_overal_verborgen(demo_store: Store) -> None:
    """Under every parent, in every month: the parts it hides hold together no one or at least
    the minimum, and a part is hidden alone (Overzicht) exactly when it is hidden among its
    siblings (Afdelingen), so parent minus the shown parts never gives a small part."""
    boom = laad_boom(demo_store)
    ps = maanden(*JAAR)
    alleen: dict[Sleutel, dict[str, Any]] = {}
    for code in boom.eenheden:
        alleen |= cijfers(demo_store, boom, ps, metrics.groepen(boom, [code]))
    lekken, verborgen_delen = [], 0
    for ouder in (c for c in boom.eenheden if boom.kinderen.get(c)):
        delen = metrics.onderdelen(boom, ouder)
        los, waar = (
            cijfers(demo_store, boom, ps, delen),
            cijfers(demo_store, boom, ps, delen, min_groep=0),
        )
        for p in ps:
            weg = [
                g.label
                for g in delen
                if los[(p.label, g.label)]["onderdrukt"]
                and not los[(p.label, g.label)]["geen_gegevens"]
            ]
            verborgen_delen += len(weg)
            samen = sum(waar[(p.label, d)]["bezetting"] for d in weg)
            if weg and getoond(alleen[(p.label, ouder)]) and klein(samen):
                lekken.append(f"{ouder} {p.label}: verborgen {weg} samen {samen:.2f} mensen")
            for g in delen:
                if (
                    g.label in boom.eenheden
                    and los[(p.label, g.label)]["onderdrukt"]
                    != alleen[(p.label, g.label)]["onderdrukt"]
                ):
                    lekken.append(
                        f"{g.label} {p.label}: onder {ouder} {'verborgen' if los[(p.label, g.label)]['onderdrukt'] else 'getoond'}, "
                        f"alleen {'verborgen' if alleen[(p.label, g.label)]['onderdrukt'] else 'getoond'}"
                    )
    assert verborgen_delen, "de demo verbergt geen enkel onderdeel: de test zegt niets"
    assert not lekken, f"{len(lekken)} keer:\n" + "\n".join(lekken[:15])


def test_overzicht_verbergt_wat_afdelingen_verbergt(app: Any, demo_store: Store) -> None:
    """The attack as done: Afdelingen (DUV, 2026-10) hides the small unit and a sibling;
    Overzicht of each hidden unit (`?eenheid=...`) shows no number either."""
    boom = laad_boom(demo_store)
    at = open_pagina(app, "pages/afdelingen.py", org="DUV", eenheid="DUV", basis="maand")
    verborgen = [c for c, w in ranking(at).items() if w is None]
    assert verborgen, "Afdelingen verbergt niets onder DUV: de test zegt niets"
    p = Periode(str(OKT), OKT, OKT)
    waar = cijfers(demo_store, boom, [p], metrics.onderdelen(boom, "DUV"), min_groep=0)
    samen = sum(waar[(p.label, c)]["bezetting"] for c in verborgen)
    lekken = (
        [f"Afdelingen verbergt alleen {verborgen}: samen {samen:.2f} mensen"]
        if klein(samen)
        else []
    )
    for code in verborgen:
        getallen = {
            k: v for k, v in kaarten(open_pagina(app, None, org="DUV", eenheid=code)).items()
            if v != f"< {MIN_GROEP}"
        }  # fmt: skip
        if getallen:
            lekken.append(f"Overzicht ?eenheid={code} toont {getallen}")
    assert not lekken, "\n".join(lekken)


# -- 4. periods ----------------------------------------------------------------------------------


def test_een_periode_is_verborgen_als_een_maand_ervan_verborgen_is(demo_store: Store) -> None:
    """A group hidden in one month is hidden in every quarter and every twelve months that
    contain it, with or without a filter: otherwise the period minus its shown months gives the
    hidden month. Where that happens in the demo: units with one attribute value that dip
    below the minimum in one month while the period's average stays above it."""
    boom = laad_boom(demo_store)
    groepen = metrics.groepen(boom, list(boom.eenheden))
    van, tot = OKT.plus(-23), OKT
    ms = maanden(van, tot)
    kwartalen = perioden(van, tot, "kwartaal")
    jaren = perioden(OKT.plus(-12), tot, "voortschrijdend")
    lekken, gevaarlijk = [], 0
    for naam, f in [("geen filter", GEEN_FILTER), *filters(demo_store, complementen=False)]:
        maand = cijfers(demo_store, boom, ms, groepen, f)
        waar_maand = cijfers(demo_store, boom, ms, groepen, f, min_groep=0)
        for lang in (kwartalen, jaren):  # apart: a rolling year is labelled by its last month
            waar = cijfers(demo_store, boom, lang, groepen, f, min_groep=0)
            for (label, code), rij in cijfers(demo_store, boom, lang, groepen, f).items():
                p = next(q for q in lang if q.label == label)
                binnen = [m for m in p.maanden if van <= m]
                verborgen = [m for m in binnen if maand[(str(m), code)]["onderdrukt"]]
                dip = [m for m in binnen if klein(waar_maand[(str(m), code)]["bezetting"])]
                gevaarlijk += bool(dip) and waar[(label, code)]["bezetting"] >= MIN_GROEP
                if verborgen and getoond(rij):
                    wanneer = label if lang is kwartalen else f"12 maanden t/m {label}"
                    lekken.append(
                        f"{code} {naam} {wanneer} getoond, maar {[str(m) for m in verborgen]} verborgen"
                    )
    assert gevaarlijk, "geen groep die in één maand onder het minimum zakt: de test zegt niets"
    assert not lekken, f"{len(lekken)} keer:\n" + "\n".join(lekken[:15])


def test_afdelingen_twaalf_maanden_min_de_heatmap_geeft_geen_maand(
    app: Any, demo_store: Store
) -> None:
    """The attack as done in the app: the twelve-month ranking of a unit minus its eleven shown
    heat-map months. Found in the data: the unit × attribute value whose twelve months have the
    largest average while one month is below the minimum; its twelve-month number is hidden."""
    boom = laad_boom(demo_store)
    jaar = _basisjaar(demo_store)
    groepen = metrics.groepen(boom, [c for c, e in boom.eenheden.items() if e.ouder is not None])
    kandidaten = []
    for naam, f in filters(demo_store, complementen=False):
        waar = cijfers(demo_store, boom, [jaar], groepen, f, min_groep=0)
        waar_maand = cijfers(demo_store, boom, maanden(jaar.van, jaar.tot), groepen, f, min_groep=0)
        for g in groepen:
            dip = [m for m in jaar.maanden if klein(waar_maand[(str(m), g.label)]["bezetting"])]
            gemiddeld = waar[(jaar.label, g.label)]["bezetting"]
            if dip and gemiddeld >= MIN_GROEP:
                kandidaten.append((gemiddeld, g.label, naam, f, dip))
    assert kandidaten, "geen eenheid die in één maand van het jaar onder het minimum zakt"
    gemiddeld, code, naam, f, dip = max(kandidaten, key=lambda k: (k[0], k[1]))
    org, ouder = boom.eenheden[code].organisatie, boom.eenheden[code].ouder or code
    at = open_pagina(app, "pages/afdelingen.py", org=org, eenheid=ouder, **url_filter(f))
    waarde = ranking(at).get(code)
    assert waarde is None, (
        f"Afdelingen {ouder} met {naam}: {code} toont {waarde} over twaalf maanden "
        f"(gemiddeld {gemiddeld:.2f} mensen), terwijl {[str(m) for m in dip]} onder het minimum ligt"
    )


# -- 5. the CLI ----------------------------------------------------------------------------------


def _cli(*args: str) -> list[dict[str, str]]:
    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        code = cli.main(list(args))
    assert code == 0, fout.getvalue()
    return list(csv.DictReader(io.StringIO(uit.getvalue())))


@pytest.mark.parametrize("per", ["maand", "geheel"])
def test_cli_ouder_min_getoonde_kinderen_is_nooit_een_kleine_groep(
    demo_store: Store, per: str
) -> None:
    """`metrics --eenheid DUV --eenheid <each child>` with the default minimum: DUV minus the
    children it shows is no one or at least the minimum, in every period."""
    boom = laad_boom(demo_store)
    codes = ["DUV", *boom.kinderen["DUV"]]
    args = [
        "metrics",
        "--db",
        demo_store.path,
        "--van",
        str(JAAR[0]),
        "--tot",
        str(JAAR[1]),
        "--per",
        per,
    ]
    rijen = _cli(*args, *(a for c in codes for a in ("--eenheid", c)))
    ps = perioden(*JAAR, per)
    waar = cijfers(demo_store, boom, ps, metrics.groepen(boom, codes), min_groep=0)
    lekken = []
    for p in ps:
        rij = {r["eenheid"]: r for r in rijen if r["periode"] == p.label}
        if rij["DUV"]["onderdrukt"] == "ja":
            continue
        getoonde = [c for c in codes[1:] if rij[c]["onderdrukt"] == "nee"]
        rest = waar[(p.label, "DUV")]["bezetting"] - sum(
            waar[(p.label, c)]["bezetting"] for c in getoonde
        )
        if klein(rest):
            weg = [c for c in codes[1:] if c not in getoonde]
            lekken.append(f"{p.label}: DUV min {len(getoonde)} kinderen = {weg}, {rest:.4f} mensen")
    assert not lekken, "\n".join(lekken)
