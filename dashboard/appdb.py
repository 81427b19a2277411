"""The app database: what the app writes itself, in a small transactional database beside the
analytical store. Today it holds the audit log (`logboek`); the tables for pilots, agreements,
norms and meetings are declared for their move here (they still live in the DuckDB store).

SQLite (WAL) by default, next to the store file (`verzuimzicht.duckdb` ->
`verzuimzicht.app.sqlite`); PostgreSQL when VERZUIMZICHT_APP_DB holds a URL, so that several app
processes on several machines share it. One code path serves both: SQLAlchemy Core, with every
table declared below. Every change is written in one transaction together with its audit entry.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from dashboard.config import settings
from dashboard.rollen import Gebruiker, Geweigerd

#: Raise when the tables below change in a way `create_all` cannot add (then migrate by hand).
SCHEMA_VERSIE = 1

metadata = sa.MetaData()

#: Small facts about the database itself: schema version, one-off migrations, change counter.
meta = sa.Table(
    "meta",
    metadata,
    sa.Column("sleutel", sa.String(64), primary_key=True),
    sa.Column("waarde", sa.String(200), nullable=False),
)

pilot = sa.Table(
    "pilot",
    metadata,
    sa.Column("pilot_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("naam", sa.String(200), nullable=False, unique=True),
    sa.Column("omschrijving", sa.Text, nullable=False, default=""),
    sa.Column("begin", sa.Date, nullable=False),
    sa.Column("eind", sa.Date, nullable=False),
    sa.Column("pilot_eenheden", sa.JSON, nullable=False),
    sa.Column("vergelijk_eenheden", sa.JSON, nullable=False),
    sa.Column("selectie_reden", sa.Text, nullable=False, default=""),
    #: client organisations of the units (for role checks and the audit log)
    sa.Column("organisaties", sa.JSON, nullable=False),
    #: fields of the Pilot dataclass that have no column of their own (carried through as JSON)
    sa.Column("extra", sa.JSON, nullable=False),
    sa.Column("gewijzigd", sa.DateTime, nullable=False),
    sa.Column("gewijzigd_door", sa.String(200), nullable=False, default=""),
)

afspraak = sa.Table(
    "afspraak",
    metadata,
    sa.Column("afspraak_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("organisatie", sa.String(64), nullable=False),
    #: the meeting in which it was made (first day of its month)
    sa.Column("maand", sa.Date, nullable=False),
    sa.Column("tekst", sa.Text, nullable=False),
    sa.Column("eigenaar", sa.String(200), nullable=False, default=""),
    sa.Column("deadline", sa.Date, nullable=True),
    sa.Column("status", sa.String(16), nullable=False),
    #: the meeting in which it was closed (afgerond or vervallen); null while open
    sa.Column("afgesloten_in", sa.Date, nullable=True),
    sa.Column("aangemaakt", sa.DateTime, nullable=False),
    sa.Column("aangemaakt_door", sa.String(200), nullable=False),
    sa.Column("gewijzigd", sa.DateTime, nullable=False),
    sa.Column("gewijzigd_door", sa.String(200), nullable=False),
    sa.CheckConstraint(
        "status in ('open', 'loopt', 'afgerond', 'vervallen')", name="afspraak_status"
    ),
    sa.Index("afspraak_organisatie_maand", "organisatie", "maand"),
)

norm = sa.Table(
    "norm",
    metadata,
    sa.Column("organisatie", sa.String(64), primary_key=True),
    #: target verzuimpercentage (e.g. 5.5 for 5,5%)
    sa.Column("verzuimpercentage", sa.Float, nullable=True),
    #: target meldingsfrequentie (reports per employee per year)
    sa.Column("meldingsfrequentie", sa.Float, nullable=True),
    sa.Column("gewijzigd", sa.DateTime, nullable=False),
    sa.Column("gewijzigd_door", sa.String(200), nullable=False),
)

overleg = sa.Table(
    "overleg",
    metadata,
    sa.Column("organisatie", sa.String(64), primary_key=True),
    sa.Column("maand", sa.Date, primary_key=True),
    sa.Column("eenheid", sa.String(64), nullable=True),
    sa.Column("niveau", sa.Integer, nullable=True),
    sa.Column("eenheden", sa.JSON, nullable=False),
    sa.Column("pilots", sa.JSON, nullable=False),
    sa.Column("schalen", sa.JSON, nullable=False),
    sa.Column("aangemaakt", sa.DateTime, nullable=False),
    sa.Column("aangemaakt_door", sa.String(200), nullable=False),
    sa.Column("gewijzigd", sa.DateTime, nullable=False),
    sa.Column("gewijzigd_door", sa.String(200), nullable=False),
)

logboek = sa.Table(
    "logboek",
    metadata,
    sa.Column("logboek_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("tijdstip", sa.DateTime, nullable=False),
    sa.Column("gebruiker", sa.String(200), nullable=False),
    sa.Column("rol", sa.String(16), nullable=False),
    #: import, herstel, export, pilot_bewaard, pilot_verwijderd, afspraak_bewaard,
    #: afspraak_status, afspraak_verwijderd, norm_bewaard, overleg_bewaard, geweigerd
    sa.Column("actie", sa.String(32), nullable=False),
    #: what, in words (file names, the pilot's name, the agreement's text)
    sa.Column("onderwerp", sa.Text, nullable=False),
    #: the organisations concerned, comma-separated; null: none in particular
    sa.Column("organisatie", sa.Text, nullable=True),
    #: the month concerned (JJJJ-MM), e.g. of a meeting or an export
    sa.Column("maand", sa.String(7), nullable=True),
    #: the store version the action made or read
    sa.Column("versie", sa.Integer, nullable=True),
    sa.Column("details", sa.JSON, nullable=False),
    sa.Index("logboek_tijdstip", "tijdstip"),
)

#: What the audit log calls each action (the CLI and the Gegevens page show these words).
ACTIES: dict[str, str] = {
    "import": "gegevens ingelezen",
    "herstel": "versie teruggezet",
    "export": "geëxporteerd",
    "pilot_bewaard": "pilot bewaard",
    "pilot_verwijderd": "pilot verwijderd",
    "afspraak_bewaard": "afspraak bewaard",
    "afspraak_status": "status van afspraak gewijzigd",
    "afspraak_verwijderd": "afspraak verwijderd",
    "norm_bewaard": "norm bewaard",
    "overleg_bewaard": "overleg bewaard",
    "geweigerd": "geweigerd",
}


class AppDbFout(Exception):
    """The app database cannot be opened or written; the message is Dutch."""


class _MetPad(Protocol):
    @property
    def path(self) -> str: ...


def nu() -> dt.datetime:
    """The time recorded for a change (whole seconds, local time as the import log has it)."""
    return dt.datetime.now().replace(microsecond=0)


class AppDb:
    """One app database: an SQLAlchemy engine plus the write transaction with its audit entry."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        self._lock = threading.Lock()
        try:
            self._maak_schema()
        except sa.exc.SQLAlchemyError as exc:
            raise AppDbFout(
                f"de app-database {veilige_url(url)} kan niet worden geopend: {exc}"
            ) from exc

    @property
    def soort(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    def _maak_schema(self) -> None:
        with self.schrijf() as conn:
            if self.soort == "postgresql":
                # several processes may start at once: one creates the tables, the others wait
                conn.execute(sa.text("select pg_advisory_xact_lock(7140014)"))
            metadata.create_all(conn)
            versie = conn.execute(
                sa.select(meta.c.waarde).where(meta.c.sleutel == "schema_versie")
            ).scalar()
            if versie is None:
                conn.execute(
                    meta.insert().values(sleutel="schema_versie", waarde=str(SCHEMA_VERSIE))
                )
                conn.execute(meta.insert().values(sleutel="teller", waarde="0"))
            elif int(versie) > SCHEMA_VERSIE:
                raise AppDbFout(
                    f"de app-database {veilige_url(self.url)} is gemaakt door een nieuwere versie "
                    "van Verzuimzicht"
                )

    @contextmanager
    def lees(self) -> Iterator[Connection]:
        """A connection for reading (one snapshot of the data within it)."""
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def schrijf(self) -> Iterator[Connection]:
        """One write transaction; it counts as a change (`teller`) so cached views refresh."""
        with (
            self._lock if self.soort == "sqlite" else _geen_lock(),
            self.engine.connect().execution_options(schrijven=True) as conn,
            conn.begin(),
        ):
            yield conn
            conn.execute(
                meta.update()
                .where(meta.c.sleutel == "teller")
                .values(waarde=sa.cast(sa.cast(meta.c.waarde, sa.Integer) + 1, sa.String))
            )

    def teller(self) -> int:
        """Changes so far: part of the cache key of views that show what the app db holds."""
        with self.lees() as conn:
            waarde = conn.execute(
                sa.select(meta.c.waarde).where(meta.c.sleutel == "teller")
            ).scalar()
        return int(waarde or 0)

    def meta_waarde(self, sleutel: str) -> str | None:
        """A value of the meta table (e.g. a one-off migration done)."""
        with self.lees() as conn:
            return conn.execute(sa.select(meta.c.waarde).where(meta.c.sleutel == sleutel)).scalar()

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()


@contextmanager
def _geen_lock() -> Iterator[None]:
    yield


def log(
    conn: Connection,
    wie: Gebruiker,
    actie: str,
    onderwerp: str,
    *,
    organisatie: str | Iterable[str] | None = None,
    maand: str | None = None,
    versie: int | None = None,
    details: Mapping[str, Any] | None = None,
) -> None:
    """Write one audit entry in the caller's transaction."""
    if actie not in ACTIES:
        raise ValueError(f"onbekende actie voor het logboek: {actie}")
    orgs = (
        None
        if organisatie is None
        else organisatie
        if isinstance(organisatie, str)
        else ",".join(sorted(set(organisatie))) or None
    )
    conn.execute(
        logboek.insert().values(
            tijdstip=nu(),
            gebruiker=wie.naam,
            rol=wie.rol,
            actie=actie,
            onderwerp=onderwerp[:2000],
            organisatie=orgs,
            maand=maand,
            versie=versie,
            details=json.loads(json.dumps(dict(details or {}), default=str)),
        )
    )


def log_weigering(db: AppDb, wie: Gebruiker, fout: Geweigerd, onderwerp: str, **waar: Any) -> None:
    """Record a refused action (in its own transaction: the refused change itself is not made)."""
    with db.schrijf() as conn:
        log(conn, wie, "geweigerd", f"{onderwerp}: {fout}", **waar)


# -- which database -----------------------------------------------------------------------------

_DATABASES: dict[str, AppDb] = {}
_DATABASES_LOCK = threading.Lock()


def url_voor(store_pad: str | Path) -> str:
    """The app database of a store: VERZUIMZICHT_APP_DB when set, else SQLite beside the store
    (in memory for an in-memory store)."""
    ingesteld = settings().app_db
    if ingesteld:
        return ingesteld
    if str(store_pad) == ":memory:":
        return "sqlite://"
    pad = Path(store_pad).resolve()
    naam = pad.name[: -len(".duckdb")] if pad.name.endswith(".duckdb") else pad.name
    return f"sqlite:///{pad.with_name(naam + '.app.sqlite')}"


def open_url(url: str) -> AppDb:
    """The process's AppDb for `url` (one engine per database per process)."""
    with _DATABASES_LOCK:
        db = _DATABASES.get(url)
        if db is None:
            db = AppDb(url)
            _DATABASES[url] = db
        return db


def van(bron: AppDb | _MetPad | str | Path) -> AppDb:
    """The app database for a store (its configured path; see `url_voor`), or `bron` itself."""
    if isinstance(bron, AppDb):
        return bron
    if isinstance(bron, str | Path):
        return open_url(url_voor(bron))
    basis = getattr(bron, "opslag", None) or bron.path
    if str(basis) == ":memory:":
        # an in-memory store has its own in-memory app database, for as long as it lives
        eigen: AppDb | None = getattr(bron, "_appdb", None)
        if eigen is None:
            eigen = AppDb("sqlite://")
            bron._appdb = eigen  # type: ignore[attr-defined]
        return eigen
    return open_url(url_voor(basis))


def vergeet(url: str | None = None) -> None:
    """Close and forget the process's engines (tests, and `demo --opnieuw`)."""
    with _DATABASES_LOCK:
        for sleutel in [url] if url else list(_DATABASES):
            db = _DATABASES.pop(sleutel, None) if sleutel else None
            if db is not None:
                db.close()


def veilige_url(url: str) -> str:
    """The URL without its password (for messages)."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "(ongeldige URL)"


def sqlite_pad(url: str) -> Path | None:
    """The file of an SQLite app database, None for PostgreSQL or in memory."""
    u = sa.engine.make_url(url)
    return Path(u.database) if u.get_backend_name() == "sqlite" and u.database else None


def _engine(url: str) -> Engine:
    try:
        u = sa.engine.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise AppDbFout(f"VERZUIMZICHT_APP_DB is geen geldige database-URL: {exc}") from exc
    backend = u.get_backend_name()
    if backend == "postgresql":
        if u.drivername == "postgresql":
            u = u.set(drivername="postgresql+psycopg")
        return sa.create_engine(u, pool_pre_ping=True, pool_size=5, max_overflow=5)
    if backend != "sqlite":
        raise AppDbFout(f"de app-database moet SQLite of PostgreSQL zijn, niet {backend}")
    if not u.database:
        engine = sa.create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(u, connect_args={"timeout": 30, "check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _verbonden(dbapi_conn: Any, _record: Any) -> None:
        # the driver's own transaction handling is off: BEGIN comes from the event below
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if u.database:
            # WAL: readers never wait for the writer, and several processes share the file
            cur.execute("pragma journal_mode=wal")
            cur.execute("pragma synchronous=normal")
        cur.execute("pragma busy_timeout=30000")
        cur.execute("pragma foreign_keys=on")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # a writer takes the write lock at once, so two writers queue instead of deadlocking
        immediate = conn.get_execution_options().get("schrijven", False)
        conn.exec_driver_sql("begin immediate" if immediate else "begin")

    return engine


# -- the audit log -------------------------------------------------------------------------------

#: The columns `logboek` shows (CLI and Gegevens page), in this order.
LOG_KOLOMMEN = ("tijdstip", "gebruiker", "rol", "actie", "onderwerp", "organisatie", "maand")


def schrijf_log(
    bron: AppDb | _MetPad | str | Path,
    wie: Gebruiker,
    actie: str,
    onderwerp: str,
    *,
    naam: str | None = None,
    **waar: Any,
) -> None:
    """Record one action in the audit log of the store `bron` (its own transaction). `naam`
    overrides the user's name (the command line records the system user as its name)."""
    if naam:
        wie = Gebruiker(naam, wie.rol, wie.organisaties, lokaal=wie.lokaal)
    with van(bron).schrijf() as conn:
        log(conn, wie, actie, onderwerp, **waar)


def lees_log(
    bron: AppDb | _MetPad | str | Path,
    organisaties: frozenset[str] | None = None,
    limiet: int | None = None,
) -> list[dict[str, Any]]:
    """The audit log, newest first; with `organisaties`, only entries about those (or about no
    organisation in particular)."""
    q = sa.select(*[logboek.c[k] for k in LOG_KOLOMMEN]).order_by(
        logboek.c.tijdstip.desc(), logboek.c.logboek_id.desc()
    )
    if limiet is not None:
        q = q.limit(limiet)
    with van(bron).lees() as conn:
        rijen = [dict(r._mapping) for r in conn.execute(q)]
    for r in rijen:
        r["actie"] = ACTIES.get(r["actie"], r["actie"])
    if organisaties is None:
        return rijen
    return [
        r
        for r in rijen
        if not r["organisatie"] or set(str(r["organisatie"]).split(",")) <= organisaties
    ]
