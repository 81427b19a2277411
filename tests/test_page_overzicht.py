"""Overzicht in AppTest: headline numbers equal the metrics API, the month filter works, the URL
holds the state, and the trend chart carries the API's numbers."""

from __future__ import annotations

import json

import pytest

from dashboard import format as fmt
from dashboard import metrics
from dashboard.hierarchy import laad_boom
from dashboard.periods import Maand, Periode


def api(store, eenheid: str, maand: Maand) -> dict:
    boom = laad_boom(store)
    (groep,) = metrics.groepen(boom, [eenheid])
    (rij,) = metrics.kerncijfers(
        store, boom, [Periode(str(maand), maand, maand)], [groep]
    ).to_dicts()
    return rij


def kaartwaarden(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_eerste_opening_toont_de_laatste_volledige_maand(app, demo_store):
    at = app()
    assert not at.exception
    # the largest organisation and the last complete month before the peildatum 31-10-2026
    assert at.query_params["org"] == "MLV"
    assert at.query_params["maand"] == "2026-10"
    verwacht = api(demo_store, "MLV", Maand(2026, 10))
    waarden = kaartwaarden(at)
    assert waarden["Verzuimpercentage"] == fmt.procent(verwacht["verzuimpercentage"])
    assert waarden["Meldingsfrequentie"] == fmt.getal(verwacht["meldingsfrequentie"], 2)
    assert at.title[0].value.startswith("Verzuim in oktober 2026")


def test_andere_maand_en_eenheid_via_de_zijbalk(app, demo_store):
    at = app()
    at.selectbox(key="sel_eenheid").set_value("MLV-MOB").run()
    at.selectbox(key="sel_maand").set_value("2025-06").run()
    assert not at.exception
    assert at.query_params["eenheid"] == "MLV-MOB"
    assert at.query_params["maand"] == "2025-06"
    verwacht = api(demo_store, "MLV-MOB", Maand(2025, 6))
    assert kaartwaarden(at)["Verzuimpercentage"] == fmt.procent(verwacht["verzuimpercentage"])
    assert "juni 2025" in at.title[0].value


def test_trendgrafiek_bevat_de_maandcijfers_van_de_api(app, demo_store):
    at = app(org="MLV", eenheid="MLV-RWK", maand="2026-10", vgl="vorig_jaar", taal="nl")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    # two bar traces: the complete months, and January 2019 apart (the extract starts there, so
    # absence that began earlier is missing: hatched, in no rolling year)
    staven, begin = [tr for tr in spec["data"] if tr["type"] == "bar"]
    assert begin["x"] == ["2019-01-01"] and begin["marker"]["pattern"]["shape"] == "/"
    assert "onvolledig" in begin["name"]
    boom = laad_boom(demo_store)
    groepen = metrics.groepen(boom, ["MLV-RWK"])
    reeks = metrics.kerncijfers(
        demo_store,
        boom,
        metrics.periodes(boom, groepen, Maand(2019, 1), Maand(2026, 10), "maand"),
        groepen,
    )
    pct = reeks["verzuimpercentage"].to_list()
    assert staven["y"] == pytest.approx(pct[1:]) and begin["y"] == pytest.approx(pct[:1])
    lijn = next(tr for tr in spec["data"] if tr["type"] == "scatter" and tr["mode"] == "lines")
    assert lijn["x"][0] == "2020-01-01"  # the first rolling year without January 2019
    assert spec["layout"]["separators"] == ",."
    # Dutch month names on the axis, never 'Oct'
    assert all("Oct" not in t for t in spec["layout"]["xaxis"]["ticktext"])
    assert any(t.startswith("jan ") for t in spec["layout"]["xaxis"]["ticktext"])


def test_kleine_eenheid_is_onderdrukt(app):
    # MLV-MOB-OV-RB has fewer than 10 employees (data/demo/README.md)
    at = app(org="MLV", eenheid="MLV-MOB-OV-RB", maand="2026-10")
    assert not at.exception
    assert all(m.value in ("< 10",) for m in at.metric)
    assert "te klein" in at.title[0].value


def test_engels(app):
    at = app(org="MLV", eenheid="MLV", maand="2026-10", taal="en")
    assert not at.exception
    assert at.title[0].value.startswith("Absence in oktober") is False
    assert at.title[0].value.startswith("Absence in October 2026")


def test_voortschrijdend_als_vergelijking(app, demo_store):
    at = app(org="MLV", eenheid="MLV", maand="2026-10", vgl="r12", taal="nl")
    assert not at.exception
    boom = laad_boom(demo_store)
    (groep,) = metrics.groepen(boom, ["MLV"])
    (r12,) = metrics.kerncijfers(
        demo_store, boom, [Periode("r12", Maand(2025, 11), Maand(2026, 10))], [groep]
    ).to_dicts()
    assert kaartwaarden(at)["Verzuimpercentage"] == fmt.procent(r12["verzuimpercentage"])
    assert at.title[0].value.startswith("Verzuim in de 12 maanden t/m oktober 2026")
