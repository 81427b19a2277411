"""Versions of the analytical store: a write never touches the file that readers have open.

Every write (an import, a restore, a small change such as a pilot) copies the current store file
to `<store>.nieuw-<pid>`, writes into the copy, checkpoints it, keeps a hard link of it in the
versions folder `<store>.versies/` (number `000007.duckdb` with `000007.json` describing it) and
moves it onto the configured path with os.replace. POSIX keeps open readers on the old file
(inode): an app process keeps answering from the old version until its next rerun notices the new
inode (dashboard/ui/data.py). Old version files beyond the last `BEWAREN` are unlinked; their
space is freed when the last reader closes them. One write at a time: an flock on `<store>.lock`
(released by the kernel when the writer dies, also on kill -9); copies left by a killed writer are
removed by the next one.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard.rollen import LOKAAL, Gebruiker, vereis

if TYPE_CHECKING:
    from dashboard.store import Store

#: Version files kept for restore (the current one is always kept).
BEWAREN = 5
#: Seconds a write waits for another write to finish before it is refused.
WACHTEN = 3.0
#: Tables the app writes itself: a restore of older data keeps their current rows.
APP_TABELLEN: tuple[str, ...] = ("pilot", "afspraak")


@dataclass(frozen=True)
class Versie:
    """One version of the store, as `versies` lists it."""

    nummer: int
    tijdstip: str = ""
    gebruiker: str = ""
    actie: str = ""
    omschrijving: str = ""
    peildatum: dict[str, str] = field(default_factory=dict)
    rijen: dict[str, int] = field(default_factory=dict)
    #: the version this one replaced (a restore without --naar returns to it)
    vorige: int | None = None
    #: the version file is still there (older ones were removed)
    beschikbaar: bool = True
    huidig: bool = False


def _fout(tekst: str) -> Exception:
    from dashboard.store import StoreFout

    return StoreFout(tekst)


def map_van(pad: str | Path) -> Path:
    """The versions folder of a store."""
    p = Path(pad)
    return p.with_name(p.name + ".versies")


def _bestand(pad: Path, nummer: int, ext: str = "duckdb") -> Path:
    return map_van(pad) / f"{nummer:06d}.{ext}"


def _nummers(pad: Path) -> list[int]:
    map_ = map_van(pad)
    if not map_.is_dir():
        return []
    uit = set()
    for f in map_.iterdir():
        stam, _, ext = f.name.partition(".")
        if stam.isdigit() and ext in ("duckdb", "json"):
            uit.add(int(stam))
    return sorted(uit)


def huidig_nummer(pad: str | Path) -> int | None:
    """The number of the version at the configured path (the one with the same inode)."""
    p = Path(pad)
    try:
        ino = p.stat().st_ino
    except FileNotFoundError:
        return None
    for n in reversed(_nummers(p)):
        f = _bestand(p, n)
        try:
            if f.stat().st_ino == ino:
                return n
        except FileNotFoundError:
            continue
    return None


def lees_pad(pad: str | Path) -> Path:
    """The file to open for reading the current version: its own name in the versions folder.

    DuckDB keeps one database instance per file name and process: a second open of the
    configured path would return the instance of the version that was current when the first
    was opened. Each version's own name gives each version its own instance."""
    p = Path(pad)
    nummer = huidig_nummer(p)
    return p if nummer is None else _bestand(p, nummer)


def lijst(pad: str | Path) -> list[Versie]:
    """Every recorded version, newest first."""
    p = Path(pad)
    huidig = huidig_nummer(p)
    uit = []
    for n in reversed(_nummers(p)):
        try:
            gegevens = json.loads(_bestand(p, n, "json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            gegevens = {"actie": "onbekend"}
        uit.append(
            Versie(
                nummer=n,
                tijdstip=str(gegevens.get("tijdstip", "")),
                gebruiker=str(gegevens.get("gebruiker", "")),
                actie=str(gegevens.get("actie", "")),
                omschrijving=str(gegevens.get("omschrijving", "")),
                peildatum=dict(gegevens.get("peildatum", {})),
                rijen={k: int(v) for k, v in dict(gegevens.get("rijen", {})).items()},
                vorige=gegevens.get("vorige"),
                beschikbaar=_bestand(p, n).exists(),
                huidig=n == huidig,
            )
        )
    return uit


@contextmanager
def slot(pad: str | Path, wachten: float = WACHTEN) -> Iterator[None]:
    """One writer per store: an exclusive flock on `<store>.lock` (freed when the process dies)."""
    p = Path(pad)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(p.with_name(p.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o664)
    try:
        tot = time.monotonic() + wachten
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= tot:
                    try:
                        wie = os.pread(fd, 200, 0).decode(errors="replace").strip()
                    except OSError:
                        wie = ""
                    raise _fout(
                        f"er loopt al een import of wijziging van de gegevensopslag {p}"
                        + (f" ({wie})" if wie else "")
                        + "; wacht tot die klaar is en probeer het dan opnieuw"
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"proces {os.getpid()} sinds {_nu()}".encode(), 0)
        yield
    finally:
        os.close(fd)


def _opruimen_kopieen(p: Path) -> None:
    """Copies and spill folders left by a writer that was killed (only under the lock)."""
    for f in p.parent.glob(f"{p.name}.nieuw-*"):
        if f.is_dir():
            shutil.rmtree(f, ignore_errors=True)
        else:
            f.unlink(missing_ok=True)


def _nu() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")


def _beschrijf(store: Store) -> dict[str, Any]:
    """Peildatum per organisation and rows per kind of the active snapshots."""
    rijen = store.sql(
        "select s.soort, sum(s.rijen) from actief a join snapshot s using (snapshot_id) "
        "group by 1 order by 1"
    )
    peil = store.sql(
        "select s.organisatie, max(s.peildatum) from actief a join snapshot s using "
        "(snapshot_id) where s.peildatum is not null group by 1 order by 1"
    )
    return {
        "rijen": {str(k): int(v) for k, v in rijen},
        "peildatum": {str(k): str(v) for k, v in peil},
    }


def _laatste_log(store: Store) -> tuple[int, str, str, str]:
    rij = store.sql(
        "select import_id, actie, gebruiker, omschrijving from import_log "
        "order by import_id desc limit 1"
    )
    if not rij:
        return 0, "", "", ""
    i, actie, wie, wat = rij[0]
    return int(i), str(actie), str(wie), str(wat)


def _koppel_bestaand(p: Path) -> int | None:
    """A store made before versions existed becomes version 1 (so that it can be restored)."""
    huidig = huidig_nummer(p)
    if huidig is not None or not p.exists():
        return huidig
    nummer = (_nummers(p) or [0])[-1] + 1
    map_van(p).mkdir(exist_ok=True)
    os.link(p, _bestand(p, nummer))
    gegevens: dict[str, Any] = {"actie": "bestaand", "omschrijving": "de opslag van vóór versies"}
    try:
        from dashboard.store import Store

        lezer = Store(_bestand(p, nummer), read_only=True)
        try:
            gegevens.update(_beschrijf(lezer))
        finally:
            lezer.close()
    except Exception:  # an outdated store: described after its update, not here
        pass
    _schrijf_json(p, nummer, gegevens)
    return nummer


def _schrijf_json(p: Path, nummer: int, gegevens: dict[str, Any]) -> None:
    doel = _bestand(p, nummer, "json")
    tmp = doel.with_suffix(".json.tmp")
    tmp.write_text(
        json.dumps({"nummer": nummer, "tijdstip": _nu(), **gegevens}, ensure_ascii=False),
        encoding="utf-8",
    )
    os.replace(tmp, doel)


@contextmanager
def nieuwe_versie(
    pad: str | Path,
    *,
    bron: Path | None = None,
    actie: str | None = None,
    gebruiker: str | None = None,
    omschrijving: str | None = None,
    wachten: float = WACHTEN,
) -> Iterator[Store]:
    """A writable copy of the current store (or of `bron`), published as the next version when
    the block ends without an exception; otherwise the copy is removed and nothing changed."""
    from dashboard.store import Store

    p = Path(pad)
    with slot(p, wachten):
        _opruimen_kopieen(p)
        vorige = _koppel_bestaand(p)
        kopie = p.with_name(f"{p.name}.nieuw-{os.getpid()}")
        van = bron if bron is not None else p
        if van.exists():
            shutil.copyfile(van, kopie)
            wal = Path(f"{van}.wal")
            if wal.exists():  # a store left open for writing by an older version
                shutil.copyfile(wal, f"{kopie}.wal")
        doel: Store | None = None
        try:
            doel = Store(kopie)
            voor = _laatste_log(doel)[0]
            yield doel
            na, log_actie, log_wie, log_wat = _laatste_log(doel)
            nieuw = na != voor
            gegevens = {
                "actie": actie or (log_actie if nieuw else "wijziging"),
                "gebruiker": gebruiker or (log_wie if nieuw else ""),
                "omschrijving": omschrijving
                or (log_wat if nieuw else "pilots of afspraken gewijzigd"),
                "vorige": vorige,
                **_beschrijf(doel),
            }
            doel._con.execute("checkpoint")
            doel.close()
            doel = None
            nummer = (_nummers(p) or [0])[-1] + 1
            map_van(p).mkdir(exist_ok=True)
            os.link(kopie, _bestand(p, nummer))
            _schrijf_json(p, nummer, gegevens)
            os.replace(kopie, p)
            _fsync_map(p.parent)
        finally:
            if doel is not None:
                doel.close()
            kopie.unlink(missing_ok=True)
            Path(f"{kopie}.wal").unlink(missing_ok=True)
        ruim_op(p)


def _fsync_map(map_: Path) -> None:
    try:
        fd = os.open(map_, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def ruim_op(pad: str | Path, bewaren: int = BEWAREN) -> list[int]:
    """Unlink version files beyond the last `bewaren` (never the current one); their description
    stays in the list. A reader that has one open keeps reading it until it closes it."""
    p = Path(pad)
    huidig = huidig_nummer(p)
    bestanden = [n for n in _nummers(p) if _bestand(p, n).exists()]
    weg = [n for n in bestanden[:-bewaren] if n != huidig] if bewaren > 0 else []
    for n in weg:
        _bestand(p, n).unlink(missing_ok=True)
    return weg


def herstel_naar(
    pad: str | Path, nummer: int | None, gebruiker: str, *, wie: Gebruiker = LOKAAL
) -> tuple[int, int]:
    """Make version `nummer` (default: the one the current version replaced) current again, as a
    new version; pilots and agreements keep their current rows. Returns (restored, new number).
    `wie` must be a beheerder (the command line on the server is LOKAAL)."""
    vereis(wie, "beheerder")
    p = Path(pad)
    versies = {v.nummer: v for v in lijst(p)}
    huidig = huidig_nummer(p)
    if nummer is None:
        vorige = versies[huidig].vorige if huidig in versies else None
        if vorige is None:
            raise _fout("er is geen eerdere versie om naar terug te gaan")
        nummer = int(vorige)
    if nummer not in versies:
        raise _fout(f"versie {nummer} bestaat niet; bekijk de versies met `versies --db {p}`")
    if not versies[nummer].beschikbaar:
        raise _fout(
            f"versie {nummer} is niet meer bewaard (alleen de laatste {BEWAREN} versies blijven)"
        )
    if nummer == huidig:
        raise _fout(f"versie {nummer} is al de huidige versie")
    if not versies[nummer].rijen and versies[nummer].actie != "bestaand":
        raise _fout(f"versie {nummer} bevat geen gegevens; terugzetten zou de opslag leegmaken")
    bron = _bestand(p, nummer)
    with nieuwe_versie(
        p,
        bron=bron,
        actie="herstel",
        gebruiker=gebruiker,
        omschrijving=f"versie {nummer} teruggezet (was versie {huidig})",
    ) as doel:
        # what the app wrote itself and the counters come from the current version: a restore
        # of the data never undoes a pilot, and the version seen by caches only goes up
        cur = doel.cursor()
        try:
            cur.execute("attach $p as huidig (read_only)", {"p": str(lees_pad(p))})
            cur.execute("begin transaction")
            for tabel in APP_TABELLEN:
                cur.execute(f"delete from {tabel}")
                cur.execute(f"insert into {tabel} by name select * from huidig.{tabel}")
            cur.execute(
                "update wijziging set teller = (select max(teller) + 1 from huidig.wijziging)"
            )
            cur.execute(
                "insert into import_log select (select max(import_id) + 1 from huidig.import_log),"
                " $t, $g, 'herstel', null, $o, null",
                {
                    "t": dt.datetime.now().replace(microsecond=0),
                    "g": gebruiker,
                    "o": f"Versie {nummer} teruggezet (was versie {huidig})",
                },
            )
            cur.execute("commit")
            cur.execute("detach huidig")
        finally:
            cur.close()
    nieuw = int(huidig_nummer(p) or 0)
    from dashboard.appdb import schrijf_log

    schrijf_log(
        p, wie, "herstel", f"versie {nummer} teruggezet als versie {nieuw} (was versie {huidig})",
        naam=gebruiker, details={"naar": nummer, "nieuw": nieuw, "was": huidig},
    )  # fmt: skip
    return nummer, nieuw
