"""Agreements (afspraken) of the monthly consultation, stored per client organisation and month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard.appdb import schrijf_log
from dashboard.i18n import N_
from dashboard.periods import Maand
from dashboard.rollen import LOKAAL, Gebruiker, vereis
from dashboard.store import Store

STATUSSEN: tuple[str, ...] = ("open", "loopt", "afgerond", "vervallen")
#: Statuses that carry an agreement to the next consultation.
LOPEND: tuple[str, ...] = ("open", "loopt")

LEEG = N_("Beschrijf de afspraak.")
TE_LANG = N_("Een afspraak is hooguit 500 tekens.")
TE_VROEG = N_("De deadline ligt vóór het overleg.")


class AfspraakFout(ValueError):
    """An agreement that cannot be stored; the message is a Dutch catalogue text (translate it
    with `t(str(fout), taal)`)."""


@dataclass(frozen=True)
class Afspraak:
    """One agreement: what, who, and how far it is."""

    organisatie: str
    maand: Maand
    tekst: str
    eigenaar: str = ""
    status: str = "open"
    afspraak_id: int | None = None
    deadline: dt.date | None = None
    #: the consultation in which it was closed (afgerond or vervallen); None while it runs
    afgesloten_in: Maand | None = None


def van_overleg(store: Store, organisatie: str, maand: Maand) -> list[Afspraak]:
    """The agreements made in the consultation of `maand`."""
    return _lees(
        store,
        "where organisatie = $o and overleg_maand = $m",
        {"o": organisatie, "m": maand.eerste_dag},
    )


def lopend_voor(store: Store, organisatie: str, maand: Maand) -> list[Afspraak]:
    """The agreements this consultation looks back on: those made in earlier ones that are
    still open or loopt (carried to this one), plus those closed in this one."""
    return _lees(
        store,
        "where organisatie = $o and overleg_maand < $m and (status in ('open', 'loopt') "
        "or afgesloten_in = $m)",
        {"o": organisatie, "m": maand.eerste_dag},
    )


def vorige_keer(
    store: Store, organisatie: str, maand: Maand
) -> tuple[Maand | None, list[Afspraak]]:
    """The agreements of the latest consultation before `maand` ('afspraken vorige keer')."""
    rijen = store.sql(
        "select max(overleg_maand) from afspraak where organisatie = $o and overleg_maand < $m",
        {"o": organisatie, "m": maand.eerste_dag},
    )
    vorige = rijen[0][0] if rijen else None
    if vorige is None:
        return None, []
    m = Maand.of(vorige)
    return m, van_overleg(store, organisatie, m)


def _lees(store: Store, waar: str, params: dict[str, object]) -> list[Afspraak]:
    frame = store.frame(
        "select afspraak_id, organisatie, overleg_maand, tekst, eigenaar, status, deadline, "
        "afgesloten_in from afspraak "
        f"{waar} order by afspraak_id",
        params,
    )
    return [
        Afspraak(
            r["organisatie"],
            Maand.of(r["overleg_maand"]),
            r["tekst"],
            r["eigenaar"],
            r["status"],
            r["afspraak_id"],
            r["deadline"],
            Maand.of(r["afgesloten_in"]) if r["afgesloten_in"] else None,
        )
        for r in frame.iter_rows(named=True)
    ]


def bewaar(store: Store, afspraak: Afspraak, *, wie: Gebruiker = LOKAAL) -> int:
    """Insert or update an agreement; returns its id (`wie`: an adviseur of its organisation)."""
    vereis(wie, "adviseur", afspraak.organisatie)
    tekst = afspraak.tekst.strip()
    if not tekst:
        raise AfspraakFout(LEEG)
    if len(tekst) > 500:
        raise AfspraakFout(TE_LANG)
    if afspraak.deadline is not None and afspraak.deadline < afspraak.maand.eerste_dag:
        raise AfspraakFout(TE_VROEG)
    if afspraak.status not in STATUSSEN:
        raise AfspraakFout(f"onbekende status '{afspraak.status}'")
    uit = _schrijf_afspraak(store, afspraak, tekst)
    schrijf_log(
        store, wie, "afspraak_bewaard", f"{tekst} ({afspraak.eigenaar.strip()}, {afspraak.status})",
        organisatie=afspraak.organisatie, maand=str(afspraak.maand), details={"afspraak_id": uit},
    )  # fmt: skip
    return uit


def _schrijf_afspraak(store: Store, afspraak: Afspraak, tekst: str) -> int:
    nu = dt.datetime.now().replace(microsecond=0)
    with store.schrijf() as cur:
        if afspraak.afspraak_id is None:
            nieuw = int(
                cur.sql("select coalesce(max(afspraak_id), 0) + 1 from afspraak").fetchall()[0][0]
            )
            cur.execute(
                "insert into afspraak (afspraak_id, organisatie, overleg_maand, tekst, eigenaar, "
                "status, gewijzigd, deadline) values ($id, $o, $m, $t, $e, $s, $nu, $d)",
                {"id": nieuw, "o": afspraak.organisatie, "m": afspraak.maand.eerste_dag, "t": tekst,
                 "e": afspraak.eigenaar.strip(), "s": afspraak.status, "nu": nu,
                 "d": afspraak.deadline},
            )  # fmt: skip
            return nieuw
        cur.execute(
            "update afspraak set tekst = $t, eigenaar = $e, status = $s, gewijzigd = $nu, "
            "deadline = $d, afgesloten_in = case when $s in ('open', 'loopt') then null "
            "else coalesce(afgesloten_in, $in) end where afspraak_id = $id",
            {
                "id": afspraak.afspraak_id,
                "t": tekst,
                "e": afspraak.eigenaar.strip(),
                "s": afspraak.status,
                "nu": nu,
                "d": afspraak.deadline,
                "in": (afspraak.afgesloten_in or Maand.of(dt.date.today())).eerste_dag,
            },
        )
        return afspraak.afspraak_id


def zet_status(
    store: Store,
    afspraak_id: int,
    status: str,
    *,
    wie: Gebruiker = LOKAAL,
    in_overleg: Maand | None = None,
) -> None:
    """Change the status of an agreement (`wie`: an adviseur of its organisation). Closing it
    (afgerond, vervallen) records the consultation `in_overleg` (default: this month) in which it
    was closed; reopening clears that."""
    vereis(wie, "adviseur", _organisatie_van(store, afspraak_id))
    if status not in STATUSSEN:
        raise AfspraakFout(f"onbekende status '{status}'")
    with store.schrijf() as cur:
        cur.execute(
            "update afspraak set status = $s, gewijzigd = $nu, afgesloten_in = case when $s in "
            "('open', 'loopt') then null else coalesce(afgesloten_in, $in) end "
            "where afspraak_id = $id",
            {
                "id": afspraak_id,
                "s": status,
                "nu": dt.datetime.now().replace(microsecond=0),
                "in": (in_overleg or Maand.of(dt.date.today())).eerste_dag,
            },
        )
    schrijf_log(
        store, wie, "afspraak_status", f"afspraak {afspraak_id}: {status}",
        organisatie=_organisatie_van(store, afspraak_id) or None,
    )  # fmt: skip


def _organisatie_van(store: Store, afspraak_id: int) -> list[str]:
    rij = store.sql("select organisatie from afspraak where afspraak_id = $id", {"id": afspraak_id})
    return [str(rij[0][0])] if rij else []


def verwijder(store: Store, afspraak_id: int, *, wie: Gebruiker = LOKAAL) -> None:
    """Delete an agreement (`wie`: an adviseur of its organisation)."""
    organisatie = _organisatie_van(store, afspraak_id)
    vereis(wie, "adviseur", organisatie)
    with store.schrijf() as cur:
        cur.execute("delete from afspraak where afspraak_id = $id", {"id": afspraak_id})
    schrijf_log(
        store, wie, "afspraak_verwijderd", f"afspraak {afspraak_id}",
        organisatie=organisatie or None,
    )  # fmt: skip
