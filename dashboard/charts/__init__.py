"""Chart builders: from a view's data to one `Grafiek` each, all styled by one theme.

A `Grafiek` is everything anyone needs of one chart: the figure as shown (title, subtitle and
source inside it), the numbers behind it, its texts, a file name, and whether PowerPoint gets it
as a native chart or as a picture (and why). The screen component, the PNG/SVG download, the
Excel workbook and the PowerPoint slide consume only this object.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import theme
from dashboard.views import Kader

#: Traces drawn only to help the screen reader (e.g. grey markers for suppressed months) carry
#: this `meta`; native PowerPoint charts leave them out, where an empty cell already says it.
ALLEEN_SCHERM = "alleen_scherm"


@dataclass(frozen=True)
class Grafiek:
    """One chart: figure, numbers, texts, and how it goes into slides."""

    figuur: go.Figure
    kader: Kader
    tabel: pl.DataFrame | None = None
    #: Why PowerPoint gets this chart as a picture ('' = a native, editable chart when the
    #: figure's traces allow it); the reason goes into the slide notes.
    als_afbeelding: str = ""

    @property
    def titel(self) -> str:
        """The finding the chart states."""
        return self.kader.titel

    @property
    def ondertitel(self) -> str:
        """The selection, period and filter."""
        return self.kader.ondertitel

    @property
    def bron(self) -> str:
        """Source line with peildatum and the suppression rule (as the figure carries it: a
        builder may add a chart's own note to the frame's)."""
        return theme.voetnoot_van(self.figuur) or self.kader.voetnoot

    @property
    def taal(self) -> str:
        """The language of its texts."""
        return self.kader.taal

    @property
    def bestandsnaam(self) -> str:
        """A file name from the title (ascii, hyphens)."""
        return theme.bestandsnaam(self.kader.titel)
