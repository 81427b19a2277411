"""The DuckDB store: schema migrations, snapshots of each import, and the facts built from them.

One `Store` per process holds one connection; every query runs on a fresh cursor (connections are
not thread-safe, Streamlit sessions are threads). Writes go through one lock and one transaction:
an import or a restore either lands completely, facts included, or not at all.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

import queries
from dashboard.config import settings

MIGRATIES: tuple[str, ...] = (
    "schema/001_basis",
    "schema/002_wijzigingsteller",
    "schema/003_herstel_en_bouwversie",
    "schema/004_tussenstappen_tijdelijk",
    "schema/005_afspraak_deadline",
    "schema/006_pilot_geselecteerd_op",
    "schema/007_afspraak_afgesloten",
)

#: The build's three phases: what runs once before the blocks of months, what runs for each block
#: (planned by build/maandblok, named by build/kalender_blok: they add the block's rows to
#: medewerker_maand and feit; bounded blocks keep every join and sort in memory, so that the
#: build's memory does not grow with the number of employees and its time grows linearly), and
#: what runs after the last block. Within a phase the order is derived from what each statement
#: reads, writes and drops (`queries.bouwvolgorde`): a new step only needs its phase.
BOUW_VOORAF: tuple[str, ...] = queries.bouwvolgorde(
    (
        "build/attribuut", "build/dienst", "build/eenheid", "build/eenheid_voorouder",
        "build/fase", "build/fase_verzuim", "build/feit", "build/kalender", "build/maandblok",
        "build/medewerker", "build/medewerker_maand", "build/melding", "build/melding_blok",
        "build/melding_start", "build/melding_start_blok", "build/peil", "build/reeks", "build/reeks_middellang",
    )
)  # fmt: skip
BOUW_PER_BLOK: tuple[str, ...] = queries.bouwvolgorde(
    (
        "build/dienst_maand", "build/feit_beeindigd", "build/feit_bezetting", "build/feit_blok",
        "build/feit_medewerkers", "build/feit_meldingen", "build/feit_verzuim",
        "build/medewerker_maand_blok", "build/medewerker_maand_los", "build/persoon_maand",
        "build/verzuim_dag",
    )
)  # fmt: skip
BOUW_DAARNA: tuple[str, ...] = queries.bouwvolgorde(
    ("build/bevinding", "build/feit_eenheid", "build/opruimen")
)
#: Every query of the build (the store's build fingerprint covers them all).
BOUWSTAPPEN: tuple[str, ...] = (
    *BOUW_VOORAF,
    "build/kalender_blok",
    *BOUW_PER_BLOK,
    *BOUW_DAARNA,
)
#: About this many employment-period months per block: at the default memory limit (768MB) a
#: block's joins stay in memory (the 1x benchmark extract has about 86,000 a month: 23 months).
BLOK_RIJEN = 2_000_000


class StoreFout(Exception):
    """The store cannot be opened or written; the message is Dutch."""


class VerdachteImport(StoreFout):
    """An import that would remove more than half of the rows it replaces, or move an
    organisation's peildatum backwards; refused unless confirmed. The message is Dutch."""


class StoreVerouderd(StoreFout):
    """A read-only open found a store made by an older version (it must be opened for writing
    once, which migrates it and rebuilds the facts)."""


@dataclass(frozen=True)
class NieuweSnapshot:
    """Rows of one kind for one client organisation (and survey wave), ready to insert."""

    soort: str
    organisatie: str
    sleutel: str
    rijen: pl.DataFrame


class Store:
    """A DuckDB store: base tables with snapshots, derived facts, and query helpers."""

    def __init__(
        self, path: str | Path = ":memory:", *, read_only: bool = False, opslag: Path | None = None
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        #: the configured store path whose version `path` is (dashboard/versies.py); writes
        #: through a read-only Store become the next version of it
        self.opslag = Path(opslag) if opslag is not None else Path(self.path)
        try:
            # beyond its memory limit DuckDB spills to this directory (the build's blocks keep
            # that rare, see BOUW_PER_BLOK); no statement needs rows in insertion order
            self._con = duckdb.connect(
                self.path,
                read_only=read_only,
                config={
                    "memory_limit": settings().duckdb_geheugen,
                    "temp_directory": str(tijdelijke_map(self.path, read_only)),
                    "preserve_insertion_order": False,
                },
            )
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreFout(
                    f"de gegevensopslag {self.path} is in gebruik door een ander proces "
                    "(bijvoorbeeld de app); stop dat proces of importeer via de app"
                ) from exc
            raise StoreFout(
                f"de gegevensopslag {self.path} kan niet worden geopend: {exc}"
            ) from exc
        except duckdb.Error as exc:
            raise StoreFout(f"{self.path} is geen Verzuimzicht-gegevensopslag ({exc})") from exc
        self._lock = threading.RLock()
        self._onthouden: dict[tuple[Any, ...], Any] = {}
        #: Seconds per build step of the last rebuild by this object (summed over the blocks).
        self.bouwtijden: dict[str, float] = {}
        if not read_only:
            self._migreer()
        elif not self._actueel():
            self._con.close()
            raise StoreVerouderd(
                f"de gegevensopslag {self.path} is gemaakt met een oudere versie van Verzuimzicht "
                "en moet eenmaal worden bijgewerkt (open hem met de app of met een import)"
            )

    # -- connection ---------------------------------------------------------------------------

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A fresh cursor for one query (thread-safe use of the shared connection)."""
        return self._con.cursor()

    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    def query(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        relaties: Mapping[str, pl.DataFrame] | None = None,
    ) -> pl.DataFrame:
        """Run `queries/<name>.sql` with bound parameters and registered input relations."""
        cur = self.cursor()
        try:
            return queries.vraag(cur, name, params, relaties)
        finally:
            cur.close()

    def onthoud(self, sleutel: tuple[Any, ...], maak: Callable[[], Any]) -> Any:
        """A value derived from this store version, made once (e.g. the publication pattern
        for a minimum other than the stored one); `sleutel` must include the version."""
        with self._lock:
            if sleutel not in self._onthouden:
                if len(self._onthouden) > 16:
                    self._onthouden.clear()
                self._onthouden[sleutel] = maak()
            return self._onthouden[sleutel]

    def sql(self, text: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """Run a short fixed statement (no user text in `text`, values only as parameters)."""
        cur = self.cursor()
        try:
            rel = cur.sql(text, params=dict(params or {}))
            return rel.fetchall() if rel is not None else []
        finally:
            cur.close()

    def frame(self, text: str, params: Mapping[str, Any] | None = None) -> pl.DataFrame:
        """Like `sql`, as a polars frame."""
        cur = self.cursor()
        try:
            return cur.sql(text, params=dict(params or {})).pl()
        finally:
            cur.close()

    @property
    def versie(self) -> int:
        """Changes with every import, restore or small write; part of every cache key."""
        rij = self.sql(
            "select (select coalesce(max(import_id), 0) from import_log) * 1000000"
            " + (select coalesce(max(teller), 0) from wijziging)"
        )
        return int(rij[0][0])

    @property
    def gegevensversie(self) -> int:
        """Changes with every import or restore (not with small writes such as pilots)."""
        rij = self.sql("select coalesce(max(import_id), 0) from import_log")
        return int(rij[0][0])

    # -- schema -------------------------------------------------------------------------------

    def _migreer(self) -> None:
        with self._lock:
            cur = self.cursor()
            cur.execute("create table if not exists schema_versie (versie integer not null)")
            rows = cur.sql("select coalesce(max(versie), 0) from schema_versie").fetchall()
            huidig = int(rows[0][0])
            if huidig >= len(MIGRATIES) and self._bouw_actueel(cur):
                cur.close()
                return
            cur.execute("begin transaction")
            try:
                for versie, naam in enumerate(MIGRATIES, start=1):
                    if versie > huidig:
                        cur.execute(queries.sql(naam))
                        cur.execute("insert into schema_versie values ($v)", {"v": versie})
                # the facts are derived: a store built by older SQL is rebuilt on open
                self._herbouw(cur)
                cur.execute("commit")
            except Exception:
                cur.execute("rollback")
                raise
            finally:
                cur.close()

    def _herbouw(self, cur: duckdb.DuckDBPyConnection) -> None:
        """Rebuild every derived table from the active snapshots (inside the caller's transaction)."""
        from dashboard import publicatie

        tijden: dict[str, float] = {}

        def stap(naam: str, params: Mapping[str, Any] | None = None) -> None:
            begin = time.perf_counter()
            cur.execute(queries.sql(naam), None if params is None else dict(params))
            tijden[naam] = tijden.get(naam, 0.0) + time.perf_counter() - begin

        parameters = {
            "build/kalender": {"horizon": settings().horizon_jaren},
            "build/maandblok": {"rijen": BLOK_RIJEN},
        }
        for naam in BOUW_VOORAF:
            stap(naam, parameters.get(naam))
        for (blok,) in cur.sql("select blok from maandblok order by blok").fetchall():
            stap("build/kalender_blok", {"blok": blok})
            for naam in BOUW_PER_BLOK:
                stap(naam)
        for naam in BOUW_DAARNA:
            stap(naam)
        # the publication pattern (DESIGN 4) for the configured minimum, over the whole tree
        begin = time.perf_counter()
        minimum = settings().min_groep
        cur.register("nieuw_patroon", publicatie.bereken(cur, minimum))
        cur.execute("create or replace table publicatie as select * from nieuw_patroon")
        cur.unregister("nieuw_patroon")
        cur.execute(
            "create or replace table publicatie_minimum as select $m as min_groep", {"m": minimum}
        )
        cur.execute("delete from bouwversie")
        cur.execute("insert into bouwversie values ($h)", {"h": bouw_hash()})
        tijden["publicatie"] = time.perf_counter() - begin
        self.bouwtijden = tijden

    def _actueel(self) -> bool:
        """True when the schema and the facts are those of this version."""
        cur = self.cursor()
        try:
            rows = cur.sql("select coalesce(max(versie), 0) from schema_versie").fetchall()
            return int(rows[0][0]) >= len(MIGRATIES) and self._bouw_actueel(cur)
        except duckdb.Error:
            return False
        finally:
            cur.close()

    @staticmethod
    def _bouw_actueel(cur: duckdb.DuckDBPyConnection) -> bool:
        rows = cur.sql("select max(sha256) from bouwversie").fetchall()
        return bool(rows) and rows[0][0] == bouw_hash()

    @contextmanager
    def transactie(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction under the writer lock; facts are rebuilt before the commit."""
        with self._schrijven(herbouw=True) as cur:
            yield cur

    @contextmanager
    def schrijf(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A small write transaction (pilots, agreements) that does not touch the facts; it
        counts as a change of the store version so cached views refresh."""
        with self._schrijven(herbouw=False) as cur:
            yield cur

    @contextmanager
    def _schrijven(self, *, herbouw: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.read_only:
            if self.path == ":memory:":
                raise StoreFout("de gegevensopslag is alleen-lezen geopend")
            # a store file opened read-only (the app, the CLI) is written as a new version
            # beside it and switched atomically (dashboard/versies.py): readers never wait and
            # never see half a write; this object keeps reading the version it opened
            from dashboard import versies

            with (
                versies.nieuwe_versie(self.opslag) as doel,
                doel._schrijven(herbouw=herbouw) as cur,
            ):
                yield cur
            return
        voor_commit: Callable[[duckdb.DuckDBPyConnection], object] = (
            self._herbouw
            if herbouw
            else lambda cur: cur.execute("update wijziging set teller = teller + 1")
        )
        with self._lock:
            cur = self.cursor()
            cur.execute("begin transaction")
            try:
                yield cur
                voor_commit(cur)
                cur.execute("commit")
            except BaseException:
                cur.execute("rollback")
                raise
            finally:
                cur.close()

    # -- writes -------------------------------------------------------------------------------

    def vervang_snapshots(
        self,
        snapshots: list[NieuweSnapshot],
        *,
        gebruiker: str,
        peildatum: dt.date | None,
        bestanden: list[dict[str, Any]],
        omschrijving: str,
        bevestigd: bool = False,
    ) -> int:
        """Store new snapshots and make them active, in one transaction; returns the import id.

        Unless `bevestigd`, a suspicious import (see `verdacht`) raises VerdachteImport first."""
        if not bevestigd:
            redenen = self.verdacht(snapshots, peildatum)
            if redenen:
                raise VerdachteImport(
                    "deze import lijkt niet te kloppen: "
                    + "; ".join(redenen)
                    + ". Er is niets veranderd. Controleer de extracten; is dit toch de bedoeling, "
                    "bevestig de import dan (--bevestig, of het vinkje op de pagina Gegevens)"
                )
        with self.transactie() as cur:
            import_id = _volgende(cur, "import_log", "import_id")
            cur.execute(
                "insert into import_log values ($id, $t, $g, 'import', $p, $o, null)",
                {"id": import_id, "t": _nu(), "g": gebruiker, "p": peildatum, "o": omschrijving},
            )
            for b in bestanden:
                cur.execute(
                    "insert into import_bestand values ($id, $soort, $naam, $sha, $gelezen, $ok)",
                    {"id": import_id, **b},
                )
            snapshot_id = _volgende(cur, "snapshot", "snapshot_id")
            # the frames are consumed: the caller's list is emptied so that their memory is free
            # before the facts are built
            while snapshots:
                s = snapshots.pop(0)
                vorige = cur.sql(
                    "select snapshot_id from actief where soort = $s and organisatie = $o "
                    "and sleutel = $k",
                    params={"s": s.soort, "o": s.organisatie, "k": s.sleutel},
                ).fetchall()
                cur.execute(
                    "insert into snapshot values ($sid, $iid, $soort, $org, $k, $p, $n, $vorige)",
                    {
                        "sid": snapshot_id,
                        "iid": import_id,
                        "soort": s.soort,
                        "org": s.organisatie,
                        "k": s.sleutel,
                        "p": peildatum,
                        "n": s.rijen.height,
                        "vorige": vorige[0][0] if vorige else None,
                    },
                )
                cur.register("nieuw", s.rijen)
                cur.execute(
                    f"insert into {_RIJ_TABEL[s.soort]} select $sid, * from nieuw",
                    {"sid": snapshot_id},
                )
                cur.unregister("nieuw")
                cur.execute(
                    "insert or replace into actief values ($soort, $org, $k, $sid)",
                    {"soort": s.soort, "org": s.organisatie, "k": s.sleutel, "sid": snapshot_id},
                )
                del s
                snapshot_id += 1
        return import_id

    def verdacht(self, snapshots: list[NieuweSnapshot], peildatum: dt.date | None) -> list[str]:
        """Why these snapshots look like a mistake (Dutch), empty when they do not: a snapshot
        with fewer than half the rows of the one it replaces, or an organisation's peildatum
        moved backwards."""
        huidig = {
            (str(soort), str(org), str(sleutel)): (int(rijen), peil)
            for soort, org, sleutel, rijen, peil in self.sql(
                "select s.soort, s.organisatie, s.sleutel, s.rijen, s.peildatum "
                "from actief a join snapshot s using (snapshot_id)"
            )
        }
        redenen: list[str] = []
        terug: set[str] = set()
        for sn in snapshots:
            vorige = huidig.get((sn.soort, sn.organisatie, sn.sleutel))
            if vorige is None:
                continue
            rijen, peil = vorige
            if sn.rijen.height * 2 < rijen:
                wat = f"{sn.soort}-gegevens van {sn.organisatie}" + (
                    f" (meting {sn.sleutel})" if sn.sleutel else ""
                )
                redenen.append(
                    f"de {wat} zouden van {rijen} naar {sn.rijen.height} rijen gaan "
                    "(meer dan de helft verdwijnt)"
                )
            achteruit = peildatum is not None and peil is not None and peildatum < peil
            if achteruit and sn.organisatie not in terug:
                terug.add(sn.organisatie)
                redenen.append(
                    f"de peildatum van {sn.organisatie} zou teruggaan van "
                    f"{peil:%d-%m-%Y} naar {peildatum:%d-%m-%Y}"
                )
        return redenen

    def herstel_vorige(self, gebruiker: str, verwacht: int | None = None) -> int | None:
        """Undo the most recent import that is still active; returns its id, None if nothing to undo.

        `verwacht`: the import the user confirmed to undo; when another import became the latest in
        the meantime, nothing is changed and StoreFout is raised.
        """
        with self.transactie() as cur:
            rows = cur.sql(
                "select max(s.import_id) from actief a join snapshot s using (snapshot_id)"
            ).fetchall()
            import_id = rows[0][0] if rows else None
            if import_id is None:
                return None
            if verwacht is not None and import_id != verwacht:
                raise StoreFout(
                    f"er is inmiddels een andere import (nummer {import_id}) de laatste; "
                    "er is niets teruggezet, bekijk de geschiedenis opnieuw"
                )
            stappen = cur.sql(
                "select s.soort, s.organisatie, s.sleutel, s.vorige_snapshot_id "
                "from snapshot s join actief a using (snapshot_id) where s.import_id = $i",
                params={"i": import_id},
            ).fetchall()
            for soort, organisatie, sleutel, vorige in stappen:
                params = {"s": soort, "o": organisatie, "k": sleutel}
                if vorige is None:
                    cur.execute(
                        "delete from actief where soort = $s and organisatie = $o and sleutel = $k",
                        params,
                    )
                else:
                    cur.execute(
                        "update actief set snapshot_id = $v "
                        "where soort = $s and organisatie = $o and sleutel = $k",
                        {**params, "v": vorige},
                    )
            nieuw_id = _volgende(cur, "import_log", "import_id")
            cur.execute(
                "insert into import_log values ($id, $t, $g, 'herstel', null, $o, $h)",
                {
                    "id": nieuw_id,
                    "t": _nu(),
                    "g": gebruiker,
                    "o": f"Import {import_id} teruggedraaid; de vorige gegevens zijn weer actief",
                    "h": import_id,
                },
            )
            return int(import_id)


_RIJ_TABEL = {
    "organisatie": "organisatie_rij",
    "personeel": "personeel_rij",
    "verzuim": "verzuim_rij",
    "enquete": "enquete_rij",
}


def bouw_hash() -> str:
    """Fingerprint of the SQL and the pattern rule that build the derived tables."""
    import hashlib

    from dashboard import publicatie

    delen = [queries.load(s) for s in (*BOUWSTAPPEN, *publicatie.QUERIES)]
    delen.append(f"publicatiepatroon {publicatie.VERSIE}")
    return hashlib.sha256("\n".join(delen).encode()).hexdigest()


def _volgende(cur: duckdb.DuckDBPyConnection, tabel: str, kolom: str) -> int:
    rows = cur.sql(f"select coalesce(max({kolom}), 0) + 1 from {tabel}").fetchall()
    return int(rows[0][0])


def _nu() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def tijdelijke_map(path: str | Path, read_only: bool = False) -> Path:
    """Where DuckDB spills for a store: next to a store file opened for writing (one writer per
    file), else a directory of this process (several read-only processes may share a store on
    storage they cannot write); under VERZUIMZICHT_DUCKDB_TIJDELIJK when set. DuckDB creates the
    directory when it first spills and removes it when the store is closed."""
    import os
    import tempfile

    pad = Path(path)
    eigen = str(path) != ":memory:" and not read_only
    basis = settings().duckdb_tijdelijk or (
        pad.resolve().parent if eigen else Path(tempfile.gettempdir())
    )
    return basis / (f"{pad.name}.tmp" if eigen else f"verzuimzicht-{os.getpid()}.tmp")


def open_lezen(path: str | Path) -> Store:
    """Open a store read-only; one made by an older version is first brought up to date (which
    needs write access once)."""
    from dashboard import versies

    try:
        return Store(versies.lees_pad(path), read_only=True, opslag=Path(path))
    except StoreVerouderd:
        # brought up to date as a new version: readers of the old one keep it meanwhile
        with versies.nieuwe_versie(
            path, actie="bijwerken", omschrijving="bijgewerkt naar deze versie van Verzuimzicht"
        ):
            pass
        return Store(versies.lees_pad(path), read_only=True, opslag=Path(path))


def open_of_maak(path: str | Path) -> Store:
    """Open a store read-only, creating an empty one (as its first version) when none exists;
    every write through it becomes a new version (dashboard/versies.py)."""
    from dashboard import versies

    if not Path(path).exists():
        with versies.nieuwe_versie(path, actie="nieuw", omschrijving="lege gegevensopslag"):
            pass
    return open_lezen(path)


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open the configured store (VERZUIMZICHT_DB or data/verzuimzicht.duckdb)."""
    target = Path(path) if path is not None else settings().db_path
    if not read_only:
        target.parent.mkdir(parents=True, exist_ok=True)
    return Store(target, read_only=read_only)
