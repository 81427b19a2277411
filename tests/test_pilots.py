"""dashboard/pilots.py: the "selected for high absence" keyword rule lives in one function, the
form's tick round-trips through the reason, and a refusal speaks the user's language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dashboard import pilots
from dashboard.pilots import Pilot, PilotFout

ROOT = Path(__file__).resolve().parent.parent


def _pilot(reden: str) -> Pilot:
    return Pilot("x", "", dt.date(2024, 1, 1), dt.date(2024, 6, 30), ("A",), ("B",), reden)


@pytest.mark.parametrize(
    ("reden", "woorden"),
    [
        ("Vrijwillig aangemeld", []),
        ("Hoogste verzuim van de directie", ["hoog", "hoogste"]),
        ("Verzuim boven het gemiddelde", ["boven"]),
        ("Gekozen door de directie" + pilots.MARKERING, ["hoog"]),
    ],
)
def test_de_woordregel_beslist(reden, woorden):
    assert pilots.woorden_hoog_verzuim(reden) == woorden
    assert _pilot(reden).geselecteerd_op_hoog_verzuim is bool(woorden)


def test_vinkje_heen_en_terug():
    opgeslagen = pilots.reden_met_vinkje("  Gekozen door de directie ", True)
    assert opgeslagen == "Gekozen door de directie (geselecteerd op hoog verzuim)"
    assert _pilot(opgeslagen).geselecteerd_op_hoog_verzuim
    assert pilots.reden_zonder_markering(opgeslagen) == "Gekozen door de directie"
    # saving again does not add the marker twice
    assert pilots.reden_met_vinkje(opgeslagen, True) == opgeslagen
    # untick: the marker goes, and the reason no longer counts
    assert pilots.reden_met_vinkje(opgeslagen, False) == "Gekozen door de directie"
    # a reason that says so itself is kept as typed
    assert pilots.reden_met_vinkje("Hoge meldingsfrequentie", True) == "Hoge meldingsfrequentie"
    with pytest.raises(PilotFout, match="de reden bevat ‘hoge’ en telt daardoor als"):
        pilots.reden_met_vinkje("Hoge meldingsfrequentie", False)


def test_de_woordregel_staat_op_een_plek():
    """Until the explicit `geselecteerd_op` field replaces it, no other module may read the
    keywords from a reason (or write the marker)."""
    patroon = re.compile(r"""["'](hoogste|meeste)["']|\(geselecteerd op hoog verzuim\)""")
    elders = [
        f"{pad.relative_to(ROOT)}:{nr}"
        for map_ in ("dashboard", "pages")
        for pad in sorted((ROOT / map_).rglob("*.py"))
        if pad != ROOT / "dashboard" / "pilots.py"
        for nr, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1)
        if patroon.search(regel)
    ]
    assert not elders, elders


def test_fout_in_de_taal_van_de_gebruiker():
    fout = PilotFout("onbekende eenheid: {e}", e="X, Y")
    assert str(fout) == "onbekende eenheid: X, Y"
    assert fout.in_taal("en") == "unknown unit: X, Y"
    omgekeerd = Pilot("x", "", dt.date(2024, 2, 1), dt.date(2024, 1, 1), ("A",), ())
    with pytest.raises(PilotFout) as vast:
        omgekeerd.controleer({"A"})
    assert vast.value.in_taal("en") == "the end date lies before the start date"


def test_geselecteerd_op_is_een_veld(tmp_path):
    # issue 10: why the units were chosen is an explicit field, not keywords in the reason
    import datetime as dt

    from dashboard.pilots import GESELECTEERD_OP, Pilot, PilotFout, geselecteerd_op_van, lees_csv

    kop = "naam;begin;eind;pilot_eenheden;selectie_reden;geselecteerd_op\n"
    (p,) = lees_csv((kop + "P;01-01-2024;31-03-2024;A;Hoogste werkdruk;Enquête\n").encode())
    assert p.geselecteerd_op == "enquete" and not p.geselecteerd_op_hoog_verzuim
    (q,) = lees_csv(
        (kop + "Q;01-01-2024;31-03-2024;A;Vrijwillig;hoge_meldingsfrequentie\n").encode()
    )
    assert q.geselecteerd_op == "hoge meldingsfrequentie" and q.geselecteerd_op_hoog_verzuim
    assert geselecteerd_op_van(" Hoog  verzuim ") == "hoog verzuim" in GESELECTEERD_OP
    fout = Pilot("X", "", dt.date(2024, 1, 1), dt.date(2024, 2, 1), ("A",), (), "", None, "vaag")
    with pytest.raises(PilotFout):
        fout.controleer({"A"})
