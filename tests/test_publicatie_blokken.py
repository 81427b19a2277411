"""The publication pattern in blocks of months (dashboard.publicatie): every month is decided on
its own, so taking the months a few at a time, to bound the arrays, must give exactly the pattern
of all months at once.

On the demo store one block holds every month by default; with a budget of one cell each block is
one month (94 blocks), so a month decided with a neighbour's numbers, a month left out at a block
edge or a row put in the wrong month would change the frame.
"""

from __future__ import annotations

import pytest

from dashboard import publicatie
from dashboard.store import Store


@pytest.mark.parametrize("minimum", [10, 3])
def test_een_maand_per_blok_geeft_hetzelfde_patroon(
    demo_store: Store, minimum: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    maanden = demo_store.sql("select count(*) from kalender")[0][0]
    knopen = demo_store.sql("select count(*) from (select * from eenheid)")[0][0]
    attributen = demo_store.sql("select count(*) from attribuut")[0][0]
    # by default the demo is one block: the comparison below is 1 block against 94
    assert knopen * 2 * attributen * maanden < publicatie._CELLEN_PER_BLOK
    cur = demo_store.cursor()
    try:
        geheel = publicatie.bereken(cur, minimum)
        monkeypatch.setattr(publicatie, "_CELLEN_PER_BLOK", 1)
        per_maand = publicatie.bereken(cur, minimum)
    finally:
        cur.close()
    assert geheel.height > 1000
    # protection and filter cells occur (with minimum 10 small groups too), in many months
    redenen = {publicatie.BESCHERMING, publicatie.FILTERCEL} | (
        {publicatie.KLEIN} if minimum == 10 else set()
    )
    assert redenen <= set(geheel["reden"].unique())
    assert geheel.filter(reden=publicatie.BESCHERMING)["maand"].n_unique() > 12
    assert per_maand.equals(geheel)


def test_blok_van_de_gewogen_rijen() -> None:
    import numpy as np

    # months 0, 0, 1, 3, 3 (sorted): the block of months 1-2 holds only the row of month 1, with
    # month index 0; months 3-4 hold the last two rows, as months 0
    eigen = publicatie._Eigen(
        knoop=np.array([5, 6, 7, 8, 9], dtype=np.int32),
        maand=np.array([0, 0, 1, 3, 3], dtype=np.int32),
        attr=np.array([0, 1, 2, 3, 4], dtype=np.int16),
        s=np.array([10, 20, 30, 40, 50], dtype=np.float32),
        b=np.zeros(5, dtype=np.float32),
    )
    midden = eigen.blok(1, 2)
    assert midden.knoop.tolist() == [7] and midden.maand.tolist() == [0]
    eind = eigen.blok(3, 2)
    assert eind.knoop.tolist() == [8, 9] and eind.maand.tolist() == [0, 0]
    assert eind.s.tolist() == [40.0, 50.0]
    assert eigen.blok(2, 1).knoop.tolist() == []
