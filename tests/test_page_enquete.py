"""Medewerkersonderzoek in AppTest: the page's numbers equal a hand computation from the demo
CSV, the wave, level and scale controls work and land in the URL, small units stay '< 10'."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from dashboard import format as fmt
from dashboard.config import DEMO_DIR

WORTEL = Path(__file__).parent.parent
PAGINA = "pages/medewerkersonderzoek.py"


def csv_rijen(meting: str, voorvoegsel: str, minimum: int = 10) -> list[dict[str, str]]:
    tekst = (DEMO_DIR / "enquete.csv").read_bytes().decode("cp1252")
    return [
        r
        for r in csv.DictReader(io.StringIO(tekst), delimiter=";")
        if r["meting"] == meting
        and r["eenheid"].startswith(voorvoegsel)
        and int(r["respondenten"]) >= minimum
    ]


def gewogen(rijen: list[dict[str, str]], schaal: str) -> float:
    n = [int(r["respondenten"]) for r in rijen]
    x = [float(r[schaal].replace(",", ".")) for r in rijen]
    return sum(a * b for a, b in zip(n, x, strict=True)) / sum(n)


def kaarten(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def figuren(at) -> list[dict]:
    return [json.loads(f.proto.spec) for f in at.get("plotly_chart")]


def open_pagina(app, **params: str):
    at = app("pages/medewerkersonderzoek.py", **params)
    assert not at.exception, at.exception
    return at


def test_organisatie_2024(app):
    at = open_pagina(app, org="MLV", eenheid="MLV", maand="2026-10", vgl="vorig_jaar", taal="nl")
    assert at.title[0].value.startswith("Medewerkersonderzoek 2024: ")
    # the cards: respondent-weighted means of the MLV departments with >= 10 respondents
    rijen = csv_rijen("2024", "MLV")
    waarden = kaarten(at)
    for label, schaal in (("Werkdruk", "werkdruk"), ("Uitputting", "uitputting"),
                          ("Bevlogenheid", "bevlogenheid"), ("Autonomie", "autonomie")):  # fmt: skip
        assert waarden[label] == fmt.getal(gewogen(rijen, schaal), 1), label
    heatmap, jdr, verzuim = figuren(at)
    # the organisation's row in the heat map carries the same numbers
    assert heatmap["data"][0]["text"][0][0] == fmt.getal(gewogen(rijen, "werkdruk"), 1)
    assert heatmap["layout"]["yaxis"]["ticktext"][0].startswith(
        f"<b>Gemiddelde MLV</b>  <span style='color:#8C8C8C'>n = "
        f"{fmt.getal(sum(int(r['respondenten']) for r in rijen), 0)}"
    )
    # four departments under 10 respondents: grey, no number
    grijs = next(tr for tr in heatmap["data"] if tr["name"] == "< 10")
    assert sum(rij == ["< 10"] * 8 for rij in grijs["text"]) == 4
    assert heatmap["layout"]["separators"] == ",."
    assert "Hoge eisen en weinig hulpbronnen in 10 van 29 afdelingen" in jdr["layout"]["title"][
        "text"
    ].replace("<br>", " ")
    # 26: the absence of three afdelingen is hidden to protect a small sibling
    assert "r = 0,55; 26 afdelingen" in verzuim["layout"]["title"]["text"].replace("<br>", " ")
    assert at.query_params["meting"] == ["2024"] or at.query_params["meting"] == "2024"


def test_andere_meting_via_de_keuzelijst(app):
    at = open_pagina(app, org="MLV", eenheid="MLV", maand="2026-10", taal="nl")
    at.selectbox(key="enquete_meting").set_value("2022").run()
    assert not at.exception
    assert at.title[0].value.startswith("Medewerkersonderzoek 2022")
    assert at.query_params["meting"] in ("2022", ["2022"])
    rijen = csv_rijen("2022", "MLV")
    assert kaarten(at)["Werkdruk"] == fmt.getal(gewogen(rijen, "werkdruk"), 1)
    _, jdr, verzuim = figuren(at)
    for spec in (jdr, verzuim):
        assert (
            "meting 2022 · verzuim jan 2022 – dec 2022"
            in spec["layout"]["title"]["subtitle"]["text"]
        )
    # the demo's correlation of uitputting with absence is positive in every wave
    assert "hoger verzuim" in verzuim["layout"]["title"]["text"].replace("<br>", " ")


def test_meting_volgt_de_maand_en_de_link(app):
    at = open_pagina(app, org="DUV", eenheid="DUV", maand="2023-06", taal="nl")
    assert at.title[0].value.startswith("Medewerkersonderzoek 2022")
    at = open_pagina(app, org="DUV", eenheid="DUV", maand="2026-10", taal="nl", meting="2020")
    assert at.title[0].value.startswith("Medewerkersonderzoek 2020")


def test_terugknop_en_paginawissel(app):
    at = open_pagina(app, org="MLV", eenheid="MLV", maand="2026-10", taal="nl")
    at.selectbox(key="enquete_meting").set_value("2022").run()
    at.segmented_control(key="enquete_niveau").set_value("onderliggend").run()
    assert at.title[0].value.startswith("Medewerkersonderzoek 2022")
    # the back button: the URL says 2024 again, and the URL wins
    at.query_params["meting"] = "2024"
    at.run()
    assert at.title[0].value.startswith("Medewerkersonderzoek 2024")
    assert at.selectbox(key="enquete_meting").value == "2024"
    # another page and back: Streamlit clears the URL, the session keeps the choices
    for pagina in ("pages/overzicht.py", "pages/medewerkersonderzoek.py"):
        at.switch_page(pagina)
        for k in list(at.query_params):
            del at.query_params[k]
        at.run()
    assert not at.exception
    assert at.title[0].value.startswith("Medewerkersonderzoek 2024")
    assert len(figuren(at)[0]["layout"]["yaxis"]["ticktext"]) == 4  # still the directorates
    assert at.query_params["niveau"] in ("onderliggend", ["onderliggend"])


def test_onderliggende_eenheden_en_schaal(app):
    at = open_pagina(app, org="MLV", eenheid="MLV", maand="2026-10", taal="nl")
    at.segmented_control(key="enquete_niveau").set_value("onderliggend").run()
    assert not at.exception
    heatmap = figuren(at)[0]
    rijen = heatmap["layout"]["yaxis"]["ticktext"]
    assert len(rijen) == 4  # the average and the three directorates-general
    mob = next(i for i, r in enumerate(rijen) if "Mobiliteit" in r)
    werkdruk = heatmap["data"][0]["text"][mob][0]
    assert werkdruk == fmt.getal(gewogen(csv_rijen("2024", "MLV-MOB-"), "werkdruk"), 1)
    # three units: too few for a correlation, and the page says so
    assert "te weinig eenheden" in figuren(at)[2]["layout"]["title"]["text"].replace("<br>", " ")
    at.segmented_control(key="enquete_niveau").set_value("afdelingen").run()
    at.selectbox(key="enquete_schaal").set_value("bevlogenheid").run()
    assert not at.exception
    titel = figuren(at)[2]["layout"]["title"]["text"].replace("<br>", " ")
    assert titel.startswith("<b>Meer bevlogenheid, lager verzuim")
    assert at.query_params["schaal"] in ("bevlogenheid", ["bevlogenheid"])


def test_kleine_afdeling(app):
    # MLV-MOB-OV-RB: 5 respondents in every wave (data/demo/README.md)
    at = open_pagina(app, org="MLV", eenheid="MLV-MOB-OV-RB", maand="2026-10", taal="nl")
    assert "te weinig respondenten" in at.title[0].value
    assert set(kaarten(at).values()) == {"< 10"}
    # only the heat map: no scatter of a unit whose scores may not be shown
    (heatmap,) = figuren(at)
    assert "ten minste 10 respondenten" in at.info[0].value
    rij = heatmap["layout"]["yaxis"]["ticktext"].index(
        next(r for r in heatmap["layout"]["yaxis"]["ticktext"] if "Reizigersbelangen" in r)
    )
    assert heatmap["data"][0]["z"][rij] == [None] * 8


@pytest.mark.parametrize("eenheid", ["MLV", "MLV-RWK"])
def test_engels(app, eenheid):
    from dashboard import i18n

    i18n.ONTBREKEND.clear()
    at = open_pagina(app, org="MLV", eenheid=eenheid, maand="2026-10", taal="en")
    assert at.title[0].value.startswith("Employee survey 2024")
    assert "Workload" in kaarten(at)
    assert figuren(at)[0]["layout"]["separators"] == ".,"
    if eenheid == "MLV":
        # the other level and the change since the previous wave: their texts too
        at.segmented_control(key="enquete_niveau").set_value("onderliggend").run()
        at.segmented_control(key="enquete_weergave").set_value("verschil").run()
        assert not at.exception
        assert "too few units" in figuren(at)[2]["layout"]["title"]["text"].replace("<br>", " ")
    # every text the page showed in English came from the catalogue
    assert not i18n.ONTBREKEND, sorted(i18n.ONTBREKEND)


# -- a small store, numbers by hand ----------------------------------------------------------------

#: Six departments of 10 full-time employees each, in service all of 2022 and 2023. Per unit:
#: respondents, werkdruk, autonomie, uitputting (wave 2023) and absence days in 2023 (one spell).
KLEIN: dict[str, tuple[int, float, float, float, int]] = {
    "U1": (10, 2.0, 4.0, 2.0, 73),  # 73 / 3.650 = 2%
    "U2": (20, 3.0, 3.0, 2.5, 219),  # 6%
    "U3": (10, 2.0, 4.0, 3.0, 146),  # 4%
    "U4": (10, 4.0, 2.4, 3.5, 365),  # 10%: one employee absent all year
    "U5": (10, 3.0, 3.0, 4.0, 292),  # 8%
    "U6": (5, 5.0, 1.0, 5.0, 0),  # 5 respondents: suppressed, in no average
}


def klein_bestanden() -> dict[str, str]:
    """The extracts of the small organisation as CSV text."""
    organisatie = ["eenheid;naam;bovenliggende_eenheid", "ORG;Organisatie;"]
    personeel = ["medewerker_id;eenheid;begindatum;einddatum;deeltijdfactor"]
    verzuim = ["medewerker_id;eerste_verzuimdag;laatste_verzuimdag"]
    enquete = ["meting;eenheid;respondenten;werkdruk;autonomie;uitputting"]
    for code, (n, werkdruk, autonomie, uitputting, dagen) in KLEIN.items():
        organisatie.append(f"{code};Afdeling {code};ORG")
        personeel += [f"{code}-{i};{code};01-01-2022;;1" for i in range(10)]
        if dagen:
            eind = dt.date(2023, 1, 1) + dt.timedelta(days=dagen - 1)
            verzuim.append(f"{code}-0;01-01-2023;{eind:%d-%m-%Y}")
        enquete.append(f"2023;{code};{n};{werkdruk};{autonomie};{uitputting}".replace(".", ","))
        if code != "U6":
            # 2022: every scale the same in every department
            enquete.append(f"2022;{code};10;2,5;3,0;2,5")
    return {
        "organisatie": "\n".join(organisatie),
        "personeel": "\n".join(personeel),
        "verzuim": "\n".join(verzuim),
        "enquete": "\n".join(enquete),
    }


@pytest.fixture(scope="module")
def klein_db(tmp_path_factory):
    """The small organisation as a store file for the app (AppTest reads a file)."""
    from dashboard.store import Store
    from tests.conftest import importeer_teksten

    pad = tmp_path_factory.mktemp("enquete") / "klein.duckdb"
    store = Store(pad)
    res = importeer_teksten(store, dt.date(2023, 12, 31), **klein_bestanden())
    assert res.geslaagd, res.rapport
    store.close()
    return pad


@pytest.fixture
def klein_app(klein_db, monkeypatch):
    """The app on the small store (the process keeps one store: cleared before and after)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from dashboard.ui import data

    monkeypatch.setenv("VERZUIMZICHT_DB", str(klein_db))
    monkeypatch.chdir(WORTEL)
    data.store.clear()
    st.cache_data.clear()

    def start(**params: str) -> AppTest:
        at = AppTest.from_file(str(WORTEL / "app.py"), default_timeout=120)
        alle = {"org": "ORG", "eenheid": "ORG", "maand": "2023-12", **params}
        for k, v in alle.items():
            at.query_params[k] = v
        at.run()
        for k, v in alle.items():
            at.query_params[k] = v
        at.switch_page(PAGINA)
        at.run()
        assert not at.exception, at.exception
        return at

    yield start
    data.store.clear()
    st.cache_data.clear()


def test_kleine_organisatie_handberekend(klein_app):
    at = klein_app(taal="nl")
    # high demands: werkdruk above the average 2,83 (U2 3,0, U4 4,0, U5 3,0); few resources:
    # autonomie below 3,23 (U2 3,0, U4 2,4, U5 3,0): 3 of the 5 shown departments
    assert at.title[0].value == (
        "Medewerkersonderzoek 2023: 3 van 5 afdelingen met hoge eisen en weinig hulpbronnen"
    )
    # the organisation: respondent-weighted over U1-U5 (60 respondents; U6 counts nowhere)
    #   werkdruk (10×2 + 20×3 + 10×2 + 10×4 + 10×3) / 60 = 170 / 60 = 2,83; 2022: 2,5 -> +0,3
    #   autonomie (40 + 60 + 40 + 24 + 30) / 60 = 194 / 60 = 3,23; 2022: 3,0 -> +0,2
    #   uitputting (20 + 50 + 30 + 35 + 40) / 60 = 175 / 60 = 2,92; 2022: 2,5 -> +0,4
    assert {m.label: (m.value, m.delta) for m in at.metric} == {
        "Werkdruk": ("2,8", "+0,3"), "Autonomie": ("3,2", "+0,2"), "Uitputting": ("2,9", "+0,4"),
    }  # fmt: skip
    heatmap, jdr, verzuim = figuren(at)
    assert heatmap["data"][0]["text"][0] == ["2,8", "3,2", "2,9"]
    assert heatmap["layout"]["yaxis"]["ticktext"][0].startswith("<b>Gemiddelde Organisatie</b>")
    assert "n = 60" in heatmap["layout"]["yaxis"]["ticktext"][0]
    # U6 (5 respondents): grey '< 10', no score, no respondent count
    u6 = next(i for i, r in enumerate(heatmap["layout"]["yaxis"]["ticktext"]) if "U6" in r)
    assert "n < 10" in heatmap["layout"]["yaxis"]["ticktext"][u6]
    assert heatmap["data"][0]["z"][u6] == [None] * 3
    grijs = next(tr for tr in heatmap["data"] if tr["name"] == "< 10")
    assert grijs["text"][u6] == ["< 10"] * 3
    # the largest unfavourable deviation relative to the scale's width (4): werkdruk at U4,
    # (4,0 − 2,83) / 4 = 0,29, ahead of uitputting at U5 (4,0 − 2,92) / 4 = 0,27
    assert heatmap["layout"]["title"]["text"].replace("<br>", " ") == (
        "<b>Werkdruk het hoogst bij Afdeling U4: 4,0 tegen 2,8 gemiddeld</b>"
    )
    # absence pooled: (219 + 365 + 292) / (3 × 3.650) = 876 / 10.950 = 8,0% in the risk quadrant,
    # (73 + 146) / 7.300 = 3,0% elsewhere
    assert jdr["layout"]["title"]["text"].replace("<br>", " ") == (
        "<b>Hoge eisen en weinig hulpbronnen in 3 van 5 afdelingen: verzuim 8,0% tegen 3,0% "
        "elders</b>"
    )
    bollen = jdr["data"][0]
    assert bollen["marker"]["color"] == pytest.approx([2.0, 6.0, 4.0, 10.0, 8.0])
    assert bollen["marker"]["size"] == [10, 20, 10, 10, 10]
    # uitputting (2,0 … 4,0) against absence (2, 6, 4, 10, 8%): deviations (−1, −0,5, 0, 0,5, 1)
    # and (−4, 0, −2, 4, 2); Sxy = 8, Sxx = 2,5, Syy = 40: r = 8 / √100 = 0,80. With 5 units the
    # 95% interval (Fisher's z: tanh(atanh 0,8 ± 1,96/√2)) is −0,28 to 0,99: it contains 0
    punten = verzuim["data"][0]
    assert punten["y"] == pytest.approx([2.0, 6.0, 4.0, 10.0, 8.0])
    assert verzuim["layout"]["title"]["text"].replace("<br>", " ") == (
        "<b>Geen duidelijke samenhang tussen uitputting en verzuim (r = 0,80; 5 afdelingen)</b>"
    )
    tekst = at.markdown[-1].value
    assert "meer uitputting samen met hoger verzuim (r = 0,80), maar dat kan toeval zijn" in tekst
    assert "95%-interval -0,28 tot 0,99, en dat interval bevat 0" in tekst


def test_kleine_organisatie_verschil_en_tabel(klein_app):
    at = klein_app(taal="nl")
    at.segmented_control(key="enquete_weergave").set_value("verschil").run()
    assert not at.exception
    heatmap = figuren(at)[0]
    # the organisation: 2,83 − 2,5 = +0,3; 3,23 − 3,0 = +0,2; 2,92 − 2,5 = +0,4
    assert heatmap["data"][0]["text"][0] == ["+0,3", "+0,2", "+0,4"]
    # the largest change for the worse relative to the width: werkdruk at U4, 2,5 -> 4,0
    assert heatmap["layout"]["title"]["text"].replace("<br>", " ") == (
        "<b>Werkdruk het sterkst gestegen bij Afdeling U4: van 2,5 naar 4,0 sinds 2022</b>"
    )
    at.toggle(key="enquete_scores_tabel").set_value(True).run()
    (tabel,) = [df.value for df in at.dataframe]
    rijen = {r["Eenheid"]: r for r in tabel.to_dict("records")}
    assert rijen["Gemiddelde Organisatie"]["Respondenten"] == "60"
    assert rijen["Afdeling U2"]["Score autonomie"] == "3,0"
    # U6: every number '< 10'
    assert {v for k, v in rijen["Afdeling U6"].items() if k != "Eenheid"} == {"< 10"}


def test_kleine_organisatie_in_het_engels_zonder_ontbrekende_tekst(klein_app):
    from dashboard import i18n

    i18n.ONTBREKEND.clear()
    at = klein_app(taal="en")
    assert at.title[0].value == (
        "Employee survey 2023: 3 of 5 departments with high demands and few resources"
    )
    heatmap, jdr, verzuim = figuren(at)
    assert heatmap["data"][0]["text"][0] == ["2.8", "3.2", "2.9"]
    assert (
        jdr["layout"]["title"]["text"]
        .replace("<br>", " ")
        .endswith("absence 8.0% against 3.0% elsewhere</b>")
    )
    assert (
        verzuim["layout"]["title"]["text"]
        .replace("<br>", " ")
        .startswith(
            "<b>No clear correlation between exhaustion and absence (r = 0.80; 5 departments)"
        )
    )
    at.segmented_control(key="enquete_weergave").set_value("verschil").run()
    at.selectbox(key="enquete_schaal").set_value("werkdruk").run()
    assert not at.exception
    assert at.query_params["schaal"] in ("werkdruk", ["werkdruk"])
    # every text the page showed in English came from the catalogue
    assert not i18n.ONTBREKEND, sorted(i18n.ONTBREKEND)
