"""The Gegevens page refuses the issue's 10-row absence file unless the checkbox confirms it."""

from __future__ import annotations

from pathlib import Path

from dashboard.ui import data
from tests.test_page_gegevens import eigen_app, importeren, upload  # noqa: F401

DEMO = Path(__file__).parent.parent / "data" / "demo"


def _verzuim_rijen() -> int:
    return data.store().sql("select count(*) from verzuim_rij v join actief a using (snapshot_id)")[
        0
    ][0]


def test_tien_rijen_verzuim_geweigerd_tenzij_bevestigd(eigen_app):  # noqa: F811
    at = eigen_app()
    voor = _verzuim_rijen()
    regels = (DEMO / "verzuim.csv").read_bytes().splitlines(keepends=True)
    klein = b"".join(regels[:11])
    upload(at, ("verzuim_klein.csv", klein))
    importeren(at)
    assert not at.exception
    fout = next(e.value for e in at.error if "Import niet uitgevoerd" in e.value)
    assert "meer dan de helft verdwijnt" in fout and "het vinkje hieronder" in fout
    assert _verzuim_rijen() == voor
    at.checkbox(key="gegevens_bevestig").check().run()
    importeren(at)
    assert not at.exception
    assert at.success[0].value.startswith("Import geslaagd")
    assert _verzuim_rijen() < voor
