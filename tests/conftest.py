"""Shared fixtures: small stores built from fixture extracts through the normal import path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard.hierarchy import Boom, laad_boom
from dashboard.ingest.importer import Bestand, Resultaat, importeer
from dashboard.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    """Dedented CSV text as file bytes."""
    regels = [r.strip() for r in text.strip().splitlines()]
    return ("\n".join(regels) + "\n").encode(encoding)


def importeer_teksten(
    store: Store, peildatum: dt.date | None = None, **bestanden: str | bytes
) -> Resultaat:
    """Import extracts given as CSV text (or bytes) per kind into `store`."""
    lijst = [
        Bestand(soort, f"{soort}.csv", inhoud if isinstance(inhoud, bytes) else csv_bytes(inhoud))
        for soort, inhoud in bestanden.items()
    ]
    return importeer(store, lijst, peildatum=peildatum, gebruiker="test")


@pytest.fixture
def leeg_store() -> Store:
    """A fresh in-memory store."""
    return Store(":memory:")


@pytest.fixture
def maak_store() -> Callable[..., tuple[Store, Boom]]:
    """Build an in-memory store from CSV texts; fails the test when the import is refused."""

    def maak(peildatum: dt.date | None = None, **bestanden: str | bytes) -> tuple[Store, Boom]:
        store = Store(":memory:")
        res = importeer_teksten(store, peildatum, **bestanden)
        assert res.geslaagd, res.rapport
        return store, laad_boom(store)

    return maak
