"""The Gegevens page lists the store's versions and restores one after a confirmation, as a new
version (twice is back again, never empty); the audit log is shown to a beheerder."""

from __future__ import annotations

from pathlib import Path

from dashboard import versies
from tests.test_page_gegevens import eigen_app, importeren, upload  # noqa: F401

DEMO = Path(__file__).parent.parent / "data" / "demo"


def test_versie_terugzetten_met_bevestiging_en_logboek(eigen_app):  # noqa: F811
    at = eigen_app()
    pad = Path(__import__("os").environ["VERZUIMZICHT_DB"])
    upload(at, ("verzuim.csv", (DEMO / "verzuim.csv").read_bytes()))
    importeren(at)
    assert not at.exception and at.success[0].value == "Import geslaagd (import 2)."
    huidig = versies.huidig_nummer(pad)
    assert huidig is not None and huidig >= 2
    keuze = at.selectbox(key="gegevens_versie_keuze")
    assert keuze.value == huidig - 1
    at.button(key="gegevens_versie_terug").click().run()
    assert any("weer de huidige maken" in w.value for w in at.warning)
    assert versies.huidig_nummer(pad) == huidig  # nothing yet: the user must confirm
    at.button(key="gegevens_versie_ja").click().run()
    assert not at.exception
    assert at.success[0].value == (
        f"Versie {huidig - 1} is teruggezet (vastgelegd als versie {huidig + 1})."
    )
    assert versies.huidig_nummer(pad) == huidig + 1
    logboek = next(d.value for d in at.dataframe if "onderwerp" in d.value.columns)
    assert list(logboek["actie"])[:2] == ["versie teruggezet", "gegevens ingelezen"]
    assert list(logboek["gebruiker"])[:2] == ["lokaal", "lokaal"]
