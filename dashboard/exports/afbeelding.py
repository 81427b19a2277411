"""Server-side chart images (PNG/SVG) through kaleido, which needs a Chromium on the machine."""

from __future__ import annotations

import shutil
from functools import cache

import plotly.graph_objects as go

from dashboard.charts.theme import BREEDTE, HOOGTE

CHROMIUM_PADEN = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@cache
def beschikbaar() -> tuple[bool, str]:
    """(True, '') when images can be made here; else (False, the Dutch reason)."""
    if not any(shutil.which(p) for p in CHROMIUM_PADEN):
        return False, (
            "Afbeeldingen op de server vragen een Chromium-browser op de server; die is hier niet "
            "geïnstalleerd. De downloadknop in de grafiek zelf (camera-icoon) werkt wel."
        )
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False, "Het pakket kaleido ontbreekt; installeer de requirements opnieuw."
    return True, ""


def afbeelding(
    fig: go.Figure, formaat: str = "png", *, breedte: int = BREEDTE, hoogte: int = HOOGTE
) -> bytes:
    """The figure as a 16:9 image with its title, subtitle and source line inside."""
    ok, reden = beschikbaar()
    if not ok:
        raise RuntimeError(reden)
    kopie = go.Figure(fig)
    kopie.update_layout(height=hoogte, width=breedte)
    return bytes(kopie.to_image(format=formaat, width=breedte, height=hoogte, scale=1))
