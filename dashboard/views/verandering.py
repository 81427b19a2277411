"""The one rule for 'stijgt' / 'daalt' in titles, applied to a view's periods: whether a group's
rate now differs from a year earlier by more than chance (dashboard.statistiek.verandering),
with persons as the sampling unit. Every title that names a direction asks here."""

from __future__ import annotations

from collections.abc import Mapping

from dashboard import metrics
from dashboard.periods import Periode
from dashboard.statistiek import Persoonsommen
from dashboard.statistiek.verandering import Richting, aandeel_richting, richting
from dashboard.store import Store
from dashboard.views import Context

__all__ = ["Richting", "aandeel", "richtingen"]


def richtingen(
    store: Store,
    ctx: Context,
    paren: Mapping[str, tuple[Periode, Periode]],
    metrieken: tuple[str, ...] = ("verzuimpercentage",),
) -> dict[tuple[str, str], Richting | None]:
    """Per (pair, metric): 'hoger', 'lager', 'gelijk', or None where the sums are hidden or
    missing. `paren`: a name -> (now, a year earlier) for the selected group; one query for all."""
    ps: dict[str, Periode] = {}
    for nu, toen in paren.values():
        ps[nu.label] = nu
        ps[toen.label] = toen
    if not ps:
        return {}
    sommen = metrics.persoonsommen(
        store, ctx.boom, list(ps.values()), [ctx.groep], list(metrieken),
        filter=ctx.selectie.filter, min_groep=ctx.min_groep,
    )  # fmt: skip
    uit: dict[tuple[str, str], Richting | None] = {}
    for metriek in metrieken:
        per = {r["periode"]: Persoonsommen.uit(r) for r in sommen[metriek].to_dicts()}
        for naam, (nu, toen) in paren.items():
            uit[naam, metriek] = richting(per.get(nu.label), per.get(toen.label))
    return uit


def aandeel(nu: Mapping[str, object] | None, toen: Mapping[str, object] | None) -> Richting | None:
    """The rule for frequent verzuim, a share of the persons in service at the month's end: the
    persons are the trials (rows of the metrics API with the count and the percentage)."""

    def delen(r: Mapping[str, object] | None) -> tuple[float | None, float | None]:
        if r is None or r.get("onderdrukt"):
            return None, None
        aantal, pct = r.get("frequent_verzuim"), r.get("frequent_verzuim_pct")
        if not isinstance(aantal, int | float) or not isinstance(pct, int | float) or pct <= 0:
            return None, None
        return pct / 100, aantal / (pct / 100)

    p1, n1 = delen(nu)
    p0, n0 = delen(toen)
    return aandeel_richting(p1, n1, p0, n0)
