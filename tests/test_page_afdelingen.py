"""Afdelingen in AppTest: the ranking carries the API's numbers, the level and period choices work
and live in the URL, drill-down changes the selected unit in the URL, suppressed units stay
without numbers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dashboard import i18n, metrics
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
    at.segmented_control(key="afdelingen_basis_keuze").set_value("maand").run()
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


def test_keuzes_blijven_na_een_andere_pagina(app):
    at = open_pagina(app, eenheid="MLV", niveau="2")
    at.segmented_control(key="afdelingen_basis_keuze").set_value("maand").run()
    at.switch_page("pages/overzicht.py").run()
    assert not at.exception
    # Overzicht has no such parameters: they leave the URL
    assert "niveau" not in at.query_params and "basis" not in at.query_params
    at.switch_page(PAGINA).run()
    assert not at.exception
    # back on Afdelingen: the level and period as the user left them, in the URL again
    assert _param(at, "niveau") == "2" and _param(at, "basis") == "maand"
    assert len(ranking(at)["waarden"]) == 12
    assert "oktober 2026" in specs(at)[0]["layout"]["title"]["subtitle"]["text"]


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
    i18n.ONTBREKEND.clear()
    at = open_pagina(app, eenheid="MLV", taal="en")
    assert at.title[0].value == "Directorates-general compared"
    spec = specs(at)[0]
    assert spec["layout"]["separators"] == ".,"
    assert "clearly above average" in spec["layout"]["title"]["text"]
    # every text shown, also through a variable (a label from the catalogue, a signal), has
    # its English
    assert not i18n.ONTBREKEND, sorted(i18n.ONTBREKEND)


def test_engels_op_een_niveau_met_onderdrukking_en_regelkaart(app):
    i18n.ONTBREKEND.clear()
    at = open_pagina(app, eenheid="MLV", niveau="3", taal="en")
    assert at.title[0].value == "Departments compared"
    at.selectbox(key="afdelingen_spc").set_value("MLV-MOB-LM-LV").run()
    at.segmented_control(key="afdelingen_maatstaf").set_value("meldingsfrequentie").run()
    assert not at.exception
    alles = json.dumps(specs(at))
    assert "< 10: not shown (privacy)" in alles and "above the 99.8% limit" in alles
    assert "Control chart Afdeling Luchtvaart" in specs(at)[-1]["layout"]["title"]["text"]
    assert not i18n.ONTBREKEND, sorted(i18n.ONTBREKEND)


# -- a store computed by hand --------------------------------------------------------------------

ORGANISATIE = """
eenheid;naam;bovenliggende_eenheid
ORG;Organisatie;
A;Afdeling Alfa;ORG
B;Afdeling Beta;ORG
C;Afdeling Gamma;ORG
D;Afdeling Delta;ORG
E;Afdeling Epsilon;ORG
"""
# A 12, B 10, C 20, D 3, E 15 full-time people from 01-01-2026 (60 in all)
PERSONEEL = "medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor\n" + "\n".join(
    f"{u.lower()}{i};{u};01-01-2026;;1"
    for u, n in (("A", 12), ("B", 10), ("C", 20), ("D", 3), ("E", 15))
    for i in range(n)
)
VERZUIM = """
medewerker_id;melding_id;eerste_verzuimdag;laatste_verzuimdag
a0;s1;01-03-2026;10-03-2026
b0;s2;01-03-2026;05-03-2026
c0;s3;01-03-2026;20-03-2026
c1;s4;01-02-2026;05-02-2026
d0;s5;01-03-2026;31-03-2026
e0;s6;01-01-2026;31-01-2026
e1;s7;01-03-2026;31-03-2026
"""


@pytest.fixture
def hand_app(tmp_path, monkeypatch):
    """The app on the store above (peildatum 31-03-2026)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from dashboard.store import Store
    from dashboard.ui import data
    from tests.conftest import importeer_teksten

    pad = tmp_path / "hand.duckdb"
    store = Store(pad)
    res = importeer_teksten(
        store, dt.date(2026, 3, 31), organisatie=ORGANISATIE, personeel=PERSONEEL, verzuim=VERZUIM
    )
    assert res.geslaagd, res.rapport
    store.close()
    monkeypatch.setenv("VERZUIMZICHT_DB", str(pad))
    monkeypatch.chdir(Path(__file__).parent.parent)
    data.store.clear()
    st.cache_data.clear()

    def start(**params: str) -> AppTest:
        at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=120)
        for k, v in {"org": "ORG", "eenheid": "ORG", "maand": "2026-03", **params}.items():
            at.query_params[k] = v
        at.switch_page(PAGINA)  # the link opened on the page itself
        at.run()
        assert not at.exception, at.exception
        return at

    yield start
    data.store.clear()
    st.cache_data.clear()


def test_met_de_hand_rangorde_referentie_en_onderdrukking(hand_app):
    at = hand_app()
    assert at.title[0].value == "Afdelingen vergeleken"
    # the extract starts in January 2026, so the "12 months" are jan-mrt 2026: D = 31+28+31 = 90
    # days, every full-time person 90 available days
    assert "3 maanden jan 2026 – mrt 2026" in at.caption[0].value
    r = ranking(at)
    # E: (31 + 31) / (15 × 90) = 62 / 1350 = 4,593%; C: (20 + 5) / (20 × 90) = 25 / 1800 =
    # 1,389%; A: 10 / (12 × 90) = 10 / 1080 = 0,926%
    assert r["waarden"]["E"] == pytest.approx(100 * 62 / 1350)
    assert r["waarden"]["C"] == pytest.approx(100 * 25 / 1800)
    assert r["waarden"]["A"] == pytest.approx(100 * 10 / 1080)
    # D (3 people) is too small; B (10) is the smallest other part and is hidden with it, so
    # that the total minus the shown parts gives neither
    assert r["waarden"]["B"] is None and r["waarden"]["D"] is None
    # highest first, the hidden ones last by name (Beta, Delta)
    assert r["volgorde"] == ["E", "C", "A", "B", "D"]
    spec = specs(at)[0]
    teksten = [t for tr in spec["data"] for t in (tr.get("text") or [])]
    assert "  4,6%" in teksten and "  1,4%" in teksten and "  0,9%" in teksten
    # the reference line is the whole organisation: (10 + 5 + 25 + 31 + 62) / (60 × 90)
    # = 133 / 5400 = 2,463%
    (lijn,) = [s for s in spec["layout"]["shapes"] if s["type"] == "line" and s["x0"] == s["x1"]]
    assert lijn["x0"] == pytest.approx(100 * 133 / 5400)
    assert "Organisatie: 2,5%" in [tr.get("name") for tr in spec["data"]]
    # the hidden parts' numbers are nowhere: B 5 / 900 = 0,556%, D 31 / 270 = 11,48%
    tekst = json.dumps(specs(at))
    for waarde in (100 * 5 / 900, 100 * 31 / 270):
        assert repr(waarde)[:7] not in tekst
    for waarde in ("0,6%", "11,5%"):
        assert waarde not in tekst
    # three units with numbers: a funnel can be drawn
    assert not any("Te weinig eenheden" in i.value for i in at.info)


def test_met_de_hand_meldingsfrequentie_en_heatmap(hand_app):
    at = hand_app()
    at.segmented_control(key="afdelingen_maatstaf").set_value("meldingsfrequentie").run()
    assert not at.exception
    r = ranking(at)
    # reports per person per year over 3 months: meldingen / bezetting × 12 / 3;
    # C 2 / 20 × 4 = 0,40; E 2 / 15 × 4 = 0,533; A 1 / 12 × 4 = 0,333
    assert r["waarden"]["C"] == pytest.approx(0.4)
    assert r["waarden"]["E"] == pytest.approx(2 / 15 * 4)
    assert r["waarden"]["A"] == pytest.approx(1 / 12 * 4)
    assert r["volgorde"][:3] == ["E", "C", "A"]
    heat = next(s for s in specs(at) if s["data"][0]["type"] == "heatmap")
    waarden = heat["data"][0]
    assert waarden["y"][0] == "ORG"  # the total on top
    rij, kolom = waarden["y"].index("E"), {x[:7]: j for j, x in enumerate(waarden["x"])}
    # E in January: 31 days of 15 × 31 = 465 -> 6,667%; February: nobody absent -> 0
    assert waarden["z"][rij][kolom["2026-01"]] == pytest.approx(100 * 31 / 465)
    assert waarden["z"][rij][kolom["2026-02"]] == 0
    # the whole organisation in March: (10 + 5 + 20 + 31 + 31) / (60 × 31) = 97 / 1860
    assert waarden["z"][0][kolom["2026-03"]] == pytest.approx(100 * 97 / 1860)
    assert all(z is None for z in waarden["z"][waarden["y"].index("D")])


def test_met_de_hand_een_maand_als_basis(hand_app):
    at = hand_app(basis="maand")
    assert _param(at, "basis") == "maand"
    r = ranking(at)
    # March alone: E 31 / (15 × 31) = 6,667%; C 20 / (20 × 31) = 3,226%; A 10 / (12 × 31) = 2,688%
    assert r["waarden"]["E"] == pytest.approx(100 * 31 / 465)
    assert r["waarden"]["C"] == pytest.approx(100 * 20 / 620)
    assert r["waarden"]["A"] == pytest.approx(100 * 10 / 372)
    assert "maart 2026" in specs(at)[0]["layout"]["title"]["subtitle"]["text"]
