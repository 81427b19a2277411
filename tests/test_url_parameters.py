"""Whole numbers in a shared link are parsed strictly: `str.isdigit` accepted '²', and int()
then raised an uncaught ValueError on Afdelingen and Pilots (issue 8)."""

from __future__ import annotations

import pytest

from dashboard import pilots
from dashboard.views import afdelingen as view

PARAMS = {"org": "MLV", "maand": "2026-10", "vgl": "vorig_jaar", "taal": "nl"}


@pytest.mark.parametrize("niveau", ["²", "３", "1.5", "x", ""])
def test_afdelingen_met_een_vreemd_niveau_valt_terug_op_de_onderdelen(app, niveau):
    at = app("pages/afdelingen.py", niveau=niveau, **PARAMS)
    assert not at.exception, at.exception
    (keuze,) = [s for s in at.get("segmented_control") if s.proto.label == "Welke eenheden"]
    assert keuze.value == view.ONDERDELEN
    assert at.query_params["niveau"] == str(view.ONDERDELEN)


def test_afdelingen_met_een_geldig_niveau_uit_de_link(app):
    at = app("pages/afdelingen.py", niveau="3", **PARAMS)
    assert not at.exception, at.exception
    (keuze,) = [s for s in at.get("segmented_control") if s.proto.label == "Welke eenheden"]
    assert keuze.value == 3


@pytest.mark.parametrize("pilot", ["²", "¹", "1.0", "x"])
def test_pilots_met_een_vreemde_pilot_valt_terug_op_de_eerste(app, demo_store, pilot):
    at = app("pages/pilots.py", pilot=pilot, eenheid="MLV", **PARAMS)
    assert not at.exception, at.exception
    eerste = next(p for p in pilots.lijst(demo_store) if p.naam == "Focus op Inzetbaarheid")
    assert at.selectbox(key="pilots_keuze").value == eerste.pilot_id
    assert at.query_params["pilot"] == str(eerste.pilot_id)


@pytest.mark.parametrize("stap", ["²", "0", "-3", "99"])
def test_maandoverleg_met_een_vreemde_stap(app, stap):
    at = app("pages/maandoverleg.py", stap=stap, org="MLV", eenheid="MLV", maand="2026-10")
    assert not at.exception, at.exception
    assert at.title[0].value
