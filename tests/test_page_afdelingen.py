"""Afdelingen in AppTest: the ranking carries the API's numbers, the level and period choices work
and live in the URL, drill-down changes the selected unit in the URL, suppressed units stay
without numbers."""

from __future__ import annotations

import json

import pytest

from dashboard import metrics
from dashboard.hierarchy import laad_boom
from dashboard.periods import Maand, Periode

PAGINA = "pages/afdelingen.py"
OKT = Maand(2026, 10)


def open_pagina(app, **params: str):
    at = app(PAGINA, **{"org": "MLV", "maand": "2026-10", "vgl": "vorig_jaar", **params})
    assert not at.exception, at.exception
    return at


def specs(at) -> list[dict]:
    return [json.loads(g.proto.spec) for g in at.get("plotly_chart")]


def ranking(at) -> dict:
    """The ranking figure: values per unit code (None for '< 10'), and the category order."""
    spec = specs(at)[0]
    waarden: dict[str, float | None] = {}
    for tr in spec["data"]:
        if tr["type"] == "bar":
            waarden.update(zip(tr["y"], tr["x"], strict=True))
        elif tr.get("text") and tr["text"][0] == "< 10":
            waarden.update((c, None) for c in tr["y"])
    return {"waarden": waarden, "volgorde": spec["layout"]["yaxis"]["categoryarray"][::-1]}


def api(store, eenheid: str, periode: Periode) -> dict[str, dict]:
    boom = laad_boom(store)
    frame = metrics.kerncijfers(store, boom, [periode], metrics.onderdelen(boom, eenheid))
    return {r["eenheid"]: r for r in frame.iter_rows(named=True)}


def test_rangorde_heeft_de_cijfers_van_de_api(app, demo_store):
    at = open_pagina(app, eenheid="MLV")
    assert at.title[0].value == "Directoraten-generaal vergeleken"
    r = ranking(at)
    verwacht = api(demo_store, "MLV", Periode("r12", OKT.plus(-11), OKT))
    assert set(r["waarden"]) == {"MLV-BVU", "MLV-MOB", "MLV-RWK"}
    for code, waarde in r["waarden"].items():
        assert waarde == pytest.approx(verwacht[code]["verzuimpercentage"])
    # sorted, highest on top
    getallen = [r["waarden"][c] for c in r["volgorde"]]
    assert getallen == sorted(getallen, reverse=True)
    # the page's own choices are in the URL, so a copied link shows the same
    assert _param(at, "niveau") == "0" and _param(at, "basis") == "r12"
    assert len(at.get("plotly_chart")) == 5


def test_maand_als_basis(app, demo_store):
    at = open_pagina(app, eenheid="DUV", org="DUV")
    at.segmented_control(key="afdelingen_basis").set_value("maand").run()
    assert not at.exception
    verwacht = api(demo_store, "DUV", Periode("m", OKT, OKT))
    r = ranking(at)
    for code, waarde in r["waarden"].items():
        if waarde is None:
            assert verwacht[code]["onderdrukt"]
        else:
            assert waarde == pytest.approx(verwacht[code]["verzuimpercentage"])
    assert "oktober 2026" in specs(at)[0]["layout"]["title"]["subtitle"]["text"]
    assert _param(at, "basis") == "maand"


def _param(at, naam: str) -> str:
    waarde = at.query_params[naam]
    return waarde[0] if isinstance(waarde, list) else waarde


def test_niveau_uit_de_url_met_onderdrukte_afdelingen(app):
    at = open_pagina(app, eenheid="MLV", niveau="3")
    assert at.title[0].value == "Afdelingen vergeleken"
    r = ranking(at)
    assert len(r["waarden"]) == 33
    # three small afdelingen and, in each of their directies, the next smallest
    weg = {c for c, w in r["waarden"].items() if w is None}
    assert weg == {
        "MLV-MOB-OV-RB", "MLV-MOB-OV-CA", "MLV-RWK-KL-GE", "MLV-RWK-KL-LK",
        "MLV-BVU-CB-OP", "MLV-BVU-CB-LC",
    }  # fmt: skip
    assert r["volgorde"][-6:] and set(r["volgorde"][-6:]) == weg
    assert _param(at, "niveau") == "3"


def test_secundaire_onderdrukking_op_de_pagina(app):
    at = open_pagina(app, eenheid="MLV-MOB-OV")
    r = ranking(at)
    assert r["waarden"]["MLV-MOB-OV-RB"] is None and r["waarden"]["MLV-MOB-OV-CA"] is None
    assert r["waarden"]["MLV-MOB-OV-SP"] is not None
    # one unit with numbers: no funnel (nothing to compare with), and the page says so
    assert any("Te weinig eenheden" in i.value for i in at.info)
    heat = next(s for s in specs(at) if s["data"][0]["type"] == "heatmap")
    rij = heat["data"][0]["y"].index("MLV-MOB-OV-RB")
    assert all(z is None for z in heat["data"][0]["z"][rij])


def test_inzoomen_zet_de_eenheid_in_de_url(app):
    # from all directies of the ministry into one of them
    at = open_pagina(app, eenheid="MLV", niveau="2")
    assert len(ranking(at)["waarden"]) == 12
    at.selectbox(key="afdelingen_inzoomen").set_value("MLV-MOB-WV").run()
    assert not at.exception
    assert _param(at, "eenheid") == "MLV-MOB-WV"
    # drilling down shows the parts of the new unit
    assert _param(at, "niveau") == "0"
    assert set(ranking(at)["waarden"]) == {"MLV-MOB-WV-VM", "MLV-MOB-WV-VV", "MLV-MOB-WV-WB"}
    assert at.selectbox(key="sel_eenheid").value == "MLV-MOB-WV"
    # and one level up again
    at.button(key="afdelingen_omhoog").click().run()
    assert not at.exception
    assert _param(at, "eenheid") == "MLV-MOB"
    assert set(ranking(at)["waarden"]) == {"MLV-MOB-DI", "MLV-MOB-LM", "MLV-MOB-OV", "MLV-MOB-WV"}


def test_regelkaart_voor_een_gekozen_eenheid(app):
    at = open_pagina(app, eenheid="MLV-MOB-LM")
    at.selectbox(key="afdelingen_spc").set_value("MLV-MOB-LM-LV").run()
    assert not at.exception
    spc = specs(at)[-1]
    assert spc["layout"]["title"]["text"].startswith("<b>Regelkaart Afdeling Luchtvaart")
    assert _param(at, "eenheid") == "MLV-MOB-LM"  # the control chart does not drill down


def test_engels(app):
    at = open_pagina(app, eenheid="MLV", taal="en")
    assert at.title[0].value == "Directorates-general compared"
    spec = specs(at)[0]
    assert spec["layout"]["separators"] == ".,"
    assert "clearly above average" in spec["layout"]["title"]["text"]
