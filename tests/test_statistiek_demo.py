"""The persons' sums of the metrics API (metrics.persoonsommen) and the new statistics on the demo
store, against the audit's independent figures (issue 10)."""

from __future__ import annotations

import polars as pl
import pytest

from dashboard import catalogus, metrics
from dashboard.hierarchy import Boom, laad_boom
from dashboard.periods import Maand, Periode
from dashboard.statistiek import SOMMEN, Vergelijking, vergelijk
from dashboard.store import Store

R12 = Periode("basis", Maand(2025, 11), Maand(2026, 10))


@pytest.fixture(scope="module")
def boom(demo_store: Store) -> Boom:
    return laad_boom(demo_store)


def test_kolommen_zijn_die_van_statistiek() -> None:
    assert metrics.PERSOONSOMMEN == SOMMEN


def test_sommen_zijn_de_kerncijfers_en_onderdrukking_dezelfde(
    demo_store: Store, boom: Boom
) -> None:
    gs = metrics.groepen(boom, [*boom.op_niveau("MLV", 3), "DUV"])
    ps = [R12, Periode("m", Maand(2026, 10), Maand(2026, 10))]
    sommen = metrics.persoonsommen(
        demo_store, boom, ps, gs, ["verzuimpercentage", "meldingsfrequentie"]
    )
    k = metrics.kerncijfers(demo_store, boom, ps, gs, met_nulverzuim=False)
    v = sommen["verzuimpercentage"].join(k, on=["periode", "eenheid"])
    f = sommen["meldingsfrequentie"].join(k, on=["periode", "eenheid"])
    assert v.height == k.height == f.height
    assert v["onderdrukt"].to_list() == v["onderdrukt_right"].to_list()
    assert v["onderdrukt"].sum() >= 6  # hidden groups carry no sums
    zichtbaar = v.filter(~pl.col("onderdrukt"))
    assert zichtbaar["n"].to_list() == pytest.approx(zichtbaar["beschikbare_dagen"].to_list())
    assert zichtbaar["y"].to_list() == pytest.approx(zichtbaar["verzuimdagen"].to_list())
    assert v.filter(pl.col("onderdrukt"))["y"].null_count() == v["onderdrukt"].sum()
    zf = f.filter(~pl.col("onderdrukt"))
    assert zf["y"].to_list() == pytest.approx(zf["meldingen"].to_list())
    # person-years: bezetting × k / 12, so Σy/Σn is the meldingsfrequentie
    assert (zf["y"] / zf["n"]).to_list() == pytest.approx(zf["meldingsfrequentie"].to_list())
    # Σy² ≥ (Σy)²/m (Cauchy-Schwarz): the squares really are sums over persons
    assert ((zichtbaar["yy"] * zichtbaar["personen"]) >= zichtbaar["y"] ** 2).all()


def _mlv(
    demo_store: Store, boom: Boom, metriek: str, schaal: float
) -> tuple[Vergelijking, pl.DataFrame]:
    codes = boom.op_niveau("MLV", 3)
    gs = metrics.groepen(boom, codes)
    s = metrics.persoonsommen(demo_store, boom, [R12], gs, [metriek])[metriek]
    k = metrics.kerncijfers(demo_store, boom, [R12], gs, met_nulverzuim=False)
    familie = catalogus.metriek(metriek).familie
    assert familie is not None
    v = vergelijk(s.join(k.select("eenheid", metriek), on="eenheid"), familie, schaal=schaal)
    namen = {c: boom.naam(c) for c in codes}
    return v, v.eenheden.with_columns(pl.col("eenheid").replace_strict(namen).alias("naam"))


def test_mlv_afdelingen_zoals_de_audit(demo_store: Store, boom: Boom) -> None:
    # the audit: φ 2,44, χ²₂₆, τ ≈ 1,0 pp; with person-level variance and τ², Luchtvaart above
    v, e = _mlv(demo_store, boom, "verzuimpercentage", 100.0)
    h = v.heterogeniteit
    assert h.bron == "eenheden" and h.eenheden == 27 and h.vrijheidsgraden == 26
    assert h.phi == pytest.approx(2.44, abs=0.1)
    assert h.p is not None and h.p < 1e-4
    assert h.tau * 100 == pytest.approx(1.0, abs=0.15)
    luchtvaart = e.filter(pl.col("naam") == "Afdeling Luchtvaart").row(0, named=True)
    assert luchtvaart["klasse_95"] == "boven"
    # the person-clustered interval is the unit's own: far wider than a binomial over days
    assert luchtvaart["hoog"] - luchtvaart["laag"] > 3.0
    assert luchtvaart["laag"] < luchtvaart["verzuimpercentage"] < luchtvaart["hoog"]
    # the persons' dispersion: the variance of a unit's ratio is tens of times the binomial one
    assert v.kappa is not None and v.kappa > 30


@pytest.mark.parametrize("metriek", ["verzuimpercentage", "meldingsfrequentie"])
def test_spc_covariantie_is_die_over_personen(demo_store: Store, boom: Boom, metriek: str) -> None:
    # the SQL's covariance of the monthly contrasts against the same formula written out in
    # numpy on the persons' monthly rows (read here only to check; the app never reads them)
    import datetime as dt

    import numpy as np

    code = "MLV-MOB-LM"
    (groep,) = metrics.groepen(boom, [code])
    eerste = [dt.date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 1) for m in range(1, 13)]
    factoren = [1.0 + 0.05 * ((i % 4) - 1.5) for i in range(12)]
    maanden = [(d, f, i < 8) for i, (d, f) in enumerate(zip(eerste, factoren, strict=True))]
    cov = np.array(metrics.spc_covariantie(demo_store, boom, groep, maanden, metriek))
    en = [boom.eenheden[u].nr for u in groep.eenheden if u in boom.eenheden]
    plekken = ",".join(str(x) for x in en)
    tabel = pl.DataFrame(
        demo_store.sql(
            "select mw, maand, sum(beschikbaar_e4) / 1e4, sum(verzuim_e8) / 1e8, "
            "sum(meldingen), sum(dagen) from persoon_maand "
            f"where en in ({plekken}) and maand between $a and $b group by all",
            {"a": eerste[0], "b": eerste[-1]},
        ),
        schema=["mw", "maand", "b", "v", "r", "d"],
        orient="row",
    )
    personen = sorted(set(tabel["mw"].to_list()))
    plek = {p: i for i, p in enumerate(personen)}
    y = np.zeros((len(personen), 12))
    n = np.zeros((len(personen), 12))
    for mw, maand, b, v, r, d in tabel.iter_rows():
        i, t = plek[mw], eerste.index(maand)
        if metriek == "verzuimpercentage":
            y[i, t], n[i, t] = v, b
        else:
            y[i, t], n[i, t] = (
                r,
                d / (12 * ((eerste[t + 1] if t < 11 else dt.date(2026, 1, 1)) - maand).days),
            )
    f = np.array(factoren)
    nf = n * f
    bas = y[:, :8].sum() / nf[:, :8].sum()
    eb = (y[:, :8].sum(1) - bas * nf[:, :8].sum(1)) / nf[:, :8].sum()
    r_t = y.sum(0) / n.sum(0)
    a = (y - r_t * n) / (n.sum(0) * f) - eb[:, None]
    verwacht = a.T @ a
    assert len(personen) > 300
    assert cov == pytest.approx(verwacht, rel=1e-9, abs=1e-15)
    # a month's variance exceeds the binomial one: persons' days come in spells
    if metriek == "verzuimpercentage":
        assert cov[10, 10] > 3 * r_t[10] * (1 - r_t[10]) / n[:, 10].sum() / f[10] ** 2
