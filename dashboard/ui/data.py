"""The store and cached view data for the Streamlit app (one connection per process)."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from dashboard import config
from dashboard.hierarchy import Boom, laad_boom
from dashboard.store import Store, open_lezen, open_of_maak
from dashboard.views import Context

T = TypeVar("T")


@st.cache_resource(show_spinner="Gegevens worden geladen…", max_entries=3)
def _open(pad: str, bestand: tuple[int, int, int]) -> Store:
    """The store version with this file identity (device, inode, modification time), read-only.

    An older version drops out of the cache after a few switches; its connection closes when the
    last session that still reads it lets go of it (then its file's space is freed)."""
    return open_lezen(pad)


def store() -> Store:
    """The process's store, read-only: an import elsewhere (CLI, another app process) writes a
    new version beside it (dashboard/versies.py); the next rerun opens that version. The demo
    store is built first when none exists at the default path."""
    from dashboard.demo import zorg_voor_store

    instellingen = config.settings()
    if instellingen.db_path == config.DEFAULT_DB:
        zorg_voor_store(instellingen.db_path)
    pad = instellingen.db_path
    if not pad.exists():
        # an empty store as its first version, so that the Gegevens page can take the first data
        open_of_maak(pad).close()
    try:
        st_ = os.stat(pad)
    except FileNotFoundError:
        st_ = None
    return _open(str(pad), (st_.st_dev, st_.st_ino, st_.st_mtime_ns) if st_ else (0, 0, 0))


def versie() -> int:
    """The store's version: part of every cache key, so an import shows at once."""
    return store().versie


@st.cache_data(show_spinner=False, max_entries=8)
def boom(versie_: int) -> Boom:
    """The organisation tree of this store version (the version is part of the cache key)."""
    return laad_boom(store())


@st.cache_data(show_spinner=False, max_entries=8)
def opties(versie_: int) -> dict[str, tuple[str, ...]]:
    """The attribute values present in the data, per filter."""
    frame = store().query("attribuutwaarden")
    return {
        naam: tuple(sorted(set(frame[kolom].to_list())))
        for naam, kolom in (("leeftijdsklasse", "lk"), ("geslacht", "gs"), ("schaalgroep", "sg"))
    }


def context(selectie: Any, toegang: frozenset[str] | None) -> Context:
    """The view context for a selection."""
    return Context(boom(versie()), selectie, config.settings().min_groep, toegang)


@st.cache_data(show_spinner=False, max_entries=256)
def _gecached(
    naam: str, versie_: int, selectie: Any, toegang: Any, extra: tuple[tuple[str, Any], ...]
) -> Any:
    module, _, functie = naam.rpartition(".")
    # only view builders: `naam` never comes from user input, but keep the door narrow anyway
    if not module.startswith(("dashboard.views", "dashboard.exports.overleg")):
        raise ValueError(f"geen view-functie: {naam}")
    bouwer = getattr(importlib.import_module(module), functie)
    ctx = Context(boom(versie_), selectie, config.settings().min_groep, toegang)
    return bouwer(store(), ctx, **dict(extra))


def bouw(
    functie: Callable[..., T], selectie: Any, toegang: frozenset[str] | None, **extra: Any
) -> T:
    """Build (or take from the cache) a view's data: `functie(store, ctx, **extra)` from
    dashboard.views, cached per selection and store version."""
    naam = f"{functie.__module__}.{functie.__qualname__}"
    uit: T = _gecached(naam, versie(), selectie, toegang, tuple(sorted(extra.items())))
    return uit


#: `data.store.clear()` (tests, a changed VERZUIMZICHT_DB) forgets every opened version.
store.clear = _open.clear  # type: ignore[attr-defined]
