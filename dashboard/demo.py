"""The default store: built on first start from the demo extracts in data/demo/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dashboard import pilots
from dashboard.config import DEMO_DIR, settings
from dashboard.hierarchy import laad_boom
from dashboard.ingest.importer import Bestand, importeer
from dashboard.store import Store

DEMO_PEILDATUM = dt.date(2026, 10, 31)
DEMO_BESTANDEN = {
    "organisatie": "organisatie.csv",
    "personeel": "personeel.xlsx",
    "verzuim": "verzuim.csv",
    "enquete": "enquete.csv",
}


def bouw_demo_store(db: Path, *, opnieuw: bool = False, bron: Path = DEMO_DIR) -> list[str]:
    """Import the demo extracts and pilots into a new store at `db` through the normal path."""
    if opnieuw:
        for pad in (db, Path(f"{db}.wal")):
            pad.unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = db.with_name(db.name + ".bouw")
    for pad in (tijdelijk, Path(f"{tijdelijk}.wal")):
        pad.unlink(missing_ok=True)
    store = Store(tijdelijk)
    try:
        bestanden = [Bestand.van_pad(s, bron / naam) for s, naam in DEMO_BESTANDEN.items()]
        res = importeer(store, bestanden, peildatum=DEMO_PEILDATUM, gebruiker="demo")
        if not res.geslaagd:
            raise RuntimeError(f"de demo-extracten zijn geweigerd:\n{res.rapport}")
        boom = laad_boom(store)
        for pilot in pilots.lees_csv((bron / "pilots.csv").read_bytes()):
            pilots.bewaar(store, pilot, boom, settings().min_groep)
    finally:
        store.close()
    # a half-built store never appears under the real name (two app sessions may start at once)
    tijdelijk.replace(db)
    return [*res.samenvatting, f"Demo-opslag gebouwd: {db}"]


def zorg_voor_store(db: Path) -> None:
    """Build the demo store when no store exists at `db` yet."""
    if not db.exists():
        bouw_demo_store(db)
