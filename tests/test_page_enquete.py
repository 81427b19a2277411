"""Medewerkersonderzoek in AppTest: the page's numbers equal a hand computation from the demo
CSV, the wave, level and scale controls work and land in the URL, small units stay '< 10'."""

from __future__ import annotations

import csv
import io
import json

import pytest

from dashboard import format as fmt
from dashboard.config import DEMO_DIR


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
    assert (
        "Hoge eisen en weinig hulpbronnen in 10 van 29 afdelingen" in jdr["layout"]["title"]["text"]
    )
    # 26: the absence of three afdelingen is hidden to protect a small sibling
    assert "r = 0,55; 26 afdelingen" in verzuim["layout"]["title"]["text"]
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
    assert "hoger verzuim" in verzuim["layout"]["title"]["text"]


def test_meting_volgt_de_maand_en_de_link(app):
    at = open_pagina(app, org="DUV", eenheid="DUV", maand="2023-06", taal="nl")
    assert at.title[0].value.startswith("Medewerkersonderzoek 2022")
    at = open_pagina(app, org="DUV", eenheid="DUV", maand="2026-10", taal="nl", meting="2020")
    assert at.title[0].value.startswith("Medewerkersonderzoek 2020")


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
    assert "te weinig eenheden" in figuren(at)[2]["layout"]["title"]["text"]
    at.segmented_control(key="enquete_niveau").set_value("afdelingen").run()
    at.selectbox(key="enquete_schaal").set_value("bevlogenheid").run()
    assert not at.exception
    titel = figuren(at)[2]["layout"]["title"]["text"]
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
    at = open_pagina(app, org="MLV", eenheid=eenheid, maand="2026-10", taal="en")
    assert at.title[0].value.startswith("Employee survey 2024")
    assert "Workload" in kaarten(at)
    assert figuren(at)[0]["layout"]["separators"] == ".,"
